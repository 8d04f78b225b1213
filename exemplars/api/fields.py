"""What each of our models shows through the syndication API (Wagtail's ``api_fields``).

Declared here rather than on the models: the serializers write reader addresses
(``exemplars.reader.links``), and records never import the API or the reader
layer. Every endpoint reads a model's fields through :func:`api_fields`
(``PublicAPIMixin.get_body_fields``); a page type of the outlet's own keeps its
``api_fields`` attribute, as in any Wagtail site.
"""

from __future__ import annotations

from wagtail.api import APIField

from exemplars.api import serializers as api
from exemplars.models import (
    Campaign,
    CampaignPage,
    Exemplar,
    ExemplarHomePage,
    ExemplarStoryPage,
    Field,
    Locality,
    SectionPage,
)

API_FIELDS = {
    ExemplarHomePage: [APIField("intro", serializer=api.RichTextHTMLField())],
    SectionPage: [APIField("intro", serializer=api.RichTextHTMLField())],
    CampaignPage: [
        APIField("campaign", serializer=api.RecordField()),
        APIField("intro", serializer=api.RichTextHTMLField()),
    ],
    # Wagtail API v2 (exemplars/api/): what the portal and radio-TV syndicate.
    ExemplarStoryPage: [
        APIField("published_at"),
        APIField("intro"),
        APIField("hero_image"),
        APIField("hero_rendition", serializer=api.hero_rendition()),
        APIField("hero_caption"),
        APIField("hero_credit"),
        APIField("hero_alt"),
        APIField("body"),
        APIField("exemplar", serializer=api.ExemplarField()),
        APIField("campaigns", serializer=api.CampaignsField()),
        APIField("locality", serializer=api.LocalityField()),
        APIField("field", serializer=api.RecordField(route="field")),
        APIField("awards", serializer=api.AwardsField()),
        APIField("bylines", serializer=api.BylinesField()),
        APIField("tags"),
    ],
    Field: [
        APIField("name"),
        APIField("slug"),
        APIField("description"),
        APIField("html_url", serializer=api.RouteURLField("field")),
    ],
    Locality: [
        APIField("name"),
        APIField("slug"),
        APIField("kind"),
        APIField("parent", serializer=api.LocalityField()),
        APIField("successor", serializer=api.LocalityField()),
        APIField("change"),
        APIField("valid_until"),
        APIField("html_url", serializer=api.RouteURLField("locality")),
    ],
    Campaign: [
        APIField("name"),
        APIField("short_name"),
        APIField("slug"),
        APIField("start_year"),
        APIField("end_year"),
        APIField("status", serializer=api.StatusField()),
        APIField("level"),
        APIField("authority"),
        APIField("decision_number"),
        APIField("decision_date"),
        APIField("description", serializer=api.RichTextHTMLField()),
        APIField("parent", serializer=api.RecordField()),
        APIField("drives", serializer=api.DrivesField()),
        APIField("html_url", serializer=api.CampaignPageURLField()),
    ],
    Exemplar: [
        APIField("name"),
        APIField("slug"),
        APIField("kind"),
        APIField("locality", serializer=api.LocalityField()),
        APIField("field", serializer=api.RecordField(route="field")),
        APIField("bio"),
        APIField("portrait"),
        APIField("portrait_rendition", serializer=api.portrait_rendition()),
        APIField("honours", serializer=api.HonoursField()),
        APIField("html_url", serializer=api.RouteURLField("exemplar")),
    ],
}


def api_fields(model) -> list:
    """The fields ``model`` shows: ours by class (a subclass inherits them), else its own."""
    for cls in model.__mro__:
        if cls in API_FIELDS:
            return API_FIELDS[cls]
    return list(getattr(model, "api_fields", ()))
