"""A total stated in a sentence and the parts the same sentence lists.

"…合计100条" after its parts: the parts must add up to it (2+89+3+5+1 = 100).
"…公开信息669条，其中2013年100条，2014年107条…": parts after 其中 may be a selection, so a sum
below the total is fine — unless the parts are a partition by year (or month/quarter), as here,
where 100+107+114+48+100 = 469 ≠ 669. A sum above the total is always wrong.
Only numbers with the total's unit count; years and dates never do; an approximate number
("1200余条") makes the sentence unverifiable and is skipped.
"""
from __future__ import annotations

from ..facts.numbers import prose_numbers
from ..schema import INT, REGEX, Param
from ._util import fmt_number, span_hit
from .. import recache

KIND = "prose-arith"
SUMMARY = "正文中的合计与所列分项之和不符（“合计100条”“669条，其中…”）"
PARAMS = {
    "total_words": Param(REGEX, "分项之后引出合计的词", default=lambda: recache.compile(r"(?:合计|共计|总计|累计|共)$")),
    "subset_words": Param(REGEX, "合计之后引出分项的词", default=lambda: recache.compile(r"其中")),
    "min_parts": Param(INT, "至少几个分项才核对", default=2),
}
FIELDS = ("total", "sum", "parts", "unit")

_SENTENCE = recache.compile(r"[^。；;！？!?]+")
_PERIOD_KEY = recache.compile(r"(?:(?:19|20)\d{2}\s*年(?:度)?|\d{1,2}\s*月(?:份)?|第[一二三四1-4]季度)\s*$")


def check(doc, facts, params, ctx):
    prose = facts.prose_numbers_set
    for line in facts.lines_with(_TOTAL_HINT):
        if line.number not in prose:
            continue
        text = line.folded
        for sm in _SENTENCE.finditer(text):
            yield from _sentence(line.number, text, sm.start(), sm.end(), params)


# A sentence worth reading: 其中 before its parts, or a total word. A bare 共 counts only right
# before a number ("共100条"): as in 公共, 共同, 共产党 it introduces no total (total_words needs it
# to stand just before the number).
_TOTAL_HINT = recache.compile(r"其中|合计|共计|总计|累计|共\s*(?:近|约|大约|将近|接近|超过|逾|达)?\s*"
                              r"[\d零〇○一二两三四五六七八九十百千万]")


def _sentence(number, text, s_start, s_end, params):
    sentence = text[s_start:s_end]
    if not _TOTAL_HINT.search(sentence):
        return
    nums = prose_numbers(sentence)
    if len(nums) < params["min_parts"] + 1:
        return
    for i, total in enumerate(nums):
        before = sentence[:total.start].rstrip()
        # parts … 合计 N
        if params["total_words"].search(before):
            parts = [n for n in nums[:i] if n.unit == total.unit]
            if len(parts) >= params["min_parts"] and all(p.quantity.exact for p in parts) and total.quantity.exact:
                yield from _compare(number, s_start, total, parts, exhaustive=True)
            continue
        # N … 其中 parts
        after = sentence[total.end:]
        sub = params["subset_words"].match(after.lstrip("，,：: "))
        if not sub:
            continue
        parts = []
        for n in nums[i + 1:]:
            if n.unit != total.unit:
                continue
            parts.append(n)
        if len(parts) < params["min_parts"] or not total.quantity.exact or not all(p.quantity.exact for p in parts):
            continue
        keyed = all(_PERIOD_KEY.search(sentence[:p.start]) for p in parts)
        yield from _compare(number, s_start, total, parts, exhaustive=keyed)


def _compare(number, offset, total, parts, exhaustive):
    s = sum(p.quantity.value for p in parts)
    t = total.quantity.value
    if s > t + 1e-6 or (exhaustive and abs(s - t) > 1e-6):
        yield span_hit(number, offset + total.start, offset + total.end, total=fmt_number(t) + total.unit,
                       sum=fmt_number(s) + total.unit, parts=" + ".join(fmt_number(p.quantity.value) for p in parts),
                       unit=total.unit)
