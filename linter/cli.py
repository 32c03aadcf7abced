"""The command line: parse options, call the engine, hand results to a formatter. Nothing else.

Exit codes (stable, like ruff's): 0 no finding at or above --fail-on; 1 findings at or above it;
2 a usage error, a broken pack, or a file that could not be read (the other files are still
checked and reported).
"""
from __future__ import annotations

import os
import sys
from typing import List, Optional

import typer

from . import __version__

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="nianbao-lint：政府信息公开工作年度报告合规检查")

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _fail(message: str) -> "typer.Exit":
    sys.stderr.write(f"nianbao-lint: 错误：{message}\n")
    return typer.Exit(EXIT_ERROR)


def _load(rules_dirs):
    from .packs import PackError, load_packs
    try:
        return load_packs(rules_dirs or [])
    except PackError as exc:
        raise _fail(str(exc)) from None


def _version(value: bool):
    if value:
        print(f"nianbao-lint {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                              help="显示版本")):
    """nianbao-lint：政府信息公开工作年度报告合规检查。"""


@app.command()
def check(
    paths: List[str] = typer.Argument(..., help="报告文件、目录（递归）或通配符"),
    fmt: str = typer.Option("text", "--format", "-f", help="输出格式：text、json"),
    fail_on: str = typer.Option("error", "--fail-on", help="达到此严重程度即以 1 退出：error、warning、info"),
    pack: Optional[str] = typer.Option(None, "--pack", help="指定规则包（默认按报告年度自动选择）"),
    rules: List[str] = typer.Option([], "--rules", help="追加本地规则包目录或文件（可多次）"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="只输出有问题的文件"),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="写入文件而不是标准输出"),
):
    """检查年度报告，报告每个问题的位置、严重程度、原因和依据。"""
    from .output import FORMATS, render
    from .findings import Severity
    if fmt not in FORMATS:
        raise _fail(f"--format 应为 {', '.join(FORMATS)} 之一，而不是 {fmt!r}")
    try:
        threshold = Severity.parse(fail_on)
    except KeyError:
        raise _fail(f"--fail-on 应为 error、warning 或 info，而不是 {fail_on!r}") from None
    packset = _load(rules)
    if pack is not None and pack not in packset.packs:
        raise _fail(f"--pack {pack}: 没有这个规则包；已知：{', '.join(packset.packs)}")
    from .engine import check_file, expand_paths
    files = expand_paths(paths)
    if not files:
        raise _fail("没有找到要检查的文件")
    results = [check_file(path, packset, forced_pack=pack) for path in files]
    stream = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        render(fmt, results, stream, quiet=quiet)
    finally:
        if output:
            stream.close()
    if any(r.error and r.document is None for r in results) or any(r.error for r in results):
        raise typer.Exit(EXIT_ERROR)
    if any(f.severity >= threshold for r in results for f in r.findings):
        raise typer.Exit(EXIT_FINDINGS)
    raise typer.Exit(EXIT_OK)


@app.command("rules")
def list_rules(
    pack: Optional[str] = typer.Option(None, "--pack", help="只列出此规则包（及其继承的）规则"),
    year: Optional[int] = typer.Option(None, "--year", help="列出此报告年度适用的规则"),
    rules: List[str] = typer.Option([], "--rules", help="追加本地规则包目录或文件"),
):
    """列出生效的规则：编号、严重程度、检查类型和依据。"""
    packset = _load(rules)
    if pack is not None and pack not in packset.packs:
        raise _fail(f"--pack {pack}: 没有这个规则包；已知：{', '.join(packset.packs)}")
    if pack or year:
        pack_ids = packset.select(year, pack)
    else:
        pack_ids = list(packset.packs)
    out = sys.stdout
    for pid in pack_ids:
        p = packset.packs[pid]
        years = f"{p.report_years[0]}—{p.report_years[1]}年度" if p.report_years else "所有年度"
        out.write(f"{pid}  {p.title}  [{years}]\n")
        for rule in packset.rules_for([pid]) if pid in pack_ids else []:
            if rule.pack != pid:
                continue
            out.write(f"  {rule.id:<34} {str(rule.severity):<8} {rule.kind:<17} {rule.basis}\n")
        out.write("\n")


@app.command()
def explain(
    rule_id: str = typer.Argument(..., help="规则编号，如 numbering.skip"),
    rules: List[str] = typer.Option([], "--rules", help="追加本地规则包目录或文件"),
):
    """说明一条规则：检查什么、为什么、法律依据、不合格与合格的例子。"""
    from .checks import load_kind
    packset = _load(rules)
    found = [r for p in packset.packs.values() for r in p.rules if r.id == rule_id]
    if not found:
        ids = sorted({r.id for p in packset.packs.values() for r in p.rules})
        close = [i for i in ids if i.split(".")[0] == rule_id.split(".")[0]] or ids[:10]
        raise _fail(f"没有规则 {rule_id}；相近的：{', '.join(close)}")
    out = sys.stdout
    for rule in found:
        kind = load_kind(rule.kind)
        out.write(f"{rule.id}  （{rule.severity}，规则包 {rule.pack}，{rule.source}）\n\n")
        out.write(f"检查什么：{kind.SUMMARY}\n")
        out.write(f"报告的消息：{rule.message}\n")
        if rule.why:
            out.write(f"为什么：{rule.why}\n")
        out.write(f"依据：{rule.basis}\n")
        if rule.report_years:
            out.write(f"适用报告年度：{rule.report_years[0]}—{rule.report_years[1]}\n")
        shown = {k: v for k, v in rule.params.items() if v not in (None, [], "")}
        if shown:
            out.write("参数：\n")
            for name, value in shown.items():
                if isinstance(value, list):
                    value = "、".join(getattr(v, "pattern", str(v)) for v in value)
                out.write(f"  {name}: {getattr(value, 'pattern', value)}\n")
        examples = rule.examples or getattr(kind, "EXAMPLES", {})
        if examples.get("fail"):
            out.write(f"\n不合格的例子：\n  {examples['fail']}\n")
        if examples.get("pass"):
            out.write(f"合格的例子：\n  {examples['pass']}\n")
        out.write(f"\n检查类型 {rule.kind} 的说明：\n")
        for line in (kind.__doc__ or "").strip().splitlines():
            out.write(f"  {line}\n")
        out.write("\n")


@app.command()
def dump(path: str = typer.Argument(..., help="报告文件")):
    """输出检查器看到的文本及行号（查找问题位置用）；标出表格和页码。"""
    from .readers import ReadError, read_path
    try:
        doc = read_path(path)
    except ReadError as exc:
        raise _fail(f"{path}: {exc}") from None
    out = sys.stdout
    width = len(str(len(doc.lines)))
    for line in doc.lines:
        mark = f"表{line.table_id}" if line.table_id is not None else ""
        locator = f"  〔{line.locator}〕" if line.locator else ""
        out.write(f"{line.number:>{width}} {mark:<4}| {line.text}{locator}\n")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("nianbao-lint: 已中断\n")
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as exc:  # noqa: BLE001 - never a traceback to the user
        if os.environ.get("NIANBAO_DEBUG"):
            raise
        sys.stderr.write(f"nianbao-lint: 内部错误：{type(exc).__name__}: {exc}（设置 NIANBAO_DEBUG=1 查看详情）\n")
        sys.exit(EXIT_ERROR)


if __name__ == "__main__":
    main()
