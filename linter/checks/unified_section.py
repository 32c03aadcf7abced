"""The six sections of the unified format (国办公开办函〔2019〕60号、〔2021〕30号): present, in order, not empty.

The 2021 notice says the sections "不能遗漏，也不宜泛化". Headings are recognised by their words, not
their exact wording: 五、存在问题及改进情况 and 四、因政府信息公开工作被申请行政复议和提起行政诉讼情况 are
the same sections as the format's titles. Sections 二、三、四 carry the three tables; a section reduced
to its heading is almost always a table pasted as an image, which the reader cannot check. A
人民政府 must also report 工作考核、社会评议和责任追究结果 (条例第五十条), and from 2021 section 六
states the 信息处理费 collected ("本年度未收取信息处理费" is an answer).
"""
from __future__ import annotations

import re

from ..cjk import squash
from ..facts.unified import SECTION_IDS, SECTION_NAMES, unified_of
from ..schema import INT, REGEX, REGEX_LIST, Param, choice
from ._util import doc_hit, line_hit, mask_book_titles, span_hit

# patterns used per cell and per line, compiled once
_RE0 = re.compile(r"[\u4e00-\u9fff]")

KIND = "unified-section"
SUMMARY = "统一格式的六个部分：齐全、顺序、总体情况不空、表格不缺、人民政府的考核评议追究、信息处理费"
PARAMS = {
    "aspect": Param(choice("missing", "order", "empty", "bare-table", "appraisal", "content", "mention"),
                    "检查哪一方面", required=True),
    "section": Param(choice(*SECTION_IDS), "content/empty 针对的部分（overview proactive applications review "
                     "problems other）", default="overview"),
    "min_chars": Param(INT, "empty：部分正文（不含标题）少于这么多汉字即视为空", default=20),
    "content": Param(REGEX_LIST, "content/appraisal：该部分须有一处匹配；mention：正文（表格以外）每处匹配都报告",
                     default=list),
    "body": Param(REGEX, "appraisal：发布机关名称匹配此正则时才检查", default=None),
}
FIELDS = ("section", "previous", "title", "body", "match")
EXAMPLES = {
    "fail": "一、总体情况 … 三、收到和处理政府信息公开申请情况 … 二、主动公开政府信息情况",
    "pass": "一、总体情况 … 二、主动公开政府信息情况 … 三、收到和处理政府信息公开申请情况",
}
_TABLE_OF = {"proactive": "proactive", "applications": "applications", "review": "review"}


def _prose(facts, first, last, skip):
    heads = {h.line for h in facts.headings}
    out = []
    for ln in facts.doc.lines[first:last]:
        if ln.blank or ln.number in skip or ln.number in facts.table_lines:
            continue
        if ln.number in heads:
            # a heading that runs into its paragraph ("（一）加强领导。调整…") still carries content
            text = ln.folded.split("。", 1)
            if len(text) < 2:
                continue
            out.append((ln, text[1]))
            continue
        out.append((ln, ln.folded))
    return out


def check(doc, facts, params, ctx):
    u = unified_of(facts)
    aspect = params["aspect"]
    if aspect == "missing":
        found = {s.id for s in u.sections}
        for sid in SECTION_IDS:
            if sid not in found:
                yield doc_hit(section=SECTION_NAMES[sid])
        return
    if aspect == "order":
        best = -1
        prev = None
        for s in u.sections:
            idx = SECTION_IDS.index(s.id)
            if idx < best:
                yield line_hit(facts, s.line, section=SECTION_NAMES[s.id], title=s.title,
                               previous=prev.title if prev else "")
            elif idx > best:
                best, prev = idx, s
        return
    if aspect == "bare-table":
        for s in u.sections:
            if s.id in _TABLE_OF and getattr(u, _TABLE_OF[s.id]) is None:
                yield line_hit(facts, s.line, section=SECTION_NAMES[s.id], title=s.title)
        return
    if aspect == "empty":
        s = u.section(params["section"])
        if s is None:
            return
        text = "".join(t for _, t in _prose(facts, s.line, s.last_line, u.table_line_set))
        if len(_RE0.findall( text)) < params["min_chars"]:
            yield line_hit(facts, s.line, section=SECTION_NAMES[s.id], title=s.title)
        return
    if aspect == "appraisal":
        # the title's body, else the sign-off's: "青山镇人民政府信息公开工作年度报告" leaves the title
        # with "青山镇人民", while the sign-off says "青山镇人民政府"
        names = [squash(b) for b in (facts.issuing_body, facts.signoff.body) if b]
        body = next((b for b in names if params["body"] is None or params["body"].search(b)), None)
        if body is None:
            return
        for ln in facts.prose_lines:
            if any(p.search(mask_book_titles(ln.folded)) for p in params["content"]):
                return
        s = u.section("problems") or u.section("overview")
        if s is not None:
            yield line_hit(facts, s.line, body=body, section=SECTION_NAMES[s.id], title=s.title)
        else:
            yield doc_hit(body=body, section="", title="")
        return
    if aspect == "content":
        s = u.section(params["section"])
        if s is None:
            return
        for ln, text in _prose(facts, s.line - 1, s.last_line, set()):
            if any(p.search(mask_book_titles(text)) for p in params["content"]):
                return
        yield line_hit(facts, s.line, section=SECTION_NAMES[s.id], title=s.title)
    if aspect == "mention":
        skip = u.table_line_set
        for ln in facts.prose_lines:
            if ln.number in skip:
                continue
            text = mask_book_titles(ln.folded)
            found = [m for p in params["content"] for m in p.finditer(text)]
            if found:  # one finding per sentence-line: "检索费、复制费" is one statement
                m = min(found, key=lambda m: m.start())
                yield span_hit(ln.number, m.start(), m.end(), match=ln.text[m.start():m.end()])
