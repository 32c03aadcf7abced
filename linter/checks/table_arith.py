"""Arithmetic a statistics table must satisfy, declared in the pack row by row.

Relations:
  sum                 total = Σ parts            (收到申请数 = 当面 + 传真 + 网络 + 信函)
  le                  every part ≤ total         ("其中" rows)
  between-max-and-sum max(parts) ≤ total ≤ Σ parts (主动公开政府信息数 counts an item once however many
                      channels carried it, so it is at least the largest channel and at most their sum)
Parts are looked up below their total (labels repeat: 被依法纠错数 is under both 行政复议 and 行政诉讼),
within `window` rows. A blank cell counts as 0 — reports leave zeros blank — but a relation whose
cells are all blank is skipped. `header-number`: a header row (unit "——") carries no number; one
that does holds a figure that belongs nowhere.
"""
from __future__ import annotations

from ..schema import INT, STR, STR_LIST, Param, choice, mapping_list
from ._util import TABLE_PARAMS, find_table, fmt_number, span_hit

KIND = "table-arith"
SUMMARY = "统计表勾稽关系：合计等于分项之和、其中项不大于总数、按渠道公开数介于最大值与总和之间"
PARAMS = {
    **TABLE_PARAMS,
    "aspect": Param(choice("relations", "header-number"), "relations 检查 relations；header-number 检查标题行", default="relations"),
    "relations": Param(mapping_list({"total": (STR, True), "parts": (STR_LIST, True),
                                     "relation": (choice("sum", "le", "between-max-and-sum"), False)}),
                       "勾稽关系列表：{total, parts, relation: sum|le|between-max-and-sum}", default=list),
    "window": Param(INT, "在总数行之后多少行内查找分项", default=16),
}
FIELDS = ("total_label", "total", "sum", "max", "parts", "part_label", "part")


def _value(row):
    cell = row.value_cell
    if cell is None or cell.dash:
        return cell, None
    if cell.blank:
        return cell, 0.0
    q = cell.quantity
    if q is None or not q.exact:
        return cell, None
    return cell, q.value


def check(doc, facts, params, ctx):
    table = find_table(facts, params["table"], params["min_match"])
    if table is None:
        return
    if params["aspect"] == "header-number":
        yield from _header_numbers(table)
        return
    for rel in params["relations"]:
        kind = rel.get("relation", "sum")
        ti = table.find(rel["total"])
        if ti is None:
            continue
        stop = min(len(table.rows), ti + 1 + params["window"])
        part_rows = []
        cursor = ti + 1
        for name in rel["parts"]:
            pi = table.find(name, cursor, stop)
            if pi is None:
                break
            part_rows.append(table.rows[pi])
            cursor = pi + 1
        if len(part_rows) != len(rel["parts"]):
            continue  # a missing row is table-schema's finding, not an arithmetic one
        total_row = table.rows[ti]
        total_cell, total = _value(total_row)
        parts = [_value(r) for r in part_rows]
        if total is None or any(v is None for _, v in parts):
            continue
        if total_cell.blank and all(c.blank for c, _ in parts):
            continue
        values = [v for _, v in parts]
        info = dict(total_label=total_row.key or total_row.label, total=fmt_number(total), sum=fmt_number(sum(values)),
                    max=fmt_number(max(values)), parts=" + ".join(fmt_number(v) for v in values),
                    part_label="", part="")
        if kind == "sum" and abs(total - sum(values)) > 1e-6:
            yield span_hit(total_row.line, total_cell.start, total_cell.end, **info)
        elif kind == "between-max-and-sum" and (total < max(values) - 1e-6 or total > sum(values) + 1e-6):
            yield span_hit(total_row.line, total_cell.start, total_cell.end, **info)
        elif kind == "le":
            for row, (cell, v) in zip(part_rows, parts):
                if v > total + 1e-6:
                    yield span_hit(row.line, cell.start, cell.end, **{**info, "part_label": row.key or row.label,
                                                                       "part": fmt_number(v)})


def _header_numbers(table):
    for row in table.rows:
        if len(row.cells) < 3:
            continue
        unit = row.cells[-2]
        value = row.cells[-1]
        if unit.dash and value.quantity is not None:
            yield span_hit(row.line, value.start, value.end, total_label=row.key or row.label,
                           total=fmt_number(value.quantity.value), sum="", max="", parts="", part_label="", part="")
