"""Punctuation in Chinese text, per GB/T 15834—2011.

`halfwidth`: a half-width , ; : ? ! between Chinese characters ("2016年,我镇") — Chinese sentences
take full-width marks. One finding per line (the first mark, with the count), since a page pasted
from a half-width source has dozens per line. Numbers ("1,200"), times ("10:30"), URLs and
e-mail addresses are left alone because a Chinese character must stand on both sides.
`heading-period`: a heading line that ends with "。" (a heading takes no full stop). A run-in
heading — heading, 。, then its paragraph — is not one.
"""
from __future__ import annotations

import re

from ..cjk import HAN
from ..schema import STR, Param, choice
from ._util import span_hit
from .. import recache

KIND = "punctuation"
SUMMARY = "标点：中文句子中的半角标点、标题末尾的句号"
PARAMS = {
    "aspect": Param(choice("halfwidth", "heading-period"), "检查哪一种问题", required=True),
    "marks": Param(STR, "halfwidth：要检查的半角标点", default=",;:?!"),
}
FIELDS = ("mark", "count", "expected")

FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_CJK_LEFT = f"[{HAN}”’）》】」』、。，：；]"
_CJK_RIGHT = f"[{HAN}“‘（《【「『]"
_LEFT, _RIGHT = recache.compile(_CJK_LEFT), recache.compile(_CJK_RIGHT)


def check(doc, facts, params, ctx):
    if params["aspect"] == "heading-period":
        for h in facts.headings:
            line = doc.line(h.line)
            rest = line.folded[h.marker_end:].rstrip()
            if rest.endswith("。") and rest.count("。") == 1 and not re.search(r"[，,；;：:]", rest) \
                    and len(rest) <= 40:
                pos = len(rest) - 1 + h.marker_end
                yield span_hit(h.line, pos, pos + 1, mark="。", count=1, expected="")
        return
    if not any(mark in facts.folded_text for mark in params["marks"]):
        return  # five memchr scans: most reports have no half-width mark at all
    any_mark = recache.compile(f"[{re.escape(params['marks'])}]")
    prose = facts.prose_numbers_set
    for line in facts.lines_with(any_mark):  # the few lines with a half-width mark
        if line.number not in prose:
            continue
        text = line.folded
        hits = [m for m in any_mark.finditer(text) if _between_chinese(text, m.start(), m.end())]
        if hits:
            first = hits[0]
            mark = first.group(0)
            yield span_hit(line.number, first.start(), first.end(), mark=mark, count=len(hits),
                           expected=FULL.get(mark, mark))


def _between_chinese(text: str, start: int, end: int) -> bool:
    """Is text[start:end] (a mark) between Chinese text: a character or closing mark before it and a
    character or opening mark after it, white space aside? Found from the mark outwards: a
    look-behind regex tried at every position of a long line costs ten times as much."""
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    j = end
    while j < len(text) and text[j].isspace():
        j += 1
    return i >= 0 and j < len(text) and _LEFT.match(text, i) is not None and _RIGHT.match(text, j) is not None
