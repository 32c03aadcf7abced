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


def timed(cmd, data: bytes | None, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, input=data, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
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
    timed(check, data, 2)  # warm the OS file cache and the pack cache
    timed(floor, None, 2)
    t_check = statistics.median(timed(check, data, args.runs))
    t_floor = statistics.median(timed(floor, None, args.runs))
    ratio = t_check / t_floor
    print(f"report: {len(data)} bytes; runs: {args.runs}")
    print(f"check --stdin median: {t_check * 1000:.1f} ms")
    print(f"import typer, rich, yaml, regex median: {t_floor * 1000:.1f} ms")
    print(f"ratio: {ratio:.2f} (target ≤ {TARGET}) → {'OK' if ratio <= TARGET else 'MISSED'}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
