"""year-consistency and dates."""
from conftest import run_kind

PLAN = "灵武市临河镇 2018 年政府信息公开工作年度报告\n十、2018年推进工作存在的问题与不足\n十一、开展2018年工作的初步计划安排\n"


def test_plan_naming_the_report_year():
    hits = run_kind("year-consistency", PLAN, {"aspect": "plan"})
    assert [h.line for h in hits] == [3]


def test_plan_for_next_year_passes():
    assert run_kind("year-consistency", PLAN.replace("开展2018年", "开展2019年"), {"aspect": "plan"}) == []


def test_cited_work_plan_in_book_title_is_not_a_plan():
    text = "2018年某镇政府信息公开工作年度报告\n按照《关于印发2018年政务公开工作要点的通知》要求，我镇深化公开。\n"
    assert run_kind("year-consistency", text, {"aspect": "plan"}) == []


def test_will_sentence_with_report_year():
    text = "2017年某镇政府信息公开工作年度报告\n2017年，我镇将继续加强政府信息公开工作。\n"
    assert [h.line for h in run_kind("year-consistency", text, {"aspect": "plan"})] == [2]
    assert run_kind("year-consistency", text.replace("\n2017年，", "\n2018年，"), {"aspect": "plan"}) == []


def test_period_year_differs_from_title():
    text = "2018年某镇政府信息公开工作年度报告\n本报告所列数据统计期限自2017年1月1日起至12月31日止。\n"
    assert [h.line for h in run_kind("year-consistency", text, {"aspect": "period"})] == [2]


SIGNED = """2017年伊敏河镇政府信息公开工作年度报告
本年度报告中所列数据统计期限从2017年1月1日到12月31日止。
正文。
                               伊敏河镇人民政府
                               2017年12月25日
"""


def test_signed_before_period_end():
    hits = run_kind("dates", SIGNED, {"aspect": "signed-before-period-end"})
    assert len(hits) == 1 and hits[0].line == 5 and hits[0].column == 32


def test_signed_on_period_end_passes():
    text = SIGNED.replace("12月31日止", "12月25日止")
    assert run_kind("dates", text, {"aspect": "signed-before-period-end"}) == []


def test_signed_after_period_passes():
    assert run_kind("dates", SIGNED.replace("2017年12月25日", "2018年1月20日"),
                    {"aspect": "signed-before-period-end"}) == []


def test_published_late_and_in_time():
    late = "某镇2016年政府信息公开工作年度报告\n发布时间:2017-04-10 来源:某镇\n"
    assert [h.line for h in run_kind("dates", late, {"aspect": "late", "deadline": "03-31"})] == [2]
    ok = late.replace("2017-04-10", "2017-02-10")
    assert run_kind("dates", ok, {"aspect": "late", "deadline": "03-31"}) == []


def test_future_date():
    text = SIGNED.replace("2017年12月25日", "2031年1月20日")
    assert len(run_kind("dates", text, {"aspect": "future"})) == 1
    assert run_kind("dates", SIGNED, {"aspect": "future"}) == []


def test_impossible_date():
    text = "2017年某镇年度报告\n2017年2月30日召开会议，2017年2月28日印发文件。\n"
    hits = run_kind("dates", text, {"aspect": "impossible"})
    assert [h.values["date"] for h in hits] == ["2017年2月30日"]


def test_department_deadline_is_january_under_the_2019_text():
    dept = "XX县交通运输局2021年政府信息公开工作年度报告\n发布时间:2022-02-15\n"
    params = {"aspect": "late", "deadline": "03-31", "department_deadline": "01-31"}
    hits = run_kind("dates", dept, params)
    assert len(hits) == 1 and hits[0].values["deadline"] == "2022年1月31日"


def test_government_and_township_keep_march():
    params = {"aspect": "late", "deadline": "03-31", "department_deadline": "01-31"}
    for body in ("XX县人民政府", "XX镇人民政府", "XX街道办事处"):
        text = f"{body}2021年政府信息公开工作年度报告\n发布时间:2022-02-15\n"
        assert run_kind("dates", text, params) == [], body
