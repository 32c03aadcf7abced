"""勾稽关系 of the unified format's tables (DOMAIN.md §2, R1–R4) and two plausibility checks.

R1 (stated in table 三's corner cell), per column: 一 + 二 = （七）总计 + 四.
R2, per row of table 三: 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他.
R3, per column: （七）总计 = （一）+（二）+ Σ（三）+ Σ（四）+ Σ（五）+（六）(2019 one row, 2021 its three).
R4, table 四: for 行政复议, 未经复议直接起诉 and 复议后起诉 each, 总计 = 维持 + 纠正 + 其他 + 尚未审结.

Blank cells are 0, but a blank 总计 is "not filled" (many offices fill 总计 on rows 一、二、（七）、四
only): a relation whose total is blank is skipped, and R3 on the 总计 column is skipped when no
part of it is filled. Cells that are not numbers are reported by table.* and skipped here.

Plausibility: only 省级和设区的市级人民政府 and 国务院部门 make 规章 (《立法法》第九十一条、第九十三条),
so a township, a county or a local department with 规章 in table 二 has misfiled its 规范性文件; and
现行有效件数 smaller than 本年制发件数 with nothing 废止 cannot be.
"""
from __future__ import annotations


from ..cjk import squash
from ..facts.unified import APP_ROW_NAMES, REVIEW_COLUMNS, REVIEW_GROUPS, unified_of
from ..schema import REGEX, Param, choice
from ._util import fmt_number, line_hit, span_hit

KIND = "unified-arith"
SUMMARY = "统一格式表格的勾稽关系 R1—R4，及规章制定主体、现行有效件数的合理性"
PARAMS = {
    "aspect": Param(choice("r1", "r2", "r3", "r4", "rules-issuer", "valid-count"), "检查哪一条关系", required=True),
    "may_issue_rules": Param(REGEX, "rules-issuer：有权制定规章的机关名称（正则）", default=None),
}
FIELDS = ("column", "row", "total", "sum", "parts", "body", "value", "issued", "repealed", "valid", "where")
EXAMPLES = {
    "fail": "一、本年新收…\t5 … 二、上年结转…\t1 … （七）总计\t5 … 四、结转下年度继续办理\t0（自然人列：5+1≠5+0）",
    "pass": "一、本年新收…\t5 … 二、上年结转…\t1 … （七）总计\t6 … 四、结转下年度继续办理\t0",
}
R3_2019 = ["open", "partial"] + [f"deny.{i}" for i in range(1, 9)] + [f"unable.{i}" for i in range(1, 4)] + \
    [f"reject.{i}" for i in range(1, 6)] + ["other"]
R3_2021 = R3_2019[:-1] + ["other.1", "other.2", "other.3"]


def _val(t, row, col):
    """Value of a cell, None when it is not a usable number (reported elsewhere) or an unfilled 总计."""
    r = t.rows.get(row)
    if r is None:
        return 0.0 if col != "总计" else None
    cell = r.values.get(col)
    if cell is None or cell.blank:
        return None if col == "总计" else 0.0
    return cell.value


def _row_sum(t, row) -> float:
    """The sum of a row's applicant columns (not 总计), blank as 0, unusable cells left out."""
    r = t.rows.get(row)
    if r is None:
        return 0.0
    return sum(c.value or 0.0 for col, c in r.values.items() if col != "总计" and c.value is not None)


def _unusable(t, rows, col):
    for row in rows:
        r = t.rows.get(row)
        cell = r.values.get(col) if r else None
        if cell is not None and not cell.blank and cell.value is None:
            return True
    return False


def check(doc, facts, params, ctx):
    u = unified_of(facts)
    aspect = params["aspect"]
    t = u.applications
    if t is not None and not t.aligned:
        t = None  # a space-aligned table that lost its blank cells: its columns cannot be trusted
    if aspect == "r1" and t is not None:
        if any(r not in t.rows for r in ("new", "total")):
            return
        for col in t.columns:
            if _unusable(t, ["new", "carried", "total", "carry_next"], col):
                continue
            a, b, c, d = (_val(t, r, col) for r in ("new", "carried", "total", "carry_next"))
            if col == "总计" and any(v is None and _row_sum(t, r) for r, v in
                                   zip(("new", "carried", "total", "carry_next"), (a, b, c, d))):
                continue
            a, b, c, d = (x or 0.0 for x in (a, b, c, d))
            if a + b != c + d:
                row = t.rows["total"]
                yield line_hit(facts, row.line, column=col, total=fmt_number(a + b), sum=fmt_number(c + d),
                               parts=f"{fmt_number(a)}+{fmt_number(b)}≠{fmt_number(c)}+{fmt_number(d)}")
    elif aspect == "r2" and t is not None:
        parts_cols = [c for c in t.columns if c != "总计"]
        if "总计" not in t.columns or len(parts_cols) < 2:
            return
        for rid, row in t.rows.items():
            total = _val(t, rid, "总计")
            if total is None or _unusable(t, [rid], "总计") or any(_unusable(t, [rid], c) for c in parts_cols):
                continue
            parts = [_val(t, rid, c) or 0.0 for c in parts_cols]
            if sum(parts) != total:
                cell = row.values["总计"]
                yield span_hit(cell.line, cell.start, cell.end, row=APP_ROW_NAMES.get(rid, row.label),
                               total=fmt_number(total), sum=fmt_number(sum(parts)),
                               parts="+".join(fmt_number(p) for p in parts), column="总计")
    elif aspect == "r3" and t is not None:
        if "total" not in t.rows:
            return
        rows = R3_2021 if t.layout == "2021" or (t.layout == "?" and ctx.regime == "2021") else R3_2019
        for col in t.columns:
            if _unusable(t, rows + ["total"], col):
                continue
            total = _val(t, "total", col)
            if total is None:
                continue
            values = [_val(t, r, col) for r in rows]
            if col == "总计" and any(v is None and _row_sum(t, r) for r in rows for v in [_val(t, r, col)]):
                continue  # 总计 filled on rows 一、二、（七）、四 only: a row with numbers but no 总计
            s = sum(v or 0.0 for v in values)
            if s != total:
                row = t.rows["total"]
                shown = [f"{fmt_number(v)}" for v in values if v]
                yield line_hit(facts, row.line, column=col, row="（七）总计", total=fmt_number(total),
                               sum=fmt_number(s), parts="+".join(shown) or "0")
    elif aspect == "r4" and u.review is not None:
        r = u.review
        for g in REVIEW_GROUPS:
            cells = [r.cells.get((g, c)) for c in REVIEW_COLUMNS]
            if any(c is None for c in cells) or any(not c.blank and c.value is None for c in cells):
                continue
            total = r.value(g, "总计")
            if total is None:
                continue
            parts = [r.value(g, c) for c in REVIEW_COLUMNS[:-1]]
            if sum(parts) != total:
                cell = cells[-1]
                yield span_hit(cell.line, cell.start, cell.end, column=f"{g}·总计", row=g, total=fmt_number(total),
                               sum=fmt_number(sum(parts)), parts="+".join(fmt_number(p) for p in parts))
    elif aspect == "rules-issuer" and u.proactive is not None:
        row = u.proactive.rows.get("规章")
        body = squash(facts.issuing_body or "")
        if row is None or not body:
            return
        pattern = params["may_issue_rules"]
        if pattern is not None and pattern.search(body):
            return
        for col, cell in row.values.items():
            if cell.value and cell.value > 0:
                yield span_hit(cell.line, cell.start, cell.end, body=body, value=fmt_number(cell.value), column=col)
                return
    elif aspect == "valid-count" and u.proactive is not None:
        for rid in ("规章", "规范性文件"):
            row = u.proactive.rows.get(rid)
            if row is None:
                continue
            issued, repealed, valid = (row.values.get(c) for c in ("本年制发件数", "本年废止件数", "现行有效件数"))
            if issued is None or valid is None or issued.value is None or valid.value is None:
                continue
            rep = 0.0 if repealed is None or repealed.blank else repealed.value
            if rep == 0 and valid.value < issued.value:
                yield span_hit(valid.line, valid.start, valid.end, row=rid, issued=fmt_number(issued.value),
                               repealed="0", valid=fmt_number(valid.value))
