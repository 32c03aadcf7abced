"""The statistics table: present, with the rows the format requires, and numbers in its cells.

The table is recognised by its row labels (at least `min_match` of the `table` labels), not by a
caption, because captions vary and are often missing after a paste. Labels are compared after
removing spaces, numbering and trailing notes, so "（一）收到申请数" and "收到申请数" are one row.
"""
from __future__ import annotations

import re

from ..schema import STR, STR_LIST, Param, choice, mapping_list
from ._util import TABLE_PARAMS, doc_hit, find_table, span_hit

KIND = "table-schema"
SUMMARY = "统计表：缺表、缺必需行、单元格不是数字（或为负数、小数计数）"
PARAMS = {
    **TABLE_PARAMS,
    "aspect": Param(choice("missing", "rows", "cells", "units"),
                    "missing 缺表；rows 缺行；cells 单元格不是数字；units 计量单位与规定不符", required=True),
    "units": Param(mapping_list({"row": (STR, True), "unit": (STR, True)}), "aspect=units 时各行应有的单位",
                   default=list),
    "required_rows": Param(STR_LIST, "aspect=rows 时必须出现的行标签", default=list),
    "money_units": Param(STR_LIST, "可以有小数的单位", default=lambda: ["万元", "元"]),
}
FIELDS = ("label", "cell")

_UNIT = re.compile(r"^(条|件|次|个|篇|人|人次|万元|元|项|期|场|家|——|—|-)$")


def check(doc, facts, params, ctx):
    table = find_table(facts, params["table"], params["min_match"])
    aspect = params["aspect"]
    if aspect == "missing":
        if table is None:
            yield doc_hit(label="", cell="")
        return
    if table is None:
        return
    if aspect == "units":
        for spec in params["units"]:
            index = table.find(spec["row"])
            if index is None:
                continue
            row = table.rows[index]
            unit_cell = row.cells[-2] if len(row.cells) >= 3 else None
            if unit_cell is None or unit_cell.blank:
                continue
            if unit_cell.stripped.replace(" ", "") != spec["unit"]:
                yield span_hit(row.line, unit_cell.start, unit_cell.end, label=f"{row.key}的单位",
                               cell=f"{unit_cell.stripped}（应为“{spec['unit']}”）")
        return
    if aspect == "rows":
        missing = [label for label in params["required_rows"] if table.find(label) is None]
        for label in missing:
            first = table.rows[0]
            yield span_hit(first.line, first.cells[0].start, first.cells[0].end, label=label, cell="")
        return
    seen_numbers = False
    for row in table.rows:
        cells = row.cells
        if len(cells) < 2:
            continue
        if not seen_numbers and not row.numbers:
            continue  # header rows ("统计指标 | 单位 | 统计数") before the first row with a number
        seen_numbers = True
        unit = next((c.stripped for c in cells[1:-1] if _UNIT.match(c.stripped.replace(" ", ""))), "")
        value = cells[-1]
        if value.blank or value.dash or unit in ("——", "—", "-"):
            continue
        q = value.quantity
        if q is None or not q.exact:
            yield span_hit(row.line, value.start, value.end, label=row.key or row.label, cell=value.stripped)
        elif q.value < 0 or (not q.value.is_integer() and unit not in params["money_units"]):
            yield span_hit(row.line, value.start, value.end, label=row.key or row.label, cell=value.stripped)
