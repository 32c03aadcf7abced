"""Shared helpers: build a Document from text, run the built-in packs on it."""
from __future__ import annotations

import os
from datetime import date

import pytest

from linter.checks import Context, load_kind
from linter.engine import check_document
from linter.facts import Facts
from linter.packs import load_packs
from linter.readers.text import document_from_text

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(ROOT, "seeds")
TODAY = date(2026, 11, 23)


@pytest.fixture(scope="session")
def packset():
    return load_packs()


def doc_of(text: str, path: str = "report.txt"):
    return document_from_text(path, text)


def facts_of(text: str) -> Facts:
    return Facts(doc_of(text))


def run_kind(kind: str, text: str, params: dict, year: int | None = None):
    """Run one check kind directly, with raw params validated as a pack would."""
    from linter.schema import validate_params
    module = load_kind(kind)
    validated = validate_params(module.PARAMS, params, kind)
    if hasattr(module, "validate"):
        module.validate(validated)
    doc = doc_of(text)
    facts = Facts(doc)
    ctx = Context(year if year is not None else facts.report_year, TODAY)
    return list(module.check(doc, facts, validated, ctx))


def lint(packset, text: str, path: str = "report.txt", pack: str | None = None):
    return check_document(doc_of(text, path), packset, forced_pack=pack, today=TODAY)


def rules_of(result) -> list[str]:
    return [f.rule for f in result.findings]
