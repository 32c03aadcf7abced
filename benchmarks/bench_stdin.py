"""Whole-process time of `nianbao-lint check --stdin` on a 20 KB report, against the floor every
Python CLI of ours pays: `python -c "import typer, rich, yaml, regex"`.

Target (issue 5): median(check --stdin) ≤ 1.2 × median(imports). Exit 1 when missed.

    .venv/bin/python benchmarks/bench_stdin.py [--runs 15]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.2


def report_20kb() -> bytes:
    """A real report (seed 004) with its body repeated until it is 20 KB: the size of a long
    municipal-department report."""
    text = (ROOT / "seeds" / "004_60f2b87b7f23535f.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    body = [ln for ln in lines[5:40] if ln.strip()]
    out = list(lines)
    i = 0
    while len("\n".join(out).encode("utf-8")) < 20 * 1024:
        out.insert(40 + i, body[i % len(body)])
        i += 1
    return "\n".join(out).encode("utf-8")


def timed(cmds: list[tuple[list[str], bytes | None]], runs: int) -> list[list[float]]:
    """Wall times of each (command, input), the commands interleaved run by run so that a change
    in this shared machine's speed affects them alike."""
    times: list[list[float]] = [[] for _ in cmds]
    for _ in range(runs):
        for i, (cmd, data) in enumerate(cmds):
            start = time.perf_counter()
            subprocess.run(cmd, input=data, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[i].append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    data = report_20kb()
    script = Path(sys.executable).with_name("nianbao-lint")
    check = [str(script)] if script.exists() else [sys.executable, "-m", "linter"]
    check += ["check", "--stdin", "--stdin-filename", "report.txt", "-f", "json"]
    floor = [sys.executable, "-c", "import typer, rich, yaml, regex"]
    # pip byte-compiles what it installs; an editable checkout under PYTHONDONTWRITEBYTECODE=1 would
    # otherwise recompile every module on every run
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "linter")], check=True)
    timed([(check, data), (floor, None)], 2)  # warm the OS file cache and the pack cache
    check_times, floor_times = timed([(check, data), (floor, None)], args.runs)
    t_check, t_floor = statistics.median(check_times), statistics.median(floor_times)
    ratio = t_check / t_floor
    print(f"report: {len(data)} bytes; runs: {args.runs}")
    print(f"check --stdin median: {t_check * 1000:.1f} ms")
    print(f"import typer, rich, yaml, regex median: {t_floor * 1000:.1f} ms")
    print(f"ratio: {ratio:.2f} (target ≤ {TARGET}) → {'OK' if ratio <= TARGET else 'MISSED'}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
