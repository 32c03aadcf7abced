"""--fix and --diff: mechanical repairs on .txt/.md only; nothing written without --fix."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

TEXT = ("2016年成吉思汗镇政府信息公开工作年度报告\r\n"
        "    2016年, 我镇在市委、市政府的正确领导下;认真贯彻落实。共1,200条，10:30召开。\r\n"
        "    不断强化工作人员的业务知识[image: image1.png]。\r\n"
        "一、概述\r\n"
        "（一）加强组织领导\r\n"
        "（二）加强制度建设\r\n"
        "(三)规范流程\r\n"
        "    联系电话:0470-8711440, see the website: http://a.b/c,d\r\n")


def cli(*args, cwd, stdin=None):
    return subprocess.run([sys.executable, "-m", "linter", *args], capture_output=True, cwd=cwd, input=stdin,
                          env={**os.environ, "NO_COLOR": "1"})


@pytest.fixture
def report(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(TEXT.encode("gb18030"))
    return path


def test_fix_repairs_mechanical_rules_and_keeps_encoding_and_line_ends(report):
    run = cli("check", "r.txt", "--fix", "-f", "json", cwd=report.parent)
    assert run.returncode in (0, 1), run.stderr.decode()
    data = report.read_bytes()
    text = data.decode("gb18030")
    assert "\r\n" in text and text.count("\r\n") == TEXT.count("\r\n")
    lines = text.split("\r\n")
    assert lines[1] == "    2016年，我镇在市委、市政府的正确领导下；认真贯彻落实。共1,200条，10:30召开。"
    assert lines[2] == "    不断强化工作人员的业务知识。"
    assert lines[6] == "（三）规范流程"
    # left alone: numbers, times, a URL, and the heading styles already right
    assert lines[7] == TEXT.split("\r\n")[7]
    assert lines[4] == "（一）加强组织领导"
    remaining = run.stdout.decode()
    assert "punct.halfwidth" not in remaining and "artifact.conversion" not in remaining
    assert "已修正 r.txt" in run.stderr.decode()


def test_nothing_written_without_fix(report):
    before = report.read_bytes()
    assert cli("check", "r.txt", cwd=report.parent).returncode == 1
    run = cli("check", "r.txt", "--diff", cwd=report.parent)
    assert report.read_bytes() == before
    diff = run.stdout.decode()
    assert run.returncode == 1
    assert diff.startswith("--- a/r.txt\n+++ b/r.txt\n")
    assert "+    2016年，我镇" in diff and "-(三)规范流程" in diff and "+（三）规范流程" in diff


def test_diff_on_clean_file_is_empty_and_exit_zero(tmp_path):
    path = tmp_path / "c.md"
    path.write_text("2016年某镇政府信息公开工作年度报告\n一、概述\n正文。\n", encoding="utf-8")
    run = cli("check", "c.md", "--diff", cwd=tmp_path)
    assert run.returncode == 0 and run.stdout == b""


def test_fix_never_touches_docx_or_pdf(tmp_path):
    for name in ("a.docx", "a.pdf"):
        (tmp_path / name).write_bytes(b"PK\x03\x04 not really" if name.endswith("docx") else b"%PDF-1.4 junk")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    cli("check", ".", "--fix", cwd=tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_fix_with_stdin_prints_fixed_text(tmp_path):
    run = cli("check", "--stdin", "--stdin-filename", "r.txt", "--fix", cwd=tmp_path, stdin=TEXT.encode("utf-8"))
    assert run.returncode == 0
    out = run.stdout.decode("utf-8")
    assert "2016年，我镇" in out and "[image:" not in out and out.count("\r\n") == TEXT.count("\r\n")
    assert list(tmp_path.iterdir()) == []


def test_fixed_lines_only_where_reported():
    from linter.engine import lint_document
    from linter.fix import fixed_lines
    from linter.packs import load_packs
    from linter.readers.text import document_from_text
    text = "2016年某镇政府信息公开工作年度报告\n一、概述\n（一）甲\n(二)乙\n(三)丙\n(四)丁\n"
    result = lint_document(document_from_text("x.txt", text), load_packs())
    # the half-width style is the majority: the full-width minority is flagged, and that is not mechanical
    assert fixed_lines(result) == {}
