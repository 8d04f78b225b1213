"""Where an archive's categories and tags go: sections, campaigns, a field, tags.

A TOML file (``import_stories --mapping FILE``, documented in ``docs/importing.md``)::

    [sections]            # category → section page (slug or id)
    "guong-sang" = "dien-hinh-tien-tien"

    [campaigns]           # category or tag → campaign name
    "thi-dua-yeu-nuoc" = "Phong trào thi đua yêu nước"

    [fields]              # category or tag → field (lĩnh vực)
    "nong-nghiep" = "Nông nghiệp"

    [options]
    unmapped = "tags"     # other categories and tags: "tags" (story tags) or "ignore"

Keys match a term's slug (WordPress's ``nicename``) or its name, the name
however it is cased or composed. Without a file every term becomes a tag.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass

from django.utils.translation import gettext as _

from exemplars.importing.records import LineError, Term
from exemplars.text import name_key

__all__ = ["Filing", "Term", "TermMapping"]

SECTIONS, CAMPAIGNS, FIELDS = "sections", "campaigns", "fields"


@dataclass
class Filing:
    """Where one story's terms put it."""

    section: str = ""
    campaigns: list[str] = dataclasses.field(default_factory=list)
    field: str = ""
    tags: list[str] = dataclasses.field(default_factory=list)


@dataclass
class TermMapping:
    """The tables of a mapping file, keyed by slug and by :func:`name_key` of a name."""

    sections: dict[str, str] = dataclasses.field(default_factory=dict)
    campaigns: dict[str, str] = dataclasses.field(default_factory=dict)
    fields: dict[str, str] = dataclasses.field(default_factory=dict)
    keep_unmapped: bool = True

    @classmethod
    def load(cls, path) -> TermMapping:
        """Read a mapping file; a :class:`LineError` says what is wrong with it."""
        try:
            with open(path, "rb") as fh:
                data = tomllib.load(fh)
        except OSError as exc:
            raise LineError(
                _("không đọc được tệp ánh xạ %(path)s: %(err)s") % {"path": path, "err": exc}
            ) from None
        except tomllib.TOMLDecodeError as exc:
            raise LineError(
                _("tệp ánh xạ %(path)s không đúng TOML: %(err)s") % {"path": path, "err": exc}
            ) from None
        tables = {}
        for table in (SECTIONS, CAMPAIGNS, FIELDS):
            raw = data.get(table, {})
            if not isinstance(raw, dict) or not all(
                isinstance(k, str) and isinstance(v, str | int) for k, v in raw.items()
            ):
                raise LineError(
                    _('bảng [%(table)s] của tệp ánh xạ phải gồm các dòng "tên" = "giá trị"')
                    % {"table": table}
                )
            tables[table] = {_key(k): str(v).strip() for k, v in raw.items()}
        unmapped = data.get("options", {}).get("unmapped", "tags")
        if unmapped not in ("tags", "ignore"):
            raise LineError(_('options.unmapped chỉ nhận "tags" hoặc "ignore"'))
        return cls(**tables, keep_unmapped=unmapped == "tags")

    def _find(self, table: dict[str, str], term: Term) -> str | None:
        for key in (term.slug, term.name):
            if key and (value := table.get(_key(key))):
                return value
        return None

    def file(self, terms: list[Term]) -> Filing:
        """The section, campaigns, field and tags ``terms`` give a story."""
        filing = Filing()
        for term in terms:
            mapped = False
            if term.kind == "category" and (section := self._find(self.sections, term)):
                filing.section = filing.section or section
                mapped = True
            if campaign := self._find(self.campaigns, term):
                filing.campaigns.append(campaign)
                mapped = True
            if field_ := self._find(self.fields, term):
                filing.field = filing.field or field_
                mapped = True
            if not mapped and self.keep_unmapped and term.name.strip():
                filing.tags.append(term.name.strip())
        return filing


def _key(text: str) -> str:
    return name_key(str(text))
