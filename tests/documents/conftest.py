"""Document tests run on both storages: files under VAR_DIR, and a real local S3 server.

The S3 server is moto's standalone server (moto_server) started once per session on
127.0.0.1 as a subprocess: the code under test speaks real HTTP S3 to it through boto3.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import boto3
import httpx
import pytest

from palm_customs.settings import Settings
from tests.conftest import make_settings


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    port = _free_port()
    server = shutil.which("moto_server", path=str(Path(sys.executable).parent))
    assert server, "moto[server] is a dev dependency: pip install -e '.[dev]'"
    process = subprocess.Popen(
        [server, "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{url}/moto-api/", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("moto_server did not start") from None
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


S3_CREDENTIALS = {"S3_ACCESS_KEY_ID": "testing", "S3_SECRET_ACCESS_KEY": "testing-secret"}


def create_bucket(endpoint: str) -> str:
    bucket = f"palm-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=S3_CREDENTIALS["S3_ACCESS_KEY_ID"],
        aws_secret_access_key=S3_CREDENTIALS["S3_SECRET_ACCESS_KEY"],
    )
    client.create_bucket(Bucket=bucket)
    return bucket


@pytest.fixture(params=["filesystem", "s3"])
def settings(request: pytest.FixtureRequest, migrated: str, tmp_path: Path) -> Settings:
    """Each test runs once per storage backend, with a store of its own."""
    if request.param == "filesystem":
        return make_settings(migrated, tmp_path, STORAGE_BACKEND="filesystem")
    endpoint: str = request.getfixturevalue("s3_endpoint")
    return make_settings(
        migrated,
        tmp_path,
        STORAGE_BACKEND="s3",
        S3_ENDPOINT_URL=endpoint,
        S3_BUCKET=create_bucket(endpoint),
        S3_REGION="us-east-1",
        **S3_CREDENTIALS,
    )
