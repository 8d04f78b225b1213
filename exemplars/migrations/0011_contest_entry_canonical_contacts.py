"""Contest entries' phone numbers and emails in the canonical form of
``exemplars.contests.identity``, as the unique constraints now compare them.

Where several entries of a contest turn out to be one participant, the entry
that already holds the canonical value keeps it, else the earliest one gets it;
the others keep their value as stored (so the constraints hold and nothing is
lost) and are logged by id, for the editors to decide. A stored phone that is
not a valid number is kept as it is, logged too. ``00912345678`` is what the
old rule made of ``+84 (0) 912 345 678``: read as ``0912345678``.
"""

import logging
import re
from collections import defaultdict

from django.db import migrations

from exemplars.contests.identity import InvalidPhone, normalize_email, normalize_phone

log = logging.getLogger("exemplars.contests")
LEGACY_TRUNK = re.compile(r"^00(\d{9,10})$")


def canonical_phone(stored: str) -> str | None:
    """The canonical form of a stored phone, or None when it is not a number."""
    legacy = LEGACY_TRUNK.match(stored)
    try:
        return normalize_phone("0" + legacy.group(1) if legacy else stored)
    except InvalidPhone:
        return None


def plan(entries, field, canonical):
    """{entry: new value} for ``field``; entries come in the order they were sent."""
    groups = defaultdict(list)
    for entry in entries:
        stored = getattr(entry, field)
        if not stored:
            continue
        value = canonical(stored)
        if value is None:
            log.warning("contest entry %s: %s %r is not valid, kept", entry.pk, field, stored)
            continue
        groups[(entry.contest_id, value)].append(entry)
    changes = {}
    for (contest_id, value), group in groups.items():
        holder = next((e for e in group if getattr(e, field) == value), group[0])
        if getattr(holder, field) != value:
            changes[holder] = value
        for other in group:
            if other is not holder:
                log.warning(
                    "contest entry %s: %s %r is entry %s's %s in contest %s, kept",
                    other.pk,
                    field,
                    getattr(other, field),
                    holder.pk,
                    value,
                    contest_id,
                )
    return changes


def canonicalise(apps, schema_editor):
    ContestEntry = apps.get_model("exemplars", "ContestEntry")
    entries = list(ContestEntry.objects.order_by("contest_id", "submitted_at", "pk"))
    for field, canonical in (("phone", canonical_phone), ("email", normalize_email)):
        # A new value is held by no other entry (canonical values are their own
        # normal form, so only their group's holder can hold one): no collision.
        for entry, value in plan(entries, field, canonical).items():
            setattr(entry, field, value)
            entry.save(update_fields=[field])


class Migration(migrations.Migration):
    dependencies = [("exemplars", "0010_story_newest_index_postgres")]

    operations = [migrations.RunPython(canonicalise, migrations.RunPython.noop)]
