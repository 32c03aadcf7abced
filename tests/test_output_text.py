"""Text output for people: carets under the span measured in display columns (a Chinese
character is two columns wide), long lines trimmed around the span."""
from linter.cjk import display_width
from linter.output.text import _snippet


def test_carets_under_chinese_span():
    line = "进一步规范 and 加强全镇政务公开工作"
    start = line.index("and")
    shown, carets = _snippet(line, start, start + 3)
    assert shown == line
    assert display_width(shown[:shown.index("and")]) == carets.index("^")
    assert carets.strip() == "^^^"


def test_wide_span_gets_two_carets_per_character():
    line = "共同学习政府信息公开的相关内内容"
    start = line.index("内内")
    _, carets = _snippet(line, start, start + 2)
    assert carets.strip() == "^^^^"


def test_long_line_is_trimmed_around_the_span():
    line = "甲" * 200 + "错误" + "乙" * 200
    shown, carets = _snippet(line, 200, 202)
    assert shown.startswith("…") and shown.endswith("…") and "错误" in shown
    assert display_width(shown) <= 80
    assert display_width(shown[:shown.index("错误")]) == carets.index("^")


def test_tab_in_a_table_row_is_shown_as_a_space():
    shown, _ = _snippet("收到申请数\t件\t若干", 8, 10)
    assert "\t" not in shown


def test_short_line_is_shown_whole():
    line = "十、2018年推进工作存在的问题与不足。"
    shown, carets = _snippet(line, len(line) - 1, len(line))
    assert shown == line and carets.endswith("^^")
