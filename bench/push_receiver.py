"""The push service for bench/bench_push_fanout.py, in a process of its own.

`python bench/push_receiver.py <port> <devices.json>`: serves tests/notifications/receiver.py's
Receiver (which checks each VAPID signature and decrypts each message) for the devices in the
file (path, private key PEM, auth secret), and answers `GET /count` with how many messages it
decrypted. Runs until terminated.
"""

from __future__ import annotations

import asyncio
import base64
import json
import sys
from pathlib import Path

from aiohttp import web
from cryptography.hazmat.primitives import serialization

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from tests.notifications.receiver import Device, Receiver  # noqa: E402


async def serve(port: int, entries: list[dict[str, str]]) -> None:
    receiver = Receiver()
    for entry in entries:
        key = serialization.load_pem_private_key(entry["key"].encode(), password=None)
        auth = base64.b64decode(entry["auth"])
        device = Device(path=entry["path"], key=key, auth=auth)  # type: ignore[arg-type]
        receiver.devices[device.path] = device
    receiver.origin = f"http://127.0.0.1:{port}"

    async def count(_request: web.Request) -> web.Response:
        return web.json_response({"decrypted": len(receiver.deliveries)})

    app = web.Application()
    app.router.add_post("/push/{name}", receiver._handle)
    app.router.add_get("/count", count)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    print("ready", flush=True)
    await asyncio.Event().wait()


def write_devices(devices: list[Device], path: Path) -> None:
    path.write_text(
        json.dumps(
            [
                {
                    "path": d.path,
                    "key": d.key.private_bytes(
                        serialization.Encoding.PEM,
                        serialization.PrivateFormat.PKCS8,
                        serialization.NoEncryption(),
                    ).decode(),
                    "auth": base64.b64encode(d.auth).decode(),
                }
                for d in devices
            ]
        )
    )


if __name__ == "__main__":
    asyncio.run(serve(int(sys.argv[1]), json.loads(Path(sys.argv[2]).read_text())))
