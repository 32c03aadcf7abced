"""A minimal LSP client over stdio, as an editor drives `nianbao-lint lsp`: used by the LSP test
and by benchmarks/bench_lsp.py."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


class Client:
    def __init__(self, cwd: Path):
        self.proc = subprocess.Popen([sys.executable, "-m", "linter", "lsp"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd)
        self.next_id = 0

    def send(self, method, params, request=False):
        message = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            message["id"] = self.next_id
        body = json.dumps(message, ensure_ascii=False).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()
        return message.get("id")

    def read(self):
        headers = {}
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise EOFError(self.proc.stderr.read().decode("utf-8", "replace"))
            line = line.strip()
            if not line:
                break
            key, value = line.decode().split(":", 1)
            headers[key.lower()] = value.strip()
        return json.loads(self.proc.stdout.read(int(headers["content-length"])))

    def wait_for(self, predicate, limit=200):
        for _ in range(limit):
            message = self.read()
            if predicate(message):
                return message
        raise AssertionError("no such message")

    def request(self, method, params):
        rid = self.send(method, params, request=True)
        return self.wait_for(lambda m: m.get("id") == rid and "method" not in m)

    def diagnostics(self):
        return self.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics")["params"]

    def close(self):
        try:
            self.request("shutdown", None)
            self.send("exit", None)
            self.proc.wait(timeout=10)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
            self.proc.stdout.close()
            self.proc.stderr.close()
            self.proc.stdin.close()
