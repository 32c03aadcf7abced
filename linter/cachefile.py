"""Where nianbao-lint keeps its caches, and how it writes them: atomically, never failing a run.

~/.cache/nianbao-lint/ (or $XDG_CACHE_HOME/nianbao-lint/); NIANBAO_LINT_CACHE=0 disables every cache.
"""
from __future__ import annotations

import os


def cache_path(name: str) -> str | None:
    if os.environ.get("NIANBAO_LINT_CACHE", "1") == "0":
        return None
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(root, "nianbao-lint", name)


def read_pickle(path: str | None):
    """The object stored at `path`, or None when there is none or it cannot be read."""
    if path is None:
        return None
    try:
        import pickle
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except Exception:  # noqa: BLE001 - a missing, stale or corrupt cache is a cache miss
        return None


def write_pickle(path: str | None, obj) -> None:
    """Write atomically (temp file + rename, so a concurrent reader never sees half a file); any
    failure — a read-only home, a full disk — leaves no temp file and does not fail the run."""
    if path is None:
        return
    import pickle
    import tempfile
    tmp = None
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        tmp = None
    except Exception:  # noqa: BLE001
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
