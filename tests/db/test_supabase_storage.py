"""The Supabase Storage backend against a real project: runs only when SUPABASE_URL and SUPABASE_SERVICE_KEY are
set (nothing on this machine serves Supabase's storage API), and is skipped with the reason printed otherwise."""

from __future__ import annotations

import os
import sys
from dataclasses import replace

import pytest

from leokop.config import load_settings
from leokop.repo import materials
from leokop.storage import storage_from_settings
from leokop.storage.supabase_backend import SupabaseStorage
from tests.db.test_materials import _pdf, _sharing
from tests.helpers import user_id

REASON = ("SUPABASE_URL and SUPABASE_SERVICE_KEY are not set: the Supabase Storage integration test needs a "
          "Supabase project with the bucket of sql/015 (see docs/supabase.md)")


@pytest.fixture(scope="module")
def bucket() -> SupabaseStorage:
    settings = load_settings()
    if not (settings.supabase_url and settings.supabase_service_key):
        print(f"\nsupabase storage test skipped: {REASON}", file=sys.stderr)
        pytest.skip(REASON)
    return storage_from_settings(replace(settings, storage="supabase"))


def test_file_goes_to_the_bucket_and_comes_back(bucket, db, owner):
    info, data = _pdf(f"Supabase Rundreise {os.getpid()}")
    material_id = materials.share_file(db, bucket, user_id("ausbilder"), _sharing(info.filename), info, data)
    version_id, key = owner.execute("select id, storage_key from material_versions where material_id = %s",
                                    (material_id,)).fetchone()
    assert key == f"{material_id}/{version_id}"
    assert owner.execute("select count(*) from material_blobs where version_id = %s", (version_id,)).fetchone()[0] == 0
    assert materials.download(db, bucket, user_id("lehrkraft"), version_id).data == data
    assert materials.download(db, bucket, user_id("ausbilder2"), version_id) is None  # the row gate refuses first
    bucket.discard(key)


class _FailsAfterUpload(SupabaseStorage):
    def write(self, conn, version_id, key, data, mime):
        super().write(conn, version_id, key, data, mime)
        self.written = key
        raise OSError("connection reset after the upload")


def test_failed_transaction_removes_the_uploaded_object(bucket, db, owner):
    settings = load_settings()
    failing = _FailsAfterUpload(settings.supabase_url, settings.supabase_service_key, settings.storage_bucket)
    info, data = _pdf(f"Supabase abgebrochen {os.getpid()}")
    with pytest.raises(OSError):
        materials.share_file(db, failing, user_id("ausbilder"), _sharing(info.filename), info, data)
    assert owner.execute("select count(*) from materials where title = %s", (info.filename,)).fetchone()[0] == 0
    with pytest.raises(Exception):  # noqa: B017 - storage3 raises its own error type for a missing object
        failing.read(None, None, failing.written)
