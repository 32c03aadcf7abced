"""table-schema, table-arith and prose-table on the 2014–2018 statistics table (seed 004's layout)."""
from conftest import lint, rules_of

HEAD = "某镇2018年政府信息公开工作年度报告\n二、主动公开政府信息情况\n我镇通过网站发布信息{n}条。\n七、依申请公开情况\n无依申请公开政府信息情况。\n\n"
TABLE = """统 计 指 标\t单 位\t统 计 数
一、主动公开情况\t——\t
（一）主动公开政府信息数 （不同渠道和方式公开相同信息计 1 条）\t条\t{total}
其中：主动公开规范性文件数\t条\t{rules}
（二）通过不同渠道和方式公开政府信息的情况\t——\t
1. 政府公报公开政府信息数\t条\t0
2. 政府网站公开政府信息数\t条\t34
3. 政务微博公开政府信息数\t条\t30
4. 政务微信公开政府信息数\t条\t0
5. 其他方式公开政府信息数\t条\t5
三、依申请公开情况\t——\t
（一）收到申请数\t件\t{received}
1. 当面申请数\t件\t0
2. 传真申请数\t件\t0
3. 网络申请数\t件\t{online}
4. 信函申请数\t件\t0
（二）申请办结数\t件\t0
1. 按时办结数\t件\t0
2. 延期办结数\t件\t0
（三）申请答复数\t件\t0
1. 属于已主动公开范围数\t件\t0
2. 同意公开答复数\t件\t0
四、行政复议数量\t件\t0
（一）维持具体行政行为数\t件\t0
（二）被依法纠错数\t件\t0
（三）其他情形数\t件\t0
五、行政诉讼数量\t件\t0
（一）维持具体行政行为或者驳回原告诉讼请求数\t件\t0
（二）被依法纠错数\t件\t0
（三）其他情形数\t件\t0
六、举报投诉数量\t件\t0
七、依申请公开信息收取的费用\t万元\t0
"""


def report(n=40, total=40, rules=2, received=0, online=0, extra=""):
    return HEAD.format(n=n) + TABLE.format(total=total, rules=rules, received=received, online=online) + extra


def findings(packset, text, prefix):
    return [f for f in lint(packset, text).findings if f.rule.startswith(prefix)]


def test_consistent_table_gives_no_table_arith_or_xref_finding(packset):
    found = rules_of(lint(packset, report()))
    assert not [r for r in found if r.split(".")[0] in ("table", "arith", "xref")], found


def test_total_outside_channel_bounds(packset):
    hits = findings(packset, report(total=0, n=0), "arith.table-channels")
    assert len(hits) == 1 and hits[0].line == 9


def test_total_above_channel_sum(packset):
    assert findings(packset, report(total=100, n=100), "arith.table-channels")


def test_sum_relation(packset):
    hits = findings(packset, report(received=2, online=1), "arith.table-sum")
    assert [(h.line, "2" in h.message) for h in hits] == [(18, True)]


def test_subset_larger_than_parent(packset):
    hits = findings(packset, report(rules=50), "arith.table-subset")
    assert [h.line for h in hits] == [10]


def test_header_row_with_a_number(packset):
    text = report().replace("一、主动公开情况\t——\t\n", "一、主动公开情况\t——\t1815\n")
    assert [h.line for h in findings(packset, text, "arith.header-number")] == [8]


def test_cell_not_a_number(packset):
    text = report().replace("六、举报投诉数量\t件\t0", "六、举报投诉数量\t件\t若干")
    hits = findings(packset, text, "table.cell-not-number")
    assert len(hits) == 1 and "若干" in hits[0].message


def test_missing_row(packset):
    text = report().replace("六、举报投诉数量\t件\t0\n", "")
    hits = findings(packset, text, "table.missing-row")
    assert ["举报投诉数量" in h.message for h in hits] == [True]


def test_no_table(packset):
    assert [f.line for f in findings(packset, HEAD.format(n=4), "table.missing")] == [None]


def test_no_table_required_before_2014(packset):
    text = HEAD.format(n=4).replace("2018年", "2012年")
    assert not findings(packset, text, "table.missing")


def test_prose_count_against_zero_table(packset):
    hits = findings(packset, report(total=0, n=64), "xref.proactive")
    assert [h.line for h in hits] == [3]


def test_prose_count_against_matching_table(packset):
    assert not findings(packset, report(total=40, n=40), "xref")


def test_no_application_agrees_with_zero(packset):
    assert not findings(packset, report(), "xref.applications")


def test_no_application_against_nonzero_table(packset):
    hits = findings(packset, report(received=3, online=3), "xref.applications")
    assert [h.line for h in hits] == [5]


def test_wrong_unit(packset):
    text = report().replace("七、依申请公开信息收取的费用\t万元\t0", "七、依申请公开信息收取的费用\t件\t0")
    hits = findings(packset, text, "table.unit")
    assert len(hits) == 1 and "万元" in hits[0].message


def test_right_units_pass(packset):
    assert not findings(packset, report(), "table.unit")
