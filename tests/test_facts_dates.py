"""Dates in every form: 2017年1月1日, 2017-02-10, 2017.2.10, 二〇一八年三月二十日, 二0一七年, bare 12月25日."""
import pytest

from linter.facts.dates import find_dates


@pytest.mark.parametrize("text, iso", [
    ("2017年1月1日", "2017-01-01"), ("2017-02-10", "2017-02-10"), ("2017.2.10", "2017-02-10"),
    ("2017/2/10", "2017-02-10"), ("二〇一八年三月二十日", "2018-03-20"), ("二0一七年十二月", "2017-12"),
    ("2018 年 1 月 25 日", "2018-01-25"), ("二〇一七年", "2017"),
])
def test_date_forms(text, iso):
    dates = find_dates(text)
    assert len(dates) == 1 and dates[0].iso() == iso


def test_bare_month_day_takes_the_year_before_it():
    dates = find_dates("统计期限从2017年1月1日到12月31日止")
    assert [d.iso() for d in dates] == ["2017-01-01", "2017-12-31"]


def test_bare_month_day_takes_the_default_year():
    assert find_dates("12月25日召开会议", default_year=2018)[0].iso() == "2018-12-25"


def test_impossible_dates_are_invalid():
    assert not find_dates("2017年2月30日")[0].valid
    assert not find_dates("2017年4月31日")[0].valid
    assert find_dates("2016年2月29日")[0].valid
    assert not find_dates("2017年2月29日")[0].valid


def test_numbers_are_not_dates():
    assert find_dates("发布信息1200条，办结率100%") == []
    assert find_dates("联系电话0470-8711440") == []
