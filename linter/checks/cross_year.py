"""This year's report against the same body's report for last year (given with `check --previous`,
or paired automatically among the files of a folder: same issuing body, consecutive years).

Runs only when a previous report is attached; the comparisons live in linter/crossyear.py.
"""
from __future__ import annotations

from ..schema import Param, SchemaError, choice
from ._util import span_hit


def _share(value, where):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
        raise SchemaError(f"{where}: 应为 0 到 1 之间的小数，如 0.5", getattr(value, "line", None))
    return float(value)


_share.__name__ = "0—1 的小数"

KIND = "cross-year"
SUMMARY = "与同一机关上一年度报告比对：上年结转、现行有效件数、内容雷同（需 --previous 或同目录配对）"
PARAMS = {
    "aspect": Param(choice("carried", "valid-count", "repeated"), "比对哪一方面", required=True),
    "min_share": Param(_share, "repeated：雷同文字占正文比例达到此值即报告（0—1）", default=0.5),
}
FIELDS = ("what", "this", "last", "share", "where", "previous")
EXAMPLES = {
    "fail": "2022年表三“二、上年结转”自然人为0，而2021年报告“四、结转下年度继续办理”自然人为1",
    "pass": "2022年表三“二、上年结转”自然人为1，2021年报告“四、结转下年度继续办理”自然人为1",
}


def check(doc, facts, params, ctx):
    if doc.previous is None:
        return
    from .. import crossyear
    prev = crossyear.facts_of(doc.previous)
    if not crossyear.consecutive(prev, facts):
        return
    name = f"{prev.report_year}年度" if prev.report_year else "上一年度"
    aspect = params["aspect"]
    if aspect in ("carried", "valid-count"):
        found = (crossyear.carried_mismatches if aspect == "carried" else crossyear.valid_count_mismatches)(prev, facts)
        for m in found:
            yield span_hit(m.line, m.start, m.end, what=m.what, this=m.this, last=m.last, previous=name,
                           share="", where="")
        return
    rep = crossyear.repetition(prev, facts)
    if rep is not None and rep.share >= params["min_share"]:
        line = facts.doc.line(rep.first_line)
        yield span_hit(rep.first_line, line.indent, len(line.folded.rstrip()), share=f"{rep.share:.0%}",
                       where=rep.where, previous=name, what="", this="", last="")
