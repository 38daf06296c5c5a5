"""PostgreSQL restarts under a signed-in session: the page shows the German "database unavailable" message during
the outage and works again afterwards without a new login; a write whose transaction died in the outage left
nothing behind.

The test stops and starts a server of its own (an embedded PostgreSQL in a temporary folder on its own port), never
the shared one, so it runs the same with and without DATABASE_URL."""

from __future__ import annotations

import time

import psycopg
import pytest

from leokop import texts
from leokop.config import load_settings
from leokop.db import embedded
from leokop.db.locate import app_url
from leokop.db.migrate import migrate
from leokop.db.session import Database
from leokop.demo.materials import demo_pdf
from leokop.demo.seed import demo_id, seed_demo
from leokop.repo import materials
from leokop.services.materials import file_problems
from leokop.storage.postgres_backend import PostgresStorage
from tests.db.test_backup import close_app_pool, private_server
from tests.helpers import cooperation_id, user_id
from tests.pages.conftest import errors, registered_pages, start_app, submit_login

TITLE = "Während des Neustarts geteilt"
OUTAGE_S = 17.0


class StopsTheServerMidWrite(PostgresStorage):
    """Stops PostgreSQL after the material's rows are written and before its file is: the transaction dies."""

    def __init__(self, data_dir) -> None:
        self.data_dir = data_dir

    def write(self, conn, version_id, key, data, mime) -> None:
        embedded.stop(self.data_dir)
        super().write(conn, version_id, key, data, mime)


def _share(db: Database, storage: PostgresStorage) -> None:
    data = demo_pdf(TITLE, ["Neustart"])
    problems, info = file_problems("neustart.pdf", data, len(data))
    assert problems == []
    sharing = materials.Sharing(cooperation_id("mainufer", "rmd"), demo_id("occupation", "FI"), "kooperation", None,
                                TITLE, "", [], [], [])
    materials.share_file(db, storage, user_id("lehrkraft"), sharing, info, data)


def _rows(url: str) -> tuple[int, int]:
    with psycopg.connect(url) as conn:
        return conn.execute(
            "select (select count(*) from materials where title = %(t)s),"
            " (select count(*) from material_versions v join materials m on m.id = v.material_id"
            "  where m.title = %(t)s)", {"t": TITLE}).fetchone()


def _signed_in_dashboard(at) -> None:
    assert not at.exception, at.exception
    assert errors(at) == []
    assert "dashboard" in registered_pages(at), "still signed in: the navigation, not the login form"
    assert [t.value for t in at.title] == [texts.PAGE_DASHBOARD]


@pytest.fixture(scope="module")
def own_server(tmp_path_factory):
    """(data folder, owner URL) of a migrated server with the demo data; the app under test points at it."""
    data_dir = tmp_path_factory.mktemp("restart") / "cluster"
    with private_server(data_dir) as url, pytest.MonkeyPatch.context() as patch:
        migrate(url, load_settings().sql_dir)
        seed_demo(url)
        patch.setenv("DATABASE_URL", url)
        try:
            yield data_dir, url
        finally:
            close_app_pool(server_up=embedded.running_port(data_dir) is not None)


def test_signed_in_session_survives_a_restart_and_no_write_is_half_applied(own_server):
    data_dir, url = own_server
    port = embedded.running_port(data_dir)
    at = submit_login(start_app(), "lehrkraft", "leokop-demo")
    _signed_in_dashboard(at)
    _signed_in_dashboard(at.run())  # the pool now holds connections opened before the restart

    # a save is under way when the server goes down: its transaction dies with it
    writer = Database(app_url(url), max_size=2)
    try:
        with pytest.raises(psycopg.OperationalError):
            _share(writer, StopsTheServerMidWrite(data_dir))
        down_since = time.monotonic()
        assert embedded.running_port(data_dir) is None

        # during the outage: the German message, no exception box, still signed in
        at.run()
        assert not at.exception, at.exception
        assert texts.DB_UNAVAILABLE in errors(at)
        assert "dashboard" in registered_pages(at)
        # the outage goes on past the pool's fourth reconnection attempt (about 15 s after the first): without a
        # limit, its next attempt would come about 16 s later, after the restart, and the next page run would time out
        time.sleep(max(0.0, OUTAGE_S - (time.monotonic() - down_since)))

        embedded.start(data_dir, port)

        # afterwards: the same session works again without a new login (pooled connections are checked)
        _signed_in_dashboard(at.run())
        assert _rows(url) == (0, 0), "the save that died in the outage left no material and no version"
        _share(writer, PostgresStorage())  # the same pool saves again
        assert _rows(url) == (1, 1)
    finally:
        writer.close()


def test_a_quick_restart_between_two_page_runs_goes_unnoticed(own_server):
    """The server restarts while nobody clicks: the pooled connections are dead, but the next page run must not
    show an error (the pool checks a connection before handing it out)."""
    data_dir, _url = own_server
    port = embedded.running_port(data_dir)
    at = submit_login(start_app(), "lehrkraft", "leokop-demo")
    _signed_in_dashboard(at)
    _signed_in_dashboard(at.run())
    embedded.stop(data_dir)
    embedded.start(data_dir, port)
    _signed_in_dashboard(at.run())
