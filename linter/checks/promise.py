"""The text announces something that is not there.

`attachment`: "并附政府信息公开情况统计表" and no table in the document.
`figure`: "如下图" / "具体情况如图：" and neither a table nor an image within the next lines — the
chart was lost when the report was pasted into a web page or saved as text.
`caption`: a short line that reads like a chart's caption ("2017年主动公开政府信息数") standing
alone between paragraphs, with no chart or table under it — the figure was an image that did not
survive the paste.
`preamble`: the opening paragraph lists the report's parts ("报告内容包括概述、…、开展政策解读情况")
and a listed part has no heading. A part matches when most of its two-character words appear in
one heading, or together in the headings (one item may be covered by two headings:
"存在的主要问题及下一步工作计划"). General words such as 概述 or 基本情况 are not checked.
"""
from __future__ import annotations

import re

from ..cjk import squash
from ..schema import INT, REGEX_LIST, Param, choice
from ._util import span_hit
from .. import recache

KIND = "promise"
SUMMARY = "承诺未兑现：声明附统计表而无表、“如下图”而无图、前言所列部分正文没有"
PARAMS = {
    "aspect": Param(choice("attachment", "figure", "caption", "preamble"), "检查哪一种承诺", required=True),
    "patterns": Param(REGEX_LIST, "承诺的表述（attachment、figure、preamble 各有默认值）", default=list),
    "figure_markers": Param(REGEX_LIST, "图存在的标记（如 [image: …]）", default=lambda: [
        recache.compile(r"\[(?:image|图片|Image|IMAGE)[:：]|<img|!\[")]),
    "window": Param(INT, "figure：在其后多少行内找图或表", default=4),
}
FIELDS = ("what", "item")

DEFAULTS = {
    "attachment": [r"(?:并|另)?附(?:有|上|后)?(?:《)?[^。，；]{0,16}(?:统计表|情况表|附表)",
                   r"(?:详见|见)(?:附表|附件)"],
    "figure": [r"如下图|如图[:：所]|见下图|下图所示|(?:详见|见)图\d"],  # "例如图书馆" is excluded in code
    "caption": [r"^[ ]*(?:(?:19|20)\d{2}[ ]*年(?:度)?)?[^。，；：！？,;:!?]{2,24}(?:数|数量|统计|分布|对比|趋势|统计图|示意图|图|情况表|统计表)[ ]*$"],
    # "报告内容包括A、B、C" / "本年报由A,B,C等部分组成" — but not "本报告由XX办公室根据…编制":
    # with 由 the list must end in 部分/组成.
    "preamble": [r"(?:报告|年报)[^。]{0,12}?(?:内容)?(?:包括|分为)(?P<items>[^。]+?)(?:等(?:几个)?部分(?:组成)?|(?:几|五|六|七|八)个部分|组成|。|$)",
                 r"(?:报告|年报)[^。]{0,12}?由(?P<items>[^。]+?)(?:等(?:几个)?部分(?:组成)?|(?:几|五|六|七|八)个部分(?:组成)?|组成)"],
}
GENERIC = {"概述", "基本情况", "总体情况", "概况", "工作概况", "总体情况概述", "前言", "引言"}
STOP = ["工作中", "以及", "主要", "情况", "工作", "开展", "有关", "相关", "的", "等"]


_COMPILED: dict[str, list] = {}


def _defaults(aspect):
    """The default patterns as LazyPatterns, with the literal prefilter pack patterns have:
    "如图" and "附…统计表" are tried at every 如, 见 and 附 of a report otherwise."""
    if aspect not in _COMPILED:
        from ..prefilter import code_stamp, required_literals
        from ..schema import LazyPattern
        stamp = code_stamp()
        _COMPILED[aspect] = [
            LazyPattern(p, recache.compile(p), recache.memo(("literals", stamp, p), lambda p=p: required_literals(p)))
            for p in DEFAULTS[aspect]]  # the analysis, like the compiled code, is kept between runs
    return _COMPILED[aspect]


def check(doc, facts, params, ctx):
    aspect = params["aspect"]
    patterns = params["patterns"] or _defaults(aspect)
    if aspect == "attachment":
        if facts.tables:
            return
        # the first prose line that announces one; on that line, the first pattern that does
        prose = facts.prose_numbers_set
        first = min(((line.number, i, line) for i, p in enumerate(patterns) for line in facts.lines_with(p)
                     if line.number in prose), default=None, key=lambda hit: hit[:2])
        if first is not None:
            m = patterns[first[1]].search(first[2].folded)
            yield span_hit(first[0], m.start(), m.end(), what=m.group(0), item="")
    elif aspect == "figure":
        seen = set()
        for p in patterns:
            for m in p.finditer(facts.folded_text):
                number, col = facts.position(m.start())
                if number in seen or number not in facts.prose_numbers_set:
                    continue
                if m.group(0).startswith("如") and m.start() and facts.folded_text[m.start() - 1] == "例":
                    continue  # 例如图书馆…
                seen.add(number)
                if not _figure_follows(facts, number, params):
                    yield span_hit(number, col, col + m.end() - m.start(), what=m.group(0), item="")
    elif aspect == "caption":
        yield from _captions(facts, patterns, params)
    else:
        yield from _preamble(facts, patterns, defaults=not params["patterns"])


def _captions(facts, patterns, params):
    prose = facts.prose_lines
    heading_lines = {h.line for h in facts.headings}
    title_line = facts.title.line if facts.title else 0
    tail = {ln.number for ln in prose[-4:]}  # the sign-off
    for i, line in enumerate(prose):
        n = line.number
        if len(line.folded) > 40 or n <= title_line + 1 or n in tail or n in heading_lines:
            continue
        if not any(p.search(line.folded) for p in patterns) or _figure_follows(facts, n, params):
            continue
        before = prose[i - 1] if i else None
        after = prose[i + 1] if i + 1 < len(prose) else None
        # between a paragraph and the next heading: a caption whose figure is gone
        if before is not None and len(before.stripped) > 30 and after is not None and after.number in heading_lines:
            text = line.stripped
            start = line.indent
            yield span_hit(n, start, start + len(text), what=text, item="")


def _figure_follows(facts, number, params):
    doc = facts.doc
    if any(p.search(doc.line(number).folded) for p in params["figure_markers"]):
        return True
    seen = 0
    for n in range(number + 1, len(doc.lines) + 1):
        line = doc.line(n)
        if n in facts.table_lines or any(p.search(line.folded) for p in params["figure_markers"]):
            return True
        if line.blank:
            continue
        seen += 1
        if seen >= params["window"]:
            break
    return False


def _core(item: str) -> str:
    for word in STOP:
        item = item.replace(word, "")
    return item


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


_LISTS_PARTS = recache.compile(r"包括|分为|由")  # what the default preamble patterns need


def _preamble(facts, patterns, defaults: bool):
    head_grams = None
    opening = facts.prose_lines[:12]
    if defaults and opening:  # only the opening lines that can list the report's parts
        listing = {ln.number for ln in facts.lines_with(_LISTS_PARTS, last=opening[-1].number)}
        opening = [ln for ln in opening if ln.number in listing]
    for line in opening:
        for p in patterns:
            m = p.search(line.folded)
            if not m or "items" not in p.groupindex:
                continue
            if head_grams is None:
                # the titles' core words, with one replace() per stop word over all titles at once
                titles = "\n".join("".join(h.title.split()) for h in facts.headings if h.level <= 2)
                head_grams = [_bigrams(core) for core in _core(titles).split("\n")] if titles else []
                union = set().union(*head_grams) if head_grams else set()
            start = m.start("items")
            for im in re.finditer(r"[^、，,；;]+", m.group("items")):
                raw = im.group(0)
                item = squash(raw)
                item = re.sub(r"^(?:以及|及|和|还有)", "", item)
                if not item or item in GENERIC or re.match(r"^(?:并|另)?附", item):
                    continue
                grams = _bigrams(_core(item))
                if len(grams) < 2:
                    continue
                best = max((len(grams & g) / len(grams) for g in head_grams), default=0.0)
                together = len(grams & union) / len(grams)
                if best >= 0.5 or together >= 0.7:
                    continue
                lead = len(raw) - len(raw.lstrip())
                yield span_hit(line.number, start + im.start() + lead, start + im.end(), what="", item=item)
            return  # one list of parts per report
