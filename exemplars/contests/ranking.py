"""Scores and winners: by score, then the tie-break guess closest to the number of
participants who answered everything correctly, then the earliest entry.

Scores are computed from the stored answers against the current answer key,
so correcting a question after the entries came in re-ranks them.
"""

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


def _order(contest) -> tuple[list[tuple[int, int, int | None]], int]:
    """(pk, score, distance) of every entry in rank order, and the perfect count.
    Reads only the columns ranking needs: a closed contest's page ranks them all."""
    questions = contest.question_list
    rows = list(
        contest.entries.order_by().values_list("pk", "answers", "tiebreak_guess", "submitted_at")
    )
    scores = {pk: score(answers, questions) for pk, answers, _guess, _at in rows}
    perfect = sum(1 for s in scores.values() if questions and s == len(questions))
    use_tiebreak = bool(contest.tiebreak_question)

    def distance(guess):
        return abs(guess - perfect) if use_tiebreak and guess is not None else None

    def key(row):
        pk, _answers, guess, at = row
        d = distance(guess)
        return (-scores[pk], d is None, d or 0, at, pk)

    return [(row[0], scores[row[0]], distance(row[2])) for row in sorted(rows, key=key)], perfect


def _ranked(contest, order, everyone: bool = False) -> list[Ranked]:
    entries = contest.entries.select_related("locality")
    if everyone:
        # One scan rather than an IN list of every id.
        entries = {e.pk: e for e in entries}
    else:
        entries = entries.in_bulk([pk for pk, _s, _d in order])
    return [Ranked(n, entries[pk], s, d) for n, (pk, s, d) in enumerate(order, 1)]


def ranking(contest) -> tuple[list[Ranked], int]:
    """Every entry of ``contest`` in rank order, and how many answered everything right."""
    order, perfect = _order(contest)
    return _ranked(contest, order, everyone=True), perfect


def winners(contest) -> list[Ranked]:
    order, _perfect = _order(contest)
    return _ranked(contest, order[: contest.winners_count])
