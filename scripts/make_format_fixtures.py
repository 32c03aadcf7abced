#!/usr/bin/env python3
"""Build .docx, .html and .pdf versions of the seed reports as test fixtures.

    .venv/bin/python scripts/make_format_fixtures.py [SEEDS_DIR] [OUT_DIR]

Defaults: seeds/ → tests/fixtures/formats/. The generated files are checked in, so the tests need
neither this script's libraries (python-docx, reportlab) nor LibreOffice.

Each format carries what a real file of that kind carries around the report, so the readers are
tested on it: the .docx has a running header and a PAGE-field footer (to be left out) and real
Word tables; the .html is a government article page with header, navigation, breadcrumb,
发布时间, a 字体:[大 中 小] bar and a footer (seed 001 is saved as GB2312, the others as UTF-8);
seed 003 was itself copied from such a page, so its text goes into the article as it is. The
.pdf (reportlab, built-in STSong-Light CID font) has a running header, "- N -" page numbers,
wrapped paragraphs and ruled tables; lo/*.pdf are LibreOffice's PDF exports of the .docx (when
LibreOffice is installed), as a Word user would publish them.
A run of tab-separated lines becomes a real table in every format.
"""
from __future__ import annotations

import html
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def blocks(text: str):
    """[("p", line) | ("blank", "") | ("table", [rows])] from a seed's lines."""
    lines = text.splitlines()
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if "\t" in line:
            rows = []
            while i < len(lines):
                if "\t" in lines[i]:
                    rows.append(lines[i].split("\t"))
                    i += 1
                elif not lines[i].strip() and i + 1 < len(lines) and "\t" in lines[i + 1]:
                    i += 1  # a blank line inside the table: a PDF-to-text artefact, not a row
                else:
                    break
            width = max(len(r) for r in rows)
            out.append(("table", [r + [""] * (width - len(r)) for r in rows]))
            continue
        out.append(("blank", "") if not line.strip() else ("p", line))
        i += 1
    while out and out[-1][0] == "blank":
        out.pop()
    return out


def title_of(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def org_of(text: str) -> str:
    m = re.search(r"(\S{2,12}?(?:镇|苏木|乡|街道|区|县|市))", title_of(text))
    return (m.group(1) if m else "本机关") + "人民政府"


# ------------------------------------------------------------------ docx

def make_docx(text: str, out: str) -> None:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    d = docx.Document()
    style = d.styles["Normal"]
    style.font.size = Pt(12)
    style.element.rPr.get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    sec = d.sections[0]
    sec.header.paragraphs[0].text = f"{org_of(text)}政务公开"
    fp = sec.footer.paragraphs[0]
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    fp.add_run("- ")
    fp._p.append(fld)
    fp.add_run(" -")
    body = d.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)  # the template's empty first paragraph
    for kind, value in blocks(text):
        if kind == "p":
            d.add_paragraph(value)
        elif kind == "blank":
            d.add_paragraph("")
        else:
            table = d.add_table(rows=len(value), cols=len(value[0]))
            table.style = "Table Grid"
            for r_i, row in enumerate(value):
                for c_i, cell in enumerate(row):
                    table.cell(r_i, c_i).text = cell
    d.save(out)


# ------------------------------------------------------------------ html

PAGE = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<title>{title}_{org}</title>
<meta name="ColumnName" content="政府信息公开年报" />
<link rel="stylesheet" href="/css/style.css" />
<script type="text/javascript">var _hmt = _hmt || []; function doZoom(size) {{ document.getElementById('zoom').style.fontSize = size + 'px'; }}</script>
</head>
<body>
<div class="header"><div class="logo"><img src="/images/logo.png" alt="{org}" /><span>{org}门户网站</span></div>
<div class="search"><input type="text" value="请输入关键字" /><a href="/search">搜索</a></div></div>
<div class="nav"><ul>
<li><a href="/">网站首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/xxgk/">政府信息公开</a></li>
<li><a href="/bsfw/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/zjxx/">走进{org}</a></li>
</ul></div>
<div class="main">
<div class="position">您当前的位置：<a href="/">网站首页</a> &gt; <a href="/xxgk/">政府信息公开</a> &gt; <a href="/xxgk/ndbg/">政府信息公开年报</a></div>
<div class="article">
{head}
<div class="TRS_Editor" id="zoom">
{body}
</div>
<div class="bottom-tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
<div class="related"><h3>相关链接</h3><ul><li><a href="/a/1.html">2016年政府信息公开工作年度报告</a></li><li><a href="/a/2.html">2015年政府信息公开工作年度报告</a></li></ul></div>
</div>
<div class="footer"><p>主办单位：{org}　承办：{org}办公室　<a href="/sitemap">网站地图</a>　<a href="/contact">联系我们</a></p>
<p>版权所有：{org}　网站标识码：1507240001　<a href="http://beian.miit.gov.cn">蒙ICP备05000001号</a></p></div>
</body>
</html>
"""

HEAD = """<h1 class="title">{title}</h1>
<div class="info">发布时间：{date}　来源：{org}　浏览次数：<span id="hits">128</span>　字体：[<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>]</div>"""


def make_html(text: str, out: str, charset: str = "utf-8", as_is: bool = False, date: str = "") -> None:
    title = title_of(text)
    org = org_of(text)
    parts = []
    started = as_is
    for kind, value in blocks(text):
        if kind == "p" and not started and value.strip() == title:
            started = True
            continue  # the title is the page's <h1>
        if kind == "p":
            parts.append(f"<p>{html.escape(value)}</p>")
        elif kind == "blank":
            parts.append("<p>&nbsp;</p>" if as_is else "")
        else:
            rows = []
            for r_i, row in enumerate(value):
                tag = "th" if r_i == 0 else "td"
                rows.append("<tr>" + "".join(f"<{tag}>{html.escape(c)}</{tag}>" for c in row) + "</tr>")
            parts.append('<table border="1" cellspacing="0" cellpadding="0" width="100%">\n'
                         + "\n".join(rows) + "\n</table>")
    head = "" if as_is else HEAD.format(title=html.escape(title), date=date, org=org)
    page = PAGE.format(charset=charset, title=html.escape(title), org=org, head=head,
                       body="\n".join(p for p in parts if p))
    with open(out, "wb") as fh:
        fh.write(page.encode("gb18030" if charset.lower() in ("gb2312", "gbk", "gb18030") else charset))


# ------------------------------------------------------------------ pdf

def make_pdf(text: str, out: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=12, leading=20, wordWrap="CJK",
                          spaceAfter=4)
    cell = ParagraphStyle("cell", fontName="STSong-Light", fontSize=10, leading=13, wordWrap="CJK")
    header_text = f"{org_of(text)}政务公开"

    def on_page(canvas, doc):
        canvas.saveState()
        canvas.setFont("STSong-Light", 9)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 15 * mm, header_text)
        canvas.line(25 * mm, A4[1] - 17 * mm, A4[0] - 25 * mm, A4[1] - 17 * mm)
        canvas.drawCentredString(A4[0] / 2, 12 * mm, f"- {doc.page} -")
        canvas.restoreState()

    story = []
    for kind, value in blocks(text):
        if kind == "p":
            stripped = value.strip().strip("\u3000\xa0 ")
            indent = 24 if value[:1].isspace() or value[:1] in "\u3000\xa0" else 0
            style = ParagraphStyle("p", parent=body, firstLineIndent=indent)
            story.append(Paragraph(html.escape(stripped), style))
        elif kind == "blank":
            story.append(Spacer(1, 6))
        else:
            data = [[Paragraph(html.escape(c), cell) for c in row] for row in value]
            width = A4[0] - 50 * mm
            n = len(value[0])
            cols = [width * 0.64] + [width * 0.36 / (n - 1)] * (n - 1) if n > 1 else [width]
            t = Table(data, colWidths=cols)
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"),
                                   ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
            story.append(t)
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm,
                            topMargin=25 * mm, bottomMargin=25 * mm, title=title_of(text))
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)


def make_special_pdfs(out_dir: str) -> None:
    """Small PDFs for the reader's own tests: spacing, running heads, scanned, encrypted."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.lib import pdfencrypt
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    os.makedirs(out_dir, exist_ok=True)

    def pages(c, n=3):
        for i in range(1, n + 1):
            c.setFont("STSong-Light", 9)
            c.drawCentredString(A4[0] / 2, A4[1] - 40, "某某县人民政府办公室")
            c.drawCentredString(A4[0] / 2, 30, f"第 {i} 页 共 {n} 页")
            c.setFont("STSong-Light", 12)
            y = A4[1] - 90
            body = [f"{'一二三'[i - 1]}、第{i}页的标题",
                    "统 计 指 标 与 说 明",                       # spaces a PDF put between CJK characters
                    "Microsoft Word 2016 导出，共 12 条，办结率 100% 。",
                    f"本页正文第{i}行。"]
            for line in body:
                c.drawString(72, y, line)
                y -= 22
            c.showPage()
        c.save()

    pages(canvas.Canvas(os.path.join(out_dir, "running.pdf"), pagesize=A4))
    pages(canvas.Canvas(os.path.join(out_dir, "encrypted.pdf"), pagesize=A4,
                        encrypt=pdfencrypt.StandardEncryption("secret", "owner", canPrint=1)), 1)
    c = canvas.Canvas(os.path.join(out_dir, "owner-only.pdf"), pagesize=A4,
                      encrypt=pdfencrypt.StandardEncryption("", "owner", canCopy=0))
    c.setFont("Helvetica", 12)
    c.drawString(72, 700, "Annual report 2018: 64 items published.")  # opens without a password
    c.showPage()
    c.save()
    # a table without ruling lines (columns by position only) and a ruled table with merged cells
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle, Paragraph, Spacer
    from reportlab.lib.styles import ParagraphStyle
    c = canvas.Canvas(os.path.join(out_dir, "borderless.pdf"), pagesize=A4)
    c.setFont("STSong-Light", 12)
    c.drawString(72, 760, "政府信息公开情况统计表")
    rows = [("统计指标", "单位", "统计数"), ("主动公开政府信息数", "条", "64"), ("其中：主动公开规范性文件数", "条", "3"),
            ("收到申请数", "件", "5"), ("申请办结数", "件", "5")]
    for i, (a, b, n) in enumerate(rows):
        y = 730 - 22 * i
        c.drawString(72, y, a)
        c.drawString(380, y, b)
        c.drawRightString(500, y, n)
    c.drawString(72, 600, "以上数据截至2018年12月31日。")
    c.showPage()
    c.save()
    cell = ParagraphStyle("cell", fontName="STSong-Light", fontSize=10, leading=13, wordWrap="CJK")
    data = [["统计指标", "", "统计数"],
            ["收到申请数", "当面申请", "3"],
            ["", "网络申请", "5"],
            ["申请办结数", "", "8"]]
    data = [[Paragraph(x, cell) for x in row] for row in data]
    t = Table(data, colWidths=[150, 150, 100])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("SPAN", (0, 0), (1, 0)),
                           ("SPAN", (0, 1), (0, 2)), ("SPAN", (0, 3), (1, 3))]))
    SimpleDocTemplate(os.path.join(out_dir, "merged.pdf"), pagesize=A4).build(
        [Paragraph("附表：依申请公开情况", ParagraphStyle("p", fontName="STSong-Light", fontSize=12)), Spacer(1, 12), t])

    # a "scan": one page that is nothing but a picture of text
    from PIL import Image, ImageDraw
    img = Image.new("L", (400, 120), 255)
    ImageDraw.Draw(img).rectangle((20, 40, 380, 60), fill=0)
    c = canvas.Canvas(os.path.join(out_dir, "scanned.pdf"), pagesize=A4)
    c.drawImage(ImageReader(img), 72, 500, width=400, height=120)
    c.showPage()
    c.save()


def make_libreoffice_pdfs(docx_dir: str, out_dir: str) -> bool:
    """PDFs as Word/WPS users make them: LibreOffice's export of the .docx (real fonts, justified
    wrapping, running header, PAGE footer). Skipped when LibreOffice or a CJK font is missing."""
    import glob
    import shutil
    import subprocess
    import tempfile
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        return False
    os.makedirs(out_dir, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([exe, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "pdf",
                        "--outdir", out_dir] + sorted(glob.glob(os.path.join(docx_dir, "*.docx"))),
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
        # one Word 97-2003 .doc, to test the real LibreOffice conversion where LibreOffice is installed
        doc_dir = os.path.join(os.path.dirname(out_dir), "doc")
        os.makedirs(doc_dir, exist_ok=True)
        subprocess.run([exe, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "doc",
                        "--outdir", doc_dir, os.path.join(docx_dir, "004_60f2b87b7f23535f.docx")],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    return True


def main(argv: list[str]) -> int:
    seeds = argv[1] if len(argv) > 1 else os.path.join(ROOT, "seeds")
    out_dir = argv[2] if len(argv) > 2 else os.path.join(ROOT, "tests", "fixtures", "formats")
    os.makedirs(out_dir, exist_ok=True)
    for name in sorted(os.listdir(seeds)):
        if not name.endswith(".txt"):
            continue
        stem = name[:-4]
        with open(os.path.join(seeds, name), encoding="utf-8") as fh:
            text = fh.read()
        year = re.search(r"(20\d\d)", title_of(text))
        date = f"{int(year.group(1)) + 1}-01-20" if year else "2018-01-20"
        make_docx(text, os.path.join(out_dir, stem + ".docx"))
        as_is = stem.startswith("003")
        charset = "gb2312" if stem.startswith("001") else "utf-8"
        make_html(text, os.path.join(out_dir, stem + ".html"), charset=charset, as_is=as_is, date=date)
        make_pdf(text, os.path.join(out_dir, stem + ".pdf"))
        print(f"{stem}: docx html({charset}) pdf")
    if make_libreoffice_pdfs(out_dir, os.path.join(out_dir, "lo")):
        print("lo/: LibreOffice PDF exports of the .docx (install fonts-wqy-microhei or another CJK font first)")
    else:
        print("lo/: skipped (no LibreOffice); the checked-in files stay as they are")
    make_special_pdfs(os.path.join(out_dir, "pdf"))
    print("pdf/: running, encrypted, owner-only, scanned")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
