"""The one way a form or a button of the app writes (issue 22, decision 84).

`save` runs the same steps for every form: the check's German problems are shown next to the form and nothing is
written; otherwise the write runs as one user transaction that first claims the form's token (sql/032,
`Database.user_tx`), and the page reruns with a German toast and the form's widgets emptied (feedback.saved). A
refusal (the record changed meanwhile, a duplicate, a record gone) is a German message next to the form with the
input kept. The same submission arriving twice (a double click, a request repeated while the first was saving)
finds its token taken: nothing is written and the user sees the confirmation once.

Edit forms say which version of a record they were drawn from (`Edit`). When the record changed since, the form
says who changed what and when, shows the current state beside the kept input, and saves over it only when the
user ticks the confirmation: pressing the button again without it is refused again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

import psycopg
import streamlit as st

from leokop import auth, texts
from leokop.db.errors import AlreadySaved, error_summary
from leokop.db.session import one_save
from leokop.formats import german_datetime, plain
from leokop.repo._query import StaleWrite
from leokop.ui import feedback
from leokop.ui.resources import database

Refusal = str | Callable[[BaseException], str]  # a German message, or one made from the exception

_TOKENS = "leokop_form_tokens"
_SEEN = "leokop_seen_records"
_LOG = logging.getLogger("leokop.saving")

def key(form: str, widget: str | None = None) -> str:
    """The key of a form (or of a widget in it) in the form's current generation. Drawing the form (or a button
    that writes) gives it its token at once, so that a request that repeats this rendering (a double click, a
    reload while saving) carries it."""
    token(form)
    return feedback.key(form, widget)


def token(form: str) -> UUID:
    """The idempotency token of the form as rendered now: the same until a save succeeds (new generation)."""
    tokens = st.session_state.setdefault(_TOKENS, {})
    name = feedback.key(form)
    if name not in tokens:
        tokens[name] = uuid4()
    return tokens[name]


_CLAIMED = "leokop_claimed_tokens"


def claim_in_session(form: str) -> bool:
    """For a form before the sign-in (no user transaction to claim its token in, sql/032): True the first time
    this rendering of the form is submitted, False for the same submission again (a double click: the second
    request carries the first's token). Requests of one Streamlit session run one after another, so the session's
    own memory is enough; a new rendering (feedback.clear) has a new token."""
    claimed = st.session_state.setdefault(_CLAIMED, set())
    mine = token(form)
    if mine in claimed:
        return False
    claimed.add(mine)
    return True


# --- edit forms: the version they were drawn from -------------------------------------------------------------


@dataclass(frozen=True)
class Edit:
    """One record an edit form shows, as it is now.

    `marker` is the key of one of the form's widgets: while it is in session state, the form was on the screen in
    the previous run, so the version the user works on is the one remembered then; without it the form is drawn
    afresh from the current version. `state` is what the form shows of the record (label → value as read), so that
    a conflict can say what changed. `open` is False when the action is no longer possible at all (a week signed
    meanwhile): then nothing can be saved over it."""
    record: str
    version: Any  # the record's version column (None: no row yet); for a form over several rows, a tuple of them
    state: Mapping[str, str]
    changed_by: str | None
    changed_at: datetime | None
    marker: str
    open: bool = True


@dataclass(frozen=True)
class Conflict:
    """What changed between the version the form was drawn from and now."""
    who: str
    at: str
    changes: list[tuple[str, str, str]] = field(default_factory=list)
    open: bool = True

    def describe(self) -> str:
        """The changes, for a Markdown message: what people typed (names, titles, comments) shown literally."""
        if not self.changes:
            return texts.STALE_NO_VISIBLE_CHANGE
        return "; ".join(texts.STALE_CHANGE.format(label=plain(label), before=plain(before), after=plain(after))
                         for label, before, after in self.changes)

    def message(self) -> str:
        template = texts.STALE_CHANGED if self.open else texts.STALE_GONE
        return template.format(who=plain(self.who), at=self.at, changes=self.describe())


def _seen_store() -> dict:
    return st.session_state.setdefault(_SEEN, {})


def on_screen(marker: str) -> bool:
    """Whether the widget with this key was drawn in the previous run (Streamlit drops the state of widgets that
    were not). Ask before the widget is drawn in this run."""
    return marker in st.session_state


def on_screen_ids(prefix: str) -> list[UUID]:
    """The record ids of the widgets keyed `<prefix><uuid>...` that were drawn in the previous run (for lists whose
    rows leave the list when someone else acts on them)."""
    found: dict[UUID, None] = {}
    for name in list(st.session_state):
        if isinstance(name, str) and name.startswith(prefix):
            try:
                found[UUID(name[len(prefix):len(prefix) + 36])] = None
            except ValueError:
                continue
    return list(found)


def drawn_from(edit: Edit) -> tuple[int | None, dict[str, str]]:
    """The version (and what it showed) the user's form was drawn from: the remembered one while the form stays on
    the screen, else the current one (remembered from now on)."""
    store = _seen_store()
    if edit.record not in store or not on_screen(edit.marker):
        store[edit.record] = (edit.version, dict(edit.state))
    return store[edit.record]


def conflict(edit: Edit) -> Conflict | None:
    """None when the record is still the version the form was drawn from; else who changed what, and when."""
    version, state = drawn_from(edit)
    if version == edit.version and edit.open:
        return None
    changes = [(label, state.get(label, "–"), value) for label, value in edit.state.items()
               if state.get(label, "–") != value]
    return Conflict(edit.changed_by or texts.STALE_SOMEONE,
                    german_datetime(edit.changed_at) if edit.changed_at is not None else "–", changes, edit.open)


def show_conflict(edit: Edit) -> bool:
    """Inside the edit form: nothing when there is no conflict (True: save as usual). Else the German message of
    who changed what and when, and for a record that can still be changed the confirmation to save over it; True
    when it is ticked."""
    found = conflict(edit)
    if found is None:
        return True
    st.warning(found.message(), icon=feedback.NOTICE)
    if not found.open:
        return False
    return st.checkbox(texts.STALE_CONFIRM.format(who=plain(found.who)), key=f"{edit.marker}~over-{edit.version}")


def forget(edit: Edit) -> None:
    """The form is done with the record (saved, or the user took over the current state)."""
    forget_record(edit.record)


def forget_record(record: str) -> None:
    """Another form of this session saved a change of `record` (a milestone's form, the project's status form):
    the forms over it start from the new version, and do not name the user's own change as someone else's."""
    _seen_store().pop(record, None)


# --- the write ---------------------------------------------------------------------------------------------------


def save(form: str, problems: Iterable[str], action: Callable[..., Any], success: str | Callable[[Any], str], *,
         edit: Edit | None = None, confirmed: bool = True,
         refusals: Mapping[type[BaseException], Refusal] | None = None,
         notices: Mapping[type[BaseException], str] | None = None,
         after: Callable[[], object] | None = None, icon: str = feedback.CONFIRMED) -> bool:
    """Check, write in one transaction, confirm; or say why nothing was written. Returns False on a refusal (a
    success reruns the page and does not return).

    `action()` does the write (for an `edit`: `action(version)` with the version to save against); `success` is the
    German confirmation, or a function of what the action returned (counts known only after the write; None for a
    repeated submission, which wrote nothing and whose result was the first request's). `confirmed` is
    show_conflict's answer. `refusals` maps the repo's exceptions (raised inside the transaction: nothing was
    written) to their German messages; `notices` those that leave nothing to correct (someone was quicker with the
    same thing): the page reruns with the notice. `after` runs after a committed save (the risk flags that
    rest on it, cached reads to forget).
    """
    problems = list(problems)
    if edit is not None and not confirmed and _saved_before(form):
        # this very submission was saved (a double click, a request repeated while the first was saving): the record
        # changed because of it, not because of someone else; confirm once and write nothing
        feedback.clear(form)
        forget(edit)
        feedback.saved(_confirmation(success, None), icon=icon)
    if edit is not None and not confirmed:
        found = conflict(edit)
        problems.append(texts.STALE_NOT_CONFIRMED.format(who=plain(found.who)) if found and found.open
                        else texts.STALE_NOT_POSSIBLE)
    for problem in problems:
        st.error(problem)
    if problems:
        return False
    result = None
    try:
        with one_save(token(form)):
            result = action(edit.version) if edit is not None else action()
    except AlreadySaved:
        pass  # the same submission was saved before (a double click): confirm it once, write nothing
    except StaleWrite:
        st.error(texts.STALE_WRITE)
        return False
    except psycopg.Error as exc:
        _LOG.warning("save refused by the database: %s", error_summary(exc))
        st.error(texts.DB_ERROR)
        return False
    except Exception as exc:
        notice = _refusal(exc, notices)
        if notice is not None:
            feedback.clear(form)
            feedback.saved(notice, icon=feedback.NOTICE)
        message = _refusal(exc, refusals)
        if message is None:
            raise
        st.error(message)
        return False
    # the confirmation is kept and the form moves on at once (new widgets, new token), before anything else can
    # interrupt the run
    message = _confirmation(success, result)
    feedback.confirm(message, icon)
    feedback.clear(form)
    if edit is not None:
        forget(edit)
    if after is not None:
        after()
    feedback.saved(message, icon=icon)
    return True  # not reached: saved() reruns


def _confirmation(success: str | Callable[[Any], str], result: Any) -> str:
    return success if isinstance(success, str) else success(result)


def _saved_before(form: str) -> bool:
    """Whether this form's current token was saved already (by an earlier request of this same submission)."""
    user = auth.current_user()
    return user is not None and database().form_saved(user.user_id, token(form))


def _refusal(exc: BaseException, refusals: Mapping[type[BaseException], Refusal | str] | None) -> str | None:
    for kind, message in (refusals or {}).items():
        if isinstance(exc, kind):
            return message(exc) if callable(message) else message
    return None


def hide(form: str, edit: Edit) -> None:
    """Remove the form of a record that can no longer be acted on (and what was typed into it)."""
    forget(edit)
    feedback.clear(form)
    st.rerun()
