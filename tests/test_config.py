"""`.nianbao.yaml`: discovery by walking up, --config, per-glob overrides, ignore, and errors that
name the file and the line."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from linter.config import ConfigError, Project, find_config, glob_match, load, parse, STARTER
from linter.findings import Severity
from linter.packs import load_packs

ROOT = Path(__file__).resolve().parent.parent
SEED_2016 = ROOT / "seeds" / "003_3722e6619a3f0616.txt"   # half-width commas, (一), contact/period missing


def cli(*args, cwd):
    return subprocess.run([sys.executable, "-m", "linter", *args], capture_output=True, cwd=cwd,
                          env={**os.environ, "NO_COLOR": "1"})


def rules_of(run) -> dict[str, set[str]]:
    data = json.loads(run.stdout)
    return {Path(f["path"]).name: {x["rule"] for x in f["findings"]} for f in data["files"]}


@pytest.fixture
def repo(tmp_path):
    (tmp_path / "乡镇" / "深处").mkdir(parents=True)
    (tmp_path / "归档").mkdir()
    for folder in ("", "乡镇", "乡镇/深处", "归档"):
        (tmp_path / folder / "report.txt").write_bytes(SEED_2016.read_bytes())
    return tmp_path


def test_nearest_config_wins_walking_up(repo):
    (repo / ".nianbao.yaml").write_text("disable: [punct.halfwidth]\n", encoding="utf-8")
    (repo / "乡镇" / ".nianbao.yaml").write_text("disable: [contact.missing]\n", encoding="utf-8")
    run = cli("check", ".", "-f", "json", cwd=repo)
    files = json.loads(run.stdout)["files"]
    by_path = {f["path"].replace(os.sep, "/"): {x["rule"] for x in f["findings"]} for f in files}
    top, town, deep = by_path["./report.txt"], by_path["./乡镇/report.txt"], by_path["./乡镇/深处/report.txt"]
    assert "punct.halfwidth" not in top and "contact.missing" in top
    assert "contact.missing" not in town and "punct.halfwidth" in town  # the nearer config replaces, not merges
    assert "contact.missing" not in deep
    assert find_config(str(repo / "乡镇" / "深处" / "report.txt")) == str(repo / "乡镇" / ".nianbao.yaml")


def test_explicit_config_and_no_config(repo, tmp_path_factory):
    other = tmp_path_factory.mktemp("cfg") / "ci.yaml"
    other.write_text("disable: [period.missing]\n", encoding="utf-8")
    (repo / ".nianbao.yaml").write_text("disable: [punct.halfwidth]\n", encoding="utf-8")
    found = rules_of(cli("check", "report.txt", "-f", "json", "--config", str(other), cwd=repo))["report.txt"]
    assert "period.missing" not in found and "punct.halfwidth" in found
    found = rules_of(cli("check", "report.txt", "-f", "json", "--no-config", cwd=repo))["report.txt"]
    assert {"period.missing", "punct.halfwidth"} <= found


def test_overrides_by_glob_severity_and_ignore(repo):
    (repo / ".nianbao.yaml").write_text(
        "ignore: ['归档/**']\n"
        "severity: {contact.missing: error}\n"
        "overrides:\n"
        "  - files: ['乡镇/**']\n"
        "    disable: [punct.halfwidth]\n"
        "    severity: {contact.missing: info}\n", encoding="utf-8")
    data = json.loads(cli("check", ".", "-f", "json", cwd=repo).stdout)
    paths = {f["path"].replace(os.sep, "/") for f in data["files"]}
    assert "./归档/report.txt" not in paths and "./report.txt" in paths
    sev = {f["path"].replace(os.sep, "/"): {x["rule"]: x["severity"] for x in f["findings"]} for f in data["files"]}
    assert sev["./report.txt"]["contact.missing"] == "error"
    assert "punct.halfwidth" in sev["./report.txt"]
    assert sev["./乡镇/深处/report.txt"]["contact.missing"] == "info"
    assert "punct.halfwidth" not in sev["./乡镇/深处/report.txt"]


def test_ignored_file_named_explicitly_is_skipped(repo):
    (repo / ".nianbao.yaml").write_text("ignore: ['归档/']\n", encoding="utf-8")
    run = cli("check", "归档/report.txt", "-f", "json", cwd=repo)
    assert run.returncode == 0 and json.loads(run.stdout)["files"] == []


def test_regime_override_forces_the_pack(repo):
    (repo / ".nianbao.yaml").write_text("regime: '2008'\n", encoding="utf-8")
    packset = load_packs()
    project = Project()
    config, _, settings = project.for_path(str(repo / "report.txt"))
    assert settings.forced_pack == "gov-2008"


def test_fail_on_from_config_and_cli_wins(repo):
    fired = rules_of(cli("check", "report.txt", "-f", "json", "--no-config", cwd=repo))["report.txt"]
    as_info = "{" + ", ".join(f"{r}: info" for r in sorted(fired)) + "}"
    (repo / ".nianbao.yaml").write_text(f"severity: {as_info}\n", encoding="utf-8")
    assert cli("check", "report.txt", cwd=repo).returncode == 0          # only info left: passes at error
    (repo / ".nianbao.yaml").write_text(f"fail_on: info\nseverity: {as_info}\n", encoding="utf-8")
    assert cli("check", "report.txt", cwd=repo).returncode == 1          # the config's fail_on
    assert cli("check", "report.txt", "--fail-on", "warning", cwd=repo).returncode == 0  # the command line wins


@pytest.mark.parametrize("text, line, words", [
    ("disable: [punct.halfwidth]\nseverty: {}\n", 2, "未知的配置字段 severty"),
    ("overrides:\n  - files: ['*.txt']\n    disable: [punct.halfwdth]\n", 3, "没有规则 punct.halfwdth"),
    ("severity:\n  punct.halfwidth: loud\n", 2, "严重程度"),
    ("overrides:\n  - disable: [punct.halfwidth]\n", 2, "缺少 files"),
    ("regime: '1999'\n", 1, "regime"),
    ("rules: [nowhere]\n", 1, "不存在"),
    ("disable: [a\n", 2, "YAML"),
])
def test_errors_name_file_and_line(tmp_path, text, line, words):
    cfg = tmp_path / ".nianbao.yaml"
    cfg.write_text(text, encoding="utf-8")
    (tmp_path / "r.txt").write_bytes(SEED_2016.read_bytes())
    run = cli("check", "r.txt", cwd=tmp_path)
    err = run.stderr.decode()
    assert run.returncode == 2
    assert f".nianbao.yaml:{line}:" in err and words in err, err
    assert "Traceback" not in err


def test_glob_match():
    assert glob_match("乡镇/**", "乡镇/a/b.txt")
    assert glob_match("*.bak.txt", "deep/er/x.bak.txt")
    assert glob_match("归档/", "归档/x.txt")
    assert not glob_match("归档/", "新归档/x.txt")
    assert not glob_match("a/*.txt", "a/b/c.txt")
    assert glob_match("a/**/c.txt", "a/c.txt") and glob_match("a/**/c.txt", "a/b/c.txt")


def test_init_writes_a_commented_starter_that_loads(tmp_path):
    run = cli("init", cwd=tmp_path)
    assert run.returncode == 0
    written = (tmp_path / ".nianbao.yaml").read_text(encoding="utf-8")
    assert written == STARTER and written.count("#") > 10
    config = load(str(tmp_path / ".nianbao.yaml"))
    config.validate_against(load_packs())
    again = cli("init", cwd=tmp_path)
    assert again.returncode == 2 and "已存在" in again.stderr.decode()
    assert (tmp_path / ".nianbao.yaml").read_text(encoding="utf-8") == written


def test_local_pack_from_config_rules_folder(tmp_path):
    rules = tmp_path / "local"
    rules.mkdir()
    (rules / "town.yaml").write_text(
        "id: town-extra\ntitle: 本镇补充要求\nextends: [core]\nrules:\n"
        "  - id: typo.town-name\n    check: pattern\n    severity: warning\n"
        "    message: 镇名写错：{match}\n    basis: 本镇规定\n    params: {forbidden: ['成吉思汉镇']}\n",
        encoding="utf-8")
    (tmp_path / "r.txt").write_text(SEED_2016.read_text(encoding="utf-8") + "\n成吉思汉镇\n", encoding="utf-8")
    (tmp_path / ".nianbao.yaml").write_text("rules: [local]\n", encoding="utf-8")
    assert "typo.town-name" in rules_of(cli("check", "r.txt", "-f", "json", cwd=tmp_path))["r.txt"]
    (tmp_path / ".nianbao.yaml").write_text("rules: [local]\npacks: []\n", encoding="utf-8")
    assert "typo.town-name" not in rules_of(cli("check", "r.txt", "-f", "json", cwd=tmp_path))["r.txt"]
    (tmp_path / ".nianbao.yaml").write_text("rules: [local]\npacks: [town-extra]\n", encoding="utf-8")
    assert "typo.town-name" in rules_of(cli("check", "r.txt", "-f", "json", cwd=tmp_path))["r.txt"]
