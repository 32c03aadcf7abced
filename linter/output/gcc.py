"""`path:line:col: severity: message [rule]`, the line format vim's errorformat, Emacs'
compilation-mode and VS Code's `$gcc` problem matcher read.

Severity is gcc's vocabulary: error, warning, note (for info). Columns are 1-based Unicode code
points — one per Chinese character, as Emacs counts them. A document-level finding is put at 1:1
so that every line parses.
"""
from __future__ import annotations

LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def render(results, stream, **options) -> None:
    for r in results:
        if r.error:
            stream.write(f"{r.path}:1:1: error: {_one_line(r.error)} [nianbao-lint]\n")
        for f in r.findings:
            line, col = (f.line, f.column or 1) if f.line is not None else (1, 1)
            stream.write(f"{r.path}:{line}:{col}: {LEVELS[str(f.severity)]}: {_one_line(f.message)} [{f.rule}]\n")
