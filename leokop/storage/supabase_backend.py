"""File bytes in a private Supabase Storage bucket, through the `supabase` package (storage3).

The service key stays on the server; users never talk to the bucket. Objects are named "<material_id>/<version_id>"
(the storage policy of sql/015 reads the material id from the first folder).
"""

from __future__ import annotations

from uuid import UUID

import psycopg

try:  # the adapter is optional: the default storage needs nothing from Supabase
    from supabase import create_client
except ImportError:  # pragma: no cover - supabase is pinned in requirements.txt
    create_client = None


class SupabaseStorage:
    def __init__(self, url: str | None, service_key: str | None, bucket: str) -> None:
        if create_client is None:
            raise RuntimeError("LEOKOP_STORAGE=supabase needs the supabase package (pip install supabase)")
        if not url or not service_key:
            raise RuntimeError("LEOKOP_STORAGE=supabase needs SUPABASE_URL and SUPABASE_SERVICE_KEY")
        self.bucket = create_client(url, service_key).storage.from_(bucket)

    def key_for(self, material_id: UUID, version_id: UUID) -> str:
        return f"{material_id}/{version_id}"

    def write(self, conn: psycopg.Connection, version_id: UUID, key: str | None, data: bytes, mime: str) -> None:
        self.bucket.upload(key, data, {"content-type": mime, "upsert": "false"})

    def read(self, conn: psycopg.Connection, version_id: UUID, key: str | None) -> bytes | None:
        return self.bucket.download(key)

    def discard(self, key: str | None) -> None:
        if key:
            self.bucket.remove([key])
