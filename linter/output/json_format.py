"""JSON: the contract for CI tools and score-seeds. Versioned; fields are only ever added.

{"version": 1,
 "files": [{"path", "report_year", "regime": "2008"|"2019"|"2021"|null, "packs": [...], "error": null|"…",
            "findings": [{"rule", "severity", "line", "column", "end_line", "end_column", "message", "basis",
                          "locator"}]}],
 "summary": {"files", "findings", "error", "warning", "info", "unreadable", "files_with_findings"}}
Lines and columns are 1-based; columns count Unicode code points; end_column is exclusive.
A document-level finding (a missing section) has line null.
"""
from __future__ import annotations

import json

from . import summary

VERSION = 1


def as_dict(results) -> dict:
    return {"version": VERSION, "files": [r.to_json() for r in results], "summary": summary(results)}


def render(results, stream, **options) -> None:
    json.dump(as_dict(results), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
