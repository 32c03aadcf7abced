"""The PDF reader: reading order, CJK spacing, running heads, tables, scanned/encrypted/huge files."""
from __future__ import annotations

import os

import pytest

pytest.importorskip("pdfplumber")

from linter.readers import ReadError, read_bytes  # noqa: E402
from linter.readers import pdf as pdf_reader  # noqa: E402
from linter.readers.pdf import squeeze_cjk  # noqa: E402

FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures", "formats")


def load(name: str) -> bytes:
    with open(os.path.join(FIXTURES, name), "rb") as fh:
        return fh.read()


@pytest.mark.parametrize("raw, shown", [
    ("统 计 指 标", "统计指标"),
    ("社会 稳定", "社会稳定"),
    ("公开 “三公” 经费", "公开“三公”经费"),
    ("Microsoft Word 2016", "Microsoft Word 2016"),
    ("临河镇 2018 年", "临河镇 2018 年"),
    ("共 12 条", "共 12 条"),
    ("  两端  ", "两端"),
])
def test_squeeze_cjk(raw, shown):
    assert squeeze_cjk(raw) == shown


def test_running_header_and_page_numbers_dropped():
    doc = read_bytes("r.pdf", load("pdf/running.pdf"))
    text = doc.text
    assert "某某县人民政府办公室" not in text and "共 3 页" not in text
    assert doc.lines[0].text == "一、第1页的标题"
    assert [ln.text for ln in doc.lines].count("统计指标与说明") == 3
    assert "Microsoft Word 2016 导出，共 12 条，办结率 100% 。" in [ln.text for ln in doc.lines]


def test_page_locators():
    doc = read_bytes("r.pdf", load("pdf/running.pdf"))
    assert doc.lines[0].locator == "第1页第1行"
    second = next(ln for ln in doc.lines if ln.text == "二、第2页的标题")
    assert second.locator == "第2页第1行"


def test_short_lines_are_not_joined():
    doc = read_bytes("r.pdf", load("pdf/running.pdf"))
    assert "本页正文第1行。" in [ln.text for ln in doc.lines]


def test_wrapped_paragraph_joined_and_located_by_printed_line():
    doc = read_bytes("r.pdf", load("004_60f2b87b7f23535f.pdf"))
    para = next(ln for ln in doc.lines if ln.text.startswith("根据政府办《关于做好"))
    assert para.text.endswith("现将临河镇 2018 年度政府信息公开报告如下：")
    assert para.locator == "第1页第2行"
    col = para.text.index("现将临河镇") + 1
    assert doc.locate(para.number, col) != "第1页第2行"   # a later printed line of the paragraph


def test_ruled_table_rows_across_pages():
    doc = read_bytes("r.pdf", load("004_60f2b87b7f23535f.pdf"))
    rows = [ln for ln in doc.lines if ln.table_id is not None]
    assert rows[0].text == "统计指标\t单位\t统计数"
    assert len(rows) == 66 and {ln.table_id for ln in rows} == {1}     # one table over two pages
    assert rows[-1].text == "（三）接受培训人员数\t人次\t4"
    assert "危及国家安全、公共安全、经济安全和社会稳定\t件\t0" in [r.text for r in rows]
    assert doc.locate(rows[1].number, len("一、主动公开情况\t——\t") + 1).endswith("表1第2行第3列")


def test_scanned_pdf_is_a_clear_error():
    with pytest.raises(ReadError, match="扫描版"):
        read_bytes("r.pdf", load("pdf/scanned.pdf"))


def test_encrypted_pdf_is_a_clear_error():
    with pytest.raises(ReadError, match="加密"):
        read_bytes("r.pdf", load("pdf/encrypted.pdf"))


def test_owner_password_only_is_read():
    doc = read_bytes("r.pdf", load("pdf/owner-only.pdf"))
    assert doc.lines[0].text == "Annual report 2018: 64 items published."


def test_too_many_pages(monkeypatch):
    monkeypatch.setattr(pdf_reader, "MAX_PAGES", 2)
    with pytest.raises(ReadError, match="超过上限"):
        read_bytes("r.pdf", load("pdf/running.pdf"))


def test_time_limit(monkeypatch):
    monkeypatch.setattr(pdf_reader, "TIME_LIMIT", -1.0)
    with pytest.raises(ReadError, match="秒"):
        read_bytes("r.pdf", load("pdf/running.pdf"))


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.9])
def test_truncated_pdf_never_tracebacks(cut):
    data = load("004_60f2b87b7f23535f.pdf")
    try:
        doc = read_bytes("r.pdf", data[: int(len(data) * cut)])
        assert doc.lines      # pdfminer may recover some pages: fine
    except ReadError:
        pass


def test_not_a_pdf():
    with pytest.raises(ReadError, match="PDF"):
        read_bytes("r.pdf", b"<html>this is a web page saved as .pdf</html>")


@pytest.mark.parametrize("seed", range(20))
def test_damaged_pdf_never_tracebacks(seed, capfd):
    import random
    rnd = random.Random(seed)
    data = bytearray(load("lo/004_60f2b87b7f23535f.pdf"))
    for _ in range(rnd.randint(1, 30)):
        data[rnd.randrange(len(data))] = rnd.randrange(256)
    try:
        read_bytes("r.pdf", bytes(data))
    except ReadError:
        pass
    assert capfd.readouterr().err == ""   # pdfminer's complaints about the file are not printed


def tiny_pdf(n_pages: int) -> bytes:
    """A valid PDF of `n_pages` empty pages, written by hand (no PDF library needed)."""
    objs = ["<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [" + " ".join(f"{i + 3} 0 R" for i in range(n_pages)) + f"] /Count {n_pages} >>"]
    objs += ["<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * n_pages
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def test_huge_pdf_refused_quickly():
    import time
    t = time.perf_counter()
    with pytest.raises(ReadError, match="超过上限 300 页"):
        read_bytes("r.pdf", tiny_pdf(5000))
    assert time.perf_counter() - t < 10


def test_pdf_without_any_text():
    with pytest.raises(ReadError, match="没有可提取的文字"):
        read_bytes("r.pdf", tiny_pdf(2))


def test_ruled_table_with_merged_cells():
    doc = read_bytes("r.pdf", load("pdf/merged.pdf"))
    rows = [ln.text for ln in doc.lines if ln.table_id]
    assert rows == ["统计指标\t\t统计数", "收到申请数\t当面申请\t3", "\t网络申请\t5", "申请办结数\t\t8"]
    assert doc.lines[0].text == "附表：依申请公开情况" and doc.lines[0].table_id is None


def test_table_without_ruling_lines_keeps_its_columns():
    from linter.facts.tables import find_tables
    doc = read_bytes("r.pdf", load("pdf/borderless.pdf"))
    assert doc.lines[0].text == "政府信息公开情况统计表"
    assert doc.lines[-1].text == "以上数据截至2018年12月31日。"
    tables = find_tables(doc)
    assert len(tables) == 1
    assert [[c.stripped for c in r.cells] for r in tables[0].rows][1] == ["主动公开政府信息数", "条", "64"]
    assert len(tables[0].rows) == 5
