"""The container deployments in docs/deploy/ are well formed and run our stack.

Neither Docker nor Kubernetes runs here, so each file is checked against a
vendored subset of its schema (``schemas/``: unknown keys are refused, so a typo
fails), then across files: names that refer to each other exist, and every
server runs the launcher's own command (``bot.stack.commands``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from bot.settings import PROJECT_ROOT
from bot.stack import deploy, nginx
from bot.stack.commands import actions_command, rasa_command, web_command

DEPLOY = PROJECT_ROOT / "docs" / "deploy"
SCHEMAS = Path(__file__).resolve().parent / "schemas"
KUBERNETES = sorted((DEPLOY / "kubernetes").glob("*.yaml"))
COMPOSE = DEPLOY / "compose" / "docker-compose.yml"


def schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / name).read_text())


def objects() -> list[dict[str, Any]]:
    return [
        document
        for path in KUBERNETES
        for document in yaml.safe_load_all(path.read_text())
        if document
    ]


def by_kind(kind: str) -> dict[str, dict[str, Any]]:
    return {o["metadata"]["name"]: o for o in objects() if o["kind"] == kind}


def workloads() -> dict[str, dict[str, Any]]:
    return {**by_kind("Deployment"), **by_kind("StatefulSet"), **by_kind("Job")}


def containers() -> dict[str, dict[str, Any]]:
    return {
        c["name"]: c
        for w in workloads().values()
        for c in w["spec"]["template"]["spec"]["containers"]
    }


def as_in_container(command: list[str]) -> list[str]:
    """The launcher's command with the image's ``python`` and its model folder."""
    return ["python", *command[1:]]


# --- Kubernetes ------------------------------------------------------------


def test_there_is_a_manifest_set() -> None:
    kinds = {o["kind"] for o in objects()}
    assert kinds == {
        "ConfigMap",
        "Secret",
        "StatefulSet",
        "Deployment",
        "Service",
        "Job",
        "Ingress",
    }


@pytest.mark.parametrize("path", KUBERNETES, ids=lambda p: p.name)
def test_each_object_matches_the_kubernetes_schema(path: Path) -> None:
    validator = jsonschema.Draft7Validator(schema("kubernetes.json"))
    for document in yaml.safe_load_all(path.read_text()):
        errors = [e.message for e in validator.iter_errors(document)]
        assert errors == [], (document.get("kind"), document["metadata"], errors)


def test_the_schema_refuses_a_typo() -> None:
    deployment = json.loads(json.dumps(by_kind("Deployment")["backchat-rasa"]))
    deployment["spec"]["replica"] = deployment["spec"].pop("replicas")
    assert not jsonschema.Draft7Validator(schema("kubernetes.json")).is_valid(
        deployment
    )


def test_selectors_match_their_pods_and_services_find_them() -> None:
    pods = []
    for name, workload in workloads().items():
        labels = workload["spec"]["template"]["metadata"]["labels"]
        selector = workload["spec"].get("selector", {}).get("matchLabels", {})
        assert selector.items() <= labels.items(), name
        pods.append(labels)
    for name, service in by_kind("Service").items():
        wanted = service["spec"]["selector"].items()
        assert any(wanted <= labels.items() for labels in pods), name


def test_every_reference_names_something_that_exists() -> None:
    config = by_kind("ConfigMap")
    secrets = by_kind("Secret")
    services = by_kind("Service")
    for container in containers().values():
        for source in container.get("envFrom", []):
            if "configMapRef" in source:
                assert source["configMapRef"]["name"] in config
            if "secretRef" in source:
                assert source["secretRef"]["name"] in secrets
        for variable in container.get("env", []):
            ref = variable.get("valueFrom", {}).get("secretKeyRef")
            if ref:
                assert ref["key"] in secrets[ref["name"]]["stringData"]
    ports = {
        (name, port["port"])
        for name, service in services.items()
        for port in service["spec"]["ports"]
    }
    for ingress in by_kind("Ingress").values():
        for rule in ingress["spec"]["rules"]:
            for path in rule["http"]["paths"]:
                backend = path["backend"]["service"]
                assert (backend["name"], backend["port"]["number"]) in ports


def test_socket_io_is_sticky_and_rest_is_not() -> None:
    ingresses = by_kind("Ingress")
    sticky = ingresses["backchat-socketio"]["metadata"]["annotations"]
    assert sticky["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    paths = [
        p["path"]
        for p in ingresses["backchat-socketio"]["spec"]["rules"][0]["http"]["paths"]
    ]
    assert paths == ["/socket.io/"]
    assert "annotations" not in ingresses["backchat"]["metadata"] or (
        "nginx.ingress.kubernetes.io/affinity"
        not in ingresses["backchat"]["metadata"]["annotations"]
    )


def test_the_servers_run_the_launchers_commands() -> None:
    found = containers()
    cors = found["rasa"]["command"][-1]
    assert found["rasa"]["command"] == as_in_container(
        rasa_command("models", deploy.RASA_PORT, cors=(cors,))
    )
    assert found["actions"]["command"] == as_in_container(
        actions_command(deploy.ACTION_PORT)
    )
    assert found["web"]["command"] == as_in_container(web_command())
    assert by_kind("Deployment")["backchat-rasa"]["spec"]["replicas"] == 2


def test_the_settings_are_ones_bot_reads() -> None:
    settings = (PROJECT_ROOT / "bot").rglob("*.py")
    source = "\n".join(p.read_text() for p in settings)
    source += (PROJECT_ROOT / "endpoints.yml").read_text()
    names = set(by_kind("ConfigMap")["backchat-config"]["data"])
    names |= set(by_kind("Secret")["backchat-secrets"]["stringData"])
    names -= {"POSTGRES_PASSWORD", "TF_CPP_MIN_LOG_LEVEL", "RASA_TELEMETRY_ENABLED"}
    unread = sorted(n for n in names if n not in source)
    assert unread == []


# --- Docker Compose ---------------------------------------------------------


def compose() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE.read_text())


def test_the_compose_file_matches_the_compose_schema() -> None:
    validator = jsonschema.Draft7Validator(schema("compose.json"))
    assert [e.message for e in validator.iter_errors(compose())] == []


def test_compose_references_exist() -> None:
    spec = compose()
    services = spec["services"]
    for name, service in services.items():
        for other in service.get("depends_on", {}):
            assert other in services, (name, other)
        for secret in service.get("secrets", []):
            assert secret in spec["secrets"], (name, secret)
        for volume in service.get("volumes", []):
            source = volume.split(":", 1)[0]
            if source.startswith("./"):
                assert (COMPOSE.parent / source).exists(), source
            else:
                assert source in spec["volumes"], source


def test_compose_runs_the_launchers_commands_and_nginx_config() -> None:
    services = compose()["services"]
    replicas = deploy.compose_replica_names()
    assert all(name in services for name in replicas)
    for name in replicas:
        command = services[name]["command"]
        assert (
            command[:-1]
            == as_in_container(rasa_command("models", deploy.RASA_PORT, cors=("x",)))[
                :-1
            ]
        )
    assert services["actions"]["command"] == as_in_container(
        actions_command(deploy.ACTION_PORT)
    )
    assert services["web"]["command"] == as_in_container(web_command())
    committed = (COMPOSE.parent / "nginx.conf").read_text()
    assert committed == nginx.config(deploy.compose_layout()), (
        "regenerate: python -m bot.stack.deploy > docs/deploy/compose/nginx.conf"
    )
