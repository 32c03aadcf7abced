"""Project configuration: `.nianbao.yaml`, kept with the documents.

Found by walking up from each checked file's folder (the nearest one wins; `--config FILE` uses one
file for every document). Paths and globs in it are relative to the folder it is in. Every error
names the file and the line, as a pack error does.

    rules: [rules/local]          # extra pack folders or files (like --rules)
    packs: [nmg-2017]             # local packs in force (default: every local pack loaded)
    regime: "2008"                # force a regime ("2008", "2019", "2021") or a pack id; default: by report year
    disable: [punct.halfwidth]    # rules switched off
    enable: []                    # switched back on (after a broader disable)
    severity: {typo.latin-word: info}
    fail_on: warning              # like --fail-on (the command line wins)
    ignore: ["归档/**", "*.bak.txt"]
    overrides:                    # later entries win; each applies to files matching one of its globs
      - files: ["乡镇/**"]
        regime: "2008"
        packs: [nmg-2017]
        disable: [contact.missing]
        severity: {numbering.mixed-style: warning}

A glob without "/" matches a file name in any folder; `**` matches any number of folders.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .yamllines import with_line

NAMES = (".nianbao.yaml", ".nianbao.yml")
TOP_KEYS = {"rules", "packs", "regime", "disable", "enable", "severity", "fail_on", "ignore", "overrides"}
OVERRIDE_KEYS = {"files", "regime", "packs", "disable", "enable", "severity"}
LEVELS = ("error", "warning", "info")


class ConfigError(Exception):
    """str() is "file:line: what is wrong"."""


@dataclass
class FileSettings:
    """What the config says for one file."""
    forced_pack: str | None = None
    local_packs: list[str] | None = None
    disabled: set[str] = field(default_factory=set)
    severity: dict = field(default_factory=dict)


@dataclass
class Override:
    files: list[str]
    regime: str | None = None
    packs: list[str] | None = None
    disable: list[str] = field(default_factory=list)
    enable: list[str] = field(default_factory=list)
    severity: dict = field(default_factory=dict)
    line: int = 0


@dataclass
class Config:
    path: str | None = None
    rules: list[str] = field(default_factory=list)
    base: Override = field(default_factory=lambda: Override(files=[]))
    fail_on: str | None = None
    ignore: list[str] = field(default_factory=list)
    overrides: list[Override] = field(default_factory=list)

    @property
    def root(self) -> str:
        return os.path.dirname(os.path.abspath(self.path)) if self.path else os.getcwd()

    def relative(self, path: str) -> str | None:
        rel = os.path.relpath(os.path.abspath(path), self.root)
        return None if rel.startswith("..") else rel.replace(os.sep, "/")

    def ignored(self, path: str) -> bool:
        rel = self.relative(path)
        return rel is not None and any(glob_match(g, rel) for g in self.ignore)

    def settings_for(self, path: str, packset) -> FileSettings:
        rel = self.relative(path) or os.path.basename(path)
        layers = [self.base] + [o for o in self.overrides if any(glob_match(g, rel) for g in o.files)]
        settings = FileSettings()
        for layer in layers:
            if layer.regime is not None:
                settings.forced_pack = resolve_regime(layer.regime, packset)
            if layer.packs is not None:
                settings.local_packs = list(layer.packs)
            settings.disabled.update(layer.disable)
            settings.disabled.difference_update(layer.enable)
            for rid, level in layer.severity.items():
                settings.severity[rid] = level
        return settings

    def validate_against(self, packset) -> None:
        """Names a config uses must exist in the packs it loads: a typo must not silently disable nothing."""
        known_rules = {r.id for p in packset.packs.values() for r in p.rules}
        local = [pid for pid, p in packset.packs.items() if not p.builtin]
        for layer in [self.base] + self.overrides:
            if layer.regime is not None:
                try:
                    resolve_regime(layer.regime, packset)
                except KeyError:
                    regimes = sorted({p.regime for p in packset.packs.values() if p.regime})
                    raise ConfigError(f"{self.path}:{_line(layer.regime, layer.line)}: regime {layer.regime!r} 既不是"
                                      f"已知的制度（{', '.join(regimes)}）也不是规则包 id；已知规则包："
                                      f"{', '.join(packset.packs)}") from None
            for pid in layer.packs or []:
                if pid not in local:
                    raise ConfigError(f"{self.path}:{_line(pid, layer.line)}: packs 里的 {pid} 不是已加载的本地规则包；"
                                      f"已加载：{', '.join(local) or '（无，用 rules: 指定目录）'}")
            for rid in list(layer.disable) + list(layer.enable) + list(layer.severity):
                if rid not in known_rules:
                    close = sorted(r for r in known_rules if r.split(".")[0] == str(rid).split(".")[0])
                    hint = f"；同族的规则：{', '.join(close)}" if close else ""
                    raise ConfigError(f"{self.path}:{_line(rid, layer.line)}: 没有规则 {rid}{hint}")


def resolve_regime(value: str, packset) -> str:
    if value in packset.packs:
        return value
    for pid, pack in packset.packs.items():
        if pack.builtin and pack.regime == value:
            return pid
    raise KeyError(value)


def _line(value, default: int) -> int:
    return getattr(value, "line", 0) or default or 1


@lru_cache(maxsize=256)
def _glob_regex(pattern: str):
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


def glob_match(pattern: str, rel_path: str) -> bool:
    """gitignore-like: a pattern without "/" matches the file name in any folder; a pattern ending
    in "/" (or naming a folder followed by /**) matches everything under it."""
    pattern = pattern.strip().lstrip("./") if pattern.startswith("./") else pattern.strip()
    if pattern.endswith("/"):
        pattern += "**"
    if "/" not in pattern:
        return bool(_glob_regex(pattern).match(rel_path.rsplit("/", 1)[-1])) or \
            any(_glob_regex(pattern).match(part) for part in rel_path.split("/")[:-1])
    return bool(_glob_regex(pattern.lstrip("/")).match(rel_path))


def find_config(start: str) -> str | None:
    """The nearest .nianbao.yaml at or above `start` (a file or a folder)."""
    folder = os.path.abspath(start if os.path.isdir(start) else os.path.dirname(os.path.abspath(start)))
    return _find_in(folder)


@lru_cache(maxsize=1024)
def _find_in(folder: str) -> str | None:
    for name in NAMES:
        candidate = os.path.join(folder, name)
        if os.path.isfile(candidate):
            return candidate
    parent = os.path.dirname(folder)
    return None if parent == folder else _find_in(parent)


# ---------------------------------------------------------------------------------------- parsing

def _str_list(value, where: str, path: str, line: int) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}:{_line(value, line)}: {where} 应为字符串列表")
    return list(value)


def _severity_map(value, where: str, path: str, line: int) -> dict:
    if not isinstance(value, dict):
        raise ConfigError(f"{path}:{_line(value, line)}: {where} 应为映射，如 {{typo.latin-word: info}}")
    from .findings import Severity
    out = {}
    for rid, level in value.items():
        if str(level).lower() not in LEVELS:
            key_line = value.key_lines.get(rid, line) if hasattr(value, "key_lines") else line
            raise ConfigError(f"{path}:{key_line}: {where}.{rid}: 严重程度应为 error、warning 或 info，而不是 {level!r}")
        out[rid] = Severity.parse(str(level))
    return out


def _layer(data, path: str, keys: set, where: str) -> Override:
    lines = getattr(data, "key_lines", {})
    line = getattr(data, "line", 1)
    unknown = set(data) - keys
    if unknown:
        name = sorted(unknown, key=str)[0]
        raise ConfigError(f"{path}:{lines.get(name, line)}: {where}未知的字段 {name}；可用：{', '.join(sorted(keys))}")
    layer = Override(files=[], line=line)
    if "regime" in data and data["regime"] is not None:
        regime = data["regime"]
        if not isinstance(regime, (str, int)) or isinstance(regime, bool):
            raise ConfigError(f"{path}:{lines.get('regime', line)}: regime 应为 \"2008\"、\"2019\"、\"2021\" 或规则包 id")
        layer.regime = with_line(str(regime), lines.get("regime", line))
    if "packs" in data:
        layer.packs = _str_list(data["packs"] or [], "packs", path, lines.get("packs", line))
    for key in ("disable", "enable"):
        if key in data:
            setattr(layer, key, _str_list(data[key] or [], key, path, lines.get(key, line)))
    if "severity" in data:
        layer.severity = _severity_map(data["severity"] or {}, "severity", path, lines.get("severity", line))
    return layer


def parse(text: str, path: str) -> Config:
    from .yamllines import YamlLineError, parse as parse_yaml
    try:
        data = parse_yaml(text)
    except YamlLineError as exc:
        raise ConfigError(f"{path}:{exc.line}: {exc}") from None
    if data is None:
        return Config(path=path)
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1: 配置应为一个映射（rules、disable、overrides …）")
    lines = data.key_lines
    unknown = set(data) - TOP_KEYS
    if unknown:
        name = sorted(unknown, key=str)[0]
        raise ConfigError(f"{path}:{lines.get(name, 1)}: 未知的配置字段 {name}；可用：{', '.join(sorted(TOP_KEYS))}")
    base_data = type(data)({k: v for k, v in data.items() if k in OVERRIDE_KEYS})
    base_data.key_lines, base_data.line = lines, 1
    config = Config(path=path, base=_layer(base_data, path, OVERRIDE_KEYS - {"files"}, ""))
    root = os.path.dirname(os.path.abspath(path))
    if "rules" in data:
        config.rules = [os.path.normpath(os.path.join(root, p))
                        for p in _str_list(data["rules"] or [], "rules", path, lines["rules"])]
        for raw, full in zip(data["rules"] if isinstance(data["rules"], list) else [data["rules"]], config.rules):
            if not os.path.exists(full):
                raise ConfigError(f"{path}:{_line(raw, lines['rules'])}: rules 里的 {raw} 不存在（相对于 {root}）")
    if "fail_on" in data and data["fail_on"] is not None:
        if str(data["fail_on"]).lower() not in LEVELS:
            raise ConfigError(f"{path}:{lines['fail_on']}: fail_on 应为 error、warning 或 info，而不是 {data['fail_on']!r}")
        config.fail_on = str(data["fail_on"]).lower()
    if "ignore" in data:
        config.ignore = _str_list(data["ignore"] or [], "ignore", path, lines["ignore"])
    overrides = data.get("overrides") or []
    if not isinstance(overrides, list):
        raise ConfigError(f"{path}:{lines['overrides']}: overrides 应为列表，每项有 files 和要改的设置")
    for i, raw in enumerate(overrides):
        if not isinstance(raw, dict):
            raise ConfigError(f"{path}:{_line(raw, lines['overrides'])}: overrides[{i}] 应为映射")
        if "files" not in raw:
            raise ConfigError(f"{path}:{raw.line}: overrides[{i}] 缺少 files（要套用的文件通配符）")
        layer = _layer(raw, path, OVERRIDE_KEYS, f"overrides[{i}]: ")
        layer.files = _str_list(raw["files"], f"overrides[{i}].files", path, raw.key_lines["files"])
        config.overrides.append(layer)
    return config


def load(path: str) -> Config:
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except FileNotFoundError:
        raise ConfigError(f"{path}: 配置文件不存在") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: 无法读取配置：{exc}") from None
    return parse(text, path)


STARTER = """\
# nianbao-lint 项目配置（nianbao-lint init 生成）
# 检查某个文件时，从它所在目录向上查找最近的 .nianbao.yaml；也可用 --config 指定。
# 路径和通配符都相对于本文件所在目录。改完后运行 nianbao-lint check . 看效果。

# 追加本地规则包目录或文件（同 --rules）
# rules: [rules/local]

# 启用哪些本地规则包（默认：rules 里加载的全部本地规则包）
# packs: [nmg-2017]

# 强制使用某个制度的规则包："2008"、"2019"、"2021"，或规则包 id；默认按报告年度自动选择
# regime: "2008"

# 关闭的规则（规则编号见 nianbao-lint rules）
disable: []
# disable: [punct.halfwidth, typo.latin-word]

# 调整严重程度：error、warning、info
severity: {}
# severity: {numbering.mixed-style: warning}

# 达到此严重程度即检查失败（命令行 --fail-on 优先）
fail_on: error

# 不检查的文件
ignore: []
# ignore: ["归档/**", "*.bak.txt"]

# 按文件通配符覆盖以上设置，后面的优先
overrides: []
# overrides:
#   - files: ["2018年以前/**"]
#     regime: "2008"
#     disable: [contact.missing]
#     severity: {typo.latin-word: info}
"""


class Project:
    """The configs and pack sets of one run: each file gets the nearest config (or the one given
    with --config) and the packs that config loads, each loaded once."""

    def __init__(self, cli_rules: list[str] | None = None, config_path: str | None = None, discover: bool = True):
        self.cli_rules = list(cli_rules or [])
        _find_in.cache_clear()  # a config written since the last run (or by the editor) must be seen
        self.discover = discover
        self._configs: dict[str, Config] = {}
        self._packsets: dict[tuple, object] = {}
        self.fixed = load(config_path) if config_path else None

    def config_for(self, path: str) -> Config | None:
        if self.fixed is not None:
            return self.fixed
        if not self.discover:
            return None
        found = find_config(path)
        if found is None:
            return None
        if found not in self._configs:
            self._configs[found] = load(found)
        return self._configs[found]

    def packset_for(self, config: Config | None):
        """Raises packs.PackError or ConfigError."""
        key = tuple(self.cli_rules + (config.rules if config else []))
        if key not in self._packsets:
            from .packs import load_packs
            self._packsets[key] = load_packs(list(key))
        packset = self._packsets[key]
        if config is not None and not getattr(config, "_validated", False):
            config.validate_against(packset)
            config._validated = True
        return packset

    def for_path(self, path: str):
        """(config or None, packset, settings or None) for a file."""
        config = self.config_for(path)
        packset = self.packset_for(config)
        return config, packset, (config.settings_for(path, packset) if config else None)
