"""Compiled regular expressions of the standard `re`, remembered between runs.

Why: a one-file run (an editor checking on save) compiles some two hundred patterns — the
extractors' and the packs' — and CPython's `re` parses each in pure Python, which costs more than
checking the report. The parse produces a code list; `_sre.compile` turns that list into a
pattern in microseconds. This module keeps the code lists in a cache file
(`~/.cache/nianbao-lint/re-<python>-<sre magic>.pickle`) and rebuilds patterns from them.

Safety: the cache is keyed by the exact Python version and `_sre.MAGIC`, so a code list is only
ever given to the engine that produced it; any error (no cache, unreadable, unknown internals on
another Python) falls back to `re.compile`. Set NIANBAO_LINT_CACHE=0 to disable.
"""
from __future__ import annotations

import atexit
import re
import sys

try:  # Python 3.11+
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_compile as _compiler  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]
import _sre

from .cachefile import cache_path, read_pickle, write_pickle

_entries: dict | None = None
_dirty = False


def _path() -> str | None:
    version = "-".join(str(v) for v in sys.version_info[:3])
    return cache_path(f"re-{sys.implementation.name}{version}-{_sre.MAGIC}.pickle")


def _load() -> dict:
    global _entries
    if _entries is None:
        _entries = {}
        path = _path()
        if path and sys.implementation.name == "cpython":
            stored = read_pickle(path)
            if isinstance(stored, dict) and stored.get("version") == sys.version:
                _entries = stored["entries"]
            atexit.register(_save)
    return _entries


def _save() -> None:
    if _dirty:
        write_pickle(_path(), {"version": sys.version, "entries": _entries})


def memo(key: tuple, compute):
    """A value derived from a pattern (its literal prefilter), kept in the same file as the compiled
    code; `key` must name everything the value depends on, the deriving code's version included."""
    global _dirty
    entries = _load()
    if key not in entries:
        entries[key] = compute()
        _dirty = True
    return entries[key]


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - mirrors re.compile
    """re.compile(pattern, flags), from the cache when this exact pattern was compiled before."""
    global _dirty
    flags = int(flags)
    if sys.implementation.name != "cpython" or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    entries = _load()
    key = (pattern, flags)
    entry = entries.get(key)
    if entry is not None:
        try:
            return _sre.compile(pattern, *entry)
        except Exception:  # noqa: BLE001 - fall back to a fresh compile below
            pass
    try:
        parsed = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]  # plain ints pickle anywhere
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        entry = (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        compiled = _sre.compile(pattern, *entry)
    except re.error:
        raise
    except Exception:  # noqa: BLE001 - unknown internals: the public API still works
        return re.compile(pattern, flags)
    entries[key] = entry
    _dirty = True
    return compiled
