"""The rules editors' pins follow when a page with pins is saved.

Pins are inline panels on ``ExemplarHomePage`` and ``CampaignPage`` (drag to reorder
comes from ``Orderable``); each pin's own date range is checked by
``PinBase.clean``. What a single pin cannot see is its siblings, so the page
form refuses a story pinned twice on one page here. Which pins readers see
(active, of live stories, in the editors' order) is decided by
``exemplars.reader.listings.active_pin_story_ids`` and ``pinned_then_newest``.

This module is imported by ``models/pages.py``: it must not import models.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

PIN_FORMSET = "pins"


def duplicate_pin_forms(formset) -> list:
    """The pin forms (kept, not deleted) whose story an earlier pin already holds."""
    seen, duplicates = set(), []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None) or {}
        story = data.get("story")
        if story is None or data.get("DELETE"):
            continue
        if story.pk in seen:
            duplicates.append(form)
        seen.add(story.pk)
    return duplicates


class PinnedPageForm(WagtailAdminPageForm):
    """The admin form of a page with pins: one pin per story."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get(PIN_FORMSET)
        if formset is None or not formset.is_valid():
            return cleaned
        duplicates = duplicate_pin_forms(formset)
        titles = ", ".join(str(f.cleaned_data["story"]) for f in duplicates)
        for form in duplicates:
            form.add_error("story", _("Bài này đã được ghim trên trang."))
        if duplicates:
            raise ValidationError(
                _("Mỗi bài chỉ được ghim một lần trên một trang: %(titles)s.") % {"titles": titles}
            )
        return cleaned
