"""API fields for the records a story hangs on.

Related records are written out in full (name, slug, reader address) rather
than as Wagtail's nested ``{id, type, detail_url}``, so a portal can show a
story's byline, exemplar and campaigns without one request per relation. An
exemplar that is still a draft is never named: it serialises as ``null``.
"""

from __future__ import annotations

from rest_framework.fields import Field
from wagtail.images.api.fields import ImageRenditionField
from wagtail.rich_text import expand_db_html

from exemplars.reader.links import route_url

# What a syndicating site shows: a 16:9 card and a portrait.
HERO_RENDITION = "fill-1200x675"
PORTRAIT_RENDITION = "fill-600x800"


def absolute(context, url: str) -> str | None:
    if not url:
        return None
    request = context.get("request")
    return request.build_absolute_uri(url) if request is not None else url


def record(context, obj, route: str | None = None) -> dict | None:
    """``{id, name, slug, html_url}`` of a campaign, locality, field or exemplar."""
    if obj is None:
        return None
    out = {"id": obj.pk, "name": obj.name, "slug": obj.slug}
    if route:
        out["html_url"] = absolute(context, route_url(route, obj.slug, context.get("request")))
    return out


class LocalityField(Field):
    def to_representation(self, locality):
        data = record(self.context, locality, "locality")
        data["kind"] = locality.kind or None
        return data


class RecordField(Field):
    """A field of work, award or other named record, optionally with its reader page."""

    def __init__(self, route: str | None = None, **kwargs):
        self.route = route
        super().__init__(**kwargs)

    def to_representation(self, obj):
        return record(self.context, obj, self.route)


class ExemplarField(Field):
    """The story's exemplar, or ``null`` while that profile is unpublished."""

    def get_attribute(self, instance):
        exemplar = instance.exemplar if instance.exemplar_id else None
        return exemplar if exemplar is not None and exemplar.live else None

    def to_representation(self, exemplar):
        data = record(self.context, exemplar, "exemplar")
        data["kind"] = exemplar.kind
        return data


class CampaignsField(Field):
    def to_representation(self, campaigns):
        return [
            record(self.context, c) | {"short_name": c.short_name or None} for c in campaigns.all()
        ]


class AwardsField(Field):
    def to_representation(self, awards):
        return [record(self.context, a) for a in awards.all()]


class BylinesField(Field):
    """Authors in byline order: the pen name readers see, and the full name."""

    def to_representation(self, bylines):
        return [
            {
                "name": b.author.name,
                "full_name": b.author.full_name or None,
                "slug": b.author.slug,
            }
            for b in bylines.all()
        ]


class HonoursField(Field):
    """An exemplar's honours: award, level, issuing body, decision, campaign."""

    def to_representation(self, honours):
        return [
            {
                "award": record(self.context, h.award),
                "level": h.level or None,
                "issuing_body": h.issuing_body or h.award.issuing_body or None,
                "decision_number": h.decision_number or None,
                "date": h.date.isoformat() if h.date else None,
                "campaign": record(self.context, h.campaign),
            }
            for h in honours.all()
        ]


class DrivesField(Field):
    def to_representation(self, drives):
        return [
            {
                "name": d.name,
                "occasion": d.occasion or None,
                "start_date": d.start_date.isoformat(),
                "end_date": d.end_date.isoformat() if d.end_date else None,
            }
            for d in drives.all()
        ]


class RichTextHTMLField(Field):
    """Rich text with internal links and images resolved to public addresses."""

    def to_representation(self, value):
        return expand_db_html(value) if value else ""


class RouteURLField(Field):
    """The reader page of an exemplar, locality or field (a route of the home page)."""

    def __init__(self, route: str, **kwargs):
        self.route = route
        kwargs.setdefault("source", "slug")
        super().__init__(**kwargs)

    def to_representation(self, slug):
        return absolute(self.context, route_url(self.route, slug, self.context.get("request")))


class CampaignPageURLField(Field):
    """The campaign's landing page when it is live and public, else ``null``."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, campaign):
        # A campaign without a landing page raises on ``.page``; getattr's default catches it.
        page = getattr(campaign, "page", None)
        if page is None or not page.live or page.get_view_restrictions().exists():
            return None
        return absolute(self.context, page.get_url(self.context.get("request")))


class StatusField(Field):
    def get_attribute(self, instance):
        return instance

    def to_representation(self, campaign):
        return str(campaign.status)


def hero_rendition() -> ImageRenditionField:
    return ImageRenditionField(HERO_RENDITION, source="hero_image")


def portrait_rendition() -> ImageRenditionField:
    return ImageRenditionField(PORTRAIT_RENDITION, source="portrait")
