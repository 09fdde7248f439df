"""docker-compose.yml and deploy/Caddyfile describe a production that can actually start.

There is no Docker engine here, so the file is validated against the Compose Specification's
JSON Schema, and the wiring the schema cannot see is checked by reading it: service names,
environment against the settings module, healthchecks, and the proxy's upstream.
"""

from __future__ import annotations

import base64
import ipaddress
import json
import re
import secrets
import shlex
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema
import pytest
import yaml
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from palm_customs.cli import build_parser
from palm_customs.settings import (
    KNOWN_VARIABLES,
    REQUIRED_IN_PRODUCTION,
    ConfigurationError,
    Environment,
    StorageBackend,
    load_settings,
)

REPO_ROOT = Path(__file__).resolve().parents[1]
COMPOSE_FILE = REPO_ROOT / "docker-compose.yml"
CADDYFILE = REPO_ROOT / "deploy" / "Caddyfile"
COMPOSE_SCHEMA = REPO_ROOT / "tests" / "data" / "compose-spec.json"

PALM_SERVICES = ("app", "migrate", "worker")
SECRET_NAMES = ("POSTGRES_PASSWORD", "SECRET_KEY", "VAPID_PRIVATE_KEY", "S3_SECRET_ACCESS_KEY")


# --- helpers ------------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(
    r"\$(?:(?P<escaped>\$)|\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?P<op>:?[-?+])?(?P<arg>[^}]*)\}"
    r"|(?P<bare>[A-Za-z_][A-Za-z0-9_]*))"
)


class MissingVariable(Exception):
    pass


def interpolate(text: str, values: Mapping[str, str]) -> str:
    """Compose's substitution: $$, $VAR, ${VAR}, ${VAR:-d}, ${VAR-d}, ${VAR:?m}, ${VAR?m}."""

    def substitute(match: re.Match[str]) -> str:
        if match["escaped"]:
            return "$"
        name = match["name"] or match["bare"]
        op, arg = match["op"] or "", match["arg"] or ""
        value = values.get(name)
        unset_or_empty = not value if op.startswith(":") else value is None
        if op.endswith("?") and unset_or_empty:
            raise MissingVariable(f"{name}: {arg}")
        if op.endswith("-") and unset_or_empty:
            return arg
        if op.endswith("+"):
            return "" if unset_or_empty else arg
        return value or ""

    return _PLACEHOLDER.sub(substitute, text)


def interpolate_tree(node: Any, values: Mapping[str, str]) -> Any:
    if isinstance(node, str):
        return interpolate(node, values)
    if isinstance(node, list):
        return [interpolate_tree(item, values) for item in node]
    if isinstance(node, dict):
        return {key: interpolate_tree(value, values) for key, value in node.items()}
    return node


def placeholders(text: str) -> list[re.Match[str]]:
    return [m for m in _PLACEHOLDER.finditer(text) if not m["escaped"]]


def raw_compose() -> dict[str, Any]:
    loaded = yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def plausible_operator_environment() -> dict[str, str]:
    """What an operator puts in .env: a domain, a password, a secret key, a VAPID key pair."""
    key = ec.generate_private_key(ec.SECP256R1())
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    public = key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return {
        "PALM_DOMAIN": "palm.customs.example",
        "POSTGRES_PASSWORD": secrets.token_urlsafe(24),
        "SECRET_KEY": secrets.token_urlsafe(48),
        # One line, as an .env file holds it; the settings turn \n back into newlines.
        "VAPID_PRIVATE_KEY": pem.replace("\n", "\\n"),
        "VAPID_PUBLIC_KEY": b64url(public),
        "VAPID_SUBJECT": "mailto:ops@palm.customs.example",
        "S3_ACCESS_KEY_ID": "palm-documents",
        "S3_SECRET_ACCESS_KEY": secrets.token_urlsafe(24),
    }


def compose() -> dict[str, Any]:
    interpolated = interpolate_tree(raw_compose(), plausible_operator_environment())
    assert isinstance(interpolated, dict)
    return interpolated


def service(name: str) -> dict[str, Any]:
    services = compose()["services"]
    assert name in services, f"docker-compose.yml has no {name!r} service"
    found = services[name]
    assert isinstance(found, dict)
    return found


def environment_of(definition: Mapping[str, Any]) -> dict[str, str]:
    env = definition.get("environment") or {}
    if isinstance(env, list):
        return dict(item.split("=", 1) if "=" in item else (item, "") for item in env)
    return {str(k): "" if v is None else str(v) for k, v in env.items()}


def command_of(definition: Mapping[str, Any]) -> list[str]:
    command = definition.get("command") or []
    return shlex.split(command) if isinstance(command, str) else [str(c) for c in command]


def depends_on_names(definition: Mapping[str, Any]) -> list[str]:
    depends = definition.get("depends_on") or []
    return list(depends) if isinstance(depends, list | dict) else []


def app_port() -> int:
    command = command_of(service("app"))
    assert "--port" in command, "the app command must say which port it serves"
    return int(command[command.index("--port") + 1])


_CADDY_ENV = re.compile(r"\{\$(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?::(?P<default>[^}]*))?\}")


def caddy_environment(caddyfile: str, env: Mapping[str, str]) -> str:
    """Caddy's own substitution of {$VAR} and {$VAR:default}, before the file is parsed."""
    return _CADDY_ENV.sub(lambda m: env.get(m["name"]) or m["default"] or "", caddyfile)


def caddy_upstreams(caddyfile: str) -> list[tuple[str, int]]:
    """(host, port) of every reverse_proxy upstream: inline, `to` lines and `dynamic a` lookups."""
    lines = [line.split("#", 1)[0].strip() for line in caddyfile.splitlines()]
    upstreams: list[tuple[str, int]] = []
    depth_in_proxy: int | None = None
    depth = 0
    for line in lines:
        if not line:
            continue
        words = line.split()
        if words[0] == "reverse_proxy":
            depth_in_proxy = depth
            upstreams += [_host_port(w) for w in words[1:] if w not in ("{",)]
        elif depth_in_proxy is not None and depth == depth_in_proxy + 1:
            if words[0] == "to":
                upstreams += [_host_port(w) for w in words[1:] if w != "{"]
            elif words[:2] == ["dynamic", "a"] and len(words) >= 4:
                upstreams.append((words[2], int(words[3])))
        depth += line.count("{") - line.count("}")
        if depth_in_proxy is not None and depth <= depth_in_proxy:
            depth_in_proxy = None
    return upstreams


def _host_port(word: str) -> tuple[str, int]:
    parts = urlsplit(word if "://" in word else f"//{word}")
    return parts.hostname or "", parts.port or 80


# --- the file is a valid Compose file -----------------------------------------------------------


def test_the_compose_file_is_valid_against_the_compose_specification() -> None:
    # given
    schema = json.loads(COMPOSE_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    # when
    errors = sorted(validator.iter_errors(raw_compose()), key=lambda e: list(e.absolute_path))
    # then
    assert not errors, "\n".join(
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors
    )


def test_every_service_the_app_depends_on_exists() -> None:
    # given
    services = compose()["services"]
    # when
    dangling = {
        (name, dependency)
        for name, definition in services.items()
        for dependency in depends_on_names(definition)
        if dependency not in services
    }
    # then
    assert "app" in services
    assert not dangling, f"depends_on names services that do not exist: {sorted(dangling)}"


def test_the_app_starts_only_after_the_database_is_healthy_and_migrations_have_run() -> None:
    # given
    app = service("app")
    # when
    depends = app.get("depends_on")
    # then
    assert isinstance(depends, dict), "conditions need the long depends_on form"
    assert depends["postgres"]["condition"] == "service_healthy"
    assert depends["redis"]["condition"] == "service_healthy"
    assert depends["migrate"]["condition"] == "service_completed_successfully"
    assert "--no-migrate" in command_of(app), "replicas must not race to migrate"
    assert command_of(service("migrate"))[:2] == ["palm-customs", "migrate"]


@pytest.mark.parametrize("name", PALM_SERVICES)
def test_a_palm_service_runs_a_real_cli_command(name: str) -> None:
    # given
    parser = build_parser()
    subcommands = next(
        action.choices
        for action in parser._actions
        if isinstance(action.choices, dict)  # the subparsers action
    )
    # when
    command = command_of(service(name))
    # then
    assert command[0] == "palm-customs", f"{name} does not run palm-customs"
    assert command[1] in subcommands, f"{name} runs `palm-customs {command[1]}`: no such command"


# --- environment against the settings module ---------------------------------------------------


@pytest.mark.parametrize("name", PALM_SERVICES)
def test_a_palm_service_is_given_every_variable_production_requires(name: str) -> None:
    # given
    env = environment_of(service(name))
    # when
    missing = [variable for variable in REQUIRED_IN_PRODUCTION if not env.get(variable)]
    # then
    assert env.get("PALM_ENV") == "production"
    assert not missing, f"{name} lacks {missing}"


@pytest.mark.parametrize("name", PALM_SERVICES)
def test_a_palm_service_is_given_only_variables_the_server_reads(name: str) -> None:
    # given
    env = environment_of(service(name))
    # when
    unknown = sorted(set(env) - set(KNOWN_VARIABLES))
    # then
    assert not unknown, f"{name} sets variables the server never reads: {unknown}"


def test_the_database_url_points_at_the_postgres_service() -> None:
    # given
    services = compose()["services"]
    url = urlsplit(environment_of(services["app"])["DATABASE_URL"])
    postgres_env = environment_of(services["postgres"])
    # when
    host, port, database = url.hostname, url.port or 5432, url.path.lstrip("/")
    # then
    assert url.scheme in ("postgres", "postgresql")
    assert host == "postgres"
    assert host in services
    assert port == 5432
    assert database == postgres_env["POSTGRES_DB"]
    assert url.username == postgres_env["POSTGRES_USER"]
    assert url.password == postgres_env["POSTGRES_PASSWORD"]


def test_the_redis_url_points_at_the_redis_service() -> None:
    # given
    services = compose()["services"]
    # when
    url = urlsplit(environment_of(services["app"])["REDIS_URL"])
    # then
    assert url.scheme == "redis"
    assert url.hostname == "redis"
    assert "redis" in services
    assert (url.port or 6379) == 6379


def test_no_secret_in_the_file_has_a_default_value() -> None:
    # given
    text = COMPOSE_FILE.read_text(encoding="utf-8")
    # when
    references = [m for m in placeholders(text) if (m["name"] or m["bare"]) in SECRET_NAMES]
    lenient = [m.group(0) for m in references if m["op"] != ":?"]
    # then
    assert references, "the secrets must come from the operator's environment"
    assert not lenient, f"secrets must be required (${{VAR:?message}}), not defaulted: {lenient}"


def test_the_file_refuses_to_start_when_a_secret_is_missing() -> None:
    # given
    operator_env = plausible_operator_environment()
    del operator_env["SECRET_KEY"]
    # when / then
    with pytest.raises(MissingVariable, match="SECRET_KEY"):
        interpolate_tree(raw_compose(), operator_env)


def test_production_settings_accept_the_app_environment() -> None:
    # given
    env = environment_of(service("app"))
    # when
    settings = load_settings(env)
    # then
    assert settings.env is Environment.PRODUCTION
    assert not settings.uses_sqlite
    assert settings.public_origin == "https://palm.customs.example"
    assert settings.redis_url == "redis://redis:6379/0"
    assert settings.workers == 4
    assert settings.vapid_private_key.reveal().startswith("-----BEGIN PRIVATE KEY-----\n")


@pytest.mark.parametrize("variable", REQUIRED_IN_PRODUCTION)
def test_production_settings_refuse_the_app_environment_without_a_required_variable(
    variable: str,
) -> None:
    # given
    env = environment_of(service("app"))
    del env[variable]
    # when / then
    with pytest.raises(ConfigurationError, match=variable):
        load_settings(env)


# --- healthchecks and the proxy -----------------------------------------------------------------


def _probe_url(definition: Mapping[str, Any]) -> tuple[str | None, int | None, str]:
    healthcheck = definition.get("healthcheck") or {}
    probe = " ".join(command_of({"command": healthcheck.get("test") or []}))
    urls = re.findall(r"https?://[^\s'\"]+", probe)
    assert urls, "the healthcheck must fetch a URL"
    parts = urlsplit(urls[0])
    return parts.hostname, parts.port, parts.path


def test_the_app_healthcheck_asks_the_served_port_for_readiness() -> None:
    # when
    host, port, path = _probe_url(service("app"))
    # then: ready means the database (migrated) and Redis answer, not only that it is alive
    assert host in ("localhost", "127.0.0.1")
    assert port == app_port()
    assert path == "/readyz"


def test_the_worker_healthcheck_asks_its_heartbeat() -> None:
    # given
    worker = service("worker")
    env = environment_of(worker)
    # when
    host, port, path = _probe_url(worker)
    # then
    assert host in ("localhost", "127.0.0.1")
    assert port == int(env["WORKER_HEALTH_PORT"])
    assert path == "/healthz"
    assert str(port) in [str(p) for p in worker.get("expose") or []]
    assert not worker.get("ports"), "worker health and metrics stay on the internal network"


@pytest.mark.parametrize("name", ["postgres", "redis"])
def test_the_data_services_have_healthchecks(name: str) -> None:
    # given
    healthcheck = service(name).get("healthcheck") or {}
    # when
    probe = command_of({"command": healthcheck.get("test") or []})
    # then
    assert not healthcheck.get("disable")
    expected = {"postgres": "pg_isready", "redis": "redis-cli"}[name]
    assert expected in probe, f"{name} healthcheck should run {expected}: {probe}"


def test_the_app_runs_several_replicas_with_several_workers_each() -> None:
    # given
    app = service("app")
    # when
    replicas = (app.get("deploy") or {}).get("replicas", 1)
    workers = int(environment_of(app).get("WEB_CONCURRENCY", "1"))
    # then
    assert replicas >= 2
    assert workers >= 2
    assert not app.get("ports"), "replicas cannot share a host port: only the proxy publishes"


def test_the_proxy_sends_every_request_to_each_app_replica_on_the_port_it_serves() -> None:
    # given
    caddyfile = CADDYFILE.read_text(encoding="utf-8")
    app = service("app")
    replicas = (app.get("deploy") or {}).get("replicas", 1)
    # when Caddy reads the file with the proxy's environment
    upstreams = caddy_upstreams(caddy_environment(caddyfile, environment_of(service("proxy"))))
    # then each replica (named <project>-app-<n> by compose) is an upstream
    assert upstreams, "deploy/Caddyfile has no reverse_proxy upstream"
    project = compose()["name"]
    assert upstreams == [(f"{project}-app-{n}", app_port()) for n in range(1, replicas + 1)]


def test_the_app_believes_forwarded_addresses_from_the_proxy_only() -> None:
    # given
    proxy = service("proxy")
    address = proxy["networks"]["default"]["ipv4_address"]
    subnet = compose()["networks"]["default"]["ipam"]["config"][0]["subnet"]
    # when
    trusted = {
        name: load_settings(environment_of(service(name))).trusted_proxies for name in PALM_SERVICES
    }
    # then
    assert ipaddress.ip_address(address) in ipaddress.ip_network(subnet)
    assert trusted["app"] == (str(ipaddress.ip_network(address)),)  # the proxy alone (/32)


def test_documents_live_in_object_storage_that_the_migration_prepares() -> None:
    # given one reading of the file (each reading draws new secrets)
    services = compose()["services"]
    app_env = environment_of(services["app"])
    minio = services["minio"]
    # when
    settings = load_settings(app_env)
    # then replicas share no folder: documents go to the minio service, with its credentials
    assert settings.storage_backend is StorageBackend.S3
    assert settings.s3_endpoint_url == "http://minio:9000"
    assert environment_of(minio)["MINIO_ROOT_USER"] == app_env["S3_ACCESS_KEY_ID"]
    assert environment_of(minio)["MINIO_ROOT_PASSWORD"] == app_env["S3_SECRET_ACCESS_KEY"]
    assert "minio" in depends_on_names(service("migrate"))
    assert not any("palm_var" in str(v) for v in service("app").get("volumes") or [])


def test_the_proxy_serves_tls_for_the_configured_domain() -> None:
    # given
    proxy = service("proxy")
    caddyfile = CADDYFILE.read_text(encoding="utf-8")
    # when
    published = {str(p).split(":")[-1].split("/")[0] for p in proxy.get("ports") or []}
    mounts = [str(v) for v in proxy.get("volumes") or []]
    # then
    assert "443" in published
    assert "80" in published, "port 80 answers ACME challenges and redirects to https"
    assert re.search(r"^\{\$PALM_DOMAIN\}\s*\{", caddyfile, re.MULTILINE)
    assert environment_of(proxy)["PALM_DOMAIN"] == "palm.customs.example"
    assert any(m.startswith("./deploy/Caddyfile:/etc/caddy/Caddyfile") for m in mounts)


def test_wechat_pay_settings_reach_the_app_and_online_payment_is_off_without_them() -> None:
    # given an operator who has not set up WeChat Pay
    # then the app starts without online payment
    assert load_settings(environment_of(service("app"))).wechatpay is None
    # given one who set the merchant's keys and points at the provider's sandbox
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    public = (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    operator_env = {
        **plausible_operator_environment(),
        "WECHATPAY_MCHID": "1900000109",
        "WECHATPAY_APPID": "wxd678efh567hg6787",
        "WECHATPAY_PRIVATE_KEY": pem.replace("\n", "\\n"),
        "WECHATPAY_CERT_SERIAL_NO": "5157F09EFDC096DE15EBE81A47057A7232F1B8E1",
        "WECHATPAY_APIV3_KEY": "a" * 32,
        "WECHATPAY_PUBLIC_KEY": public.replace("\n", "\\n"),
        "WECHATPAY_PUBLIC_KEY_ID": "PUB_KEY_ID_0114232134912410000000000000",
        "WECHATPAY_GATEWAY": "https://sandbox.pay.example",
    }
    app = interpolate_tree(raw_compose(), operator_env)["services"]["app"]  # type: ignore[index]
    # when the app reads its environment
    settings = load_settings(environment_of(app))
    # then every key reached it and payments go to the sandbox, notified on the site's origin
    assert settings.wechatpay is not None
    assert settings.wechatpay.merchant_id == "1900000109"
    assert settings.wechatpay.gateway == "https://sandbox.pay.example"
    assert settings.wechatpay.notify_url == "https://palm.customs.example/payments/wechat/notify"
    assert settings.wechatpay.private_key.reveal().startswith("-----BEGIN PRIVATE KEY-----\n")
    assert settings.wechatpay.timeout_seconds == 10
