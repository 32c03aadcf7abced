"""Same defect, same finding, whatever the format.

tests/fixtures/formats/ holds .docx, .html and .pdf (reportlab and LibreOffice) versions of the five seeds, made by
scripts/make_format_fixtures.py. Each is checked, each finding's line is mapped back to the line of
the .txt seed that holds the same text (the rendering of a Word/PDF/web page does not keep the
.txt's blank lines, a PDF joins nothing the .txt splits, a page drops its chrome), and the result is
scored against seeds/expected.yaml with the rules of ../shared/tools/score-seeds (tests/score_seeds.py):
both line by line (through the mapping) and families only (--ignore-lines). Both must be 100%/0.
"""
from __future__ import annotations

import difflib
import os
import re
from datetime import date

import pytest
import yaml

from linter.engine import check_document
from linter.packs import load_packs
from linter.readers import read_path
from score_seeds import score_entry, score_entry_families

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(ROOT, "seeds")
FIXTURES = os.path.join(ROOT, "tests", "fixtures", "formats")
TODAY = date(2026, 11, 23)
FORMATS = {"docx": "{}.docx", "html": "{}.html", "pdf": "{}.pdf", "lo-pdf": "lo/{}.pdf"}
"""lo/*.pdf: LibreOffice's PDF export of the .docx (real fonts, justified wrapping, header/footer)."""


# ---------------------------------------------------------------- scoring (as score-seeds: tests/score_seeds.py)

def score_lines(spec: dict, entry: dict) -> list[str]:
    return score_entry("", spec, entry)


def score_families(spec: dict, entry: dict) -> list[str]:
    return score_entry_families("", spec, entry)


# ---------------------------------------------------------------- line mapping

def _norm(text: str) -> str:
    return re.sub(r"[\s\u3000\xa0]+", "", text)


def line_map(txt_lines: list[str], doc_lines: list[str]) -> dict[int, int]:
    """1-based line of the rendering → 1-based line of the .txt that holds the same text."""
    a = [_norm(t) for t in txt_lines]
    b = [_norm(t) for t in doc_lines]
    mapping: dict[int, int] = {}
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                mapping[j1 + k + 1] = i1 + k + 1
    for j, text in enumerate(b, 1):
        if j in mapping or not text:
            continue
        # a cell-joined table row, a paragraph the PDF split differently: match by the opening text
        head = text.replace("\t", "")[:12]
        best = None
        for i, t in enumerate(a, 1):
            t2 = t.replace("\t", "")
            if head and (t2.startswith(head) or (len(t2) >= 6 and text.replace("\t", "").startswith(t2[:12]))):
                if best is None or abs(i - j) < abs(best - j):
                    best = i
        if best is not None:
            mapping[j] = best
    return mapping


@pytest.fixture(scope="module")
def expected():
    with open(os.path.join(SEEDS, "expected.yaml"), encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="module")
def packset():
    return load_packs()


def _entry(packset, path: str, txt_path: str) -> dict:
    doc = read_path(path)
    result = check_document(doc, packset, today=TODAY)
    with open(txt_path, encoding="utf-8") as fh:
        txt_lines = fh.read().splitlines()
    mapping = line_map(txt_lines, [ln.text for ln in doc.lines])
    findings = []
    for f in result.findings:
        findings.append({"rule": f.rule, "line": mapping.get(f.line) if f.line is not None else None,
                         "format_line": f.line, "locator": doc.locate(f.line, f.column) if f.line else None})
    return {"report_year": result.report_year, "regime": result.regime, "findings": findings, "doc": doc}


def _cases():
    for ext in FORMATS:
        for name in sorted(os.listdir(SEEDS)):
            if name.endswith(".txt"):
                yield ext, name


@pytest.mark.parametrize("ext,name", list(_cases()))
def test_same_findings(ext, name, expected, packset):
    stem = name[:-4]
    path = os.path.join(FIXTURES, FORMATS[ext].format(stem))
    entry = _entry(packset, path, os.path.join(SEEDS, name))
    spec = expected[name]
    assert score_families(spec, entry) == [], f"{stem}.{ext} (families only)"
    assert score_lines(spec, entry) == [], f"{stem}.{ext} (lines mapped to the .txt)"


@pytest.mark.parametrize("ext", ("docx", "pdf", "lo-pdf"))
def test_every_line_finding_has_a_locator(ext, packset):
    for name in sorted(os.listdir(SEEDS)):
        if not name.endswith(".txt"):
            continue
        path = os.path.join(FIXTURES, FORMATS[ext].format(name[:-4]))
        doc = read_path(path)
        result = check_document(doc, packset, today=TODAY)
        for f in result.findings:
            if f.line is not None:
                assert doc.locate(f.line, f.column), (path, f.rule, f.line)


def test_fixtures_are_there():
    for ext in FORMATS:
        for name in os.listdir(SEEDS):
            if name.endswith(".txt"):
                assert os.path.exists(os.path.join(FIXTURES, FORMATS[ext].format(name[:-4])))
