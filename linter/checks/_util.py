"""Small helpers shared by check kinds."""
from __future__ import annotations

from ..facts import Facts
from ..facts.tables import Table, label_key
from ..findings import Hit
from ..schema import INT, STR_LIST, Param
from .. import recache

BOOK_TITLE = recache.compile(r"《[^《》]*》")


def mask_book_titles(text: str) -> str:
    """Blank out 《…》 so that a cited document's title ("《关于做好2018年…工作的通知》") is not read
    as the report's own words; the length is kept so columns stay right."""
    return BOOK_TITLE.sub(lambda m: "《" + " " * (len(m.group(0)) - 2) + "》", text)


def span_hit(line: int, start: int, end: int, /, **values) -> Hit:
    """A Hit for 0-based [start, end) offsets in a line; columns are 1-based, end exclusive."""
    return Hit(line, start + 1, line, max(end, start + 1) + 1, values)


def line_hit(facts: Facts, number: int, /, **values) -> Hit:
    """A Hit covering the visible text of a whole line."""
    line = facts.doc.line(number)
    start = line.indent
    end = len(line.folded.rstrip())
    return span_hit(number, start, max(end, start + 1), **values)


def doc_hit(**values) -> Hit:
    return Hit(None, None, None, None, values)


TABLE_PARAMS = {
    "table": Param(STR_LIST, "认定统计表所用的行标签：表中至少 min_match 行匹配才算找到该表", required=True),
    "min_match": Param(INT, "认定统计表至少需要匹配的行数", default=3),
}


def find_table(facts: Facts, labels: list[str], min_match: int = 3) -> Table | None:
    """The statistics table: the text table with the most rows whose labels are in `labels`.
    Memoised per document: a pack's table rules all ask for the same table."""
    key = (tuple(labels), min_match)
    cache = facts.__dict__.setdefault("_table_cache", {})
    if key not in cache:
        cache[key] = _find_table(facts, labels, min_match)
    return cache[key]


def _find_table(facts: Facts, labels: list[str], min_match: int) -> Table | None:
    wanted = {label_key(x) for x in labels}
    best, score = None, 0
    for table in facts.tables:
        n = sum(1 for key in table.keys if key in wanted)
        if n > score:
            best, score = table, n
    return best if score >= min_match else None


def fmt_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
