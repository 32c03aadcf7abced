"""Forbidden or required text, by regular expression, in one part of the document.

Used for conversion leftovers ("[bookmark: _GoBack]"), injected gambling content, English words
inside Chinese sentences, doubled characters. Matching runs on folded text (full-width digits
and letters as ASCII, every space as U+0020), so a pattern need not spell out full-width forms.
Patterns use the `regex` module (\\p{Han} works); never use \\b next to Chinese characters.
"""
from __future__ import annotations

from ..schema import BOOL, REGEX_LIST, Param, SchemaError, choice
from ._util import doc_hit, mask_book_titles, span_hit

KIND = "pattern"
SUMMARY = "禁止或要求出现的文字（正则），可限定在标题、小标题、正文或表格"
PARAMS = {
    "forbidden": Param(REGEX_LIST, "出现即报告（每处一条）", default=list),
    "required": Param(REGEX_LIST, "范围内一处都没有匹配时报告（文档级）", default=list),
    "exclude": Param(REGEX_LIST, "与这些正则的匹配重叠的命中不报告（合法用法）", default=list),
    "scope": Param(choice("all", "prose", "title", "headings", "tables"), "检查范围", default="prose"),
    "skip_book_titles": Param(BOOL, "忽略《》内的文件名", default=False),
    "first_per_line": Param(BOOL, "每行只报告第一处", default=False),
}
FIELDS = ("match", "count")


def validate(params):
    if not params["forbidden"] and not params["required"]:
        raise SchemaError("forbidden 和 required 至少要给一个")


def _lines(facts, scope):
    if scope == "all":
        return [ln for ln in facts.doc.lines if not ln.blank]
    if scope == "prose":
        return facts.prose_lines
    if scope == "tables":
        return [ln for ln in facts.doc.lines if ln.number in facts.table_lines and not ln.blank]
    if scope == "title":
        return [facts.doc.line(facts.title.line)] if facts.title else []
    heads = {h.line for h in facts.headings}
    return [ln for ln in facts.doc.lines if ln.number in heads]


def check(doc, facts, params, ctx):
    lines = _lines(facts, params["scope"])
    for line in lines:
        text = line.folded
        if params["skip_book_titles"]:
            text = mask_book_titles(text)
        excluded = [m.span() for p in params["exclude"] for m in p.finditer(text)]
        hits = []
        for pattern in params["forbidden"]:
            for m in pattern.finditer(text):
                if m.end() == m.start():
                    continue
                if any(s < m.end() and m.start() < e for s, e in excluded):
                    continue
                hits.append(m)
        hits.sort(key=lambda m: m.start())
        if params["first_per_line"] and hits:
            m = hits[0]
            yield span_hit(line.number, m.start(), m.end(), match=line.text[m.start():m.end()], count=len(hits))
            continue
        last_end = -1
        for m in hits:
            if m.start() < last_end:
                continue  # two patterns matching the same text: one finding
            last_end = m.end()
            yield span_hit(line.number, m.start(), m.end(), match=line.text[m.start():m.end()], count=1)
    if params["required"]:
        for line in lines:
            if any(p.search(line.folded) for p in params["required"]):
                return
        yield doc_hit(match="", count=0)
