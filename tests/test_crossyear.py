"""This year's report against last year's: 上年结转, 现行有效件数, 内容雷同; pairing by body and year."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from linter import crossyear

from conftest import ROOT, TODAY, doc_of
from linter.engine import check_document

FIX = os.path.join(ROOT, "tests", "fixtures", "unified")


def text(name):
    with open(os.path.join(FIX, name), encoding="utf-8") as fh:
        return fh.read()


def doc(name_or_text, path=None):
    t = text(name_or_text) if name_or_text.endswith(".txt") else name_or_text
    return doc_of(t, path or (name_or_text if name_or_text.endswith(".txt") else "r.txt"))


@pytest.fixture
def lint(packset):
    def run(this, previous=None):
        d = doc(this) if isinstance(this, str) else this
        d.previous = doc(previous) if isinstance(previous, str) else previous
        return [(f.rule, f.line, f.message) for f in check_document(d, packset, today=TODAY).findings]
    return run


def test_carried_over_must_equal_last_years_carried_forward(lint):
    found = lint("bh_scjgj_2022_defects.txt", "bh_scjgj_2021.txt")
    carried = [f for f in found if f[0] == "xref.carried-over"]
    assert {f[1] for f in carried} == {37}
    assert any("自然人" in f[2] and "为1" in f[2] for f in carried)


def test_carried_over_that_matches_is_left_alone(lint):
    assert lint("bh_scjgj_2021.txt", "bh_scjgj_2020.txt") == []


def test_valid_count_carried_forward(lint):
    found = lint("bh_scjgj_2022_defects.txt", "bh_scjgj_2021.txt")
    assert ("xref.valid-count-carried", 19) in {(r, n) for r, n, _ in found}
    fixed = text("bh_scjgj_2022_defects.txt").replace("行政规范性文件\t3\t0\t17", "行政规范性文件\t3\t0\t18")
    assert "xref.valid-count-carried" not in {r for r, _, _ in lint(doc_of(fixed, "c.txt"), "bh_scjgj_2021.txt")}


def test_valid_count_needs_two_2021_layouts(lint):
    """2020's table 二 has 对外公开总数量, not 现行有效件数: nothing to carry."""
    assert not [f for f in lint("bh_scjgj_2021.txt", "bh_scjgj_2020.txt") if f[0] == "xref.valid-count-carried"]


def test_repeated_prose_is_reported_with_its_share_and_place(lint):
    found = [f for f in lint("bh_scjgj_2022_defects.txt", "bh_scjgj_2021.txt") if f[0] == "section.repeated-prose"]
    assert len(found) == 1
    rule, line, message = found[0]
    assert line == 7 and "%" in message and "一、总体情况" in message and "2021年度" in message


def test_a_report_written_anew_is_not_repeated(lint):
    assert not [f for f in lint("qs_town_2021.txt", "bh_scjgj_2021.txt") if f[0] == "section.repeated-prose"]


def test_repetition_share():
    prev = crossyear.facts_of(doc("bh_scjgj_2021.txt"))
    this = crossyear.facts_of(doc("bh_scjgj_2022_defects.txt"))
    rep = crossyear.repetition(prev, this)
    assert rep.share > 0.9 and rep.first_line == 7
    assert crossyear.repetition(crossyear.facts_of(doc("bh_scjgj_2020.txt")),
                                crossyear.facts_of(doc("bh_scjgj_2021.txt"))) is None


def test_reports_that_are_not_consecutive_are_not_compared(lint):
    assert not [f for f in lint("bh_scjgj_2022_defects.txt", "bh_scjgj_2020.txt") if f[0].startswith("xref.")]


def test_pairing_by_body_and_year():
    docs = [doc(n) for n in ("bh_scjgj_2020.txt", "bh_scjgj_2021.txt", "bh_scjgj_2022_defects.txt",
                             "qs_town_2021.txt", "hx_county_gov_2021_web.txt")]
    crossyear.pair(docs)
    by = {os.path.basename(d.path): d.previous and os.path.basename(d.previous.path) for d in docs}
    assert by == {"bh_scjgj_2020.txt": None, "bh_scjgj_2021.txt": "bh_scjgj_2020.txt",
                  "bh_scjgj_2022_defects.txt": "bh_scjgj_2021.txt", "qs_town_2021.txt": None,
                  "hx_county_gov_2021_web.txt": None}


def _cli(*args):
    proc = subprocess.run([sys.executable, "-m", "linter", "check", *args, "--format", "json"], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8")
    return proc, (json.loads(proc.stdout) if proc.stdout.strip() else None)


def _rules(report):
    return {(f["rule"], f["line"]) for entry in report["files"] for f in entry["findings"]}


def test_cli_previous_option():
    proc, report = _cli(os.path.join(FIX, "bh_scjgj_2022_defects.txt"),
                        "--previous", os.path.join(FIX, "bh_scjgj_2021.txt"))
    assert proc.returncode == 1
    assert {("xref.carried-over", 37), ("xref.valid-count-carried", 19), ("section.repeated-prose", 7)} <= _rules(report)


def test_cli_without_previous_compares_nothing():
    proc, report = _cli(os.path.join(FIX, "bh_scjgj_2022_defects.txt"))
    assert proc.returncode == 0 and _rules(report) == set()


def test_cli_pairs_files_given_together():
    proc, report = _cli(os.path.join(FIX, "bh_scjgj_2021.txt"), os.path.join(FIX, "bh_scjgj_2022_defects.txt"))
    assert ("xref.carried-over", 37) in _rules(report)


def test_cli_previous_that_cannot_be_read_is_a_usage_error():
    proc, _ = _cli(os.path.join(FIX, "bh_scjgj_2021.txt"), "--previous", os.path.join(FIX, "nope.txt"))
    assert proc.returncode == 2 and "--previous" in proc.stderr
