"""Check kinds: the code behind rules. One module per kind, imported only when a pack uses it.

A kind module defines:
    KIND     its name in packs ("required-section")
    SUMMARY  one line, Chinese, shown by `nianbao-lint rules` and in docs/CHECKS.md
    PARAMS   {name: schema.Param}: what a rule may pass; validated when the pack is loaded
    FIELDS   names a message template may use ("{item}", "{total}")
    check(doc, facts, params, ctx) -> iterable of findings.Hit
    EXAMPLES optional {"fail": text, "pass": text} for `explain`
A check is a pure function: it never opens files or prints.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import date

KINDS = {
    "required-section": "required_section",
    "required-element": "required_element",
    "pattern": "pattern",
    "numbering": "numbering",
    "year-consistency": "year_consistency",
    "dates": "dates",
    "period-coverage": "period_coverage",
    "table-schema": "table_schema",
    "table-arith": "table_arith",
    "prose-arith": "prose_arith",
    "prose-table": "prose_table",
    "promise": "promise",
    "punctuation": "punctuation",
    "hidden-text": "hidden_text",
    "unified-section": "unified_section",
    "unified-table": "unified_table",
    "unified-arith": "unified_arith",
    "unified-prose": "unified_prose",
    "cross-year": "cross_year",
}


_LOADED: dict = {}


def load_kind(name: str):
    module = _LOADED.get(name)
    if module is None:
        module = _LOADED[name] = importlib.import_module(f"{__name__}.{KINDS[name]}")
    return module


@dataclass(frozen=True)
class Context:
    """What a check may know besides the document: the report year in force and today's date."""
    report_year: int | None
    today: date
    regime: str | None = None
