"""The .docx reader: text as Word prints it, numbering rendered, tables on the grid, bounds."""
from __future__ import annotations

import io
import os
import zipfile

import pytest

pytest.importorskip("docx")

from linter.readers import ReadError, read_bytes  # noqa: E402
from linter.readers.docx import chinese_number, format_number  # noqa: E402

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures", "formats")

CT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""
DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>"""
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {NS}>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>
  <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/>
  <w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="MyHeading"><w:name w:val="my heading"/><w:basedOn w:val="Heading2"/></w:style>
</w:styles>"""
NS = (f'xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')

NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {NS}>
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="&#61623;"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="9"/></w:lvlOverride></w:num>
</w:numbering>"""


def p(text: str = "", num: tuple[int, int] | None = None, extra: str = "") -> str:
    numpr = f'<w:pPr><w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr></w:pPr>' if num else ""
    run = f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""
    return f"<w:p>{numpr}{run}{extra}</w:p>"


def make_docx(body: str, numbering: str = NUMBERING) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/_rels/document.xml.rels", DOC_RELS)
        z.writestr("word/numbering.xml", numbering)
        z.writestr("word/styles.xml", STYLES.replace("{NS}", NS))
        z.writestr("word/header1.xml", f'<w:hdr {NS}><w:p><w:r><w:t>某镇人民政府文件页眉</w:t></w:r></w:p></w:hdr>')
        z.writestr("word/footer1.xml", f'<w:ftr {NS}><w:p><w:fldSimple w:instr="PAGE"><w:r><w:t>7</w:t></w:r>'
                                       f'</w:fldSimple></w:p></w:ftr>')
        sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rId2"/>'
                '<w:footerReference w:type="default" r:id="rId3"/></w:sectPr>')
        z.writestr("word/document.xml", f'<w:document {NS}><w:body>{body}{sect}</w:body></w:document>')
    return buf.getvalue()


def texts(doc):
    return [ln.text for ln in doc.lines]


def test_numbering_rendered_as_word_shows_it():
    body = (p("概述", (1, 0)) + p("工作情况", (1, 0)) + p("公开内容", (1, 1)) + p("网站", (1, 2))
            + p("微博", (1, 2)) + p("公开形式", (1, 1)) + p("存在问题", (1, 0)) + p("子项", (1, 1))
            + p("要点", (2, 0)) + p("续编", (3, 0)))
    doc = read_bytes("r.docx", make_docx(body))
    assert texts(doc) == ["一、概述", "二、工作情况", "（一）公开内容", "1.网站", "2.微博", "（二）公开形式",
                          "三、存在问题", "（一）子项", "要点", "九、续编"]


def test_numbering_feeds_the_heading_rules():
    from linter.facts.headings import find_headings
    body = p("概述", (1, 0)) + p("主动公开", (1, 0)) + p("公开内容", (1, 1))
    doc = read_bytes("r.docx", make_docx(body))
    levels = [(h.level, h.number) for h in find_headings(doc, set())]
    assert levels == [(1, 1), (1, 2), (2, 1)]


@pytest.mark.parametrize("n, fmt, shown", [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (12, "chineseCounting", "十二"),
    (20, "chineseCounting", "二十"), (105, "chineseCountingThousand", "一百零五"), (3, "decimal", "3"),
    (3, "decimalEnclosedCircle", "③"), (2, "ideographTraditional", "乙"), (4, "upperRoman", "IV"),
    (2, "lowerLetter", "b"), (3, "chineseLegalSimplified", "叁"), (5, "decimalFullWidth", "５"),
])
def test_number_formats(n, fmt, shown):
    assert format_number(n, fmt) == shown
    assert chinese_number(21) == "二十一"


def test_tracked_changes_read_as_printed():
    body = ('<w:p><w:r><w:t>公开信息</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>100</w:delText></w:r></w:del>'
            '<w:ins w:id="2" w:author="a"><w:r><w:t>120</w:t></w:r></w:ins><w:r><w:t>条。</w:t></w:r></w:p>')
    doc = read_bytes("r.docx", make_docx(body))
    assert texts(doc) == ["公开信息120条。"]


def test_hidden_runs_and_field_codes_left_out():
    body = ('<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    assert texts(read_bytes("r.docx", make_docx(body))) == ["正文3"]


def test_headers_and_footers_are_not_read():
    doc = read_bytes("r.docx", make_docx(p("正文第一段")))
    assert texts(doc) == ["正文第一段"]
    assert "页眉" not in doc.text and "7" not in doc.text


def test_table_with_merged_cells_on_the_grid():
    tbl = ("<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
           "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>" + p("统计指标") + "</w:tc>"
           "<w:tc>" + p("统计数") + "</w:tc></w:tr>"
           "<w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>" + p("收到申请数") + "</w:tc>"
           "<w:tc>" + p("当面申请") + "</w:tc><w:tc>" + p("3") + "</w:tc></w:tr>"
           "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr>" + p("") + "</w:tc>"
           "<w:tc>" + p("网络申请") + "</w:tc><w:tc>" + p("5") + "</w:tc></w:tr>"
           "</w:tbl>")
    doc = read_bytes("r.docx", make_docx(p("前言") + tbl + p("后记")))
    assert texts(doc) == ["前言", "统计指标\t\t统计数", "收到申请数\t当面申请\t3", "\t网络申请\t5", "后记"]
    assert [ln.table_id for ln in doc.lines] == [None, 1, 1, 1, None]
    assert doc.lines[3].locator == "表1第3行"
    assert doc.locate(4, len("\t网络申请\t") + 1) == "表1第3行第3列"
    assert doc.lines[0].locator == "第1段" and doc.lines[4].locator == "第2段"


def test_nested_table_flattened_into_its_cell():
    inner = "<w:tbl><w:tr><w:tc>" + p("甲") + "</w:tc><w:tc>" + p("乙") + "</w:tc></w:tr></w:tbl>"
    tbl = "<w:tbl><w:tr><w:tc>" + p("外") + "</w:tc><w:tc>" + inner + p("") + "</w:tc></w:tr></w:tbl>"
    doc = read_bytes("r.docx", make_docx(tbl))
    assert texts(doc) == ["外\t甲 乙"]


def test_text_box_read_once_after_its_paragraph():
    box = (f'<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
           f'{p("联系电话：0470-1234567")}</w:txbxContent></wps:txbx></w:drawing></mc:Choice>'
           f'<mc:Fallback><w:pict><v:textbox><w:txbxContent>{p("联系电话：0470-1234567")}</w:txbxContent>'
           f'</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
    doc = read_bytes("r.docx", make_docx(p("附：", extra=box) + p("完")))
    assert texts(doc) == ["附：", "联系电话：0470-1234567", "完"]


def test_soft_line_break_splits_the_paragraph():
    body = '<w:p><w:r><w:t>某镇人民政府</w:t><w:br/><w:t>2018年1月10日</w:t></w:r></w:p>'
    doc = read_bytes("r.docx", make_docx(body))
    assert texts(doc) == ["某镇人民政府", "2018年1月10日"]
    assert doc.lines[1].locator == "第1段"


def test_seed_fixture_lines_match_the_txt():
    doc = read_bytes("r.docx", open(os.path.join(FIXTURES, "000_6e41cc919554f6b3.docx"), "rb").read())
    with open(os.path.join(os.path.dirname(FIXTURES), "..", "..", "seeds", "000_6e41cc919554f6b3.txt"),
              encoding="utf-8") as fh:
        txt = fh.read().splitlines()
    while txt and not txt[-1].strip():
        txt.pop()
    assert [t.rstrip() for t in texts(doc)] == [t.rstrip() for t in txt]


@pytest.mark.parametrize("data, cause", [
    (b"PK\x03\x04 this is not really a zip", "不是有效的 .docx"),
    (b"plain text pretending", "不是有效的 .docx"),
])
def test_corrupt(data, cause):
    with pytest.raises(ReadError, match=cause):
        read_bytes("r.docx", data)


def test_truncated():
    data = make_docx(p("正文"))
    with pytest.raises(ReadError, match="docx"):
        read_bytes("r.docx", data[: len(data) // 2])


def test_zip_bomb_refused_without_inflating():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("word/document.xml", b"\0" * (8 * 1024 * 1024))  # 8 MB of zeros packed ~1000:1
    with pytest.raises(ReadError, match="压缩炸弹"):
        read_bytes("r.docx", buf.getvalue())


def test_valid_zip_but_not_word():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(ReadError, match="不是有效的 .docx"):
        read_bytes("r.docx", buf.getvalue())


def test_empty_document():
    with pytest.raises(ReadError, match="没有文字"):
        read_bytes("r.docx", make_docx(p("")))


@pytest.mark.parametrize("seed", range(30))
def test_damaged_docx_never_tracebacks(seed):
    import random
    rnd = random.Random(seed)
    with open(os.path.join(FIXTURES, "004_60f2b87b7f23535f.docx"), "rb") as fh:
        data = bytearray(fh.read())
    for _ in range(rnd.randint(1, 30)):
        data[rnd.randrange(len(data))] = rnd.randrange(256)
    try:
        read_bytes("r.docx", bytes(data))
    except ReadError:
        pass


def styled(text: str, style: str) -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>'


def test_numbering_from_heading_styles():
    body = (styled("概述", "Heading1") + styled("公开内容", "Heading2") + styled("公开形式", "MyHeading")
            + styled("存在问题", "Heading1") + p("正文。"))
    doc = read_bytes("r.docx", make_docx(body))
    assert texts(doc) == ["一、概述", "（一）公开内容", "（二）公开形式", "二、存在问题", "正文。"]


def test_numbering_off_for_numid_zero():
    body = '<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>附件</w:t></w:r></w:p>'
    assert texts(read_bytes("r.docx", make_docx(body))) == ["附件"]
