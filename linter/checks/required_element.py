"""Elements every report needs besides its sections: a title naming the body and the year, someone
to contact, a statistics period, and a sign-off (issuing body and date at the end).

Each is a document-level finding when absent (there is no line to point at), except for a title
that exists but lacks a part, or a malformed telephone or e-mail, which point at their text.
"""
from __future__ import annotations

from ..schema import Param, choice
from ._util import doc_hit, line_hit, span_hit

KIND = "required-element"
SUMMARY = "必备要素：标题（含机关名称、年份）、联系方式、统计期限、落款"
PARAMS = {
    "element": Param(choice("title", "title-body", "title-year", "contact", "contact-format", "period", "signoff"),
                     "要检查的要素", required=True),
}
FIELDS = ("missing", "text")
EXAMPLES = {
    "fail": "2017年度政府信息公开工作报告（标题没有机关名称）",
    "pass": "2017年伊敏河镇政府信息公开工作年度报告",
}


def check(doc, facts, params, ctx):
    element = params["element"]
    if element == "title":
        if facts.title is None:
            yield doc_hit(missing="标题", text="")
    elif element == "title-body":
        t = facts.title
        if t is not None and not t.body:
            yield line_hit(facts, t.line, missing="发布机关名称", text=t.text)
    elif element == "title-year":
        t = facts.title
        if t is not None and not t.year:
            yield line_hit(facts, t.line, missing="报告年度", text=t.text)
    elif element == "contact":
        if not facts.contacts:
            yield doc_hit(missing="联系电话、电子邮箱或通信地址", text="")
    elif element == "contact-format":
        for bad in facts.malformed_contacts:
            what = "电话号码" if bad.kind == "phone" else "电子邮箱"
            yield span_hit(bad.line, bad.start, bad.end, missing=what, text=bad.text)
    elif element == "period":
        if facts.period is None:
            yield doc_hit(missing="统计期限", text="")
    elif element == "signoff":
        s = facts.signoff
        if s.date is None and s.body is None:
            yield doc_hit(missing="落款机关和日期", text="")
        elif s.date is None:
            yield doc_hit(missing="落款日期", text=s.body or "")
        elif s.body is None and not facts.issuing_body:
            yield doc_hit(missing="落款机关", text="")
