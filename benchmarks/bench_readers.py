"""Per-report time of each reader (issue 4), on the seed fixtures in tests/fixtures/formats/.

For each format: the first read in a fresh process (importing the format's library, which a run of
`nianbao-lint check` pays once), then the median time per report of repeated reads in a warm
process, and the checker's own time on the same Document for comparison.

Run: .venv/bin/python benchmarks/bench_readers.py [--rounds 10]
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
FIXTURES = os.path.join(ROOT, "tests", "fixtures", "formats")
sys.path.insert(0, ROOT)

COLD = """
import sys, time
sys.path.insert(0, {root!r})
t = time.perf_counter()
from linter.readers import read_path
read_path({path!r})
print(time.perf_counter() - t)
"""


def cold(path: str) -> float:
    out = subprocess.run([sys.executable, "-c", COLD.format(root=ROOT, path=path)], capture_output=True, text=True,
                         check=True)
    return float(out.stdout.strip())


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=10)
    args = ap.parse_args()
    from linter.engine import check_document
    from linter.packs import load_packs
    from linter.readers import read_path
    packset = load_packs()
    print(f"{'format':<6} {'files':>5} {'KB/file':>8} {'cold first read':>16} {'warm ms/report':>15} "
          f"{'max ms':>7} {'check ms':>9}")
    sets = {
        "txt": os.path.join(ROOT, "seeds", "*.txt"),
        "docx": os.path.join(FIXTURES, "*.docx"),
        "html": os.path.join(FIXTURES, "*.html"),
        "pdf": os.path.join(FIXTURES, "*.pdf"),             # reportlab, CID font
        "lo-pdf": os.path.join(FIXTURES, "lo", "*.pdf"),    # LibreOffice export, embedded TrueType
        "doc": os.path.join(FIXTURES, "doc", "*.doc"),      # through LibreOffice, when installed
    }
    from linter.readers import office
    for ext, pattern in sets.items():
        paths = sorted(glob.glob(pattern))
        if not paths or (ext == "doc" and office.soffice() is None):
            continue
        rounds = 2 if ext == "doc" else args.rounds
        first = cold(paths[0])
        for p in paths:
            read_path(p)  # warm
        per_file = []
        for p in paths:
            times = []
            for _ in range(rounds):
                t = time.perf_counter()
                read_path(p)
                times.append(time.perf_counter() - t)
            per_file.append(statistics.median(times))
        docs = [read_path(p) for p in paths]
        t = time.perf_counter()
        for d in docs:
            check_document(d, packset)
        check_ms = 1000 * (time.perf_counter() - t) / len(docs)
        kb = sum(os.path.getsize(p) for p in paths) / len(paths) / 1024
        print(f"{ext:<6} {len(paths):>5} {kb:>8.1f} {1000 * first:>13.0f} ms {1000 * statistics.median(per_file):>15.1f} "
              f"{1000 * max(per_file):>7.1f} {check_ms:>9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
