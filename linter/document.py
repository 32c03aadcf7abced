"""The document model every reader produces and every check reads.

A `Document` is a list of `Line`s as the user sees them in the file (or, for Word/PDF/HTML, in
the plain-text rendering shown by `nianbao-lint dump`). Each line keeps its 1-based number and an
optional human locator ("第3页第14行", "表2第5行") so that a finding can always be found again.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .cjk import fold
from .lazy import lazy


@dataclass(eq=False)
class Line:  # not frozen: a frozen dataclass costs twice as much to build, and a report has hundreds
    number: int            # 1-based, as an editor shows it
    text: str              # the line without its line ending, as decoded
    locator: str | None = None   # human locator for Word/PDF ("第12段", "第3页第14行")
    table_id: int | None = None  # set by readers that know a line is a table row (docx/html/pdf)

    @lazy
    def folded(self) -> str:
        return fold(self.text)

    @lazy
    def squashed(self) -> str:
        """The folded text with all white space removed ("社会 稳定" → "社会稳定"), for label matching."""
        return "".join(self.folded.split())

    @property
    def stripped(self) -> str:
        return self.folded.strip()

    @property
    def indent(self) -> int:
        """Characters of leading white space (folded), so columns can be computed from stripped text."""
        return len(self.folded) - len(self.folded.lstrip())

    @lazy
    def blank(self) -> bool:
        return not self.folded.strip()


@dataclass
class Document:
    path: str
    lines: list[Line]
    source_format: str = "txt"          # txt, md, docx, pdf, html …
    encoding: str | None = None
    publication_date: str | None = None  # ISO date a reader found in page metadata ("发布时间")
    hidden_spans: list[tuple[int, int, int, str]] = field(default_factory=list)
    """(line, start_col, end_col, text) of content a web page hides from readers (dark links)."""
    visual_lines: dict[int, list[tuple[int, str]]] = field(default_factory=dict, repr=False)
    """For a Line joined from several printed lines (a PDF paragraph): [(start_col0, locator), …]."""
    previous: "Document | None" = field(default=None, repr=False, compare=False)
    """The same body's report for the year before, when the caller paired one (crossyear.py)."""

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def line(self, number: int) -> Line:
        return self.lines[number - 1]

    def locate(self, line: int, column: int | None = None) -> str | None:
        """A human locator for a position ("第3页第14行", "表2第5行第3列"), or None for plain text.

        Readers set `Line.locator`; a table row's locator gains the column of the cell the
        position falls in, counted by the tabs before it. A reader that joined printed lines into
        one Line (PDF paragraphs) may set `doc.visual_lines[line] = [(start_col0, locator), ...]`."""
        ln = self.lines[line - 1]
        if ln.locator is None:
            return None
        # a PDF paragraph joined from several printed lines: the printed line the column falls on
        visual = self.visual_lines
        if visual and line in visual and column is not None:
            found = ln.locator
            for start, locator in visual[line]:
                if start <= column - 1:
                    found = locator
            return found
        if ln.table_id is not None and column is not None:
            cell = ln.text[:max(0, column - 1)].count("\t") + 1
            return f"{ln.locator}第{cell}列"
        return ln.locator

    def __len__(self) -> int:
        return len(self.lines)
