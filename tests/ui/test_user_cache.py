"""The per-session cache of rarely changing reads: per user, for its TTL, forgotten on demand."""

from __future__ import annotations

import pytest

from leokop.ui import user_cache


@pytest.fixture()
def session(monkeypatch):
    state: dict = {}
    clock = [1000.0]
    monkeypatch.setattr(user_cache.st, "session_state", state)
    monkeypatch.setattr(user_cache, "monotonic", lambda: clock[0])
    return state, clock


def _counter():
    calls = []

    def load():
        calls.append(1)
        return len(calls)
    return calls, load


def test_a_read_is_kept_for_its_ttl_then_repeated(session):
    _, clock = session
    calls, load = _counter()
    assert user_cache.cached("pairs", "u1", 60, load) == 1
    clock[0] += 59.9
    assert user_cache.cached("pairs", "u1", 60, load) == 1
    clock[0] += 0.2
    assert user_cache.cached("pairs", "u1", 60, load) == 2
    assert len(calls) == 2


def test_each_user_and_each_read_has_its_own_entry(session):
    _, load = _counter()
    assert [user_cache.cached("pairs", "u1", 60, load), user_cache.cached("pairs", "u2", 60, load),
            user_cache.cached("inbox", "u1", 60, load), user_cache.cached("pairs", "u1", 60, load)] == [1, 2, 3, 1]


def test_forget_drops_the_named_reads_or_all(session):
    _, load = _counter()
    user_cache.cached("pairs", "u1", 60, load)
    user_cache.cached("inbox", "u1", 60, load)
    user_cache.forget("inbox")
    assert user_cache.cached("pairs", "u1", 60, load) == 1
    assert user_cache.cached("inbox", "u1", 60, load) == 3
    user_cache.forget()
    assert user_cache.cached("pairs", "u1", 60, load) == 4
