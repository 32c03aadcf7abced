"""Dates in every form a report uses, with their place in the line.

2017年1月1日 · 2017-02-10 · 2017.2.10 · 2017/2/10 · 二〇一八年三月二十日 · 二0一七年十二月 · a bare 12月25日
(read in a year the caller supplies: the report year, or the year of a preceding date in the same
sentence, as in "从2017年1月1日到12月31日止").
"""
from __future__ import annotations

from ..record import record
from .. import recache
from .numbers import chinese_to_int

CN_DIGIT = "[〇○零0OＯ一二三四五六七八九]"
CN_SMALL = "[一二三四五六七八九十两]{1,3}"
YEAR_CN = f"{CN_DIGIT}{{4}}"

# The look-ahead first: every date starts with a digit or a Chinese numeral, and testing that one
# character is what keeps `re` from entering the five alternatives at every position of a line
# (five times faster on a report; faster than `regex`, which would also cost 1.8 ms to compile on
# every run, where `re`'s compiled code comes from recache's file).
DATE_RE = recache.compile(
    r"(?=[\dOＯ〇○零一二三四五六七八九十两])(?<![\d.])"
    r"(?:"
    r"(?P<y1>(?:19|20)\d{2})\s*年\s*(?:(?P<m1>\d{1,2})\s*月(?:\s*(?P<d1>\d{1,2})\s*[日号])?)?"
    r"|(?P<y2>(?:19|20)\d{2})(?P<sep>[-./])(?P<m2>\d{1,2})(?P=sep)(?P<d2>\d{1,2})(?!\d)"
    rf"|(?P<y3>{YEAR_CN})\s*年\s*(?:(?P<m3>{CN_SMALL})\s*月(?:\s*(?P<d3>{CN_SMALL}|\d{{1,2}})\s*[日号])?)?"
    r"|(?P<m4>\d{1,2})\s*月\s*(?P<d4>\d{1,2})\s*[日号]"
    rf"|(?P<m5>{CN_SMALL})月(?P<d5>{CN_SMALL})[日号]"
    r")"
)


@record
class DateMention:
    year: int | None     # None for a bare 12月25日 not yet placed in a year
    month: int | None
    day: int | None
    start: int           # offsets in the (folded) line
    end: int
    text: str

    @property
    def complete(self) -> bool:
        return None not in (self.year, self.month, self.day)

    def key(self) -> tuple[int, int, int]:
        return (self.year or 0, self.month or 0, self.day or 0)

    def with_year(self, year: int) -> "DateMention":
        return DateMention(year, self.month, self.day, self.start, self.end, self.text)

    def iso(self) -> str:
        parts = [f"{self.year:04d}" if self.year else "????"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    @property
    def valid(self) -> bool:
        """False for 2月30日, 13月, 4月31日 …"""
        if self.month is None:
            return True
        if not 1 <= self.month <= 12:
            return False
        if self.day is None:
            return True
        if self.day < 1:
            return False
        year = self.year or 2000  # a leap year: a bare 2月29日 gets the benefit of the doubt
        days = [31, 29 if (year % 4 == 0 and (year % 100 or year % 400 == 0)) else 28, 31, 30, 31, 30, 31, 31,
                30, 31, 30, 31][self.month - 1]
        return self.day <= days


def _int(text: str | None) -> int | None:
    if text is None:
        return None
    text = text.strip()
    return int(text) if text.isdigit() else chinese_to_int(text.replace("O", "〇").replace("Ｏ", "〇"))


def find_dates(text: str, default_year: int | None = None) -> list[DateMention]:
    """All dates in a line; a bare month-day takes the year of the date before it, else `default_year`."""
    out: list[DateMention] = []
    last_year = None
    for m in DATE_RE.finditer(text):
        g = m.groupdict()
        if g["y1"]:
            y, mo, d = int(g["y1"]), _int(g["m1"]), _int(g["d1"])
        elif g["y2"]:
            y, mo, d = int(g["y2"]), _int(g["m2"]), _int(g["d2"])
        elif g["y3"]:
            y, mo, d = _int(g["y3"]), _int(g["m3"]), _int(g["d3"])
            if y is None or not 1900 <= y <= 2100:
                continue
        elif g["m4"]:
            y, mo, d = last_year or default_year, _int(g["m4"]), _int(g["d4"])
        else:
            y, mo, d = last_year or default_year, _int(g["m5"]), _int(g["d5"])
        if g["y1"] or g["y2"] or g["y3"]:
            last_year = y
        out.append(DateMention(y, mo, d, m.start(), m.end(), m.group(0)))
    return out
