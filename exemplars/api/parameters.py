"""What a reader may put in an API query string, checked before it reaches a query.

Wagtail's API v2 answers most bad parameters with ``BadRequestError`` (400 and
``{"message": ...}``), but some values reach the database or the search backend
unchecked and answer 500: an offset past a 64-bit integer, a foreign key or
integer filter out of its column's range, a date filter that is not a date, a
``search_operator`` other than and/or, a ``find/?id=`` that is not a number, a
NUL character (PostgreSQL refuses it in any string). Each is refused here, by
the same rule on SQLite and PostgreSQL, with a message in Wagtail's words and
language (the API is for machines; its other messages are Wagtail's English).
An id past its key's type (``/pages/99999999999999999999/``) names nothing:
404, as any missing id.

A parameter naming something that does not exist (``?locale=``, ``?site=``)
answers 400 as ``?child_of=`` does upstream, not 404: the endpoint exists.
"""

from __future__ import annotations

import re

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import connection, models
from django.db.backends.base.operations import BaseDatabaseOperations
from django.http import Http404
from wagtail.api.v2.filters import FieldsFilter, LocaleFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Locale

# The largest OFFSET SQLite and PostgreSQL take (a signed 64-bit integer).
MAX_OFFSET = 2**63 - 1
SEARCH_OPERATORS = ("and", "or")
DIGITS = re.compile(r"[0-9]+")

# Filter values Django parses before the query: a value it cannot parse raises
# ValidationError (or OverflowError) inside the query, so they are parsed here first.
PARSED_FIELDS = (
    models.DateField,  # DateTimeField too
    models.TimeField,
    models.DurationField,
    models.DecimalField,
    models.FloatField,
    models.IntegerField,  # AutoField and the other integer fields too
    models.UUIDField,
)
INTEGER_RANGES = BaseDatabaseOperations.integer_field_ranges
WIDEST_RANGE = INTEGER_RANGES["BigIntegerField"]


def check_request(request) -> None:
    """Checks every endpoint and view shares: no NUL anywhere, a known search operator."""
    for name, values in request.GET.lists():
        if "\x00" in name or any("\x00" in value for value in values):
            raise BadRequestError("null characters are not allowed in query parameters")
    operator = request.GET.get("search_operator")
    if operator is not None and operator.lower() not in SEARCH_OPERATORS:
        raise BadRequestError("search_operator must be 'and' or 'or'")


def integer_range(field) -> tuple[int, int]:
    """The values an integer field (or a key to one) holds, whatever the database."""
    target = field.target_field if isinstance(field, models.ForeignKey) else field
    return INTEGER_RANGES.get(target.get_internal_type(), WIDEST_RANGE)


def check_pk(model, pk: int) -> None:
    """An id past the key's type names nothing (404); in the query, SQLite raises on it.

    Django answers an out-of-range integer lookup with no rows, but not through a
    relation: a story's key is its link to its page (``type=`` on a detail view).
    """
    low, high = integer_range(model._meta.pk)
    if not low <= pk <= high:
        raise Http404("not found")


def check_find_id(request, model) -> None:
    """``find/?id=`` is looked up as given: anything but digits would raise in the query."""
    if "id" not in request.GET:
        return
    if not DIGITS.fullmatch(request.GET["id"]):
        raise BadRequestError("id must be a positive integer")
    check_pk(model, int(request.GET["id"]))


def check_field_value(field, value: str) -> None:
    """Parse ``value`` as the query will, and keep integers inside the column's type.

    The range is the field type's own, not the connected database's (SQLite
    takes 64 bits in every integer column), so one URL answers the same on both.
    """
    target = field.target_field if isinstance(field, models.ForeignKey) else field
    if not isinstance(target, PARSED_FIELDS):
        return
    try:
        parsed = target.to_python(value)
        target.get_db_prep_value(parsed, connection, prepared=False)
    except (ValidationError, ValueError, OverflowError) as e:
        reason = "; ".join(e.messages) if isinstance(e, ValidationError) else str(e)
        raise BadRequestError(
            f"field filter error. '{value}' is not a valid value for {field.name} ({reason})"
        ) from e
    if isinstance(target, models.IntegerField) and parsed is not None:
        low, high = integer_range(target)
        if not low <= parsed <= high:
            raise BadRequestError(
                f"field filter error. '{value}' is not a valid value for {field.name} "
                f"(out of range {low}..{high})"
            )


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail's ``?field=value`` filters, each value parsed before the query runs."""

    def filter_queryset(self, request, queryset, view):
        # The same fields upstream filters on (locale has its own filter).
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True)) - {"locale"}
        for name, value in request.GET.items():
            if name not in fields:
                continue
            try:
                field = queryset.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            check_field_value(field, value)
        return super().filter_queryset(request, queryset, view)


class CheckedLocaleFilter(LocaleFilter):
    """``?locale=`` naming no locale is a bad parameter (400), not a missing page (404)."""

    def filter_queryset(self, request, queryset, view):
        code = request.GET.get("locale")
        if code is not None and not Locale.objects.filter(language_code=code).exists():
            raise BadRequestError("locale doesn't exist")
        return super().filter_queryset(request, queryset, view)


def checked_filters(backends: list) -> list:
    """A view's filter backends with upstream's unchecked ones swapped for ours."""
    checked = {FieldsFilter: CheckedFieldsFilter, LocaleFilter: CheckedLocaleFilter}
    return [checked.get(backend, backend) for backend in backends]


class BoundedPagination(WagtailPagination):
    """Wagtail's limit/offset, with an offset the database can take."""

    def paginate_queryset(self, queryset, request, view=None):
        try:
            offset = int(request.GET.get("offset", 0))
        except ValueError:
            offset = 0  # upstream answers it: "offset must be a positive integer"
        if offset > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)
