"""SARIF 2.1.0 for GitHub code scanning and SARIF viewers.

Columns: the engine counts Unicode code points; GitHub and VS Code count UTF-16 code units (as
JavaScript does), and SARIF lets a run declare which it uses (`columnKind`). We declare
`utf16CodeUnits` and convert, so a character outside the BMP (𠀀, an emoji) before a finding does
not shift the highlight by one in either kind of consumer. A document-level finding (a missing
section) has no line of its own: it is placed at line 1 and marked `documentLevel`.
"""
from __future__ import annotations

import json
import os
import re
from urllib.parse import quote

from .. import __version__

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
INFO_URI = "https://pypi.org/project/nianbao-lint/"


def utf16_column(text: str, column: int) -> int:
    """A 1-based code-point column as a 1-based UTF-16 column on the same line."""
    prefix = text[:max(0, column - 1)]
    return 1 + len(prefix) + sum(1 for ch in prefix if ord(ch) > 0xFFFF) + max(0, column - 1 - len(prefix))


def artifact_uri(path: str) -> tuple[str, str | None]:
    """A URI for a file: relative to the working directory (with uriBaseId %SRCROOT%) when it is
    inside it, else an absolute file: URI. Non-ASCII names (中文文件名.txt) are percent-encoded."""
    if path == "-":
        return "stdin", None
    absolute = os.path.abspath(path)
    rel = os.path.relpath(absolute, os.getcwd())
    if not rel.startswith(".."):
        return quote(rel.replace(os.sep, "/")), "%SRCROOT%"
    return "file://" + quote(absolute.replace(os.sep, "/")), None


def rule_name(rule_id: str) -> str:
    """`punct.halfwidth` → `PunctHalfwidth`: SARIF names are identifiers GitHub shows in filters."""
    return "".join(part.capitalize() for part in rule_id.replace("-", ".").split("."))


def _rule_entry(rule_id: str, meta, severity: str, message: str, basis: str) -> dict:
    why = getattr(meta, "why", "") or ""
    template = getattr(meta, "message", "") or message
    short = re.sub(r"\{[^{}]*\}", "…", template)
    short = (short[:79] + "…" if len(short) > 80 else short) or rule_id
    basis = getattr(meta, "basis", "") or basis
    help_text = f"{why}\n依据：{basis}\n详见：nianbao-lint explain {rule_id}".strip()
    help_md = (f"{why}\n\n**依据**：{basis}\n\n详见 `nianbao-lint explain {rule_id}`").strip()
    examples = getattr(meta, "examples", None) or {}
    if examples.get("fail"):
        help_md += f"\n\n不合格：`{examples['fail']}`"
    if examples.get("pass"):
        help_md += f"\n\n合格：`{examples['pass']}`"
    return {
        "id": rule_id,
        "name": rule_name(rule_id),
        "shortDescription": {"text": short},
        "fullDescription": {"text": why or short},
        "help": {"text": help_text, "markdown": help_md},
        "defaultConfiguration": {"level": LEVELS[str(getattr(meta, "severity", None) or severity)]},
        "properties": {"basis": basis, "family": rule_id.split(".")[0],
                       "tags": ["nianbao-lint", rule_id.split(".")[0]]},
    }


def _region(finding, doc) -> dict:
    if finding.line is None:
        return {"startLine": 1}
    text = doc.line(finding.line).text if doc is not None and finding.line <= len(doc.lines) else ""
    region = {"startLine": finding.line}
    if finding.column:
        region["startColumn"] = utf16_column(text, finding.column)
    end_line = finding.end_line or finding.line
    if finding.end_column:
        end_text = doc.line(end_line).text if doc is not None and end_line <= len(doc.lines) else ""
        region["endLine"] = end_line
        region["endColumn"] = max(utf16_column(end_text, finding.end_column), region.get("startColumn", 1) + 1)
    if text and finding.column and end_line == finding.line and finding.end_column:
        region["snippet"] = {"text": text[finding.column - 1:finding.end_column - 1]}
    return region


def as_dict(results, packset=None, **options) -> dict:
    from ..baseline import fingerprint
    meta = {}
    if packset is not None:
        for pack in packset.packs.values():
            for rule in pack.rules:
                meta.setdefault(rule.id, rule)
    rules: list[dict] = []
    index: dict[str, int] = {}
    sarif_results = []
    notifications = []
    artifacts: list[dict] = []
    artifact_index: dict[str, int] = {}
    for r in results:
        uri, base = artifact_uri(r.path)
        if uri not in artifact_index:
            artifact_index[uri] = len(artifacts)
            location = {"uri": uri, **({"uriBaseId": base} if base else {})}
            artifacts.append({"location": location, "mimeType": "text/plain" if r.path.endswith((".txt", ".md")) else
                              "application/octet-stream"})
        if r.error:
            notifications.append({"level": "error", "message": {"text": f"{r.path}: {r.error}"},
                                  "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri, **(
                                      {"uriBaseId": base} if base else {})}}}]})
        for f in r.findings:
            sev = str(f.severity)
            if f.rule not in index:
                index[f.rule] = len(rules)
                rules.append(_rule_entry(f.rule, meta.get(f.rule), sev, f.message, f.basis))
            location = {"physicalLocation": {
                "artifactLocation": {"uri": uri, "index": artifact_index[uri], **({"uriBaseId": base} if base else {})},
                "region": _region(f, r.document)}}
            if f.locator:
                location["message"] = {"text": f.locator}
            result = {"ruleId": f.rule, "ruleIndex": index[f.rule], "level": LEVELS[sev],
                      "message": {"text": f.message}, "locations": [location],
                      "partialFingerprints": {"nianbaoLint/v1": fingerprint(f, r.document)},
                      "properties": {"severity": sev, "basis": f.basis}}
            if f.line is None:
                result["properties"]["documentLevel"] = True
            sarif_results.append(result)
    run = {
        "tool": {"driver": {"name": "nianbao-lint", "version": __version__, "semanticVersion": __version__,
                            "informationUri": INFO_URI, "rules": rules}},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": "file://" + quote(os.getcwd().replace(os.sep, "/").rstrip("/") + "/")}},
        "artifacts": artifacts,
        "columnKind": "utf16CodeUnits",
        "invocations": [{"executionSuccessful": not any(r.error for r in results),
                         "toolExecutionNotifications": notifications}],
        "results": sarif_results,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(results, stream, **options) -> None:
    json.dump(as_dict(results, **options), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
