"""Checking the honours a story cites against its exemplar's records.

A story's body may cite honours (``honour`` blocks: award, issuing body,
decision number, date). Before a story is published an editor compares each
one with the exemplar's :class:`~exemplars.models.Honour` records; this module
does the comparison the editor reads (see ``HonourVerificationTask``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from exemplars.text import name_key

MATCH = "match"
MISMATCH = "mismatch"
MISSING = "missing"

STATUS_LABELS = {
    MATCH: _("Khớp hồ sơ"),
    MISMATCH: _("Không khớp hồ sơ"),
    MISSING: _("Không có trong hồ sơ"),
}


def decision_key(number: str) -> str:
    """Decision numbers typed "123/QĐ-UBND", "123 / qd-ubnd" are the same decision."""
    return "".join(name_key(number).split()).replace("đ", "d")


@dataclass
class CitedHonour:
    """One ``honour`` block of a story body."""

    key: str
    award: object | None
    issuing_body: str = ""
    decision_number: str = ""
    date: dt.date | None = None


@dataclass
class HonourCheck:
    """A cited honour next to the record it was compared with."""

    cited: CitedHonour
    record: object | None = None
    differences: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        if self.record is None:
            return MISSING
        return MISMATCH if self.differences else MATCH

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def ok(self) -> bool:
        return self.status == MATCH


def cited_honours(story) -> list[CitedHonour]:
    """The honours a story's body cites, in reading order."""
    cited = []
    for block in story.body:
        if block.block_type != "honour":
            continue
        value = block.value
        cited.append(
            CitedHonour(
                key=str(block.id),
                award=value.get("award"),
                issuing_body=(value.get("issuing_body") or "").strip(),
                decision_number=(value.get("decision_number") or "").strip(),
                date=value.get("date"),
            )
        )
    return cited


def _differences(cited: CitedHonour, record) -> list[str]:
    diffs = []
    if cited.award is None or cited.award.pk != record.award_id:
        diffs.append("award")
    record_body = record.issuing_body or record.award.issuing_body
    if cited.issuing_body and name_key(cited.issuing_body) != name_key(record_body):
        diffs.append("issuing_body")
    if cited.decision_number and decision_key(cited.decision_number) != decision_key(
        record.decision_number
    ):
        diffs.append("decision_number")
    if cited.date and record.date and cited.date != record.date:
        diffs.append("date")
    return diffs


def _is_candidate(cited: CitedHonour, record) -> bool:
    same_award = cited.award is not None and cited.award.pk == record.award_id
    same_decision = bool(cited.decision_number) and decision_key(
        cited.decision_number
    ) == decision_key(record.decision_number)
    return same_award or same_decision


def check_honours(story) -> list[HonourCheck]:
    """Compare every honour the story cites with its exemplar's records.

    A cited honour is matched with the record of the same award or the same
    decision number that differs from it in the fewest fields; with none, it
    is missing from the record (as every cited honour is when the story names
    no exemplar).
    """
    records = list(story.exemplar.honours.select_related("award")) if story.exemplar_id else []
    checks = []
    for cited in cited_honours(story):
        candidates = [r for r in records if _is_candidate(cited, r)]
        if not candidates:
            checks.append(HonourCheck(cited))
            continue
        best = min(candidates, key=lambda r: len(_differences(cited, r)))
        checks.append(HonourCheck(cited, best, _differences(cited, best)))
    return checks


def blocking_problems(checks: list[HonourCheck], confirmed: set[str]) -> list[str]:
    """Why approval must wait: one message per cited honour not matched and confirmed."""
    problems = []
    for n, check in enumerate(checks, start=1):
        award = check.cited.award or _("(khen thưởng đã bị xóa)")
        if not check.ok:
            problems.append(
                _("Khen thưởng thứ %(n)s (%(award)s): %(status)s.")
                % {"n": n, "award": award, "status": check.status_label}
            )
        elif check.cited.key not in confirmed:
            problems.append(
                _("Khen thưởng thứ %(n)s (%(award)s): chưa được xác nhận.")
                % {"n": n, "award": award}
            )
    return problems
