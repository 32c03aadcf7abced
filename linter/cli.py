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
    paths: Optional[List[str]] = typer.Argument(None, help="报告文件、目录（递归）或通配符"),
    fmt: str = typer.Option("text", "--format", "-f", help="输出格式：text、json、sarif、github、gcc、junit"),
    fail_on: Optional[str] = typer.Option(None, "--fail-on",
                                          help="达到此严重程度即以 1 退出：error、warning、info（默认 error，或配置的 fail_on）"),
    pack: Optional[str] = typer.Option(None, "--pack", help="指定规则包（默认按报告年度自动选择）"),
    rules: List[str] = typer.Option([], "--rules", help="追加本地规则包目录或文件（可多次）"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="只输出有问题的文件"),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="写入文件而不是标准输出"),
    config: Optional[str] = typer.Option(None, "--config", help="使用此配置文件（默认：从每个文件向上查找 .nianbao.yaml）"),
    no_config: bool = typer.Option(False, "--no-config", help="不读取任何 .nianbao.yaml"),
    baseline: Optional[str] = typer.Option(None, "--baseline", help="只报告不在此基线文件中的新问题"),
    write_baseline: Optional[str] = typer.Option(None, "--write-baseline", help="把现有问题全部记入此基线文件"),
    stdin: bool = typer.Option(False, "--stdin", help="从标准输入读取报告（编辑器插件用）"),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename",
                                                 help="--stdin 内容的文件名：决定格式、配置和输出中的路径"),
    fix: bool = typer.Option(False, "--fix", help="自动修正机械性问题（仅 .txt/.md）：半角标点、转换残留、序号括号"),
    diff: bool = typer.Option(False, "--diff", help="只显示 --fix 会做的修改，不写文件"),
    previous: Optional[str] = typer.Option(None, "--previous",
                                           help="同一机关上一年度的报告，用于跨年度比对（不给时在同批文件中自动配对）"),
):
    """检查年度报告，报告每个问题的位置、严重程度、原因和依据。"""
    from .run import CheckOptions, UsageError, run_check
    options = CheckOptions(list(paths or []), fmt, fail_on, pack, list(rules), quiet, output, config, no_config,
                           baseline, write_baseline, stdin, stdin_filename, fix, diff, previous)
    try:
        code = run_check(options)
    except UsageError as exc:
        raise _fail(str(exc)) from None
    raise typer.Exit(code)


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


@app.command()
def init(
    folder: str = typer.Argument(".", help="写入配置的目录（文档仓库的根）"),
    force: bool = typer.Option(False, "--force", help="覆盖已有的 .nianbao.yaml"),
):
    """在文档仓库根目录写一个带注释的 .nianbao.yaml 起步配置。"""
    from .config import STARTER
    path = os.path.join(folder, ".nianbao.yaml")
    if not os.path.isdir(folder):
        raise _fail(f"{folder}: 目录不存在")
    if os.path.exists(path) and not force:
        raise _fail(f"{path} 已存在（用 --force 覆盖）")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(STARTER)
    print(f"已写入 {path}；用 nianbao-lint check {folder} 试一试")


@app.command()
def lsp():
    """以语言服务器（LSP，标准输入输出）运行，供编辑器在打开、修改、保存时检查。需要 pip install 'nianbao-lint[lsp]'。"""
    try:
        from .lsp import serve
    except ImportError as exc:
        raise _fail(f"语言服务器需要 pygls：pip install 'nianbao-lint[lsp]'（{exc}）") from None
    serve()


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
