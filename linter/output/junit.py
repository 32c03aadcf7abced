"""JUnit XML for CI dashboards (GitLab, Jenkins, Azure): one test case per file.

A file with no finding at or above --fail-on is a passing test (its lesser findings go to
system-out); a file with such findings fails, one <failure> listing them; an unreadable file is an
<error>. So a dashboard shows exactly what the gate decided.
"""
from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from ..findings import Severity


def _finding_line(path, f) -> str:
    where = f"{f.line}:{f.column or 1}" if f.line is not None else "全文"
    return f"{path}:{where}: {f.severity}: {f.message} [{f.rule}]（依据：{f.basis}）"


def render(results, stream, fail_on: Severity = Severity.ERROR, fail_on_for: dict | None = None, **options) -> None:
    """`fail_on_for` maps a path to its own threshold (from its .nianbao.yaml)."""
    cases = []
    failures = errors = 0
    for r in results:
        name = quoteattr(r.path)
        if r.error and r.document is None:
            errors += 1
            cases.append(f'    <testcase classname="nianbao-lint" name={name}>\n'
                         f'      <error message={quoteattr(r.error)} type="unreadable">{escape(r.error)}</error>\n'
                         f"    </testcase>")
            continue
        level = (fail_on_for or {}).get(r.path, fail_on)
        failing = [f for f in r.findings if f.severity >= level]
        rest = [f for f in r.findings if f.severity < level]
        body = []
        if failing:
            failures += 1
            text = "\n".join(_finding_line(r.path, f) for f in failing)
            message = f"{len(failing)} 个问题达到 {level}"
            body.append(f"      <failure message={quoteattr(message)} type=\"nianbao-lint\">{escape(text)}</failure>")
        if r.error:
            errors += 1
            body.append(f'      <error message={quoteattr(r.error)} type="internal">{escape(r.error)}</error>')
        if rest:
            body.append("      <system-out>" + escape("\n".join(_finding_line(r.path, f) for f in rest))
                        + "</system-out>")
        inner = ("\n" + "\n".join(body) + "\n    ") if body else ""
        cases.append(f'    <testcase classname="nianbao-lint" name={name}>{inner}</testcase>')
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(f'<testsuites name="nianbao-lint" tests="{len(results)}" failures="{failures}" errors="{errors}">\n')
    stream.write(f'  <testsuite name="nianbao-lint" tests="{len(results)}" failures="{failures}" errors="{errors}">\n')
    for case in cases:
        stream.write(case + "\n")
    stream.write("  </testsuite>\n</testsuites>\n")
