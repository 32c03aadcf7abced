"""Baselines: adopt the gate on a repository full of old reports.

`--write-baseline FILE` records today's findings; `--baseline FILE` then reports only findings that
are not in it. An entry is keyed by the file (relative to the baseline's folder, so the repository
can move), the rule, the offending text and a hash of the whole line it stands on — never the line
number, so adding a paragraph above a known defect does not make it new, while the same rule on
different text (a second half-width comma on another line) is new. Document-level findings (a
missing section) are keyed by their message. Equal keys are counted: two known defects and a
third identical one make one new finding.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections import Counter

VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be used; the message names the file."""


def offending_text(finding, doc) -> tuple[str, str]:
    """(the span's text, the stripped text of its line) — or (message, "") for a document-level finding."""
    if finding.line is None or doc is None or finding.line > len(doc.lines):
        return finding.message, ""
    text = doc.line(finding.line).text
    start = (finding.column or 1) - 1
    end = finding.end_column - 1 if finding.end_column and (finding.end_line or finding.line) == finding.line \
        else len(text)
    return text[start:end], text.strip()


def _context_hash(line_text: str) -> str:
    return hashlib.sha256(line_text.encode("utf-8")).hexdigest()[:16] if line_text else ""


def fingerprint(finding, doc) -> str:
    """A stable id for a finding that survives edits elsewhere in the file (SARIF partialFingerprints)."""
    text, context = offending_text(finding, doc)
    return hashlib.sha256(f"{finding.rule}\0{text}\0{context}".encode("utf-8")).hexdigest()[:32]


def _file_key(path: str, base_dir: str) -> str:
    rel = os.path.relpath(os.path.abspath(path), base_dir)
    return rel.replace(os.sep, "/")


def entries_for(results, base_dir: str) -> list[dict]:
    out = []
    for r in results:
        key = _file_key(r.path, base_dir)
        for f in r.findings:
            text, context = offending_text(f, r.document)
            out.append({"file": key, "rule": f.rule, "text": text, "context": _context_hash(context)})
    return out


def write(results, path: str) -> int:
    base_dir = os.path.dirname(os.path.abspath(path))
    counted = Counter(json.dumps(e, ensure_ascii=False, sort_keys=True) for e in entries_for(results, base_dir))
    entries = []
    for raw, count in sorted(counted.items()):
        entry = json.loads(raw)
        if count > 1:
            entry["count"] = count
        entries.append(entry)
    data = {"version": VERSION, "tool": "nianbao-lint",
            "note": "nianbao-lint --write-baseline 生成：这些是已知问题，--baseline 只报告新出现的问题",
            "entries": entries}
    head = json.dumps({k: v for k, v in data.items() if k != "entries"}, ensure_ascii=False, indent=1)[:-2]
    body = ",\n".join("  " + json.dumps(e, ensure_ascii=False, sort_keys=True) for e in entries)
    with open(path, "w", encoding="utf-8") as fh:  # one entry a line: a reviewable diff when it changes
        fh.write(f"{head},\n \"entries\": [\n{body}\n ]\n}}\n" if entries else f"{head},\n \"entries\": []\n}}\n")
    return sum(counted.values())


def load(path: str) -> tuple[Counter, str]:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise BaselineError(f"{path}: 基线文件不存在（用 --write-baseline {path} 生成）") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: 无法读取基线：{exc}") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}:{exc.lineno}: 基线不是合法的 JSON：{exc.msg}") from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("entries"), list):
        raise BaselineError(f"{path}:1: 不是 nianbao-lint 的基线文件（需要 version: {VERSION} 和 entries）")
    known: Counter = Counter()
    for i, e in enumerate(data["entries"]):
        if not isinstance(e, dict) or not all(isinstance(e.get(k), str) for k in ("file", "rule", "text")):
            raise BaselineError(f"{path}: entries[{i}] 应有 file、rule、text")
        known[(e["file"], e["rule"], e["text"], e.get("context", ""))] += int(e.get("count", 1))
    return known, os.path.dirname(os.path.abspath(path))


def filter_results(results, path: str) -> tuple[int, int]:
    """Drop baselined findings from each result in place. Returns (hidden, stale): how many findings
    the baseline hid, and how many of its entries no longer occur (fixed since)."""
    known, base_dir = load(path)
    left = Counter(known)
    hidden = 0
    for r in results:
        key_file = _file_key(r.path, base_dir)
        kept = []
        for f in r.findings:
            text, context = offending_text(f, r.document)
            key = (key_file, f.rule, text, _context_hash(context))
            if left[key] > 0:
                left[key] -= 1
                hidden += 1
            else:
                kept.append(f)
        r.findings[:] = kept
    return hidden, sum(left.values())
