"""Benchmark the checker (issue 2 targets).

(a) throughput: the five seeds repeated to 1,000 documents, checked in one process after start-up;
    target ≤ 2 ms per 10 KB of report. (c) the same for the unified-format fixtures (2019/2021
    reports: mostly tables, which cost more per KB than prose).
(b) start-up: one `nianbao-lint check FILE` as a whole process, against
    `python -c "import typer, rich, yaml, regex"` on the same machine; target ≤ 1.2×.

Run: .venv/bin/python benchmarks/bench_check.py [--docs 1000] [--runs 15]
Timings are medians; the machine's load shows in them, so compare ratios, not absolute numbers.
"""
from __future__ import annotations

import argparse
import glob
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


def throughput(n_docs: int, pattern: str = "seeds/*.txt", passes: int = 3) -> dict:
    """Check `n_docs` documents cycling through the files of `pattern`, after one unmeasured check
    of each (start-up: imports, pattern compilation). The median of `passes` passes: this machine's
    speed drifts between runs."""
    from linter.engine import check_document
    from linter.packs import load_packs
    from linter.readers import read_path
    packset = load_packs()
    files = sorted(glob.glob(os.path.join(ROOT, pattern)))
    sizes = [os.path.getsize(p) for p in files]
    for path in files:
        check_document(read_path(path), packset)
    paths = [files[i % len(files)] for i in range(n_docs)]
    total_bytes = sum(sizes[i % len(files)] for i in range(n_docs))
    times = []
    for _ in range(passes):
        start = time.perf_counter()
        for path in paths:
            check_document(read_path(path), packset)
        times.append(time.perf_counter() - start)
    elapsed = statistics.median(times)
    return {"docs": n_docs, "seconds": elapsed, "ms_per_doc": 1000 * elapsed / n_docs,
            "ms_per_10kb": 1000 * elapsed / (total_bytes / 10240), "kb_per_doc": total_bytes / n_docs / 1024}


def process_times(cmds: list[list[str]], runs: int) -> list[float]:
    """Median wall time of each command, the commands interleaved run by run so that a change in
    the machine's load affects them alike; one unmeasured warm-up run each (and the pack cache)."""
    times: list[list[float]] = [[] for _ in cmds]
    for cmd in cmds:
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    for _ in range(runs):
        for i, cmd in enumerate(cmds):
            start = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
            times[i].append(time.perf_counter() - start)
    return [statistics.median(t) for t in times]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    t = throughput(args.docs)
    print(f"(a) {t['docs']} documents in {t['seconds']:.2f} s: {t['ms_per_doc']:.2f} ms/document, "
          f"{t['ms_per_10kb']:.2f} ms per 10 KB (target ≤ 2)")
    u = throughput(args.docs, os.path.join("tests", "fixtures", "unified", "*.txt"))
    print(f"(c) unified-format fixtures ({u['kb_per_doc']:.1f} KB each, three tables), {u['docs']} documents: "
          f"{u['ms_per_doc']:.2f} ms/document, {u['ms_per_10kb']:.2f} ms per 10 KB")
    seed = os.path.join(ROOT, "seeds", "004_60f2b87b7f23535f.txt")
    # pip byte-compiles what it installs (the dependencies here too); an editable checkout under
    # PYTHONDONTWRITEBYTECODE=1 would otherwise recompile every module from source on every run.
    subprocess.run([sys.executable, "-m", "compileall", "-q", os.path.join(ROOT, "linter")], check=True)
    base, one, one_json = process_times([
        [sys.executable, "-c", "import typer, rich, yaml, regex"],
        [sys.executable, "-m", "linter", "check", seed],
        [sys.executable, "-m", "linter", "check", seed, "--format", "json"],
    ], args.runs)
    print(f"(b) baseline import typer, rich, yaml, regex: {base * 1000:.0f} ms")
    print(f"    check one file (text): {one * 1000:.0f} ms = {one / base:.2f}× (target ≤ 1.2×)")
    print(f"    check one file (json): {one_json * 1000:.0f} ms = {one_json / base:.2f}×")


if __name__ == "__main__":
    main()
