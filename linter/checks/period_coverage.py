"""The statistics period must be stated and must cover 1月1日–12月31日 of the report year.

"本年度报告中所列数据统计期限从2017年1月1日到12月25日止" leaves six days out: the numbers do
not describe the year the report is about (海南 琼府办〔2011〕214号; 四川 DB51/T 2660—2019).
"""
from __future__ import annotations

from ..schema import Param, choice
from ._util import doc_hit, span_hit

KIND = "period-coverage"
SUMMARY = "统计期限：未写明，或未覆盖报告年度的1月1日至12月31日"
PARAMS = {
    "aspect": Param(choice("missing", "coverage"), "missing 未写明；coverage 未覆盖全年", required=True),
}
FIELDS = ("start", "end", "year")


def _fmt(d) -> str:
    if d is None:
        return "？"
    return f"{d.year or '？'}年{d.month or '？'}月{d.day or '？'}日"


def check(doc, facts, params, ctx):
    period = facts.period
    if params["aspect"] == "missing":
        if period is None:
            yield doc_hit(start="", end="", year=ctx.report_year or "")
        return
    if period is None or ctx.report_year is None:
        return
    year = ctx.report_year
    if period.full_year is not None:
        return  # "统计期限为2017年度": a year mismatch is year-consistency's business
    start, end = period.start, period.end
    if start is None or end is None:
        return
    whole = (start.month, start.day) == (1, 1) and (end.month, end.day) == (12, 31) \
        and start.year == end.year == year
    if not whole and start.year in (year, None) and (end.year in (year, None)):
        s, e = period.span
        yield span_hit(period.line, s, e, start=_fmt(start), end=_fmt(end), year=year)
