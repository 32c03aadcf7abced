"""The literal prefilter may skip a regex only when the regex cannot match (prefilter.py)."""
from __future__ import annotations

import glob
import os
import random

import pytest

from linter.packs import load_packs
from linter.prefilter import may_match as _may_match, plan, required_literals
from linter.schema import _for_stdlib, compile_pattern

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def may_match(literals, text):
    return _may_match(plan(literals), text)


def clauses(pattern):
    found = required_literals(_for_stdlib(pattern))
    return None if found is None else [{"".join(o[0] for o in lit) for lit in clause} for clause in found]


def lits(pattern):
    """The most selective clause."""
    found = clauses(pattern)
    return None if found is None else found[0]


@pytest.mark.parametrize("pattern, expected", [
    ("娱乐场所", {"娱乐场所"}),
    ("(?:体育|福利)彩票", {"彩票"}),                       # the one literal comes before the two
    ("彩票(?:管理|销售|发行|公益金)", {"彩票"}),
    ("[A-Za-z0-9]{1,20}(?:体育|娱乐)", {"体育", "娱乐"}),  # a wide class requires nothing useful
    ("地址\\s*[:：]?|邮政编码|邮编", {"地址", "邮政编码", "邮编"}),
    ("(?P<c>[的和])(?P=c)", {"的", "和"}),
    ("(?<=\\p{Han})_[\\p{Han}]{2,20}?(?:官网|入口)", {"_"}),
    ("收取[^。；]{0,12}(?:费用|费)", {"收取"}),
])
def test_required_literals(pattern, expected):
    assert lits(pattern) == expected


def test_every_required_part_is_a_clause():
    # 未收…费: "收" and "费" both; the four ways to say "not" as a third clause
    assert clauses("(?:未|没有|无|不)收(?:取)?[^。；，]{0,12}费") == [{"收"}, {"费"}, {"未", "没有", "无", "不"}]
    found = required_literals("(?:未|没有|无|不)收(?:取)?[^。；，]{0,12}费")
    assert not may_match(found, "本年度收到申请3件，均已按时答复。" * 20)   # 收 without 费
    assert may_match(found, "本年度未收取任何费用。" * 20)


@pytest.mark.parametrize("pattern", [
    "[^。]+",              # nothing literal
    "\\d{5}",              # a category
    "(?:合计)?\\d+条",      # optional literal, then … 条 is required
    "[[a-z]--[aeiou]]x",   # regex-module set operation: not read with the standard parser
    "(?:foo|\\d+)",        # one alternative requires nothing
])
def test_no_prefilter_when_unsure(pattern):
    found = lits(pattern)
    assert found is None or found == {"条"}


def test_case_insensitive_letters_match_either_case():
    found = required_literals("(?i:bet365|vwin)")
    assert found is not None
    assert may_match(found, "……BET365……" * 30)
    assert may_match(found, "……Bet365……" * 30)
    assert not may_match(found, "政府信息公开" * 60)


def test_case_insensitive_full_fold_letters_are_not_tested():
    # under (?i) the `regex` module lets "ss" match "ß": a literal made only of such letters gives up
    assert required_literals("(?i:ss)") is None


def test_common_characters_need_the_whole_literal():
    found = required_literals("真人娱乐|网投")
    text = "认真做好人民群众来信来访，网上投诉" * 20   # every character present, neither word
    assert not may_match(found, text)
    assert may_match(found, text + "网投")


def _pack_patterns():
    packset = load_packs()
    seen = {}
    for pack in packset.packs.values():
        for rule in pack.rules:
            for value in rule.params.values():
                for item in (value if isinstance(value, list) else [value]):
                    if hasattr(item, "literals") and item.literals is not None:
                        seen[item.pattern] = item
    return list(seen.values())


def _texts():
    paths = sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt")))
    paths += sorted(glob.glob(os.path.join(ROOT, "tests", "fixtures", "unified", "*.txt")))
    texts = [open(p, encoding="utf-8-sig").read() for p in paths]
    rng = random.Random(7)
    for text in list(texts):  # shuffled lines: matches move, literals stay
        lines = text.splitlines()
        rng.shuffle(lines)
        texts.append("\n".join(lines[: len(lines) // 2]))
    return texts


def test_never_skips_a_pattern_that_matches():
    """Soundness on every pack pattern and real reports: whenever the regex finds a match, the
    prefilter lets it run."""
    patterns = _pack_patterns()
    assert len(patterns) > 50
    texts = _texts()
    checked = 0
    for pattern in patterns:
        compiled = compile_pattern(pattern.pattern)
        for text in texts:
            if compiled.search(text) is not None:
                assert may_match(pattern.literals, text), (pattern.pattern, text[:40])
                checked += 1
    assert checked > 100


def test_lazy_pattern_skips_long_text_without_the_literal():
    pattern = next(p for p in _pack_patterns() if p.pattern == "娱乐场所")
    assert pattern.search("无关的文字。" * 100) is None
    assert list(pattern.finditer("无关的文字。" * 100)) == []
    assert pattern.search("无关的文字。" * 100 + "依法查处娱乐场所") is not None
