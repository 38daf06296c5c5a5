"""File bytes in public.material_blobs: same transaction and same row-level security as the metadata."""

from __future__ import annotations

from uuid import UUID

import psycopg


class PostgresStorage:
    def key_for(self, material_id: UUID, version_id: UUID) -> None:
        return None

    def write(self, conn: psycopg.Connection, version_id: UUID, key: str | None, data: bytes, mime: str) -> None:
        # the database checks size and sha256 against the version row (sql/015, material_blob_check)
        conn.execute("insert into public.material_blobs (version_id, content) values (%s, %s)", (version_id, data))

    def read(self, conn: psycopg.Connection, version_id: UUID, key: str | None) -> bytes | None:
        row = conn.execute("select content from public.material_blobs where version_id = %s",
                           (version_id,)).fetchone()
        return None if row is None else bytes(row["content"])

    def discard(self, key: str | None) -> None:
        return None
