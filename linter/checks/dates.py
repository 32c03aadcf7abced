"""Dates that cannot be right.

`signed-before-period-end`: the report is signed 2017年12月25日 while its statistics period runs to
12月31日 — it reports days that had not happened yet.
`late`: published (发布时间, else the sign-off date) after the deadline of the regulation in force:
3月31日 of the next year (条例2008 第三十一条; 2019 第四十九条 for 人民政府), 1月31日 for a
县级以上人民政府部门 under the 2019 text (`department_deadline`, recognised by the issuing body's
name: …局, …委员会, …办公室). Townships and governments keep 3月31日, the safe default where local
notices differ. The deadlines are parameters, so a local pack can tighten them.
`future`: signed or published after today.
`impossible`: 2月30日, 13月, 4月31日 anywhere in the text.
"""
from __future__ import annotations

import re

from ..facts.dates import find_dates
from ..schema import REGEX, Param, SchemaError, STR, choice, compile_regex
from ._util import span_hit
from .. import recache

KIND = "dates"
SUMMARY = "日期矛盾：落款早于统计期限结束、晚于公布期限、晚于今天、不存在的日期"
PARAMS = {
    "aspect": Param(choice("signed-before-period-end", "late", "future", "impossible"), "检查哪一种问题",
                    required=True),
    "deadline": Param(STR, "公布期限（报告年度次年的 月-日），如 03-31", default="03-31"),
    "department_deadline": Param(STR, "发布机关是政府部门时的公布期限（月-日），如 01-31；不给则同 deadline",
                                 default=""),
    "department_pattern": Param(REGEX, "按发布机关名称认定“政府部门”的正则", default=lambda: compile_regex(
        r"(?:局|委员会|委|厅|署|办公室|中心|院|所|馆|站|队|(?<!办事)处)$", "department_pattern")),
}
FIELDS = ("date", "period_end", "deadline", "today")


def validate(params):
    for key in ("deadline", "department_deadline"):
        if key == "department_deadline" and not params[key]:
            continue
        if not re.fullmatch(r"(0?[1-9]|1[0-2])-(0?[1-9]|[12]\d|3[01])", params[key]):
            raise SchemaError(f"{key} 应为 月-日，如 03-31，而不是 {params[key]!r}")


_MONTH = recache.compile(r"[月\-./]")


def _fmt(d) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def check(doc, facts, params, ctx):
    aspect = params["aspect"]
    if aspect == "impossible":
        prose = facts.prose_numbers_set
        for line in facts.lines_with(_MONTH):  # no month, no impossible date
            if line.number not in prose:
                continue
            for d in find_dates(line.folded, ctx.report_year):
                if not d.valid:
                    yield span_hit(line.number, d.start, d.end, date=d.text, period_end="", deadline="", today="")
        return
    signoff = facts.signoff
    signed = signoff.date if signoff.date and signoff.date.complete else None
    if aspect == "signed-before-period-end":
        period = facts.period
        end = period.end if period else None
        if signed and end and end.complete and signed.key() < end.key():
            yield span_hit(signoff.date_line, signed.start + doc.line(signoff.date_line).indent,
                           signed.end + doc.line(signoff.date_line).indent,
                           date=_fmt(signed), period_end=_fmt(end), deadline="", today="")
        return
    candidates = []
    if facts.publication:
        line, d = facts.publication
        candidates.append((line, d, 0))
    if signed:
        candidates.append((signoff.date_line, signed, doc.line(signoff.date_line).indent))
    for line, d, indent in candidates:
        if aspect == "future":
            if (d.year, d.month, d.day) > (ctx.today.year, ctx.today.month, ctx.today.day):
                yield _at(line, d, indent, date=_fmt(d), period_end="", deadline="", today=ctx.today.isoformat())
                return
        elif aspect == "late" and ctx.report_year:
            deadline = params["deadline"]
            body = facts.issuing_body or ""
            if params["department_deadline"] and body and params["department_pattern"].search(body):
                deadline = params["department_deadline"]  # 第四十九条: a department publishes by 1月31日
            month, day = (int(x) for x in deadline.split("-"))
            limit = (ctx.report_year + 1, month, day)
            if (d.year, d.month, d.day) > limit:
                yield _at(line, d, indent, date=_fmt(d), period_end="",
                          deadline=f"{limit[0]}年{month}月{day}日", today="")
                return


def _at(line, d, indent, **values):
    from ..findings import Hit
    if line is None:
        return Hit(None, None, None, None, values)
    return span_hit(line, d.start + indent, d.end + indent, **values)
