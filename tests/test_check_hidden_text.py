"""hidden-text: text a page hides from readers is reported where it would have stood."""
from datetime import date

from linter.checks import Context, load_kind
from linter.document import Document, Line
from linter.facts import Facts


def run(spans):
    doc = Document("page.html", [Line(1, "某镇2017年政府信息公开工作年度报告"), Line(2, "正文。")], "html",
                   hidden_spans=spans)
    kind = load_kind("hidden-text")
    return list(kind.check(doc, Facts(doc), {"min_chars": 2}, Context(2017, date(2026, 11, 23))))


def test_hidden_link_reported_at_its_place():
    hits = run([(2, 3, 3, "皇冠体育官网 百家乐")])
    assert [(h.line, h.column, h.values["text"]) for h in hits] == [(2, 4, "皇冠体育官网 百家乐")]


def test_empty_hidden_elements_are_not_reported():
    assert run([(1, 0, 0, "  "), (2, 0, 0, "x")]) == []


def test_page_without_hidden_text():
    assert run([]) == []
