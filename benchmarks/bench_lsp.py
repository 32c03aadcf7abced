"""LSP round trip after start-up: didChange of a 20 KB report → publishDiagnostics, over stdio,
as an editor sees it. Target (issue 5): median ≤ 30 ms. Exit 1 when missed.

    .venv/bin/python benchmarks/bench_lsp.py [--runs 30] [--size-kb 20]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_stdin import report_20kb  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from lsp_client import Client  # noqa: E402  (the LSP test's client)

TARGET_MS = 30.0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    text = report_20kb().decode("utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        uri = (Path(tmp) / "report.txt").as_uri()
        client = Client(Path(tmp))
        rid = client.send("initialize", {"processId": os.getpid(), "rootUri": Path(tmp).as_uri(),
                                         "capabilities": {}}, request=True)
        client.wait_for(lambda m: m.get("id") == rid)
        client.send("initialized", {})
        client.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1,
                                                              "text": text}})
        is_diag = lambda m: m.get("method") == "textDocument/publishDiagnostics"  # noqa: E731
        first = client.wait_for(is_diag)
        times = []
        for version in range(2, args.runs + 2):
            edited = text.replace("。", "。" if version % 2 else ",", 1)
            start = time.perf_counter()
            client.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                   "contentChanges": [{"text": edited}]})
            client.wait_for(is_diag)
            times.append((time.perf_counter() - start) * 1000)
        rid = client.send("shutdown", None, request=True)
        client.wait_for(lambda m: m.get("id") == rid)
        client.send("exit", None)
        client.proc.wait(timeout=10)
    median = statistics.median(times)
    print(f"report: {len(text.encode('utf-8'))} bytes, {len(first['params']['diagnostics'])} diagnostics; "
          f"runs: {args.runs}")
    print(f"didChange → publishDiagnostics: median {median:.1f} ms, min {min(times):.1f} ms, max {max(times):.1f} ms")
    print(f"target ≤ {TARGET_MS:.0f} ms → {'OK' if median <= TARGET_MS else 'MISSED'}")
    return 0 if median <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
