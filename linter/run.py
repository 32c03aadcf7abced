"""`check` without the command-line framework: what a plain `nianbao-lint check FILES` runs.

The typer command in cli.py and the start-up fast path in entry.py both call `run_check`, so there
is one implementation of what check does; typer (about 40 ms to import) is loaded only for help,
the other commands and options the fast path does not parse.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """Bad options or a broken config/pack/baseline: printed as one line, exit code 2."""


@dataclass
class CheckOptions:
    paths: list[str] = field(default_factory=list)
    fmt: str = "text"
    fail_on: str | None = None
    pack: str | None = None
    rules: list[str] = field(default_factory=list)
    quiet: bool = False
    output: str | None = None
    config: str | None = None
    no_config: bool = False
    baseline: str | None = None
    write_baseline: str | None = None
    stdin: bool = False
    stdin_filename: str | None = None
    fix: bool = False
    diff: bool = False
    previous: str | None = None


def run_check(options: CheckOptions) -> int:
    """Check the files and print the report; return the exit code (0, 1 or 2)."""
    o = options
    from .output import FORMATS, render
    from .findings import Severity
    if o.fmt not in FORMATS:
        raise UsageError(f"--format 应为 {', '.join(FORMATS)} 之一，而不是 {o.fmt!r}")
    try:
        threshold = Severity.parse(o.fail_on) if o.fail_on is not None else None
    except KeyError:
        raise UsageError(f"--fail-on 应为 error、warning 或 info，而不是 {o.fail_on!r}") from None
    if o.stdin and o.paths:
        raise UsageError("--stdin 与文件参数不能同时使用")
    if not o.stdin and not o.paths:
        raise UsageError("请给出要检查的文件或目录（或用 --stdin）")
    from .config import ConfigError
    from .engine import lint_paths
    from .readers import ReadError
    from .packs import PackError
    try:
        run = lint_paths(o.paths or [], o.rules, o.pack, o.config, o.no_config,
                         sys.stdin.buffer.read() if o.stdin else None, o.stdin_filename, o.previous)
    except (ConfigError, PackError) as exc:
        raise UsageError(str(exc)) from None
    except ReadError as exc:  # only --previous is read before the run: the other files report their own
        raise UsageError(f"--previous {o.previous}: {exc}") from None
    if not run.found:
        raise UsageError("没有找到要检查的文件")
    results = run.results
    if o.fix or o.diff:
        from .fix import run_fix
        changed = run_fix(run, write=o.fix and not o.diff, show_diff=o.diff, stdout=sys.stdout, stderr=sys.stderr)
        results = run.results
        if o.diff or o.stdin:
            return EXIT_FINDINGS if o.diff and changed else EXIT_OK
    if o.write_baseline:
        from .baseline import write
        count = write(results, o.write_baseline)
        sys.stderr.write(f"nianbao-lint: 已把 {count} 个问题写入基线 {o.write_baseline}\n")
        return EXIT_ERROR if any(r.error for r in results) else EXIT_OK
    if o.baseline:
        from .baseline import BaselineError, filter_results
        try:
            hidden, stale = filter_results(results, o.baseline)
        except BaselineError as exc:
            raise UsageError(str(exc)) from None
        if stale and o.fmt == "text":
            sys.stderr.write(f"nianbao-lint: 基线中有 {stale} 个问题已不再出现，可用 --write-baseline 更新基线\n")
    threshold_for = {r.path: threshold or run.thresholds.get(r.path, Severity.ERROR) for r in results}
    stream = open(o.output, "w", encoding="utf-8") if o.output else sys.stdout
    try:
        render(o.fmt, results, stream, quiet=o.quiet, fail_on=threshold or Severity.ERROR,
               fail_on_for=threshold_for, packset=run.packset)
    finally:
        if o.output:
            stream.close()
    if any(r.error for r in results):  # unreadable file, or a rule that failed on it
        return EXIT_ERROR
    if any(f.severity >= threshold_for[r.path] for r in results for f in r.findings):
        return EXIT_FINDINGS
    return EXIT_OK
