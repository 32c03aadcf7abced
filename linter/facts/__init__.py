"""Facts derived from a Document, each computed once, on first use.

Checks ask `facts.headings`, `facts.tables`, `facts.report_year` …; nothing is computed that no
rule asks for, which keeps on-save checks fast.
"""
from __future__ import annotations

from bisect import bisect_right
from functools import cached_property
from itertools import accumulate

from ..record import record
from ..cjk import fold
from ..document import Document, Line
from .contacts import Contact, MalformedContact, find_contacts
from .dates import DateMention
from .headings import Heading, find_headings
from .meta import PERIOD_WORDS, PUBLISHED_WORDS, Period, Signoff, Title, find_period, find_publication_date, \
    find_signoff, find_title, guess_year_from_body
from .tables import Table, find_tables, table_lines


@record
class Section:
    heading: Heading
    first_line: int   # the heading's line
    last_line: int    # the line before the next heading of the same or a higher level


def _prime_folded(doc: Document) -> None:
    """Fold the whole text in one call and hand each line its part: one C-level pass instead of
    one per line (every extractor reads Line.folded)."""
    lines = doc.lines
    if not lines or "folded" in lines[0].__dict__:
        return
    parts = fold("\n".join(line.text for line in lines)).split("\n")
    if len(parts) == len(lines):  # a reader's line never holds a line end, but be sure
        for line, part in zip(lines, parts):
            attrs = line.__dict__
            attrs["folded"] = part
            attrs["blank"] = not part or part.isspace()  # as Line.blank, without a descriptor call per line


class Facts:
    def __init__(self, doc: Document):
        self.doc = doc
        _prime_folded(doc)

    @cached_property
    def folded_text(self) -> str:
        """The whole document folded, lines joined by "\\n": one regex pass instead of one per line."""
        return "\n".join(line.folded for line in self.doc.lines)

    @cached_property
    def masked_text(self) -> str:
        """`folded_text` with 《…》 blanked: cited titles are not the report's own words."""
        from ..checks._util import mask_book_titles
        return mask_book_titles(self.folded_text)

    @cached_property
    def prose_numbers_set(self) -> set[int]:
        return {ln.number for ln in self.prose_lines}

    def search_prose(self, pattern, masked: bool = True):
        """First match of `pattern` on a prose line (not a table), as (line, col0, match), or None."""
        text = self.masked_text if masked else self.folded_text
        prose = self.prose_numbers_set
        for m in pattern.finditer(text):
            if "\n" in m.group(0):
                continue
            number, col = self.position(m.start())
            if number in prose:
                return number, col, m
        return None

    def lines_with(self, pattern, first: int = 1, last: int | None = None) -> list[Line]:
        """The lines (numbers `first`..`last`) on which `pattern` matches, as a search of each
        line's folded text would find them, in order. One search per matching line over the whole
        text, jumping to the next line after a hit: a search per line costs a Python call for
        every line, and most lines do not match. `^` and `$` must be MULTILINE, if used."""
        text, starts, lines = self.folded_text, self._line_starts, self.doc.lines
        stop = len(lines) if last is None else min(last, len(lines))
        end = starts[stop] - 1 if stop < len(lines) else len(text)
        out = []
        pos = starts[first - 1] if 0 < first <= len(lines) else len(text) + 1
        while pos <= end:
            m = pattern.search(text, pos, end)
            if m is None:
                break
            index = bisect_right(starts, m.start()) - 1
            line = lines[index]
            if "\n" not in m.group(0) or pattern.search(line.folded) is not None:
                out.append(line)
            pos = starts[index + 1] if index + 1 < len(starts) else end + 1
        return out

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = list(accumulate((len(line.folded) + 1 for line in self.doc.lines), initial=0))
        starts.pop()  # the offset past the last line
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        """(line number, 0-based column) of an offset in `folded_text`."""
        index = bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index]

    @cached_property
    def tables(self) -> list[Table]:
        return find_tables(self.doc)

    @cached_property
    def table_lines(self) -> set[int]:
        return table_lines(self.tables)

    @cached_property
    def headings(self) -> list[Heading]:
        return find_headings(self.doc, self.table_lines)

    @cached_property
    def heading_titles(self) -> str:
        """Every heading's title, one per line: one search answers "does any heading say X"."""
        return "\n".join(h.title for h in self.headings)

    @cached_property
    def sections(self) -> list[Section]:
        out = []
        heads = self.headings
        last = len(self.doc.lines)
        for i, h in enumerate(heads):
            end = last
            for nxt in heads[i + 1:]:
                if nxt.level <= h.level:
                    end = nxt.line - 1
                    break
            out.append(Section(h, h.line, end))
        return out

    @cached_property
    def title(self) -> Title | None:
        return find_title(self.doc, self.table_lines)

    @cached_property
    def period(self) -> Period | None:
        return find_period(self.lines_with(PERIOD_WORDS), self.title.year if self.title else None)

    @cached_property
    def report_year(self) -> int | None:
        if self.title and self.title.year:
            return self.title.year
        if self.period and self.period.start and self.period.start.year:
            return self.period.start.year
        return guess_year_from_body(self.doc)

    @cached_property
    def signoff(self) -> Signoff:
        return find_signoff(self.doc, self.table_lines)

    @cached_property
    def issuing_body(self) -> str | None:
        if self.title and self.title.body:
            return self.title.body
        return self.signoff.body

    @cached_property
    def publication(self) -> tuple[int | None, DateMention] | None:
        found = find_publication_date(self.lines_with(PUBLISHED_WORDS, last=40))
        if found:
            return found
        if self.doc.publication_date:
            y, m, d = (int(x) for x in self.doc.publication_date.split("-"))
            return None, DateMention(y, m, d, 0, 0, self.doc.publication_date)
        return None

    @cached_property
    def _contacts(self) -> tuple[list[Contact], list[MalformedContact]]:
        return find_contacts(self.folded_text, self._line_starts)

    @property
    def contacts(self) -> list[Contact]:
        return self._contacts[0]

    @property
    def malformed_contacts(self) -> list[MalformedContact]:
        return self._contacts[1]

    @cached_property
    def prose_lines(self) -> list[Line]:
        """Lines that are neither blank nor part of a table."""
        skip = self.table_lines
        return [ln for ln in self.doc.lines if not ln.blank and ln.number not in skip]

    def section_of(self, line: int, level: int = 1) -> Section | None:
        found = None
        for s in self.sections:
            if s.heading.level == level and s.first_line <= line <= s.last_line:
                found = s
        return found
