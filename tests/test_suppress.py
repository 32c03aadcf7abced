"""Suppression comments: what they hide, and everything they must leave alone."""
from __future__ import annotations

import pytest

from linter.engine import lint_document
from linter.packs import load_packs
from linter.readers.text import document_from_text

TITLE = "2016年成吉思汗镇政府信息公开工作年度报告\n"
COMMA = "    2016年,我镇在市委、市政府的正确领导下认真贯彻落实。\n"
IMAGE = "    不断强化工作人员的业务知识[image: image1.png]\n"


@pytest.fixture(scope="module")
def packset():
    return load_packs()


def lint(text, packset, path="r.txt"):
    fmt = "md" if path.endswith(".md") else "txt"
    return lint_document(document_from_text(path, text, fmt), packset)


def found(result):
    return {(f.rule, f.line) for f in result.findings}


def test_next_line_is_suppressed_and_only_that_rule(packset):
    text = TITLE + "<!-- nianbao-lint: disable punct.halfwidth — 原文引用 -->\n" + COMMA.replace("。", "[image: a.png]。")
    got = found(lint(text, packset))
    assert ("punct.halfwidth", 3) not in got
    assert ("artifact.conversion", 3) in got            # rule B on the same line is still reported
    assert not any(r == "artifact.unused-suppression" for r, _ in got)


def test_only_the_next_line_in_txt(packset):
    text = TITLE + "<!-- nianbao-lint: disable punct.halfwidth — 原文引用 -->\n" + COMMA + COMMA
    got = found(lint(text, packset))
    assert ("punct.halfwidth", 3) not in got and ("punct.halfwidth", 4) in got


def test_markdown_block_up_to_blank_line(packset):
    text = TITLE + "<!-- nianbao-lint: disable punct.halfwidth — 原文引用 -->\n" + COMMA + COMMA + "\n" + COMMA
    got = found(lint(text, packset, "r.md"))
    assert ("punct.halfwidth", 3) not in got and ("punct.halfwidth", 4) not in got
    assert ("punct.halfwidth", 6) in got


def test_blank_lines_between_comment_and_text_are_skipped(packset):
    text = TITLE + "<!-- nianbao-lint: disable artifact.conversion -- 截图待补 -->\n\n" + IMAGE
    assert ("artifact.conversion", 4) not in found(lint(text, packset))


def test_trailing_comment_covers_its_own_line(packset):
    text = TITLE + IMAGE.rstrip("\n") + " <!-- nianbao-lint: disable artifact.conversion — 待补图 -->\n" + IMAGE
    got = found(lint(text, packset))
    assert ("artifact.conversion", 2) not in got and ("artifact.conversion", 3) in got


def test_family_and_several_rules(packset):
    text = TITLE + "<!-- nianbao-lint: disable punct, artifact.conversion — 整段引用 -->\n" \
        + COMMA.replace("。", "[image: a.png]。")
    got = found(lint(text, packset))
    assert ("punct.halfwidth", 3) not in got and ("artifact.conversion", 3) not in got


def test_file_level_hides_document_level_findings(packset):
    base = lint(TITLE + COMMA, packset)
    doc_rules = {f.rule for f in base.findings if f.line is None}
    assert "contact.missing" in doc_rules
    text = TITLE + COMMA + "<!-- nianbao-lint: disable-file contact.missing — 本单位联系方式另行公布 -->\n"
    result = lint(text, packset)
    rules = {f.rule for f in result.findings}
    assert "contact.missing" not in rules
    assert (doc_rules - {"contact.missing"}) <= rules   # other document-level findings stay
    assert ("punct.halfwidth", 2) in found(result)


def test_line_form_does_not_hide_document_level(packset):
    text = TITLE + "<!-- nianbao-lint: disable contact.missing — 试图 -->\n" + COMMA
    rules = {f.rule for f in lint(text, packset).findings}
    assert "contact.missing" in rules and "artifact.unused-suppression" in rules


def test_unused_and_unknown_suppressions_are_reported(packset):
    text = TITLE + "<!-- nianbao-lint: disable artifact.conversion — 早已修好 -->\n" + COMMA \
        + "<!-- nianbao-lint: disable punct.halfwidht — 拼错 -->\n" + COMMA
    result = lint(text, packset)
    unused = [f for f in result.findings if f.rule == "artifact.unused-suppression"]
    assert [f.line for f in unused] == [2, 4]
    assert "没有用上" in unused[0].message and "不存在" in unused[1].message
    assert ("punct.halfwidth", 5) in found(result)       # the misspelt rule hides nothing


def test_comment_text_is_not_read_as_the_report(packset):
    plain = lint(TITLE + COMMA, packset)
    commented = lint("<!-- nianbao-lint: disable-file typo.latin-word — the and of -->\n" + TITLE + COMMA, packset)
    assert plain.report_year == commented.report_year == 2016
    assert not any(f.rule.startswith("typo") and f.line == 1 for f in commented.findings)
    # the comment itself stays in the document the formatter shows
    assert commented.document.line(1).text.startswith("<!--")


def test_suppression_ignored_outside_comments(packset):
    text = TITLE + "    nianbao-lint: disable punct.halfwidth\n" + COMMA
    assert ("punct.halfwidth", 3) in found(lint(text, packset))


# ------------------------------------------------------------------------------------------ .docx

def make_docx(path, paragraphs, comments):
    """paragraphs: texts; comments: {paragraph index: comment text} (Word comments on that paragraph)."""
    docx = pytest.importorskip("docx")
    d = docx.Document()
    made = [d.add_paragraph(t) for t in paragraphs]
    for index, text in comments.items():
        d.add_comment(made[index].runs, text=text, author="审核")
    d.save(str(path))
    return path


def lint_docx(path, packset):
    from linter.engine import lint_file
    return lint_file(str(path), packset)


DOCX_TEXT = [TITLE.strip(), COMMA.strip().replace("。", "[image: a.png]。"), COMMA.strip()]


def test_word_comment_suppresses_the_commented_paragraph_only(tmp_path, packset):
    path = make_docx(tmp_path / "r.docx", DOCX_TEXT, {1: "nianbao-lint: disable punct.halfwidth — 原文引用"})
    got = found(lint_docx(path, packset))
    assert ("punct.halfwidth", 2) not in got
    assert ("punct.halfwidth", 3) in got                 # the next paragraph is not commented
    assert ("artifact.conversion", 2) in got             # another rule on the commented paragraph stays
    assert not any(r == "artifact.unused-suppression" for r, _ in got)


def test_word_comment_file_level_and_unused(tmp_path, packset):
    path = make_docx(tmp_path / "r.docx", DOCX_TEXT, {
        0: "nianbao-lint: disable-file contact.missing — 联系方式另行公布",
        2: "nianbao-lint: disable artifact.conversion — 过时"})
    result = lint_docx(path, packset)
    rules = {f.rule for f in result.findings}
    assert "contact.missing" not in rules
    unused = [f for f in result.findings if f.rule == "artifact.unused-suppression"]
    assert [f.line for f in unused] == [3]


def test_ordinary_word_comments_change_nothing(tmp_path, packset):
    plain = make_docx(tmp_path / "a.docx", DOCX_TEXT, {})
    commented = make_docx(tmp_path / "b.docx", DOCX_TEXT, {1: "请核对数字 disable punct.halfwidth"})
    assert found(lint_docx(plain, packset)) == found(lint_docx(commented, packset))
