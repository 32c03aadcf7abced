"""The `nianbao-lint` command: a plain `check` runs without importing the CLI framework.

An editor checking on save, or a CI step on one file, pays the process start-up every time, and
typer alone takes about 40 ms to import. `check` with the options listed below is parsed here and
run by run.run_check, the same function the typer command calls; anything else — `--help`, an
option not listed, another command, a malformed option — goes to the typer app in cli.py, which
gives the usual help and error messages. NIANBAO_LINT_NO_FASTPATH=1 always uses typer.
"""
from __future__ import annotations

import os
import sys

from .run import CheckOptions

# option → (CheckOptions field, takes a value, may repeat)
_OPTIONS = {
    "--format": ("fmt", True, False), "-f": ("fmt", True, False),
    "--fail-on": ("fail_on", True, False),
    "--pack": ("pack", True, False),
    "--rules": ("rules", True, True),
    "--quiet": ("quiet", False, False), "-q": ("quiet", False, False),
    "--output": ("output", True, False), "-o": ("output", True, False),
    "--config": ("config", True, False),
    "--no-config": ("no_config", False, False),
    "--baseline": ("baseline", True, False),
    "--write-baseline": ("write_baseline", True, False),
    "--stdin": ("stdin", False, False),
    "--stdin-filename": ("stdin_filename", True, False),
    "--fix": ("fix", False, False),
    "--diff": ("diff", False, False),
    "--previous": ("previous", True, False),
}


def parse_check(argv: list[str]) -> CheckOptions | None:
    """CheckOptions for `check …` written only with the options above, else None (typer decides)."""
    if not argv or argv[0] != "check":
        return None
    options = CheckOptions()
    seen: set[str] = set()
    args = iter(argv[1:])
    only_paths = False
    for arg in args:
        if only_paths or not arg.startswith("-") or arg == "-":
            options.paths.append(arg)
            continue
        if arg == "--":
            only_paths = True
            continue
        name, eq, inline = arg.partition("=")
        spec = _OPTIONS.get(name)
        if spec is None or (eq and not spec[1]):
            return None
        attr, takes_value, repeats = spec
        if attr in seen and not repeats:
            return None  # let typer apply its own rule for a repeated option
        seen.add(attr)
        if not takes_value:
            setattr(options, attr, True)
            continue
        value = inline if eq else next(args, None)
        if value is None or (not eq and value.startswith("-") and value != "-"):
            return None
        if repeats:
            getattr(options, attr).append(value)
        else:
            setattr(options, attr, value)
    return options


def main() -> None:
    options = None if os.environ.get("NIANBAO_LINT_NO_FASTPATH") else parse_check(sys.argv[1:])
    if options is None:
        from .cli import main as typer_main
        typer_main()
        return
    from .run import EXIT_ERROR, UsageError, run_check
    try:
        code = run_check(options)
    except UsageError as exc:
        sys.stderr.write(f"nianbao-lint: 错误：{exc}\n")
        code = EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("nianbao-lint: 已中断\n")
        code = 130
    except Exception as exc:  # noqa: BLE001 - never a traceback to the user
        if os.environ.get("NIANBAO_DEBUG"):
            raise
        sys.stderr.write(f"nianbao-lint: 内部错误：{type(exc).__name__}: {exc}（设置 NIANBAO_DEBUG=1 查看详情）\n")
        code = EXIT_ERROR
    sys.stdout.flush()
    sys.exit(code)


if __name__ == "__main__":
    main()
