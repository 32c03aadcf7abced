"""Literal prefilters for pack patterns: the characters a match cannot do without.

A pattern that does not start with a literal makes Python's regex engines try it at every position
of the text: 10–80 µs per pattern for a report, and the packs hold well over a hundred. Yet most
patterns can only match where some literal occurs (娱乐城, 邮编, 合计, bet365). `required_literals`
reads those literals off the parsed pattern once, when the pack is validated; `may_match` then asks
whether the text holds every character of at least one of them. A one-character `in` test runs at
memchr speed (≈0.1 µs over a whole report), so when the answer is no, the regex is not run at all.

The test is a necessary condition, never a sufficient one: when it passes, the regex decides. Where
the analysis is unsure (a construct it does not know, case-insensitive letters with multi-character
folds such as ß ↔ ss), it answers "no prefilter" and the regex always runs.
"""
from __future__ import annotations

try:  # Python 3.11+
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef]

Literal = tuple  # one string of alternative characters per position: ("体",), ("bB",), ("kK\u212a",)
_TOO_MANY = 24   # more alternatives than this cost about as much to test as the regex itself
# Under case-insensitive matching the `regex` module folds fully: ß matches "ss", ﬁ matches "fi".
# A letter that takes part in such a fold could be present only as the folded form, so it is not tested.
_MULTI_FOLD_LETTERS = set("fhijlnstwyaFHIJLNSTWYA")
_EXTRA_FOLD = {"k": "\u212a"}  # KELVIN SIGN folds to k
# `regex` syntax the standard parser would read as literals: nested sets and set operations
# ([[a-z]--[aeiou]]), fuzzy matching ({e<=1}). Such a pattern gets no prefilter.
_REGEX_ONLY = ("[[", "--", "&&", "||", "~~", "{e", "{i", "{d", "{s")


def _char_options(code: int, icase: bool) -> str | None:
    """The characters that can stand for this one in a match; None when that is not known."""
    ch = chr(code)
    if not icase or ch.lower() == ch.upper() == ch.casefold():
        return ch
    if ch.isascii() and ch.isalpha() and ch not in _MULTI_FOLD_LETTERS:
        low = ch.lower()
        return low + low.upper() + _EXTRA_FOLD.get(low, "")
    return None


def _in_set(items, icase: bool) -> frozenset[Literal] | None:
    """A character class as single-character literals, when it is small and positive."""
    out = set()
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            codes = [av]
        elif name == "RANGE" and av[1] - av[0] < _TOO_MANY:
            codes = range(av[0], av[1] + 1)
        else:
            return None  # NEGATE, CATEGORY (\d, \s), a wide range
        for code in codes:
            options = _char_options(code, icase)
            if options is None:
                return None
            out.add((options,))
    return frozenset(out) if 0 < len(out) <= _TOO_MANY else None


Clause = frozenset  # of literals: one of them occurs in every match
_MAX_CLAUSES = 3      # a pattern's best requirements; all must hold ("收" and "费" for 未收…费)


def _selectivity(clause: Clause) -> tuple[int, int]:
    """Fewer literals first, then longer ones: the clause most likely to fail on a report."""
    return len(clause), -min(len(lit) for lit in clause)


def _best(clauses) -> list[Clause]:
    unique = list(dict.fromkeys(c for c in clauses if c))
    return sorted(unique, key=_selectivity)[:_MAX_CLAUSES]


def _sequence(items, icase: bool) -> list[Clause]:
    """What a concatenation requires: every item must match, so each item's requirements hold
    together; consecutive literal characters join into one longer literal."""
    clauses: list[Clause] = []
    run: list[str] = []

    def flush():
        nonlocal run
        if run:
            clauses.append(frozenset({tuple(run)}))
        run = []

    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            options = _char_options(av, icase)
            if options is None:
                flush()
            else:
                run.append(options)
            continue
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # zero-width: requires nothing (only the presence of characters is tested)
        flush()
        clauses.extend(_item(name, av, icase))
    flush()
    return _best(clauses)


def _item(name: str, av, icase: bool) -> list[Clause]:
    if name == "SUBPATTERN":
        _group, add_flags, del_flags, sub = av
        inner = (icase or bool(add_flags & sre_parse.SRE_FLAG_IGNORECASE)) \
            and not del_flags & sre_parse.SRE_FLAG_IGNORECASE
        return _sequence(sub, inner)
    if name == "ATOMIC_GROUP":
        return _sequence(av, icase)
    if name == "BRANCH":  # one of the alternatives matches: the union of their best clauses
        union: set = set()
        for alternative in av[1]:
            required = _sequence(alternative, icase)
            if not required:
                return []
            union |= required[0]
        return [frozenset(union)] if len(union) <= _TOO_MANY else []
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, _high, sub = av
        return _sequence(sub, icase) if low >= 1 else []
    if name == "IN":
        found = _in_set(av, icase)
        return [found] if found else []
    return []  # ANY, NOT_LITERAL, GROUPREF, GROUPREF_EXISTS …


def code_stamp() -> int:
    """This module's version, for caches of what it computed (recache.memo)."""
    import os
    return os.stat(__file__).st_mtime_ns


def required_literals(pattern: str) -> tuple[tuple[Literal, ...], ...] | None:
    """Clauses that every match of `pattern` satisfies — each a set of literals one of which the
    match contains — in the standard `re` syntax (rewrite \\p{Han} first); None when none is known."""
    if any(mark in pattern for mark in _REGEX_ONLY):
        return None
    try:
        tree = sre_parse.parse(pattern, 0)
    except Exception:  # noqa: BLE001 - regex-module syntax the standard parser does not know
        return None
    icase = bool(tree.state.flags & sre_parse.SRE_FLAG_IGNORECASE)
    found = _sequence(list(tree), icase)
    if not found or any(not lit for clause in found for lit in clause):
        return None
    return tuple(tuple(sorted(clause, key=lambda lit: (-len(lit), lit))) for clause in found)


def _exact_runs(lit: Literal) -> tuple[str, ...]:
    """The stretches of a literal that are spelled one way only ("188" of 188bet under (?i))."""
    runs, run = [], ""
    for options in lit:
        if len(options) == 1:
            run += options
        else:
            if len(run) > 1:
                runs.append(run)
            run = ""
    if len(run) > 1:
        runs.append(run)
    return tuple(runs)


Plan = tuple  # per clause, per literal: (tests that must all pass, a lower-case spelling or "");
              # a test passes when one of its strings is in the text


def plan(clauses: tuple[tuple[Literal, ...], ...]) -> Plan:
    """The tests `may_match` runs, per clause and literal, cheapest first: each character (memchr
    speed), then the parts spelled one way only, then — for a literal with case variants — its
    lower-case spelling in the lower-cased text. 真人 has two common characters, but 真人 itself
    is rare: the string settles it."""
    return tuple(tuple(_literal_plan(lit) for lit in clause) for clause in clauses)


def _literal_plan(lit: Literal):
    tests: list[tuple[str, ...]] = []
    for options in dict.fromkeys(lit):  # each distinct position once
        tests.append((options,) if len(options) == 1 else tuple(options))
    tests.extend((run,) for run in _exact_runs(lit))
    cased = any(len(options) > 1 for options in lit)
    return tuple(tests), "".join(options[0].lower() for options in lit) if cased else ""


_last_lowered: tuple = (None, "")  # the last text and its lower-case form: the rules ask about one text in turn


def _lowered(text: str) -> str:
    """text.lower(), computed once per text. One tuple read and written whole, so that a thread
    (the language server's) never pairs one text with another's lower-case form."""
    global _last_lowered
    last = _last_lowered
    if last[0] is text:
        return last[1]
    lowered = text.lower()
    _last_lowered = (text, lowered)
    return lowered


def may_match(tests: Plan, text: str) -> bool:
    """Could a match occur in `text`? False when some clause has no literal in the text."""
    for clause in tests:
        for literal, lowered in clause:
            for alternatives in literal:
                for string in alternatives:
                    if string in text:
                        break
                else:
                    break  # this test failed: not this literal
            else:
                if not lowered or lowered in _lowered(text):
                    break  # this literal occurs: the clause holds
        else:
            return False  # no literal of this clause occurs
    return True
