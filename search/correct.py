""" "Có phải bạn muốn tìm …": correcting a query whose words found nothing.

Only a query with no result at all is corrected, so typo tolerance never
adds noise to a query that finds something. Words that cannot be Vietnamese
syllables ("nguyệng") and Telex/VNI keystrokes ("nooing") are fixed first;
then each word's slips (``vietnamese.spelling``) are tried one at a time, and
the correction that finds the most stories wins. When no single slip is
enough, each word that finds nothing on its own gets its best slip.
"""

from __future__ import annotations

from dataclasses import replace

from . import synonyms
from .query import SearchRequest, SearchResults
from .text import Term, iter_word_spans
from .vietnamese.spelling import variants
from .vietnamese.syllables import is_syllable
from .vietnamese.telex import candidates as keystroke_candidates
from .vietnamese.telex import convert_word, spelled

# Searches one correction may cost at most (each a count, no facets or excerpts).
MAX_TRIES = 24
# Searches the word-by-word pass may add (a slip in more than one word).
MAX_WORD_TRIES = 20


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


def _count(backend, request: SearchRequest, q: str) -> int:
    probe = replace(request, q=q, page=1, page_size=1, facets=False, highlight=False)
    found = backend.search(probe.with_readings(synonyms.current()))
    # A match only once marks are dropped is a lookalike, not the word meant.
    return 0 if found.loosened else found.total


def _word_by_word(backend, request: SearchRequest, base: str) -> str | None:
    """``base`` with each word that no story uses replaced by its slip that
    finds the most beside the words before it: VNI typed blind,
    "nho6ng tho6n mo7i", is "nhông thôn mơi", two slips from "nông thôn mới"
    (and "mới", not "mời", is the one that goes with "nông thôn")."""
    fixed, tries = base, 0
    context: list[str] = []  # the words so far, as kept or corrected
    for i, (_s, _e, w) in enumerate(iter_word_spans(base)):
        if tries >= MAX_WORD_TRIES:
            break
        tries += 1
        if _count(backend, request, w):
            # A word the stories use is no slip, though the query found nothing.
            context.append(w)
            continue
        strict = Term(w).strict
        best, best_total = None, 0
        # A marked word keeps marks: "moi" would match every mọi, mỗi, môi.
        for v in [v for v in _choices(w) if Term(v).strict or not strict]:
            if tries >= MAX_WORD_TRIES:
                break
            tries += 1
            total = _count(backend, request, " ".join([*context, v]))
            if total > best_total:
                best, best_total = v, total
        if best:
            fixed = _replace_word(fixed, i, best)
            context.append(best)
    if fixed != base and _count(backend, request, fixed):
        return fixed
    return None


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
        if backend.search(unfiltered.with_readings(synonyms.current())).total:
            return None
    base = raw
    typing = any(convert_word(w) for _s, _e, w in spans)
    # Not a syllable at all: the first real syllable one slip away; keystrokes
    # typed with the Vietnamese keyboard off, the syllable they likeliest mean
    # ("nooing", a stray i: "nông").
    for i, (_s, _e, w) in enumerate(spans):
        if not w.isascii() and not is_syllable(w):
            fixes = _choices(w)
            if fixes:
                base = _replace_word(base, i, fixes[0])
        elif w.isascii():
            typed = spelled(w)
            # Keystrokes spelling no syllable: a slip of the word meant
            # ("keecs": "kếc", "kết"), else a stray keystroke ("nooing").
            meant = [] if not typed or is_syllable(typed) else _choices(typed)
            if not meant and typing:
                # As in ``expand``: alone, "book" is no "bô".
                meant = keystroke_candidates(w)
            if meant:
                base = _replace_word(base, i, meant[0])
    candidates = [base] if base != raw else []
    for i, (_s, _e, w) in enumerate(iter_word_spans(base)):
        candidates += [_replace_word(base, i, v) for v in _choices(w)]
    best, best_total = None, 0
    for candidate in candidates[:MAX_TRIES]:
        total = _count(backend, request, candidate)
        if total and candidate == base:
            return base  # the impossible syllables fixed are enough
        if total > best_total:
            best, best_total = candidate, total
    if best is None and len(spans) > 1:
        best = _word_by_word(backend, request, base)
    return best


def with_correction(backend, request: SearchRequest, results: SearchResults) -> SearchResults:
    """``results`` unchanged, or, when they are empty, the corrected query's
    results with ``did_you_mean`` set."""
    if results.total or not request.parsed.groups:
        return results
    corrected = correction(backend, request)
    if not corrected:
        return results
    found = backend.search(replace(request, q=corrected).with_readings(synonyms.current()))
    found.query = request.q
    found.did_you_mean = corrected
    return found
