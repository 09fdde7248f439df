from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from palm_customs.app import create_app
from tests.conftest import ORIGIN, make_settings


@pytest.fixture
async def pwa_client(
    migrated: str, var_dir: Path, tmp_path: Path
) -> AsyncIterator[httpx.AsyncClient]:
    # given a built PWA (the shape vite produces)
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "icons").mkdir()
    (dist / "index.html").write_text("<!doctype html><title>Palm Customs</title>")
    (dist / "sw.js").write_text("self.addEventListener('install', () => {});")
    (dist / "manifest.webmanifest").write_text('{"name": "Palm Customs"}')
    (dist / "assets" / "index-abc123.js").write_text("console.log(1)")
    (dist / "icons" / "icon-192.png").write_bytes(b"\x89PNG")
    (tmp_path / "secret.txt").write_text("outside dist")
    application = create_app(make_settings(migrated, var_dir, PWA_DIST=str(dist)))
    transport = httpx.ASGITransport(app=application)
    async with httpx.AsyncClient(transport=transport, base_url=ORIGIN) as http:
        yield http


async def test_hashed_assets_are_immutable_for_a_year(pwa_client: httpx.AsyncClient) -> None:
    response = await pwa_client.get("/assets/index-abc123.js")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"


@pytest.mark.parametrize("path", ["/", "/index.html", "/sw.js", "/manifest.webmanifest"])
async def test_shell_files_are_revalidated_on_every_load(
    pwa_client: httpx.AsyncClient, path: str
) -> None:
    response = await pwa_client.get(path)
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-cache"


@pytest.mark.parametrize("path", ["/declare", "/services/abc", "/officer/queue"])
async def test_app_routes_fall_back_to_index_html(pwa_client: httpx.AsyncClient, path: str) -> None:
    response = await pwa_client.get(path)
    assert response.status_code == 200
    assert "<title>Palm Customs</title>" in response.text


@pytest.mark.parametrize(
    "path", ["/api/anything", "/.well-known/palm-keys", "/files/abc", "/graphql/extra"]
)
async def test_api_paths_never_fall_back_to_the_app(
    pwa_client: httpx.AsyncClient, path: str
) -> None:
    response = await pwa_client.get(path)
    assert response.status_code == 404
    assert "Palm Customs" not in response.text


async def test_a_missing_hashed_asset_is_a_404_not_the_shell(pwa_client: httpx.AsyncClient) -> None:
    response = await pwa_client.get("/assets/index-old999.js")
    assert response.status_code == 404


@pytest.mark.parametrize(
    "path", ["/../secret.txt", "/%2e%2e/secret.txt", "/assets/../../secret.txt"]
)
async def test_paths_cannot_escape_the_dist_folder(
    pwa_client: httpx.AsyncClient, path: str
) -> None:
    response = await pwa_client.get(path)
    assert "outside dist" not in response.text


async def test_an_unbuilt_pwa_says_how_to_build_it(client: httpx.AsyncClient) -> None:
    response = await client.get("/")
    assert response.status_code == 503
    assert "make build" in response.text
