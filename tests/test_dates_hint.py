"""date.impossible reads only the lines its hint finds: the hint must find every impossible date."""
from __future__ import annotations

from linter.checks.dates import _MAYBE_IMPOSSIBLE
from linter.facts.dates import find_dates

CN = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]


def cn(n: int) -> str:
    """1–99 as reports write it: 三, 十二, 二十, 三十一."""
    tens, ones = divmod(n, 10)
    return ("" if tens == 0 else ("十" if tens == 1 else CN[tens] + "十")) + CN[ones]


def forms(month: int, day: int):
    yield f"2017年{month}月{day}日"
    yield f"2017年 {month} 月 {day} 号"
    yield f"2017年{month}月"
    yield f"2017-{month}-{day}"
    yield f"2017.{month:02d}.{day:02d}"
    yield f"截至{month}月{day}日"
    if month and day:
        yield f"二〇一七年{cn(month)}月{cn(day)}日"
        yield f"二〇一七年{cn(month)}月{day}日"
        yield f"自{cn(month)}月{cn(day)}日起"


def test_every_impossible_date_is_hinted():
    impossible = 0
    for month in range(0, 100):
        for day in range(0, 100):
            for text in forms(month, day):
                line = f"本机关于{text}发布通知。"
                if any(not d.valid for d in find_dates(line, 2017)):
                    impossible += 1
                    assert _MAYBE_IMPOSSIBLE.search(line), line
    assert impossible > 30000


def test_most_lines_are_not_hinted():
    # the hint is wider than the check (12月31日 and 三月二十日 pass it, and are then read in full),
    # but most dated lines never reach the date parser
    for line in ["2018年3月20日发布", "共发布信息12条，其中1月5条", "二〇一八年三月五日", "2017年1月1日起至12月1日止",
                 "联系电话：0470-8711440", "2017年度政府信息公开工作年度报告"]:
        assert _MAYBE_IMPOSSIBLE.search(line) is None, line
    for line in ["2017年12月31日", "二〇一八年三月二十日"]:
        assert _MAYBE_IMPOSSIBLE.search(line) is not None, line
