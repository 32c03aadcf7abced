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
                   today: date | None = None, only: set[str] | None = None,
                   settings=None) -> FileResult:
    """`settings` (config.FileSettings) may force a pack, restrict the local packs, switch rules
    off and change their severity."""
    facts = Facts(doc)
    year = facts.report_year
    if settings is not None and settings.forced_pack and forced_pack is None:
        forced_pack = settings.forced_pack
    pack_ids = packset.select(year, forced_pack)
    if settings is not None and settings.local_packs is not None:
        keep = set()
        for pid in pack_ids:
            if packset.packs[pid].builtin or pid in settings.local_packs or pid == forced_pack:
                keep.update(packset.chain(pid))
        pack_ids = [pid for pid in pack_ids if pid in keep]
    result = FileResult(doc.path, year, packset.regime_of(pack_ids), pack_ids, document=doc)
    ctx = Context(year, today or date.today(), result.regime)
    errors = []
    for rule in packset.rules_for(pack_ids):
        if not rule.applies_to(year):
            continue
        if only and rule.id not in only:
            continue
        if settings is not None and rule.id in settings.disabled:
            continue
        if settings is not None and rule.id in settings.severity:
            rule = Rule(**{**rule.__dict__, "severity": settings.severity[rule.id]})
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


def lint_document(doc: Document, packset: PackSet, settings=None, suppress: bool = True, data: bytes | None = None,
                  **kwargs) -> FileResult:
    """check_document plus the report's own suppressions: comments in .txt/.md, Word comments in
    .docx (which need the file's bytes, `data`)."""
    directives = []
    if suppress and doc.source_format in ("txt", "md") and any("nianbao-lint" in ln.text for ln in doc.lines):
        from . import suppress as suppression
        directives = suppression.parse(doc)
    elif suppress and doc.source_format == "docx" and data and b"word/comments.xml" in data:
        from . import suppress as suppression
        directives = suppression.parse_docx(doc, data)
    original = doc
    if directives and doc.source_format in ("txt", "md"):
        doc = suppression.blank_comments(doc, directives)
    result = check_document(doc, packset, settings=settings, **kwargs)
    result.document = original
    if directives:
        known = {r.id for p in packset.packs.values() for r in p.rules}
        result.findings = suppression.apply(result.findings, directives, known)
    return result


def lint_file(path: str, packset: PackSet, settings=None, pairing=None, **kwargs) -> FileResult:
    """lint_document on a file; `pairing` (crossyear.Pairing) supplies last year's report and any
    document it already read."""
    try:
        doc = (pairing.take(path) if pairing else None) or read_path(path)
    except ReadError as exc:
        return FileResult(path, error=str(exc))
    if pairing is not None:
        pairing.attach(doc)
    data = None
    if doc.source_format == "docx":  # Word comments can suppress findings: they need the package
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError:
            pass
    return lint_document(doc, packset, settings=settings, data=data, **kwargs)


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


@dataclass
class Run:
    """One `check` over many files: results, each file's --fail-on from its config, and what loaded them."""
    results: list[FileResult]
    project: object
    thresholds: dict[str, Severity]
    packset: PackSet | None
    found: int
    forced_pack: str | None = None
    stdin_data: bytes | None = None


def lint_paths(paths: list[str], cli_rules: list[str], forced_pack: str | None = None, config_path: str | None = None,
               no_config: bool = False, stdin_data: bytes | None = None, stdin_filename: str | None = None,
               previous: str | None = None) -> Run:
    """Lint files (or standard input named `stdin_filename`) with the config nearest each of them,
    each compared with last year's report (`previous`, or paired among the files).
    Raises config.ConfigError or packs.PackError for a broken config or pack, readers.ReadError
    for an unreadable `previous`."""
    from .crossyear import Pairing
    from .config import Project
    from .packs import PackError
    project = Project(cli_rules, config_path, discover=not no_config)
    run = Run([], project, {}, None, 0, forced_pack, stdin_data)
    if stdin_data is not None:
        files = [stdin_filename or "stdin.txt"]
    else:
        files = expand_paths(paths)
    run.found = len(files)
    pairing = Pairing([] if stdin_data is not None else files, previous)
    for path in files:
        config, packset, settings = project.for_path(path)
        if run.packset is None:
            run.packset = packset
        if forced_pack is not None and forced_pack not in packset.packs:
            raise PackError(f"--pack {forced_pack}: 没有这个规则包；已知：{', '.join(packset.packs)}")
        if config is not None and config.ignored(path):
            continue
        if stdin_data is not None:
            try:
                from .readers import read_bytes
                document = read_bytes(path, stdin_data)
                pairing.attach(document)
                result = lint_document(document, packset, settings, forced_pack=forced_pack, data=stdin_data)
            except ReadError as exc:
                result = FileResult(path, error=str(exc))
        else:
            result = lint_file(path, packset, settings, pairing=pairing, forced_pack=forced_pack)
        run.results.append(result)
        if config is not None and config.fail_on:
            run.thresholds[path] = Severity.parse(config.fail_on)
    return run
