"""Evaluate the risk rules from the database's signals and store the flags.

The same function serves both ways the flags are kept current: right after a user's change (one apprentice) and
the recompute command (everyone, in batches). It runs as the service role: rules need all of an apprentice's data,
including categories the acting user may not see.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from uuid import UUID

import psycopg
from psycopg_pool import PoolTimeout

from leokop import clock, texts
from leokop.config import SmtpSettings, load_settings
from leokop.db.errors import SetupError, error_summary
from leokop.db.session import Database
from leokop.repo import risks
from leokop.services import addresses, notify
from leokop.services.risk_rules import SEVERITIES, Concern, Flag, Signals, Thresholds, evaluate

log = logging.getLogger(__name__)
BATCH = 2_000  # apprentices per transaction of the recompute: bounded memory, short transactions


def to_signals(row: dict, today: date) -> Signals:
    concerns = row["concerns"] if isinstance(row["concerns"], list) else json.loads(row["concerns"])
    return Signals(
        today=today,
        active=row["active"],
        unexcused_days_4_weeks=row["unexcused_28"],
        absence_days_90=row["absence_days_90"],
        school_days_90=row["school_days_90"],
        grades=tuple(row["grades"]),
        failing_fields=tuple(row["failing_fields"]),
        previous_half_average=row["previous_half"],
        current_half_average=row["current_half"],
        unsigned_record_weeks=row["unsigned_weeks"],
        probation_end=row["probation_end"],
        exam_name=texts.EXAM_LABELS.get(row["exam_kind"]),
        exam_date=row["exam_date"],
        concerns=tuple(Concern(c["kind"], c["text"], c["place"]) for c in concerns),
    )


def _thresholds(values: dict | None) -> Thresholds:
    """A school's thresholds (numeric columns arrive as Decimal), or the defaults."""
    if not values:
        return Thresholds()
    return Thresholds(**{key: float(v) if isinstance(v, Decimal) else v for key, v in values.items()})


def _as_dict(flag: Flag) -> dict:
    return {"rule": flag.rule, "severity": flag.severity, "category": flag.category, "reason": flag.reason,
            "evidence": flag.evidence}


def refresh(db: Database, apprentice_ids: list[UUID] | None, today: date | None = None,
            smtp: SmtpSettings | None = None) -> int:
    """Re-evaluate these apprentices (None: everyone) and store their flags; returns the apprentices done.

    With `smtp`, the pair of each apprentice with a new flag gets an e-mail.
    """
    today = today or clock.today()
    with db.service_tx() as conn:
        ids = apprentice_ids if apprentice_ids is not None else risks.all_apprentice_ids(conn)
        thresholds = risks.thresholds_by_school(conn)
    done = 0
    for start in range(0, len(ids), BATCH):
        batch = ids[start:start + BATCH]
        with db.service_tx() as conn:
            rows = risks.signals(conn, today, batch)
            flags = {row["apprentice_id"]: [_as_dict(f) for f in evaluate(
                to_signals(row, today), _thresholds(thresholds.get(row["school_id"])))] for row in rows}
            new = risks.replace_flags(conn, flags)
            mails = _mails(conn, new) if smtp else {}
        for apprentice_id, (severity, recipients) in mails.items():
            notify.send(smtp, recipients, texts.MAIL_SUBJECT_FLAG, flag_mail_body(severity, apprentice_id))
        done += len(batch)
    return done


def flag_mail_body(severity: str, apprentice_id: UUID) -> str:
    """The mail about a new flag: its severity and, with LEOKOP_PUBLIC_URL set, the address of the apprentice's
    page (ids only: no name or other personal data in the mail)."""
    url = addresses.apprentice_url(apprentice_id)
    return texts.MAIL_BODY_FLAG.format(severity=severity, link=texts.MAIL_LINK_FLAG.format(url=url) if url else "")


def _mails(conn, new_flags: list[dict]) -> dict[UUID, tuple[str, list[str]]]:
    """Per apprentice with new flags: the most severe new severity and the pair's addresses."""
    worst: dict[UUID, str] = {}
    for row in new_flags:
        current = worst.get(row["apprentice_id"])
        if current is None or SEVERITIES.index(row["severity"]) > SEVERITIES.index(current):
            worst[row["apprentice_id"]] = row["severity"]
    return {aid: (severity, risks.pair_emails(conn, aid)) for aid, severity in worst.items()}


def refresh_quietly(worker: Callable[[], Database], apprentice_ids: list[UUID]) -> None:
    """After a user's save: re-evaluate, but never turn a saved change into an error page.

    `worker` gives the evaluation's pool (opened on first use, so a failing connection is caught here too). If the
    evaluation fails, the flags stay as they were until the next change or `risks recompute`.
    """
    try:
        refresh(worker(), apprentice_ids, smtp=load_settings().smtp)
    except (psycopg.Error, PoolTimeout, SetupError, OSError) as exc:  # OSError: the mail server, after the flags
        # no traceback and no message: both may carry an apprentice's data (see error_summary)
        log.error("risk evaluation or notification after a change failed: %s", error_summary(exc))
