""".doc (Word 97-2003), .wps (WPS Office) and .ofd (the Chinese fixed-layout format).

.doc and .wps are converted to .docx by LibreOffice (`soffice --headless --convert-to docx`) in a
temporary directory, with a throw-away user profile and a timeout, and then read by the .docx
reader, so they get the same paragraphs, tables, numbering and locators. Without LibreOffice the
error says what to install. A .docx or .pdf saved under one of these names is recognised by its
content and read directly.

.ofd: no maintained Python library reads OFD today (the packages on PyPI are one-person projects
without releases for years or convert through an external viewer), and LibreOffice does not
import it, so an .ofd gets a clear error asking for a PDF or Word export.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

from ..document import Document
from . import ReadError

TIMEOUT = 120  # seconds for one conversion (a first start of LibreOffice takes a few)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def soffice() -> str | None:
    for name in ("soffice", "libreoffice", "lowriter"):
        found = shutil.which(name)
        if found:
            return found
    for path in ("/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice",
                 "/opt/libreoffice/program/soffice", "/Applications/LibreOffice.app/Contents/MacOS/soffice",
                 r"C:\Program Files\LibreOffice\program\soffice.exe"):
        if os.path.exists(path):
            return path
    return None


def read(path: str, data: bytes, kind: str | None = None) -> Document:
    ext = kind or os.path.splitext(path)[1].lower().lstrip(".")
    if data[:4] == b"%PDF" or b"%PDF" in data[:1024] and ext != "ofd":
        from . import pdf
        return pdf.read(path, data)
    if ext == "ofd":
        raise ReadError("暂不支持 OFD 格式：没有维护良好的 OFD 读取库；请用 OFD 阅读器（数科、福昕等）另存为 PDF 或 Word 后再检查")
    if data[:2] == b"PK" and ext != "ofd":
        from . import docx
        doc = docx.read(path, data)     # a .docx (or WPS's zip format) under another name
        doc.source_format = ext
        return doc
    if ext == "wps" or data[:8] == _OLE or ext == "doc":
        return _convert(path, data, ext)
    raise ReadError(f"无法识别的 .{ext} 文件")


def _convert(path: str, data: bytes, ext: str) -> Document:
    exe = soffice()
    if exe is None:
        raise ReadError(f"读取 .{ext} 需要安装 LibreOffice（如 apt-get install libreoffice-writer-nogui，"
                        f"或从 libreoffice.org 安装）；也可以在 Word/WPS 中另存为 .docx 后再检查")
    from . import docx
    with tempfile.TemporaryDirectory(prefix="nianbao-") as tmp:
        src = os.path.join(tmp, "report." + (ext if ext in ("doc", "wps") else "doc"))
        with open(src, "wb") as fh:
            fh.write(data)
        profile = "file://" + os.path.join(tmp, "profile").replace(os.sep, "/")
        cmd = [exe, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nolockcheck",
               "--convert-to", "docx", "--outdir", os.path.join(tmp, "out"), src]
        try:
            # its own process group, so that a timeout also ends soffice.bin, not only the launcher
            proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    start_new_session=os.name == "posix")
        except OSError as exc:
            raise ReadError(f"无法运行 LibreOffice（{exc.strerror or exc}）") from None
        try:
            stdout, stderr = proc.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            _kill(proc)
            raise ReadError(f"LibreOffice 转换 .{ext} 超过 {TIMEOUT} 秒，已放弃") from None
        out = os.path.join(tmp, "out", "report.docx")
        if proc.returncode != 0 or not os.path.exists(out):
            detail = (stderr or stdout or b"").decode("utf-8", "replace").strip().splitlines()
            raise ReadError(f"LibreOffice 无法转换此 .{ext} 文件（可能已损坏或加密）"
                            + (f"：{detail[-1][:120]}" if detail else ""))
        with open(out, "rb") as fh:
            converted = fh.read()
    doc = docx.read(path, converted)
    doc.source_format = ext
    return doc


def _kill(proc: subprocess.Popen) -> None:
    try:
        if os.name == "posix":
            import signal
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
    except OSError:
        pass
    try:
        proc.communicate(timeout=5)
    except (subprocess.TimeoutExpired, OSError, ValueError):
        pass
