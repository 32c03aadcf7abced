"""Forbidden or required text, by regular expression, in one part of the document.

Used for conversion leftovers ("[bookmark: _GoBack]"), injected gambling content, English words
inside Chinese sentences, doubled characters. Matching runs on folded text (full-width digits
and letters as ASCII, every space as U+0020), so a pattern need not spell out full-width forms.
Patterns use the `regex` module (\\p{Han} works) with ^ and $ anchored at line ends; never use
\\b next to Chinese characters. A match never spans two lines.
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


def _in_scope(facts, scope):
    """The set of line numbers the rule looks at."""
    doc = facts.doc
    if scope == "all":
        return None  # every line
    if scope == "prose":
        return facts.prose_numbers_set
    if scope == "tables":
        return facts.table_lines
    if scope == "title":
        return {facts.title.line} if facts.title else set()
    return {h.line for h in facts.headings} & {ln.number for ln in doc.lines}


def _segments(doc, facts, lines, mask, scope):
    """(text, position function): the whole text in one pass, or, for the title and the headings
    (a few lines), each of those lines on its own."""
    if scope in ("title", "headings"):
        for number in sorted(lines):
            text = doc.line(number).folded
            yield (mask_book_titles(text) if mask else text), (lambda off, n=number: (n, off))
        return
    text = facts.masked_text if mask else facts.folded_text
    yield text, facts.position


def check(doc, facts, params, ctx):
    lines = _in_scope(facts, params["scope"])
    mask = params["skip_book_titles"]
    if params["forbidden"]:
        by_line: dict[int, list] = {}
        for text, position in _segments(doc, facts, lines, mask, params["scope"]):
            hits = [m for pattern in params["forbidden"] for m in pattern.finditer(text)
                    if m.end() > m.start() and "\n" not in m.group(0)]
            if hits and params["exclude"]:  # legitimate uses are looked for only around a hit
                excluded = [m.span() for p in params["exclude"] for m in p.finditer(text)]
                hits = [m for m in hits if not any(s < m.end() and m.start() < e for s, e in excluded)]
            hits.sort(key=lambda m: m.start())
            for m in hits:
                number, col = position(m.start())
                if lines is None or number in lines:
                    by_line.setdefault(number, []).append((col, col + m.end() - m.start()))
        for number in sorted(by_line):
            spans = by_line[number]
            original = doc.line(number).text
            if params["first_per_line"]:
                start, end = spans[0]
                yield span_hit(number, start, end, match=original[start:end], count=len(spans))
                continue
            last_end = -1
            for start, end in spans:
                if start < last_end:
                    continue  # two patterns matching the same text: one finding
                last_end = end
                yield span_hit(number, start, end, match=original[start:end], count=1)
    if params["required"]:
        if lines is not None and not lines:
            return  # nothing in scope (no title at all): another rule reports that
        for text, position in _segments(doc, facts, lines, mask, params["scope"]):
            for pattern in params["required"]:
                for m in pattern.finditer(text):
                    if lines is None or position(m.start())[0] in lines:
                        return
        yield doc_hit(match="", count=0)
