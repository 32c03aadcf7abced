"""This year's report against last year's, for the same body.

The pairing and the reading happen here, at the engine's level: `install` (called by the CLI) reads
the files of a run and pairs each report with the same body's report for the year before (given
with `--previous`, or found among the files checked together); `attach` (called by the engine for
each document) hangs it on `Document.previous`. The comparisons are
pure functions of two Facts, called by the `cross-year` check kind:

- 二、上年结转 this year = 四、结转下年度继续办理 last year, column by column (R of DOMAIN.md §2);
- 2021 table 二: 现行有效件数 = last year's 现行有效件数 + 本年制发件数 − 本年废止件数;
- 内容雷同: the share of this year's prose that repeats last year's near-verbatim (years and numbers
  aside), and where it sits — evaluators have found reports 90% identical to the year before.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass

from .cjk import squash
from .document import Document
from .facts import Facts

# patterns used per cell and per line, compiled once
_RE0 = re.compile(r"\d+(?:\.\d+)?")
_RE1 = re.compile(r"[〇○零一二三四五六七八九]{4}年")
_RE2 = re.compile(r"[，。；：、“”‘’（）《》！？,.;:()\"'\-—…]")
_RE3 = re.compile(r"(办公室|办公厅)$")


def unified_of(facts):
    from .facts.unified import unified_of as compute  # imported on first comparison, not at start-up
    return compute(facts)


def facts_of(doc: Document) -> Facts:
    cached = doc.__dict__.get("_facts")
    if cached is None:
        cached = Facts(doc)
        doc.__dict__["_facts"] = cached
    return cached


def consecutive(prev: Facts, this: Facts) -> bool:
    """Last year's report, when both years are known; an unknown year is given the benefit of the doubt."""
    a, b = prev.report_year, this.report_year
    return a is None or b is None or b - a == 1


# ---------------------------------------------------------------------------------------------- carried over

@dataclass(frozen=True)
class Mismatch:
    line: int
    start: int
    end: int
    what: str          # column or row
    this: str
    last: str


def _num(x) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def carried_mismatches(prev: Facts, this: Facts) -> list[Mismatch]:
    """二、上年结转 (this year) against 四、结转下年度继续办理 (last year), per column present in both."""
    a, b = unified_of(prev).applications, unified_of(this).applications
    if a is None or b is None or "carry_next" not in a.rows or "carried" not in b.rows:
        return []
    row = b.rows["carried"]
    out = []
    for col in b.columns:
        if col not in a.columns:
            continue
        last, now = a.value("carry_next", col), b.value("carried", col)
        if last is None or now is None or last == now:
            continue
        cell = row.values.get(col)
        start, end = (cell.start, cell.end) if cell is not None else (0, 1)
        out.append(Mismatch(row.line, start, max(end, start + 1), col, _num(now), _num(last)))
    return out


def valid_count_mismatches(prev: Facts, this: Facts) -> list[Mismatch]:
    """2021 table 二: 现行有效件数 ≈ last year's + 本年制发 − 本年废止 (both reports in the 2021 layout)."""
    a, b = unified_of(prev).proactive, unified_of(this).proactive
    if a is None or b is None or a.layout != "2021" or b.layout != "2021":
        return []
    out = []
    for rid in ("规章", "规范性文件"):
        if rid not in a.rows or rid not in b.rows:
            continue
        last = a.value(rid, "现行有效件数")
        issued, repealed, valid = (b.value(rid, c) for c in ("本年制发件数", "本年废止件数", "现行有效件数"))
        if None in (last, issued, repealed, valid):
            continue
        expected = last + issued - repealed
        if valid != expected:
            cell = b.rows[rid].values.get("现行有效件数")
            out.append(Mismatch(cell.line, cell.start, cell.end, rid, _num(valid),
                                f"{_num(last)}+{_num(issued)}−{_num(repealed)}={_num(expected)}"))
    return out


# ---------------------------------------------------------------------------------------------- 内容雷同

SHINGLE = 6


def _normal(text: str) -> str:
    s = squash(text)
    s = _RE0.sub( "#", s)
    s = _RE1.sub( "#年", s)
    return _RE2.sub( "", s)


def _shingles(text: str) -> set[str]:
    return {text[i:i + SHINGLE] for i in range(max(0, len(text) - SHINGLE + 1))}


_BOILERPLATE = re.compile(r"统计期限|统计时限|统计时间|如对本报告有(?:任何)?疑问|联系电话|电子邮箱")


def _prose(facts: Facts):
    """Paragraphs of running text: no tables, no title, no sign-off; a heading only for the text
    that runs on after its first 。 ("（一）主动公开。全年…")."""
    skip = unified_of(facts).table_line_set | facts.table_lines
    if facts.title:
        skip.add(facts.title.line)
    skip.update(n for n in (facts.signoff.body_line, facts.signoff.date_line) if n)
    heads = {h.line for h in facts.headings}
    for ln in facts.doc.lines:
        if ln.blank or ln.number in skip:
            continue
        text = ln.folded
        if ln.number in heads:
            if "。" not in text:
                continue
            text = text.split("。", 1)[1]
        if _BOILERPLATE.search(text):
            continue  # legal basis, statistics period, contact: the same every year, and rightly so
        norm = _normal(text)
        if len(norm) >= 12:
            yield ln, norm


@dataclass(frozen=True)
class Repetition:
    share: float                    # repeated characters / prose characters
    first_line: int
    ranges: list[tuple[int, int]]   # runs of repeated lines
    where: str                      # "一、总体情况（第5—12行）…"


def repetition(prev: Facts, this: Facts, line_threshold: float = 0.8) -> Repetition | None:
    old = set()
    for _, norm in _prose(prev):
        old |= _shingles(norm)
    if not old:
        return None
    total = repeated = 0
    lines = []
    for ln, norm in _prose(this):
        sh = _shingles(norm)
        total += len(norm)
        if sh and len(sh & old) / len(sh) >= line_threshold:
            repeated += len(norm)
            lines.append(ln.number)
    if not total or not lines:
        return None
    ranges: list[list[int]] = []
    prose_numbers = [ln.number for ln, _ in _prose(this)]
    for n in lines:
        if ranges and prose_numbers.index(n) - prose_numbers.index(ranges[-1][1]) == 1:
            ranges[-1][1] = n
        else:
            ranges.append([n, n])
    from .facts.unified import SECTION_NAMES
    u = unified_of(this)
    by_section: dict[str, list[int]] = {}
    for n in lines:
        sec = next((s for s in u.sections if s.line <= n <= s.last_line), None)
        by_section.setdefault(SECTION_NAMES[sec.id] if sec else "前言", []).append(n)
    parts = [f"{name}（第{ns[0]}—{ns[-1]}行，{len(ns)}段）" if len(ns) > 1 else f"{name}（第{ns[0]}行）"
             for name, ns in by_section.items()]
    return Repetition(repeated / total, lines[0], [tuple(r) for r in ranges], "、".join(parts))


# ---------------------------------------------------------------------------------------------- pairing

def body_key(facts: Facts) -> str | None:
    body = facts.issuing_body
    if not body:
        return None
    return _RE3.sub( "", squash(body))


def pair(docs: list[Document]) -> None:
    """Hang on each document the same body's report for the year before, if it is among `docs`."""
    index: dict[tuple[str, int], Document] = {}
    for doc in docs:
        f = facts_of(doc)
        key = body_key(f)
        if key and f.report_year:
            index.setdefault((key, f.report_year), doc)
    for doc in docs:
        if doc.previous is not None:
            continue
        f = facts_of(doc)
        key = body_key(f)
        if key and f.report_year:
            doc.previous = index.get((key, f.report_year - 1))


def _key(path: str) -> str:
    return os.path.normcase(os.path.abspath(path))


class Pairing:
    """Last year's reports for one run, passed explicitly from lint_paths to each file's check.

    With `previous` (check --previous LAST_YEAR_FILE) every file is compared with that report.
    Otherwise, when several files are checked together, each is paired with the same body's report
    for the year before among them; the files read for pairing are handed to the engine so that
    none is read twice."""

    def __init__(self, files: list[str], previous: str | None = None):
        from .readers import ReadError, read_path
        self._read: dict[str, Document] = {}
        self._previous: Document | None = None
        self._previous_key: str | None = None
        if previous is not None:
            self._previous, self._previous_key = read_path(previous), _key(previous)  # ReadError: caller's
            return
        if len(files) < 2:
            return
        docs = []
        for path in files:
            try:
                docs.append(read_path(path))
            except (ReadError, OSError):
                continue  # the engine reports an unreadable file when it gets to it
        pair(docs)
        self._read = {_key(doc.path): doc for doc in docs}

    def take(self, path: str) -> Document | None:
        """The document already read for `path` (once), with its .previous set, or None."""
        return self._read.pop(_key(path), None)

    def attach(self, doc: Document) -> None:
        """Set the --previous report on a document read by the engine."""
        if self._previous is not None and doc.previous is None and _key(doc.path) != self._previous_key:
            doc.previous = self._previous
