from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from exemplars.desk.permissions import may_nominate
from exemplars.desk.pipeline import nominate
from exemplars.models import Exemplar, ExemplarStoryPage


class NominateForm(forms.Form):
    name = forms.CharField(label=_("Tên cá nhân, tập thể"), max_length=255)
    kind = forms.ChoiceField(label=_("Loại"), choices=Exemplar.Kind.choices)
    note = forms.CharField(
        label=_("Lý do đề cử"), max_length=500, required=False, widget=forms.Textarea
    )


class NominateView(WagtailAdminTemplateMixin, FormView):
    """Nominate the subject of a story as a candidate exemplar."""

    template_name = "exemplars/admin/nominate.html"
    form_class = NominateForm
    page_title = _("Đề cử điển hình")
    header_icon = "pick"

    def dispatch(self, request, page_id):
        self.story = get_object_or_404(ExemplarStoryPage, pk=page_id)
        if not (
            may_nominate(request.user) and self.story.permissions_for_user(request.user).can_edit()
        ):
            raise PermissionDenied
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.story.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.story.pk]),
                "label": self.story.title,
            },
            {"url": "", "label": self.page_title},
        ]

    def get_initial(self):
        return {"kind": Exemplar.Kind.INDIVIDUAL}

    def get_context_data(self, **kwargs):
        return super().get_context_data(story=self.story, **kwargs)

    def form_valid(self, form):
        try:
            exemplar = nominate(self.story, user=self.request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Đã đề cử “%(name)s” là điển hình (giai đoạn %(stage)s).")
            % {"name": exemplar.name, "stage": exemplar.get_stage_display()},
        )
        return redirect("wagtailadmin_pages:edit", self.story.pk)
