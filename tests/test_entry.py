"""The start-up fast path must behave exactly like the typer command it stands in for."""
import os
import subprocess
import sys

import pytest

from conftest import ROOT, SEEDS
from linter.entry import parse_check

SEED = os.path.join(SEEDS, "004_60f2b87b7f23535f.txt")


def test_parses_the_common_options():
    o = parse_check(["check", "a.txt", "-f", "json", "--fail-on=warning", "--rules", "x", "--rules", "y", "-q",
                     "--pack", "gov-2008", "b.txt"])
    assert (o.paths, o.fmt, o.fail_on, o.rules, o.quiet, o.pack) == (["a.txt", "b.txt"], "json", "warning",
                                                                     ["x", "y"], True, "gov-2008")


def test_double_dash_ends_options():
    assert parse_check(["check", "--", "-odd-name.txt"]).paths == ["-odd-name.txt"]


@pytest.mark.parametrize("argv", [
    [], ["rules"], ["check", "--help"], ["check", "-h"], ["check", "--colour"], ["check", "-fjson", "a"],
    ["check", "a", "--format"], ["check", "a", "-f", "json", "-f", "text"], ["check", "--quiet=yes", "a"],
    ["check", "a", "--format", "--quiet"],
])
def test_everything_else_goes_to_typer(argv):
    assert parse_check(argv) is None


def run(args, fast=True):
    env = {**os.environ, "PYTHONPATH": ROOT}
    if not fast:
        env["NIANBAO_LINT_NO_FASTPATH"] = "1"
    proc = subprocess.run([sys.executable, "-m", "linter", *args], capture_output=True, text=True, cwd=ROOT, env=env)
    return proc.returncode, proc.stdout, proc.stderr


@pytest.mark.parametrize("args", [
    ["check", SEED, "-f", "json"],
    ["check", SEED, "--fail-on", "info", "-q"],
    ["check", SEED, "--format", "gcc", "--pack", "core"],
    ["check", "no/such.txt"],
    ["check", SEED, "--format", "xml"],
    ["check", SEED, "--pack", "nope"],
])
def test_fast_path_and_typer_agree(args):
    assert run(args) == run(args, fast=False)
