"""numbering: repeats, skips, restarts under a parent, mixed styles."""
from conftest import run_kind

SKIP_UNDER_PARENT = """（二）加强政务公开工作基础保障
    1、政府公报建设情况。
     2、主动送交公文情况。
   4、政务公开工作纳入年度考核评价体系情况。
"""


def test_skip_found_at_the_line_after_the_gap():
    hits = run_kind("numbering", SKIP_UNDER_PARENT, {"aspect": "skip"})
    assert [(h.line, h.values["expected"]) for h in hits] == [(4, "3、")]


def test_repeat():
    text = "一、总体\n二、主动公开\n二、重点领域\n三、互联网\n"
    hits = run_kind("numbering", text, {"aspect": "repeat"})
    assert [h.line for h in hits] == [3]
    assert run_kind("numbering", text, {"aspect": "skip"}) == []


def test_numbering_restarts_under_each_parent():
    text = "（一）甲\n1、a\n2、b\n（二）乙\n1、c\n2、d\n"
    assert run_kind("numbering", text, {"aspect": "skip"}) == []
    assert run_kind("numbering", text, {"aspect": "repeat"}) == []


def test_ten_follows_eight_is_a_skip_but_eleven_follows_ten_is_not():
    text = "八、完善\n十、问题\n十一、计划\n"
    hits = run_kind("numbering", text, {"aspect": "skip"})
    assert [(h.line, h.values["expected"]) for h in hits] == [(2, "九、")]


def test_paragraph_markers_do_not_count():
    text = "一、概述\n一是及时发布。\n二是常态化。\n二、情况\n"
    assert run_kind("numbering", text, {"aspect": "repeat"}) == []


def test_mixed_parentheses_flag_the_minority():
    text = "一、甲\n（一）a\n(二) b\n(三) c\n二、乙\n（一）d\n（二）e\n（三）f\n"
    hits = run_kind("numbering", text, {"aspect": "mixed-style", "levels": [2]})
    assert [h.line for h in hits] == [3, 4]


def test_one_style_is_not_mixed():
    text = "(一)a\n(二)b\n(三)c\n"
    assert run_kind("numbering", text, {"aspect": "mixed-style", "levels": [2]}) == []


def test_start_not_at_one():
    hits = run_kind("numbering", "一、甲\n（二）乙\n（三）丙\n", {"aspect": "start"})
    assert [h.line for h in hits] == [2]
