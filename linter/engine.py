"""Pick the packs for a document, run their rules, collect findings.

The engine is where a failure is contained: an unreadable file becomes that file's error and the
others are still checked; a check that raises becomes an error line for that rule, not a
traceback.
"""
from __future__ import annotations

import glob
import os
from dataclasses import dataclass, field
from datetime import date

from .checks import Context, load_kind
from .document import Document
from .facts import Facts
from .findings import Finding, Severity
from .packs import PackSet, Rule
from .readers import READERS, ReadError, read_path


@dataclass
class FileResult:
    path: str
    report_year: int | None = None
    regime: str | None = None
    packs: list[str] = field(default_factory=list)
    error: str | None = None
    findings: list[Finding] = field(default_factory=list)
    document: Document | None = field(default=None, repr=False)

    def to_json(self) -> dict:
        return {"path": self.path, "report_year": self.report_year, "regime": self.regime, "packs": self.packs,
                "error": self.error, "findings": [f.to_json() for f in self.findings]}


def run_rule(rule: Rule, doc: Document, facts: Facts, ctx: Context) -> list[Finding]:
    kind = load_kind(rule.kind)
    out = []
    for hit in kind.check(doc, facts, rule.params, ctx):
        values = dict(hit.values or {})
        try:
            message = rule.message.format_map(values)
        except (KeyError, IndexError, ValueError):
            message = rule.message
        locator = doc.locate(hit.line, hit.column) if hit.line is not None else None
        out.append(Finding(rule.id, rule.severity, message, rule.basis, hit.line, hit.column,
                           hit.end_line, hit.end_column, locator))
    return out


def check_document(doc: Document, packset: PackSet, forced_pack: str | None = None,
                   today: date | None = None, only: set[str] | None = None) -> FileResult:
    facts = Facts(doc)
    year = facts.report_year
    pack_ids = packset.select(year, forced_pack)
    result = FileResult(doc.path, year, packset.regime_of(pack_ids), pack_ids, document=doc)
    ctx = Context(year, today or date.today(), result.regime)
    errors = []
    for rule in packset.rules_for(pack_ids):
        if not rule.applies_to(year):
            continue
        if only and rule.id not in only:
            continue
        try:
            result.findings.extend(run_rule(rule, doc, facts, ctx))
        except Exception as exc:  # noqa: BLE001 - one broken rule must not hide the others
            errors.append(f"规则 {rule.id} 内部错误：{type(exc).__name__}: {exc}")
    result.findings.sort(key=Finding.sort_key)
    if errors:
        result.error = "；".join(errors)
    return result


def check_file(path: str, packset: PackSet, **kwargs) -> FileResult:
    try:
        doc = read_path(path)
    except ReadError as exc:
        return FileResult(path, error=str(exc))
    return check_document(doc, packset, **kwargs)


def expand_paths(paths: list[str]) -> list[str]:
    """Files as given; folders walked for report files (sorted); globs expanded. A path that
    matches nothing is kept so that it is reported as missing rather than silently skipped."""
    out: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if os.path.splitext(name)[1].lower() in READERS and not name.startswith((".", "~$")):
                        found.append(os.path.join(root, name))
            out.extend(found)
        elif not os.path.exists(path) and any(ch in path for ch in "*?["):
            matches = sorted(glob.glob(path, recursive=True))
            out.extend(m for m in matches if os.path.isfile(m)) if matches else out.append(path)
        else:
            out.append(path)
    return out


def worst(results: list[FileResult]) -> Severity | None:
    levels = [f.severity for r in results for f in r.findings]
    return max(levels) if levels else None
