"""The CLI contract: exit codes, JSON shape, folders and globs, bad input, rules and explain."""
import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, SEEDS

SEED = os.path.join(SEEDS, "004_60f2b87b7f23535f.txt")
CLEAN = "2017年某镇政府信息公开工作年度报告\n正文。\n"


def run(*args, cwd=None):
    proc = subprocess.run([sys.executable, "-m", "linter", *args], capture_output=True, text=True, cwd=cwd or ROOT,
                          env={**os.environ, "PYTHONPATH": ROOT})
    return proc.returncode, proc.stdout, proc.stderr


def test_json_contract():
    code, out, _ = run("check", SEED, "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["version"] == 1
    entry = data["files"][0]
    assert entry["report_year"] == 2018 and entry["regime"] == "2008" and entry["error"] is None
    assert entry["packs"] == ["core", "gov-2008"]
    f = entry["findings"][0]
    assert set(f) >= {"rule", "severity", "line", "column", "end_line", "end_column", "message", "basis"}
    assert data["summary"]["findings"] == len(entry["findings"])


def test_text_output_groups_and_marks_span():
    code, out, _ = run("check", SEED)
    assert code == 1
    assert "004_60f2b87b7f23535f.txt:9:30" in out and "typo.latin-word" in out
    assert "^^^" in out and out.rstrip().splitlines()[-1].startswith("检查了 1 个文件")


def test_fail_on_threshold(tmp_path):
    report = tmp_path / "r.txt"
    shutil.copy(SEED, report)
    code, out, _ = run("check", str(report), "--format", "json", "--fail-on", "error")
    assert code == 1
    only_info = tmp_path / "info.txt"
    text = open(SEED, encoding="utf-8").read()
    only_info.write_text(text, encoding="utf-8")
    code, _, _ = run("check", str(only_info), "--format", "json", "--fail-on", "info")
    assert code == 1


def test_folder_is_walked_and_unreadable_file_reported(tmp_path):
    (tmp_path / "sub").mkdir()
    shutil.copy(SEED, tmp_path / "sub" / "a.txt")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "notes.csv").write_text("x")
    code, out, _ = run("check", str(tmp_path), "--format", "json")
    data = json.loads(out)
    paths = sorted(os.path.basename(f["path"]) for f in data["files"])
    assert paths == ["a.txt", "empty.txt"] and code == 2
    empty = [f for f in data["files"] if f["path"].endswith("empty.txt")][0]
    assert empty["error"] == "文件为空" and empty["findings"] == []


def test_glob(tmp_path):
    for name in ("a.txt", "b.txt"):
        shutil.copy(SEED, tmp_path / name)
    code, out, _ = run("check", str(tmp_path / "*.txt"), "--format", "json")
    assert len(json.loads(out)["files"]) == 2


def test_missing_file_is_one_line_and_exit_2():
    code, out, err = run("check", "no/such/file.txt")
    assert code == 2 and "文件不存在" in out and "Traceback" not in out + err


def test_broken_pack_is_exit_2_with_file_and_line(tmp_path):
    (tmp_path / "p.yaml").write_text("id: p\ntitle: t\nrules:\n  - id: bad\n", encoding="utf-8")
    code, out, err = run("check", SEED, "--rules", str(tmp_path))
    assert code == 2 and "p.yaml:4:" in err and "Traceback" not in err


def test_unknown_pack_and_format():
    assert run("check", SEED, "--pack", "nope")[0] == 2
    assert run("check", SEED, "--format", "xml")[0] == 2
    assert run("check", SEED, "--fail-on", "fatal")[0] == 2


def test_forced_pack():
    code, out, _ = run("check", SEED, "--format", "json", "--pack", "core")
    assert json.loads(out)["files"][0]["packs"] == ["core"]


def test_user_file_is_never_written(tmp_path):
    report = tmp_path / "r.txt"
    shutil.copy(SEED, report)
    before = report.read_bytes()
    run("check", str(report))
    assert report.read_bytes() == before


def test_rules_lists_basis():
    code, out, _ = run("rules", "--pack", "gov-2008")
    assert code == 0 and "section.by-application" in out and "第三十二条" in out and "numbering.skip" in out


@pytest.mark.parametrize("rule", ["numbering.skip", "arith.table-channels", "spam.injected"])
def test_explain(rule):
    code, out, _ = run("explain", rule)
    assert code == 0 and "依据" in out and "不合格的例子" in out and "合格的例子" in out


def test_explain_unknown_rule():
    code, _, err = run("explain", "numbering.nope")
    assert code == 2 and "numbering.skip" in err


def test_dump_line_numbers_match_findings():
    code, out, _ = run("dump", SEED)
    lines = out.splitlines()
    assert code == 0 and lines[8].split("|", 1)[1].strip().startswith("（一）加强组织领导")
