"""Heading numbers per level: a repeat (二、 二、), a skip (八、 十、), a list that does not start at
one, or two styles mixed within one level (（一） and (一); 1、 and 1.).

Numbering restarts under every heading of a higher level, so 1、2、 under （一） and 1、2、 under
（二） are two lists. A style mix is judged against the style the document uses most at that level:
the minority is what the author should change.
"""
from __future__ import annotations

from collections import Counter

from ..facts.numbers import DIGITS
from ..schema import Param, choice, _list, _int
from ._util import span_hit

KIND = "numbering"
SUMMARY = "各级标题序号：重复、跳号、不从一开始、同级混用不同样式"
PARAMS = {
    "aspect": Param(choice("repeat", "skip", "start", "mixed-style"), "检查哪一种问题", required=True),
    "levels": Param(_list(_int), "检查的标题级别：1 一、 2 （一） 3 1、 4 （1）", default=lambda: [1, 2, 3, 4]),
}
FIELDS = ("found", "expected", "previous", "style", "usual")

_CN = {v: k for k, v in DIGITS.items() if k in "一二三四五六七八九"}
STYLE_NAMES = {"full": "全角括号（一）", "half": "半角括号(一)", "mixed": "全半角混合括号", "、": "顿号“、”",
               ".": "半角点“.”", "．": "全角点“．”"}


def _label(level: int, number: int) -> str:
    if level in (1, 2):
        if number <= 10:
            text = _CN.get(number, "十")
        elif number < 20:
            text = "十" + _CN.get(number - 10, "")
        else:
            text = _CN.get(number // 10, "") + "十" + _CN.get(number % 10, "")
        return f"{text}、" if level == 1 else f"（{text}）"
    return f"{number}、" if level == 3 else f"（{number}）"


def check(doc, facts, params, ctx):
    aspect = params["aspect"]
    levels = set(params["levels"])
    heads = facts.headings
    if aspect == "mixed-style":
        yield from _mixed(heads, levels)
        return
    last: dict[int, int] = {}
    for h in heads:
        for deeper in [lv for lv in last if lv > h.level]:
            del last[deeper]
        prev = last.get(h.level)
        last[h.level] = h.number
        if h.level not in levels:
            continue
        if prev is None:
            if aspect == "start" and h.number != 1:
                yield span_hit(h.line, h.marker_start, h.marker_end, **_values(h, prev, expected=1))
        elif h.number == prev:
            if aspect == "repeat":
                yield span_hit(h.line, h.marker_start, h.marker_end, **_values(h, prev))
        elif h.number != prev + 1 and not (h.number == 1 and prev > 1):
            if aspect == "skip":
                yield span_hit(h.line, h.marker_start, h.marker_end, **_values(h, prev))


def _values(h, prev, expected=None):
    """Message values, built only for a heading that is reported."""
    return dict(found=_label(h.level, h.number), previous=_label(h.level, prev) if prev else "",
                expected=_label(h.level, expected if expected is not None else (prev or 0) + 1), style="", usual="")


def _mixed(heads, levels):
    by_level: dict[int, list] = {}
    for h in heads:
        if h.level in levels:
            by_level.setdefault(h.level, []).append(h)
    for level, items in by_level.items():
        counts = Counter(h.style for h in items)
        if len(counts) < 2:
            continue
        usual, _ = max(counts.items(), key=lambda kv: (kv[1], kv[0] in ("full", "、")))
        for h in items:
            if h.style != usual:
                yield span_hit(h.line, h.marker_start, h.marker_end, found=_label(h.level, h.number),
                               expected="", previous="", style=STYLE_NAMES.get(h.style, h.style),
                               usual=STYLE_NAMES.get(usual, usual))
