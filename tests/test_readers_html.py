"""The web-page reader: article only, tables on the grid, 发布时间, charsets, hidden text."""
from __future__ import annotations

import os
from datetime import date

import pytest

pytest.importorskip("lxml")

from linter.readers import ReadError, read_bytes  # noqa: E402
from linter.readers.html import _style_hidden  # noqa: E402

FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures", "formats")

BODY = "".join(f"<p>　　（{n}）第{n}段正文，我镇认真贯彻落实政府信息公开条例，主动公开政府信息若干条，回应社会关切。</p>"
               for n in "一二三四五六")


def page(article: str = BODY, extra_head: str = "", extra_body: str = "", charset: str = "utf-8",
         title: str = "2018年某镇政府信息公开工作年度报告") -> str:
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{title}_某镇人民政府</title>{extra_head}</head><body>
<div class="nav"><a href="/">网站首页</a> <a href="/zwgk">政务公开</a> <a href="/bsfw">办事服务</a> <a href="/hd">互动交流</a></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk">信息公开</a> &gt; <a>年报</a></div>
<div class="article"><h1>{title}</h1>
<div class="info">发布时间：2019-01-15 10:20　来源：某镇　字体：[<a>大</a> <a>中</a> <a>小</a>]</div>
<div id="zoom">{article}</div>
<div class="tools"><a>【打印本页】</a> <a>【关闭窗口】</a></div></div>
{extra_body}
<div class="footer">主办单位：某镇人民政府 版权所有 网站标识码1507240001 <a>蒙ICP备05000001号</a></div>
</body></html>"""


def test_article_only_with_title_and_publication_date():
    doc = read_bytes("r.html", page().encode("utf-8"))
    text = doc.text
    assert doc.lines[0].text == "2018年某镇政府信息公开工作年度报告"
    assert "（一）第一段正文" in text and "（六）第六段正文" in text
    for chrome in ("网站首页", "当前位置", "字体", "打印本页", "版权所有", "办事服务", "发布时间"):
        assert chrome not in text, chrome
    assert doc.publication_date == "2019-01-15"
    assert doc.hidden_spans == []  # nothing hidden: nothing flagged
    assert doc.source_format == "html"


def test_gbk_page_decoded_by_declared_charset():
    data = page(charset="gb2312").encode("gbk")
    doc = read_bytes("r.htm", data)
    assert doc.lines[0].text.startswith("2018年某镇") and doc.encoding == "gb2312"


def test_gbk_page_without_or_with_wrong_declaration_falls_back():
    html = page().replace('<meta http-equiv="Content-Type" content="text/html; charset=utf-8">', "")
    assert read_bytes("r.shtml", html.encode("gb18030")).lines[0].text.startswith("2018年某镇")
    wrong = page(charset="utf-8").encode("gbk")  # declared utf-8, saved as GBK
    assert read_bytes("r.html", wrong).lines[0].text.startswith("2018年某镇")


def test_meta_charset_form_and_pubdate_meta():
    html = page().replace('<meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
                          '<meta charset="gbk"><meta name="PubDate" content="2019-02-01 08:00">')
    html = html.replace("发布时间：2019-01-15 10:20", "")
    doc = read_bytes("r.html", html.encode("gbk"))
    assert doc.publication_date == "2019-02-01"


@pytest.mark.parametrize("hider", [
    '<div style="display:none">{}</div>',
    '<div style="DISPLAY: none !important">{}</div>',
    '<span style="visibility:hidden">{}</span>',
    '<p style="font-size:0px">{}</p>',
    '<div style="position:absolute;top:-999px;left:-9999px">{}</div>',
    '<div style="text-indent:-9999px">{}</div>',
    '<div style="height:0;overflow:hidden">{}</div>',
    '<div class="x9z">{}</div>',
    '<div hidden>{}</div>',
])
def test_hidden_text_goes_to_hidden_spans_not_lines(hider):
    spam = '<a href="http://bet.example">皇冠体育官网</a><a href="http://c.example">澳门赌场</a>'
    head = "<style>.x9z{display:none}</style>"
    doc = read_bytes("r.html", page(extra_head=head, extra_body=hider.format(spam)).encode())
    assert "皇冠体育" not in doc.text
    assert len(doc.hidden_spans) == 1
    line, start, end, text = doc.hidden_spans[0]
    assert "皇冠体育官网" in text and 1 <= line <= len(doc.lines)


def test_hidden_text_inside_the_article_keeps_its_place():
    article = BODY + '<p>第七段<a style="width:0;height:0" href="http://x.example">博彩网址</a>结束</p>'
    doc = read_bytes("r.html", page(article=article).encode())
    line, start, end, text = doc.hidden_spans[0]
    assert doc.line(line).text == "第七段结束" and start == 3 and text == "博彩网址"


def test_hidden_text_reported_as_spam():
    from linter.engine import check_document
    from linter.packs import load_packs
    doc = read_bytes("r.html", page(extra_body='<div style="display:none"><a>皇冠体育官网</a></div>').encode())
    result = check_document(doc, load_packs(), today=date(2026, 11, 23))
    assert any(f.rule.startswith("spam") for f in result.findings)
    clean = read_bytes("r.html", page().encode())
    result = check_document(clean, load_packs(), today=date(2026, 11, 23))
    assert not any(f.rule.startswith("spam") for f in result.findings)


@pytest.mark.parametrize("style, hidden", [
    ("display:block", False), ("position:absolute;left:10px", False), ("font-size:14px", False),
    ("visibility:visible", False), ("height:0", False), ("width:0;height:0;overflow:hidden", True),
    ("opacity:0", True), ("position:fixed;left:-3000px", True),
])
def test_style_rules(style, hidden):
    assert _style_hidden(style, "div") is hidden


def test_table_rowspan_colspan_expanded():
    table = """<table border="1">
<tr><th colspan="2">统计指标</th><th>统计数</th></tr>
<tr><td rowspan="2">收到申请数</td><td>当面申请</td><td>3</td></tr>
<tr><td>网络申请</td><td>5</td></tr>
</table>"""
    doc = read_bytes("r.html", page(article=BODY + table).encode())
    rows = [ln for ln in doc.lines if ln.table_id]
    assert [r.text for r in rows] == ["统计指标\t\t统计数", "收到申请数\t当面申请\t3", "\t网络申请\t5"]
    assert {r.table_id for r in rows} == {1}


def test_layout_table_read_as_blocks():
    long = "我镇认真贯彻落实政府信息公开条例，" * 20
    html = f"""<html><head><meta charset="utf-8"></head><body><table><tr><td><a href="/">首页</a></td></tr>
<tr><td><h1>2018年某镇政府信息公开工作年度报告</h1><p>{long}</p><p>{long}</p></td></tr></table></body></html>"""
    doc = read_bytes("r.html", html.encode())
    assert doc.lines[0].text == "2018年某镇政府信息公开工作年度报告"
    assert all(ln.table_id is None for ln in doc.lines) and len(doc.lines) == 3


def test_seed_003_page():
    with open(os.path.join(FIXTURES, "003_3722e6619a3f0616.html"), "rb") as fh:
        doc = read_bytes("003.html", fh.read())
    assert doc.lines[0].text == "UedBet体育" and doc.publication_date == "2017-02-10"
    assert "字体" not in doc.text and "网站首页 >" not in doc.text


@pytest.mark.parametrize("data", [b"<html><body><div class='nav'></div></body></html>", b"<html></html>"])
def test_no_text(data):
    with pytest.raises(ReadError, match="正文"):
        read_bytes("r.html", data)


def test_binary_garbage_does_not_traceback():
    try:
        read_bytes("r.html", bytes(range(256)) * 50)
    except ReadError:
        pass


def test_dates_in_the_article_are_not_the_publication_date():
    article = BODY + "<p>统计时间：2018年1月1日至2018年12月31日。</p>"
    html = page(article=article).replace("发布时间：2019-01-15 10:20", "")
    assert read_bytes("r.html", html.encode()).publication_date is None
    html = html.replace('<div class="info">', '<div class="info">日期：2019-03-02 ')
    assert read_bytes("r.html", html.encode()).publication_date == "2019-03-02"


def test_link_lists_longer_than_the_article_are_left_out():
    links = "".join(f'<li><a href="/n/{i}.html">关于做好第{i}批政府信息公开重点工作的通知公告</a></li>' for i in range(80))
    html = page(article="<p>　　（一）本镇全年主动公开政府信息64条。</p><p>　　（二）收到申请0件。</p>",
                extra_body=f'<div class="list"><ul>{links}</ul></div>')
    doc = read_bytes("r.html", html.encode())
    assert [ln.text.strip("\u3000") for ln in doc.lines] == ["2018年某镇政府信息公开工作年度报告",
                                           "（一）本镇全年主动公开政府信息64条。", "（二）收到申请0件。"]


def test_span_bomb_bounded():
    import time
    rows = "".join("<tr>" + '<td colspan="1000">x</td>' * 20 + "</tr>" for _ in range(50))
    t = time.perf_counter()
    with pytest.raises(ReadError, match="表格过大"):
        read_bytes("r.html", f"<p>前言</p><table>{rows}</table>".encode())
    assert time.perf_counter() - t < 5


def test_deep_nesting_is_a_clear_error():
    html = "<div>" * 3000 + "<p>正文</p>" + "</div>" * 3000
    with pytest.raises(ReadError, match="嵌套过深"):
        read_bytes("r.html", html.encode())
