"""Baselines: known findings keyed by file, rule and offending text — not line numbers."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from linter import baseline
from linter.engine import lint_document
from linter.packs import load_packs
from linter.readers.text import document_from_text

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "003_3722e6619a3f0616.txt"

TEXT = """2016年成吉思汗镇政府信息公开工作年度报告
    2016年,我镇在市委、市政府的正确领导下认真贯彻落实。
    不断强化工作人员的业务知识[image: image1.png]
"""


@pytest.fixture(scope="module")
def packset():
    return load_packs()


def lint(text, packset, path):
    return lint_document(document_from_text(str(path), text), packset)


def rules(result):
    return sorted(f.rule for f in result.findings)


def test_baseline_hides_known_findings_after_lines_are_added_above(tmp_path, packset):
    path = tmp_path / "r.txt"
    base = tmp_path / "baseline.json"
    written = baseline.write([lint(TEXT, packset, path)], str(base))
    assert written > 0
    moved = lint(TEXT.replace("\n", "\n\n\n    一段新加的说明。\n", 1), packset, path)
    assert moved.findings
    hidden, stale = baseline.filter_results([moved], str(base))
    assert moved.findings == [] and hidden == written and stale == 0


def test_same_rule_on_different_text_is_new(tmp_path, packset):
    path = tmp_path / "r.txt"
    base = tmp_path / "baseline.json"
    baseline.write([lint(TEXT, packset, path)], str(base))
    changed = lint(TEXT + "    另外,我镇还开展了培训。\n    不断强化[image: image2.png]\n", packset, path)
    baseline.filter_results([changed], str(base))
    new = [(f.rule, f.line) for f in changed.findings]
    assert ("punct.halfwidth", 4) in new and ("artifact.conversion", 5) in new
    assert ("punct.halfwidth", 2) not in new and ("artifact.conversion", 3) not in new


def test_duplicates_are_counted(tmp_path, packset):
    path = tmp_path / "r.txt"
    base = tmp_path / "b.json"
    one = TEXT + "    附[image: x.png]\n"
    baseline.write([lint(one, packset, path)], str(base))
    two = one + "    附[image: x.png]\n"
    result = lint(two, packset, path)
    baseline.filter_results([result], str(base))
    assert [f.rule for f in result.findings] == ["artifact.conversion"]


def test_other_file_same_text_is_new(tmp_path, packset):
    base = tmp_path / "b.json"
    baseline.write([lint(TEXT, packset, tmp_path / "a.txt")], str(base))
    other = lint(TEXT, packset, tmp_path / "b.txt")
    count = len(other.findings)
    hidden, stale = baseline.filter_results([other], str(base))
    assert hidden == 0 and len(other.findings) == count and stale == count


def test_keys_are_relative_to_the_baseline_folder(tmp_path, packset):
    base = tmp_path / "b.json"
    baseline.write([lint(TEXT, packset, tmp_path / "docs" / "a.txt")], str(base))
    data = json.loads(base.read_text(encoding="utf-8"))
    assert {e["file"] for e in data["entries"]} == {"docs/a.txt"}
    assert all("line" not in e for e in data["entries"])
    assert any(e["text"] == "[image: image1.png]" for e in data["entries"])


def test_fixed_findings_are_counted_stale(tmp_path, packset):
    path = tmp_path / "r.txt"
    base = tmp_path / "b.json"
    baseline.write([lint(TEXT, packset, path)], str(base))
    fixed = lint(TEXT.replace("[image: image1.png]", "。"), packset, path)
    _, stale = baseline.filter_results([fixed], str(base))
    assert stale == 1


@pytest.mark.parametrize("content, words", [("{", "不是合法的 JSON"), ('{"entries": []}', "不是 nianbao-lint 的基线")])
def test_bad_baseline_is_an_error(tmp_path, content, words):
    base = tmp_path / "b.json"
    base.write_text(content, encoding="utf-8")
    with pytest.raises(baseline.BaselineError, match=words):
        baseline.load(str(base))


def cli(*args, cwd):
    return subprocess.run([sys.executable, "-m", "linter", *args], capture_output=True, cwd=cwd,
                          env={**os.environ, "NO_COLOR": "1"})


def test_cli_write_then_gate(tmp_path):
    (tmp_path / "r.txt").write_bytes(SEED.read_bytes())
    assert cli("check", "r.txt", cwd=tmp_path).returncode == 1
    run = cli("check", "r.txt", "--write-baseline", "base.json", cwd=tmp_path)
    assert run.returncode == 0 and "写入基线" in run.stderr.decode()
    run = cli("check", "r.txt", "--baseline", "base.json", "-f", "json", cwd=tmp_path)
    assert run.returncode == 0 and json.loads(run.stdout)["summary"]["findings"] == 0
    with open(tmp_path / "r.txt", "a", encoding="utf-8") as fh:
        fh.write("\n2016年12月31日落款后又补记：本镇于2016年2月30日召开会议。\n")
    run = cli("check", "r.txt", "--baseline", "base.json", "-f", "json", cwd=tmp_path)
    found = [f["rule"] for f in json.loads(run.stdout)["files"][0]["findings"]]
    assert run.returncode == 1 and "date.impossible" in found
    missing = cli("check", "r.txt", "--baseline", "nope.json", cwd=tmp_path)
    assert missing.returncode == 2 and "基线文件不存在" in missing.stderr.decode()
