"""required-section: a 第三十二条 item is covered by a heading, a statement, or a table row — not by
a word mentioned in passing."""
from conftest import lint, rules_of

HEAD = "2017年某镇政府信息公开工作年度报告\n"
BASE = ("一、主动公开政府信息情况\n本年度主动公开政府信息170条。\n"
        "二、存在的问题和改进措施\n存在的主要问题是公开不及时，下一步将改进。\n")


def test_missing_by_application_is_reported(packset):
    assert "section.by-application" in rules_of(lint(packset, HEAD + BASE))


def test_a_passing_mention_does_not_cover_by_application(packset):
    text = HEAD + BASE + "文件起草时注明公开属性（主动公开、依申请公开、不予公开）。\n"
    assert "section.by-application" in rules_of(lint(packset, text))


def test_heading_covers_by_application(packset):
    text = HEAD + BASE + "三、依申请公开办理情况\n我镇进一步健全申请受理机制。\n"
    assert "section.by-application" not in rules_of(lint(packset, text))


def test_statement_covers_by_application(packset):
    text = HEAD + BASE + "2017年度我苏木没有接到群众主动要求公开政府信息的申请。\n"
    assert "section.by-application" not in rules_of(lint(packset, text))


def test_table_row_covers_fees_and_review(packset):
    table = "统计指标\t单位\t统计数\n四、行政复议数量\t件\t0\n七、依申请公开信息收取的费用\t万元\t0\n"
    found = rules_of(lint(packset, HEAD + BASE + table))
    assert "section.fees" not in found and "section.review-litigation" not in found


def test_fee_statement_covers_fees(packset):
    text = HEAD + BASE + "2017年度，我苏木政府信息公开没有收费。\n"
    assert "section.fees" not in rules_of(lint(packset, text))


def test_review_mention_inside_a_cited_title_does_not_count(packset):
    text = HEAD + BASE + "学习了《关于做好行政复议工作的通知》。\n"
    assert "section.review-litigation" in rules_of(lint(packset, text))
