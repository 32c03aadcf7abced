"""Facts.lines_with finds the lines a per-line search would find, with one pass over the text."""
from __future__ import annotations

import re

import pytest

from linter.document import Document, Line
from linter.facts import Facts

TEXT = ["一、总体情况", "", "统计期限自2017年1月1日起至12月31日止。", "共发布信息12条，其中统计数据3条",
        "附", "统计表在后", "　　联系电话：0470-8711440"]


def facts():
    return Facts(Document("t.txt", [Line(i, t) for i, t in enumerate(TEXT, 1)]))


def per_line(pattern, first=1, last=None):
    lines = facts().doc.lines[first - 1:last]
    return [ln.number for ln in lines if pattern.search(ln.folded)]


@pytest.mark.parametrize("pattern", [
    r"统计", r"统计|数据", r"共", r"附[^。]{0,8}统计表", r"^[ ]*联系", r"\d{4}", r"情况$", r"不存在",
])
def test_same_lines_as_a_search_per_line(pattern):
    compiled = re.compile(pattern, re.M)
    assert [ln.number for ln in facts().lines_with(compiled)] == per_line(compiled)


def test_a_range_of_lines():
    compiled = re.compile(r"统计|共|联系")
    assert [ln.number for ln in facts().lines_with(compiled, first=4, last=6)] == per_line(compiled, 4, 6) == [4, 6]
    assert [ln.number for ln in facts().lines_with(compiled, last=3)] == [3]


def test_a_match_across_a_line_end_does_not_count():
    # "附\n统计表" matches the joined text but no single line
    assert [ln.number for ln in facts().lines_with(re.compile(r"附\s*统计表"))] == []
