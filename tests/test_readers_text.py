"""Plain text in the encodings and line ends government offices produce."""
import codecs

import pytest

from linter.readers import ReadError, read_bytes

TITLE = "2017年某镇政府信息公开工作年度报告"


@pytest.mark.parametrize("data, encoding", [
    (TITLE.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TITLE.encode("utf-8"), "utf-8-sig"),
    (TITLE.encode("gb18030"), "gb18030"),
    (TITLE.encode("gbk"), "gb18030"),
    (codecs.BOM_UTF16_LE + TITLE.encode("utf-16-le"), "utf-16"),
])
def test_encodings(data, encoding):
    doc = read_bytes("r.txt", data)
    assert doc.lines[0].text == TITLE and doc.encoding == encoding


@pytest.mark.parametrize("sep", ["\n", "\r\n", "\r"])
def test_line_ends_keep_file_line_numbers(sep):
    doc = read_bytes("r.txt", sep.join(["一", "", "三"]).encode() + sep.encode())
    assert [ln.text for ln in doc.lines] == ["一", "", "三"]


def test_full_width_space_indentation_folds_to_spaces():
    doc = read_bytes("r.txt", "\u3000\u3000一、概述".encode())
    assert doc.lines[0].indent == 2 and doc.lines[0].text.startswith("\u3000")


@pytest.mark.parametrize("data, cause", [
    (b"", "文件为空"), (b"   \n\n", "文件为空"), (b"\x00\x01\x02binary\x00" * 10, "二进制"),
    (bytes(range(128, 256)) * 3, "编码"),
])
def test_bad_input(data, cause):
    with pytest.raises(ReadError, match=cause):
        read_bytes("r.txt", data)


def test_size_limit():
    with pytest.raises(ReadError, match="过大"):
        read_bytes("r.txt", b"a" * 2048, max_bytes=1024)
