"""Plain text and Markdown: decode the bytes and split lines exactly where an editor would.

Government offices still save GB18030/GBK text, and Word's "save as text" adds a BOM; a file
may have CRLF, CR or LF line ends. Line numbers are the file's own, so a finding at line 41 is at
line 41 in Notepad, WPS or VS Code.
"""
from __future__ import annotations

import codecs
import re

from ..document import Document, Line
from . import ReadError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding). UTF-8 first (strict), then GB18030, which covers GB2312 and GBK."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise ReadError(f"按 {encoding} 解码失败（第 {exc.start} 字节）") from None
    if b"\x00" in data[:8192]:
        raise ReadError("二进制文件，不是文本（含 NUL 字节）")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise ReadError(f"无法识别的文本编码：既不是 UTF-8 也不是 GB18030（第 {exc.start} 字节）") from None
    if _looks_binary(text):
        raise ReadError("二进制文件，不是文本")
    return text, "gb18030"


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if _CONTROL.search(sample) is None:  # text: no control character at all (one C scan, no list)
        return False
    return len(_CONTROL.findall(sample)) > len(sample) // 20


def split_lines(text: str) -> list[str]:
    """Split at CRLF, CR and LF only (str.splitlines would also split at form feeds and U+2028,
    which editors do not count as line ends)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")  # one C call: a regex split costs four times as much
    if lines and lines[-1] == "" and len(lines) > 1:
        lines.pop()  # a final line end does not start a new line
    return lines


def document_from_text(path: str, text: str, source_format: str = "txt", encoding: str | None = None) -> Document:
    if not text or text.isspace():
        raise ReadError("文件为空")
    lines = [Line(i, t) for i, t in enumerate(split_lines(text), 1)]
    return Document(path=path, lines=lines, source_format=source_format, encoding=encoding)


def read(path: str, data: bytes) -> Document:
    text, encoding = decode(data)
    if _looks_binary(text):
        raise ReadError("二进制文件，不是文本")
    fmt = "md" if path.lower().endswith((".md", ".markdown")) else "txt"
    return document_from_text(path, text, fmt, encoding)
