"""Reader search: the HTML page and the JSON API share one form and one service call."""

from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_safe

from . import registry, service
from .forms import SearchParamsForm
from .query import FACET_NAMES, SearchResults
from .text import MAX_QUERY_CHARS

FACET_TITLES = {
    "campaign": gettext_lazy("Phong trào"),
    "locality": gettext_lazy("Địa phương"),
    "field": gettext_lazy("Lĩnh vực"),
    "kind": gettext_lazy("Loại điển hình"),
    "year": gettext_lazy("Năm"),
}
# Parameters that hold several values (the others hold one).
MULTI = ("campaign", "locality", "field")


def results_json(results: SearchResults) -> dict:
    return {
        "query": results.query,
        "total": results.total,
        "page": results.page,
        "pages": results.pages,
        "results": [
            {
                "id": h.id,
                "title": h.title,
                "url": h.url,
                "excerpt": h.excerpt,
                # The newsroom's own clock: 2024-04-12T13:38:00+07:00.
                "published": timezone.localtime(h.published).isoformat(),
                "campaigns": h.campaigns,
                "locality": h.locality,
                "field": h.field,
                "kind": h.kind,
                "exemplar": h.exemplar,
                "score": h.score,
            }
            for h in results.hits
        ],
        # Additive to the documented shape: true when nothing matched the marks the
        # reader typed and the words were matched without them ("lụa" → "lua").
        "loosened": results.loosened,
        # Additive too: the corrected query when the reader's words found nothing
        # and a spelling slip's correction did ("tình nguyệng" → "tình nguyện");
        # the results are then the correction's. null otherwise.
        "did_you_mean": results.did_you_mean,
        "facets": {
            name: [{"value": v.value, "label": v.label, "count": v.count} for v in values]
            for name, values in results.facets.items()
        },
    }


# Read-only JSON: other methods get 405 with Allow (not CSRF's 403); HEAD as GET.
@csrf_exempt
@require_safe
def search_api(request):
    form = SearchParamsForm.from_querydict(request.GET)
    if not form.is_valid():
        return JsonResponse({"error": form.error_message()}, status=400)
    results = service.search(form.to_request())
    return JsonResponse(results_json(results), json_dumps_params={"ensure_ascii": False})


@csrf_exempt
@require_safe
def suggest_api(request):
    q = request.GET.get("q", "")[:MAX_QUERY_CHARS]
    suggestions = service.suggest(q) if q.strip() else []
    return JsonResponse(
        {"suggestions": [{"title": s.title, "url": s.url} for s in suggestions]},
        json_dumps_params={"ensure_ascii": False},
    )


# -- the HTML page -------------------------------------------------------------


def _params(form) -> list[tuple[str, str]]:
    """The reader's current parameters as (name, value) pairs, without paging."""
    d = form.cleaned_data
    pairs = [("q", d["q"])] if d["q"] else []
    for name in MULTI:
        pairs += [(name, v) for v in d[name]]
    for name in ("kind", "year"):
        if d[name]:
            pairs.append((name, str(d[name])))
    if d["sort"] and d["sort"] != "relevance":
        pairs.append(("sort", d["sort"]))
    return pairs


def _url(pairs) -> str:
    base = reverse("exemplars_search:search")
    return f"{base}?{urlencode(pairs)}" if pairs else base


def _facet_blocks(form, results: SearchResults):
    """Facet lists whose links toggle a value, and chips that remove one."""
    pairs = _params(form)
    labels = {(name, v.value): v.label for name, values in results.facets.items() for v in values}
    chips = [
        {
            "name": name,
            "title": FACET_TITLES[name],
            "label": labels.get((name, value)) or registry.facet_label(name, value) or value,
            "remove_url": _url([p for p in pairs if p != (name, value)]),
        }
        for name, value in pairs
        if name in FACET_NAMES
    ]
    blocks = []
    for name in FACET_NAMES:
        values = []
        for v in results.facets.get(name, []):
            active = (name, v.value) in pairs
            if active:
                toggled = [p for p in pairs if p != (name, v.value)]
            elif name in MULTI:
                toggled = pairs + [(name, v.value)]
            else:
                toggled = [p for p in pairs if p[0] != name] + [(name, v.value)]
            values.append({"value": v, "active": active, "url": _url(toggled)})
        if values:
            blocks.append({"name": name, "title": FACET_TITLES[name], "values": values})
    return chips, blocks


@require_GET
def search_page(request):
    form = SearchParamsForm.from_querydict(request.GET)
    context = {"form": form, "q": request.GET.get("q", "")[:MAX_QUERY_CHARS]}
    if not form.is_valid():
        context["error"] = form.error_message()
        return render(request, "exemplars_search/search.html", context, status=400)
    search_request = form.to_request()
    results = service.search(search_request)
    chips, facet_blocks = _facet_blocks(form, results)
    pairs = _params(form)
    page = search_request.page
    context.update(
        q=search_request.q,
        results=results,
        chips=chips,
        facet_blocks=facet_blocks,
        sort=search_request.sort,
        sort_urls={
            "relevance": _url([p for p in pairs if p[0] != "sort"]),
            "newest": _url([p for p in pairs if p[0] != "sort"] + [("sort", "newest")]),
        },
        hidden=[p for p in pairs if p[0] != "q"],
        did_you_mean_url=(
            _url([("q", results.did_you_mean)] + [p for p in pairs if p[0] != "q"])
            if results.did_you_mean
            else None
        ),
        previous_url=_url(pairs + [("page", page - 1)]) if page > 1 else None,
        next_url=_url(pairs + [("page", page + 1)]) if page < results.pages else None,
    )
    return render(request, "exemplars_search/search.html", context)
