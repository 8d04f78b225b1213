"""Importing archive stories into published, searchable story pages.

One module per archive format (:mod:`.jsonl`, :mod:`.wxr`, :mod:`.feeds`),
each making :class:`StoryLine` records (:mod:`.records`, the vocabulary every
module below shares); the importer that turns them into pages in :mod:`.base`
(batches, lookups, publishing, indexing); legacy Vietnamese encodings in
:mod:`.encodings`, HTML bodies in :mod:`.html`, category mapping in
:mod:`.mapping`. :func:`open_archive` (:mod:`.formats`) picks the reader for a
file by its content. Imports go one way: :mod:`.records` imports none of the
readers, the readers none of :mod:`.base` or :mod:`.formats`.
"""

from __future__ import annotations

from exemplars.importing.base import (
    BATCH_LINES,
    ImportResult,
    Lookups,
    StoryImporter,
    deferred_indexing,
    find_or_create,
    index_in_batches,
    publish_at,
    resolve_parent,
)
from exemplars.importing.formats import FORMATS, Archive, detect_format, open_archive
from exemplars.importing.html import body_blocks, body_paragraphs
from exemplars.importing.jsonl import parse_line, read_lines
from exemplars.importing.records import DEFAULT_LIMITS, LineError, StoryLine, limits, parse_datetime

__all__ = [
    "BATCH_LINES",
    "DEFAULT_LIMITS",
    "FORMATS",
    "Archive",
    "ImportResult",
    "LineError",
    "Lookups",
    "StoryImporter",
    "StoryLine",
    "body_blocks",
    "body_paragraphs",
    "deferred_indexing",
    "detect_format",
    "find_or_create",
    "index_in_batches",
    "limits",
    "open_archive",
    "parse_datetime",
    "parse_line",
    "publish_at",
    "read_lines",
    "resolve_parent",
]
