"""Reading the unified format's sections and tables from text, in the layouts offices paste them in."""
from __future__ import annotations

import os

import pytest

from conftest import ROOT, doc_of
from linter.facts import Facts
from linter.facts.unified import split_cells, unified_of

FIX = os.path.join(ROOT, "tests", "fixtures", "unified")


def unified(name_or_text: str):
    path = os.path.join(FIX, name_or_text)
    text = open(path, encoding="utf-8").read() if os.path.exists(path) else name_or_text
    return unified_of(Facts(doc_of(text)))


def test_six_sections_found_in_order():
    u = unified("bh_scjgj_2021.txt")
    assert [s.id for s in u.sections] == ["overview", "proactive", "applications", "review", "problems", "other"]


@pytest.mark.parametrize("heading, sid", [
    ("五、政府信息公开工作存在的主要问题及改进情况", "problems"),
    ("五、存在问题及改进情况", "problems"),
    ("四、因政府信息公开工作被申请行政复议和提起行政诉讼情况", "review"),
    ("三、收到和处理政府信息公开申请情况", "applications"),
    ("六、其他需要报告的事项", "other"),
])
def test_heading_variants(heading, sid):
    u = unified(f"2021年某县某局政府信息公开工作年度报告\n\n{heading}\n\n正文。\n")
    assert [s.id for s in u.sections] == [sid]


def test_table_three_tab_layout():
    t = unified("bh_scjgj_2021.txt").applications
    assert t.layout == "2021" and len(t.rows) == 25 and t.unknown_rows == [] and t.unknown_columns == []
    assert t.value("new", "自然人") == 5 and t.value("new", "商业企业") == 1 and t.value("new", "总计") == 6
    assert t.value("unable.1", "自然人") == 2 and t.rows["unable.1"].line == 48


def test_table_three_pipe_layout():
    t = unified("qs_town_2021.txt").applications
    assert t.layout == "2021" and len(t.rows) == 25
    assert t.value("reject.1", "自然人") == 1 and t.value("total", "总计") == 2


def test_table_three_flattened_from_a_web_page():
    """Merged cells given once, 0 left blank, 总计 only on rows 一、二、（七）、四."""
    t = unified("hx_county_gov_2021_web.txt").applications
    assert t.layout == "2021" and len(t.rows) == 25 and t.unknown_rows == []
    assert t.value("open", "自然人") == 9 and t.value("open", "社会公益组织") == 1
    assert t.value("open", "科研机构") == 0          # blank is 0
    assert t.value("open", "总计") is None           # a blank 总计 is "not given"
    assert t.value("unable.1", "法律服务机构") == 1
    assert t.value("deny.6", "自然人") == 1           # group （三） carried over from the rows above


def test_table_three_2019_layout_has_one_other_row():
    t = unified("bh_scjgj_2020.txt").applications
    assert t.layout == "2019" and "other" in t.rows and "other.1" not in t.rows and len(t.rows) == 23


def test_table_two_2019_split_header():
    p = unified("bh_scjgj_2020.txt").proactive
    assert p.layout == "2019"
    assert p.value("规范性文件", "本年新制作数量") == 1 and p.value("规范性文件", "对外公开总数量") == 12
    assert p.value("行政事业性收费", "本年增/减") == -1 and p.value("政府集中采购", "采购总金额") == 27.6


def test_table_two_2021_in_three_layouts():
    for name in ("bh_scjgj_2021.txt", "qs_town_2021.txt", "hx_county_gov_2021_web.txt"):
        p = unified(name).proactive
        assert p.layout == "2021", name
        assert set(p.rows) == {"规章", "规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费"}, name
    assert unified("hx_county_gov_2021_web.txt").proactive.value("规范性文件", "现行有效件数") == 57


def test_table_four_in_three_layouts():
    for name in ("bh_scjgj_2021.txt", "qs_town_2021.txt", "hx_county_gov_2021_web.txt"):
        r = unified(name).review
        assert r.count == 15, name
    r = unified("hx_county_gov_2021_web.txt").review
    assert r.value("行政复议", "结果维持") == 1 and r.value("行政复议", "总计") == 1


def test_a_prose_sentence_about_new_applications_is_not_a_table():
    u = unified("2021年某局政府信息公开工作年度报告\n\n一、总体情况\n\n本年新收政府信息公开申请3件，结转下年度继续办理0件。\n")
    assert u.applications is None and u.proactive is None


def test_split_cells_keeps_offsets():
    cells = split_cells(1, "| 规章 | 0 | 1 |")
    assert [c.text for c in cells] == ["规章", "0", "1"]
    assert "| 规章 | 0 | 1 |"[cells[2].start:cells[2].end] == "1"
    tab = split_cells(2, "行政许可\t\t125")
    assert [c.text for c in tab] == ["行政许可", "", "125"]


def test_space_aligned_rows_that_lost_blank_cells_are_not_summed(packset):
    """A PDF's text has runs of spaces for tabs, and a blank cell simply vanishes: "3    4" may be
    自然人 3 and 总计 4 or 自然人 3 and 商业企业 4. The sums are not checked on such a table."""
    from conftest import TODAY
    from linter.engine import check_document
    text = open(os.path.join(FIX, "bh_scjgj_2021.txt"), encoding="utf-8").read()
    text = text.replace("三、本年度办理结果\t（一）予以公开\t\t3\t1\t0\t0\t0\t0\t4", "三、本年度办理结果  （一）予以公开  3  1      4")
    t = unified(text).applications
    assert not t.aligned
    found = check_document(doc_of(text), packset, today=TODAY).findings
    assert not [f for f in found if f.rule.startswith("arith.r")]


def test_an_unknown_column_is_reported_and_the_sums_are_not_trusted(packset):
    from conftest import TODAY
    from linter.engine import check_document
    text = open(os.path.join(FIX, "bh_scjgj_2021.txt"), encoding="utf-8").read()
    text = text.replace("\t\t\t\t商业企业\t科研机构", "\t\t\t\t个体工商户\t商业企业\t科研机构")
    t = unified(text).applications
    assert [c.text for c in t.unknown_columns] == ["个体工商户"] and not t.aligned
    found = [(f.rule, f.line) for f in check_document(doc_of(text), packset, today=TODAY).findings]
    assert ("table.unified-unknown", 35) in found
    assert not [r for r, _ in found if r.startswith("arith.r")]


def _html_table_three(values: dict) -> str:
    """Table 三 as the national template's HTML: merged cells as rowspan/colspan, 0 left blank."""
    def tds(rid):
        return "".join(f"<td>{v if v else ''}</td>" for v in values.get(rid, [0] * 7))
    subs = {"deny": ["属于国家秘密", "其他法律行政法规禁止公开", "危及“三安全一稳定”", "保护第三方合法权益",
                     "属于三类内部事务信息", "属于四类过程性信息", "属于行政执法案卷", "属于行政查询事项"],
            "unable": ["本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确"],
            "reject": ["信访举报投诉类申请", "重复申请", "要求提供公开出版物", "无正当理由大量反复申请",
                       "要求行政机关确认或重新出具已获取信息"],
            "other": ["申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                      "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "其他"]}
    heads = {"deny": "（三）不予公开", "unable": "（四）无法提供", "reject": "（五）不予处理", "other": "（六）其他处理"}
    rows = ['<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>'
            '<td colspan="7">申请人情况</td></tr>',
            '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>',
            "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>",
            f'<tr><td colspan="3">一、本年新收政府信息公开申请数量</td>{tds("new")}</tr>',
            f'<tr><td colspan="3">二、上年结转政府信息公开申请数量</td>{tds("carried")}</tr>',
            f'<tr><td rowspan="22">三、本年度办理结果</td><td colspan="2">（一）予以公开</td>{tds("open")}</tr>',
            f'<tr><td colspan="2">（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td>{tds("partial")}</tr>']
    for group, names in subs.items():
        for i, name in enumerate(names, 1):
            head = f'<td rowspan="{len(names)}">{heads[group]}</td>' if i == 1 else ""
            rows.append(f"<tr>{head}<td>{i}．{name}</td>{tds(f'{group}.{i}')}</tr>")
    rows.append(f'<tr><td colspan="2">（七）总计</td>{tds("total")}</tr>')
    rows.append(f'<tr><td colspan="3">四、结转下年度继续办理</td>{tds("carry_next")}</tr>')
    return ("<html><head><title>某县某局2021年政府信息公开工作年度报告</title></head><body>"
            "<p>三、收到和处理政府信息公开申请情况</p><table>" + "".join(rows) + "</table></body></html>")


def test_table_three_from_an_html_page_with_merged_cells():
    from linter.readers import read_bytes
    html = _html_table_three({"new": [3, 1, 0, 0, 0, 0, 4], "open": [2, 1, 0, 0, 0, 0, 3],
                              "reject.2": [1, 0, 0, 0, 0, 0, 1], "total": [3, 1, 0, 0, 0, 0, 4]})
    doc = read_bytes("report.html", html.encode("utf-8"))
    t = unified_of(Facts(doc)).applications
    assert t is not None and t.layout == "2021" and len(t.rows) == 25 and t.unknown_rows == []
    assert t.value("open", "商业企业") == 1 and t.value("reject.2", "自然人") == 1
    assert t.value("new", "总计") == 4 and t.value("deny.3", "自然人") == 0


def test_space_aligned_tables_with_every_cell_filled_are_read(packset):
    """Text from a PDF: runs of spaces between cells, label placeholders gone, every number present."""
    from conftest import TODAY
    from linter.engine import check_document
    text = open(os.path.join(FIX, "bh_scjgj_2021.txt"), encoding="utf-8").read()
    spaced = "\n".join("    ".join(c for c in line.split("\t") if c) if "\t" in line else line
                       for line in text.split("\n"))
    u = unified(spaced)
    assert u.applications.aligned and len(u.applications.rows) == 25
    assert u.applications.value("unable.1", "总计") == 2 and u.review.count == 15
    assert u.proactive.value("规范性文件", "现行有效件数") == 15
    assert check_document(doc_of(spaced), packset, today=TODAY).findings == []
