"""Where document files live: a small interface with a local and an S3-compatible backend.

Blobs are content-addressed (the key is the SHA-256 of the bytes), so writing the same file
twice is harmless and a retried upload never leaves a second copy. Both backends pass the same
tests (tests/documents runs each test on both), the S3 one against a real local S3-compatible
server; tests/topology serves two replicas from one bucket.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import anyio.to_thread
import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

from palm_customs.settings import Settings, StorageBackend

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


class BlobStore(Protocol):
    async def put(self, key: str, data: bytes, *, media_type: str) -> None: ...

    async def get(self, key: str) -> bytes | None: ...

    async def exists(self, key: str) -> bool: ...

    async def delete(self, key: str) -> None: ...


def blob_key(sha256: str) -> str:
    return f"documents/{sha256[:2]}/{sha256}"


class FilesystemStore:
    """Files under a directory (VAR_DIR/blobs by default), written atomically."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    def _path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if not path.is_relative_to(self.root):
            raise ValueError("blob key escapes the store")
        return path

    def _put(self, key: str, data: bytes) -> None:
        path = self._path(key)
        if path.exists():
            return
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".part-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
            raise

    def _get(self, key: str) -> bytes | None:
        try:
            return self._path(key).read_bytes()
        except FileNotFoundError:
            return None

    def _delete(self, key: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self._path(key).unlink()

    async def put(self, key: str, data: bytes, *, media_type: str) -> None:
        await anyio.to_thread.run_sync(self._put, key, data)

    async def get(self, key: str) -> bytes | None:
        return await anyio.to_thread.run_sync(self._get, key)

    async def exists(self, key: str) -> bool:
        return await anyio.to_thread.run_sync(self._path(key).is_file)

    async def delete(self, key: str) -> None:
        await anyio.to_thread.run_sync(self._delete, key)


class S3Store:
    """An S3-compatible bucket (AWS S3, MinIO, Ceph…). boto3 is synchronous: calls run in
    worker threads, and the client (thread-safe) is shared."""

    def __init__(
        self,
        *,
        bucket: str,
        endpoint_url: str | None,
        region: str,
        access_key_id: str | None,
        secret_access_key: str | None,
    ) -> None:
        self.bucket = bucket
        self.client: S3Client = boto3.client(
            "s3",
            endpoint_url=endpoint_url,
            region_name=region,
            aws_access_key_id=access_key_id,
            aws_secret_access_key=secret_access_key,
            config=Config(
                retries={"max_attempts": 3, "mode": "standard"},
                connect_timeout=5,
                read_timeout=30,
                s3={"addressing_style": "path"},
            ),
        )

    def _get(self, key: str) -> bytes | None:
        try:
            response = self.client.get_object(Bucket=self.bucket, Key=key)
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
                return None
            raise
        body = response["Body"]
        try:
            return body.read()
        finally:
            body.close()

    def _exists(self, key: str) -> bool:
        try:
            self.client.head_object(Bucket=self.bucket, Key=key)
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
                return False
            raise
        return True

    async def put(self, key: str, data: bytes, *, media_type: str) -> None:
        await anyio.to_thread.run_sync(
            lambda: self.client.put_object(
                Bucket=self.bucket, Key=key, Body=data, ContentType=media_type
            )
        )

    def _ensure_bucket(self) -> bool:
        try:
            self.client.head_bucket(Bucket=self.bucket)
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") not in ("NoSuchBucket", "404"):
                raise
            self.client.create_bucket(Bucket=self.bucket)
            return True
        return False

    async def ensure_bucket(self) -> bool:
        """Create the bucket if it does not exist (`palm-customs migrate` does, so a fresh
        deployment needs no separate step); True if it was created."""
        return await anyio.to_thread.run_sync(self._ensure_bucket)

    async def get(self, key: str) -> bytes | None:
        return await anyio.to_thread.run_sync(self._get, key)

    async def exists(self, key: str) -> bool:
        return await anyio.to_thread.run_sync(self._exists, key)

    async def delete(self, key: str) -> None:
        await anyio.to_thread.run_sync(
            lambda: self.client.delete_object(Bucket=self.bucket, Key=key)
        )


def build_store(settings: Settings) -> BlobStore:
    if settings.storage_backend is StorageBackend.S3:
        assert settings.s3_bucket is not None  # load_settings refuses s3 without a bucket
        return S3Store(
            bucket=settings.s3_bucket,
            endpoint_url=settings.s3_endpoint_url,
            region=settings.s3_region,
            access_key_id=settings.s3_access_key_id,
            secret_access_key=settings.s3_secret_access_key.reveal()
            if settings.s3_secret_access_key
            else None,
        )
    return FilesystemStore(settings.var_dir / "blobs")


_store: BlobStore | None = None


def use_store(store: BlobStore) -> None:
    """Install the process's store (the app factory does, from the settings)."""
    global _store
    _store = store


def current_store() -> BlobStore:
    if _store is None:
        raise RuntimeError("no document store configured: create_app installs one")
    return _store
