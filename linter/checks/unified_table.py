"""The three tables of the unified format, mapped by label: missing or unknown rows and columns,
cells that are not counts, and a table in another regime's layout.

Blank cells are 0 (offices leave them empty); "—" too. A cell such as "若干", "3件" or "/2" is not a
count; a negative count is impossible except in table 二's 本年增/减 column (2019); a fraction is
impossible except in the money columns (本年收费金额、采购总金额, 万元).

Layout: the 2019 format's table 二 has 本年新制作数量 · 本年新公开数量 · 对外公开总数量, the 2021
format's 本年制发件数 · 本年废止件数 · 现行有效件数; the 2021 table 三 splits （六）其他处理 into three
sub-rows. A 2022 report with 2019 columns, or a 2016 report in the unified layout, is checked against
the wrong schema unless it is flagged first.
"""
from __future__ import annotations

from ..schema import STR_LIST, Param, choice
from ._util import find_table, line_hit, span_hit

KIND = "unified-table"
SUMMARY = "统一格式三张表：缺行缺列、不认识的行列、非数字/负数/小数单元格、与报告年度不符的表格格式"
PARAMS = {
    "aspect": Param(choice("missing-row", "missing-column", "unknown", "cell", "layout"), "检查哪一方面",
                    required=True),
    "layout": Param(choice("2019", "2021", "2008"), "layout：本报告年度应使用的格式（默认取规则包的 regime）",
                    default=None),
    "table_2008": Param(STR_LIST, "layout：认定 2008 年统计表的行标签", default=lambda: [
        "收到申请数", "当面申请数", "网络申请数", "申请答复数", "申请办结数", "主动公开政府信息数"]),
}
FIELDS = ("table", "row", "column", "cell", "problem", "found", "expected")
EXAMPLES = {
    "fail": "（一）予以公开\t3\t若干\t0\t0\t0\t0\t3",
    "pass": "（一）予以公开\t3\t\t0\t0\t0\t0\t3（空白视为0）",
}
T2, T3, T4 = "表二（主动公开）", "表三（依申请）", "表四（复议诉讼）"
PRO_ROW_NAMES = {"2021": {"规范性文件": "行政规范性文件"}, "2019": {}}


def _mentions_unified(doc) -> bool:
    for line in doc.lines:
        text = line.text
        if "结转下年度" in text or "收到和处理政府信息公开申请" in text or "结转下年" in text.replace(" ", ""):
            return True
    return False


def _where(rows, order, i, last_line):
    """Where a missing row belongs: just after the row before it, else at the row after it."""
    before = [rows[r].line for r in order[:i] if r in rows]
    if before:
        return before[-1] + 1
    return next((rows[r].line for r in order[i + 1:] if r in rows), last_line)


def _missing_rows(u, regime):
    from ..facts.unified import APP_ROW_NAMES, ROWS_2019, ROWS_2021
    t = u.applications
    if t is None:
        return
    layout = t.layout if t.layout != "?" else regime
    wanted = ROWS_2019 + ["other"] if layout == "2019" else ROWS_2021
    for i, rid in enumerate(wanted):
        if rid in t.rows:
            continue
        yield _where(t.rows, wanted, i, t.last_line), APP_ROW_NAMES.get(rid, rid)


def check(doc, facts, params, ctx):
    aspect = params["aspect"]
    if aspect == "layout" and (params["layout"] or ctx.regime) == "2008" and not _mentions_unified(doc):
        return  # the 2008-regime reports, nearly all of them: nothing of the unified format in sight
    from ..facts.unified import APP_COLUMNS, PRO_BLOCK_COLUMNS, unified_of
    u = unified_of(facts)
    if aspect == "missing-row":
        last = len(doc.lines)
        for line, name in _missing_rows(u, ctx.regime):
            yield line_hit(facts, min(line, last), table=T3, row=name)
        p = u.proactive
        if p is not None and p.layout in ("2019", "2021") and p.layout == (ctx.regime or p.layout):
            order = list(PRO_BLOCK_COLUMNS[p.layout])
            for i, rid in enumerate(order):
                if rid not in p.rows:
                    yield line_hit(facts, min(_where(p.rows, order, i, p.last_line), last), table=T2,
                                   row=PRO_ROW_NAMES[p.layout].get(rid, rid))
        return
    if aspect == "missing-column":
        t = u.applications
        if t is not None and t.header_lines:
            for col in APP_COLUMNS:
                if col not in t.columns:
                    yield line_hit(facts, t.header_lines[-1], table=T3, column=col)
        p = u.proactive
        if p is not None and p.layout in ("2019", "2021") and p.layout == (ctx.regime or p.layout):
            wanted = [c for cols in PRO_BLOCK_COLUMNS[p.layout].values() for c in cols]
            for col in dict.fromkeys(wanted):
                if col not in p.column_cells:
                    yield line_hit(facts, p.first_line, table=T2, column=col)
        if u.review is not None:
            for name in u.review.missing_headers:
                yield line_hit(facts, u.review.header_lines[0], table=T4, column=name)
        return
    if aspect == "unknown":
        t = u.applications
        if t is not None:
            for cell in t.unknown_columns:
                yield span_hit(cell.line, cell.start, cell.end, table=T3, column=cell.text, row="", cell=cell.text)
            for row in t.unknown_rows:
                yield line_hit(facts, row.line, table=T3, row=row.label, column="", cell=row.label)
            for row in t.duplicate_rows:
                yield line_hit(facts, row.line, table=T3, row=row.label + "（重复）", column="", cell=row.label)
        if u.proactive is not None:
            for row in u.proactive.unknown_rows:
                yield line_hit(facts, row.line, table=T2, row=row.label, column="", cell=row.label)
        return
    if aspect == "cell":
        yield from _cells(u)
        return
    if aspect == "layout":
        yield from _layout(facts, u, params["layout"] or ctx.regime, params["table_2008"])


def _bad(cell, column, amount_columns, signed_columns):
    """Why a cell is not a count of `column`, or None. The column sets come from facts.unified
    (passed in: an import per cell would cost more than the test)."""
    if cell.blank:
        return None
    if cell.value is None:
        return "不是数字"
    if cell.value < 0 and column not in signed_columns:
        return "是负数"
    if not float(cell.value).is_integer() and column not in amount_columns:
        return "是小数，件数应为整数"
    return None


def _cells(u):
    from ..facts.unified import AMOUNT_COLUMNS as AMOUNTS, APP_ROW_NAMES, SIGNED_COLUMNS as SIGNED
    t = u.applications
    if t is not None:
        for rid, row in t.rows.items():
            for col, cell in row.values.items():
                problem = _bad(cell, col, AMOUNTS, SIGNED)
                if problem:
                    yield span_hit(cell.line, cell.start, cell.end, table=T3, row=APP_ROW_NAMES.get(rid, row.label),
                                   column=col, cell=cell.text, problem=problem)
    r = u.review
    if r is not None:
        for (g, col), cell in r.cells.items():
            problem = _bad(cell, col, AMOUNTS, SIGNED)
            if problem:
                yield span_hit(cell.line, cell.start, cell.end, table=T4, row=g, column=col, cell=cell.text,
                               problem=problem)
    p = u.proactive
    if p is not None:
        for rid, row in p.rows.items():
            for col, cell in row.values.items():
                problem = _bad(cell, col, AMOUNTS, SIGNED)
                if problem:
                    yield span_hit(cell.line, cell.start, cell.end, table=T2, row=rid, column=col, cell=cell.text,
                                   problem=problem)


def _layout(facts, u, regime, rows_2008):
    from ..facts.unified import PRO_BLOCK_COLUMNS
    if regime is None:
        return
    if regime == "2008":
        if u.looks_unified:
            where = u.applications.first_line if u.applications else u.sections[0].line
            yield line_hit(facts, where, table="", found="2019年起施行的统一格式（六个部分、三张表）",
                           expected="2008年条例下的年度报告（2014—2018年度附《政府信息公开情况统计表》）")
        return
    old = find_table(facts, rows_2008, 3)
    if old is not None:
        yield line_hit(facts, old.start_line, table="统计表", found="2008年条例下的《政府信息公开情况统计表》",
                       expected=f"{regime}年统一格式的三张表")
    p = u.proactive
    if p is not None and p.layout in ("2019", "2021", "mixed") and p.layout != regime:
        other = {"2019": "2021", "2021": "2019"}[regime]
        cells = [c for col, c in p.column_cells.items()
                 if any(col in cols for cols in PRO_BLOCK_COLUMNS[other].values())
                 and not any(col in cols for cols in PRO_BLOCK_COLUMNS[regime].values())]
        if cells:
            c = min(cells, key=lambda c: (c.line, c.start))
            yield span_hit(c.line, c.start, c.end, table=T2, found=f"{other}年格式的列“{c.text}”",
                           expected=f"{regime}年格式")
    t = u.applications
    if t is not None and t.layout != "?" and t.layout != regime:
        row = t.rows.get("other") or t.rows.get("other.1") or t.rows.get("other.3")
        found = "（六）其他处理不分项（2019年格式）" if t.layout == "2019" else "（六）其他处理分三项（2021年格式）"
        yield line_hit(facts, row.line if row else t.first_line, table=T3, found=found, expected=f"{regime}年格式")
