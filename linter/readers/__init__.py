"""Readers turn a file into a `Document`; they know formats and nothing of rules.

A reader module exposes `read(path: str, data: bytes) -> Document` and raises `ReadError` with a
one-line cause a user can act on. Readers are imported only when a file of their format is seen,
so checking a .txt file never pays for a PDF library.
"""
from __future__ import annotations

import importlib
import os

from ..document import Document

MAX_BYTES = 20 * 1024 * 1024
"""Reports are tens of kilobytes; a file over 20 MB is not a report (and would stall an editor)."""

READERS = {
    ".txt": "text", ".text": "text", ".md": "text", ".markdown": "text",
    ".docx": "docx",
    ".pdf": "pdf",
    ".html": "html", ".htm": "html", ".shtml": "html",
    ".doc": "office", ".wps": "office", ".ofd": "office",
}
SUPPORTED = tuple(sorted(READERS))


class ReadError(Exception):
    """A file could not be turned into a Document; the message is shown to the user as is."""


def reader_for(path: str) -> str:
    return READERS.get(os.path.splitext(path)[1].lower(), "text")


def read_bytes(path: str, data: bytes, max_bytes: int = MAX_BYTES) -> Document:
    if len(data) > max_bytes:
        raise ReadError(f"文件过大（{len(data) / 1048576:.1f} MB，上限 {max_bytes // 1048576} MB），不像是一份年度报告")
    if not data.strip():
        raise ReadError("文件为空")
    module = importlib.import_module(f"{__name__}.{reader_for(path)}")
    return module.read(path, data)


def read_path(path: str, max_bytes: int = MAX_BYTES) -> Document:
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            raise ReadError(f"文件过大（{size / 1048576:.1f} MB，上限 {max_bytes // 1048576} MB），不像是一份年度报告")
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        raise ReadError("文件不存在") from None
    except IsADirectoryError:
        raise ReadError("这是一个目录") from None
    except PermissionError:
        raise ReadError("没有读取权限") from None
    except OSError as exc:
        raise ReadError(f"无法读取：{exc.strerror or exc}") from None
    return read_bytes(path, data, max_bytes)
