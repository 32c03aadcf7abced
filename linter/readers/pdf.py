"""PDF: the text layer in reading order, page by page, through pdfplumber (pdfminer.six).

* Tables are found from their ruling lines (pdfplumber's lattice finder) and rendered one line
  per row, cells joined by tabs, with `Line.table_id`; a table that runs on over a page break
  keeps its number. Text inside a table's box is not read again as prose.
* The lines a PDF wraps a paragraph into are joined back into the paragraph (a line that reaches
  the right margin continues on the next unless that one is indented, starts an enumerator or
  sits after a paragraph gap), so a sentence is one line for the rules, as in the .txt.
* Spaces between two CJK characters (justified text, "统 计 指 标") are removed; spaces between
  Latin words or digits, and between a Chinese character and a number, are kept.
* Running headers and footers (the same text, digits aside, in the top or bottom tenth of most
  pages) and page numbers ("- 3 -", "第3页 共10页", "3/10") are dropped.
* No text layer → ReadError: a scanned PDF (no OCR here). Password → ReadError.

Locators: "第3页第14行" (the 14th text line of page 3, headers left out, where the paragraph
starts); table rows "第4页表2第5行" (Document.locate adds 第N列).
Bounds: MAX_PAGES pages and TIME_LIMIT seconds per file (see docs/FORMATS.md).
"""
from __future__ import annotations

import io
import re
import statistics
import time
import unicodedata

from ..document import Document, Line
from . import ReadError

MAX_PAGES = 300
TIME_LIMIT = 60.0

_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－_\s]*\d{1,4}[-—–－_\s]*|第\s*\d{1,4}\s*页(?:\s*[，,/、]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|(?:page|Page|PAGE)\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$")
_ENUM_START = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、．.](?!\d)"
                         r"|[①-⑳])")
_WIDE_EXTRA = set("“”‘’—…·")


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F") or ch in _WIDE_EXTRA


def squeeze_cjk(text: str) -> str:
    """Remove the spaces a PDF puts between CJK characters; keep them between Latin words and digits."""
    if " " not in text:
        return text
    out = []
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if ch == " ":
            j = i
            while j < n and text[j] == " ":
                j += 1
            prev = out[-1] if out else ""
            nxt = text[j] if j < n else ""
            if prev and nxt and _wide(prev) and _wide(nxt):
                i = j
                continue
            out.append(text[i:j] if prev and nxt else "")
            i = j
            continue
        out.append(ch)
        i += 1
    return "".join(out).strip()


COLUMN_GAP = 2.0   # a gap of this many character widths inside a printed line separates columns


def _line_text(chars: list[dict], size: float) -> str:
    """A printed line's text from its characters' positions.

    A gap of COLUMN_GAP character widths or more (a table without ruling lines, a tab stop)
    becomes two or more spaces, which the text table extractor reads as a column break; a smaller
    gap or a space character becomes one space, except between two CJK characters."""
    out: list[str] = []
    prev = None
    pending_space = False
    for c in sorted(chars, key=lambda c: c["x0"]):
        ch = c.get("text", "")
        if not ch.strip():
            pending_space = True
            continue
        if prev is not None:
            gap = c["x0"] - prev["x1"]
            if gap >= COLUMN_GAP * size:
                out.append("  " * min(4, max(1, int(gap // (COLUMN_GAP * size)))))
            else:
                left_wide, right_wide = _wide(out[-1][-1:] or " "), _wide(ch[:1])
                # a space character: kept unless between two CJK characters; a gap without one
                # (a PDF that positions each word): a space only between Latin words or digits
                if (pending_space and not (left_wide and right_wide)) or \
                        (gap > 0.15 * size and not left_wide and not right_wide):
                    out.append(" ")
        out.append(ch)
        prev = c
        pending_space = False
    return "".join(out).strip()


def _clean_cell(text: str | None) -> str:
    if not text:
        return ""
    return squeeze_cjk(re.sub(r"\s*\n\s*", " ", text).replace("\t", " ").strip())


def _open(data: bytes):
    import logging
    logging.getLogger("pdfminer").setLevel(logging.ERROR)   # its warnings on a broken file are not ours to print
    logging.getLogger("pdfplumber").setLevel(logging.ERROR)
    try:
        import pdfplumber
    except ImportError:
        raise ReadError("读取 PDF 需要安装 pdfplumber（pip install pdfplumber）") from None
    try:
        from pdfminer.pdfdocument import PDFPasswordIncorrect
    except ImportError:  # pragma: no cover
        PDFPasswordIncorrect = ()  # type: ignore
    if b"%PDF" not in data[:1024]:
        raise ReadError("不是有效的 PDF 文件（缺少 %PDF 文件头）")
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pages = pdf.pages
    except PDFPasswordIncorrect:
        raise ReadError("PDF 已加密，需要密码才能打开；请提供未加密的文件") from None
    except Exception as exc:  # noqa: BLE001
        inner = [exc, exc.__cause__, exc.__context__] + [a for a in exc.args if isinstance(a, BaseException)]
        name = " ".join(type(e).__name__ for e in inner if e is not None)
        if "Password" in name or "Encrypt" in name:
            raise ReadError("PDF 已加密（或使用了不支持的加密方式），无法读取文字；请提供未加密的文件") from None
        raise ReadError(f"不是有效的 PDF 文件（{type(exc).__name__}），可能已损坏或被截断") from None
    return pdf, pages


def read(path: str, data: bytes) -> Document:
    pdf, pages = _open(data)
    try:
        if len(pages) > MAX_PAGES:
            raise ReadError(f"PDF 有 {len(pages)} 页，超过上限 {MAX_PAGES} 页，不像是一份年度报告")
        started = time.monotonic()
        page_items = []
        heights, widths = [], []
        n_chars = n_images = n_cid = 0
        for pno, page in enumerate(pages, 1):
            if time.monotonic() - started > TIME_LIMIT:
                raise ReadError(f"PDF 解析超过 {TIME_LIMIT:.0f} 秒（读到第 {pno} 页），已放弃")
            try:
                heights.append(float(page.height))
                widths.append(float(page.width))
                items, stats = _page_items(page)
            except ReadError:
                raise
            except Exception as exc:  # noqa: BLE001
                raise ReadError(f"PDF 第 {pno} 页无法解析（{type(exc).__name__}），文件可能已损坏") from None
            finally:
                try:
                    page.close()
                except Exception:  # noqa: BLE001
                    pass
            n_chars += stats[0]
            n_images += stats[1]
            n_cid += stats[2]
            page_items.append(items)
    finally:
        try:
            pdf.close()
        except Exception:  # noqa: BLE001
            pass
    if n_chars == 0:
        if n_images:
            raise ReadError("这是扫描版 PDF：只有图片，没有文字层（本工具不做文字识别 OCR）；请提供可复制文字的 PDF 或 Word 原件")
        raise ReadError("PDF 中没有可提取的文字")
    if n_cid > n_chars // 2:
        raise ReadError("PDF 字体缺少文字映射，提取出的是乱码；请提供 Word 原件或重新导出的 PDF")
    _drop_running(page_items, heights)
    lines, visual = _assemble(page_items, widths)
    if not any(ln.text.strip() for ln in lines):
        raise ReadError("PDF 中没有可提取的文字（只有页眉页脚）")
    doc = Document(path=path, lines=lines, source_format="pdf", encoding=None)
    doc.visual_lines = visual  # Document.locate: the printed line a column of a joined paragraph is on
    return doc


def _page_items(page):
    """Text lines and tables of one page, top to bottom: dicts with kind text/table."""
    chars = page.chars
    n_chars = sum(1 for c in chars if c.get("text", "").strip())
    n_cid = sum(1 for c in chars if c.get("text", "").startswith("(cid:"))
    n_images = len(page.images)
    items = []
    boxes = []
    if n_chars:
        try:
            tables = page.find_tables()
        except Exception:  # noqa: BLE001 - a broken drawing is not worth the page's text
            tables = []
        for t in tables:
            rows = [[_clean_cell(c) for c in row] for row in t.extract()]
            rows = [r for r in rows if any(r)]
            if len(rows) < 2 or max(len(r) for r in rows) < 2:
                continue
            boxes.append(t.bbox)
            items.append({"kind": "table", "top": t.bbox[1], "bottom": t.bbox[3], "rows": rows,
                          "ncols": max(len(r) for r in rows)})

        def outside(obj):
            if obj.get("object_type") != "char":
                return True
            cx = (obj["x0"] + obj["x1"]) / 2
            cy = (obj["top"] + obj["bottom"]) / 2
            return not any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in boxes)

        body = page.filter(outside) if boxes else page
        for tl in body.extract_text_lines(strip=True, return_chars=True, keep_blank_chars=True):
            sizes = [c.get("size", 0) for c in tl.get("chars", []) if c.get("text", "").strip()]
            text = _line_text(tl.get("chars") or [], statistics.median(sizes) if sizes else 10) \
                if sizes else squeeze_cjk(tl["text"])
            if not text:
                continue
            items.append({"kind": "text", "top": tl["top"], "bottom": tl["bottom"], "x0": tl["x0"],
                          "x1": tl["x1"], "text": text, "size": statistics.median(sizes) if sizes else 10})
    items.sort(key=lambda it: (round(it["top"], 1), it.get("x0", 0)))
    return items, (n_chars, n_images, n_cid)


def _norm(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _drop_running(page_items: list[list[dict]], heights: list[float]) -> None:
    """Drop running headers/footers and page numbers from the margins of each page."""
    npages = len(page_items)
    seen: dict[str, int] = {}
    margin_items = []
    for items, h in zip(page_items, heights):
        texts = [it for it in items if it["kind"] == "text"]
        cands = [it for it in texts[:3] if it["bottom"] < h * 0.12] + \
                [it for it in texts[-3:] if it["top"] > h * 0.88]
        margin_items.append(cands)
        for key in {_norm(it["text"]) for it in cands}:
            seen[key] = seen.get(key, 0) + 1
    need = max(2, (npages + 1) // 2)
    for items, cands in zip(page_items, margin_items):
        drop = {id(it) for it in cands
                if _PAGE_NUMBER.match(it["text"].strip()) or (npages >= 2 and seen[_norm(it["text"])] >= need)}
        items[:] = [it for it in items if id(it) not in drop]


def _assemble(page_items: list[list[dict]], page_widths: list[float] | None = None):
    lines: list[Line] = []
    visual: dict[int, list[tuple[int, str]]] = {}
    table_no = 0
    open_table = None       # [table no, columns, rows so far, page, last item of its page?] of the last table
    open_para = None        # [text, locator, last printed line, right edge, [(column, locator)]] of the
    #                         paragraph being joined

    def flush():
        nonlocal open_para
        if open_para is not None:
            lines.append(Line(len(lines) + 1, open_para[0], open_para[1]))
            if len(open_para[4]) > 1:
                visual[len(lines)] = open_para[4]
            open_para = None

    all_texts = [it for items in page_items for it in items if it["kind"] == "text"]
    left = min((it["x0"] for it in all_texts), default=0)
    right = max((it["x1"] for it in all_texts), default=0)
    # wrapped paragraphs exist only if a wide text block has many lines ending at its right edge
    at_edge = sum(1 for it in all_texts if right - it["x1"] < (it["size"] or 10) * 2.5)
    wraps = (right - left) >= 0.55 * max(page_widths or [1]) and at_edge >= max(3, len(all_texts) // 6)
    for pno, items in enumerate(page_items, 1):
        texts = [it for it in items if it["kind"] == "text"]
        gaps = [b["top"] - a["top"] for a, b in zip(texts, texts[1:]) if 0 < b["top"] - a["top"] < 60]
        pitch = statistics.median(gaps) if gaps else 0
        line_on_page = 0
        prev_text = None
        for it in items:
            if it["kind"] == "table":
                flush()
                prev_text = None
                if open_table is not None and open_table[1] == it["ncols"] and open_table[3] != pno \
                        and open_table[4]:
                    tno, _, row_no = open_table[0], open_table[1], open_table[2]
                else:
                    table_no += 1
                    tno, row_no = table_no, 0
                for row in it["rows"]:
                    row_no += 1
                    lines.append(Line(len(lines) + 1, "\t".join(row), f"第{pno}页表{tno}第{row_no}行", tno))
                # may continue on the next page only if it is the last thing on this one
                open_table = [tno, it["ncols"], row_no, pno, it is items[-1]]
                continue
            line_on_page += 1
            size = it["size"] or 10
            indented = it["x0"] - left > size * 1.2
            starts_item = bool(_ENUM_START.match(it["text"]))
            if open_para is not None:
                last = open_para[2]
                # left-aligned CJK text stops up to two characters short (a 。 may not start a line)
                full = wraps and open_para[3] - last["x1"] < size * 2.5
                if prev_text is not None:
                    gap = it["top"] - prev_text["top"]
                    close_gap = pitch == 0 or gap <= pitch * 1.25
                else:   # first line of a new page after a full last line of the previous one
                    close_gap = True
                columns = "  " in it["text"] or "  " in last["text"]   # a row of a table without rules
                if full and close_gap and not indented and not starts_item and not columns:
                    open_para[0] += "" if _wide(open_para[0][-1:] or " ") or _wide(it["text"][:1]) else " "
                    open_para[4].append((len(open_para[0]), f"第{pno}页第{line_on_page}行"))
                    open_para[0] += it["text"]
                    open_para[2] = it
                    open_para[3] = right
                    prev_text = it
                    continue
                flush()
            open_table = None if open_table is None or open_table[3] != pno else open_table
            open_para = [it["text"], f"第{pno}页第{line_on_page}行", it, right,
                         [(0, f"第{pno}页第{line_on_page}行")]]
            prev_text = it
        if open_table is not None and open_table[3] != pno:
            open_table = None
    flush()
    return lines, visual
