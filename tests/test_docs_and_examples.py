"""The documentation a user copies from must work: the example local pack, and the generated rule
docs must match the packs (regenerate with `python scripts/gen_rule_docs.py`)."""
import os
import subprocess
import sys

from conftest import ROOT, TODAY, doc_of
from linter.engine import check_document
from linter.packs import load_packs

EXAMPLE = os.path.join(ROOT, "examples", "local-packs")
REPORT = "2017年某镇政府信息公开工作年度报告\n一、概述\n正文。\n"


def test_example_local_pack_adds_and_raises_rules():
    packset = load_packs([EXAMPLE])
    result = check_document(doc_of(REPORT), packset, today=TODAY)
    assert result.packs == ["core", "gov-2008", "hainan"]
    by_rule = {f.rule: f for f in result.findings}
    assert "section.hainan-download" in by_rule
    assert str(by_rule["period.missing"].severity) == "error"
    ok = REPORT + "本报告电子版可在海南省人民政府门户网站下载。\n"
    assert "section.hainan-download" not in {f.rule for f in check_document(doc_of(ok), packset).findings}


def test_example_local_pack_does_not_apply_to_other_years():
    packset = load_packs([EXAMPLE])
    result = check_document(doc_of(REPORT.replace("2017年", "2021年")), packset, today=TODAY)
    assert "hainan" not in result.packs


def test_generated_rule_docs_are_current():
    proc = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "gen_rule_docs.py"), "--check"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
