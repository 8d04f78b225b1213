"""The booklet action on a campaign's admin: choose and order exemplars, download the PDF."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from wagtail.admin.auth import permission_denied
from wagtail.admin.widgets import Button
from wagtail.snippets.views.snippets import EditView as SnippetEditView

from exemplars.booklets.content import candidates
from exemplars.booklets.forms import BookletForm
from exemplars.booklets.models import Booklet, BookletEntry
from exemplars.booklets.render import BookletUnavailable, filename, render_booklet
from exemplars.models import Campaign


def may_make_booklet(user) -> bool:
    return user.has_perm("exemplars.change_campaign")


def booklet_view(request, pk: int):
    if not may_make_booklet(request.user):
        return permission_denied(request)
    campaign = get_object_or_404(Campaign, pk=pk)
    booklet = Booklet.objects.filter(campaign=campaign).first()
    saved = (
        {e.exemplar_id: i for i, e in enumerate(booklet.entries.order_by("sort_order"), 1)}
        if booklet
        else {}
    )
    pool = list(candidates(campaign))
    known = {e.pk for e in pool}
    pool += [
        e.exemplar
        for e in (booklet.entries.select_related("exemplar") if booklet else [])
        if e.exemplar_id not in known and e.exemplar.live
    ]
    pool.sort(key=lambda e: (saved.get(e.pk, 10_000), e.name))
    initial = {"colophon": booklet.colophon if booklet else ""}
    form = BookletForm(request.POST or None, candidates=pool, order=saved, initial=initial)
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data["exemplars"]
        try:
            rendered = render_booklet(
                campaign,
                chosen,
                form.cleaned_data["size"],
                form.cleaned_data["colophon"],
                include_restricted=form.cleaned_data["include_restricted"],
            )
        except BookletUnavailable:
            messages.error(
                request,
                _("Máy chủ chưa cài bộ dàn trang WeasyPrint (và Pango): chưa thể in ấn phẩm."),
            )
        else:
            # The choice is kept only once the booklet was made from it.
            with transaction.atomic():
                booklet, _created = Booklet.objects.update_or_create(
                    campaign=campaign, defaults={"colophon": form.cleaned_data["colophon"]}
                )
                booklet.entries.all().delete()
                BookletEntry.objects.bulk_create(
                    BookletEntry(booklet=booklet, exemplar=e, sort_order=i)
                    for i, e in enumerate(chosen)
                )
            response = HttpResponse(rendered.pdf, content_type="application/pdf")
            name = filename(campaign, form.cleaned_data["size"])
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            response["X-Booklet-Pages"] = str(rendered.pages)
            return response
    return TemplateResponse(
        request,
        "exemplars/booklets/admin/booklet_form.html",
        {"campaign": campaign, "form": form, "booklet": booklet},
        status=400 if request.method == "POST" else 200,
    )


class CampaignEditView(SnippetEditView):
    """The campaign's edit view, with the booklet action in its header menu."""

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if may_make_booklet(self.request.user):
            buttons.append(
                Button(
                    _("In ấn phẩm điển hình (PDF)"),
                    url=reverse("exemplars_campaign_booklet", args=[self.object.pk]),
                    icon_name="doc-full",
                    priority=30,
                )
            )
        return buttons
