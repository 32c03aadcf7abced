"""YAML that remembers where each value came from, so that a mistake in a pack or a config is
reported as "file:line: what is wrong". Used by packs.py and config.py; imports yaml only when a
file is actually parsed (a cached run never does)."""
from __future__ import annotations


class YamlLineError(Exception):
    """A YAML syntax error or a repeated key; `line` is 1-based."""

    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.line = line


class LDict(dict):
    line: int = 1
    key_lines: dict


class LList(list):
    line: int = 1


class LStr(str):
    line: int = 1


def with_line(value: str, line: int) -> LStr:
    out = LStr(value)
    out.line = line
    return out


def parse(text: str):
    """The document as LDict/LList/LStr (each with .line; LDict also .key_lines), other scalars
    as plain Python values; None for an empty document."""
    import yaml
    try:
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise YamlLineError(f"YAML 语法错误：{getattr(exc, 'problem', exc)}", mark.line + 1 if mark else 1) from None
    if node is None:
        return None
    return _convert(node, yaml, yaml.SafeLoader(""))


def _convert(node, yaml, loader):
    if isinstance(node, yaml.MappingNode):
        out = LDict()
        out.line, out.key_lines = node.start_mark.line + 1, {}
        for key_node, value_node in node.value:
            key = _convert(key_node, yaml, loader)
            if key in out:
                raise YamlLineError(f"重复的键 {key}", key_node.start_mark.line + 1)
            out[key] = _convert(value_node, yaml, loader)
            out.key_lines[key] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        seq = LList(_convert(v, yaml, loader) for v in node.value)
        seq.line = node.start_mark.line + 1
        return seq
    if node.tag.endswith(":str"):
        return with_line(loader.construct_scalar(node), node.start_mark.line + 1)
    return loader.construct_object(node, deep=True)
