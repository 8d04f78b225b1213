"""Editorial workflow models: the honour verification step of moderation.

``HonourVerificationTask`` is a Wagtail workflow task (created with the
moderation workflow by ``manage.py setup_roles``). Its reviewers approve a
story only after confirming each honour the story cites against the
exemplar's records; the comparison is shown in the task's action modal.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, TaskState

from exemplars.honours import blocking_problems, check_honours

APPROVE_TEMPLATE = "exemplars/admin/honour_verification_modal.html"


class _AnyValueMultipleChoiceField(forms.MultipleChoiceField):
    # The choices are the honour blocks of the revision under review, known
    # only once the task state is; ``clean()`` checks them against it.
    def valid_value(self, value):
        return True


def story_under_review(task_state):
    """The version of the story that approval would publish (its latest revision)."""
    obj = task_state.workflow_state.content_object
    return obj.get_latest_revision().as_object()


class HonourVerificationForm(forms.Form):
    """The approve modal's form: a comment and one tick per cited honour."""

    task_state_id = forms.IntegerField(widget=forms.HiddenInput)
    confirmed = _AnyValueMultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)
    comment = forms.CharField(label=_("Ghi chú"), widget=forms.Textarea, required=False)

    def clean(self):
        data = super().clean()
        state_id = data.get("task_state_id")
        state = (
            TaskState.objects.filter(pk=state_id, status=TaskState.STATUS_IN_PROGRESS).first()
            if state_id
            else None
        )
        if state is None:
            raise ValidationError(_("Bước duyệt này không còn chờ xử lý."))
        problems = blocking_problems(
            check_honours(story_under_review(state)), set(data.get("confirmed") or [])
        )
        if problems:
            raise ValidationError(problems)
        return data


class HonourVerificationTask(AbstractGroupApprovalTask):
    """Moderation step: an editor confirms each honour the story cites (award,
    issuing body, decision number) against the exemplar's ``Honour`` records.

    Approval is refused while any cited honour is missing from the record,
    differs from it, or has not been ticked as confirmed.
    """

    def get_actions(self, obj, user):
        if user.is_superuser or self._user_in_groups(user):
            # Both need the modal: approving always shows the comparison.
            return [
                ("reject", _("Yêu cầu sửa"), True),
                ("approve", _("Xác minh và duyệt"), True),
            ]
        return []

    def get_form_for_action(self, action):
        if action == "approve":
            return HonourVerificationForm
        return super().get_form_for_action(action)

    def get_template_for_action(self, action):
        if action == "approve":
            return APPROVE_TEMPLATE
        return super().get_template_for_action(action)

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        confirmed = set(kwargs.pop("confirmed", None) or [])
        kwargs.pop("task_state_id", None)
        if action_name == "approve":
            # Checked again here: the page editor's own approve route passes
            # the modal's data through without re-validating it.
            problems = blocking_problems(check_honours(story_under_review(task_state)), confirmed)
            if problems:
                raise PermissionDenied(" ".join(str(p) for p in problems))
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "Biên tập viên đối chiếu từng khen thưởng được nêu trong bài với hồ sơ "
            "khen thưởng của điển hình trước khi duyệt."
        )

    class Meta:
        verbose_name = _("bước xác minh khen thưởng")
        verbose_name_plural = _("bước xác minh khen thưởng")
