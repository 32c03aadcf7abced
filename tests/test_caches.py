"""The caches must never change a result: same patterns, fresh packs after an edit, and a broken
or unwritable cache is only a slower run."""
import os
import re

import pytest

from linter import cachefile, recache
from linter.packs import load_packs

PATTERNS = [r"(?P<y>(?:19|20)\d{2})\s*年", r"^[ ]*(?:网站首页|首页)[ ]*[>＞]", r"(?P<c>[的和])(?P=c)", r"\d+(?:\.\d+)?万?"]
TEXT = "网站首页 > 2017年发布信息1.2万条，相关的的内容\n首页 > 2018年"


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("NIANBAO_LINT_CACHE", "1")
    monkeypatch.setattr(recache, "_entries", None)
    monkeypatch.setattr(recache, "_dirty", False)
    return tmp_path


@pytest.mark.parametrize("pattern", PATTERNS)
def test_cached_pattern_equals_re(cache_home, pattern):
    first = recache.compile(pattern, re.M)
    recache._save()
    recache._entries = None  # a new process: the entry comes from the file
    again = recache.compile(pattern, re.M)
    plain = re.compile(pattern, re.M)
    for p in (first, again):
        assert (p.pattern, p.flags, p.groups, dict(p.groupindex)) == \
               (plain.pattern, plain.flags, plain.groups, dict(plain.groupindex))
        assert [m.span() for m in p.finditer(TEXT)] == [m.span() for m in plain.finditer(TEXT)]


def test_corrupt_cache_file_is_a_miss(cache_home):
    path = recache._path()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(b"not a pickle")
    assert recache.compile(r"\d+年").search("2017年").group(0) == "2017年"


def test_invalid_pattern_still_raises(cache_home):
    with pytest.raises(re.error):
        recache.compile(r"(unclosed")


def test_disabled_cache_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("NIANBAO_LINT_CACHE", "0")
    assert cachefile.cache_path("x") is None
    load_packs()
    assert not os.path.exists(tmp_path / "nianbao-lint" / "packs.pickle")


def test_unwritable_cache_dir_is_harmless(tmp_path):
    (tmp_path / "nianbao-lint").write_text("a file where the cache folder should be")
    target = tmp_path / "nianbao-lint" / "x.pickle"
    cachefile.write_pickle(str(target), {"a": 1})  # must not raise
    assert cachefile.read_pickle(str(target)) is None
    assert sorted(os.listdir(tmp_path)) == ["nianbao-lint"]  # no temp file left behind


def test_edited_local_pack_is_reloaded(cache_home, tmp_path):
    folder = tmp_path / "packs"
    folder.mkdir()
    pack = folder / "p.yaml"
    body = ("id: p\ntitle: t\nrules:\n  - id: typo.local\n    check: pattern\n    severity: {sev}\n"
            "    message: m\n    basis: b\n    params: {{forbidden: [x]}}\n")
    pack.write_text(body.format(sev="warning"), encoding="utf-8")
    assert str(load_packs([str(folder)]).packs["p"].rules[0].severity) == "warning"
    pack.write_text(body.format(sev="error  "), encoding="utf-8")  # size changes too
    assert str(load_packs([str(folder)]).packs["p"].rules[0].severity) == "error"


def test_cached_packs_check_like_fresh_ones(cache_home, packset):
    from conftest import SEEDS
    from linter.engine import check_file
    path = os.path.join(SEEDS, "004_60f2b87b7f23535f.txt")
    load_packs()  # writes the cache
    cached = load_packs()  # reads it: patterns compile lazily
    fresh = [f.to_json() for f in check_file(path, packset).findings]
    assert [f.to_json() for f in check_file(path, cached).findings] == fresh
