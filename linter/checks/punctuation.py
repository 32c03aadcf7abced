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
    marks = re.escape(params["marks"])
    pattern = recache.compile(rf"(?<={_CJK_LEFT})\s*([{marks}])\s*(?={_CJK_RIGHT})")
    prose = facts.prose_numbers_set
    for line in facts.lines_with(recache.compile(f"[{marks}]")):  # the few lines with a half-width mark
        if line.number not in prose:
            continue
        hits = list(pattern.finditer(line.folded))
        if hits:
            first = hits[0]
            mark = first.group(1)
            yield span_hit(line.number, first.start(1), first.end(1), mark=mark, count=len(hits),
                           expected=FULL.get(mark, mark))
