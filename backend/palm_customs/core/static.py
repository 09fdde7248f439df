"""Serving the built PWA from pwa/dist with the caching each file needs.

Hashed files under /assets/ never change: cached for a year, immutable. index.html, the service
worker and the manifest must be revalidated on every load so an update reaches people. Any
other GET that is not an API path and not a file gets index.html (client-side routes).
"""

from __future__ import annotations

import mimetypes
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response

from palm_customs.core.http import API_PREFIXES

mimetypes.add_type("application/manifest+json", ".webmanifest")
mimetypes.add_type("text/javascript", ".js")

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
SHORT = "public, max-age=86400"
_NO_CACHE_FILES = frozenset({"index.html", "sw.js", "manifest.webmanifest", "registerSW.js"})


class PwaFiles:
    def __init__(self, dist: Path) -> None:
        self.dist = dist.resolve()

    def _file(self, relative: str) -> Path | None:
        if not relative or "\x00" in relative:
            return None
        candidate = (self.dist / relative).resolve()
        if not candidate.is_relative_to(self.dist) or not candidate.is_file():
            return None
        return candidate

    def _cache_control(self, relative: str) -> str:
        if relative.startswith("assets/"):
            return IMMUTABLE
        if relative in _NO_CACHE_FILES:
            return REVALIDATE
        return SHORT

    async def handle(self, request: Request) -> Response:
        path = request.url.path
        if request.method not in ("GET", "HEAD"):
            return JSONResponse({"error": "method not allowed"}, status_code=405)
        if path.startswith(API_PREFIXES):
            return JSONResponse({"error": "not found"}, status_code=404)
        relative = path.lstrip("/")
        found = self._file(relative)
        if found is not None:
            headers = {"cache-control": self._cache_control(relative)}
            if relative == "sw.js":
                headers["service-worker-allowed"] = "/"
            return FileResponse(found, headers=headers)
        if relative.startswith("assets/") or "." in relative.rsplit("/", 1)[-1]:
            # A missing file is a 404, not the app shell: a stale hashed asset must fail loudly.
            return PlainTextResponse("not found", status_code=404)
        index = self._file("index.html")
        if index is None:
            return PlainTextResponse(
                "The PWA has not been built: run `make build`.", status_code=503
            )
        return FileResponse(index, headers={"cache-control": REVALIDATE})
