"""The unified-format rules (gov-2019, gov-2021), each pinned on the defect it must find and on the
twin it must leave alone. The reports are the clean fixtures with one defect seeded at a time."""
from __future__ import annotations

import os

import pytest

from conftest import ROOT, TODAY, doc_of
from linter.engine import check_document

FIX = os.path.join(ROOT, "tests", "fixtures", "unified")


def fixture(name: str) -> str:
    with open(os.path.join(FIX, name), encoding="utf-8") as fh:
        return fh.read()


BUREAU = fixture("bh_scjgj_2021.txt")          # 2021, tab tables, a county 局
BUREAU_2020 = fixture("bh_scjgj_2020.txt")     # 2020, 2019 format
TOWN = fixture("qs_town_2021.txt")             # 2021, pipe tables, a 镇人民政府
WEB = fixture("hx_county_gov_2021_web.txt")    # 2021, flattened web page, a 县人民政府


def seeded(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


@pytest.fixture(scope="module")
def lint(packset):
    def run(text: str):
        result = check_document(doc_of(text), packset, today=TODAY)
        assert result.error is None, result.error
        return [(f.rule, f.line) for f in result.findings]
    return run


def rules(found):
    return {r for r, _ in found}


@pytest.mark.parametrize("text", [BUREAU, BUREAU_2020, TOWN, WEB])
def test_clean_reports_give_nothing(lint, text):
    assert lint(text) == []


# ---------------------------------------------------------------- 勾稽关系

def test_r1_a_column_that_does_not_balance(lint):
    text = seeded(BUREAU, "四、结转下年度继续办理\t\t\t1\t0\t0\t0\t0\t0\t1", "四、结转下年度继续办理\t\t\t2\t0\t0\t0\t0\t0\t2")
    found = lint(text)
    assert ("arith.r1", 59) in found
    assert "arith.r2" not in rules(found) and "arith.r3" not in rules(found)


def test_r2_a_row_total_that_is_not_the_sum(lint):
    text = seeded(BUREAU, "三、本年度办理结果\t（一）予以公开\t\t3\t1\t0\t0\t0\t0\t4",
                  "三、本年度办理结果\t（一）予以公开\t\t3\t1\t0\t0\t0\t0\t5")
    assert ("arith.r2", 38) in lint(text)


def test_r3_results_that_do_not_add_up_to_the_total(lint):
    text = seeded(BUREAU, "1．本机关不掌握相关政府信息\t2\t0\t0\t0\t0\t0\t2", "1．本机关不掌握相关政府信息\t3\t0\t0\t0\t0\t0\t3")
    found = lint(text)
    assert ("arith.r3", 59) in found and "arith.r2" not in rules(found)


def test_total_column_filled_on_some_rows_only_is_not_an_error(lint):
    text = seeded(BUREAU, "三、本年度办理结果\t（一）予以公开\t\t3\t1\t0\t0\t0\t0\t4", "三、本年度办理结果\t（一）予以公开\t\t3\t1")
    text = seeded(text, "1．本机关不掌握相关政府信息\t2\t0\t0\t0\t0\t0\t2", "1．本机关不掌握相关政府信息\t2")
    assert lint(text) == []


def test_r4_review_total(lint):
    row = "\t".join(["0"] * 15)
    text = seeded(BUREAU, row, "\t".join(["1", "0", "0", "1", "1"] + ["0"] * 10))
    assert ("arith.r4", 67) in lint(text)
    twin = seeded(BUREAU, row, "\t".join(["1", "0", "0", "1", "2"] + ["0"] * 10))
    assert "arith.r4" not in rules(lint(twin))


# ---------------------------------------------------------------- cells, rows, columns

@pytest.mark.parametrize("cell, bad", [("若干", True), ("-1", True), ("0.5", True), ("", False), ("—", False)])
def test_cells_must_be_counts(lint, cell, bad):
    text = seeded(BUREAU, "1．属于国家秘密\t0\t", f"1．属于国家秘密\t{cell}\t")
    assert (("table.unified-cell", 40) in lint(text)) is bad


def test_signed_and_money_columns_may_be_negative_or_fractional(lint):
    assert "本年增/减" in BUREAU_2020 and "\t-1" in BUREAU_2020 and "27.6" in BUREAU_2020
    assert lint(BUREAU_2020) == []
    assert lint(seeded(BUREAU, "行政事业性收费\t0", "行政事业性收费\t12.35")) == []


def test_a_missing_row_is_reported_where_it_should_be(lint):
    text = seeded(BUREAU, "\t\t8．属于行政查询事项\t0\t0\t0\t0\t0\t0\t0\n", "")
    assert ("table.unified-missing-row", 47) in lint(text)


def test_an_unknown_row_is_reported(lint):
    text = seeded(BUREAU, "\t\t8．属于行政查询事项\t0\t0\t0\t0\t0\t0\t0\n",
                  "\t\t8．属于行政查询事项\t0\t0\t0\t0\t0\t0\t0\n\t\t9．涉及个人隐私\t0\t0\t0\t0\t0\t0\t0\n")
    assert ("table.unified-unknown", 48) in lint(text)


def test_a_missing_column_is_reported():
    text = fixture("ll_town_2021_defects.txt")
    from linter.facts import Facts
    from linter.facts.unified import unified_of
    table = unified_of(Facts(doc_of(text))).applications
    assert "法律服务机构" not in table.columns and len(table.columns) == 6
    assert table.value("new", "总计") == 2 and table.value("new", "其他") == 0


# ---------------------------------------------------------------- layout of another regime

def test_a_2022_report_with_2019_columns_is_flagged(lint):
    text = seeded(BUREAU, "信息内容\t本年制发件数\t本年废止件数\t现行有效件数", "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量")
    assert ("table.regime-layout", 17) in lint(text)


def test_a_2020_report_with_2021_columns_is_flagged(lint):
    text = seeded(BUREAU_2020, "信息内容\t本年新\t本年新\t对外公开总数量\n\t制作数量\t公开数量",
                  "信息内容\t本年制发件数\t本年废止件数\t现行有效件数")
    assert "table.regime-layout" in rules(lint(text))


def test_a_2021_table_three_in_the_2019_layout_is_flagged(lint):
    text = seeded(BUREAU, "\t（六）其他处理\t1．申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t", "\t（六）其他处理\t\t")
    text = seeded(text, "\t\t2．申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\n", "")
    text = seeded(text, "\t\t3．其他\t0\t0\t0\t0\t0\t0\t0\n", "")
    assert "table.regime-layout" in rules(lint(text))


def test_a_2016_report_in_the_unified_layout_is_flagged(lint):
    text = BUREAU_2020.replace("2020年", "2016年").replace("2021年", "2017年")
    found = lint(text)
    assert "table.regime-layout" in rules(found)
    assert "arith.r1" not in rules(found)  # the 2008 pack does not run the unified rules


def test_2008_reports_are_not_taken_for_the_unified_layout(lint, packset):
    import glob
    from linter.engine import check_file
    for path in sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt"))):
        result = check_file(path, packset, today=TODAY)
        assert not [f for f in result.findings if f.rule == "table.regime-layout"], path


# ---------------------------------------------------------------- sections

def test_a_missing_section(lint):
    text = seeded(BUREAU, "六、其他需要报告的事项\n\n　　本年度我局未收取信息处理费。无其他需要报告的事项。\n", "")
    assert "section.unified-missing" in rules(lint(text))


@pytest.mark.parametrize("old, new", [
    ("五、存在的主要问题及改进情况", "五、存在问题及改进情况"),
    ("五、存在的主要问题及改进情况", "五、政府信息公开工作存在的主要问题及改进情况"),
    ("四、政府信息公开行政复议、行政诉讼情况", "四、因政府信息公开工作被申请行政复议和提起行政诉讼情况"),
])
def test_heading_variants_real_reports_use(lint, old, new):
    assert lint(seeded(BUREAU, old, new)) == []


def test_sections_out_of_order(lint):
    five = "五、存在的主要问题及改进情况\n\n" + BUREAU.split("五、存在的主要问题及改进情况\n\n")[1].split("\n\n六、")[0] + "\n\n"
    text = seeded(BUREAU, five, "")
    text = seeded(text, "二、主动公开政府信息情况\n", five + "二、主动公开政府信息情况\n")
    found = lint(text)
    assert "section.unified-order" in rules(found)


def test_an_empty_overview(lint):
    body = BUREAU.split("一、总体情况\n\n")[1].split("\n\n二、")[0]
    found = lint(seeded(BUREAU, body + "\n\n", ""))
    assert ("section.overview-empty", 5) in found


def test_a_section_whose_table_was_pasted_as_an_image(lint):
    table = BUREAU.split("四、政府信息公开行政复议、行政诉讼情况\n\n")[1].split("\n\n五、")[0]
    found = lint(seeded(BUREAU, table, "[图片]"))
    assert ("table.unified-missing", 62) in found


def test_a_peoples_government_must_report_appraisal(lint):
    gov = BUREAU.replace("滨河县市场监督管理局2021年", "滨河镇人民政府2021年").replace("滨河县市场监督管理局\n2022", "滨河镇人民政府\n2022")
    assert "section.appraisal" not in rules(lint(gov))        # "纳入各股室绩效考核"
    no_appraisal = seeded(gov, "把信息公开工作纳入各股室绩效考核，", "")
    no_appraisal = seeded(no_appraisal, "把执法信息公开纳入监管所考核，", "")
    assert "section.appraisal" in rules(lint(no_appraisal))
    bureau = seeded(BUREAU, "把信息公开工作纳入各股室绩效考核，", "")
    assert "section.appraisal" not in rules(lint(bureau))      # a 局 is not a 人民政府


def test_processing_fee_must_be_stated_from_2021(lint):
    text = seeded(BUREAU, "本年度我局未收取信息处理费。", "")
    assert ("section.processing-fee", 73) in lint(text)
    assert "信息处理费" not in BUREAU_2020 and lint(BUREAU_2020) == []   # 2020: not required


def test_old_fee_regime(lint):
    text = seeded(BUREAU, "本年度我局未收取信息处理费。", "本年度我局未收取信息处理费，未收取检索费、复制费等费用。")
    assert ("section.old-fee-regime", 75) in lint(text)


# ---------------------------------------------------------------- plausibility

def test_a_bureau_cannot_make_rules(lint):
    assert ("arith.rules-issuer", 18) in lint(seeded(BUREAU, "规章\t0\t0\t0", "规章\t1\t0\t1"))


def test_a_city_government_office_may_report_rules(lint):
    text = seeded(BUREAU, "规章\t0\t0\t0", "规章\t1\t0\t1")
    text = text.replace("滨河县市场监督管理局2021年", "上海市人民政府办公厅2021年")
    assert "arith.rules-issuer" not in rules(lint(text))


def test_valid_count_smaller_than_issued(lint):
    assert ("arith.valid-count", 19) in lint(seeded(BUREAU, "行政规范性文件\t2\t1\t15", "行政规范性文件\t2\t0\t1"))
    assert "arith.valid-count" not in rules(lint(seeded(BUREAU, "行政规范性文件\t2\t1\t15", "行政规范性文件\t2\t1\t1")))


# ---------------------------------------------------------------- prose against the tables

def test_received_in_prose_must_match_table(lint):
    assert ("xref.received", 9) in lint(seeded(BUREAU, "全年新收政府信息公开申请6件", "全年新收政府信息公开申请5件"))
    # 新收 + 上年结转 = 7: offices count either way
    assert lint(seeded(BUREAU, "全年新收政府信息公开申请6件，上年结转1件", "全年共收到政府信息公开申请7件")) == []


def test_no_applications_in_prose_against_a_non_zero_table(lint):
    text = seeded(BUREAU, "全年新收政府信息公开申请6件，上年结转1件，均在法定期限内答复，其中予以公开4件，因本机关不掌握相关政府信息告知申请人2件，结转下年度继续办理1件。",
                  "本年度未收到政府信息公开申请。")
    assert ("xref.received", 9) in lint(text)


def test_granted_in_prose_must_match_table(lint):
    assert ("xref.granted", 9) in lint(seeded(BUREAU, "其中予以公开4件", "其中予以公开3件"))


def test_review_in_prose_against_table_four(lint):
    said = seeded(BUREAU, "本年度我局未收取信息处理费。", "本年度未发生政府信息公开行政复议和行政诉讼。本年度我局未收取信息处理费。")
    assert lint(said) == []
    row = "\t".join(["0"] * 15)
    with_case = seeded(said, row, "\t".join(["1", "0", "0", "0", "1"] + ["0"] * 10))
    found = lint(with_case)
    assert ("xref.review", 75) in found and "xref.litigation" not in rules(found)


def test_table_two_missing_row_and_column(lint):
    text = seeded(BUREAU, "行政强制\t2\n", "")
    assert ("table.unified-missing-row", 26) in lint(text)
    text = seeded(BUREAU, "信息内容\t本年制发件数\t本年废止件数\t现行有效件数", "信息内容\t本年制发件数\t本年废止件数")
    text = seeded(text, "行政规范性文件\t2\t1\t15", "行政规范性文件\t2\t1")
    assert ("table.unified-missing-column", 16) in lint(text)


def test_a_table_in_another_regimes_layout_is_not_also_checked_against_this_ones_rows(lint):
    text = seeded(BUREAU, "信息内容\t本年制发件数\t本年废止件数\t现行有效件数", "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量")
    found = lint(text)
    assert "table.regime-layout" in rules(found)
    assert "table.unified-missing-row" not in rules(found) and "table.unified-missing-column" not in rules(found)


def test_a_missing_last_row_at_the_end_of_the_file(lint):
    text = BUREAU.split("四、结转下年度继续办理")[0].rstrip("\n")
    found = lint(text)
    assert ("table.unified-missing-row", 59) in found or ("table.unified-missing-row", 60) in found


def test_appraisal_body_found_in_the_signoff(lint):
    text = TOWN.replace("青山镇人民政府2021年政府信息公开工作年度报告", "2021年青山镇人民政府信息公开工作年度报告")
    assert "section.appraisal" not in rules(lint(text))
    text = text.replace("镇党委把政务公开纳入对各村和站所的年度工作考核，全年未发生因信息公开不到位被追究责任的情况；开展群众满意度测评1次，测评结果在镇政务公开栏公示。", "")
    assert "section.appraisal" in rules(lint(text))


def test_r3_in_the_2019_layout_counts_the_single_other_row(lint):
    """2019 format: （六）其他处理 is one row with its own numbers."""
    line = "\t（六）其他处理\t\t0\t0\t0\t0\t0\t0\t0"
    assert line in BUREAU_2020
    broken = seeded(BUREAU_2020, line, "\t（六）其他处理\t\t1\t0\t0\t0\t0\t0\t1")
    found = lint(broken)
    assert ("arith.r3", 62) in found      # reported at （七）总计
    # moving one 予以公开 to 其他处理 keeps every sum right
    moved = seeded(broken, "三、本年度办理结果\t（一）予以公开\t\t2\t1\t0\t0\t0\t0\t3", "三、本年度办理结果\t（一）予以公开\t\t1\t1\t0\t0\t0\t0\t2")
    moved = moved.replace("予以公开3件", "予以公开2件")
    assert not [r for r, _ in lint(moved) if r.startswith("arith.")]
