"""Headings and their levels, as Chinese official documents number them.

Level 1: 一、   level 2: （一） or (一)   level 3: 1、 1. 1．   level 4: （1） or (1)
"一是…二是…" are paragraph markers, not headings. A heading may be indented (U+3000, NBSP, spaces),
may be a Markdown heading ("## 一、总体情况"), and may run into its paragraph
("（一）加强组织领导。调整政务公开领导小组…"): its title is then the text before the first "。".
Lines inside a table are never headings (a 2008 statistics table's rows are numbered 一、（一）1.).
"""
from __future__ import annotations

from ..document import Document
from ..record import record
from .numbers import chinese_to_int
from .. import recache

_PREFIX = recache.compile(r"^(?:#{1,6}\s*)?(?:\*\*|__)?\s*")
_PATTERNS = [
    (1, recache.compile(r"(?P<num>[一二三四五六七八九十]{1,3})\s*(?P<sep>[、．.,，])(?![一二三四五六七八九十]{1,3}[、，,])")),
    (2, recache.compile(r"(?P<open>[（(])\s*(?P<num>[一二三四五六七八九十]{1,3})\s*(?P<close>[）)])")),
    (3, recache.compile(r"(?P<num>\d{1,2})\s*(?P<sep>[、．.])(?![\d])")),
    (4, recache.compile(r"(?P<open>[（(])\s*(?P<num>\d{1,2})\s*(?P<close>[）)])")),
]


@record
class Heading:
    line: int
    level: int
    number: int
    style: str          # separator or parenthesis style: "、", ".", "．", "full" （一）, "half" (一)
    marker_start: int   # offsets of the enumerator in the line
    marker_end: int
    title: str          # text after the enumerator, up to the first 。

    @property
    def text(self) -> str:
        return self.title


_CN_DIGITS = "一二三四五六七八九十"
_NUMBER_AFTER = recache.compile(r"\s*(?:[月日号年%]|[万亿])")


_LEVEL_1, _LEVEL_3 = (_PATTERNS[0],), (_PATTERNS[2],)
_PARENTHESISED = (_PATTERNS[1], _PATTERNS[3])


def _patterns_for(first: str):
    """The enumerator patterns a line can match, from its first character (one dict-free test
    instead of four regex calls: most candidate lines are prose that starts with a year)."""
    if not first:
        return ()
    if first in _CN_DIGITS:
        return _LEVEL_1
    if first in "（(":
        return _PARENTHESISED
    if first.isdecimal():  # what \d matches
        return _LEVEL_3
    return ()


def parse_heading(line_text: str) -> tuple[int, int, str, int, int, str] | None:
    """(level, number, style, marker_start, marker_end, title) for a line that starts with an enumerator."""
    stripped = line_text.lstrip()
    offset = len(line_text) - len(stripped)
    rest = stripped
    if stripped[:1] in ("#", "*", "_"):  # Markdown: "## 一、总体情况", "**一、…**"
        prefix = _PREFIX.match(stripped)
        offset += prefix.end()
        rest = stripped[prefix.end():]
    patterns = _patterns_for(rest[:1])
    if patterns is _LEVEL_3 and len(rest) >= 3 and rest[:3].isdecimal():
        return None  # "2017年…": three digits cannot be \d{1,2} and a separator
    if not patterns:
        return None  # most lines: not even the first character of an enumerator
    for level, pattern in patterns:
        m = pattern.match(rest)
        if not m:
            continue
        number = int(m.group("num")) if m.group("num").isdigit() else chinese_to_int(m.group("num"))
        if number is None:
            continue
        after = rest[m.end():]
        if level in (1, 3) and m.group("sep") in ",，":
            continue
        if level == 1 and m.group("sep") in ".．" and not after[:1].strip():
            continue
        if after.startswith(("是", "要", "则")) and level in (1, 3):
            continue  # 一是, 二要: paragraph markers
        if level == 3 and _NUMBER_AFTER.match(after):
            continue  # 12.5万, 3.月: numbers, not enumerators
        if level == 3 and not after.strip():
            continue
        if level in (2, 4):
            style = "full" if m.group("open") == "（" and m.group("close") == "）" else (
                "half" if m.group("open") == "(" and m.group("close") == ")" else "mixed")
        else:
            style = m.group("sep")
        title = after.strip().strip("*_ ").split("。")[0].strip()
        return level, number, style, offset + m.start(), offset + m.end(), title
    return None


_LEAD = " \t\r\x0b\x0c#*_"
_FIRST = frozenset("一二三四五六七八九十（(0123456789")


def find_headings(doc: Document, skip_lines: set[int]) -> list[Heading]:
    out = []
    for line in doc.lines:
        # a string test first: most lines do not start with an enumerator, and a regex call costs more
        if line.folded.lstrip(_LEAD)[:1] not in _FIRST or line.number in skip_lines:
            continue
        parsed = parse_heading(line.folded)
        if parsed:
            level, number, style, start, end, title = parsed
            out.append(Heading(line.number, level, number, style, start, end, title))
    return out
