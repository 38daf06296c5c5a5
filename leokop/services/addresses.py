"""The addresses of leokop's pages that name their subject (decision 97): the query parameters, how a value from an
address is read (a malformed one is refused like a foreign one, never an exception) and the full address for mails."""

from __future__ import annotations

from urllib.parse import urlencode
from uuid import UUID

from leokop.config import public_url

APPRENTICE_PAGE = "azubi"
APPRENTICE_PARAM = "id"
CASE_PARAM = "case"
PAIR_PARAM = "pair"
SEARCH_PARAM = "q"


class Malformed:
    """An address value that is no id (a typo, a cut-off link): refused with the same German message."""

    def __repr__(self) -> str:
        return "MALFORMED"


MALFORMED = Malformed()


def parse_id(value: str | None) -> UUID | Malformed | None:
    """The id an address names: None when it names none, MALFORMED when the value is no id."""
    if value is None or not value.strip():
        return None
    try:
        return UUID(value.strip())
    except (ValueError, AttributeError, TypeError):
        return MALFORMED


def apprentice_params(apprentice_id: UUID, case_id: UUID | None = None) -> dict[str, str]:
    """The query parameters of an apprentice's page (and one of their cases)."""
    params = {APPRENTICE_PARAM: str(apprentice_id)}
    if case_id is not None:
        params[CASE_PARAM] = str(case_id)
    return params


def apprentice_url(apprentice_id: UUID, case_id: UUID | None = None, base: str | None = None) -> str | None:
    """The full address of an apprentice's page for a mail (base: LEOKOP_PUBLIC_URL); None without a base. It
    carries ids only, no name: whoever opens it signs in first, and row-level security decides what they see."""
    base = base if base is not None else public_url()
    if not base:
        return None
    return f"{base.rstrip('/')}/{APPRENTICE_PAGE}?{urlencode(apprentice_params(apprentice_id, case_id))}"
