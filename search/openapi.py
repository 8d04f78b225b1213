"""The OpenAPI 3.1 description of the reader search API, served at ``/api/openapi.json``.

Written by hand and versioned: it is a promise to the outlets that call us, so
it changes only on purpose. ``tests/api/test_openapi.py`` keeps it honest: its
parameters must be the form's, real answers must validate against it, and
schemathesis fuzzes every operation through it.
"""

from __future__ import annotations

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from .forms import MAX_FILTER_VALUES
from .query import FACET_NAMES, KINDS, MAX_PAGE_SIZE, SORTS

NULLABLE_STRING = {"type": ["string", "null"]}


def _filter(description: str) -> dict:
    return {
        "in": "query",
        "required": False,
        "description": description,
        "style": "form",
        "explode": True,
        "schema": {
            "type": "array",
            "maxItems": MAX_FILTER_VALUES,
            "items": {"type": "string", "maxLength": 120},
        },
    }


# The reader's HTML form sends every field, so an empty value means the default.
EMPTY = {"type": "string", "maxLength": 0}


def _integer(description: str, minimum: int, maximum: int) -> dict:
    return {
        "in": "query",
        "required": False,
        "description": description + " Empty: the default.",
        "schema": {"anyOf": [{"type": "integer", "minimum": minimum, "maximum": maximum}, EMPTY]},
    }


SEARCH_PARAMETERS = {
    "q": {
        "in": "query",
        "required": False,
        "description": "Words to find, with or without Vietnamese marks; "
        '"quoted phrases" and -excluded words are understood. Cut at 200 characters.',
        "schema": {"type": "string"},
    },
    "campaign": _filter("Campaign slug; repeat for several (any of them)."),
    "locality": _filter("Locality slug; repeat for several (any of them)."),
    "field": _filter("Field-of-work slug; repeat for several (any of them)."),
    "kind": {
        "in": "query",
        "required": False,
        "description": "Individual or collective exemplars. Empty: both.",
        "schema": {"type": "string", "enum": [*KINDS, ""]},
    },
    "year": _integer("Year of publication (+07:00).", 1900, 2100),
    "sort": {
        "in": "query",
        "required": False,
        "description": "Empty: relevance.",
        "schema": {"type": "string", "enum": [*SORTS, ""], "default": "relevance"},
    },
    "page": _integer("Page number, from 1.", 1, 10_000),
    "page_size": _integer("Results per page (default 20).", 1, MAX_PAGE_SIZE),
}

FACET_VALUE = {
    "type": "object",
    "required": ["value", "label", "count"],
    "properties": {
        "value": {"type": "string", "description": "What to pass back as the parameter."},
        "label": {"type": "string"},
        "count": {"type": "integer", "minimum": 0},
    },
    "additionalProperties": False,
}

HIT = {
    "type": "object",
    "required": [
        "id",
        "title",
        "url",
        "excerpt",
        "published",
        "campaigns",
        "locality",
        "field",
        "kind",
        "exemplar",
        "score",
    ],
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "url": {"type": "string", "description": "The story's address on this site."},
        "excerpt": {
            "type": "string",
            "description": "HTML: escaped text with the matched words in <mark>.",
        },
        "published": {
            "type": "string",
            "format": "date-time",
            "description": "In the newsroom's time zone: 2024-04-12T13:38:00+07:00.",
        },
        "campaigns": {"type": "array", "items": {"type": "string"}},
        "locality": NULLABLE_STRING,
        "field": NULLABLE_STRING,
        "kind": {"type": ["string", "null"], "enum": [*KINDS, None]},
        "exemplar": NULLABLE_STRING,
        "score": {"type": "number"},
    },
    "additionalProperties": False,
}

SEARCH_RESULTS = {
    "type": "object",
    "required": ["query", "total", "page", "pages", "results", "loosened", "facets"],
    "properties": {
        "query": {"type": "string", "description": "The query as understood (NFC, cut)."},
        "total": {"type": "integer", "minimum": 0},
        "page": {"type": "integer", "minimum": 1},
        "pages": {"type": "integer", "minimum": 0},
        "results": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}},
        "loosened": {
            "type": "boolean",
            "description": "True when nothing matched the marks typed and the words "
            "were matched without them (“lụa” → “lua”).",
        },
        "did_you_mean": {
            "type": ["string", "null"],
            "description": "The corrected query when the words found nothing and a "
            "spelling slip's correction did; the results are then the correction's.",
        },
        "facets": {
            "type": "object",
            "propertyNames": {"enum": list(FACET_NAMES)},
            "additionalProperties": {
                "type": "array",
                "items": {"$ref": "#/components/schemas/FacetValue"},
            },
        },
    },
    "additionalProperties": False,
}

ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "string",
            "description": "One sentence, in Vietnamese, naming the bad parameter.",
        }
    },
    "additionalProperties": False,
}

SUGGESTIONS = {
    "type": "object",
    "required": ["suggestions"],
    "properties": {
        "suggestions": {
            "type": "array",
            "maxItems": 8,
            "items": {
                "type": "object",
                "required": ["title", "url"],
                "properties": {"title": {"type": "string"}, "url": {"type": "string"}},
                "additionalProperties": False,
            },
        }
    },
    "additionalProperties": False,
}

CACHE_CONTROL = {
    "Cache-Control": {
        "description": "Shared caches may keep an answer briefly (30 s by default).",
        "schema": {"type": "string"},
    }
}


def _json(schema_name: str, description: str, headers: dict | None = None) -> dict:
    out = {
        "description": description,
        "content": {
            "application/json": {"schema": {"$ref": f"#/components/schemas/{schema_name}"}}
        },
    }
    if headers:
        out["headers"] = headers
    return out


DOCUMENT = {
    "openapi": "3.1.0",
    "info": {
        "title": "Exemplars reader search",
        "version": "1.1.0",
        "description": "Vietnamese full-text search over the published exemplar stories. "
        "Read-only: every operation answers GET and HEAD; any other method is 405. "
        "Version 1.1 added `loosened` and `did_you_mean`; clients must ignore keys "
        "they do not know.",
    },
    "servers": [{"url": "/"}],
    "paths": {
        "/api/search/": {
            "get": {
                "operationId": "search",
                "summary": "Search published stories, with facets",
                "parameters": [{"name": name, **p} for name, p in SEARCH_PARAMETERS.items()],
                "responses": {
                    "200": _json("SearchResults", "A page of results.", CACHE_CONTROL),
                    "400": _json("Error", "A parameter is out of range or malformed."),
                },
            }
        },
        "/api/search/suggest/": {
            "get": {
                "operationId": "suggest",
                "summary": "Complete a title from what has been typed",
                "parameters": [
                    {
                        "name": "q",
                        "in": "query",
                        "required": False,
                        "description": "What the reader typed so far; empty gives none.",
                        "schema": {"type": "string"},
                    }
                ],
                "responses": {"200": _json("Suggestions", "Up to 8 titles.", CACHE_CONTROL)},
            }
        },
        "/api/openapi.json": {
            "get": {
                "operationId": "openapi",
                "summary": "This document",
                "responses": {
                    "200": {
                        "description": "OpenAPI 3.1",
                        "content": {"application/json": {"schema": {"type": "object"}}},
                    }
                },
            }
        },
    },
    "components": {
        "schemas": {
            "SearchResults": SEARCH_RESULTS,
            "Hit": HIT,
            "FacetValue": FACET_VALUE,
            "Suggestions": SUGGESTIONS,
            "Error": ERROR,
        }
    },
}


@csrf_exempt
@require_safe
def openapi_document(request):
    return JsonResponse(DOCUMENT, json_dumps_params={"ensure_ascii": False})
