"""Parameter schemas for check kinds: each kind declares what it accepts, and a pack is validated
against it when loaded, so a typo in a local pack is an error naming the file and line, never a
rule that silently checks nothing."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import regex

from .prefilter import may_match, plan, required_literals


class SchemaError(ValueError):
    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


def line_of(value: Any, default: int | None = None) -> int | None:
    return getattr(value, "line", default)


PATTERN_FLAGS = regex.V1 | regex.MULTILINE
_HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


def _for_stdlib(pattern: str) -> str:
    """Rewrite \\p{Han} as explicit ranges so the standard `re` can compile the pattern."""
    out, i, in_class = [], 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and pattern.startswith("\\p{Han}", i):
            out.append(_HAN_RANGES if in_class else f"[{_HAN_RANGES}]")
            i += 7
            continue
        if ch == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        out.append(ch)
        i += 1
    return "".join(out)


def compile_pattern(pattern: str):
    """Compile with the standard `re` when it can express the pattern (it compiles several times
    faster, which matters to a one-file run), else with `regex` (variable-length lookbehind,
    Unicode properties other than Han, V1 set operations). Raises regex.error if neither can."""
    import re
    # `regex` matches look-behinds and case-insensitive alternations several times faster: there
    # the match time, paid per document, outweighs the compile time, paid once per process.
    prefer_regex = "(?<" in pattern or "(?i" in pattern
    if not prefer_regex and "\\p{" not in pattern.replace("\\p{Han}", "") and "\\P{" not in pattern:
        try:
            from . import recache
            return recache.compile(_for_stdlib(pattern), re.MULTILINE)
        except (re.error, OverflowError):
            pass
    return regex.compile(pattern, PATTERN_FLAGS)


class LazyPattern:
    """A pack's regular expression (regex-module syntax), compiled on first use.

    Loading validates every pattern once; the validated packs are cached between runs
    (packs.load_packs), and a cached pattern is compiled only when a check first uses it — a
    one-file run then compiles only the patterns it reaches. Pickles as its source text and its
    prefilter: the literals a match needs (prefilter.py), tested before a long text is searched."""
    __slots__ = ("pattern", "_compiled", "literals", "_plan")

    def __init__(self, pattern: str, compiled=None, literals=None):
        self.pattern = pattern
        self._compiled = compiled
        self.literals = literals
        self._plan = None

    def compiled(self):
        if self._compiled is None:
            self._compiled = compile_pattern(self.pattern)
        return self._compiled

    def _hopeless(self, text) -> bool:
        """True when `text` lacks what every match needs. Short texts are searched directly:
        there the regex costs less than the test."""
        if self.literals is None or len(text) <= _PREFILTER_FROM:
            return False
        if self._plan is None:
            self._plan = plan(self.literals)
        return not may_match(self._plan, text)

    def finditer(self, text, *args):
        return iter(()) if self._hopeless(text) else self.compiled().finditer(text, *args)

    def search(self, text, *args):
        return None if self._hopeless(text) else self.compiled().search(text, *args)

    def findall(self, text, *args):
        return [] if self._hopeless(text) else self.compiled().findall(text, *args)

    def __getattr__(self, name):
        return getattr(self.compiled(), name)

    def __getstate__(self):
        return self.pattern, self.literals

    def __setstate__(self, state):
        self.pattern, self.literals = state
        self._compiled = self._plan = None

    def __repr__(self):
        return f"LazyPattern({self.pattern!r})"


_PREFILTER_FROM = 200  # characters


def compile_regex(pattern: Any, where: str) -> LazyPattern:
    if not isinstance(pattern, str):
        raise SchemaError(f"{where}: 应为正则表达式字符串", line_of(pattern))
    try:
        compiled = compile_pattern(str(pattern))
    except regex.error as exc:
        raise SchemaError(f"{where}: 正则表达式无法编译：{exc}", line_of(pattern)) from None
    return LazyPattern(str(pattern), compiled, required_literals(_for_stdlib(str(pattern))))


def _str(value, where):
    if not isinstance(value, str) or not value:
        raise SchemaError(f"{where}: 应为非空字符串", line_of(value))
    return str(value)


def _int(value, where):
    if isinstance(value, bool) or not isinstance(value, int):
        raise SchemaError(f"{where}: 应为整数", line_of(value))
    return int(value)


def _bool(value, where):
    if not isinstance(value, bool):
        raise SchemaError(f"{where}: 应为 true 或 false", line_of(value))
    return value


def _list(item: Callable) -> Callable:
    def convert(value, where):
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise SchemaError(f"{where}: 应为列表", line_of(value))
        return [item(v, f"{where}[{i}]") for i, v in enumerate(value)]
    return convert


def choice(*options: str) -> Callable:
    def convert(value, where):
        if value not in options:
            raise SchemaError(f"{where}: 应为 {' | '.join(options)} 之一，而不是 {value!r}", line_of(value))
        return str(value)
    convert.__name__ = "choice of " + "|".join(options)
    return convert


def mapping_list(fields: dict[str, tuple[Callable, bool]]) -> Callable:
    """A list of mappings, each validated field by field: {name: (converter, required)}."""
    def convert(value, where):
        if not isinstance(value, list):
            raise SchemaError(f"{where}: 应为列表", line_of(value))
        out = []
        for i, item in enumerate(value):
            here = f"{where}[{i}]"
            if not isinstance(item, dict):
                raise SchemaError(f"{here}: 应为映射", line_of(item, line_of(value)))
            unknown = set(item) - set(fields)
            if unknown:
                raise SchemaError(f"{here}: 未知字段 {', '.join(sorted(unknown))}；可用：{', '.join(fields)}",
                                  line_of(item))
            entry = {}
            for name, (conv, required) in fields.items():
                if name in item:
                    entry[name] = conv(item[name], f"{here}.{name}")
                elif required:
                    raise SchemaError(f"{here}: 缺少字段 {name}", line_of(item))
            out.append(entry)
        return out
    return convert


STR = _str
INT = _int
BOOL = _bool
STR_LIST = _list(_str)
REGEX = compile_regex
REGEX_LIST = _list(compile_regex)


@dataclass(frozen=True)
class Param:
    convert: Callable
    doc: str
    required: bool = False
    default: Any = None

    @property
    def type_name(self) -> str:
        names = {id(STR): "字符串", id(INT): "整数", id(BOOL): "布尔", id(STR_LIST): "字符串列表",
                 id(REGEX): "正则", id(REGEX_LIST): "正则列表"}
        return names.get(id(self.convert), getattr(self.convert, "__name__", "结构"))


def validate_params(schema: dict[str, Param], params: Any, where: str) -> dict:
    if params is None:
        params = {}
    if not isinstance(params, dict):
        raise SchemaError(f"{where}: params 应为映射", line_of(params))
    unknown = set(params) - set(schema)
    if unknown:
        name = sorted(unknown)[0]
        key_lines = getattr(params, "key_lines", {})
        raise SchemaError(f"{where}: 未知参数 {name}；此检查类型接受：{', '.join(schema) or '（无）'}",
                          key_lines.get(name, line_of(params)))
    out = {}
    for name, spec in schema.items():
        if name in params:
            out[name] = spec.convert(params[name], f"{where}.{name}")
        elif spec.required:
            raise SchemaError(f"{where}: 缺少必需参数 {name}（{spec.doc}）", line_of(params))
        else:
            out[name] = spec.default() if callable(spec.default) else spec.default
    return out
