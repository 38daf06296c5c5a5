"""Failed logins limited per client address (issue 15, sql/040): who may call the two functions, and the limit
itself (counted in the last hour, per address, the account lockout untouched)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import psycopg
import pytest

from leokop.repo import credentials
from leokop.services.invitations import client_digest
from tests.db.test_sessions import DEMO_USERS, WHO, call_outcome

CALLS = {
    "app_auth.login_client_allowed": ("select app_auth.login_client_allowed(%(h)s, 50)", {"leokop_app"}),
    "app_auth.login_client_failed": ("select app_auth.login_client_failed(%(h)s)", {"leokop_app"}),
}


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("call", sorted(CALLS))
def test_only_the_login_role_may_count_and_ask(owner_url, who, call):
    sql, allowed = CALLS[call]
    role = "authenticated" if who in DEMO_USERS else who
    assert call_outcome(owner_url, who, sql) == ("allowed" if role in allowed else "denied"), f"{call} as {who}"


@pytest.fixture()
def clients(owner_url) -> Iterator[tuple[str, str]]:
    """Two client addresses of this test (documentation range), their counts removed afterwards."""
    pair = (client_digest("192.0.2.10", ""), client_digest("192.0.2.11", ""))
    yield pair
    with psycopg.connect(owner_url, autocommit=True) as conn:
        conn.execute("delete from auth_requests where client_sha256 = any(%s)", (list(pair),))


def test_an_address_is_stopped_at_the_limit_and_another_is_not(db, clients):
    one, other = clients
    for _ in range(3):
        assert credentials.login_client_allowed(db, one, 3)
        credentials.login_client_failed(db, one)
    assert not credentials.login_client_allowed(db, one, 3)
    assert credentials.login_client_allowed(db, one, 4)  # the count is 3
    assert credentials.login_client_allowed(db, other, 3)


def test_failures_older_than_an_hour_no_longer_count(db, owner_url, clients):
    one, _other = clients
    for _ in range(3):
        credentials.login_client_failed(db, one)
    assert not credentials.login_client_allowed(db, one, 3)
    with psycopg.connect(owner_url, autocommit=True) as conn:
        conn.execute("update auth_requests set at = at - %s where client_sha256 = %s and kind = 'anmeldung'",
                     (timedelta(minutes=61), one))
    assert credentials.login_client_allowed(db, one, 3)


def test_the_count_is_kept_as_a_hash_of_the_address_only(db, owner_url, clients):
    one, _other = clients
    credentials.login_client_failed(db, one)
    with psycopg.connect(owner_url) as conn:
        rows = conn.execute("select kind, account_id, client_sha256 from auth_requests where client_sha256 = %s",
                            (one,)).fetchall()
    assert rows == [("anmeldung", None, one)]
    assert "192.0.2.10" not in one
