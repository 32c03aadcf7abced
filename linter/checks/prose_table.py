"""A quantity the prose states and the statistics table states too: the two must agree.

The prose says "发布消息64条" while the table's 主动公开政府信息数 is 0; the prose says "未收到政府信息
公开申请" while 收到申请数 is 3. Agreement includes "无…" against 0 ("无政策解读情况" agrees with
政策解读稿件发布数 0). Patterns are regular expressions with {NUM} standing for a number (Arabic,
full-width, 中文数字, 1.2万, with 余/多/近/约): `positive` patterns capture a count, `zero`
patterns say there was none. With `exact: true` a captured exact count must equal the cell;
otherwise only zero against non-zero (and "1200余" against a smaller cell) is a contradiction.
"""
from __future__ import annotations

from ..facts.numbers import CN_NUM, parse_number
from ..schema import BOOL, REGEX_LIST, STR_LIST, Param, SchemaError, compile_regex
from ._util import TABLE_PARAMS, find_table, fmt_number, mask_book_titles, span_hit

KIND = "prose-table"
SUMMARY = "正文与统计表对同一数量的表述不一致（含“无…”与0）"

NUM = (r"(?P<pre>近|约|大约|将近|超过|逾)?(?P<n>\d+(?:,\d{3})*(?:\.\d+)?(?:\s*[万亿])?|" + CN_NUM +
       r")(?P<post>余|多|左右|以上)?")


def _patterns(value, where):
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise SchemaError(f"{where}: 应为列表", getattr(value, "line", None))
    out = []
    for i, v in enumerate(value):
        if not isinstance(v, str):
            raise SchemaError(f"{where}[{i}]: 应为正则字符串", getattr(value, "line", None))
        expanded = v.replace("{NUM}", NUM)
        out.append(compile_regex(expanded, f"{where}[{i}]"))
    return out


_patterns.__name__ = "正则列表（可用 {NUM}）"

PARAMS = {
    **TABLE_PARAMS,
    "row": Param(STR_LIST, "统计表中对应的行标签（可给多个别名）", required=True),
    "positive": Param(_patterns, "正文中给出数量的表述，须含 {NUM}", default=list),
    "zero": Param(REGEX_LIST, "正文中表示“没有”的表述", default=list),
    "exact": Param(BOOL, "正文数量须与表格严格相等", default=False),
    "sections": Param(REGEX_LIST, "只在标题匹配这些正则的一级部分中查找（找不到这样的部分则查全文）", default=list),
}
FIELDS = ("row", "table_value", "prose_value", "table_line")


def validate(params):
    for p in params["positive"]:
        if "n" not in p.groupindex:
            raise SchemaError("positive 中的每个正则都须包含 {NUM}")
    if not params["positive"] and not params["zero"]:
        raise SchemaError("positive 和 zero 至少要给一个")


def _scope(facts, sections):
    if not sections:
        return facts.prose_lines
    ranges = [(s.first_line, s.last_line) for s in facts.sections
              if s.heading.level == 1 and any(p.search(s.heading.title) for p in sections)]
    if not ranges:
        return facts.prose_lines
    return [ln for ln in facts.prose_lines if any(a <= ln.number <= b for a, b in ranges)]


def check(doc, facts, params, ctx):
    table = find_table(facts, params["table"], params["min_match"])
    if table is None:
        return
    ri = table.find(params["row"])
    if ri is None:
        return
    row = table.rows[ri]
    cell = row.value_cell
    if cell is None or cell.dash:
        return
    q = cell.quantity if not cell.blank else None
    table_value = 0.0 if cell.blank else (q.value if q is not None and q.exact else None)
    if table_value is None:
        return
    values = dict(row=row.key or row.label, table_value=fmt_number(table_value), table_line=row.line)
    def contradicts(stated):
        return ((table_value == 0 and stated.value > 0)
                or (stated.approx == "lower" and table_value < stated.value)
                or (params["exact"] and stated.exact and stated.value != table_value))

    for line in _scope(facts, params["sections"]):
        hit = first_contradiction(line.number, mask_book_titles(line.folded), params["zero"], params["positive"],
                                  table_value > 0, contradicts, values)
        if hit is not None:
            yield hit  # one finding per line: the first contradiction is enough to find the sentence


def first_contradiction(number, text, zero, positive, table_nonzero, contradicts, values):
    """The first statement in a line that the table contradicts: a "none" statement (`zero`) when
    the table has a number, else a stated count (`positive`, with {NUM}) for which `contradicts`
    says so. Shared by prose-table and unified-prose, which differ only in that test."""
    if table_nonzero:
        for pattern in zero:
            m = pattern.search(text)
            if m:
                return span_hit(number, m.start(), m.end(), prose_value="无", **values)
    for pattern in positive:
        for m in pattern.finditer(text):
            stated = parse_number(m.group("n"), m.group("pre"), m.group("post"))
            if stated is not None and contradicts(stated):
                return span_hit(number, m.start("n"), m.end(), prose_value=str(stated), **values)
    return None
