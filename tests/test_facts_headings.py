"""Heading levels and what is not a heading (一是…, table rows, numbers)."""
import pytest

from linter.facts.headings import parse_heading
from conftest import facts_of


@pytest.mark.parametrize("line, level, number, style", [
    ("一、概述", 1, 1, "、"), ("    十一、开展2019年工作的初步计划安排", 1, 11, "、"),
    ("十、2018年推进工作存在的问题与不足。", 1, 10, "、"), ("（一）政府信息公开情况", 2, 1, "full"),
    ("\u3000\u3000(二)健全制度建设", 2, 2, "half"), ("1、LED屏。利用镇政府机关LED屏", 3, 1, "、"),
    ("2. 政府网站", 3, 2, "."), ("3．公开栏", 3, 3, "．"), ("（1）办理流程", 4, 1, "full"),
    ("## 二、主动公开政府信息情况", 1, 2, "、"), ("**三、收到和处理政府信息公开申请情况**", 1, 3, "、"),
    ("\xa0（五）2013年-2017年信息公开数据", 2, 5, "full"),
])
def test_headings(line, level, number, style):
    parsed = parse_heading(line)
    assert parsed is not None
    assert parsed[:3] == (level, number, style)


@pytest.mark.parametrize("line", [
    "一是及时发布政府信息。", "二是促进政务公开工作常态化开展。", "2017年，伊敏河镇共上报信息240期。",
    "1.2万条信息", "12月25日", "2018.3.1发布", "我镇一、二季度工作",
])
def test_not_headings(line):
    assert parse_heading(line) is None


def test_run_in_heading_title_stops_at_full_stop():
    assert parse_heading("（一）加强组织领导。调整政务公开领导小组")[5] == "加强组织领导"


def test_table_rows_are_not_headings():
    text = "一、概述\n正文。\n统计指标\t单位\t统计数\n一、主动公开情况\t——\t\n（一）主动公开政府信息数\t条\t5\n二、依申请\t——\t\n"
    heads = facts_of(text).headings
    assert [h.line for h in heads] == [1]
