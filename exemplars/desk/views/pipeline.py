from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from exemplars.desk.permissions import may_manage_pipeline
from exemplars.desk.pipeline import advance, board, next_stage
from exemplars.models import Campaign, Exemplar, Field, Locality


class PipelineFilterForm(forms.Form):
    campaign = forms.ModelChoiceField(
        label=_("Phong trào"), queryset=Campaign.objects.all(), required=False
    )
    locality = forms.ModelChoiceField(
        label=_("Địa phương"), queryset=Locality.objects.all(), required=False
    )
    field = forms.ModelChoiceField(
        label=_("Lĩnh vực"), queryset=Field.objects.all(), required=False
    )


class PipelineView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "exemplars/admin/pipeline.html"
    page_title = _("Công tác điển hình")
    header_icon = "pick"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("exemplars.view_exemplar"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = PipelineFilterForm(self.request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        columns = board(**{k: v for k, v in filters.items() if v})
        for column in columns:
            for exemplar in column.exemplars:
                exemplar.next_stage = next_stage(exemplar)
        context.update(
            form=form,
            columns=columns,
            can_advance=may_manage_pipeline(self.request.user),
            here=self.request.get_full_path(),
        )
        return context


class AdvanceStageView(View):
    def post(self, request, pk):
        if not may_manage_pipeline(request.user):
            raise PermissionDenied
        exemplar = get_object_or_404(Exemplar, pk=pk)
        try:
            change = advance(exemplar, user=request.user, note=request.POST.get("note", ""))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _("“%(name)s” chuyển sang giai đoạn %(stage)s.")
                % {"name": exemplar.name, "stage": change.get_stage_display()},
            )
        back = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(back, {request.get_host()}):
            back = reverse("exemplars_pipeline")
        return redirect(back or reverse("exemplars_pipeline"))
