"""Years that contradict the report year.

`plan`: the plan for next year names the report year ("十一、开展2018年工作的初步计划安排" in the
2018 report) — last year's template left in place. Cited documents in 《》 are ignored: a 2018
report may well cite 《2018年政务公开工作要点》.
`period`: the statistics period is of another year than the title's.
`title`: the title's year is not the year the statistics period covers (when both are stated).
"""
from __future__ import annotations

from ..schema import REGEX, Param, choice
from ._util import mask_book_titles, span_hit
from .. import recache

KIND = "year-consistency"
SUMMARY = "年份与报告年度矛盾：工作计划写成本年度、统计期限年份与标题不一致"
PARAMS = {
    "aspect": Param(choice("plan", "period"), "检查哪一种矛盾", required=True),
    "plan_words": Param(REGEX, "标题中表示计划的词", default=lambda: recache.compile(r"计划|打算|安排|思路|设想|展望|要点|下一步")),
}
FIELDS = ("year", "expected")

# (?=[12]) first: a one-character test at each position before the look-behind (twice as fast)
_YEAR = recache.compile(r"(?=[12])(?<!\d)((?:19|20)\d{2})\s*年")
_WILL = recache.compile(r"(?=[12])(?<!\d)((?:19|20)\d{2})\s*年\s*[，,]?\s*(?:我|本)[^，。；]{0,8}将")


def check(doc, facts, params, ctx):
    year = ctx.report_year
    if year is None:
        return
    if params["aspect"] == "period":
        p = facts.period
        if p and p.start and p.start.year and p.start.year != year and facts.title and facts.title.year:
            start, end = p.span
            yield span_hit(p.line, start, end, year=p.start.year, expected=year)
        return
    heading_lines = {h.line: h for h in facts.headings}
    needle = str(year)
    for line in facts.prose_lines:
        if needle not in line.folded:
            continue
        h = heading_lines.get(line.number)
        if h is None and "将" not in line.folded:
            continue  # prose names a plan for the year with 将 ("2017年，我镇将…"): without it, nothing to find
        text = mask_book_titles(line.folded)
        if h is not None and params["plan_words"].search(h.title):
            for m in _YEAR.finditer(text):
                if int(m.group(1)) == year and m.start() >= h.marker_end:
                    yield span_hit(line.number, m.start(), m.end(), year=year, expected=year + 1)
                    break
            continue
        for m in _WILL.finditer(text):
            if int(m.group(1)) == year:
                yield span_hit(line.number, m.start(1), m.end(1) + 1, year=year, expected=year + 1)
