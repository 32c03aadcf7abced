"""Suppression comments in .txt/.md reports: a known, accepted deviation, with its reason, in the file.

    <!-- nianbao-lint: disable punct.halfwidth — 引用的原文如此 -->        the next line (.txt) or block (.md)
    一句话,原样引用。
    <!-- nianbao-lint: disable-file section.fees, section.review — 本单位无此职能 -->   the whole file

A comment on a line of its own covers the next non-blank line; in Markdown, where a paragraph may
be hard-wrapped, it covers the whole next block (up to a blank line). A comment at the end of a
line of text covers that line. Rules are ids (`punct.halfwidth`) or a family (`punct`, `punct.*`).
The reason after "—" (or "--") is for the reviewer. A document-level finding (a missing section)
can only be suppressed by the file-level form. A comment that hides nothing is reported as
`artifact.unused-suppression`, so stale ones do not pile up.

The comment text is blanked (same length, so columns stay right) before the checks run: its words
must not be read as the report's title or prose.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .findings import Finding, Severity

COMMENT = re.compile(r"<!--\s*nianbao-lint\s*[:：]\s*(disable-file|disable-next-line|disable)\b(.*?)-->")
_REASON = re.compile(r"\s+(?:—+|--+|-\s)\s*|—+")
_TOKEN = re.compile(r"[a-z][a-z0-9-]*(?:\.(?:\*|[a-z0-9][a-z0-9-]*))?\Z")
UNUSED_RULE = "artifact.unused-suppression"
UNUSED_BASIS = "nianbao-lint 抑制注释：不再需要的抑制应删除，以免掩盖今后的问题"


@dataclass
class Directive:
    line: int                   # where the comment is
    column: int                 # 1-based start of the comment
    end_column: int
    scope: str                  # "file" or "lines"
    rules: list[str]
    reason: str
    targets: set[int] = field(default_factory=set)
    used: set[str] = field(default_factory=set)
    bad: list[str] = field(default_factory=list)

    def covers(self, rule: str, token: str) -> bool:
        family = token[:-2] if token.endswith(".*") else token
        return rule == token or ("." not in family and rule.split(".")[0] == family)


def parse(doc) -> list[Directive]:
    out = []
    for line in doc.lines:
        if "nianbao-lint" not in line.text:
            continue
        for m in COMMENT.finditer(line.text):
            kind, body = m.group(1), m.group(2)
            parts = _REASON.split(body, maxsplit=1)
            rules_text, reason = parts[0], (parts[1].strip() if len(parts) > 1 else "")
            tokens = [t for t in re.split(r"[\s,，、]+", rules_text.strip()) if t]
            d = Directive(line.number, m.start() + 1, m.end() + 1, "file" if kind == "disable-file" else "lines",
                          [t for t in tokens if _TOKEN.match(t)], reason)
            d.bad = [t for t in tokens if not _TOKEN.match(t)]
            if d.scope == "lines":
                d.targets = _targets(doc, line, m)
            out.append(d)
    return out


def _targets(doc, line, match) -> set[int]:
    if line.text[:match.start()].strip() or line.text[match.end():].strip():
        return {line.number}  # a trailing comment: its own line
    numbers = [ln.number for ln in doc.lines[line.number:]]
    targets: set[int] = set()
    for n in numbers:
        text = doc.line(n).text
        if not text.strip() or COMMENT.search(text) and not COMMENT.sub("", text).strip():
            if targets:
                break
            continue
        targets.add(n)
        if doc.source_format != "md":
            break
    return targets


def blank_comments(doc, directives):
    """The document with each suppression comment replaced by spaces of the same length."""
    if not directives:
        return doc
    from .document import Line
    by_line: dict[int, list[Directive]] = {}
    for d in directives:
        by_line.setdefault(d.line, []).append(d)
    lines = list(doc.lines)
    for number, ds in by_line.items():
        old = lines[number - 1]
        text = old.text
        for d in ds:
            text = text[:d.column - 1] + " " * (d.end_column - d.column) + text[d.end_column - 1:]
        lines[number - 1] = Line(old.number, text, old.locator, old.table_id)
    return replace(doc, lines=lines)


def apply(findings: list[Finding], directives: list[Directive], known_rules: set[str] | None = None) -> list[Finding]:
    """Findings not suppressed, plus one `artifact.unused-suppression` warning per rule token that hid nothing."""
    kept = []
    for f in findings:
        hidden = False
        for d in directives:
            if d.scope == "lines" and (f.line is None or f.line not in d.targets):
                continue
            for token in d.rules:
                if d.covers(f.rule, token):
                    d.used.add(token)
                    hidden = True
        if not hidden:
            kept.append(f)
    for d in directives:
        where = "本文件" if d.scope == "file" else (f"第{min(d.targets)}行" if d.targets else "（其后没有内容）")
        if not d.rules and not d.bad:
            kept.append(_unused(d, "抑制注释没有写规则编号，如 disable punct.halfwidth — 原因"))
        for token in d.bad:
            kept.append(_unused(d, f"抑制注释里的“{token}”不是规则编号（应为 family.name，如 punct.halfwidth）"))
        for token in d.rules:
            if token in d.used:
                continue
            family = token[:-2] if token.endswith(".*") else token
            if known_rules is not None and "." in family and family not in known_rules:
                kept.append(_unused(d, f"抑制注释里的规则 {token} 不存在"))
            else:
                kept.append(_unused(d, f"抑制注释没有用上：{where}没有 {token} 的问题，可以删除这条抑制"))
    kept.sort(key=Finding.sort_key)
    return kept


def _unused(d: Directive, message: str) -> Finding:
    return Finding(UNUSED_RULE, Severity.WARNING, message, UNUSED_BASIS, d.line, d.column, d.line, d.end_column)


# ------------------------------------------------------------------------------------------ .docx

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DOCX_DIRECTIVE = re.compile(r"nianbao-lint\s*[:：]\s*(disable-file|disable)\b(.*)", re.S)


def parse_docx(doc, data: bytes) -> list[Directive]:
    """Word comments containing `nianbao-lint: disable RULE — reason` on the commented text.

    The commented paragraphs are found in document.xml (between commentRangeStart and
    commentRangeEnd) and matched, in order, to the lines of the Document by their text: the
    reader may prefix Word's automatic numbering or join table cells with tabs, so a line that
    contains the paragraph's text is its line. A broken or comment-less package gives no
    directives — the reader has already said whether the file is readable."""
    import io
    import zipfile
    from xml.etree import ElementTree as ET
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            if "word/comments.xml" not in names:
                return []
            comments_xml = z.read("word/comments.xml")
            document_xml = z.read("word/document.xml")
        comments = ET.fromstring(comments_xml)
        body = ET.fromstring(document_xml)
    except Exception:  # noqa: BLE001 - see docstring
        return []
    wanted: dict[str, tuple[str, str]] = {}
    for c in comments.iter(f"{_W}comment"):
        text = "".join(t.text or "" for t in c.iter(f"{_W}t"))
        m = _DOCX_DIRECTIVE.search(text)
        if m:
            wanted[c.get(f"{_W}id")] = (m.group(1), m.group(2))
    if not wanted:
        return []
    paragraphs: dict[str, list[str]] = {cid: [] for cid in wanted}
    open_ids: set[str] = set()
    for p in body.iter(f"{_W}p"):
        starts = {e.get(f"{_W}id") for e in p.iter(f"{_W}commentRangeStart")}
        ends = {e.get(f"{_W}id") for e in p.iter(f"{_W}commentRangeEnd")}
        refs = {e.get(f"{_W}id") for e in p.iter(f"{_W}commentReference")}
        text = "".join(t.text or "" for t in p.iter(f"{_W}t")).strip()
        for cid in (open_ids | starts | refs) & set(wanted):
            if text:
                paragraphs[cid].append(text)
        open_ids = (open_ids | starts) - ends
    out = []
    for cid, (kind, body_text) in wanted.items():
        targets = _match_lines(doc, paragraphs[cid])
        parts = _REASON.split(body_text, maxsplit=1)
        tokens = [t for t in re.split(r"[\s,，、]+", parts[0].strip()) if t]
        first = min(targets) if targets else 1
        end = len(doc.line(first).text) + 1 if doc.lines else 2
        d = Directive(first, 1, max(end, 2), "file" if kind == "disable-file" else "lines",
                      [t for t in tokens if _TOKEN.match(t)], parts[1].strip() if len(parts) > 1 else "")
        d.bad = [t for t in tokens if not _TOKEN.match(t)]
        d.targets = targets
        out.append(d)
    return out


def _match_lines(doc, texts: list[str]) -> set[int]:
    found: set[int] = set()
    cursor = 0
    for text in texts:
        for i in range(cursor, len(doc.lines)):
            if text in doc.lines[i].text:
                found.add(i + 1)
                cursor = i + 1 if len(texts) > 1 else i
                break
    return found
