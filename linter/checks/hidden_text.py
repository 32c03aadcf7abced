"""Text a web page hides from its readers: the classic dark-link spam.

The HTML reader leaves hidden elements (display:none, visibility:hidden, font-size:0, off-screen
positioning, zero-size links) out of the text it checks and records them in
`Document.hidden_spans` as (line, start, end, text): where in the rendering they would have stood.
A government page has no reason to hide text; any hidden text that carries words is reported.
"""
from __future__ import annotations

from ..schema import INT, Param
from ._util import span_hit

KIND = "hidden-text"
SUMMARY = "网页中对读者隐藏的文字（暗链）"
PARAMS = {
    "min_chars": Param(INT, "隐藏文字至少多少个字符才报告（过滤空白的隐藏元素）", default=2),
}
FIELDS = ("text",)
EXAMPLES = {
    "fail": '<div style="display:none"><a href="http://x.example">皇冠体育官网</a></div>',
    "pass": "<p>政府信息公开工作年度报告</p>",
}


def check(doc, facts, params, ctx):
    for line, start, end, text in doc.hidden_spans:
        shown = " ".join(text.split())
        if len(shown) >= params["min_chars"]:
            yield span_hit(line, start, max(end, start + 1), text=shown[:40] + ("…" if len(shown) > 40 else ""))
