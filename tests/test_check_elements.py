"""required-element: title parts, contact, period, sign-off."""
from conftest import lint, rules_of

GOOD = """2017年伊敏河镇政府信息公开工作年度报告
本报告中所列数据统计期限从2017年1月1日到12月31日止。如有疑问请联系（电话0470-8711440）。
一、概述
正文。
伊敏河镇人民政府
2018年1月20日
"""


def test_complete_report_has_no_element_findings(packset):
    found = rules_of(lint(packset, GOOD))
    for rule in ("title.missing", "title.missing-body", "title.missing-year", "contact.missing", "period.missing",
                 "signoff.missing", "title.wording"):
        assert rule not in found


def test_title_without_body(packset):
    r = lint(packset, GOOD.replace("2017年伊敏河镇政府信息公开工作年度报告", "2017年度政府信息公开工作报告"))
    hit = [f for f in r.findings if f.rule == "title.missing-body"]
    assert hit and hit[0].line == 1 and hit[0].column == 1


def test_title_without_year(packset):
    r = lint(packset, GOOD.replace("2017年伊敏河镇", "伊敏河镇"))
    assert "title.missing-year" in rules_of(r)


def test_no_contact(packset):
    r = lint(packset, GOOD.replace("如有疑问请联系（电话0470-8711440）。", ""))
    assert [f.line for f in r.findings if f.rule == "contact.missing"] == [None]


def test_malformed_phone(packset):
    r = lint(packset, GOOD.replace("0470-8711440", "0470-871144"))
    assert [f.line for f in r.findings if f.rule == "contact.malformed"] == [2]


def test_no_period(packset):
    r = lint(packset, GOOD.replace("本报告中所列数据统计期限从2017年1月1日到12月31日止。", ""))
    assert "period.missing" in rules_of(r)


def test_period_not_whole_year(packset):
    r = lint(packset, GOOD.replace("12月31日止", "12月25日止"))
    hits = [f for f in r.findings if f.rule == "period.incomplete"]
    assert len(hits) == 1 and hits[0].line == 2


def test_no_signoff(packset):
    r = lint(packset, GOOD.replace("伊敏河镇人民政府\n2018年1月20日\n", "下一步将继续努力。\n"))
    assert "signoff.missing" in rules_of(r)


def test_title_wording_on_a_title_below_blank_lines_and_a_bad_one(packset):
    """The title is rarely on line 1 (seed 004 has two blank lines first)."""
    assert "title.wording" not in rules_of(lint(packset, "\n\n\n" + GOOD))
    bad = "\n\n" + GOOD.replace("政府信息公开工作年度报告", "政务公开工作总结")
    assert [f.line for f in lint(packset, bad).findings if f.rule == "title.wording"] == [None]
