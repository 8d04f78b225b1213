"""The booklet action in the campaign admin (imported by ``exemplars/wagtail_hooks.py``)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from exemplars.booklets.views import booklet_view, may_make_booklet
from exemplars.models import Campaign


@hooks.register("register_admin_urls")
def register_booklet_url():
    return [
        path("dien-hinh/an-pham/<int:pk>/", booklet_view, name="exemplars_campaign_booklet"),
    ]


@hooks.register("register_snippet_listing_buttons")
def booklet_listing_button(snippet, user, next_url=None):
    if isinstance(snippet, Campaign) and may_make_booklet(user):
        yield Button(
            _("In ấn phẩm điển hình (PDF)"),
            url=reverse("exemplars_campaign_booklet", args=[snippet.pk]),
            icon_name="doc-full",
            priority=30,
        )
