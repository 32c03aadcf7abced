"""Text for people: grouped by file, path:line:col, severity, rule, message, basis, and the
offending line with the span marked — carets measured in display columns, since a Chinese
character takes two. Colour (through rich) only when writing to a terminal.
"""
from __future__ import annotations

from ..cjk import display_width
from . import summary

SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}
STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan", "path": "bold", "rule": "magenta",
          "dim": "dim", "mark": "bold red"}
MAX_SNIPPET = 72  # display columns of context shown around a span


def _snippet(text: str, start: int, end: int) -> tuple[str, str]:
    """The line around [start, end) trimmed to MAX_SNIPPET display columns, and its caret line."""
    text = text.replace("\t", " ")
    start = max(0, min(start, len(text)))
    end = max(start + 1, min(end, len(text))) if text else start
    if display_width(text) <= MAX_SNIPPET:
        return text, " " * display_width(text[:start]) + "^" * max(1, display_width(text[start:end]))
    left, right = start, end
    while left > 0 and display_width(text[left - 1:right]) < MAX_SNIPPET // 2:
        left -= 1
    while right < len(text) and display_width(text[left:right + 1]) < MAX_SNIPPET:
        right += 1
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(text) else ""
    shown = prefix + text[left:right] + suffix
    pad = display_width(prefix + text[left:start])
    marks = max(1, display_width(text[start:end]))
    return shown, " " * pad + "^" * marks


def lines_for(results, quiet: bool = False, show_basis: bool = True):
    """Yield (text, style) pieces per output line: a list of segments."""
    for r in results:
        if r.error and r.document is None:
            yield [(f"{r.path}: ", "path"), ("无法读取：", "error"), (r.error, None)]
            continue
        if not r.findings and not r.error:
            if not quiet:
                yield [(r.path, "path"), (f"  {_meta(r)}  ", "dim"), ("未发现问题", None)]
            continue
        yield [(r.path, "path"), (f"  {_meta(r)}", "dim")]
        if r.error:
            yield [("  ", None), ("内部错误：", "error"), (r.error, None)]
        doc = r.document
        for f in r.findings:
            sev = str(f.severity)
            where = f"{f.line}:{f.column}" if f.line is not None else "全文"
            loc = f" ({f.locator})" if f.locator else ""
            yield [("  ", None), (f"{r.path}:{where}{loc}" if f.line is not None else f"{r.path}:{where}", "dim"),
                   ("  ", None), (SEVERITY_NAMES[sev], sev), ("  ", None), (f.rule, "rule"), ("  ", None),
                   (f.message, None)]
            if show_basis and f.basis:
                yield [("      依据：", "dim"), (f.basis, "dim")]
            if f.line is not None and doc is not None and f.line <= len(doc.lines):
                text = doc.line(f.line).text
                end = f.end_column - 1 if f.end_line == f.line and f.end_column else len(text)
                shown, carets = _snippet(text, (f.column or 1) - 1, end)
                gutter = f"{f.line:>6} | "
                yield [(gutter, "dim"), (shown, None)]
                yield [(" " * (len(gutter) - 2) + "| ", "dim"), (carets, "mark")]
        yield []


def _meta(r) -> str:
    year = f"{r.report_year}年度" if r.report_year else "年度不明"
    regime = f"{r.regime}年格式" if r.regime else "通用要求"
    return f"[{year} · {regime} · {', '.join(r.packs)}]"


def summary_line(results) -> str:
    s = summary(results)
    text = (f"检查了 {s['files']} 个文件：{s['findings']} 个问题（错误 {s['error']}，警告 {s['warning']}，"
            f"提示 {s['info']}）")
    if s["unreadable"]:
        text += f"；{s['unreadable']} 个文件无法读取"
    return text


def render(results, stream, quiet: bool = False, color: bool | None = None, **options) -> None:
    if color is None:
        color = hasattr(stream, "isatty") and stream.isatty()
    pieces = list(lines_for(results, quiet=quiet))
    if color:
        from rich.console import Console
        from rich.text import Text
        console = Console(file=stream, highlight=False, soft_wrap=True)
        for segments in pieces:
            line = Text()
            for text, style in segments:
                line.append(text, style=STYLES.get(style, style) if style else None)
            console.print(line)
        console.print(Text(summary_line(results), style="bold"))
        return
    for segments in pieces:
        stream.write("".join(text for text, _ in segments) + "\n")
    stream.write(summary_line(results) + "\n")
