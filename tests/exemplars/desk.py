"""The editors' desk for tests: the three roles set up as ``setup_roles`` does,
a user in each, and the POST data of the admin's story edit form."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from exemplars.desk.roles import ADMINS, EDITORS, JOURNALISTS, setup_roles
from exemplars.models import Honour
from tests.factories import make_award, make_exemplar, make_home

DECISION = "1234/QĐ-TTg"
ISSUER = "Thủ tướng Chính phủ"
DECIDED = dt.date(2023, 5, 10)


@dataclass
class Desk:
    journalist: object
    journalist2: object
    editor: object
    admin: object


def make_user(username: str, group_name: str | None):
    user = get_user_model().objects.create_user(username, password="matkhau-123", email="")
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


def make_desk() -> Desk:
    setup_roles(make_home())
    return Desk(
        journalist=make_user("phongvien", JOURNALISTS),
        journalist2=make_user("phongvien2", JOURNALISTS),
        editor=make_user("bientap", EDITORS),
        admin=make_user("quantri", ADMINS),
    )


def honoured_exemplar(name="Néang Sa Ry"):
    """An exemplar with one honour on record (Bằng khen của Thủ tướng, 1234/QĐ-TTg)."""
    exemplar = make_exemplar(name)
    award = make_award()
    Honour.objects.create(
        exemplar=exemplar, award=award, issuing_body=ISSUER, decision_number=DECISION, date=DECIDED
    )
    return exemplar, award


def honour_block(award, *, decision=DECISION, issuer=ISSUER, date=DECIDED):
    return (
        "honour",
        {"award": award, "issuing_body": issuer, "decision_number": decision, "date": date},
    )


def story_post_data(story, **overrides) -> dict:
    """The edit form's POST for ``story`` as it stands, with ``overrides`` applied."""
    body = []
    for block in story.body:
        if block.block_type == "paragraph":
            body.append(("paragraph", rich_text(block.value.source)))
        elif block.block_type == "honour":
            v = block.value
            body.append(
                (
                    "honour",
                    {
                        "award": v["award"].pk if v["award"] else "",
                        "issuing_body": v["issuing_body"],
                        "decision_number": v["decision_number"],
                        "date": v["date"].isoformat() if v["date"] else "",
                    },
                )
            )
    data = {
        "title": story.title,
        "slug": story.slug,
        "intro": story.intro,
        "hero_caption": "",
        "hero_credit": "",
        "hero_alt": "",
        "body": streamfield(body),
        "exemplar": story.exemplar_id or "",
        "locality": story.locality_id or "",
        "field": story.field_id or "",
        "tags": "",
        "bylines": inline_formset([]),
        "event_citations": inline_formset([]),
        "published_at": "",
        "original_url": "",
        "go_live_at": "",
        "expire_at": "",
        "comments_open": "on" if story.comments_open else "",
        "comment_notifications": "",
    } | overrides
    form = nested_form_data(data)
    form["campaigns"] = [c.pk for c in story.campaigns.all()]
    # Block ids travel with the form as the admin's editor sends them, so a
    # save keeps the ids an honour confirmation refers to.
    if "body" not in overrides:
        kept = [b for b in story.body if b.block_type in ("paragraph", "honour")]
        for n, block in enumerate(kept):
            form[f"body-{n}-id"] = str(block.id)
    return form
