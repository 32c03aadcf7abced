"""Bounds for zip-based formats (.docx): a report is a few hundred kilobytes unpacked.

A zip bomb declares (or really has) gigabytes behind a small file; Python's zipfile never inflates
more than an entry's declared size, so bounding the declared sizes bounds memory and time.
"""
from __future__ import annotations

import io
import zipfile

from . import ReadError

MAX_ENTRIES = 2000
MAX_TOTAL = 200 * 1024 * 1024      # declared uncompressed bytes, all entries together
MAX_ENTRY = 100 * 1024 * 1024      # one entry (document.xml of a long report is ~2 MB)
MAX_RATIO = 200                    # uncompressed/compressed for any entry over 1 MB


def check_zip(data: bytes, what: str = ".docx") -> zipfile.ZipFile:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError, NotImplementedError,
            RuntimeError, UnicodeDecodeError, KeyError, IndexError):
        raise ReadError(f"不是有效的 {what} 文件（压缩包已损坏或被截断）") from None
    if len(infos) > MAX_ENTRIES:
        raise ReadError(f"{what} 内部文件数异常（{len(infos)} 个，上限 {MAX_ENTRIES}），疑似压缩炸弹，未读取")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_ENTRY or total > MAX_TOTAL or (
                info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(1, info.compress_size)):
            raise ReadError(f"{what} 解压后体积异常（{info.filename} {info.file_size / 1048576:.0f} MB），"
                            f"疑似压缩炸弹，未读取")
    return zf
