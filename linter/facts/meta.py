"""Who wrote the report, for which year, over which period, and how it is signed.

The report year is the year the report is about, not the year it is published: from the title,
else the statistics period, else the year the body mentions most.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..cjk import squash
from ..document import Document, Line
from .dates import DateMention, find_dates
from .headings import parse_heading
from .numbers import chinese_to_int
from .. import recache

TITLE_HINT = recache.compile(r"(报告|年报|总结|汇报)")
BREADCRUMB = recache.compile(r"[>＞»]|首页|当前位置|您的位置")
TITLE_TOPIC = recache.compile(r"(政府信息公开|政务公开|信息公开|政务信息)")
YEAR_IN_TITLE = recache.compile(r"(?P<y>(?:19|20)\d{2}|[〇○零0一二三四五六七八九]{4})\s*年")
ORG_SUFFIX = recache.compile(
    r"(人民政府|政府|办公室|办公厅|委员会|委|局|厅|部|署|院|所|中心|镇|乡|苏木|街道|街道办事处|办事处|管委会|"
    r"管理委员会|公司|集团|站|处|队|馆|会|分局|支队|大队|监狱|学校|医院|法院|检察院)$"
)


@dataclass(frozen=True)
class Title:
    line: int
    text: str          # folded, stripped
    body: str | None   # issuing body named in the title
    year: int | None
    year_span: tuple[int, int] | None  # offsets of the year in the line


@dataclass(frozen=True)
class Period:
    line: int
    start: DateMention | None
    end: DateMention | None
    full_year: int | None = None   # "统计期限为2017年度": the whole year, no dates given

    @property
    def span(self) -> tuple[int, int]:
        first = self.start or self.end
        last = self.end or self.start
        if first is None:
            return (0, 0)
        return (first.start, last.end)


@dataclass(frozen=True)
class Signoff:
    body_line: int | None
    body: str | None
    date_line: int | None
    date: DateMention | None


def find_title(doc: Document, skip: set[int]) -> Title | None:
    seen = 0
    for line in doc.lines:
        if line.blank or line.number in skip:
            continue
        seen += 1
        if seen > 8:
            break
        text = line.stripped.strip("#*_ ")
        if len(text) > 80 or not TITLE_HINT.search(text) or not TITLE_TOPIC.search(text):
            continue
        if BREADCRUMB.search(text):
            continue  # 网站首页 > 政府信息公开 > … : a web page's navigation, not the title
        if parse_heading(text):
            continue  # "一、政务公开工作总结": a section, not the title
        if text.count("。") or text.count("，") > 1:
            continue  # a sentence of the preamble, not a title
        return _title(line.number, text, line.folded)
    return None


def _title(number: int, text: str, folded_line: str) -> Title:
    year = None
    year_span = None
    m = YEAR_IN_TITLE.search(text)
    if m:
        raw = m.group("y")
        year = int(raw) if raw.isdigit() else chinese_to_int(raw.replace("0", "〇"))
        pos = folded_line.find(m.group(0))
        year_span = (pos, pos + len(m.group(0))) if pos >= 0 else None
    body = None
    compact = squash(text)
    if m:
        before = squash(text[:m.start()])
        before = re.sub(r"^(关于|印发)", "", before)
        if before:
            body = before
        else:
            after = squash(text[m.end():])
            after = re.sub(r"^度", "", after)
            cut = TITLE_TOPIC.search(after)
            if cut and cut.start() > 0:
                body = after[:cut.start()]
    else:
        cut = TITLE_TOPIC.search(compact)
        if cut and cut.start() > 0:
            body = compact[:cut.start()]
    if body:
        body = body.strip("：:“”\"《》")
    return Title(number, text, body or None, year, year_span)


PERIOD_WORDS = recache.compile(r"统计|数据|期限|时限|起止")
_RANGE_SEP = recache.compile(r"^\s*(?:起)?\s*(?:至|到|—|－|-|~|～|止至)\s*$")
_FULL_YEAR = recache.compile(r"(?:统计|数据)[^。；;]{0,12}(?:期限|时限|时间|期间|区间|范围|周期)[^。；;\d]{0,4}"
                        r"(?:为|是)?\s*(?P<y>(?:19|20)\d{2})\s*年(?:度|全年)?(?![\d一二三四五六七八九十]*月)")


def find_period(lines: list[Line], report_year: int | None) -> Period | None:
    """The statistics period: "统计期限自2017年1月1日起至12月31日止", "从…到…止", "为2017年度".
    `lines`: the lines that name it (PERIOD_WORDS: 统计, 数据, 期限 …), in order."""
    for line in lines:
        text = line.folded
        dates = find_dates(text, report_year)
        for a, b in zip(dates, dates[1:]):
            between = text[a.end:b.start]
            if _RANGE_SEP.match(between) and a.month and b.month:
                context = text[max(0, a.start - 30):a.start]
                if re.search(r"统计|数据|报告", context) or re.search(r"统计|数据", text[b.end:b.end + 12]):
                    return Period(line.number, a, b)
        m = _FULL_YEAR.search(text)
        if m:
            year = int(m.group("y"))
            pos = m.start("y")
            mention = DateMention(year, None, None, pos, m.end(), m.group(0)[m.start("y") - m.start():])
            return Period(line.number, mention, mention, full_year=year)
    return None


def guess_year_from_body(doc: Document) -> int | None:
    counts = Counter()
    for line in doc.lines:
        for m in re.finditer(r"(?<!\d)((?:19|20)\d{2})\s*年", line.folded):
            counts[int(m.group(1))] += 1
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def find_signoff(doc: Document, skip: set[int], tail: int = 6) -> Signoff:
    """The issuing body and date at the end: the last few non-table lines, in either order."""
    candidates = [ln for ln in doc.lines if not ln.blank and ln.number not in skip][-tail:]
    body_line = date_line = None
    body = date = None
    for ln in reversed(candidates):
        text = ln.stripped
        dates = [d for d in find_dates(text) if d.year and d.month and d.day]
        if dates and date is None:
            d = dates[-1]
            rest = squash(text[:d.start] + text[d.end:])
            if len(rest) <= 30:
                date, date_line = d, ln.number
                if rest and ORG_SUFFIX.search(rest) and body is None:
                    body, body_line = rest, ln.number
                continue
        if body is None and len(text) <= 30 and ORG_SUFFIX.search(squash(text)) and not re.search(r"[。，；：]", text):
            body, body_line = squash(text), ln.number
    if date_line is not None and body_line is not None and abs(date_line - body_line) > 4:
        body, body_line = None, None
    return Signoff(body_line, body, date_line, date)


PUBLISHED_WORDS = recache.compile(r"(?:发布|公开|发文|成文)(?:时间|日期)\s*[:：]?\s*")


def find_publication_date(lines: list[Line]) -> tuple[int, DateMention] | None:
    """A web page's "发布时间:2017-02-10" (the reader may also have found one in page metadata).
    `lines`: those of the first 40 that say 发布时间 or the like (PUBLISHED_WORDS)."""
    for line in lines:
        m = PUBLISHED_WORDS.search(line.folded)
        if not m:
            continue
        for d in find_dates(line.folded[m.end():]):
            if d.complete:
                shifted = DateMention(d.year, d.month, d.day, d.start + m.end(), d.end + m.end(), d.text)
                return line.number, shifted
    return None
