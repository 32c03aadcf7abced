"""The scoring rules of ../shared/tools/score-seeds, kept here so the golden tests run anywhere.

A finding matches an expected item when its rule's family matches and its line is within one of
the expected line; `count` items are document-level; families listed `clean` must be empty;
`not_at` items must not be reported. `score_entry_families` is score-seeds' --ignore-lines mode,
for renderings (Word, PDF) whose lines differ from the .txt.
"""
from __future__ import annotations

import os


def family(rule):
    return str(rule).split(".", 1)[0].split("/", 1)[0]


def near(line, lines, slack=1):
    return line is not None and any(abs(line - want) <= slack for want in lines)


def stem(path):
    return os.path.splitext(os.path.basename(str(path)))[0]


def _families(entry: dict) -> dict[str, list[dict]]:
    fams: dict[str, list[dict]] = {}
    for f in entry.get("findings", []):
        fams.setdefault(family(f.get("rule", "")), []).append(f)
    return fams


def score_entry(name: str, spec: dict, entry: dict) -> list[str]:
    """Problems (misses and noise) of one file's report against its expectation."""
    problems = []
    for key in ("report_year", "regime"):
        if key in spec and str(entry.get(key)) != str(spec[key]):
            problems.append(f"{name} {key}: {entry.get(key)!r} != {spec[key]!r}")
    fams = _families(entry)
    for fam, want in (spec.get("expect") or {}).items():
        got = fams.get(fam, [])
        for line in want.get("lines", []):
            if not any(near(f.get("line"), [line]) for f in got):
                problems.append(f"MISS {name} {fam} line {line}")
        if "any_line" in want and not any(near(f.get("line"), want["any_line"]) for f in got):
            problems.append(f"MISS {name} {fam} any of {want['any_line']}")
        if "count" in want:
            at = want.get("lines", []) + want.get("any_line", [])
            k = len(got) - sum(1 for f in got if near(f.get("line"), at))
            if k != want["count"]:
                problems.append(f"{'MISS' if k < want['count'] else 'NOISE'} {name} {fam}: {k} of {want['count']}")
        if "min" in want and len(got) < want["min"]:
            problems.append(f"MISS {name} {fam}: fewer than {want['min']}")
    for fam in spec.get("clean", []):
        for f in fams.get(fam, []):
            problems.append(f"NOISE {name} {fam} line {f.get('line')}: {f.get('rule')}")
    for item in spec.get("not_at", []):
        for f in fams.get(item["family"], []):
            if "line" not in item or near(f.get("line"), [item["line"]], slack=0):
                problems.append(f"NOISE {name} {item['family']} line {f.get('line')} (not_at)")
    return problems


def score_entry_families(name: str, spec: dict, entry: dict) -> list[str]:
    """As score-seeds --ignore-lines: per family, enough findings for the due items; clean families empty."""
    problems = []
    fams = _families(entry)
    for fam, want in (spec.get("expect") or {}).items():
        due = len(want.get("lines", [])) + want.get("count", 0) + ("any_line" in want) + ("min" in want)
        if len(fams.get(fam, [])) < due:
            problems.append(f"MISS {name} {fam}: {len(fams.get(fam, []))} of {due}")
    for fam in spec.get("clean", []):
        for f in fams.get(fam, []):
            problems.append(f"NOISE {name} {fam}: {f.get('rule')}")
    return problems


def score(expected: dict, report: dict) -> list[str]:
    """Return the list of problems over a whole report; empty means 100% recall and noise 0."""
    entries = {stem(e.get("path", "")): e for e in report.get("files", [])}
    problems = []
    for name, spec in expected.items():
        entry = entries.get(stem(name))
        if entry is None:
            problems.append(f"MISSING FILE {name}")
            continue
        problems.extend(score_entry(name, spec, entry))
    return problems
