"""How page models reach the reader layer without importing it.

Wagtail asks a page itself for its template context (``get_context``), for the
views of its routes (``RoutablePageMixin``), for what lies below it
(``route``) and for its sitemap entries. Those answers are the reader layer's
work (listings, structured data, breadcrumbs), and the reader layer imports the
models, so the models may not import it back. Instead each page model asks this
registry, and ``exemplars.reader.pages.register_page_views()`` fills it from
``ExemplarsConfig.ready()``, before any request is served.

Plain data, no models and no reader code: both sides import it. A page class
with nothing registered gets Wagtail's own behaviour (no extra context, its
routes answer 404, Wagtail's own path resolution and sitemap).
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import Http404

_contexts: dict[type, Callable] = {}
_views: dict[str, Callable] = {}


def register_context(page_class: type, builder: Callable) -> None:
    """``builder(page, request) -> dict`` adds to ``page_class``'s template context."""
    _contexts[page_class] = builder


def register_view(name: str, view: Callable) -> None:
    """``view(page, request, **kwargs)`` answers the route or question called ``name``."""
    _views[name] = view


def context(page, request) -> dict:
    """What the reader layer adds to ``page``'s context (the nearest registered class)."""
    for cls in type(page).__mro__:
        builder = _contexts.get(cls)
        if builder is not None:
            return builder(page, request)
    return {}


def view(name: str, default: Callable | None = None) -> Callable:
    """The registered view ``name``; ``default``, or a 404, while none is registered."""
    found = _views.get(name, default)
    if found is None:
        raise Http404(name)
    return found
