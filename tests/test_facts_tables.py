"""Text tables: tab-separated (with blank lines inside), runs of spaces, pipe tables; labels with
stray spaces; units and dashes."""
from linter.facts.tables import label_key
from conftest import facts_of


def test_label_key_strips_numbering_notes_and_spaces():
    assert label_key("（一）主动公开政府信息数 （不同渠道和方式公开相同信息计 1 条）") == "主动公开政府信息数"
    assert label_key("其中：主动公开规范性文件数") == "主动公开规范性文件数"
    assert label_key("危及国家安全、公共安全、经济安全和社会 稳定") == "危及国家安全、公共安全、经济安全和社会稳定"
    assert label_key("统 计 指 标") == "统计指标"
    assert label_key("1. 专职人员数（不包括政府公报及政府网站工作人员 数）") == "专职人员数"


def test_tab_table_with_blank_line_inside():
    text = "正文\n\n统计指标\t单位\t统计数\n（一）收到申请数\t件\t3\n\n1. 当面申请数\t件\t1\n2. 网络申请数\t件\t2\n\n落款"
    tables = facts_of(text).tables
    assert len(tables) == 1
    t = tables[0]
    assert (t.start_line, t.end_line) == (3, 7)
    row = t.rows[t.find("收到申请数")]
    assert row.value_cell.quantity.value == 3 and row.line == 4


def test_space_separated_table():
    text = "指标    单位    数量\n收到申请数    件    3\n予以公开    件    2\n不予公开    件    1\n"
    t = facts_of(text).tables[0]
    assert t.kind == "spaces" and len(t.rows) == 4
    assert t.rows[t.find("予以公开")].value_cell.quantity.value == 2


def test_pipe_table():
    text = "| 指标 | 单位 | 数量 |\n|---|---|---|\n| 收到申请数 | 件 | 3 |\n| 予以公开 | 件 | 2 |\n"
    t = facts_of(text).tables[0]
    assert t.kind == "pipe"
    assert [r.key for r in t.rows] == ["指标", "收到申请数", "予以公开"]
    cell = t.rows[1].value_cell
    assert text.splitlines()[2][cell.start:cell.end].strip() == "3"


def test_prose_with_double_spaces_is_not_a_table():
    text = "一、概述  \n我镇高度重视  政务公开工作。\n二、主动公开  \n"
    assert facts_of(text).tables == []


def test_dash_and_blank_cells():
    text = "一、主动公开情况\t——\t\n（一）主动公开政府信息数\t条\t\n（二）政府网站公开数\t条\t4\n"
    t = facts_of(text).tables[0]
    assert t.rows[0].value_cell.blank and t.rows[0].cells[1].dash
