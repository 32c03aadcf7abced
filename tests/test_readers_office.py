""".doc/.wps through LibreOffice (faked here: the tests must not need it), .ofd refused clearly."""
from __future__ import annotations

import os
import stat
import sys

import pytest

pytest.importorskip("docx")

from linter.readers import ReadError, read_bytes  # noqa: E402
from linter.readers import office  # noqa: E402

FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures", "formats")
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
DOCX = os.path.join(FIXTURES, "002_11d87264c0987954.docx")


def fake_soffice(tmp_path, body: str) -> str:
    script = tmp_path / "soffice"
    script.write_text(f"#!{sys.executable}\n{body}\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


CONVERT = f"""
import os, shutil, sys
args = sys.argv[1:]
out = args[args.index("--outdir") + 1]
os.makedirs(out, exist_ok=True)
src = args[-1]
assert "--headless" in args and args[args.index("--convert-to") + 1] == "docx"
shutil.copy({DOCX!r}, os.path.join(out, os.path.splitext(os.path.basename(src))[0] + ".docx"))
"""


@pytest.mark.parametrize("ext", ["doc", "wps"])
def test_without_libreoffice_says_what_to_install(ext, monkeypatch):
    monkeypatch.setattr(office, "soffice", lambda: None)
    with pytest.raises(ReadError, match="LibreOffice"):
        read_bytes(f"r.{ext}", OLE)


@pytest.mark.parametrize("ext", ["doc", "wps"])
def test_converted_through_libreoffice(ext, monkeypatch, tmp_path):
    exe = fake_soffice(tmp_path, CONVERT)
    monkeypatch.setattr(office, "soffice", lambda: exe)
    doc = read_bytes(f"r.{ext}", OLE)
    assert doc.source_format == ext
    assert doc.lines[0].text.startswith("2017年锡尼河西苏木") and doc.lines[0].locator == "第1段"


def test_conversion_failure_is_a_clear_error(monkeypatch, tmp_path):
    exe = fake_soffice(tmp_path, "import sys; sys.stderr.write('Error: source file could not be loaded\\n'); sys.exit(1)")
    monkeypatch.setattr(office, "soffice", lambda: exe)
    with pytest.raises(ReadError, match="无法转换"):
        read_bytes("r.doc", OLE)


def test_conversion_timeout(monkeypatch, tmp_path):
    exe = fake_soffice(tmp_path, "import time; time.sleep(30)")
    monkeypatch.setattr(office, "soffice", lambda: exe)
    monkeypatch.setattr(office, "TIMEOUT", 1)
    with pytest.raises(ReadError, match="超过 1 秒"):
        read_bytes("r.doc", OLE)


def test_ofd_refused_clearly():
    with pytest.raises(ReadError, match="OFD"):
        read_bytes("r.ofd", b"PK\x03\x04OFD.xml")


def test_docx_saved_as_doc_is_read_directly(monkeypatch):
    monkeypatch.setattr(office, "soffice", lambda: None)
    with open(DOCX, "rb") as fh:
        doc = read_bytes("r.doc", fh.read())
    assert doc.lines[0].text.startswith("2017年锡尼河西苏木") and doc.source_format == "doc"


def test_doc_saved_as_docx_goes_to_libreoffice(monkeypatch):
    monkeypatch.setattr(office, "soffice", lambda: None)
    with pytest.raises(ReadError, match="LibreOffice"):
        read_bytes("r.docx", OLE)


REAL_DOC = os.path.join(FIXTURES, "doc", "004_60f2b87b7f23535f.doc")


@pytest.mark.skipif(office.soffice() is None, reason="LibreOffice is not installed")
def test_real_doc_through_libreoffice():
    from datetime import date

    from linter.engine import check_document
    from linter.packs import load_packs
    with open(REAL_DOC, "rb") as fh:
        doc = read_bytes("004.doc", fh.read())
    assert doc.source_format == "doc"
    rows = [ln for ln in doc.lines if ln.table_id]
    assert rows[0].text == "统 计 指 标\t单 位\t统 计 数" and rows[0].locator == "表1第1行"
    rules = {f.rule.split(".")[0] for f in check_document(doc, load_packs(), today=date(2026, 11, 23)).findings}
    assert {"numbering", "year", "arith", "typo"} <= rules


def test_real_doc_without_libreoffice_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(office, "soffice", lambda: None)
    with open(REAL_DOC, "rb") as fh:
        with pytest.raises(ReadError, match="LibreOffice"):
            read_bytes("004.doc", fh.read())
