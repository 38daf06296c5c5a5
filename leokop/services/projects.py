"""Checks of the joint-project form: title, period, cooperations, milestones ("TT.MM.JJJJ Titel" per line)."""

from __future__ import annotations

from datetime import date, datetime

from leokop import texts
from leokop.services.entries import MAX_NOTE, Allowed, period_problems, text_problems, title_problems


def parse_milestones(text: str) -> tuple[list[tuple[date, str]], list[str]]:
    """Milestones from the text area, and a German problem per line that is not "TT.MM.JJJJ Titel"."""
    milestones, problems = [], []
    for n, line in enumerate((raw.strip() for raw in text.splitlines()), start=1):
        if not line:
            continue
        day, _, title = line.partition(" ")
        try:
            due = datetime.strptime(day, "%d.%m.%Y").date()
        except ValueError:
            due = None
        if due is None or not title.strip() or title_problems(title):
            problems.append(texts.PROJ_ERR_MILESTONE.format(n=n))
        else:
            milestones.append((due, title.strip()))
    return milestones, problems


def project_problems(title: str, goal: str, starts_on: date | None, ends_on: date | None, cooperation_ids: list,
                     milestones: list[tuple[date, str]], allowed: Allowed) -> list[str]:
    problems = title_problems(title) + text_problems(goal, required=False)
    problems += period_problems(starts_on, ends_on, allowed)
    if not cooperation_ids:
        problems.append(texts.PROJ_ERR_COOPS)
    if starts_on and ends_on:
        problems += [texts.PROJ_ERR_MILESTONE_OUTSIDE.format(title=t) for due, t in milestones
                     if not starts_on <= due <= ends_on]
    return problems


def milestone_problems(title: str, due_on: date | None, description: str, allowed: Allowed) -> list[str]:
    """The milestone form: a title, a due day within the project's period, an optional description."""
    return (title_problems(title) + allowed.problems(due_on)
            + text_problems(description, required=False, max_length=MAX_NOTE))
