"""prose-arith, promise, pattern (artifacts, spam, typos) and punctuation, on real sentences."""
import pytest

from conftest import lint, rules_of, run_kind

# ---- prose arithmetic


def test_year_partition_that_does_not_add_up():
    text = "从2013年到2017年，青山镇公开信息669条，其中2013年100条，2014年107条，2015年114条，2016年48条，2017年100条。"
    hits = run_kind("prose-arith", text, {})
    assert [(h.values["total"], h.values["sum"]) for h in hits] == [("669条", "469条")]


def test_parts_then_total_that_add_up():
    text = "主要公开的事项包括：建设发展财务状况2条，建设发展工作动态89条，政府规范性文件3条，重点工作5条，年度工作报告1条，合计100条信息"
    assert run_kind("prose-arith", text, {}) == []


def test_parts_then_wrong_total():
    text = "发布工作动态89条，规范性文件3条，合计100条。"
    assert len(run_kind("prose-arith", text, {})) == 1


def test_selection_after_qizhong_may_be_smaller():
    text = "全年主动公开政府信息1200条，其中政策文件30条，人事信息20条，财政信息15条。"
    assert run_kind("prose-arith", text, {}) == []


def test_selection_larger_than_total_is_wrong():
    text = "全年主动公开政府信息50条，其中政策文件30条，人事信息20条，财政信息15条。"
    assert len(run_kind("prose-arith", text, {})) == 1


def test_approximate_numbers_are_not_summed():
    text = "发布信息64条，公开信1200余条，合计1264条。"
    assert run_kind("prose-arith", text, {}) == []


# ---- promises


def test_figure_promised_and_missing():
    text = "合计100条信息，具体分布状况如下图：\n\xa0\xa0\n（二）公开的主要渠道和形式\n按照要求。\n"
    assert [h.line for h in run_kind("promise", text, {"aspect": "figure"})] == [1]


def test_figure_present():
    text = "具体分布状况如下图：\n[image: chart.png]\n"
    assert run_kind("promise", text, {"aspect": "figure"}) == []


def test_li_ru_tu_shu_guan_is_not_a_figure():
    assert run_kind("promise", "建设了例如图书馆、文化站等公开查阅点。\n", {"aspect": "figure"}) == []


def test_attachment_promised_without_table():
    text = "报告内容包括概述，并附政府信息公开情况统计表。\n一、概述\n"
    assert [h.line for h in run_kind("promise", text, {"aspect": "attachment"})] == [1]
    with_table = text + "统计指标\t单位\t统计数\n收到申请数\t件\t0\n"
    assert run_kind("promise", with_table, {"aspect": "attachment"}) == []


def test_preamble_lists_missing_part():
    text = ("报告内容包括基本情况、开展政策解读情况、依申请公开政府信息情况，以及工作中存在的主要问题和改进措施。\n"
            "一、概述\n二、政府信息依申请公开办理情况\n三、存在的问题及整改措施\n")
    hits = run_kind("promise", text, {"aspect": "preamble"})
    assert [h.values["item"] for h in hits] == ["开展政策解读情况"]


def test_preamble_item_covered_by_two_headings():
    text = ("报告内容包括概述、政务公开工作开展情况、工作中存在的主要问题及下一步工作计划。\n"
            "一、概述\n二、政务公开工作开展情况\n三、存在的问题和不足\n四、下一步工作计划\n")
    assert run_kind("promise", text, {"aspect": "preamble"}) == []


# ---- patterns from the core pack


@pytest.mark.parametrize("line, rule", [
    ("[bookmark: _GoBack]2017年，在区政务公开领导小组的正确领导下", "artifact.conversion"),
    ("不断强化工作人员的业务知识[image: image1.png]", "artifact.conversion"),
    ("网站首页 > 政府信息公开 > 成吉思汗镇 > 政府信息公开年报", "artifact.web-chrome"),
    ("发布时间:2017-02-10 来源:成吉思汗镇 字体:[ ]", "artifact.web-chrome"),
    ("UedBet体育成吉思汗镇2016年政府信息公开工作年度报告", "spam.injected"),
    ("365bet网上娱乐_365BETAPP官网", "spam.injected"),
    ("本站提供百家乐、时时彩在线投注", "spam.injected"),
    ("进一步规范 and 加强全镇政务公开工作", "typo.latin-word"),
    ("共同学习政府信息公开的相关内内容", "typo.doubled-char"),
])
def test_core_patterns_find(packset, line, rule):
    assert rule in rules_of(lint(packset, f"报告\n{line}\n"))


@pytest.mark.parametrize("line", [
    "依法查处无证经营的娱乐场所和棋牌室，规范体育彩票销售网点。",
    "做好港澳事务，澳门特别行政区代表团来访。",
    "利用镇政府机关LED屏、索伦广场LED屏面向社会各界广泛公开。",
    "电子邮箱：ymhmsb@163.com，网址http://www.example.gov.cn",
    "开展群众文化娱乐活动和中国福利彩票公益金项目公开。",
    "我镇镇长刘烈强调，村村通公路，人人参与。",
    "的确如此，这是实事求是的做法。",
    "推行政务APP平台建设，开通OA系统。",
])
def test_core_patterns_leave_alone(packset, line):
    found = rules_of(lint(packset, f"报告\n{line}\n"))
    assert not [r for r in found if r.split(".")[0] in ("spam", "typo", "artifact")], found


def test_halfwidth_punctuation_one_finding_per_line():
    text = "2016年,我镇在市委、市政府的正确领导下,以科学发展观为指导:认真贯彻\n"
    hits = run_kind("punctuation", text, {"aspect": "halfwidth"})
    assert [(h.line, h.column, h.values["count"]) for h in hits] == [(1, 6, 3)]


@pytest.mark.parametrize("line", ["发布1,200条信息", "会议于10:30召开", "网址http://www.gov.cn", "共计3,5两项"])
def test_halfwidth_between_non_chinese_is_fine(line):
    assert run_kind("punctuation", line, {"aspect": "halfwidth"}) == []


def test_heading_ending_with_full_stop():
    text = "十、2018年推进工作存在的问题与不足。\n（一）加强组织领导。调整政务公开领导小组。\n（二）进一步加强组织领导，增强意识。\n"
    hits = run_kind("punctuation", text, {"aspect": "heading-period"})
    assert [h.line for h in hits] == [1]


def test_caption_without_its_chart():
    text = ("三、主动公开政府信息的情况\n我苏木政府信息公开主要采用网络形式发布，截至目前主动公开政府信息数170条，广泛接受社会监督。\n"
            " 2017年主动公开政府信息数\n四、政府信息依申请公开办理情况\n没有接到申请。\n五、收费情况\n没有收费。\n"
            "某苏木人民政府\n2018年1月20日\n")
    assert [h.line for h in run_kind("promise", text, {"aspect": "caption"})] == [3]


@pytest.mark.parametrize("middle", [
    " 2017年主动公开政府信息数\n[image: chart.png]\n",           # the chart is there
    "附表：政府信息公开情况统计表\n统计指标\t单位\t统计数\n收到申请数\t件\t0\n",  # a table follows
    "本年度共公开信息170条。\n",                                 # a sentence, not a caption
])
def test_caption_left_alone(middle):
    text = ("三、主动公开政府信息的情况\n我苏木政府信息公开主要采用网络形式发布，截至目前主动公开政府信息数170条，广泛接受社会监督。\n"
            + middle + "四、政府信息依申请公开办理情况\n没有接到申请。\n五、收费情况\n没有收费。\n"
            "某苏木人民政府\n2018年1月20日\n")
    assert run_kind("promise", text, {"aspect": "caption"}) == []


def test_compiled_by_is_not_a_list_of_parts():
    text = "本报告由某县人民政府办公室根据《中华人民共和国政府信息公开条例》要求编制。\n一、总体情况\n"
    assert run_kind("promise", text, {"aspect": "preamble"}) == []


def test_you_list_with_zucheng_is_checked():
    text = "本年报由概述,主动公开政府信息情况,政策解读情况等部分组成。\n一、概述\n二、主动公开政府信息情况\n"
    assert [h.values["item"] for h in run_kind("promise", text, {"aspect": "preamble"})] == ["政策解读情况"]


@pytest.mark.parametrize("line, found", [
    ("UedBet体育成吉思汗镇", True), ("365bet体育官网", True), ("2022体育运动会顺利召开", False),
    ("第5届全民健身体育节", False),
])
def test_brand_needs_a_letter(packset, line, found):
    assert ("spam.injected" in rules_of(lint(packset, f"报告\n{line}\n"))) is found
