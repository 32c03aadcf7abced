"""--fix and --diff: mechanical repairs a person would make without thinking, on .txt/.md only.

- punct.halfwidth: every half-width , ; : ? ! between Chinese characters on the flagged line becomes
  its full-width form, and the spaces around it go ("2016年, 我镇" → "2016年，我镇").
- artifact.conversion: the leftover ("[image: image1.png]", "{\\field …}") is removed.
- punct.mixed-parens: the flagged heading number's half-width parentheses become full-width
  ("(二)" → "（二）"), as GB/T 15834 wants in Chinese text. When the flagged one is the full-width
  minority, nothing is changed: that is a judgement, not a mechanical repair.

Only lines with a finding are touched, and only where the finding's own rule would flag, so a
fix never changes what the checker did not report. Word, PDF and web files are never written:
their text is a rendering, not the file.
"""
from __future__ import annotations

import difflib
import re

FIXABLE = {"punct.halfwidth", "artifact.conversion", "punct.mixed-parens"}
WRITABLE = (".txt", ".text", ".md", ".markdown")


def _halfwidth_pattern():
    from .checks.punctuation import _CJK_LEFT, _CJK_RIGHT
    return re.compile(rf"(?<={_CJK_LEFT})\s*([,;:?!])\s*(?={_CJK_RIGHT})")


def edits_for(finding, doc) -> list[tuple[int, int, int, str]]:
    """(line, start, end, replacement) with 0-based code-point offsets, for one finding."""
    if finding.rule not in FIXABLE or finding.line is None or doc is None or finding.line > len(doc.lines):
        return []
    line = doc.line(finding.line)
    text = line.text
    start = (finding.column or 1) - 1
    end = (finding.end_column or start + 2) - 1
    if finding.rule == "punct.halfwidth":
        from .checks.punctuation import FULL
        return [(finding.line, m.start(), m.end(), FULL[m.group(1)])
                for m in _halfwidth_pattern().finditer(line.folded)]
    if finding.rule == "artifact.conversion":
        if text[start:end].startswith("{\\") and text[end:end + 1] == "}":
            end += 1
        return [(finding.line, start, end, "")]
    if finding.rule == "punct.mixed-parens":
        marker = text[start:end]
        fixed = marker.replace("(", "（").replace(")", "）")
        return [(finding.line, start, end, fixed)] if fixed != marker else []
    return []


def fixed_lines(result) -> dict[int, str]:
    """New text for each line the result's fixable findings touch."""
    by_line: dict[int, list] = {}
    for f in result.findings:
        for line, start, end, new in edits_for(f, result.document):
            by_line.setdefault(line, []).append((start, end, new))
    out = {}
    for number, edits in by_line.items():
        text = result.document.line(number).text
        last = len(text) + 1
        for start, end, new in sorted(set(edits), key=lambda e: (e[0], e[1]), reverse=True):
            if end > last:
                continue  # overlapping edits: the rightmost wins, the other waits for the next run
            text = text[:start] + new + text[end:]
            last = start
        if text != result.document.line(number).text:
            out[number] = text
    return out


_ENDS = re.compile(r"(\r\n|\r|\n)")


def apply_to_bytes(data: bytes, new_lines: dict[int, str]) -> tuple[str, str, str]:
    """(old text, new text, encoding) with the file's encoding and line ends kept."""
    from .readers.text import decode
    text, encoding = decode(data)
    parts = _ENDS.split(text)
    for number, new in new_lines.items():
        index = (number - 1) * 2
        if index < len(parts):
            parts[index] = new
    return text, "".join(parts), encoding


def unified_diff(path: str, old: str, new: str) -> str:
    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                        fromfile=f"a/{path}", tofile=f"b/{path}"))


def writable(path: str) -> bool:
    return path.lower().endswith(WRITABLE)


def run_fix(run, write: bool, show_diff: bool, stdout, stderr) -> int:
    """Fix (or, with show_diff, only show) each .txt/.md result of a run; re-lint what changed so
    the run's results are what is left. With standard input, the fixed text goes to stdout.
    Returns how many files changed (or would)."""
    from .engine import lint_document, lint_file
    from .readers import read_bytes
    changed = 0
    for i, result in enumerate(run.results):
        if result.document is None:
            continue
        if not writable(result.path):
            if write:
                stderr.write(f"nianbao-lint: {result.path}: 只修正 .txt/.md 文件，此文件未改动\n")
            continue
        new_lines = fixed_lines(result)
        if run.stdin_data is not None:
            data = run.stdin_data
        else:
            with open(result.path, "rb") as fh:
                data = fh.read()
        old, new, encoding = apply_to_bytes(data, new_lines)
        if run.stdin_data is not None and not show_diff:
            stdout.write(new)
            continue
        if new == old:
            continue
        changed += 1
        if show_diff:
            stdout.write(unified_diff(result.path, old, new))
            continue
        if write:
            with open(result.path, "wb") as fh:
                fh.write(new.encode(encoding))
            _, packset, settings = run.project.for_path(result.path)
            run.results[i] = lint_file(result.path, packset, settings, forced_pack=run.forced_pack)
            stderr.write(f"nianbao-lint: 已修正 {result.path}（{len(new_lines)} 行）\n")
    return changed
