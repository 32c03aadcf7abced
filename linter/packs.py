"""Rule packs: YAML files that say what the 条例 and local notices require, validated on load.

A pack:
    id: gov-2008                     # unique
    title: …                         # what it encodes, in Chinese
    basis: […]                       # the legal texts
    regime: "2008"                   # only for the packs that define a reporting regime
    applies: {report_years: [2008, 2018]}   # omitted: every report
    extends: [core]
    disable: [rule.id, …]            # inherited rules switched off
    severity: {rule.id: warning}     # inherited rules raised or lowered
    rules: [ {id, check, severity, message, basis, why, params, report_years?, examples?}, … ]

Every error names the pack file and the YAML line. See docs/PACKS.md.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from .cachefile import cache_path, read_pickle, write_pickle
from .checks import KINDS, load_kind
from .findings import Severity
from .schema import SchemaError, line_of, validate_params

RULE_ID = re.compile(r"^(section|promise|contact|period|table|arith|xref|numbering|year|date|signoff|title|"
                     r"artifact|spam|punct|typo)\.[a-z0-9][a-z0-9-]*$")
PACK_KEYS = {"id", "title", "basis", "regime", "applies", "extends", "disable", "severity", "rules", "description"}
RULE_KEYS = {"id", "check", "severity", "message", "basis", "why", "params", "report_years", "examples", "name"}


class PackError(Exception):
    """A pack that cannot be used; str() is "file:line: what is wrong"."""


def load_yaml(path: str):
    """The pack file as line-aware values (yamllines); every problem is a PackError file:line."""
    from .yamllines import YamlLineError, parse
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    try:
        data = parse(text)
    except YamlLineError as exc:
        raise PackError(f"{path}:{exc.line}: {exc}") from None
    if data is None:
        raise PackError(f"{path}:1: 规则包为空")
    return data


@dataclass
class Rule:
    id: str
    kind: str
    severity: Severity
    message: str
    basis: str
    why: str
    params: dict
    pack: str
    source: str                   # file:line
    report_years: tuple[int, int] | None = None
    examples: dict = field(default_factory=dict)

    def applies_to(self, year: int | None) -> bool:
        if self.report_years is None:
            return True
        return year is not None and self.report_years[0] <= year <= self.report_years[1]

    @property
    def family(self) -> str:
        return self.id.split(".", 1)[0]


@dataclass
class Pack:
    id: str
    title: str
    basis: list[str]
    path: str
    rules: list[Rule]
    regime: str | None = None
    report_years: tuple[int, int] | None = None
    extends: list[str] = field(default_factory=list)
    disable: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    builtin: bool = True

    def applies_to(self, year: int | None) -> bool:
        if self.report_years is None:
            return True
        return year is not None and self.report_years[0] <= year <= self.report_years[1]


def _years(value, where) -> tuple[int, int]:
    if (not isinstance(value, list) or len(value) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in value) or value[0] > value[1]):
        raise SchemaError(f"{where}: 应为 [起始年份, 截止年份]，如 [2008, 2018]", line_of(value))
    return int(value[0]), int(value[1])


def parse_pack(data, path: str, builtin: bool) -> Pack:
    where = os.path.basename(path)
    if not isinstance(data, dict):
        raise SchemaError("规则包应为一个映射（id、title、rules …）", line_of(data, 1))
    unknown = set(data) - PACK_KEYS
    if unknown:
        name = sorted(unknown)[0]
        raise SchemaError(f"未知的规则包字段 {name}；可用：{', '.join(sorted(PACK_KEYS))}", data.key_lines.get(name))
    for key in ("id", "title", "rules"):
        if key not in data:
            raise SchemaError(f"规则包缺少 {key}", line_of(data, 1))
    pack_id = data["id"]
    if not isinstance(pack_id, str) or not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", pack_id):
        raise SchemaError("id 应为小写字母、数字和连字符，如 gov-2008", data.key_lines.get("id"))
    applies = data.get("applies") or {}
    if not isinstance(applies, dict) or set(applies) - {"report_years"}:
        raise SchemaError("applies 只接受 report_years: [起, 止]", data.key_lines.get("applies"))
    years = _years(applies["report_years"], "applies.report_years") if "report_years" in applies else None
    basis = data.get("basis") or []
    basis = [basis] if isinstance(basis, str) else list(basis)
    extends = data.get("extends") or []
    extends = [extends] if isinstance(extends, str) else list(extends)
    severity = {}
    for rid, level in (data.get("severity") or {}).items():
        severity[rid] = _severity(level, f"severity.{rid}")
    if not isinstance(data["rules"], list):
        raise SchemaError("rules 应为列表", data.key_lines.get("rules"))
    rules = []
    seen = {}
    for i, raw in enumerate(data["rules"]):
        rule = parse_rule(raw, pack_id, path, i)
        if rule.id in seen:
            raise SchemaError(f"规则 id 重复：{rule.id}（第一次在第 {seen[rule.id]} 行）", line_of(raw))
        seen[rule.id] = line_of(raw)
        rules.append(rule)
    regime = data.get("regime")
    return Pack(pack_id, str(data["title"]), [str(b) for b in basis], path, rules,
                regime=str(regime) if regime is not None else None, report_years=years,
                extends=[str(e) for e in extends], disable=[str(d) for d in (data.get("disable") or [])],
                severity=severity, builtin=builtin)


def _severity(value, where) -> Severity:
    try:
        return Severity.parse(str(value))
    except KeyError:
        raise SchemaError(f"{where}: 严重程度应为 error、warning 或 info，而不是 {value!r}", line_of(value)) from None


def parse_rule(raw, pack_id: str, path: str, index: int) -> Rule:
    if not isinstance(raw, dict):
        raise SchemaError(f"rules[{index}] 应为映射", line_of(raw))
    unknown = set(raw) - RULE_KEYS
    if unknown:
        name = sorted(unknown)[0]
        raise SchemaError(f"未知的规则字段 {name}；可用：{', '.join(sorted(RULE_KEYS))}", raw.key_lines.get(name))
    for key in ("id", "check", "severity", "message", "basis"):
        if key not in raw:
            raise SchemaError(f"规则缺少 {key}", line_of(raw))
    rid = raw["id"]
    if not isinstance(rid, str) or not RULE_ID.match(rid):
        raise SchemaError(f"规则 id {rid!r} 应为 family.name，family 取自 RULE-FAMILIES（section、table、arith …）",
                          line_of(rid, line_of(raw)))
    kind_name = raw["check"]
    if kind_name not in KINDS:
        raise SchemaError(f"{rid}: 未知的检查类型 {kind_name!r}；可用：{', '.join(sorted(KINDS))}",
                          raw.key_lines.get("check"))
    kind = load_kind(kind_name)
    params = validate_params(kind.PARAMS, raw.get("params"), f"{rid}.params")
    if hasattr(kind, "validate"):
        try:
            kind.validate(params)
        except SchemaError as exc:
            raise SchemaError(f"{rid}.params: {exc}", exc.line or raw.key_lines.get("params")) from None
    message = raw["message"]
    try:
        fields = {name: "" for name in kind.FIELDS}
        message.format_map(fields)
    except (KeyError, IndexError, ValueError) as exc:
        raise SchemaError(f"{rid}: 消息模板引用了未知字段 {exc}；此检查类型提供：{', '.join(kind.FIELDS) or '（无）'}",
                          raw.key_lines.get("message")) from None
    years = _years(raw["report_years"], f"{rid}.report_years") if "report_years" in raw else None
    examples = raw.get("examples") or {}
    if examples and (not isinstance(examples, dict) or set(examples) - {"fail", "pass"}):
        raise SchemaError(f"{rid}: examples 只接受 fail 和 pass", raw.key_lines.get("examples"))
    return Rule(rid, kind_name, _severity(raw["severity"], f"{rid}.severity"), str(message), str(raw["basis"]),
                str(raw.get("why") or ""), params, pack_id, f"{path}:{line_of(raw)}", years,
                {k: str(v) for k, v in examples.items()})


def load_pack(path: str, builtin: bool = False) -> Pack:
    data = load_yaml(path)
    try:
        return parse_pack(data, path, builtin)
    except SchemaError as exc:
        raise PackError(f"{path}:{exc.line or line_of(data, 1)}: {exc}") from None


def builtin_dir() -> str:
    """The built-in packs: installed as linter/rules/ (the `linter.rules` package); in a source
    checkout or an editable install, the repository's rules/. Found by path, not through
    importlib.resources, which costs a one-file run ~12 ms of imports."""
    here = os.path.dirname(os.path.abspath(__file__))
    installed = os.path.join(here, "rules")
    if os.path.isfile(os.path.join(installed, "core.yaml")):
        return installed
    return os.path.join(os.path.dirname(here), "rules")


class PackSet:
    """All packs known for a run: the built-in ones and the user's --rules folders."""

    def __init__(self, packs: list[Pack]):
        self.packs = {}
        for pack in packs:
            if pack.id in self.packs:
                raise PackError(f"{pack.path}:1: 规则包 id {pack.id} 与 {self.packs[pack.id].path} 重复")
            self.packs[pack.id] = pack
        self._check_graph()

    def _check_graph(self):
        for pack in self.packs.values():
            for parent in pack.extends:
                if parent not in self.packs:
                    raise PackError(f"{pack.path}:1: extends 引用了不存在的规则包 {parent}；已知：{', '.join(self.packs)}")
            self.chain(pack.id)  # raises on a cycle
            own = {r.id for r in pack.rules}
            inherited = {}
            for ancestor in self.chain(pack.id)[:-1]:
                for rule in self.packs[ancestor].rules:
                    inherited[rule.id] = ancestor
            for rule in pack.rules:
                if rule.id in inherited:
                    raise PackError(f"{rule.source}: 规则 id {rule.id} 已在 {inherited[rule.id]} 中定义；"
                                    f"调整继承的规则请用 severity 或 disable")
            for rid in list(pack.disable) + list(pack.severity):
                if rid not in inherited and rid not in own:
                    raise PackError(f"{pack.path}:1: disable/severity 引用了不存在的规则 {rid}")

    def chain(self, pack_id: str, _seen: tuple = ()) -> list[str]:
        """The pack and its ancestors, ancestors first."""
        if pack_id in _seen:
            raise PackError(f"{self.packs[pack_id].path}:1: extends 形成循环：{' → '.join(_seen + (pack_id,))}")
        out: list[str] = []
        for parent in self.packs[pack_id].extends:
            for pid in self.chain(parent, _seen + (pack_id,)):
                if pid not in out:
                    out.append(pid)
        out.append(pack_id)
        return out

    def regime_pack(self, year: int | None) -> Pack | None:
        for pack in self.packs.values():
            if pack.builtin and pack.regime and pack.applies_to(year):
                return pack
        return None

    def select(self, year: int | None, forced: str | None = None) -> list[str]:
        """Pack ids in force for a report year: the regime's pack (or the forced one), plus every
        local pack that applies to the year, each with its ancestors."""
        if forced is not None:
            if forced not in self.packs:
                raise PackError(f"--pack {forced}: 没有这个规则包；已知：{', '.join(self.packs)}")
            roots = [forced]
        else:
            regime = self.regime_pack(year)
            roots = [regime.id] if regime else [p.id for p in self.packs.values() if p.builtin and not p.extends]
        for pack in self.packs.values():
            if not pack.builtin and pack.applies_to(year) and pack.id not in roots:
                roots.append(pack.id)
        out: list[str] = []
        for root in roots:
            for pid in self.chain(root):
                if pid not in out:
                    out.append(pid)
        return out

    def rules_for(self, pack_ids: list[str]) -> list[Rule]:
        """The rules of these packs, with their `disable` and `severity` applied; computed once per
        selection (every report of a year selects the same packs)."""
        key = tuple(pack_ids)
        cache = self.__dict__.setdefault("_rules_cache", {})
        if key not in cache:
            cache[key] = self._rules_for(pack_ids)
        return list(cache[key])

    def _rules_for(self, pack_ids: list[str]) -> list[Rule]:
        disabled: set[str] = set()
        severity: dict[str, Severity] = {}
        rules: list[Rule] = []
        for pid in pack_ids:
            pack = self.packs[pid]
            rules.extend(pack.rules)
            disabled.update(pack.disable)
            severity.update(pack.severity)
        out = []
        for rule in rules:
            if rule.id in disabled:
                continue
            if rule.id in severity:
                rule = Rule(**{**rule.__dict__, "severity": severity[rule.id]})
            out.append(rule)
        return out

    def regime_of(self, pack_ids: list[str]) -> str | None:
        for pid in reversed(pack_ids):
            if self.packs[pid].regime:
                return self.packs[pid].regime
        return None


def _code_stamp() -> tuple:
    """What a cached pack depends on besides its file: the code that validated it."""
    here = os.path.dirname(os.path.abspath(__file__))
    checks = os.path.join(here, "checks")
    names = [os.path.join(here, n) for n in ("packs.py", "schema.py", "prefilter.py")]
    names += [os.path.join(checks, n) for n in os.listdir(checks) if n.endswith(".py")]
    return tuple(sorted((n, os.stat(n).st_mtime_ns) for n in names))


class _PackCache:
    """Validated packs pickled between runs, keyed by each file's path, size and mtime and by the
    code that validated them. Loading YAML and compiling ~70 patterns costs more than checking a
    report; an editor checking on save should not pay it every time. Any cache problem falls
    back to loading the YAML."""

    def __init__(self):
        self.path = cache_path("packs.pickle")
        self.entries: dict = {}
        self.dirty = False
        self.stamp = None
        stored = read_pickle(self.path)
        if isinstance(stored, tuple) and len(stored) == 2:
            self.stamp = _code_stamp()
            if stored[0] == self.stamp:
                self.entries = stored[1]

    def load(self, path: str, builtin: bool) -> Pack:
        try:
            st = os.stat(path)
            key = (os.path.abspath(path), st.st_size, st.st_mtime_ns, builtin)
        except OSError:
            return load_pack(path, builtin)
        pack = self.entries.get(key)
        if pack is None:
            pack = load_pack(path, builtin)
            self.entries[key] = pack
            self.dirty = True
        return pack

    def save(self):
        if self.dirty:
            write_pickle(self.path, (self.stamp or _code_stamp(), self.entries))


def load_packs(extra_dirs: list[str] | None = None) -> PackSet:
    cache = _PackCache()
    packs = []
    base = builtin_dir()
    for name in sorted(os.listdir(base)):
        if name.endswith((".yaml", ".yml")):
            packs.append(cache.load(os.path.join(base, name), builtin=True))
    for folder in extra_dirs or []:
        if os.path.isfile(folder):
            packs.append(cache.load(folder, builtin=False))
            continue
        if not os.path.isdir(folder):
            raise PackError(f"{folder}: --rules 目录不存在")
        for name in sorted(os.listdir(folder)):
            if name.endswith((".yaml", ".yml")):
                packs.append(cache.load(os.path.join(folder, name), builtin=False))
    packset = PackSet(packs)
    cache.save()
    return packset

