"""Scores and winners: by score, then the tie-break guess closest to the number of
participants who answered everything correctly, then the earliest entry."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Ranked:
    rank: int
    entry: object
    score: int
    # |guess - perfect entries|; None without a tie-break question or a guess.
    distance: int | None


def score(answers: dict, questions) -> int:
    return sum(1 for q in questions if answers.get(str(q.pk)) == q.correct)


def ranking(contest) -> tuple[list[Ranked], int]:
    """Every entry of ``contest`` in rank order, and how many answered everything right."""
    questions = contest.question_list
    entries = list(contest.entries.select_related("locality").order_by("submitted_at", "pk"))
    scores = {e.pk: score(e.answers, questions) for e in entries}
    perfect = sum(1 for s in scores.values() if questions and s == len(questions))
    use_tiebreak = bool(contest.tiebreak_question)

    def distance(entry):
        if not use_tiebreak or entry.tiebreak_guess is None:
            return None
        return abs(entry.tiebreak_guess - perfect)

    def key(entry):
        d = distance(entry)
        return (-scores[entry.pk], d is None, d or 0, entry.submitted_at, entry.pk)

    ordered = sorted(entries, key=key)
    return [Ranked(n, e, scores[e.pk], distance(e)) for n, e in enumerate(ordered, 1)], perfect


def winners(contest) -> list[Ranked]:
    ranked, _perfect = ranking(contest)
    return ranked[: contest.winners_count]
