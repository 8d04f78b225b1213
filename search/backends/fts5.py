"""FTS5 MATCH expressions built from parsed reader queries.

Every word reaches FTS5 as a quoted string, so nothing a reader types is ever
FTS5 syntax (``NEAR(``, ``title:``, ``*``, a lone ``"``). The index holds two
forms of each text (see :func:`exemplars_search.text.index_forms`): the
``_d`` columns hold dfold, the ``_f`` columns fold.
"""

from __future__ import annotations

from ..text import ParsedQuery, Term

FIELDS = ("title", "intro", "body")
COLUMNS = tuple(f"{f}_d" for f in FIELDS) + tuple(f"{f}_f" for f in FIELDS)
DFOLD = "{title_d intro_d body_d}"
FOLD = "{title_f intro_f body_f}"
TITLE_DFOLD = "{title_d}"
TITLE_FOLD = "{title_f}"


def quote(text: str) -> str:
    """An FTS5 string: whatever ``text`` holds, FTS5 only tokenizes it."""
    return '"' + text.replace('"', '""') + '"'


def term(t: Term, *, loose: bool = False, dfold_cols=DFOLD, fold_cols=FOLD) -> str:
    """One required word: marked words on the dfold columns, unless loosened."""
    if t.strict and not loose:
        return f"{dfold_cols}: {quote(t.dfold)}"
    return f"{fold_cols}: {quote(t.fold)}"


def phrase(terms: list[Term], cols: str = FOLD, *, prefix: bool = False) -> str:
    star = " *" if prefix else ""
    return f"{cols}: {quote(' '.join(t.fold for t in terms))}{star}"


def group(terms: list[Term], *, loose: bool = False) -> str:
    """A required group: one word, or a quoted phrase whose words must be adjacent."""
    if len(terms) == 1:
        return term(terms[0], loose=loose)
    strict = [t for t in terms if t.strict] if not loose else []
    if strict and len(strict) == len(terms):
        return f"{DFOLD}: {quote(' '.join(t.dfold for t in terms))}"
    # A phrase mixing marked and unmarked words: adjacency on the folded
    # columns, and each marked word must also be there as typed.
    parts = [phrase(terms)] + [term(t) for t in strict]
    return " AND ".join(f"({p})" for p in parts)


def required(parsed: ParsedQuery, *, loose: bool = False) -> str:
    """Every required group, and none of the excluded ones: the match set.

    With other readings (abbreviations, Telex), a story matching any one does.
    """
    if parsed.variants:
        return " OR ".join(f"({_required(r, loose=loose)})" for r in parsed.readings)
    return _required(parsed, loose=loose)


def _required(parsed: ParsedQuery, *, loose: bool = False) -> str:
    expr = " AND ".join(f"({group(g, loose=loose)})" for g in parsed.groups)
    for excluded in parsed.excluded:
        expr = f"({expr}) NOT ({exclusion(excluded)})"
    return expr


def tiers(parsed: ParsedQuery, *, loose: bool = False) -> list[str]:
    """The ranking tiers of each reading in turn, the literal one first, then
    any match: a story with the words as typed outranks one that only has the
    abbreviation's full form or the Telex word converted."""
    if not parsed.variants:
        return _tiers(parsed, loose=loose)
    out = [e for r in parsed.readings for e in _tiers(r, loose=loose)]
    out.append(required(parsed, loose=loose))
    return out


def _tiers(parsed: ParsedQuery, *, loose: bool = False) -> list[str]:
    """Match expressions from the best kind of match to any match, for ranking.

    Results are ordered tier by tier, by bm25 within a tier: the reader's
    words adjacent and in order in the title, then adjacent anywhere, then
    adjacent pairs, then scattered. A tier narrows the match set, so bm25
    (whose cost grows with the rows it scores) runs on few rows when the
    first tiers fill the page. In a loosened search the words as typed, marks
    included, come first.
    """
    base = _required(parsed, loose=loose)
    terms = parsed.terms
    out = []
    if loose and any(t.strict for t in terms):
        typed = " OR ".join(f"({term(t)})" for t in terms if t.strict)
        out.append(f"({base}) AND ({typed})")
    if len(terms) == 1:
        t = terms[0]
        out.append(
            _narrow(parsed, term(t, loose=loose, dfold_cols=TITLE_DFOLD, fold_cols=TITLE_FOLD))
        )
    else:
        # The whole query adjacent on the folded columns implies every
        # required group but the marks of marked words, checked beside it.
        marks = [] if loose else [term(t) for t in terms if t.strict]
        out.append(_narrow(parsed, phrase(terms, TITLE_FOLD), marks))
        out.append(_narrow(parsed, phrase(terms), marks))
        if len(terms) > 2:
            pairs = " OR ".join(f"({phrase(terms[i : i + 2])})" for i in range(len(terms) - 1))
            out.append(f"({base}) AND ({pairs})")
    out.append(base)
    return out


def _narrow(parsed: ParsedQuery, clause: str, extra: list[str] = ()) -> str:
    expr = " AND ".join(f"({c})" for c in [clause, *extra])
    for excluded in parsed.excluded:
        expr = f"({expr}) NOT ({exclusion(excluded)})"
    return expr


def match(parsed: ParsedQuery, *, loose: bool = False) -> str:
    """The whole match set (kept for callers that want one expression)."""
    return required(parsed, loose=loose)


def exclusion(terms: list[Term]) -> str:
    """An excluded word group, in any accent form."""
    return phrase(terms) if len(terms) > 1 else f"{FOLD}: {quote(terms[0].fold)}"


def any_exclusion(parsed: ParsedQuery) -> str:
    return " OR ".join(f"({exclusion(g)})" for g in parsed.excluded)


def suggest_tiers(terms: list[Term], *, loose: bool = False) -> list[str]:
    """For the titles table: the typed words as a run (last one a prefix), then anywhere."""
    cols = {"dfold_cols": "{title_d}", "fold_cols": "{title_f}"}
    *rest, last = terms
    parts = [term(t, loose=loose, **cols) for t in rest]
    parts.append(term(last, loose=loose, **cols) + " *")
    anywhere = " AND ".join(f"({p})" for p in parts)
    if len(terms) == 1:
        return [anywhere]
    run = phrase(terms, "{title_f}", prefix=True)
    marks = [] if loose else [term(t, **cols) for t in rest if t.strict]
    if not loose and last.strict:
        marks.append(parts[-1])
    return [" AND ".join(f"({p})" for p in [run, *marks]), anywhere]
