"""Word .docx: the text as Word prints it, one `Line` per paragraph and one per table row.

python-docx opens the package (relationships, the main part, numbering and styles parts); the
body is then walked as XML so that nothing the object model hides is lost or duplicated:

* paragraphs in order (inside content controls too); a soft line break starts a new line of the
  same paragraph; tabs inside a paragraph stay tabs (a tab-aligned pseudo-table stays a table);
* tracked changes as the document prints: insertions (w:ins, w:moveTo) kept, deletions
  (w:del, w:moveFrom) dropped; text formatted hidden (w:vanish) dropped; field codes dropped,
  field results kept;
* Word's automatic numbering rendered as the visible enumerator ("一、", "（一）", "1.") from
  numbering.xml (lvlText, numFmt, start, startOverride, restarts), so numbering rules work;
* text boxes (wps:txbx / v:textbox, the Choice of mc:AlternateContent only) after the paragraph
  that anchors them;
* tables: one line per row, cells joined by tabs, merged cells expanded to the grid (covered
  cells left blank so label and value columns line up), nested tables flattened into their cell;
* headers, footers (page numbers), footnotes and comments are other parts and never read.

Locators: "第12段" (12th non-empty body paragraph), "表2第5行" (Document.locate adds 第N列).
"""
from __future__ import annotations

import io

from ..document import Document, Line
from . import ReadError
from ._zipguard import check_zip

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


_SKIP = {_w(t) for t in ("del", "moveFrom", "delText", "delInstrText", "instrText", "rPr", "pPr", "fldData",
                         "footnoteReference", "endnoteReference", "commentReference", "tblPr", "trPr", "tcPr",
                         "sectPr", "bookmarkStart", "bookmarkEnd", "proofErr", "lastRenderedPageBreak")}
_SKIP.add(f"{{{MC}}}Fallback")
_DESCEND = {_w(t) for t in ("r", "ins", "moveTo", "hyperlink", "smartTag", "customXml", "sdt", "sdtContent",
                            "fldSimple", "dir", "bdo", "ruby", "rubyBase")}


# ---------------------------------------------------------------- numbering

_CN_DIGITS = "零一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"


def chinese_number(n: int, digits: str = _CN_DIGITS, units: str = "十百千") -> str:
    if n <= 0:
        return digits[0]
    if n >= 10000:
        return str(n)
    parts = []
    s = str(n)
    zero = False
    for i, ch in enumerate(s):
        d = int(ch)
        pos = len(s) - i - 1
        if d == 0:
            zero = True
            continue
        if zero and parts:
            parts.append(digits[0])
        zero = False
        parts.append(digits[d] + (units[pos - 1] if pos else ""))
    out = "".join(parts)
    if 10 <= n < 20 and digits is _CN_DIGITS:
        out = out[1:]  # 十一, not 一十一
    return out


def _roman(n: int) -> str:
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
            (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out, n = out + s, n - v
    return out


def _letter(n: int) -> str:
    n = max(n, 1)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "japaneseCounting",
               "taiwaneseCountingThousand", "koreanCounting"):
        return chinese_number(n)
    if fmt in ("chineseLegalSimplified", "japaneseLegal"):
        return chinese_number(n, _CN_LEGAL, "拾佰仟")
    if fmt in ("ideographDigital", "taiwaneseDigital", "koreanDigital"):
        return "".join("〇一二三四五六七八九"[int(c)] for c in str(n))
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _DIZHI[(n - 1) % 12]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    if fmt == "decimalEnclosedParen":
        return chr(0x2474 + n - 1) if 1 <= n <= 20 else f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return chr(0x2488 + n - 1) if 1 <= n <= 20 else f"{n}."
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(c)) for c in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperLetter":
        return _letter(n)
    if fmt == "lowerLetter":
        return _letter(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


def _val(el, tag: str, default=None):
    if el is None:
        return default
    child = el.find(_w(tag))
    if child is None:
        return default
    return child.get(_w("val"), default)


class Numbering:
    """numbering.xml and the paragraph styles that carry numbering, with Word's counters."""

    def __init__(self, numbering_el, styles_el):
        self.abstract: dict[str, dict[int, dict]] = {}
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, dict]]] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.started: set[str] = set()
        self.style_numpr: dict[str, tuple[str | None, int | None]] = {}
        self.style_based: dict[str, str] = {}
        if numbering_el is not None:
            for an in numbering_el.findall(_w("abstractNum")):
                self.abstract[an.get(_w("abstractNumId"))] = {
                    int(lvl.get(_w("ilvl"), "0")): self._level(lvl) for lvl in an.findall(_w("lvl"))}
            for num in numbering_el.findall(_w("num")):
                overrides, lvl_over = {}, {}
                for ov in num.findall(_w("lvlOverride")):
                    ilvl = int(ov.get(_w("ilvl"), "0"))
                    so = _val(ov, "startOverride")
                    if so is not None and so.lstrip("-").isdigit():
                        overrides[ilvl] = int(so)
                    lvl = ov.find(_w("lvl"))
                    if lvl is not None:
                        lvl_over[ilvl] = self._level(lvl)
                self.nums[num.get(_w("numId"))] = (_val(num, "abstractNumId"), overrides, lvl_over)
        if styles_el is not None:
            for st in styles_el.findall(_w("style")):
                sid = st.get(_w("styleId"))
                based = _val(st, "basedOn")
                if based:
                    self.style_based[sid] = based
                numpr = st.find(f"{_w('pPr')}/{_w('numPr')}")
                if numpr is not None:
                    ilvl = _val(numpr, "ilvl")
                    self.style_numpr[sid] = (_val(numpr, "numId"), int(ilvl) if ilvl and ilvl.isdigit() else None)

    @staticmethod
    def _level(lvl) -> dict:
        start = _val(lvl, "start", "1")
        restart = _val(lvl, "lvlRestart")
        return {
            "fmt": _val(lvl, "numFmt", "decimal"),
            "text": _val(lvl, "lvlText", ""),
            "start": int(start) if start.lstrip("-").isdigit() else 1,
            "suff": _val(lvl, "suff", "tab"),
            "restart": int(restart) if restart and restart.isdigit() else None,
            "lgl": lvl.find(_w("isLgl")) is not None,
        }

    def _numpr(self, p) -> tuple[str | None, int]:
        numpr = p.find(f"{_w('pPr')}/{_w('numPr')}")
        num_id = ilvl = None
        if numpr is not None:
            num_id = _val(numpr, "numId")
            lv = _val(numpr, "ilvl")
            ilvl = int(lv) if lv and lv.isdigit() else None
        if num_id is None:
            sid = _val(p.find(_w("pPr")), "pStyle")
            seen = set()
            while sid and sid not in seen:
                seen.add(sid)
                if sid in self.style_numpr:
                    num_id, style_ilvl = self.style_numpr[sid]
                    ilvl = ilvl if ilvl is not None else style_ilvl
                    break
                sid = self.style_based.get(sid)
        return num_id, ilvl or 0

    def label(self, p) -> str:
        """The enumerator Word shows before paragraph `p`, advancing the counters; "" if none."""
        if not self.nums:
            return ""
        num_id, ilvl = self._numpr(p)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        abstract_id, overrides, lvl_over = self.nums[num_id]
        levels = dict(self.abstract.get(abstract_id, {}))
        levels.update(lvl_over)
        if ilvl not in levels:
            return ""
        key = abstract_id if not overrides and not lvl_over else f"num{num_id}"
        counters = self.counters.setdefault(key, [None] * 10)
        if num_id not in self.started:
            self.started.add(num_id)
            for lv, start in overrides.items():
                if 0 <= lv < 10:
                    counters[lv] = start - 1
        current = counters[ilvl]
        counters[ilvl] = (levels[ilvl]["start"] if current is None else current + 1)
        for deeper in range(ilvl + 1, 10):
            lvd = levels.get(deeper)
            restart = lvd["restart"] if lvd else None
            # lvlRestart N (1-based): restart only when a level above N is used; 0: never restart
            if restart is None or (restart != 0 and ilvl <= restart - 1):
                counters[deeper] = None
        level = levels[ilvl]
        if level["fmt"] == "bullet":
            return ""
        text = level["text"]
        for n in range(9, 0, -1):
            token = f"%{n}"
            if token in text:
                lv = levels.get(n - 1, {"fmt": "decimal", "start": 1})
                value = counters[n - 1] if counters[n - 1] is not None else lv["start"]
                fmt = "decimal" if level["lgl"] and lv["fmt"] not in ("decimalZero",) else lv["fmt"]
                text = text.replace(token, format_number(value, fmt))
        if not text:
            return ""
        return text + (" " if level["suff"] == "space" else "")


# ---------------------------------------------------------------- text of paragraphs

def _hidden_run(r) -> bool:
    rpr = r.find(_w("rPr"))
    if rpr is None:
        return False
    for tag in ("vanish", "specVanish"):
        el = rpr.find(_w(tag))
        if el is not None and el.get(_w("val"), "true") not in ("0", "false", "off"):
            return True
    return False


def _collect(el, out: list[str], boxes: list) -> None:
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == _w("r"):
            if _hidden_run(child):
                continue
            _collect(child, out, boxes)
        elif tag == _w("t") or tag == f"{{{M}}}t":
            out.append(child.text or "")
        elif tag == _w("tab") or tag == _w("ptab"):
            out.append("\t")
        elif tag == _w("br"):
            if child.get(_w("type")) not in ("page", "column"):
                out.append("\n")
        elif tag == _w("cr"):
            out.append("\n")
        elif tag == _w("noBreakHyphen"):
            out.append("-")
        elif tag == _w("sym"):
            code = child.get(_w("char"), "")
            try:
                ch = chr(int(code, 16))
                if not (0xE000 <= ord(ch) <= 0xF8FF):
                    out.append(ch)
            except ValueError:
                pass
        elif tag == _w("txbxContent"):
            boxes.append(child)
        elif tag == _w("p") or tag == _w("tbl"):
            boxes.append(child)  # a paragraph nested oddly (inside a content control of a run)
        else:
            _collect(child, out, boxes)


def _paragraph(p, numbering: Numbering) -> tuple[list[str], list]:
    out: list[str] = []
    boxes: list = []
    _collect(p, out, boxes)
    text = numbering.label(p) + "".join(out)
    segments = text.split("\n")
    return [_tidy(s) for s in segments], boxes


def _tidy(s: str) -> str:
    s = s.rstrip()
    lead = len(s) - len(s.lstrip("\t"))
    return "    " * lead + s[lead:]  # leading tabs are indentation, not a table cell


# ---------------------------------------------------------------- tables

def _children(el, *tags):
    """Direct children with one of `tags`, looking through content controls and custom XML."""
    wanted = {_w(t) for t in tags}
    for child in el:
        if child.tag in wanted:
            yield child
        elif child.tag in (_w("sdt"), _w("sdtContent"), _w("customXml")):
            yield from _children(child, *tags)


def _cell_text(tc, numbering: Numbering) -> str:
    parts: list[str] = []
    for child in tc:
        if child.tag == _w("p") or child.tag in (_w("sdt"), _w("customXml")):
            paras = [child] if child.tag == _w("p") else list(_children(child, "p", "tbl"))
            for p in paras:
                if p.tag == _w("tbl"):
                    parts.append(_nested(p, numbering))
                    continue
                segs, boxes = _paragraph(p, numbering)
                parts.extend(s.strip() for s in segs)
                for box in boxes:
                    parts.extend(_box_texts(box, numbering))
        elif child.tag == _w("tbl"):
            parts.append(_nested(child, numbering))
    return " ".join(x for x in parts if x).replace("\t", " ")


def _nested(tbl, numbering: Numbering) -> str:
    rows = _table_rows(tbl, numbering)
    return " ".join(" ".join(c for c in row if c) for row in rows if any(row))


def _table_rows(tbl, numbering: Numbering) -> list[list[str]]:
    rows = []
    for tr in _children(tbl, "tr"):
        trpr = tr.find(_w("trPr"))
        if trpr is not None and trpr.find(_w("del")) is not None:
            continue
        cells: list[str] = []
        before = _val(trpr, "gridBefore")
        if before and before.isdigit():
            cells.extend([""] * min(int(before), 64))
        for tc in _children(tr, "tc"):
            tcpr = tc.find(_w("tcPr"))
            span = _val(tcpr, "gridSpan", "1")
            span = min(int(span), 64) if span.isdigit() and int(span) > 0 else 1
            vmerge = tcpr.find(_w("vMerge")) if tcpr is not None else None
            covered = vmerge is not None and vmerge.get(_w("val"), "continue") == "continue"
            text = "" if covered else _cell_text(tc, numbering)
            cells.append(text)
            cells.extend([""] * (span - 1))
        after = _val(trpr, "gridAfter")
        if after and after.isdigit():
            cells.extend([""] * min(int(after), 64))
        rows.append(cells)
    return rows


def _box_texts(box, numbering: Numbering) -> list[str]:
    out = []
    for child in _children(box, "p", "tbl"):
        if child.tag == _w("p"):
            segs, inner = _paragraph(child, numbering)
            out.extend(s for s in segs if s.strip())
            for b in inner:
                out.extend(_box_texts(b, numbering))
        else:
            out.extend("\t".join(r) for r in _table_rows(child, numbering) if any(c.strip() for c in r))
    return out


# ---------------------------------------------------------------- document

def read(path: str, data: bytes) -> Document:
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        from . import office
        return office.read(path, data, kind="doc")
    check_zip(data, ".docx")
    try:
        import docx  # python-docx
    except ImportError:
        raise ReadError("读取 .docx 需要安装 python-docx（pip install python-docx）") from None
    try:
        d = docx.Document(io.BytesIO(data))
        body = d.element.body
        try:
            numbering_el = d.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            numbering_el = None
        try:
            styles_el = d.part._styles_part.element
        except (KeyError, NotImplementedError, AttributeError):
            styles_el = None
    except ReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - any broken package is the user's file, not our bug
        raise ReadError(f"不是有效的 .docx 文件（{type(exc).__name__}），可能已损坏或被截断；请在 Word/WPS 中打开后另存") from None
    try:
        lines = _render(body, Numbering(numbering_el, styles_el))
    except RecursionError:
        raise ReadError(".docx 结构嵌套过深，无法读取") from None
    if not any(ln.text.strip() for ln in lines):
        raise ReadError(".docx 中没有文字（可能是图片或扫描件）")
    return Document(path=path, lines=lines, source_format="docx", encoding=None)


def _render(body, numbering: Numbering) -> list[Line]:
    lines: list[Line] = []
    para_no = 0
    table_no = 0

    def add(text: str, locator: str | None, table_id: int | None = None):
        lines.append(Line(len(lines) + 1, text, locator, table_id))

    for el in _children(body, "p", "tbl"):
        if el.tag == _w("p"):
            segs, boxes = _paragraph(el, numbering)
            if any(s.strip() for s in segs) or boxes:
                para_no += 1
                for s in segs:
                    add(s, f"第{para_no}段")
                for box in boxes:
                    for t in _box_texts(box, numbering):
                        add(t, f"第{para_no}段（文本框）")
            else:
                add("", f"第{para_no}段后" if para_no else "文首")
        else:
            table_no += 1
            for r, row in enumerate(_table_rows(el, numbering), 1):
                if any(c.strip() for c in row):
                    add("\t".join(row), f"表{table_no}第{r}行", table_no)
    return lines
