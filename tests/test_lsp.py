"""The language server driven over stdio as an editor drives it: initialize → didOpen → didSave,
each answered by publishDiagnostics with the ranges the editor needs (UTF-16 columns)."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from lsp_client import Client

pytest.importorskip("pygls")

REPORT = """2016年成吉思汗镇政府信息公开工作年度报告
    根据《中华人民共和国政府信息公开条例》的规定，现公布成吉思汗镇2016年政府信息公开工作年度报告。
    2016年,我镇在市委、市政府的正确领导下认真贯彻落实。
    𠀀𠀁2016年,我镇继续认真进行政务公开工作。
一、概述
    不断强化工作人员的业务知识[image: image1.png]
"""


@pytest.fixture
def client(tmp_path):
    c = Client(tmp_path)
    init = c.request("initialize", {"processId": os.getpid(), "rootUri": tmp_path.as_uri(),
                                    "capabilities": {"general": {"positionEncodings": ["utf-16"]}}})
    assert init["result"]["capabilities"]["codeActionProvider"]
    c.send("initialized", {})
    yield c
    c.close()


def by_rule(diags, rule):
    return [d for d in diags if d.get("code") == rule]


def test_diagnostics_on_open_and_save_with_utf16_ranges(client, tmp_path):
    path = tmp_path / "报告.txt"
    path.write_text(REPORT, encoding="utf-8")
    uri = path.as_uri()
    client.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1,
                                                          "text": REPORT}})
    published = client.diagnostics()
    assert published["uri"] == uri
    halfwidth = sorted(by_rule(published["diagnostics"], "punct.halfwidth"), key=lambda d: d["range"]["start"]["line"])
    assert [d["range"]["start"]["line"] for d in halfwidth] == [2, 3]
    # line 3: four spaces + "2016年" → the comma is the 10th code point, UTF-16 column 9 (0-based) too
    assert halfwidth[0]["range"] == {"start": {"line": 2, "character": 9}, "end": {"line": 2, "character": 10}}
    # line 4: 𠀀 and 𠀁 are outside the BMP, two UTF-16 units each: the comma moves two units right
    assert halfwidth[1]["range"] == {"start": {"line": 3, "character": 13}, "end": {"line": 3, "character": 14}}
    d = halfwidth[0]
    assert d["severity"] == 3 and d["source"] == "nianbao-lint"
    assert "GB/T 15834" in d["message"] and d["data"]["basis"].startswith("《标点符号用法》")
    artifact = by_rule(published["diagnostics"], "artifact.conversion")[0]
    assert artifact["severity"] == 2
    assert artifact["range"]["start"] == {"line": 5, "character": 4 + len("不断强化工作人员的业务知识")}

    client.send("textDocument/didSave", {"textDocument": {"uri": uri}})
    again = client.diagnostics()
    assert again["uri"] == uri
    assert len(again["diagnostics"]) == len(published["diagnostics"])

    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": halfwidth[1]["range"],
        "context": {"diagnostics": [halfwidth[1]]}})["result"]
    fix = [a for a in actions if a.get("isPreferred")][0]
    edits = fix["edit"]["changes"][uri]
    assert edits == [{"range": {"start": {"line": 3, "character": 13}, "end": {"line": 3, "character": 14}},
                     "newText": "，"}]
    assert any("disable punct.halfwidth" in a["edit"]["changes"][uri][0]["newText"] for a in actions)


def test_change_republishes_and_clean_text_clears(client, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(REPORT, encoding="utf-8")
    uri = path.as_uri()
    client.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1,
                                                          "text": REPORT}})
    first = client.diagnostics()
    assert by_rule(first["diagnostics"], "punct.halfwidth")
    fixed = REPORT.replace(",", "，")
    client.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                           "contentChanges": [{"text": fixed}]})
    second = client.diagnostics()
    assert not by_rule(second["diagnostics"], "punct.halfwidth")
    # what the edit did not touch is still reported
    assert by_rule(second["diagnostics"], "artifact.conversion")


def test_round_trip_is_fast_after_start(client, tmp_path):
    path = tmp_path / "b.txt"
    text = REPORT * 3
    uri = path.as_uri()
    client.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1,
                                                          "text": text}})
    client.diagnostics()
    start = time.perf_counter()
    for version in range(2, 7):
        client.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                               "contentChanges": [{"text": text + "\n" * version}]})
        client.diagnostics()
    per_round = (time.perf_counter() - start) / 5
    assert per_round < 0.5  # the 30 ms target is measured by benchmarks/bench_lsp.py; this catches a regression
