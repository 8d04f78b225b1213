"""How an exemplar story becomes a search document (registered in ``apps.py``)."""

from __future__ import annotations

import html
import re

from django.utils.html import strip_tags
from wagtail.models import PageViewRestriction

from exemplars.models import Campaign, Exemplar, ExemplarStoryPage, Field, Locality
from exemplars.models.snippets import LocalityLinks
from exemplars_search.documents import Facet, SearchDocument
from exemplars_search.registry import SearchAdapter

_BLOCK_END_RE = re.compile(r"</(p|h[1-6]|li|blockquote|div)>|<br\s*/?>", re.IGNORECASE)


def html_to_text(markup: str) -> str:
    """Plain text of rich-text HTML, with block boundaries kept as spaces."""
    return " ".join(html.unescape(strip_tags(_BLOCK_END_RE.sub(" ", markup or ""))).split())


def body_text(body) -> str:
    """The words of a story body that readers should find it by."""
    parts: list[str] = []
    for block in body:
        kind, value = block.block_type, block.value
        if kind == "paragraph":
            parts.append(html_to_text(value.source))
        elif kind == "quote":
            parts += [value["quote"], value.get("attribution") or ""]
        elif kind == "image":
            parts.append(value.get("caption") or "")
        elif kind == "gallery":
            parts += [value.get("title") or ""] + [
                img.get("caption") or "" for img in value["images"]
            ]
        elif kind == "video":
            parts.append(value.get("caption") or "")
        elif kind == "fact_box":
            parts += [value.get("title") or ""] + list(value["facts"])
    return "\n".join(p for p in parts if p)


class StoryAdapter(SearchAdapter):
    """Flattens :class:`ExemplarStoryPage` into a :class:`SearchDocument`."""

    def __init__(self):
        self._lineage_cache: dict[int, list[str]] = {}
        self._links: LocalityLinks | None = None
        self._slugs: dict[int, str] = {}
        self._restricted_paths: tuple[str, ...] | None = None

    def reset(self):
        """Forget cached locality lineages and view restrictions (after they change)."""
        self._lineage_cache.clear()
        self._links = None
        self._restricted_paths = None

    def queryset(self):
        return (
            ExemplarStoryPage.objects.live()
            .select_related("exemplar", "locality", "field")
            .prefetch_related("campaigns")
            .order_by("pk")
        )

    def iter_documents(self, batch_size: int = 500):
        self.reset()
        return super().iter_documents(batch_size)

    def documents_for_ids(self, ids):
        self.reset()
        return super().documents_for_ids(ids)

    def locality_slugs(self, locality: Locality) -> list[str]:
        if locality.pk not in self._lineage_cache:
            if self._links is None:
                # One load of the map per batch, not a walk per story.
                self._links = LocalityLinks.load()
                self._slugs = dict(Locality.objects.values_list("pk", "slug"))
            ids = self._links.lineage(locality.pk)
            self._lineage_cache[locality.pk] = [self._slugs[pk] for pk in ids if pk in self._slugs]
        return self._lineage_cache[locality.pk]

    def is_public(self, page) -> bool:
        if self._restricted_paths is None:
            self._restricted_paths = tuple(
                PageViewRestriction.objects.values_list("page__path", flat=True)
            )
        return page.live and not any(page.path.startswith(p) for p in self._restricted_paths)

    def facet_label(self, facet: str, value: str) -> str | None:
        models = {"campaign": Campaign, "locality": Locality, "field": Field}
        if facet in models:
            return models[facet].objects.filter(slug=value).values_list("name", flat=True).first()
        if facet == "kind" and value in Exemplar.Kind.values:
            return str(Exemplar.Kind(value).label)
        return None

    def to_document(self, page: ExemplarStoryPage) -> SearchDocument:
        return SearchDocument(
            id=page.pk,
            title=page.title,
            intro=page.intro,
            body=body_text(page.body),
            url=page.url or "",
            published=page.display_date,
            live=self.is_public(page),
            kind=page.exemplar.kind if page.exemplar else None,
            # A profile still in draft is not named to readers.
            exemplar=page.exemplar.name if page.exemplar and page.exemplar.live else None,
            campaigns=[Facet(c.slug, c.name) for c in page.campaigns.all()],
            locality=Facet(page.locality.slug, page.locality.name) if page.locality else None,
            localities=self.locality_slugs(page.locality) if page.locality else [],
            field=Facet(page.field.slug, page.field.name) if page.field else None,
        )


story_adapter = StoryAdapter()
