"""Numbers the prose restates from the unified format's tables must match them.

Section 一 and the prose of 三/四 often repeat the tables: "全年共收到政府信息公开申请6件，予以公开4件",
"本年度未发生政府信息公开行政复议". The tables are the record; the prose is where a leftover from last
year's report shows first. "收到申请N件" agrees with 本年新收 or with 本年新收 + 上年结转 (offices
count either way); "未收到申请" contradicts a non-zero 本年新收.
"""
from __future__ import annotations

from ..facts.unified import REVIEW_COLUMNS, app_total, unified_of
from ..schema import REGEX_LIST, Param, choice
from ._util import fmt_number, mask_book_titles
from .prose_table import _patterns, first_contradiction

KIND = "unified-prose"
SUMMARY = "正文（总体情况、三、四部分）复述的数字与统一格式表三、表四不一致（含“未收到申请”对非零）"
PARAMS = {
    "quantity": Param(choice("received", "open", "partial", "review", "litigation"), "比对哪一个数量",
                      required=True),
    "positive": Param(_patterns, "给出数量的表述，须含 {NUM}", default=list),
    "zero": Param(REGEX_LIST, "表示“没有”的表述", default=list),
}
FIELDS = ("prose_value", "table_value", "row", "table_line")
EXAMPLES = {
    "fail": "全年共收到政府信息公开申请5件（表三“本年新收”总计为6）",
    "pass": "全年共收到政府信息公开申请6件（表三“本年新收”总计为6）",
}
_ROW = {"received": "new", "open": "open", "partial": "partial"}
_NAMES = {"received": "表三“一、本年新收政府信息公开申请数量”总计", "open": "表三“（一）予以公开”总计",
          "partial": "表三“（二）部分公开”总计", "review": "表四“行政复议·总计”",
          "litigation": "表四“行政诉讼”两项总计之和"}


def _review_total(r, group):
    total = r.value(group, "总计")
    if total is None:
        parts = [r.value(group, c) for c in REVIEW_COLUMNS[:-1]]
        if any(p is None for p in parts):
            return None
        total = sum(parts)
    return total


def _table_value(u, quantity):
    """(accepted values, line) or None."""
    if quantity in _ROW:
        t = u.applications
        if t is None or _ROW[quantity] not in t.rows:
            return None
        value = app_total(t, _ROW[quantity])
        if value is None:
            return None
        accepted = {value}
        if quantity == "received":
            carried = app_total(t, "carried") if "carried" in t.rows else 0.0
            if carried is not None:
                accepted.add(value + carried)
        return accepted, value, t.rows[_ROW[quantity]].line
    r = u.review
    if r is None or not r.cells:
        return None
    if quantity == "review":
        v = _review_total(r, "行政复议")
    else:
        a, b = _review_total(r, "未经复议直接起诉"), _review_total(r, "复议后起诉")
        v = None if a is None or b is None else a + b
    if v is None:
        return None
    return {v}, v, r.line


def check(doc, facts, params, ctx):
    u = unified_of(facts)
    found = _table_value(u, params["quantity"])
    if found is None:
        return
    accepted, value, table_line = found
    values = dict(row=_NAMES[params["quantity"]], table_value=fmt_number(value), table_line=table_line)
    skip = u.table_line_set

    def contradicts(stated):
        return ((stated.exact and stated.value not in accepted)
                or (stated.approx == "lower" and max(accepted) < stated.value))

    for line in facts.prose_lines:
        if line.number in skip:
            continue
        hit = first_contradiction(line.number, mask_book_titles(line.folded), params["zero"], params["positive"],
                                  value > 0, contradicts, values)
        if hit is not None:
            yield hit
