"""Pack loading: every mistake is an error naming the file and the YAML line; selection by year."""
import textwrap

import pytest

from linter.packs import PackError, load_packs

GOOD_RULE = """
  - id: section.local-item
    check: required-section
    severity: warning
    message: 缺少“{item}”
    basis: 某省政务公开办通知
    params: {item: 重点领域信息公开, headings: ['重点领域']}
"""


def write(tmp_path, body, name="local.yaml"):
    folder = tmp_path / "packs"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(textwrap.dedent(body), encoding="utf-8")
    return str(folder)


def error_of(tmp_path, body):
    with pytest.raises(PackError) as exc:
        load_packs([write(tmp_path, body)])
    return str(exc.value)


def test_builtin_packs_load(packset):
    assert {"core", "gov-2008"} <= set(packset.packs)
    for pack_id in packset.packs:  # sibling regime packs may share ids; one chain may not
        ids = [r.id for r in packset.rules_for(packset.chain(pack_id))]
        assert len(ids) == len(set(ids)), pack_id


def test_local_pack_adds_rules_for_its_years(tmp_path):
    folder = write(tmp_path, "id: local\ntitle: 本地\nextends: [gov-2008]\napplies: {report_years: [2017, 2017]}\n"
                             "rules:" + GOOD_RULE)
    packset = load_packs([folder])
    assert packset.select(2017) == ["core", "gov-2008", "local"]
    assert packset.select(2016) == ["core", "gov-2008"]


def test_selection_by_year(packset):
    assert packset.select(2017)[-1] == "gov-2008"
    assert packset.regime_of(packset.select(2017)) == "2008"
    assert packset.select(None) == ["core"]


@pytest.mark.parametrize("body, line, words", [
    ("id: x\ntitle: t\nrules:\n  - id: section.a\n    check: nope\n    severity: error\n    message: m\n    basis: b\n",
     5, "未知的检查类型"),
    ("id: x\ntitle: t\nrules:\n  - id: section.a\n    check: pattern\n    severity: error\n    message: m\n"
     "    basis: b\n    params: {forbidden: ['(unclosed']}\n", 9, "无法编译"),
    ("id: x\ntitle: t\nrules:\n  - id: section.a\n    check: pattern\n    severity: error\n    message: m\n"
     "    basis: b\n    params:\n      forbidden: [a]\n      colour: red\n", 11, "未知参数 colour"),
    ("id: x\ntitle: t\nrules:\n  - id: section.a\n    check: required-section\n    severity: error\n"
     "    message: m\n    basis: b\n    params: {headings: [a]}\n", 9, "缺少必需参数 item"),
    ("id: x\ntitle: t\nrules:" + GOOD_RULE + GOOD_RULE, 11, "重复"),
    ("id: x\ntitle: t\nrules:\n  - id: nofamily\n    check: pattern\n    severity: error\n    message: m\n"
     "    basis: b\n", 4, "family.name"),
    ("id: x\ntitle: t\nrules:\n  - id: section.a\n    check: pattern\n    severity: fatal\n    message: m\n"
     "    basis: b\n    params: {forbidden: [a]}\n", 6, "严重程度"),
    ("id: x\ntitle: t\nrules:\n  - id: section.a\n    check: pattern\n    severity: error\n"
     "    message: 缺少{nothing}\n    basis: b\n    params: {forbidden: [a]}\n", 7, "未知字段"),
    ("id: x\ntitle: t\nrules: [\n", 4, "YAML"),
    ("id: x\ntitle: t\nextends: [nope]\nrules: []\n", 1, "不存在的规则包"),
    ("id: x\ntitle: t\nrules:\n  - id: title.missing\n    check: required-element\n    severity: error\n"
     "    message: m\n    basis: b\n    params: {element: title}\nextends: [core]\n", 4, "已在 core 中定义"),
])
def test_bad_packs_name_file_and_line(tmp_path, body, line, words):
    message = error_of(tmp_path, body)
    assert f"local.yaml:{line}:" in message and words in message, message


def test_severity_override_and_disable(tmp_path):
    folder = write(tmp_path, "id: local\ntitle: 本地\nextends: [gov-2008]\n"
                             "severity: {contact.missing: error}\ndisable: [punct.halfwidth]\nrules: []\n")
    packset = load_packs([folder])
    rules = {r.id: r for r in packset.rules_for(packset.select(2017))}
    assert str(rules["contact.missing"].severity) == "error"
    assert "punct.halfwidth" not in rules
