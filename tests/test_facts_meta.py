"""Title, issuing body, report year, statistics period, sign-off, publication date, contacts."""
import pytest

from conftest import facts_of


@pytest.mark.parametrize("title, body, year", [
    ("2017年伊敏河镇政府信息公开工作年度报告", "伊敏河镇", 2017),
    ("灵武市临河镇 2018 年政府信息公开工作年度报告", "灵武市临河镇", 2018),
    ("2017年度政府信息公开工作报告", None, 2017),
    ("XX县交通运输局2021年政府信息公开工作年度报告", "XX县交通运输局", 2021),
    ("二〇一九年XX镇人民政府政府信息公开工作年度报告", "XX镇人民政府", 2019),
])
def test_title_body_year(title, body, year):
    f = facts_of(f"{title}\n\n正文。\n")
    assert f.title.body == body and f.title.year == year and f.report_year == year


def test_breadcrumb_is_not_the_title():
    text = "网站首页 > 政府信息公开 > 某镇 > 政府信息公开年报\n某镇2016年政府信息公开工作年度报告\n发布时间:2017-02-10\n"
    f = facts_of(text)
    assert f.title.line == 2 and f.report_year == 2016


def test_year_from_period_when_title_has_none():
    f = facts_of("某镇政府信息公开工作年度报告\n本报告所列数据统计期限自2019年1月1日起至12月31日止。\n")
    assert f.report_year == 2019


@pytest.mark.parametrize("sentence, start, end", [
    ("本年度报告中所列数据统计期限从2017年1月1日到12月31日止。", "2017-01-01", "2017-12-31"),
    ("本报告所列数据的统计期限自2017年1月1日起至2017年12月31日止。", "2017-01-01", "2017-12-31"),
    ("统计期限从2017年1月1日到12月25日止", "2017-01-01", "2017-12-25"),
    ("本报告中使用数据统计时间为2017年1月1日—2017年12月31日。", "2017-01-01", "2017-12-31"),
])
def test_period(sentence, start, end):
    p = facts_of(f"2017年某镇政府信息公开工作年度报告\n{sentence}\n").period
    assert (p.start.iso(), p.end.iso()) == (start, end)


def test_period_full_year_form():
    p = facts_of("2017年某镇政府信息公开工作年度报告\n本报告数据统计期限为2017年度。\n").period
    assert p.full_year == 2017


def test_no_period_from_ordinary_dates():
    assert facts_of("2017年某镇年度报告\n2017年3月1日至3月5日开展了培训。\n").period is None


def test_signoff_body_and_date():
    text = "2017年某镇政府信息公开工作年度报告\n正文。\n\n                伊敏河镇人民政府\n\n                2017年12月25日\n\n"
    s = facts_of(text).signoff
    assert (s.body, s.body_line, s.date.iso(), s.date_line) == ("伊敏河镇人民政府", 4, "2017-12-25", 6)


def test_signoff_chinese_date_on_one_line():
    s = facts_of("报告\n正文。\nXX县人民政府办公室 二〇一八年一月二十日\n").signoff
    assert s.body == "XX县人民政府办公室" and s.date.iso() == "2018-01-20"


def test_no_signoff_when_text_ends_in_prose():
    s = facts_of("报告\n一是进一步加强组织领导，强化纪律。\n二是完善制度。\n").signoff
    assert s.body is None and s.date is None


def test_publication_date():
    f = facts_of("标题\n发布时间:2017-02-10 来源:成吉思汗镇 字体:[ ]\n")
    line, d = f.publication
    assert line == 2 and d.iso() == "2017-02-10"


@pytest.mark.parametrize("text, kinds", [
    ("联系电话0470-8711440，电子邮箱：ymhmsb@163.com", ["phone", "email"]),
    ("咨询电话：13812345678", ["phone"]),
    ("服务热线12345", ["phone"]),
    ("地址：灵武市临河镇政府大院；邮编：751400", ["address", "address"]),
    ("联系电话（0951）4012345", ["phone"]),
])
def test_contacts(text, kinds):
    f = facts_of(f"报告\n{text}\n")
    assert sorted(c.kind for c in f.contacts) == sorted(kinds)


def test_numbers_are_not_phones():
    f = facts_of("报告\n发布信息12345678条，共计2017年度。\n")
    assert f.contacts == []


def test_malformed_phone_and_email():
    f = facts_of("报告\n联系电话0470-871144，电子邮箱：ymhmsb@163,com\n")
    assert sorted(b.kind for b in f.malformed_contacts) == ["email", "phone"]
