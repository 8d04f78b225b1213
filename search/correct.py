""" "Có phải bạn muốn tìm …": correcting a query whose words found nothing.

Only a query with no result at all is corrected, so typo tolerance never
adds noise to a query that finds something. Words that cannot be Vietnamese
syllables ("nguyệng") are fixed first; then each word's slips
(``vietnamese.spelling``) are tried one at a time, and the correction that
finds the most stories wins.
"""

from __future__ import annotations

from dataclasses import replace

from .query import SearchRequest, SearchResults
from .text import Term, iter_word_spans
from .vietnamese.spelling import variants
from .vietnamese.syllables import is_syllable

# Searches one correction may cost at most (each a count, no facets or excerpts).
MAX_TRIES = 24


def _replace_word(raw: str, index: int, new: str) -> str:
    spans = list(iter_word_spans(raw))
    s, e, _w = spans[index]
    return raw[:s] + new + raw[e:]


def _choices(word: str) -> list[str]:
    term = Term(word)
    out = []
    for v in variants(word):
        # An unmarked word is matched without marks: only other letters help.
        if not term.strict and Term(v).strict:
            continue
        out.append(v if word[:1].islower() else v[:1].upper() + v[1:])
    return out


def correction(backend, request: SearchRequest) -> str | None:
    """The corrected query text that finds the most stories, or None."""
    raw = request.parsed.raw
    spans = list(iter_word_spans(raw))
    if not spans or len(spans) > 8:
        return None
    if request.filters():
        # The words may be right and the filters leave nothing: one probe
        # without them says so before two dozen probes with them.
        unfiltered = replace(
            request,
            campaign=[],
            locality=[],
            field=[],
            kind=None,
            year=None,
            page=1,
            page_size=1,
            facets=False,
            highlight=False,
        )
        if backend.search(unfiltered.with_readings()).total:
            return None
    base = raw
    # Not a syllable at all: the first real syllable one slip away.
    for i, (_s, _e, w) in enumerate(spans):
        if not w.isascii() and not is_syllable(w):
            fixes = _choices(w)
            if fixes:
                base = _replace_word(base, i, fixes[0])
    candidates = [base] if base != raw else []
    for i, (_s, _e, w) in enumerate(iter_word_spans(base)):
        candidates += [_replace_word(base, i, v) for v in _choices(w)]
    best, best_total = None, 0
    for candidate in candidates[:MAX_TRIES]:
        probe = replace(request, q=candidate, page=1, page_size=1, facets=False, highlight=False)
        found = backend.search(probe.with_readings())
        # A match only once marks are dropped is a lookalike, not the word meant.
        total = 0 if found.loosened else found.total
        if total and candidate == base:
            return base  # the impossible syllables fixed are enough
        if total > best_total:
            best, best_total = candidate, total
    return best


def with_correction(backend, request: SearchRequest, results: SearchResults) -> SearchResults:
    """``results`` unchanged, or, when they are empty, the corrected query's
    results with ``did_you_mean`` set."""
    if results.total or not request.parsed.groups:
        return results
    corrected = correction(backend, request)
    if not corrected:
        return results
    found = backend.search(replace(request, q=corrected).with_readings())
    found.query = request.q
    found.did_you_mean = corrected
    return found
