"""The unified format (国办公开办函〔2019〕60号, 〔2021〕30号): six sections and three tables, read from text.

Reports paste the three tables in many shapes: tab-separated (Word), pipe tables (Markdown), rows
flattened from a web page where a merged cell ("三、本年度办理结果", "（三）不予公开") appears only
in its first row and a header is split over two lines ("本年新 | 本年新" over "制作数量 | 公开数量").
So rows and columns are mapped to the format's schema by *label*, never by position alone:

- a column is known by its header words, and the data cells are assigned in the format's fixed
  column order (the order is fixed by the format; a header split over lines gives the words in a
  different order, so the order of the words is not trusted);
- a row is known by its label, the group it belongs to (（三）不予公开 …) carried over from the rows
  above when a web page did not repeat the merged cell;
- a blank cell is 0, except in the 总计 column, which many offices fill on rows 一、二、（七）、四
  only: a blank 总计 is "not given", and the sums that need it are skipped.

`unified_of(facts)` computes everything once per document.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..record import record
from ..cjk import squash
from .headings import parse_heading
from .tables import label_key
from ..lazy import lazy

# patterns used per cell and per line, compiled once
_RE0 = re.compile(r"\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?")
_RE2 = re.compile(r" {2,}")
_RE3 = re.compile(r"^予以公开|^部分公开")
_RE4 = re.compile(r"办理结果")
_RE5 = re.compile(r"[\u4e00-\u9fff]")
_RE6 = re.compile(r"[。；]")
_RE7 = re.compile(r"自然人|商业企业|科研机构|社会公益|法律服务|申请人情况|法人或其他组织|勾稽关系|总计")
_RE8 = re.compile(r"。")
_RE9 = re.compile(r"\|?[-:| ]+\|?")
_RE10 = re.compile(r"[\d\s.,+\-—/]*|若干|无|不详|约?\d+余?")
_RE11 = re.compile(r"行政复议|行政诉讼|复议后起诉|未经复议")
_RE12 = re.compile(r"信息内容|本年新|^项目$")
_RE13 = re.compile(r"收到和处理政府信息公开申请")
_RE14 = re.compile(r"主动公开|收到和处理")

# ---------------------------------------------------------------------------------------------- cells


_BLANKS = frozenset({"—", "——", "-", "--", "/", "／", "－", "–", "———"})
_PLAIN_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")


@record
class UCell:
    line: int
    start: int          # 0-based offsets in the line
    end: int
    text: str           # stripped

    # cached: the arithmetic checks read every cell many times (R1–R4 per row and per column)
    @lazy
    def blank(self) -> bool:
        return not self.text or self.text in _BLANKS

    @lazy
    def value(self) -> float | None:
        """The number in the cell; None when blank or not a plain number."""
        if self.blank:
            return None
        t = self.text.replace(" ", "").replace(",", "")
        if t.isascii() and t.isdigit():  # most cells: a plain count
            return float(t)
        if _PLAIN_NUMBER.fullmatch(t):
            return float(t)
        return None

    @property
    def numeric(self) -> bool:
        return self.value is not None

    @property
    def problem(self) -> str | None:
        """Why the cell is not a usable count: None when it is blank or a plain number."""
        if self.blank or self.value is not None:
            return None
        return "不是数字"


def split_cells(number: int, text: str) -> list[UCell]:
    """Cells of one line: pipe table, tabs, or runs of 2+ spaces; a line without separators is one cell."""
    stripped = text.rstrip()
    body = stripped.strip()
    offset = len(stripped) - len(stripped.lstrip())
    out: list[UCell] = []
    if body.startswith("|") and body.count("|") >= 2:
        if _RE0.fullmatch( body):
            return []
        pos = offset + 1
        inner = body[1:-1] if body.endswith("|") else body[1:]
        for part in inner.split("|"):
            lead = len(part) - len(part.lstrip())
            out.append(UCell(number, pos + lead, pos + lead + len(part.strip()), part.strip()))
            pos += len(part) + 1
        return out
    if "\t" in body:
        pos = 0
        for part in stripped.split("\t"):  # each part starts where the last one ended, plus the tab
            cell = part.strip()
            lead = len(part) - len(part.lstrip())
            out.append(UCell(number, pos + lead, pos + lead + len(cell), cell))
            pos += len(part) + 1
        # leading empty cell produced by indentation is a real (merged) empty cell for tabs only
        return out
    if "  " not in body:
        return [UCell(number, offset, offset + len(body), body)] if body else []
    pos = 0
    for part in _RE2.split(stripped):
        idx = stripped.index(part, pos) if part else pos
        cell = part.strip()
        lead = len(part) - len(part.lstrip())
        out.append(UCell(number, idx + lead, idx + lead + len(cell), cell))
        pos = idx + len(part)
    return out


# ---------------------------------------------------------------------------------------------- table 三

APP_COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
_APP_COLUMN_WORDS = [("自然人", "自然人"), ("商业企业", "商业企业"), ("科研机构", "科研机构"),
                     ("社会公益", "社会公益组织"), ("法律服务", "法律服务机构"), ("其他", "其他"), ("总计", "总计"),
                     ("合计", "总计")]
_APP_HEADER_NOISE = re.compile(r"申请人情况|法人或其他组织|勾稽关系|^组织$|^机构$|^企业$|^情况$|^数量$|^申请人$|"
                               r"^(?:统计)?(?:项目|指标|内容|类别|事项)$")

APP_GROUPS = [("deny", re.compile(r"不予公开")), ("unable", re.compile(r"无法提供")),
              ("reject", re.compile(r"不予处理")), ("other", re.compile(r"其他处理"))]
APP_GROUP_NAMES = {"deny": "（三）不予公开", "unable": "（四）无法提供", "reject": "（五）不予处理", "other": "（六）其他处理"}

# (row id, group, pattern on the label key, name as the format writes it)
APP_ROWS = [
    ("new", None, r"本年新收", "一、本年新收政府信息公开申请数量"),
    ("carried", None, r"上年结转", "二、上年结转政府信息公开申请数量"),
    ("open", None, r"^予以公开", "（一）予以公开"),
    ("partial", None, r"^部分公开", "（二）部分公开"),
    ("deny.1", "deny", r"国家秘密", "1.属于国家秘密"),
    ("deny.2", "deny", r"法律行政法规禁止|其他法律", "2.其他法律行政法规禁止公开"),
    ("deny.3", "deny", r"三安全一稳定|危及", "3.危及“三安全一稳定”"),
    ("deny.4", "deny", r"第三方", "4.保护第三方合法权益"),
    ("deny.5", "deny", r"内部事务", "5.属于三类内部事务信息"),
    ("deny.6", "deny", r"过程性", "6.属于四类过程性信息"),
    ("deny.7", "deny", r"执法案卷", "7.属于行政执法案卷"),
    ("deny.8", "deny", r"查询事项|行政查询", "8.属于行政查询事项"),
    ("unable.1", "unable", r"不掌握", "1.本机关不掌握相关政府信息"),
    ("unable.2", "unable", r"没有现成|另行制作", "2.没有现成信息需要另行制作"),
    ("unable.3", "unable", r"补正后|仍不明确", "3.补正后申请内容仍不明确"),
    ("reject.1", "reject", r"信访|举报|投诉", "1.信访举报投诉类申请"),
    ("reject.2", "reject", r"重复申请", "2.重复申请"),
    ("reject.3", "reject", r"出版物", "3.要求提供公开出版物"),
    ("reject.4", "reject", r"大量反复", "4.无正当理由大量反复申请"),
    ("reject.5", "reject", r"重新出具|确认", "5.要求行政机关确认或重新出具已获取信息"),
    ("other.1", "other", r"不补正", "1.申请人无正当理由逾期不补正"),
    ("other.2", "other", r"收费通知|缴纳费用", "2.申请人逾期未按收费通知要求缴纳费用"),
    ("other.3", "other", r"^其他$", "3.其他"),
    ("total", None, r"^总计$|^合计$", "（七）总计"),
    ("carry_next", None, r"结转下年度", "四、结转下年度继续办理"),
]
APP_ROW_NAMES = {rid: name for rid, _, _, name in APP_ROWS}
APP_ROW_NAMES.update(APP_GROUP_NAMES)
APP_ROW_NAMES["result"] = "三、本年度办理结果"
_APP_ROW_RE = [(rid, grp, re.compile(p)) for rid, grp, p, _ in APP_ROWS]

ROWS_2019 = [r for r, *_ in APP_ROWS if not r.startswith("other.")]
ROWS_2021 = [r for r, *_ in APP_ROWS]


@dataclass
class URow:
    id: str | None            # canonical row id, None for an unknown row
    label: str                # the label as written (joined label cells)
    line: int
    values: dict[str, UCell] = field(default_factory=dict)   # column → cell
    extra: list[UCell] = field(default_factory=list)          # value cells beyond the known columns

    def get(self, column: str, blank_zero: bool = True) -> float | None:
        cell = self.values.get(column)
        if cell is None or cell.blank:
            return 0.0 if blank_zero else None
        return cell.value


@dataclass
class ApplicationsTable:
    header_lines: list[int]
    first_line: int
    last_line: int
    columns: list[str]                     # known columns present, in the format's order
    unknown_columns: list[UCell]
    rows: dict[str, URow]
    unknown_rows: list[URow]
    duplicate_rows: list[URow]
    layout: str                            # "2021" (（六） has sub-rows), "2019" (（六） one row) or "?"
    aligned: bool = True                   # False: a space-aligned row lost blank cells; sums not checkable

    def value(self, row: str, column: str) -> float | None:
        """A cell as a number: blank is 0, except a blank 总计 which is None (not given)."""
        r = self.rows.get(row)
        if r is None:
            return None
        return r.get(column, blank_zero=(column != "总计"))


@lru_cache(maxsize=4096)
def _row_label_match(key: str, group: str | None) -> tuple[str, str] | None:
    """("group", id) or ("row", id) for one label cell, or None when the cell names nothing known.
    Cached: thirty patterns per cell, and the format makes every office write the same labels."""
    for gid, pat in APP_GROUPS:
        if pat.search(key) and not _RE3.search( key):
            return "group", gid
    for rid, grp, pat in _APP_ROW_RE:
        if grp is None and pat.search(key):
            return "row", rid
    if group:
        for rid, grp, pat in _APP_ROW_RE:
            if grp == group and pat.search(key):
                return "row", rid
    if _RE4.search( key):
        return "group", "result"
    return None


def _is_label_cell(cell: UCell) -> bool:
    """Does the cell hold Chinese text? (A count never does; most cells are counts.)"""
    return not cell.text.isascii() and _RE5.search(cell.text) is not None and not cell.blank


def parse_applications(lines) -> ApplicationsTable | None:
    """Table 三, found by its first and last rows (本年新收 … 结转下年度继续办理)."""
    texts = [(ln.number, ln.folded) for ln in lines]
    start = end = None
    for i, (_, t) in enumerate(texts):
        if "收" not in t and "转" not in t:
            continue  # neither 本年新收 nor 结转下年度, however spaced
        s = lines[i].squashed  # kept on the Line: the three tables' parsers share it
        if start is None and "本年新收" in s and "申请" in s and not _RE6.search( t) and len(s) < 120:
            start = i
        elif start is not None and "结转下年度" in s and end is None:
            end = i
            break
    if start is None:
        return None
    if end is None or end - start > 80:
        # no 结转下年度 row: the table ends at its last line that names a row of the format
        end = None
        for i in range(start, min(len(texts), start + 40)):
            s = lines[i].squashed
            if not s:
                continue
            if "。" in texts[i][1]:
                break
            cells = split_cells(texts[i][0], texts[i][1])
            if any(_row_label_match(label_key(c.text), "deny") for c in cells if _is_label_cell(c)):
                end = i
        if end is None:
            return None
    header_lines = []
    header_cells: list[UCell] = []
    i = start - 1
    while i >= 0 and start - i <= 8:
        number, t = texts[i]
        s = lines[i].squashed
        if not s:
            i -= 1
            continue
        if _RE7.search( s) \
                and not _RE8.search( t):
            header_lines.insert(0, number)
            header_cells = split_cells(number, t) + header_cells
            i -= 1
            continue
        if _RE9.fullmatch( t.strip()):
            i -= 1
            continue
        break
    present: set[str] = set()
    unknown_cols: list[UCell] = []
    for cell in header_cells:
        if cell.blank:
            continue
        key = squash(cell.text)
        if _APP_HEADER_NOISE.search(key):
            # "法人或其他组织" is a group header; its "其他" is not the 其他 column
            continue
        found = [canon for word, canon in _APP_COLUMN_WORDS if word in key]
        if found:
            present.add(found[0])
        elif _RE5.search( key):
            unknown_cols.append(cell)
    columns = [c for c in APP_COLUMNS if c in present] if present else list(APP_COLUMNS)
    rows: dict[str, URow] = {}
    unknown_rows: list[URow] = []
    duplicates: list[URow] = []
    group = None
    ncols = len(columns) + len(unknown_cols)
    parsed = []
    for number, t in texts[start:end + 1]:
        cells = split_cells(number, t)
        if not cells:
            continue
        last_label = -1
        rid = None
        label_parts = []
        for j, cell in enumerate(cells):
            if not _is_label_cell(cell):
                continue
            match = _row_label_match(label_key(cell.text), group)
            if match is None:
                continue
            last_label = j
            label_parts.append(cell.text)
            what, ident = match
            if what == "group":
                if ident != "result":
                    group = ident
                rid = ident               # the group row itself (2019: （六）其他处理 carries numbers)
            else:
                rid = ident
                if ident in ("new", "carried", "open", "partial", "total", "carry_next"):
                    group = None
        parsed.append((number, cells, last_label, rid, label_parts))
    # How many cells the labels take in a full row. A Word or Markdown table keeps every cell, so
    # the blank label cells of "\t（二）部分公开\t\t0…" are placeholders; a web page's flattened
    # rows drop merged cells instead, so their leading blank cells are values (0).
    widths = Counter(len(cells) - ncols for _, cells, last, rid, _ in parsed
                     if rid and len(cells) - ncols >= last + 1 and not cells[-1].blank)
    label_width = widths.most_common(1)[0][0] if widths else None
    aligned = not unknown_cols  # a column of the office's own: where it sits among the values is unknown
    by_number = dict(texts)
    for number, cells, last_label, rid, label_parts in parsed:
        values = cells[last_label + 1:]
        if last_label < 0:
            label_cells = [c for c in cells if _is_label_cell(c) and c.value is None and not _looks_value(c.text)]
            if not label_cells:
                continue
            # a row we cannot name: keep it if it carries numbers
            idx = cells.index(label_cells[-1])
            values = cells[idx + 1:]
            if not any(c.numeric for c in values):
                continue
            unknown_rows.append(URow(None, " ".join(c.text for c in label_cells), number))
            continue
        if label_width is not None and last_label + 1 < label_width and \
                all(c.blank for c in cells[last_label + 1:label_width]):
            values = cells[label_width:]
        while len(values) > ncols and values[0].blank:
            values = values[1:]
        if 0 < sum(1 for c in values if not c.blank) < len(columns) and _space_aligned(by_number[number]):
            aligned = False  # runs of spaces swallow blank cells: which column is which is unknown
        row = URow(rid, " ".join(label_parts), number)
        for col, cell in zip(columns, values[:len(columns)]):
            row.values[col] = cell
        row.extra = values[ncols:]
        if rid in rows:
            if any(not c.blank for c in values):
                duplicates.append(row)
            continue
        if rid in ("deny", "unable", "reject", "result") and not any(not c.blank for c in values):
            continue
        rows[rid] = row
    layout = "?"
    if any(r in rows for r in ("other.1", "other.2", "other.3")):
        layout = "2021"
    elif "other" in rows:
        layout = "2019"
    return ApplicationsTable(header_lines, texts[start][0] if not header_lines else header_lines[0],
                             texts[end][0], columns, unknown_cols, rows, unknown_rows, duplicates, layout, aligned)


def _space_aligned(text: str) -> bool:
    """Is this a row whose cells are separated by runs of spaces (no tab, no pipe)?"""
    return "\t" not in text and "|" not in text


def _looks_value(text: str) -> bool:
    return bool(_RE10.fullmatch( text))


# ---------------------------------------------------------------------------------------------- table 四

REVIEW_GROUPS = ["行政复议", "未经复议直接起诉", "复议后起诉"]
REVIEW_COLUMNS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


@dataclass
class ReviewTable:
    header_lines: list[int]
    line: int                                     # the data row
    cells: dict[tuple[str, str], UCell]
    count: int                                    # value cells found in the data row
    missing_headers: list[str]

    def value(self, group: str, column: str) -> float | None:
        cell = self.cells.get((group, column))
        if cell is None or cell.blank:
            return None if column == "总计" else 0.0
        return cell.value


def parse_review(lines) -> ReviewTable | None:
    texts = [(ln.number, ln.folded) for ln in lines]
    head = None
    for i, (_, t) in enumerate(texts):
        s = lines[i].squashed
        if "结果维持" in s and "尚未审结" in s and "。" not in t:
            head = i
            break
    if head is None:
        return None
    header_lines = [texts[head][0]]
    joined = lines[head].squashed
    j = head - 1
    while j >= 0 and head - j <= 4:
        s = lines[j].squashed
        if _RE11.search( s) and "。" not in texts[j][1]:
            header_lines.insert(0, texts[j][0])
            joined = s + joined
            j -= 1
            continue
        if not s or _RE9.fullmatch( texts[j][1].strip()):
            j -= 1
            continue
        break
    data = None
    for number, t in texts[head + 1:head + 6]:
        cells = split_cells(number, t)
        if not cells:
            continue
        if sum(1 for c in cells if c.numeric) >= 3:
            data = (number, cells)
            break
        if "。" in t:
            break
    missing = [g for g, w in (("行政复议", "行政复议"), ("行政诉讼", "行政诉讼")) if w not in joined]
    if data is None:
        return ReviewTable(header_lines, header_lines[-1], {}, 0, missing)
    number, cells = data
    values = [c for c in cells if not (_is_label_cell(c) and not _looks_value(c.text) and len(c.text) > 1)]
    while len(values) > 15 and values[0].blank:
        values = values[1:]
    out = {}
    k = 0
    for g in REVIEW_GROUPS:
        for col in REVIEW_COLUMNS:
            if k < len(values):
                out[(g, col)] = values[k]
            k += 1
    return ReviewTable(header_lines, number, out, len(values), missing)


# ---------------------------------------------------------------------------------------------- table 二

# canonical columns, each with the words that name it and the layout it belongs to
PRO_COLUMNS = [
    ("本年制发件数", r"制发", "2021"),
    ("本年废止件数", r"废止", "2021"),
    ("现行有效件数", r"现行有效", "2021"),
    ("本年处理决定数量", r"本年处理决定", "2021"),
    ("本年收费金额", r"收费金额", "2021"),
    ("本年新制作数量", r"制作数量|新制作", "2019"),
    ("本年新公开数量", r"^(?:本年新)?公开数量|新公开", "2019"),
    ("对外公开总数量", r"公开总数量|对外公开总", "2019"),
    ("上一年项目数量", r"上一年", "2019"),
    ("本年增/减", r"增/减|增减|增／减", "2019"),
    ("处理决定数量", r"^处理决定", "2019"),
    ("采购项目数量", r"采购项目", "2019"),
    ("采购总金额", r"采购总金额|总金额", "2019"),
]
PRO_ROWS = [
    ("规章", r"^规章$"),
    ("规范性文件", r"规范性文件"),
    ("行政许可", r"^行政许可$"),
    ("其他对外管理服务事项", r"对外管理服务"),
    ("行政处罚", r"^行政处罚$"),
    ("行政强制", r"^行政强制$"),
    ("行政事业性收费", r"行政事业性收费"),
    ("政府集中采购", r"集中采购"),
]
PRO_BLOCK_COLUMNS = {
    "2021": {"规章": ["本年制发件数", "本年废止件数", "现行有效件数"],
             "规范性文件": ["本年制发件数", "本年废止件数", "现行有效件数"],
             "行政许可": ["本年处理决定数量"], "行政处罚": ["本年处理决定数量"], "行政强制": ["本年处理决定数量"],
             "行政事业性收费": ["本年收费金额"]},
    "2019": {"规章": ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
             "规范性文件": ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
             "行政许可": ["上一年项目数量", "本年增/减", "处理决定数量"],
             "其他对外管理服务事项": ["上一年项目数量", "本年增/减", "处理决定数量"],
             "行政处罚": ["上一年项目数量", "本年增/减", "处理决定数量"],
             "行政强制": ["上一年项目数量", "本年增/减", "处理决定数量"],
             "行政事业性收费": ["上一年项目数量", "本年增/减"],
             "政府集中采购": ["采购项目数量", "采购总金额"]},
}
PRO_ORDER = [c for c, _, _ in PRO_COLUMNS]
AMOUNT_COLUMNS = {"本年收费金额", "采购总金额"}
SIGNED_COLUMNS = {"本年增/减"}


@dataclass
class ProactiveTable:
    first_line: int
    last_line: int
    layout: str                                  # "2021", "2019", "mixed" or "?"
    rows: dict[str, URow]
    column_cells: dict[str, UCell]               # where each column's header word stands (first seen)
    unknown_rows: list[URow]

    def value(self, row: str, column: str) -> float | None:
        r = self.rows.get(row)
        return None if r is None else r.get(column)


@lru_cache(maxsize=1024)
def _pro_column(text: str) -> str | None:
    key = squash(text)
    for canon, pat, _ in PRO_COLUMNS:
        if re.search(pat, key):
            return canon
    return None


@lru_cache(maxsize=1024)
def _pro_row(text: str) -> str | None:
    key = label_key(text)
    for canon, pat in PRO_ROWS:
        if re.search(pat, key):
            return canon
    return None


_OTHER_TABLES = re.compile(r"本年新收|申请人情况|勾稽关系|结果维持|尚未审结|自然人")


def parse_proactive(lines) -> ProactiveTable | None:
    texts = [(ln.number, ln.folded) for ln in lines]
    start = None
    for i, (_, t) in enumerate(texts):
        s = lines[i].squashed
        if ("第二十条" in s and "项" in s and len(s) < 40 and "。" not in t) or \
                ("信息内容" in s and _pro_column(t) and "。" not in t and len(s) < 120):
            start = i
            break
    if start is None:
        return None
    rows: dict[str, URow] = {}
    unknown: list[URow] = []
    col_cells: dict[str, UCell] = {}
    current: list[str] = []
    pending_header = False
    layouts = set()
    last = start
    blank_run = 0
    for k, (number, t) in enumerate(texts[start:start + 60], start):
        s = lines[k].squashed
        if not s:
            blank_run += 1
            if blank_run > 2:
                break
            continue
        blank_run = 0
        if "。" in t and len(s) > 30:
            break
        if _OTHER_TABLES.search(s):
            break  # table 三 or 四 follows directly: table 二 has ended
        parsed = parse_heading(t)
        if parsed and parsed[0] == 1:
            break
        cells = split_cells(number, t)
        if not cells:
            continue
        if "第二十条" in s and len(s) < 40:
            last = number
            pending_header = False
            continue
        header_cols = [(c, _pro_column(c.text)) for c in cells if not c.blank]
        named = [(c, col) for c, col in header_cols if col]
        row_name = _pro_row(cells[0].text) if cells else None
        if row_name is None:
            for c in cells:
                if _is_label_cell(c):
                    row_name = _pro_row(c.text)
                    break
        if named and row_name is None:
            cols = {col for _, col in named}
            if pending_header:
                cols |= set(current)
            current = [c for c in PRO_ORDER if c in cols]
            for c, col in named:
                col_cells.setdefault(col, c)
                layouts.add(next(lay for canon, _, lay in PRO_COLUMNS if canon == col))
            pending_header = True
            last = number
            continue
        if _RE12.search( s) and row_name is None:
            pending_header = True
            last = number
            continue
        pending_header = False
        if row_name is None:
            label_cells = [c for c in cells if _is_label_cell(c) and not _looks_value(c.text)]
            if label_cells and any(c.numeric for c in cells):
                unknown.append(URow(None, label_cells[0].text, number))
                last = number
                continue
            break
        idx = next(i for i, c in enumerate(cells) if _is_label_cell(c) and _pro_row(c.text) == row_name)
        values = cells[idx + 1:]
        lay = "2021" if "2021" in layouts and "2019" not in layouts else ("2019" if "2019" in layouts else None)
        block_cols = PRO_BLOCK_COLUMNS.get(lay or "2021", {}).get(row_name, [])
        cols = [c for c in current if c in block_cols] or block_cols
        row = URow(row_name, cells[idx].text, number)
        for col, cell in zip(cols, values):
            row.values[col] = cell
        row.extra = values[len(cols):]
        rows.setdefault(row_name, row)
        last = number
    if not rows and not col_cells:
        return None
    layout = "mixed" if len(layouts) > 1 else (layouts.pop() if layouts else "?")
    if layout == "?" and "规章" in rows:
        layout = "?"
    return ProactiveTable(texts[start][0], last, layout, rows, col_cells, unknown)


# ---------------------------------------------------------------------------------------------- sections

SECTION_IDS = ["overview", "proactive", "applications", "review", "problems", "other"]
SECTION_NAMES = {
    "overview": "一、总体情况",
    "proactive": "二、主动公开政府信息情况",
    "applications": "三、收到和处理政府信息公开申请情况",
    "review": "四、政府信息公开行政复议、行政诉讼情况",
    "problems": "五、存在的主要问题及改进情况",
    "other": "六、其他需要报告的事项",
}
SECTION_PATTERNS = [
    ("overview", re.compile(r"^总体情况|^概述|^基本情况|^总体")),
    ("proactive", re.compile(r"主动公开")),
    ("applications", re.compile(r"收到和处理|依申请|处理政府信息公开申请|申请情况")),
    ("review", re.compile(r"行政复议|行政诉讼")),
    ("problems", re.compile(r"问题|改进|不足")),
    ("other", re.compile(r"其他需要报告|其他事项|需要报告的")),
]


@record
class USection:
    id: str
    line: int            # heading line
    last_line: int
    number: int          # the heading's number (一 = 1)
    title: str


class Unified:
    """The sections and the three tables; each table is parsed on first use, and only when its
    anchor words occur in the document at all (most 2008-regime reports have none)."""

    def __init__(self, facts):
        self._facts = facts
        self._lines = facts.doc.lines
        self.squashed = squash("".join(ln.folded for ln in self._lines))

    @lazy
    def sections(self) -> list[USection]:
        return find_sections(self._facts)

    @lazy
    def applications(self) -> ApplicationsTable | None:
        if "本年新收" not in self.squashed:
            return None
        return parse_applications(self._lines)

    @lazy
    def review(self) -> ReviewTable | None:
        if "结果维持" not in self.squashed:
            return None
        return parse_review(self._lines)

    @lazy
    def proactive(self) -> ProactiveTable | None:
        if "第二十条" not in self.squashed and "信息内容" not in self.squashed:
            return None
        return parse_proactive(self._lines)

    def section(self, sid: str) -> USection | None:
        return next((s for s in self.sections if s.id == sid), None)

    @lazy
    def table_line_set(self) -> set[int]:
        out = set()
        if self.applications:
            out.update(range(self.applications.first_line, self.applications.last_line + 1))
        if self.review:
            out.update(range(self.review.header_lines[0], self.review.line + 1))
        if self.proactive:
            out.update(range(self.proactive.first_line, self.proactive.last_line + 1))
        return out

    @property
    def looks_unified(self) -> bool:
        """Is the document written in the unified format (whatever its year)?"""
        if "收到和处理政府信息公开申请" not in self.squashed and "结转下年度" not in self.squashed:
            return False
        if self.applications is not None and self.applications.rows.get("carry_next") is not None:
            return True
        return any(_RE13.search( s.title) for s in self.sections)


def find_sections(facts) -> list[USection]:
    out = []
    level1 = [s for s in facts.sections if s.heading.level == 1]
    for sec in level1:
        title = squash(sec.heading.title)
        for sid, pat in SECTION_PATTERNS:
            if pat.search(title):
                if sid == "review" and _RE14.search( title):
                    continue
                out.append(USection(sid, sec.first_line, sec.last_line, sec.heading.number, sec.heading.title))
                break
    return out


def unified_of(facts) -> Unified:
    """The unified-format view of a document, computed once and kept on the Facts object."""
    cached = facts.__dict__.get("_unified")
    if cached is not None:
        return cached
    result = Unified(facts)
    facts.__dict__["_unified"] = result
    return result


def app_total(table: ApplicationsTable, row: str) -> float | None:
    """A row's 总计, or the sum of its columns when 总计 is not given."""
    r = table.rows.get(row)
    if r is None:
        return None
    total = table.value(row, "总计")
    if total is not None:
        return total
    parts = [table.value(row, c) for c in table.columns if c != "总计"]
    if any(p is None for p in parts):
        return None
    return sum(parts)
