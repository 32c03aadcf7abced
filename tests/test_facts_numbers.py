"""Numbers as reports write them: Arabic, full-width, 中文数字, 万, and approximations that are
lower bounds or estimates, never exact values."""
import pytest

from linter.cjk import fold
from linter.facts.numbers import Quantity, chinese_to_int, parse_quantity, prose_numbers


@pytest.mark.parametrize("text, value", [
    ("两", 2), ("十", 10), ("十二", 12), ("二十", 20), ("一百零五", 105), ("一千二百", 1200),
    ("两千", 2000), ("一万二千", 12000), ("二〇一八", 2018), ("二0一七".replace("0", "〇"), 2017),
])
def test_chinese_numerals(text, value):
    assert chinese_to_int(text) == value


@pytest.mark.parametrize("text, value, approx", [
    ("64", 64, None), ("1,200", 1200, None), ("1.2万", 12000, None), ("1200余", 1200, "lower"),
    ("十余", 10, "lower"), ("近百", 100, "upper"), ("约300", 300, "about"), ("300多", 300, "lower"),
    ("0", 0, None),
])
def test_parse_quantity(text, value, approx):
    q = parse_quantity(text)
    assert q.value == value and q.approx == approx


def test_full_width_digits_after_fold():
    assert parse_quantity(fold("６４")).value == 64


@pytest.mark.parametrize("text", ["——", "", "若干", "无"])
def test_not_numbers(text):
    assert parse_quantity(text) is None


def test_approximate_is_a_bound_not_a_value():
    q = Quantity(1200, "lower")
    assert q.may_equal(1250) and not q.may_equal(0) and not q.may_equal(1000)
    assert Quantity(100, "upper").may_equal(95) and not Quantity(100, "upper").may_equal(120)


def test_prose_numbers_carry_units_and_skip_years():
    text = "从2013年到2017年，青山镇公开信息669条，其中2013年100条，2014年107条。"
    found = [(str(n.quantity), n.unit) for n in prose_numbers(text)]
    assert found == [("669", "条"), ("100", "条"), ("107", "条")]


def test_prose_numbers_approximate_and_chinese():
    found = [(str(n.quantity), n.unit) for n in prose_numbers("召开会议十余次，发布公开信1200余条，培训两次")]
    assert found == [("10余", "次"), ("1200余", "条"), ("2", "次")]


def test_yi_ge_is_not_a_count():
    assert prose_numbers("这是一个重要的工作，开展了一次检查") == []


def test_percentages():
    found = [(str(n.quantity), n.unit) for n in prose_numbers("办结率100%，网上办理事项占全年总体办理事项 90%以上")]
    assert found == [("100", "%"), ("90", "%")]
