"""Where the bytes of material files live: PostgreSQL (default) or a Supabase Storage bucket.

One setting (LEOKOP_STORAGE) chooses; the rest of the code only sees the `Storage` interface. Either way the version
row in PostgreSQL, under the material's row-level security, is the gate: a backend is asked for bytes only after
that row was read as the signed-in user.
"""

from __future__ import annotations

from typing import Protocol
from uuid import UUID

import psycopg

from leokop.config import Settings
from leokop.db.errors import SetupError

BACKENDS = ("postgres", "supabase")


class Storage(Protocol):
    def key_for(self, material_id: UUID, version_id: UUID) -> str | None:
        """The object key stored on the version row (None: the bytes live in the database)."""

    def write(self, conn: psycopg.Connection, version_id: UUID, key: str | None, data: bytes, mime: str) -> None:
        """Store the bytes inside the caller's transaction (or, outside the database, before it commits)."""

    def read(self, conn: psycopg.Connection, version_id: UUID, key: str | None) -> bytes | None:
        """The bytes of a version whose row the user could read; None when they are not there."""

    def discard(self, key: str | None) -> None:
        """Undo a write after the transaction failed (nothing to do inside the database)."""


def storage_from_settings(settings: Settings) -> Storage:
    """The backend the settings name: postgres, or supabase with URL, service key and bucket."""
    if settings.storage not in BACKENDS:
        raise SetupError(f"LEOKOP_STORAGE must be one of {', '.join(BACKENDS)}, not {settings.storage!r}.")
    if settings.storage == "supabase":
        from leokop.storage.supabase_backend import SupabaseStorage

        return SupabaseStorage(settings.supabase_url, settings.supabase_service_key, settings.storage_bucket)
    from leokop.storage.postgres_backend import PostgresStorage

    return PostgresStorage()
