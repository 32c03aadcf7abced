"""The unified-format fixtures (tests/fixtures/unified/expected.yaml), checked the way a user checks
a folder: one run, reports of the same body for consecutive years paired automatically. Clean
fixtures give no finding at all; every seeded defect gives its finding at its line."""
import json
import os
import subprocess
import sys

import yaml

from conftest import ROOT
from score_seeds import score

FIXTURES = os.path.join(ROOT, "tests", "fixtures", "unified")
# the .txt fixtures, checked together in one run (the formats/ subfolder has copies in other formats)
TXT = sorted(os.path.join(FIXTURES, n) for n in os.listdir(FIXTURES) if n.endswith(".txt"))


def _run(*args):
    proc = subprocess.run([sys.executable, "-m", "linter", "check", *args, "--format", "json"],
                          cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def test_unified_fixtures_score_full_recall_and_no_noise():
    with open(os.path.join(FIXTURES, "expected.yaml"), encoding="utf-8") as fh:
        expected = yaml.safe_load(fh)
    report = _run(*TXT)
    names = {os.path.basename(f["path"]) for f in report["files"]}
    assert names == set(expected), names ^ set(expected)
    assert score(expected, report) == []


def test_clean_fixtures_have_no_finding_at_all():
    with open(os.path.join(FIXTURES, "expected.yaml"), encoding="utf-8") as fh:
        expected = yaml.safe_load(fh)
    clean = [n for n, spec in expected.items() if not spec.get("expect")]
    assert len(clean) >= 4
    report = _run(*TXT)
    for entry in report["files"]:
        if os.path.basename(entry["path"]) in clean:
            assert entry["findings"] == [], (entry["path"], entry["findings"])
            assert entry["error"] is None


def test_each_clean_fixture_alone_is_clean_too():
    """Without its pair (no cross-year comparison) a clean report stays clean."""
    for name in ("bh_scjgj_2021.txt", "qs_town_2021.txt", "hx_county_gov_2021_web.txt", "bh_scjgj_2020.txt"):
        report = _run(os.path.join(FIXTURES, name))
        assert report["files"][0]["findings"] == [], name


def test_every_gov_2021_rule_is_listed_with_its_basis_and_explained():
    proc = subprocess.run([sys.executable, "-m", "linter", "rules", "--pack", "gov-2021"], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 0, proc.stderr
    from linter.packs import load_packs
    packs = load_packs()
    for pack_id in ("gov-2019", "gov-2021"):
        pack = packs.packs[pack_id]
        assert pack.extends == ["core"] and pack.regime == pack_id.split("-")[1]
        for rule in pack.rules:
            assert rule.basis
            if pack_id == "gov-2021":
                assert rule.id in proc.stdout and rule.basis in proc.stdout
    for rid in [r.id for r in packs.packs["gov-2021"].rules] + ["section.processing-fee"]:
        ex = subprocess.run([sys.executable, "-m", "linter", "explain", rid], cwd=ROOT, capture_output=True,
                            text=True, encoding="utf-8")
        assert ex.returncode == 0 and "依据" in ex.stdout, (rid, ex.stderr)


def test_packs_are_chosen_by_report_year(packset):
    assert packset.select(2019)[-1] == "gov-2019"
    assert packset.select(2020)[-1] == "gov-2019"
    assert packset.select(2021)[-1] == "gov-2021"
    assert packset.select(2024)[-1] == "gov-2021"
    assert packset.select(2018)[-1] == "gov-2008"
    assert "core" in packset.select(2022)


def test_defect_fixtures_have_no_finding_beyond_the_expected_ones():
    """Stricter than the scorer: in a seeded fixture, every finding of an expected family sits on an
    expected line (±1), or is one of the expected document-level findings — no knock-on noise."""
    with open(os.path.join(FIXTURES, "expected.yaml"), encoding="utf-8") as fh:
        expected = yaml.safe_load(fh)
    report = _run(*TXT)
    for entry in report["files"]:
        spec = expected[os.path.basename(entry["path"])]
        for fam, want in (spec.get("expect") or {}).items():
            got = [f for f in entry["findings"] if f["rule"].split(".")[0] == fam]
            lines = want.get("lines", []) + want.get("any_line", [])
            stray = [f for f in got if f["line"] is not None and not any(abs(f["line"] - n) <= 1 for n in lines)]
            doc_level = [f for f in got if f["line"] is None]
            assert stray == [], (entry["path"], stray)
            assert len(doc_level) == want.get("count", 0), (entry["path"], doc_level)


def test_same_findings_from_word_and_web_page_versions(packset):
    """The same reports as a Word file with real tables and as a government web page
    (tests/fixtures/unified/formats, built with scripts/make_format_fixtures.py): the same rules fire."""
    from collections import Counter

    from conftest import TODAY
    from linter.engine import check_file
    for stem in ("bh_scjgj_2021", "dg_jyj_2021_defects"):
        want = Counter(f.rule for f in check_file(os.path.join(FIXTURES, stem + ".txt"), packset, today=TODAY).findings)
        for ext in ("docx", "html"):
            result = check_file(os.path.join(FIXTURES, "formats", f"{stem}.{ext}"), packset, today=TODAY)
            assert result.error is None
            assert Counter(f.rule for f in result.findings) == want, (stem, ext)
