"""Whom to ask: telephone numbers, e-mail addresses and postal addresses.

A landline is an area code and 7–8 digits (0470-8711440); a mobile is 11 digits starting 13–19;
a hotline is 12345-style or 400/800. A bare run of digits is only a telephone number when a
keyword (电话, 热线, 传真, Tel) stands just before it, since reports are full of other numbers.
"""
from __future__ import annotations

import re
from bisect import bisect_right

import regex

from ..record import record
from .. import recache

PHONE_KEY = r"(?:电话|热线|传真|联系方式|咨询电话|Tel|TEL|tel|手机)"
LANDLINE = r"(?:0\d{2,3}|[（(]0\d{2,3}[）)])\s*[-－—]?\s*\d{7,8}(?:\s*[-－转]\s*\d{1,5})?"
MOBILE = r"1[3-9]\d{9}"
HOTLINE = r"(?:123\d{2}|400[-\s]?\d{3}[-\s]?\d{4}|800[-\s]?\d{3}[-\s]?\d{4})"

# the look-ahead first: a one-character test at each position before the look-behind and alternatives
PHONE_RE = recache.compile(rf"(?=[\d（(])(?<![\d.])(?:{LANDLINE}|{MOBILE})(?!\d)")
HOTLINE_RE = recache.compile(rf"{PHONE_KEY}[^。；\d]{{0,10}}(?<!\d)(?P<num>{HOTLINE}|\d{{7,8}})(?!\d)")
EMAIL_RE = recache.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
ADDRESS_RE = recache.compile(r"地址\s*[:：为是]?\s*[^\s，。；;,]{4,}|邮政编码|邮编\s*[:：]?\s*\d{6}")
# After a phone keyword: digits that do not make a valid number (too short, too long).
MALFORMED_PHONE_RE = recache.compile(rf"{PHONE_KEY}\s*[:：]?\s*(?P<num>[\d\-－—\s]{{5,}}\d)")
MALFORMED_EMAIL_RE = recache.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+[，,。][A-Za-z]{2,}|[A-Za-z0-9._%+-]+＠[A-Za-z0-9.-]+")


# `regex` scans for a run of a character class several times faster than `re` (4 µs against 22
# for a report); it is loaded anyway for the packs' patterns.
_DIGITS5 = regex.compile(r"[0-9]{5}")
_WORDS = ("@", "＠", "地址", "邮编", "邮政编码")


@record
class Contact:
    kind: str       # phone, email, address
    line: int
    start: int
    end: int
    text: str


@record
class MalformedContact:
    kind: str
    line: int
    start: int
    end: int
    text: str


def _candidate_lines(text: str, starts: list[int]) -> set[int]:
    """0-based indexes of the lines that can hold a contact: a run of five digits, @, 地址, 邮编.
    Found over the whole text at once; a per-line search costs more than the contact regexes."""
    found = set()
    for m in _DIGITS5.finditer(text):
        found.add(bisect_right(starts, m.start()) - 1)
    for word in _WORDS:
        at = text.find(word)
        while at >= 0:
            index = bisect_right(starts, at) - 1
            found.add(index)
            at = text.find(word, starts[index + 1]) if index + 1 < len(starts) else -1
    return found


def find_contacts(folded_text: str, line_starts: list[int]) -> tuple[list[Contact], list[MalformedContact]]:
    """All contacts in the document's folded text (lines joined by "\\n", `line_starts` the offset
    of each line). A line never holds half a number, so only the lines that can hold a contact are
    searched, joined in a text of their own."""
    keep = sorted(_candidate_lines(folded_text, line_starts))
    ends = line_starts[1:] + [len(folded_text) + 1]
    parts = [folded_text[line_starts[i]:ends[i] - 1] for i in keep]
    text = "\n".join(parts)
    starts, pos = [], 0
    for part in parts:
        starts.append(pos)
        pos += len(part) + 1

    def where(offset):
        i = bisect_right(starts, offset) - 1
        return keep[i] + 1, offset - starts[i]

    found: list[Contact] = []
    bad: list[MalformedContact] = []
    spans = []

    def add(kind, start, end, value):
        number, col = where(start)
        found.append(Contact(kind, number, col, col + end - start, value))

    for m in PHONE_RE.finditer(text):
        add("phone", m.start(), m.end(), m.group(0))
        spans.append((m.start(), m.end()))
    for m in HOTLINE_RE.finditer(text):
        if not any(s <= m.start("num") < e for s, e in spans):
            add("phone", m.start("num"), m.end("num"), m.group("num"))
            spans.append((m.start("num"), m.end("num")))
    for m in EMAIL_RE.finditer(text):
        add("email", m.start(), m.end(), m.group(0))
    for m in ADDRESS_RE.finditer(text):
        add("address", m.start(), m.end(), m.group(0))
    for m in MALFORMED_PHONE_RE.finditer(text):
        start, end = m.start("num"), m.end("num")
        if "\n" in m.group("num") or any(s <= start < e or start <= s < end for s, e in spans):
            continue
        digits = re.sub(r"\D", "", m.group("num"))
        if 5 <= len(digits) <= 14:
            number, col = where(start)
            bad.append(MalformedContact("phone", number, col, col + end - start, m.group("num").strip()))
    for m in MALFORMED_EMAIL_RE.finditer(text):
        number, col = where(m.start())
        bad.append(MalformedContact("email", number, col, col + m.end() - m.start(), m.group(0)))
    found.sort(key=lambda c: (c.line, c.start))
    return found, bad
