"""Formatters: findings in, text out. A formatter knows findings and nothing of checks.

Each module exposes `render(results, stream, **options)`. They are imported on demand so that
`--format json` never loads rich.
"""
from __future__ import annotations

import importlib

FORMATS = {"text": "text", "json": "json_format", "sarif": "sarif", "github": "github", "gcc": "gcc", "junit": "junit"}


def summary(results) -> dict:
    counts = {"error": 0, "warning": 0, "info": 0}
    for r in results:
        for f in r.findings:
            counts[str(f.severity)] += 1
    return {"files": len(results), "findings": sum(counts.values()), **counts,
            "unreadable": sum(1 for r in results if r.error and r.document is None),
            "files_with_findings": sum(1 for r in results if r.findings)}


def render(fmt: str, results, stream, **options) -> None:
    module = importlib.import_module(f"{__name__}.{FORMATS[fmt]}")
    module.render(results, stream, **options)
