"""Whom to ask: telephone numbers, e-mail addresses and postal addresses.

A landline is an area code and 7–8 digits (0470-8711440); a mobile is 11 digits starting 13–19;
a hotline is 12345-style or 400/800. A bare run of digits is only a telephone number when a
keyword (电话, 热线, 传真, Tel) stands just before it, since reports are full of other numbers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Document

PHONE_KEY = r"(?:电话|热线|传真|联系方式|咨询电话|Tel|TEL|tel|手机)"
LANDLINE = r"(?:0\d{2,3}|[（(]0\d{2,3}[）)])\s*[-－—]?\s*\d{7,8}(?:\s*[-－转]\s*\d{1,5})?"
MOBILE = r"1[3-9]\d{9}"
HOTLINE = r"(?:123\d{2}|400[-\s]?\d{3}[-\s]?\d{4}|800[-\s]?\d{3}[-\s]?\d{4})"

PHONE_RE = re.compile(rf"(?<![\d.])(?:{LANDLINE}|{MOBILE})(?!\d)")  # noqa: E501
HOTLINE_RE = re.compile(rf"{PHONE_KEY}[^。；\d]{{0,10}}(?<!\d)(?P<num>{HOTLINE}|\d{{7,8}})(?!\d)")
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
ADDRESS_RE = re.compile(r"(?:通讯|联系|通信|邮寄|办公)?地址\s*[:：为是]?\s*[^\s，。；;,]{4,}|邮政编码|邮编\s*[:：]?\s*\d{6}")
# After a phone keyword: digits that do not make a valid number (too short, too long).
MALFORMED_PHONE_RE = re.compile(rf"{PHONE_KEY}\s*[:：]?\s*(?P<num>[\d\-－—\s]{{5,}}\d)")
MALFORMED_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+[，,。][A-Za-z]{2,}|[A-Za-z0-9._%+-]+＠[A-Za-z0-9.-]+")


@dataclass(frozen=True)
class Contact:
    kind: str       # phone, email, address
    line: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class MalformedContact:
    kind: str
    line: int
    start: int
    end: int
    text: str


def find_contacts(doc: Document) -> tuple[list[Contact], list[MalformedContact]]:
    found: list[Contact] = []
    bad: list[MalformedContact] = []
    for line in doc.lines:
        text = line.folded
        if line.blank:
            continue
        spans = []
        for m in PHONE_RE.finditer(text):
            found.append(Contact("phone", line.number, m.start(), m.end(), m.group(0)))
            spans.append((m.start(), m.end()))
        for m in HOTLINE_RE.finditer(text):
            if not any(s <= m.start("num") < e for s, e in spans):
                found.append(Contact("phone", line.number, m.start("num"), m.end("num"), m.group("num")))
                spans.append((m.start("num"), m.end("num")))
        for m in EMAIL_RE.finditer(text):
            found.append(Contact("email", line.number, m.start(), m.end(), m.group(0)))
        for m in ADDRESS_RE.finditer(text):
            found.append(Contact("address", line.number, m.start(), m.end(), m.group(0)))
        for m in MALFORMED_PHONE_RE.finditer(text):
            start, end = m.start("num"), m.end("num")
            if any(s <= start < e or start <= s < end for s, e in spans):
                continue
            digits = re.sub(r"\D", "", m.group("num"))
            if 5 <= len(digits) <= 14:
                bad.append(MalformedContact("phone", line.number, start, end, m.group("num").strip()))
        for m in MALFORMED_EMAIL_RE.finditer(text):
            bad.append(MalformedContact("email", line.number, m.start(), m.end(), m.group(0)))
    return found, bad
