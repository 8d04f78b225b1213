"""Which content is searchable, and how it becomes a :class:`SearchDocument`.

Content opts in from its own app (``exemplars.apps`` registers the story page),
so this app never imports content models by name.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .documents import SearchDocument


class SearchAdapter:
    """Turns instances of one model into documents.

    Subclass it beside the model: ``queryset()`` lists what a rebuild indexes
    (with the related rows it needs prefetched) and ``to_document()`` flattens
    one instance. ``related_ids(instance)`` tells which indexed ids a change to
    some other object (a locality merge, a renamed campaign) affects.
    """

    model = None

    def queryset(self):
        raise NotImplementedError

    def to_document(self, obj) -> SearchDocument:
        raise NotImplementedError

    def iter_documents(self, batch_size: int = 500) -> Iterator[SearchDocument]:
        qs = self.queryset()
        for obj in qs.iterator(chunk_size=batch_size):
            yield self.to_document(obj)

    def documents_for_ids(self, ids: Iterable[int]) -> list[SearchDocument]:
        return [self.to_document(obj) for obj in self.queryset().filter(pk__in=list(ids))]

    def facet_label(self, facet: str, value: str) -> str | None:
        """The label readers see for a filter value no result carries (a chip for a
        locality with no match): None when this adapter does not know it."""
        return None


_adapters: dict[type, SearchAdapter] = {}


def register(model, adapter: SearchAdapter) -> None:
    """Make ``model`` searchable through ``adapter``."""
    adapter.model = model
    _adapters[model] = adapter


def get_adapter(model_or_obj) -> SearchAdapter | None:
    cls = model_or_obj if isinstance(model_or_obj, type) else type(model_or_obj)
    for model, adapter in _adapters.items():
        if issubclass(cls, model):
            return adapter
    return None


def adapters() -> list[SearchAdapter]:
    return list(_adapters.values())


def facet_label(facet: str, value: str) -> str | None:
    """Ask every adapter for the label of a filter value; None when nobody knows it."""
    for adapter in _adapters.values():
        label = adapter.facet_label(facet, value)
        if label:
            return label
    return None
