"""Numbers as reports write them: 64, ６４, 1,200, 1.2万, 两, 十二, 一百零五, 1200余, 十余, 近百, 90%.

An approximate number is never an exact value: "1200余条" means at least 1200, "近百" at most 100,
"约300" about 300. Checks compare with `Quantity.may_equal` and friends, never with `value` alone.
"""
from __future__ import annotations

from functools import lru_cache

from ..record import record
from .. import recache

DIGITS = {"零": 0, "〇": 0, "○": 0, "O": 0, "0": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3,
          "叁": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
          "九": 9, "玖": 9}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}

CN_NUM = "[零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+"
ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
# A number in prose: optional approximation prefix, the number, optional 万/亿, optional approx suffix.
# The look-ahead names every character a number can start with: with it `re` skips the other
# positions of a line at once instead of trying the optional prefix at each (three times faster).
NUMBER_RE = recache.compile(
    r"(?=[近约大将接超逾达\d零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟])"
    rf"(?P<pre>近|约|大约|将近|接近|超过|逾|达)?"
    rf"(?P<num>{ARABIC}(?:\s*[万亿])?|{CN_NUM})"
    rf"(?P<post>余|多|左右|以上|上下)?"
)


@record
class Quantity:
    value: float
    approx: str | None = None   # None exact; "lower" (余/多/以上/超过); "upper" (近/不到); "about" (约/左右)

    @property
    def exact(self) -> bool:
        return self.approx is None

    def may_equal(self, other: float) -> bool:
        """Could the true value be `other`? (1200余 may be 1250, never 1000 or 0.)"""
        if self.approx is None:
            return abs(self.value - other) < 1e-9
        if self.approx == "lower":
            return other >= self.value
        if self.approx == "upper":
            return other <= self.value
        return abs(other - self.value) <= max(1.0, 0.2 * self.value)

    def __str__(self) -> str:
        text = f"{self.value:g}" if self.value != int(self.value) else str(int(self.value))
        return text + {"lower": "余", "upper": "（近）", "about": "（约）"}.get(self.approx or "", "")


@lru_cache(maxsize=4096)  # headings and counts repeat the same few numerals (一 … 十二)
def chinese_to_int(text: str) -> int | None:
    """一百零五 → 105, 十二 → 12, 两千 → 2000, 二〇一八 → 2018 (digit by digit), 1.2万 handled elsewhere."""
    if not text:
        return None
    if all(ch in DIGITS for ch in text):  # 二〇一八: read digit by digit
        return int("".join(str(DIGITS[ch]) for ch in text)) if len(text) > 1 else DIGITS[text]
    total = 0
    section = 0
    digit = None
    for ch in text:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
        elif ch in BIG_UNITS:
            section += digit or 0
            total += (section or 1) * BIG_UNITS[ch]
            section = 0
            digit = None
        else:
            return None
    return total + section + (digit or 0)


_ARABIC_RE = recache.compile(ARABIC)
_ARABIC_START = recache.compile(r"[\d.,]")


def parse_number(text: str, pre: str | None = None, post: str | None = None) -> Quantity | None:
    text = text.replace(" ", "")
    multiplier = 1
    if text and text[-1] in BIG_UNITS and _ARABIC_START.match(text):
        multiplier = BIG_UNITS[text[-1]]
        text = text[:-1]
    if _ARABIC_RE.fullmatch(text):
        value = float(text.replace(",", "")) * multiplier
    else:
        number = chinese_to_int(text)
        if number is None:
            return None
        value = float(number)
    approx = None
    if post in ("余", "多", "以上") or pre in ("超过", "逾"):
        approx = "lower"
    elif pre in ("近", "将近", "接近"):
        approx = "upper"
    elif pre in ("约", "大约") or post in ("左右", "上下"):
        approx = "about"
    return Quantity(value, approx)


def parse_quantity(text: str) -> Quantity | None:
    """Parse a whole string as one number ("1200余", "十二", "0", "—" → None)."""
    text = text.strip()
    if text.isascii() and text.isdigit():  # most table cells: a plain count
        return Quantity(float(text))
    m = NUMBER_RE.fullmatch(text)
    if not m:
        return None
    return parse_number(m.group("num"), m.group("pre"), m.group("post"))


@record
class ProseNumber:
    quantity: Quantity
    unit: str
    start: int   # offset in the line
    end: int


UNITS = "条|件|次|个|篇|份|期|项|人次|人|场|万元|元|家|户|批|类|种|部|名|册|套|本|张|则|起|宗|天|日|月|年|%"
PROSE_NUMBER_RE = recache.compile(rf"{NUMBER_RE.pattern}\s*(?P<unit>{UNITS})")


def prose_numbers(text: str) -> list[ProseNumber]:
    """Numbers followed by a counting unit, with their offsets (text must be folded)."""
    out = []
    for m in PROSE_NUMBER_RE.finditer(text):
        num = m.group("num")
        if m.group("unit") in ("年", "月", "日") :
            continue  # dates and years are not counts
        if num == "一" and m.group("unit") in ("个", "次", "项", "名", "批", "种", "类", "件"):
            # "一个", "一次": articles and idioms far more often than counts
            continue
        q = parse_number(num, m.group("pre"), m.group("post"))
        if q is not None:
            out.append(ProseNumber(q, m.group("unit"), m.start("num"), m.end()))
    return out
