"""A content item the regulation requires: found in a heading, in the prose, or in a table row.

第三十二条 lists what a report "应当包括"; evaluators accept an item as covered when a heading
names it, when the text states it ("本年度未收到政府信息公开申请"), or when the statistics table
carries its row (行政复议数量 0 covers （四）). Mentioning a word in passing is not enough, so
content patterns should state the situation, not just name it.
"""
from __future__ import annotations

from ..facts.tables import label_key
from ..schema import REGEX_LIST, STR, STR_LIST, Param
from ._util import doc_hit

KIND = "required-section"
SUMMARY = "必备内容：标题、正文表述或统计表行三者之一覆盖即可"
PARAMS = {
    "item": Param(STR, "内容项的名称，用于消息", required=True),
    "headings": Param(REGEX_LIST, "匹配任一标题即视为覆盖", default=list),
    "content": Param(REGEX_LIST, "正文（表格以外）匹配任一即视为覆盖；《》中的文件名不计", default=list),
    "table_rows": Param(STR_LIST, "统计表中有任一行标签即视为覆盖", default=list),
}
FIELDS = ("item",)
EXAMPLES = {
    "fail": "一、概述 … 二、主动公开情况 … 三、存在的问题（全文未提及依申请公开）",
    "pass": "三、依申请公开情况\n本年度未收到政府信息公开申请。",
}


def validate(params):
    from ..schema import SchemaError
    if not (params["headings"] or params["content"] or params["table_rows"]):
        raise SchemaError("headings、content、table_rows 至少要给一个")


def check(doc, facts, params, ctx):
    titles = facts.heading_titles
    if any(p.search(titles) for p in params["headings"]):
        return
    for pattern in params["content"]:
        if facts.search_prose(pattern):
            return
    if params["table_rows"]:
        wanted = {label_key(x) for x in params["table_rows"]}
        for table in facts.tables:
            if wanted & set(table.keys):
                return
    yield doc_hit(item=params["item"])
