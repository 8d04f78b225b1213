"""Vietnamese text handling shared by every search backend.

Three forms of a word matter to a Vietnamese reader:

* ``exact``: NFC, lower-cased ("điển");
* ``dfold``: ``exact`` with đ→d only ("diển"), because many keyboards and
  phones send "d" for "đ", and Unicode gives đ no decomposition to strip;
* ``fold``: every mark removed ("dien"), for readers typing without diacritics.

A query word typed *with* vowel marks means those marks ("lụa" is silk, not
"lúa", rice), so it is matched on ``dfold``; a word typed without marks is
matched on ``fold``. Documents are indexed in both forms.

Both forms are also spelled canonically (``vietnamese.tones``): "hoà" and
"hòa", "kĩ" and "kỹ" are one word for search, while excerpts mark the text
as the reader sees it.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .vietnamese.tones import canonical

# Longest query we look at; anything longer is cut, never an error.
MAX_QUERY_CHARS = 512
MAX_QUERY_WORDS = 32

_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})
# A word is a run of letters and digits (after NFC); everything else separates.
_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def nfc(text: str) -> str:
    """NFC-normalise text and drop NUL and other control characters."""
    if not text:
        return ""
    return _CONTROL_RE.sub(" ", unicodedata.normalize("NFC", text))


def dfold(text: str) -> str:
    """Lower-case NFC text with đ/Đ mapped to d and every other mark kept."""
    # str.replace, not translate: translate pays a failed lookup per other character.
    return canonical(nfc(text).lower()).replace("đ", "d")


class _FoldTable(dict):
    """``str.translate`` table folding one character at a time, filled on demand.

    Folding character by character equals folding the whole NFC string (NFD
    only decomposes single characters) and lets ``translate`` do the work in C,
    which matters when a rebuild folds a hundred thousand stories.
    """

    def __missing__(self, code: int) -> str:
        ch = chr(code).translate(_D_MAP)
        decomposed = unicodedata.normalize("NFD", ch)
        folded = unicodedata.normalize(
            "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
        )
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Remove every Vietnamese mark: NFD, đ→d, drop combining marks, lower-case."""
    # Lower-case first: a few capitals lower to a letter plus a combining mark.
    return canonical(nfc(text).lower()).translate(_FOLD_TABLE)


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """``fold`` for one word, cached: a Vietnamese text reuses few syllables."""
    return fold(word)


@lru_cache(maxsize=65536)
def dfold_word(word: str) -> str:
    """``dfold`` for one word, cached."""
    return dfold(word)


def has_marks(word: str) -> bool:
    """Whether the reader typed any vowel mark in this word (đ does not count)."""
    return dfold(word) != fold(word)


def words(text: str) -> list[str]:
    """Split NFC text into words (syllables), keeping their original spelling."""
    return _WORD_RE.findall(nfc(text))


def iter_word_spans(text: str):
    """Yield ``(start, end, word)`` for each word of already-NFC ``text``."""
    for m in _WORD_RE.finditer(text):
        yield m.start(), m.end(), m.group()


_NON_WORD_RE = re.compile(r"[\W_]+", re.UNICODE)


def index_forms(text: str) -> tuple[str, str]:
    """The (dfold, fold) forms of a document text, word-separated, for indexing."""
    # Whole-string transforms: the same words as ``words()``, far fewer calls.
    joined = _NON_WORD_RE.sub(" ", nfc(text)).strip()
    lowered = canonical(joined.lower())
    return lowered.replace("đ", "d"), lowered.translate(_FOLD_TABLE)


@dataclass(frozen=True)
class Term:
    """One query word: the text as typed (NFC) and the form it must match."""

    text: str

    # Cached: highlighting asks once per word of a story body.
    @cached_property
    def strict(self) -> bool:
        """True when the reader typed marks, so the ``dfold`` form must match."""
        return has_marks(self.text)

    @cached_property
    def dfold(self) -> str:
        return dfold(self.text)

    @cached_property
    def fold(self) -> str:
        return fold(self.text)

    @cached_property
    def key(self) -> str:
        """The form to match: ``dfold`` for a marked word, else ``fold``."""
        return self.dfold if self.strict else self.fold

    def matches(self, word: str) -> bool:
        """Whether a document word (any spelling) is this term."""
        return (dfold_word(word) if self.strict else fold_word(word)) == self.key

    def matches_prefix(self, word: str) -> bool:
        return (dfold_word(word) if self.strict else fold_word(word)).startswith(self.key)


@dataclass
class ParsedQuery:
    """What a reader asked for.

    ``groups`` holds the required word groups in reader order: a plain run of
    words is one group per word, a quoted phrase is one group of its words.
    ``excluded`` holds word groups a result must not contain. The ranking
    prefers results where ``terms`` stand next to each other in order.
    """

    raw: str = ""
    groups: list[list[Term]] = field(default_factory=list)
    phrases: list[list[Term]] = field(default_factory=list)
    excluded: list[list[Term]] = field(default_factory=list)
    # Other readings of the same query (abbreviations, Telex: see
    # ``vietnamese.expand``); a result matches any reading, the literal one
    # (this one) ranked first.
    variants: list[ParsedQuery] = field(default_factory=list)

    @property
    def terms(self) -> list[Term]:
        """Every required word, in the order the reader typed them."""
        return [t for g in self.groups for t in g]

    @property
    def readings(self) -> list[ParsedQuery]:
        """This reading and its variants, literal first."""
        return [self, *self.variants]

    def literal(self) -> ParsedQuery:
        """This reading alone, without variants."""
        return ParsedQuery(self.raw, self.groups, self.phrases, self.excluded)

    @property
    def all_terms(self) -> list[Term]:
        """The words of every reading: what excerpts mark."""
        return [t for r in self.readings for t in r.terms]

    @property
    def is_empty(self) -> bool:
        return not self.groups

    def __bool__(self) -> bool:
        return not self.is_empty


_TOKEN_RE = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def parse_query(raw: str | None) -> ParsedQuery:
    """Parse reader input into a :class:`ParsedQuery`; never raises.

    Understood syntax: ``"quoted phrase"`` and ``-word``. A ``-`` applies to the
    syllables that follow it up to the next quote or ``-``, since a Vietnamese
    word spans several syllables (``-ma túy`` excludes the word "ma túy").
    Everything else (operators of FTS5 or Lucene, ``title:``, SQL, emoji) is
    treated as plain text: only letters and digits survive into terms.
    """
    text = nfc(raw or "")[:MAX_QUERY_CHARS]
    parsed = ParsedQuery(raw=text)
    excluding: list[Term] | None = None
    budget = MAX_QUERY_WORDS

    def close_exclusion():
        nonlocal excluding
        if excluding:
            parsed.excluded.append(excluding)
        excluding = None

    for m in _TOKEN_RE.finditer(text):
        negated, quoted, bare = m.group(1), m.group(2), m.group(3)
        if quoted is not None:
            close_exclusion()
            terms = [Term(w) for w in words(quoted)][:budget]
            budget -= len(terms)
            if not terms:
                continue
            if negated:
                parsed.excluded.append(terms)
            else:
                parsed.groups.append(terms)
                if len(terms) > 1:
                    parsed.phrases.append(terms)
            continue
        if bare == "-":
            continue
        if bare.startswith("-") and words(bare):
            close_exclusion()
            excluding = []
            bare = bare[1:]
        terms = [Term(w) for w in words(bare)][:budget]
        budget -= len(terms)
        if excluding is not None:
            excluding.extend(terms)
        else:
            parsed.groups.extend([t] for t in terms)
    close_exclusion()
    return parsed


def highlight(text: str, query: ParsedQuery, *, max_chars: int = 240) -> str:
    """An HTML-escaped excerpt of ``text`` around the first match, words in ``<mark>``.

    Falls back to the start of the text when nothing matches. Matching follows
    the same rules as search: marked words strictly, unmarked ones folded.
    """
    text = nfc(text)
    if not text:
        return ""
    strict = {t.key for t in query.all_terms if t.strict}
    loose = {t.key for t in query.all_terms if not t.strict}
    spans = [
        (s, e)
        for s, e, w in iter_word_spans(text)
        if (loose and fold_word(w) in loose) or (strict and dfold_word(w) in strict)
    ]
    start = 0
    if spans and len(text) > max_chars:
        first = spans[0][0]
        start = max(0, first - max_chars // 4)
        # Begin on a word boundary.
        while start > 0 and not text[start - 1].isspace():
            start -= 1
    end = min(len(text), start + max_chars)
    if end < len(text):
        while end > start and not text[end - 1].isspace():
            end -= 1
        end = end if end > start else min(len(text), start + max_chars)
    out, pos = [], start
    for s, e in spans:
        if s < start or e > end:
            continue
        out.append(html.escape(text[pos:s]))
        out.append("<mark>" + html.escape(text[s:e]) + "</mark>")
        pos = e
    out.append(html.escape(text[pos:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return prefix + "".join(out).strip() + suffix


def slugify_vi(text: str, max_length: int = 80) -> str:
    """A URL slug for Vietnamese text: "Đẩy mạnh…" → "day-manh"."""
    # Marks removed but the spelling kept: "Kỹ sư" → "ky-su", as people type it.
    slug = re.sub(r"[^a-z0-9]+", "-", nfc(text).lower().translate(_FOLD_TABLE)).strip("-")
    return slug[:max_length].rstrip("-") or "muc"


_TAG_RE = re.compile(r"<[^>]*>")


def plain(value: str) -> str:
    """Story text without markup, so excerpts never show tags."""
    value = value or ""
    return nfc(_TAG_RE.sub(" ", value) if "<" in value else value)


def loosen(parsed: ParsedQuery) -> ParsedQuery:
    """The same query with every word unmarked, as a loosened search matched it."""
    out = ParsedQuery(raw=parsed.raw, excluded=parsed.excluded)
    out.groups = [[Term(t.fold) for t in g] for g in parsed.groups]
    out.phrases = [[Term(t.fold) for t in g] for g in parsed.phrases]
    out.variants = [loosen(v) for v in parsed.variants]
    return out


def excerpt(intro: str, body: str, parsed: ParsedQuery) -> str:
    """Highlighted intro when it holds a reader's word, else the body around one."""
    lead = highlight(intro, parsed)
    if "<mark>" in lead or not body:
        return lead
    from_body = highlight(body, parsed)
    return from_body if "<mark>" in from_body else lead
