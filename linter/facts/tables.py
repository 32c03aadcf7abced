"""Tables in text form: tab-separated, runs of two or more spaces, Markdown pipe tables.

Readers of Word, PDF and HTML render a real table as tab-separated lines and mark them with
`Line.table_id`; plain text gets its tables found here. A table may contain blank lines (a PDF or
a careless paste leaves them), a label broken by stray spaces ("社会 稳定"), a header row, a unit
column, "——" for "no number here" and blank cells.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..cjk import squash
from ..document import Document, Line
from .numbers import Quantity, parse_quantity
from .. import recache
from ..lazy import lazy

_SPACE_SPLIT = recache.compile(r" {2,}|\t")
_PIPE_SEP_ROW = recache.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
DASHES = {"—", "——", "-", "--", "－", "/", "\\", "–", "---", "———", "……"}

_LEADING_NUMBER = recache.compile(
    r"^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}\s*[、．.](?!\d)|其中[：:]?|[①-⑳])+"
)
_TRAILING_NOTE = recache.compile(r"[（(][^（）()]*[）)]$")


@lru_cache(maxsize=4096)
def label_key(text: str) -> str:
    """The comparable core of a row or column label: no spaces, no numbering, no trailing note.

    "（一）主动公开政府信息数 （不同渠道和方式公开相同信息计 1 条）" → "主动公开政府信息数"
    "其中：主动公开规范性文件数" → "主动公开规范性文件数";  "社会 稳定" → "社会稳定"
    """
    key = squash(text).strip("：:")
    key = _LEADING_NUMBER.sub("", key)
    while True:
        stripped = _TRAILING_NOTE.sub("", key)
        if stripped == key or not stripped:
            break
        key = stripped
    return key.strip("：:")


@dataclass(eq=False)
class Cell:
    text: str
    start: int      # 0-based offsets in the line
    end: int

    @lazy
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def blank(self) -> bool:
        return not self.stripped

    @property
    def dash(self) -> bool:
        return self.stripped in DASHES

    @lazy
    def quantity(self) -> Quantity | None:
        text = self.stripped.replace(" ", "")
        return parse_quantity(text) if text else None


@dataclass
class Row:
    line: int
    cells: list[Cell]
    _table: "Table | None" = field(default=None, repr=False, compare=False)

    @lazy
    def label(self) -> str:
        for cell in self.cells:
            if not cell.blank and cell.quantity is None:
                return cell.stripped
        return ""

    @lazy
    def key(self) -> str:
        return label_key(self.label)

    @property
    def numbers(self) -> list[tuple[Cell, Quantity]]:
        return [(c, c.quantity) for c in self.cells[1:] if c.quantity is not None]

    @property
    def value_cell(self) -> Cell | None:
        """The last cell: where the 统计数 of a label | unit | value table stands."""
        return self.cells[-1] if len(self.cells) > 1 else None


@dataclass
class Table:
    id: int
    rows: list[Row]
    kind: str = "text"   # tab, spaces, pipe, or the reader's own

    @property
    def start_line(self) -> int:
        return self.rows[0].line

    @property
    def end_line(self) -> int:
        return self.rows[-1].line

    @lazy
    def keys(self) -> list[str]:
        return [r.key for r in self.rows]

    def find(self, names: str | list[str], start: int = 0, stop: int | None = None) -> int | None:
        """Index of the first row from `start` whose key is one of `names` (exact, then prefix)."""
        names = [names] if isinstance(names, str) else names
        wanted = [label_key(alt) for n in names for alt in n.split("|")]  # "A|B": either label
        stop = len(self.rows) if stop is None else stop
        for i in range(start, stop):
            if self.rows[i].key in wanted:
                return i
        for i in range(start, stop):
            key = self.rows[i].key
            if key and any(key.startswith(w) for w in wanted):
                return i
        return None


def _split_row(line: Line) -> tuple[str, list[Cell]] | None:
    """The cells of a line that find_tables did not screen out as prose."""
    folded = line.folded.rstrip(" \r\n")
    stripped = folded.strip(" ")  # tabs stay: a leading or trailing tab is an empty cell
    if not stripped.strip():
        return None
    offset = len(folded) - len(folded.lstrip(" "))
    if stripped.startswith("|") and stripped.count("|") >= 2:
        if _PIPE_SEP_ROW.match(stripped):
            return "pipe", []
        cells = []
        pos = offset + 1
        body = stripped[1:-1] if stripped.endswith("|") else stripped[1:]
        for part in body.split("|"):
            cells.append(Cell(line.text[pos:pos + len(part)], pos, pos + len(part)))
            pos += len(part) + 1
        return "pipe", cells
    if "\t" in stripped or line.table_id is not None:
        kind = "tab"
    elif "  " in stripped:
        kind = "spaces"
    else:
        return None
    parts = stripped.split("\t") if kind == "tab" else _SPACE_SPLIT.split(stripped)
    if line.table_id is None and sum(1 for part in parts if part.strip()) < 2:
        return None
    cells = []
    pos = offset
    text = line.text
    if kind == "tab":  # parts are one tab apart
        for part in parts:
            cells.append(Cell(text[pos:pos + len(part)], pos, pos + len(part)))
            pos += len(part) + 1
        return kind, cells
    for part in parts:
        idx = folded.index(part, pos) if part else pos
        cells.append(Cell(text[idx:idx + len(part)], idx, idx + len(part)))
        pos = idx + len(part)
    return kind, cells


def find_tables(doc: Document) -> list[Table]:
    tables: list[Table] = []
    current: list[Row] = []
    kind = None
    reader_table = None

    def close():
        nonlocal current, kind
        rows = [r for r in current if r.cells]
        minimum = 3 if kind == "spaces" else 2
        if len(rows) >= minimum and (kind != "spaces" or _looks_tabular(rows)):
            table = Table(len(tables) + 1, rows, kind or "text")
            for r in rows:
                r._table = table
            tables.append(table)
        current, kind = [], None

    pending_blank = 0
    for line in doc.lines:
        if line.blank:
            pending_blank += 1
            if pending_blank > 2:
                close()
            continue
        folded = line.folded
        if line.table_id is None and "\t" not in folded and "|" not in folded and "  " not in folded.strip():
            split = None  # no tab, no pipe, no inner run of spaces: prose (substring tests, far cheaper than a regex)
        else:
            split = _split_row(line)
        if split is None and not current:
            pending_blank = 0
            continue  # prose, and no table open: nothing to close
        if split is None or (kind and split[0] != kind and not (kind == "tab" and split[0] == "spaces")) \
                or (reader_table is not None and line.table_id != reader_table):
            close()
            reader_table = None
            if split is None:
                pending_blank = 0
                continue
        kind = kind or split[0]
        reader_table = line.table_id
        current.append(Row(line.number, split[1]))
        pending_blank = 0
    close()
    return tables


def _looks_tabular(rows: list[Row]) -> bool:
    """Space-separated rows are a table only if most carry a number: prose rarely does in every line."""
    with_numbers = sum(1 for r in rows if r.numbers)
    return with_numbers >= max(2, len(rows) // 2)


def table_lines(tables: list[Table]) -> set[int]:
    lines = set()
    for t in tables:
        lines.update(range(t.start_line, t.end_line + 1))
    return lines
