"""The newsroom's roles (groups), their permissions and the moderation workflow.

``setup_roles()`` is idempotent: it creates what is missing and brings the
permissions of the three groups back to what is declared here, so running
``manage.py setup_roles`` after an upgrade is safe. Permissions granted by
hand to these groups beyond the declaration are removed on purpose: the
declaration is the single source of truth a review can read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from exemplars.models import Exemplar, ExemplarHomePage
from exemplars.models.editorial import HonourVerificationTask

JOURNALISTS = "Phóng viên"
EDITORS = "Biên tập viên"
ADMINS = "Quản trị"

WORKFLOW_NAME = "Kiểm duyệt bài điển hình"
EXEMPLAR_WORKFLOW_NAME = "Duyệt hồ sơ điển hình"
VERIFY_TASK_NAME = "Xác minh khen thưởng"
APPROVE_TASK_NAME = "Duyệt đăng"

# The custom permission that guards the campaign report and its exports. It
# hangs on Campaign's content type because a report is always of a campaign.
EXPORT_REPORT = ("exemplars", "campaign", "export_campaign_report", "Xuất báo cáo phong trào")

SNIPPETS = ("campaign", "exemplar", "locality", "field", "author", "award", "event")
ALL = ("add", "change", "delete", "view")
# An exemplar profile is published content (DraftStateMixin, LockableMixin):
# whoever publishes it vouches for it, as for a story.
EXEMPLAR_DESK = (*ALL, "publish", "lock", "unlock")
# Readers' comments: editors moderate them (change: approve, reject, spam) and
# delete them; journalists only read those on their own stories (the queue
# filters by owner). Contest entries hold contact details: editors read and
# export them, nobody edits them.
MODERATION = {
    "exemplars.comment": ("change", "delete", "view"),
    "exemplars.contestentry": ("view",),
}


@dataclass
class Role:
    """What one group may do: page actions on the home page's tree, model permissions,
    image/document collection permissions."""

    name: str
    page_actions: tuple[str, ...]
    model_perms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    collection_perms: tuple[str, ...] = ()
    extra: tuple[tuple[str, str, str, str], ...] = ()


ROLES = [
    Role(
        JOURNALISTS,
        page_actions=("add", "change"),
        model_perms={
            "wagtailadmin.admin": ("access",),
            # Journalists discover exemplars: they may nominate a candidate and
            # draft its profile, but not publish it, move its stage or delete it.
            "exemplars.exemplar": ("add", "change", "view"),
            **{f"exemplars.{m}": ("view",) for m in SNIPPETS if m != "exemplar"},
            "exemplars.comment": ("view",),
        },
        collection_perms=("add_image", "choose_image", "add_document", "choose_document"),
    ),
    Role(
        EDITORS,
        page_actions=("add", "change", "publish", "lock", "unlock"),
        model_perms={
            "wagtailadmin.admin": ("access",),
            **{f"exemplars.{m}": ALL for m in SNIPPETS},
            "exemplars.exemplar": EXEMPLAR_DESK,
            **MODERATION,
            # The abbreviation list readers' searches expand (UBND, HTX…) is the
            # desk's to extend.
            "exemplars_search.synonym": ALL,
        },
        collection_perms=(
            "add_image",
            "change_image",
            "choose_image",
            "add_document",
            "change_document",
            "choose_document",
        ),
        extra=(EXPORT_REPORT,),
    ),
    Role(
        ADMINS,
        page_actions=("add", "change", "publish", "bulk_delete", "lock", "unlock"),
        model_perms={
            "wagtailadmin.admin": ("access",),
            **{f"exemplars.{m}": ALL for m in SNIPPETS},
            "exemplars.exemplar": EXEMPLAR_DESK,
            **MODERATION,
            "exemplars_search.synonym": ALL,
            "auth.user": ALL,
            "auth.group": ALL,
            "wagtailcore.site": ALL,
            "wagtailcore.workflow": ("add", "change", "delete"),
            "wagtailcore.task": ("add", "change", "delete"),
            "wagtailcore.collection": ("add", "change", "delete"),
            "wagtailredirects.redirect": ALL,
        },
        collection_perms=(
            "add_image",
            "change_image",
            "delete_image",
            "choose_image",
            "add_document",
            "change_document",
            "delete_document",
            "choose_document",
        ),
        extra=(EXPORT_REPORT,),
    ),
]


def _custom_permission(app_label, model, codename, name) -> Permission:
    ct = ContentType.objects.get_by_natural_key(app_label, model)
    perm, _created = Permission.objects.get_or_create(
        content_type=ct, codename=codename, defaults={"name": name}
    )
    return perm


def _model_permissions(model_perms: dict[str, tuple[str, ...]]) -> list[Permission]:
    perms = []
    for label, actions in model_perms.items():
        app_label, model = label.split(".")
        for action in actions:
            codename = "access_admin" if label == "wagtailadmin.admin" else f"{action}_{model}"
            perms.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
    return perms


def _collection_permissions(codenames) -> list[Permission]:
    found = {
        p.codename: p
        for p in Permission.objects.filter(
            content_type__app_label__in=["wagtailimages", "wagtaildocs"], codename__in=codenames
        )
    }
    missing = set(codenames) - set(found)
    if missing:
        raise LookupError(f"Unknown collection permissions: {sorted(missing)}")
    return list(found.values())


def _sync_group(role: Role, root_page: Page, collection: Collection) -> Group:
    group, _created = Group.objects.get_or_create(name=role.name)
    perms = _model_permissions(role.model_perms) + [_custom_permission(*e) for e in role.extra]
    group.permissions.set(perms)

    GroupPagePermission.objects.filter(group=group).exclude(
        page=root_page, permission__codename__in=[f"{a}_page" for a in role.page_actions]
    ).delete()
    page_ct = ContentType.objects.get_for_model(Page)
    for action in role.page_actions:
        perm = Permission.objects.get(content_type=page_ct, codename=f"{action}_page")
        GroupPagePermission.objects.get_or_create(group=group, page=root_page, permission=perm)

    wanted = _collection_permissions(role.collection_perms)
    GroupCollectionPermission.objects.filter(group=group).exclude(
        collection=collection, permission__in=wanted
    ).delete()
    for perm in wanted:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=perm
        )
    return group


def _sync_workflow(root_page: Page, editors: Group, admins: Group) -> Workflow:
    verify = HonourVerificationTask.objects.filter(name=VERIFY_TASK_NAME).first()
    if verify is None:
        verify = HonourVerificationTask.objects.create(name=VERIFY_TASK_NAME)
    approve = GroupApprovalTask.objects.filter(name=APPROVE_TASK_NAME).first()
    if approve is None:
        approve = GroupApprovalTask.objects.create(name=APPROVE_TASK_NAME)
    for task in (verify, approve):
        task.groups.set([editors, admins])

    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    for order, task in enumerate((verify, approve)):
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )
    WorkflowTask.objects.filter(workflow=workflow).exclude(task__in=[verify, approve]).delete()
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    _sync_exemplar_workflow(approve)
    return workflow


def _sync_exemplar_workflow(approve: GroupApprovalTask) -> Workflow:
    """Profiles go live through the editors' approval, like stories (without the
    honour check, which reads a story's body)."""

    workflow, _created = Workflow.objects.get_or_create(name=EXEMPLAR_WORKFLOW_NAME)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.update_or_create(
        workflow=workflow, task=approve, defaults={"sort_order": 0}
    )
    WorkflowTask.objects.filter(workflow=workflow).exclude(task=approve).delete()
    WorkflowContentType.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(Exemplar), defaults={"workflow": workflow}
    )
    return workflow


@transaction.atomic
def setup_roles(root_page: Page | None = None) -> dict[str, Group]:
    """Create or bring up to date the three groups and the moderation workflow.

    ``root_page`` is where page permissions and the workflow are attached;
    by default the site's home page (the first ``ExemplarHomePage``).
    """

    root_page = root_page or ExemplarHomePage.objects.first()
    if root_page is None:
        raise LookupError(_("Chưa có trang chủ: tạo trang chủ trước khi thiết lập vai trò."))
    collection = Collection.get_first_root_node()
    groups = {role.name: _sync_group(role, root_page, collection) for role in ROLES}
    _sync_workflow(root_page, groups[EDITORS], groups[ADMINS])
    return groups
