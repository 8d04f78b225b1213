"""Query-time alternatives: abbreviations both ways, and Telex/VNI keystrokes.

A reader's query keeps its literal reading; each alternative is another
reading of it (``ParsedQuery.variants``) that backends OR with it, ranking
the literal reading's matches first. Expanding at query time means an edit to
the abbreviation list takes effect on the next search, with no rebuild, and
the index holds only what the stories say.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Iterable

from ..text import ParsedQuery, Term, fold, words
from .telex import candidates, convert_word

# Readings searched at most, the literal one included: each adds match clauses.
MAX_READINGS = 6
# Longest full form, in words, compared against the query.
MAX_SPAN = 10


class Synonyms:
    """Abbreviations and full forms, as word sequences, ready to match queries."""

    def __init__(self, pairs: Iterable[tuple[str, Iterable[str]]]):
        # (the abbreviation's written forms, its full forms), as word tuples.
        self.entries: list[tuple[list[tuple[str, ...]], list[tuple[str, ...]]]] = []
        for abbr, fulls in pairs:
            abbr_words = tuple(words(abbr))
            full_words = [tuple(words(f)) for f in fulls if words(f)]
            if not abbr_words or not full_words:
                continue
            forms = [abbr_words]
            if len(abbr_words) > 1:
                forms.append(("".join(abbr_words),))  # "TP.HCM" typed "TPHCM"
            self.entries.append((forms, full_words))

    def alternatives(self, terms: list[Term], start: int) -> list[tuple[int, list[list[Term]]]]:
        """(span length, alternative word groups) for readings starting at ``start``."""
        out = []
        for forms, fulls in self.entries:
            every = forms + fulls
            for form in forms:
                n = len(form)
                span = terms[start : start + n]
                # An abbreviation matches folded: "hdnd", "HĐND", "Hđnd" alike.
                if len(span) == n and all(
                    t.fold == fold(w) for t, w in zip(span, form, strict=True)
                ):
                    out.append((n, [[Term(w) for w in f] for f in every if f != form]))
            for full in fulls:
                n = len(full)
                span = terms[start : start + n]
                if len(span) == n and all(t.matches(w) for t, w in zip(span, full, strict=True)):
                    out.append((n, [[Term(w) for w in f] for f in every if f != full]))
        return out


def _bare_runs(parsed: ParsedQuery) -> list[list[int]]:
    """Indexes of consecutive single-word groups (what the reader typed unquoted)."""
    runs, run = [], []
    for i, g in enumerate(parsed.groups):
        if len(g) == 1 and not any(g is p for p in parsed.phrases):
            run.append(i)
        else:
            if run:
                runs.append(run)
            run = []
    if run:
        runs.append(run)
    return runs


def expand(parsed: ParsedQuery, synonyms: Synonyms | None = None) -> ParsedQuery:
    """``parsed`` with ``variants`` set: its other readings, best first."""
    if not parsed.groups:
        return parsed
    # (first group, groups covered, alternatives) — greedy, longest first.
    spans: list[tuple[int, int, list[list[Term]]]] = []
    # A stray keystroke is repaired ("nooing" → "nông") only in a query
    # another word of which is plainly Telex or VNI: alone, "book" stays book.
    typing = any(convert_word(t.text) for t in parsed.terms if not t.strict)
    repaired: set[int] = set()  # spans whose alternatives are repairs, guesses
    for run in _bare_runs(parsed):
        terms = [parsed.groups[i][0] for i in run]
        k = 0
        while k < len(terms):
            found = synonyms.alternatives(terms, k) if synonyms else []
            if found:
                n = max(n for n, _ in found)
                alts = [a for m, alts in found if m == n for a in alts]
                spans.append((run[k], n, alts))
                k += n
                continue
            converted = None if terms[k].strict else convert_word(terms[k].text)
            if converted:
                spans.append((run[k], 1, [[Term(converted)]]))
            elif typing and not terms[k].strict:
                repairs = candidates(terms[k].text)
                if repairs:
                    spans.append((run[k], 1, [[Term(r)] for r in repairs]))
                    repaired.add(len(spans) - 1)
            k += 1
    if not spans:
        return parsed
    choices = [[None, *alts] for _, _, alts in spans]
    # Every span replaced is the likeliest other reading (a whole query typed
    # in Telex); then readings keeping more of the literal words. A repair is
    # a guess: the word as typed comes before it.
    combos = sorted(
        (c for c in itertools.product(*choices) if any(c)),
        key=lambda c: (
            -sum(a is not None for i, a in enumerate(c) if i not in repaired),
            sum(a is not None for i, a in enumerate(c) if i in repaired),
        ),
    )
    variants = []
    for combo in combos[: MAX_READINGS - 1]:
        variant = ParsedQuery(raw=parsed.raw, excluded=parsed.excluded)
        replaced = {spans[i][0]: (spans[i][1], alt) for i, alt in enumerate(combo) if alt}
        i = 0
        while i < len(parsed.groups):
            if i in replaced:
                n, alt = replaced[i]
                variant.groups.append(alt)
                if len(alt) > 1:
                    variant.phrases.append(alt)
                i += n
                continue
            group = parsed.groups[i]
            variant.groups.append(group)
            if any(group is p for p in parsed.phrases):
                variant.phrases.append(group)
            i += 1
        variants.append(variant)
    out = copy.copy(parsed)
    out.variants = variants
    return out
