"""A report saved from a government web site (.html/.htm/.shtml).

* Decoded by the charset the page declares (BOM, <meta charset>, http-equiv Content-Type, XML
  declaration; GB2312/GBK read as GB18030, their superset), else UTF-8, else GB18030, else a
  guess by charset-normalizer when installed.
* Only the article is read: the block that holds most of the page's visible text is found by
  walking down from <body> (navigation, link lists and footers hold little text and many links);
  the article title (<h1>/<h2>/class "title" just before it) is put first; breadcrumb, 发布时间
  info line, "字体:[大 中 小]", 打印本页/关闭窗口 and share bars are left out.
* <table>s with data become one line per row, cells joined by tabs, with rowspan/colspan expanded
  to the grid (covered cells blank); layout tables (holding paragraphs or tables) are read as blocks.
* The page's 发布时间 (or a PubDate meta tag) becomes `Document.publication_date` (yyyy-mm-dd).
* Hidden text — display:none, visibility:hidden, font-size:0, opacity:0, off-screen positioning
  or text-indent, zero width/height boxes and links, the `hidden` attribute, and classes/ids a
  <style> block hides — is never put in the lines; it goes to `Document.hidden_spans`
  (line, start, end, text) where it would have stood (line 1 / the last line when it sits
  outside the article), and the check spam.hidden-text reports it.
"""
from __future__ import annotations

import bisect
import codecs
import re

from ..document import Document, Line
from . import ReadError

MAX_NODES = 200_000
MAX_SPAN = 1000          # rowspan/colspan cap: a malformed page must not build a huge grid
MAX_GRID = 200_000       # cells of one table after expansion (a statistics table has a few hundred)

_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
          "pre", "section", "article", "header", "footer", "nav", "aside", "table", "tr", "form", "center",
          "address", "hr", "figure", "figcaption", "main", "caption", "tbody", "thead", "tfoot", "td", "th",
          "fieldset", "legend", "details", "summary"}
_DROP = {"script", "style", "noscript", "template", "iframe", "object", "embed", "select", "button", "input",
         "textarea", "head", "title", "meta", "link", "svg", "canvas", "map", "audio", "video", "option"}
_WS = re.compile(r"[ \t\r\n\f]+")

_CHROME = [
    re.compile(r"字\s*[体號号]\s*[:：]?\s*[\[【〔(（]?\s*[大中小]?\s*[大中小]?\s*[大中小]?\s*[\]】〕)）]"),
    re.compile(r"^\s*[\[【]?\s*(?:打印本页|打印|关闭窗口|关闭|返回顶部|收藏|分享到?)\s*[\]】]?"
               r"(?:\s*[\[【]?\s*(?:打印本页|打印|关闭窗口|关闭|返回顶部|收藏)\s*[\]】]?)*\s*$"),
    re.compile(r"^\s*(?:当前位置|您现在的位置|你现在的位置|您当前的位置|所在位置)\s*[:：]"),
    re.compile(r"^\s*(?:分享到|扫一扫)[:：]?"),
    re.compile(r"^[^。，；]{0,30}(?:\s*[>›»]\s*[^。，；>›»]{1,20}){2,}\s*$"),      # 网站首页 > 政府信息公开 > …
    re.compile(r"^\s*(?:发布时间|发布日期|发文日期|信息来源|来源|浏览次数|点击数)\s*[:：][^。]{0,90}$"),
]
_DATE = r"\s*[:：]?\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})"
_PUBDATE = re.compile(r"(?:发布时间|发布日期|发表时间|发布于|发文日期|公开日期)" + _DATE)
_WEAK_DATE = re.compile(r"(?:日期|时间)" + _DATE)   # only outside the article: "统计时间：…" is not a date of publication
_META_DATE = ("pubdate", "publishdate", "firstpublishedtime", "article:published_time", "publishtime", "pubtime",
              "dc.date", "dc.date.issued")

_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENC = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)


# ------------------------------------------------------------------ decoding

def _codec(label: str) -> str | None:
    label = label.strip().lower()
    if label in ("gb2312", "gbk", "gb_2312-80", "x-gbk", "gb_2312", "csgb2312", "chinese", "x-euc-cn", "euc-cn",
                 "gb18030", "cp936", "ms936", "windows-936"):
        return "gb18030"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode(data: bytes) -> tuple[str, str]:
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc
    head = data[:8192]
    m = _XML_ENC.match(head) or _CHARSET.search(head)
    declared = m.group(1).decode("ascii", "ignore") if m else None
    tried = []
    if declared:
        codec = _codec(declared)
        if codec:
            tried.append(codec)
            try:
                return data.decode(codec), declared.lower()
            except UnicodeDecodeError:
                pass
    for codec in ("utf-8", "gb18030"):
        if codec in tried:
            continue
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            pass
    try:
        from charset_normalizer import from_bytes
        best = from_bytes(data).best()
        if best is not None:
            return str(best), best.encoding
    except ImportError:
        pass
    return data.decode("gb18030", errors="replace"), "gb18030?"


# ------------------------------------------------------------------ hidden text

def _style_hidden(style: str, tag: str) -> bool:
    s = re.sub(r"\s+", "", style.lower())
    if not s:
        return False
    decl = {}
    for part in s.split(";"):
        if ":" in part:
            k, v = part.split(":", 1)
            decl[k] = v.replace("!important", "")
    if decl.get("display") == "none" or decl.get("visibility") in ("hidden", "collapse"):
        return True
    if re.fullmatch(r"0(?:\.0+)?(?:px|pt|em|rem|%)?", decl.get("font-size", "x")):
        return True
    if re.fullmatch(r"0(?:\.0+)?", decl.get("opacity", "x")):
        return True
    for key in ("left", "top", "right", "text-indent", "margin-left", "margin-top"):
        m = re.match(r"-(\d+(?:\.\d+)?)(px|pt|em|rem)?", decl.get(key, ""))
        if m and float(m.group(1)) * (16 if m.group(2) in ("em", "rem") else 1) >= 500:
            if key.startswith(("text-indent", "margin")) or decl.get("position") in ("absolute", "fixed", "relative"):
                return True
    zero = any(re.fullmatch(r"0(?:\.0+)?(?:px|pt|em|%)?", decl.get(k, "x")) for k in ("width", "height", "max-height", "max-width"))
    if zero and (decl.get("overflow") == "hidden" or tag == "a"):
        return True
    return False


def _hidden_selectors(root) -> tuple[set[str], set[str]]:
    classes, ids = set(), set()
    for st in root.iter("style"):
        css = re.sub(r"/\*.*?\*/", "", st.text or "", flags=re.S)
        for sel, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
            if not _style_hidden(body, ""):
                continue
            for one in sel.split(","):
                one = one.strip()
                m = re.fullmatch(r"(?:[a-zA-Z0-9]*)\.([\w-]+)", one)
                if m:
                    classes.add(m.group(1))
                m = re.fullmatch(r"(?:[a-zA-Z0-9]*)#([\w-]+)", one)
                if m:
                    ids.add(m.group(1))
    return classes, ids


# ------------------------------------------------------------------ reader

def read(path: str, data: bytes) -> Document:
    try:
        import lxml.html
        from lxml import etree
    except ImportError:
        raise ReadError("读取网页需要安装 lxml（pip install lxml）") from None
    text, encoding = decode(data)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    if "\x00" in text:
        text = text.replace("\x00", "")
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise ReadError(f"无法解析网页（{exc}）") from None
    return _Reader(root).document(path, encoding)


class _Reader:
    def __init__(self, root):
        self.root = root
        nodes = 0
        for _ in root.iter():
            nodes += 1
            if nodes > MAX_NODES:
                raise ReadError(f"网页元素过多（超过 {MAX_NODES} 个），不像是一篇报告页面")
        self.hidden_classes, self.hidden_ids = _hidden_selectors(root)
        self.meta_date = self._meta_date()
        for el in list(root.iter(etree_comment())):
            _remove_keep_tail(el)
        self.body = root.find("body") if root.find("body") is not None else root
        self.order = {el: i for i, el in enumerate(self.body.iter())}
        self._len_cache: dict = {}
        self._data_cache: dict = {}

    # -- helpers
    def _meta_date(self):
        for meta in self.root.iter("meta"):
            name = (meta.get("name") or meta.get("property") or "").lower()
            if name in _META_DATE:
                m = re.match(r"\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})", meta.get("content") or "")
                if m:
                    return _iso(*m.groups())
        return None

    def hidden(self, el) -> bool:
        if not isinstance(el.tag, str):
            return False
        if el.get("hidden") is not None or (el.tag == "input" and (el.get("type") or "").lower() == "hidden"):
            return True
        if el.get("style") and _style_hidden(el.get("style"), el.tag):
            return True
        if self.hidden_classes and set((el.get("class") or "").split()) & self.hidden_classes:
            return True
        if self.hidden_ids and el.get("id") in self.hidden_ids:
            return True
        return False

    def tlen(self, el) -> tuple[int, int]:
        """(visible text length, link text length) without white space."""
        if el in self._len_cache:
            return self._len_cache[el]
        total = link = 0
        if isinstance(el.tag, str) and el.tag not in _DROP and not self.hidden(el):
            own = len("".join((el.text or "").split()))
            total += own
            if el.tag == "a":
                link += own
            for child in el:
                t, lk = self.tlen(child)
                total += t
                link += t if el.tag == "a" else lk
                tail = len("".join((child.tail or "").split()))
                total += tail
                if el.tag == "a":
                    link += tail
        self._len_cache[el] = (total, link)
        return total, link

    def is_data_table(self, table) -> bool:
        """A table of data, not of layout: no cell holds a table or a long text."""
        known = self._data_cache.get(table)
        if known is None:
            known = True
            for cell in table.iter("td", "th"):
                if cell.find(".//table") is not None or self.tlen(cell)[0] > 300:
                    known = False
                    break
            self._data_cache[table] = known
        return known

    def container(self):
        cur = self.body
        while True:
            t_cur, lk_cur = self.tlen(cur)
            total = t_cur - lk_cur      # text that is not links: navigation and link lists weigh nothing
            if total <= 0:
                return cur
            best = None
            for child in cur:
                if not isinstance(child.tag, str) or child.tag in _DROP:
                    continue
                if child.tag == "table" and self.is_data_table(child):
                    continue
                if child.tag in ("tr", "td", "th", "tbody", "thead") and _in_data_table(child, self):
                    continue
                t, lk = self.tlen(child)
                if t - lk >= 0.6 * total and lk <= 0.5 * t:
                    best = child
                    break
            if best is None:
                return cur
            cur = best

    def title_before(self, container):
        if container.find(".//h1") is not None:
            return None
        pos = self.order.get(container, 0)
        found = None
        for el in self.body.iter("h1", "h2", "div", "p", "td", "span", "h3"):
            if self.order.get(el, 0) >= pos:
                break
            cls = (el.get("class") or "") + " " + (el.get("id") or "")
            if el.tag in ("h1", "h2") or re.search(r"(?:^|[\s_-])(?:title|bt|tit|biaoti|article-title)(?:$|[\s_-])", cls, re.I):
                t = " ".join(el.text_content().split())
                if 4 <= len(t) <= 120 and not self.hidden(el) and self.tlen(el)[1] < len(t.replace(" ", "")):
                    found = t
        return found

    # -- rendering
    def document(self, path: str, encoding: str) -> Document:
        page_text = " ".join(self.body.text_content().split())
        box = self.container()
        pub = None
        m = _PUBDATE.search(page_text)
        if m:
            pub = _iso(*m.groups())
        pub = pub or self.meta_date
        if pub is None:
            article = " ".join(box.text_content().split())
            m = _WEAK_DATE.search(page_text.replace(article, " ") if article else page_text)
            if m:
                pub = _iso(*m.groups())
        out = _Out(self)
        title = self.title_before(box)
        if title:
            out.text(title)
            out.newline()
        out.render(box)
        out.newline()
        lines, hidden = out.lines, out.hidden
        # chrome lines inside the article (breadcrumb, 发布时间/字体 bar, print/close links)
        kept = [i for i, t in enumerate(lines) if len(t) > 160 or not any(p.search(t) for p in _CHROME)]
        while kept and not lines[kept[0]].strip():
            kept.pop(0)
        while kept and not lines[kept[-1]].strip():
            kept.pop()
        if not kept:
            raise ReadError("网页中没有找到正文文字")
        remap = {old: new for new, old in enumerate(kept, 1)}
        n = len(kept)
        last_len = len(lines[kept[-1]])
        spans = []
        for (ln, s, e, t) in hidden:
            old = ln - 1
            if old in remap:
                spans.append((remap[old], s, e, t))
                continue
            nxt = bisect.bisect_left(kept, old)
            spans.append((remap[kept[nxt]], 0, 0, t) if nxt < n else (n, last_len, last_len, t))
        # hidden text outside the article: at the start or the end of the rendering
        pos = self.order.get(box, 0)
        end = max((self.order.get(el, 0) for el in box.iter()), default=pos)
        for el in self.body.iter():
            if not isinstance(el.tag, str) or el.tag in _DROP or not self.hidden(el):
                continue
            i = self.order.get(el, 0)
            if pos <= i <= end or _has_hidden_ancestor(el, self):
                continue
            t = " ".join(el.text_content().split())
            if t:
                spans.append((1, 0, 0, t) if i < pos else (n, last_len, last_len, t))
        doc_lines = [Line(new, lines[old], None, out.table_ids.get(old)) for new, old in enumerate(kept, 1)]
        return Document(path=path, lines=doc_lines, source_format="html", encoding=encoding,
                        publication_date=pub, hidden_spans=spans)


def _iso(y, m, d) -> str | None:
    y, m, d = int(y), int(m), int(d)
    if 1990 <= y <= 2100 and 1 <= m <= 12 and 1 <= d <= 31:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return None


def etree_comment():
    from lxml import etree
    return etree.Comment


def _remove_keep_tail(el):
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail or ""
    prev = el.getprevious()
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _has_hidden_ancestor(el, reader) -> bool:
    p = el.getparent()
    while p is not None:
        if reader.hidden(p):
            return True
        p = p.getparent()
    return False


def _in_data_table(el, reader) -> bool:
    p = el.getparent()
    while p is not None and p.tag != "table":
        p = p.getparent()
    return p is not None and reader.is_data_table(p)


class _Out:
    """Accumulates rendered lines; blocks break lines, hidden elements go to `hidden`."""

    def __init__(self, reader: _Reader):
        self.r = reader
        self.lines: list[str] = []
        self.buf: list[str] = []
        self.hidden: list[tuple[int, int, int, str]] = []
        self.table_ids: dict[int, int] = {}
        self.tables = 0
        self.pre = 0
        self.pending_hidden: list[str] = []   # hidden text met inside the table cell being read

    def text(self, s: str):
        if not s:
            return
        if not self.pre:
            s = _WS.sub(" ", s)
            if not self.buf or "".join(self.buf).endswith(" "):
                s = s.lstrip(" ")
        self.buf.append(s)

    def newline(self, blank_ok: bool = False):
        line = "".join(self.buf).strip(" ")
        self.buf = []
        if line or blank_ok:
            self.lines.append(line)

    def add_hidden(self, el):
        t = " ".join(el.text_content().split())
        if t:
            col = len("".join(self.buf).lstrip(" "))
            self.hidden.append((len(self.lines) + 1, col, col + len(t), t))

    def render(self, el, depth: int = 0):
        if depth > 200:
            raise ReadError("网页嵌套过深，无法读取")
        tag = el.tag if isinstance(el.tag, str) else None
        if tag is None or tag in _DROP:
            return
        if self.r.hidden(el):
            self.add_hidden(el)
            return
        if tag == "br":
            self.newline()
            return
        if tag == "table" and self.r.is_data_table(el):
            self.newline()
            self.table(el)
            return
        block = tag in _BLOCK
        if block:
            self.newline()
        if tag == "pre":
            self.pre += 1
        self.text(el.text or "")
        for child in el:
            self.render(child, depth + 1)
            if child.tail:
                self.text(child.tail)
        if tag == "pre":
            self.pre -= 1
        if block:
            raw = "".join(self.buf)
            explicit_blank = tag == "p" and raw and not raw.strip(" \xa0\u3000")
            if explicit_blank:
                self.buf = []
            self.newline(blank_ok=bool(explicit_blank))

    def cell_text(self, cell) -> str:
        sub = _Out(self.r)
        sub.render_inline(cell)
        for (_, col, _, t) in sub.hidden:
            self.pending_hidden.append(t)
        return " ".join(x.strip() for x in sub.lines + ["".join(sub.buf)] if x.strip()).replace("\t", " ")

    def render_inline(self, el):
        self.text(el.text or "")
        for child in el:
            self.render(child, 1)
            if child.tail:
                self.text(child.tail)

    def table(self, table):
        rows = [tr for tr in table.iter("tr") if _owner_table(tr) is table]
        grid: dict[tuple[int, int], str] = {}
        width = 0
        hidden_rows: dict[int, list[str]] = {}
        for r, tr in enumerate(rows):
            if self.r.hidden(tr):
                t = " ".join(tr.text_content().split())
                if t:
                    hidden_rows.setdefault(r, []).append(t)
                continue
            c = 0
            for cell in tr:
                if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                    continue
                while (r, c) in grid:
                    c += 1
                self.pending_hidden = []
                text = "" if self.r.hidden(cell) else self.cell_text(cell)
                if self.r.hidden(cell):
                    t = " ".join(cell.text_content().split())
                    if t:
                        self.pending_hidden.append(t)
                if self.pending_hidden:
                    hidden_rows.setdefault(r, []).extend(self.pending_hidden)
                rs = _span(cell.get("rowspan"))
                cs = _span(cell.get("colspan"))
                for dr in range(rs):
                    if r + dr >= len(rows):
                        break
                    for dc in range(cs):
                        grid[(r + dr, c + dc)] = text if (dr, dc) == (0, 0) else ""
                if len(grid) > MAX_GRID:
                    raise ReadError(f"网页表格过大（超过 {MAX_GRID} 个单元格），不像是一份年度报告")
                c += cs
                width = max(width, c)
        if width == 0:
            return
        self.tables += 1
        for r in range(len(rows)):
            cells = [grid.get((r, c), "") for c in range(width)]
            line_no = len(self.lines) + 1
            for t in hidden_rows.get(r, []):
                self.hidden.append((line_no, 0, 0, t))
            if not any(x.strip() for x in cells):
                continue
            self.table_ids[len(self.lines)] = self.tables
            self.lines.append("\t".join(cells))


def _span(v) -> int:
    try:
        n = int(str(v).strip() or 1)
    except (TypeError, ValueError):
        return 1
    return min(max(n, 1), MAX_SPAN)


def _owner_table(tr):
    p = tr.getparent()
    while p is not None and p.tag != "table":
        p = p.getparent()
    return p
