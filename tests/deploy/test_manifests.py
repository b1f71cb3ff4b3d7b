"""Offline checks of everything under deploy/: manifests, CRD schemas, rules, the Dockerfile.

The same invariants run on the YAML as written and, where kubectl is installed, on what
`kubectl kustomize` renders for every overlay. Custom resources are validated against the
JSON schemas kept in deploy/schemas/; core kinds are checked structurally here. promtool,
where installed, checks the alert rules and every other PromQL expression in deploy/.
Without kubectl or promtool those tests skip, except under CI=true, where they fail.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema
import pytest
import yaml
from prometheus_client import REGISTRY

import ecotrack.platform  # noqa: F401 - registers every service's metrics
from ecotrack.core.config import Settings
from ecotrack.platform import SERVICE_SPECS
from ecotrack.users import service as users_service

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
K8S = DEPLOY / "k8s"
SCHEMAS = DEPLOY / "schemas"
OVERLAYS = sorted(path.name for path in (K8S / "overlays").iterdir() if path.is_dir())

SERVICES = frozenset({*SERVICE_SPECS, "gateway"})
BACKENDS = SERVICES - {"gateway"}
SETTINGS = frozenset(f"ECOTRACK_{name.upper()}" for name in Settings.model_fields)
UPSTREAM_SETTINGS = frozenset(f"ECOTRACK_{name.upper()}_URL" for name in BACKENDS)
PORT = 8000
LISTEN_ALL = "0.0.0.0"  # noqa: S104 - what the pods must bind, checked, not bound
TMP = "/tmp"  # noqa: S108 - the path the pods mount an emptyDir on
NAMESPACE = "ecotrack"
SECRET = "ecotrack-secrets"
GATEWAY_PRINCIPAL = f"cluster.local/ns/{NAMESPACE}/sa/gateway"
# Namespaced objects that must live elsewhere: the ClusterIssuer's CA and MetalLB's pool.
OTHER_NAMESPACES = {
    ("Certificate", "ecotrack-root-ca"): "cert-manager",
    ("IPAddressPool", "ecotrack"): "metallb-system",
    ("L2Advertisement", "ecotrack"): "metallb-system",
    ("AppProject", "ecotrack"): "argocd",
    ("Application", "ecotrack"): "argocd",
}
CLUSTER_SCOPED = {"Namespace", "ClusterIssuer"}
# API groups whose kinds are Kubernetes' own: checked structurally, not by schema.
CORE_GROUPS = {"", "apps", "batch", "policy", "autoscaling", "networking.k8s.io"}
# Files that are YAML but not Kubernetes objects.
NOT_OBJECTS = {"Kustomization", "Component", "Simple"}

IN_CI = os.environ.get("CI", "").lower() == "true"
Doc = dict[str, Any]


# ---- loading -----------------------------------------------------------------------------


def _documents(text: str) -> list[Doc]:
    return [doc for doc in yaml.safe_load_all(text) if doc]


def _raw_files() -> list[Path]:
    return sorted(p for p in DEPLOY.rglob("*") if p.suffix in {".yaml", ".yml"} and p.is_file())


@cache
def raw_docs() -> list[tuple[Path, Doc]]:
    return [(path, doc) for path in _raw_files() for doc in _documents(path.read_text())]


def raw_objects() -> list[Doc]:
    return [doc for _, doc in raw_docs() if doc.get("kind") not in NOT_OBJECTS]


def require_tool(name: str, install: str) -> str:
    """The tool's path; without it skip, or fail under CI=true where it must be installed."""
    path = shutil.which(name)
    if path is None:
        message = f"`{name}` is not on PATH: install it ({install})"
        if IN_CI:
            pytest.fail(message + "; CI must run these checks")
        pytest.skip(message + " to run these checks")
    return path


@cache
def _render(target: str) -> list[Doc]:
    kubectl = require_tool("kubectl", "kubectl 1.27 or newer, with kustomize built in")
    result = subprocess.run(
        [kubectl, "kustomize", str(K8S / target)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, f"kubectl kustomize {target} failed:\n{result.stderr}"
    return _documents(result.stdout)


def rendered(overlay: str) -> list[Doc]:
    return _render(f"overlays/{overlay}")


def kind(docs: Iterable[Doc], *kinds: str) -> list[Doc]:
    return [doc for doc in docs if doc.get("kind") in kinds]


def name_of(doc: Doc) -> str:
    return str(doc["metadata"]["name"])


def where(doc: Doc) -> str:
    return f"{doc.get('kind')}/{doc.get('metadata', {}).get('name')}"


def one(docs: Iterable[Doc], kind_: str, name: str) -> Doc:
    found = [d for d in docs if d.get("kind") == kind_ and name_of(d) == name]
    assert len(found) == 1, f"expected one {kind_}/{name}, found {len(found)}"
    return found[0]


# ---- the invariants, as functions returning problems ---------------------------------------


def pod_spec(doc: Doc) -> Doc | None:
    """The pod spec of a workload, or None (a Rollout that references a Deployment)."""
    template = doc.get("spec", {}).get("template")
    return template.get("spec") if template else None


def _effective(container: Doc, pod: Doc, key: str) -> Any:
    value = container.get("securityContext", {}).get(key)
    return pod.get("securityContext", {}).get(key) if value is None else value


def _port_number(container: Doc, port: Any) -> Any:
    for declared in container.get("ports", []):
        if port == declared.get("name"):
            return declared["containerPort"]
    return port


def container_problems(doc: Doc) -> Iterator[str]:
    """Security, resources and /tmp for every container of a Deployment, Rollout or Job."""
    pod = pod_spec(doc)
    if pod is None:
        return
    tmp_volumes = {v["name"] for v in pod.get("volumes", []) if "emptyDir" in v}
    for container in pod.get("initContainers", []) + pod["containers"]:
        at = f"{where(doc)} container {container['name']}"
        context = container.get("securityContext", {})
        if _effective(container, pod, "runAsNonRoot") is not True:
            yield f"{at}: runAsNonRoot is not true"
        if context.get("readOnlyRootFilesystem") is not True:
            yield f"{at}: readOnlyRootFilesystem is not true"
        if context.get("allowPrivilegeEscalation") is not False:
            yield f"{at}: allowPrivilegeEscalation is not false"
        if context.get("capabilities", {}).get("drop") != ["ALL"]:
            yield f"{at}: capabilities do not drop ALL"
        seccomp = _effective(container, pod, "seccompProfile") or {}
        if seccomp.get("type") != "RuntimeDefault":
            yield f"{at}: seccompProfile is not RuntimeDefault"
        resources = container.get("resources", {})
        for part in ("requests", "limits"):
            if set(resources.get(part, {})) < {"cpu", "memory"}:
                yield f"{at}: resources.{part} needs cpu and memory"
        mounts = {m["mountPath"]: m["name"] for m in container.get("volumeMounts", [])}
        if mounts.get(TMP) not in tmp_volumes:
            yield f"{at}: /tmp is not an emptyDir (the root filesystem is read-only)"


def env_names(container: Doc) -> list[str]:
    return [entry["name"] for entry in container.get("env", [])]


def env_problems(doc: Doc) -> Iterator[str]:
    """Every ECOTRACK_* variable is a real setting; the secret comes from ecotrack-secrets."""
    pod = pod_spec(doc)
    if pod is None:
        return
    for container in pod["containers"]:
        at = f"{where(doc)} container {container['name']}"
        for entry in container.get("env", []):
            if entry["name"].startswith("ECOTRACK_") and entry["name"] not in SETTINGS:
                yield f"{at}: {entry['name']} is not an ECOTRACK_* setting"
            secret_ref = entry.get("valueFrom", {}).get("secretKeyRef")
            if secret_ref and secret_ref["name"] != SECRET:
                yield f"{at}: {entry['name']} reads Secret {secret_ref['name']}, not {SECRET}"
        env = {e["name"]: e for e in container.get("env", [])}
        secret = env.get("ECOTRACK_SECRET_KEY", {}).get("valueFrom", {}).get("secretKeyRef")
        if not secret:
            yield f"{at}: ECOTRACK_SECRET_KEY must come from the {SECRET} Secret"
        if env.get("ECOTRACK_PROFILE", {}).get("value") != "production":
            yield f"{at}: ECOTRACK_PROFILE must be production"


def template_spec(doc: Doc) -> Doc:
    pod = pod_spec(doc)
    assert pod is not None, f"{where(doc)} has no pod template"
    return pod


def service_container(doc: Doc) -> Doc:
    pod = template_spec(doc)
    assert len(pod["containers"]) == 1, f"{where(doc)}: one container expected"
    return pod["containers"][0]


def serving_problems(doc: Doc) -> Iterator[str]:
    """`serve <service>`, the listen address and port, probes and scrape annotations."""
    pod = pod_spec(doc)
    if pod is None:
        return
    container = service_container(doc)
    at = f"{where(doc)} container {container['name']}"
    args = container.get("args", [])
    if len(args) < 2 or args[0] != "serve" or args[1] not in SERVICES:
        yield f"{at}: args {args} are not ['serve', <one of {sorted(SERVICES)}>]"
    elif args[1] != name_of(doc):
        yield f"{at}: serves {args[1]} but is named {name_of(doc)}"
    if "command" in container:
        yield f"{at}: overrides the image's ENTRYPOINT (ecotrack)"
    env = {e["name"]: e.get("value") for e in container.get("env", [])}
    if env.get("ECOTRACK_HOST") != LISTEN_ALL or env.get("ECOTRACK_PORT") != str(PORT):
        yield f"{at}: ECOTRACK_HOST must be 0.0.0.0 and ECOTRACK_PORT {PORT}"
    if PORT not in [p["containerPort"] for p in container.get("ports", [])]:
        yield f"{at}: does not declare port {PORT}"
    probes = {
        "livenessProbe": "/healthz",
        "readinessProbe": "/readyz",
        "startupProbe": "/healthz",
    }
    for probe, path in probes.items():
        http = container.get(probe, {}).get("httpGet", {})
        if http.get("path") != path or _port_number(container, http.get("port")) != PORT:
            yield f"{at}: {probe} must GET {path} on port {PORT}"
    annotations = doc["spec"]["template"].get("metadata", {}).get("annotations", {})
    wanted = {"prometheus.io/scrape": "true", "prometheus.io/port": str(PORT)}
    wanted["prometheus.io/path"] = "/metrics"
    if {k: annotations.get(k) for k in wanted} != wanted:
        yield f"{where(doc)}: pod template needs the prometheus.io scrape annotations"


def configmap_problems(docs: list[Doc]) -> Iterator[str]:
    for doc in kind(docs, "ConfigMap"):
        if name_of(doc).startswith("ecotrack-") and "grafana" not in name_of(doc):
            for key in doc.get("data", {}):
                if key not in SETTINGS:
                    yield f"{where(doc)}: {key} is not an ECOTRACK_* setting"


def env_file_keys(path: Path) -> list[str]:
    lines = (line.strip() for line in path.read_text().splitlines())
    return [line.split("=", 1)[0] for line in lines if line and not line.startswith("#")]


def generator_keys() -> Iterator[tuple[str, str]]:
    """Keys of every configMapGenerator in a kustomization: (where, key)."""
    for path, doc in raw_docs():
        for generator in doc.get("configMapGenerator", []):
            if "grafana" in generator["name"]:
                continue
            for literal in generator.get("literals", []):
                yield str(path.relative_to(ROOT)), literal.split("=", 1)[0]
            for env_file in generator.get("envs", []):
                env_path = path.parent / env_file
                for key in env_file_keys(env_path):
                    yield str(env_path.relative_to(ROOT)), key


def workload_problems(docs: list[Doc]) -> list[str]:
    problems: list[str] = []
    for doc in kind(docs, "Deployment", "Rollout", "Job"):
        problems += container_problems(doc)
        problems += env_problems(doc)
    for doc in kind(docs, "Deployment", "Rollout"):
        problems += serving_problems(doc)
    return problems


def serving_workloads(docs: list[Doc]) -> Counter[str]:
    """Which service each pod-running workload serves; a Deployment kept only as a Rollout's
    template (0 replicas, referenced by workloadRef) runs no pods and does not count."""
    referenced = {
        doc["spec"]["workloadRef"]["name"]
        for doc in kind(docs, "Rollout")
        if "workloadRef" in doc["spec"]
    }
    counts: Counter[str] = Counter()
    for doc in kind(docs, "Deployment", "Rollout"):
        is_template = name_of(doc) in referenced and doc["spec"].get("replicas") == 0
        if doc["kind"] == "Deployment" and is_template:
            continue
        counts[name_of(doc)] += 1
    return counts


def selects(selector: Doc, labels: Doc) -> bool:
    return all(labels.get(k) == v for k, v in selector.get("matchLabels", {}).items())


def template_labels(docs: list[Doc], service: str) -> Doc:
    deployment = one(docs, "Deployment", service)
    return dict(deployment["spec"]["template"]["metadata"]["labels"])


def wave(doc: Doc) -> int:
    annotations = doc["metadata"].get("annotations") or {}
    return int(annotations.get("argocd.argoproj.io/sync-wave", "0"))


# ---- schemas --------------------------------------------------------------------------------


def _fix_re2_patterns(node: Any) -> Any:
    """Go's RE2 allows `^(?i)...`; Python wants a global inline flag at the very start."""
    if isinstance(node, dict):
        fixed = {k: _fix_re2_patterns(v) for k, v in node.items()}
        pattern = node.get("pattern")
        if isinstance(pattern, str) and "(?i)" in pattern and not pattern.startswith("(?i)"):
            fixed["pattern"] = "(?i)" + pattern.replace("(?i)", "")
        return fixed
    if isinstance(node, list):
        return [_fix_re2_patterns(v) for v in node]
    return node


def schema_path(doc: Doc) -> Path:
    group, _, version = doc["apiVersion"].rpartition("/")
    return SCHEMAS / group / f"{doc['kind'].lower()}_{version}.json"


@cache
def validator(path: Path) -> jsonschema.protocols.Validator:
    schema = _fix_re2_patterns(json.loads(path.read_text()))
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft7Validator)
    cls.check_schema(schema)
    return cls(schema)


def schema_problems(docs: list[Doc]) -> list[str]:
    problems = []
    for doc in docs:
        group = doc["apiVersion"].rpartition("/")[0]
        if doc.get("kind") in NOT_OBJECTS or group in CORE_GROUPS:
            continue
        path = schema_path(doc)
        if not path.exists():
            problems.append(f"{where(doc)}: no schema at {path.relative_to(ROOT)}")
            continue
        for error in validator(path).iter_errors(doc):
            location = "/".join(str(p) for p in error.absolute_path)
            problems.append(f"{where(doc)} at /{location}: {error.message[:300]}")
    return problems


# ---- PromQL --------------------------------------------------------------------------------


@cache
def series_names() -> frozenset[str]:
    """Every series name the code exports, from the metrics it registers."""
    suffixes = {"counter": ["_total"], "histogram": ["_bucket", "_count", "_sum"]}
    names = set()
    # The organisations gauge joins the registry once Users' job runs (users/service.py).
    for metric in [*REGISTRY.collect(), *users_service.ORGANIZATIONS.collect()]:
        if metric.name.startswith("ecotrack_"):
            names.update(metric.name + s for s in suffixes.get(metric.type, [""]))
    return frozenset(names)


def promql_expressions() -> list[tuple[str, str]]:
    """(where, expression) for every PromQL expression in deploy/, placeholders filled."""
    found: list[tuple[str, str]] = []
    for doc in kind(raw_objects(), "PrometheusRule"):
        for group in doc["spec"]["groups"]:
            for rule in group["rules"]:
                found.append((f"rule {rule.get('alert') or rule.get('record')}", rule["expr"]))
    for doc in kind(raw_objects(), "AnalysisTemplate"):
        for metric in doc["spec"]["metrics"]:
            query = metric["provider"]["prometheus"]["query"]
            query = re.sub(r"\{\{\s*args\.[\w-]+\s*\}\}", "x", query)
            found.append((f"{where(doc)} metric {metric['name']}", query))
    for path in dashboard_files():
        dashboard = json.loads(path.read_text())
        for panel in dashboard["panels"]:
            for target in panel.get("targets", []):
                expr = fill_variables(dashboard, target["expr"])
                found.append((f"{path.name} panel {panel['title']!r}", expr))
    return found


def dashboard_files() -> list[Path]:
    return sorted((K8S / "components").rglob("*.json"))


# Grafana's own variables, as durations a query may use.
GRAFANA_DURATIONS = {"__rate_interval": "5m", "__interval": "1m", "__range": "6h"}


def fill_variables(dashboard: Doc, expr: str) -> str:
    """The query with Grafana's interval variables as durations and the dashboard's own
    (``$service``, ``$route``...) as ``.*``; a variable the dashboard lacks is an error."""
    own = {v["name"] for v in dashboard.get("templating", {}).get("list", [])}

    def fill(found: re.Match[str]) -> str:
        name = found[1] or found[2]
        if name in GRAFANA_DURATIONS:
            return GRAFANA_DURATIONS[name]
        assert name in own, f"{dashboard['uid']}: ${name} is no variable of the dashboard"
        return ".*"

    filled = re.sub(r"\$(?:\{(\w+)\}|(\w+))", fill, expr)
    assert "$" not in filled, f"{dashboard['uid']}: unfilled variable in {expr}"
    return filled


def run_promtool(groups: list[Doc], tmp_path: Path, *command: str) -> None:
    """``promtool check rules`` (or ``command``) on ``groups`` written to tmp_path/rules.yaml."""
    promtool = require_tool("promtool", "apt-get install prometheus")
    rules = tmp_path / "rules.yaml"
    rules.write_text(yaml.safe_dump({"groups": groups}, sort_keys=False))
    result = subprocess.run(
        [promtool, *(command or ("check", "rules", str(rules)))],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def alert_rules() -> list[Doc]:
    return [g for d in kind(raw_objects(), "PrometheusRule") for g in d["spec"]["groups"]]


def markdown_anchors(path: Path) -> set[str]:
    """GitHub's anchors for a Markdown file's headings."""
    headings = re.findall(r"^#+ (.+)$", path.read_text(), flags=re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in headings}


# ---- tests on the files as written -----------------------------------------------------------


def test_every_yaml_file_parses_and_names_its_kind() -> None:
    assert _raw_files(), "no YAML under deploy/"
    for path, doc in raw_docs():
        assert {"apiVersion", "kind"} <= set(doc), f"{path}: a document without apiVersion/kind"


def test_no_secret_is_committed() -> None:
    secrets = [(path, name_of(doc)) for path, doc in raw_docs() if doc.get("kind") == "Secret"]
    assert not secrets, f"Secrets belong in the cluster, not in Git: {secrets}"


def test_workloads_as_written() -> None:
    assert workload_problems(raw_objects()) == []


def test_one_deployment_per_service_in_the_base() -> None:
    base = [doc for path, doc in raw_docs() if path.parent == K8S / "base"]
    assert Counter(name_of(d) for d in kind(base, "Deployment")) == Counter(SERVICES)
    rollouts = Counter(name_of(d) for d in kind(raw_objects(), "Rollout"))
    assert set(rollouts) <= SERVICES
    assert max(rollouts.values(), default=1) == 1


def test_configmap_keys_are_real_settings() -> None:
    keys = list(generator_keys())
    assert keys, "no ConfigMap generator found"
    wrong = [(at, key) for at, key in keys if key not in SETTINGS]
    assert wrong == [], "not ECOTRACK_* settings (docs/configuration.md)"
    raw_keys = {key for _, key in keys}
    required = {"ECOTRACK_DATABASE_URL", "ECOTRACK_REDIS_URL", "ECOTRACK_PUBLIC_URL"}
    required |= {"ECOTRACK_KAFKA_BOOTSTRAP_SERVERS"} | UPSTREAM_SETTINGS
    assert required <= raw_keys
    assert list(configmap_problems(raw_objects())) == []


def test_custom_resources_match_their_schemas() -> None:
    assert schema_problems(raw_objects()) == []


def test_schemas_keep_their_licence() -> None:
    assert (SCHEMAS / "LICENSE.CRDs-catalog").is_file()
    assert "datreeio/CRDs-catalog" in (SCHEMAS / "README.md").read_text()
    for path in SCHEMAS.rglob("*.json"):
        validator(path)  # each one is a valid JSON schema


def test_promql_uses_only_exported_metrics() -> None:
    expressions = promql_expressions()
    assert len(expressions) > 5
    known = series_names()
    for at, expr in expressions:
        unknown = set(re.findall(r"\becotrack_[a-z0-9_]+", expr)) - known
        assert not unknown, f"{at}: unknown metrics {sorted(unknown)}; exported: {sorted(known)}"


def test_alerts_cover_errors_latency_dead_letters_and_outbox() -> None:
    groups = [g for d in kind(raw_objects(), "PrometheusRule") for g in d["spec"]["groups"]]
    exprs = [rule["expr"] for group in groups for rule in group["rules"] if "alert" in rule]
    assert any('status=~"5.."' in e for e in exprs), "no 5xx ratio alert"
    assert any("histogram_quantile(0.95" in e for e in exprs), "no p95 latency alert"
    assert any('outcome="dead_lettered"' in e for e in exprs), "no dead-letter alert"
    assert any("ecotrack_outbox_pending" in e for e in exprs), "no outbox alert"


def test_grafana_dashboard_is_valid_json() -> None:
    dashboards = dashboard_files()
    assert len(dashboards) >= 4, "overview, service, event pipeline and business"
    uids = []
    for path in dashboards:
        dashboard = json.loads(path.read_text())
        uids.append(dashboard["uid"])
        assert dashboard["title"]
        assert dashboard["schemaVersion"] == 39, path.name
        variables = {v["name"]: v for v in dashboard["templating"]["list"]}
        assert variables["datasource"]["type"] == "datasource", path.name
        assert dashboard["panels"]
        ids = [panel["id"] for panel in dashboard["panels"]]
        assert len(ids) == len(set(ids)), f"{path.name}: panel ids repeat"
        for panel in dashboard["panels"]:
            if panel["type"] == "row":
                continue
            assert panel["targets"], f"{path.name} panel {panel['title']!r} has no query"
            datasources = [panel["datasource"]] + [t["datasource"] for t in panel["targets"]]
            for datasource in datasources:
                assert datasource == {"type": "prometheus", "uid": "${datasource}"}, path.name
    assert len(uids) == len(set(uids)), f"dashboard uids repeat: {uids}"


def test_every_dashboard_is_provisioned_by_a_labelled_config_map() -> None:
    provisioned = []
    for path, doc in raw_docs():
        for generator in doc.get("configMapGenerator", []):
            if "grafana" not in generator["name"]:
                continue
            assert generator["options"]["labels"]["grafana_dashboard"] == "1", generator["name"]
            assert generator["options"]["disableNameSuffixHash"] is True, generator["name"]
            provisioned += [(path.parent / file).resolve() for file in generator["files"]]
    assert sorted(provisioned) == dashboard_files()
    assert any(p.name == "ecotrack.json" for p in provisioned), "the overview is provisioned"


def test_dashboards_are_what_their_generator_writes() -> None:
    """Edit dashboards/generate.py and run it; a hand-edited JSON file fails here."""
    path = K8S / "components" / "monitoring" / "dashboards" / "generate.py"
    spec = importlib.util.spec_from_file_location("ecotrack_dashboards", path)
    assert spec is not None
    assert spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    written = {name: generator.render(build) for name, build in generator.DASHBOARDS.items()}
    assert sorted(path.parent / name for name in written) == [
        p for p in dashboard_files() if p.parent == path.parent
    ]
    for name, text in written.items():
        assert (path.parent / name).read_text() == text, f"{name} is stale: run {path}"


def test_argocd_application_syncs_the_production_overlay() -> None:
    application = one(raw_objects(), "Application", "ecotrack")
    source = application["spec"]["source"]
    assert (ROOT / source["path"]).resolve() == K8S / "overlays" / "production"
    assert application["spec"]["syncPolicy"]["automated"] == {"prune": True, "selfHeal": True}
    project = one(raw_objects(), "AppProject", application["spec"]["project"])
    assert source["repoURL"] in project["spec"]["sourceRepos"]


def test_k3d_cluster_leaves_ingress_and_load_balancing_to_us() -> None:
    (cluster,) = _documents((DEPLOY / "k3d" / "cluster.yaml").read_text())
    args = {a["arg"] for a in cluster["options"]["k3s"]["extraArgs"]}
    assert {"--disable=traefik", "--disable=servicelb"} <= args


def test_dockerfile() -> None:
    dockerfile = (DEPLOY / "docker" / "Dockerfile").read_text()
    makefile = (ROOT / "Makefile").read_text()
    uv_version = re.search(r"^UV_VERSION := (\S+)$", makefile, re.M)
    assert uv_version, "the Makefile pins no uv version"
    assert f"ghcr.io/astral-sh/uv:{uv_version[1]} " in dockerfile, "uv differs from the Makefile"
    assert "python:3.11-slim" in dockerfile
    assert "uv sync --frozen --no-dev" in dockerfile
    assert re.search(r"^USER 10001(:10001)?$", dockerfile, re.M), "no numeric non-root USER"
    assert re.search(rf"^EXPOSE {PORT}$", dockerfile, re.M)
    assert '\nENTRYPOINT ["ecotrack"]\n' in dockerfile
    assert '\nCMD ["serve", "gateway"]\n' in dockerfile
    for name in re.findall(r"\b(ECOTRACK_[A-Z0-9_]+)=", dockerfile):
        assert name in SETTINGS, f"Dockerfile sets {name}, not a setting"
    # BuildKit's ignore file for this Dockerfile: an allow-list of what the build reads.
    ignore = (DEPLOY / "docker" / "Dockerfile.dockerignore").read_text().splitlines()
    assert {"*", "!pyproject.toml", "!uv.lock", "!README.md", "!src/", "!web/"} <= set(ignore)
    # The web app is built from the lockfiles in a stage of its own and ships in the package;
    # what a developer built locally (and their node_modules) never enters the context.
    assert "uv sync --frozen --only-group web" in dockerfile
    assert "npm ci" in dockerfile
    assert "COPY --from=web /src/src/ecotrack/demo/dist ./src/ecotrack/demo/dist" in dockerfile
    assert {"web/node_modules", "src/ecotrack/demo/dist"} <= set(ignore)


# ---- tests on every overlay as rendered by kubectl kustomize -----------------------------------


@pytest.fixture(params=OVERLAYS)
def overlay(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_rendered_workloads(overlay: str) -> None:
    docs = rendered(overlay)
    assert workload_problems(docs) == []
    assert serving_workloads(docs) == Counter(SERVICES), "one Deployment or Rollout per service"
    workloads = kind(docs, "Deployment", "Job")
    images = {c["image"] for d in workloads for c in template_spec(d)["containers"]}
    assert len(images) == 1, f"one image for every service, found {images}"
    (image,) = images
    assert re.search(r":[\w.-]+$", image), f"{image} has no tag"
    assert not image.endswith(":latest"), image


def test_rendered_configuration(overlay: str) -> None:
    docs = rendered(overlay)
    assert list(configmap_problems(docs)) == []
    assert not kind(docs, "Secret"), "the Secret is created in the cluster, not rendered"
    configmaps = {name_of(d): d.get("data", {}) for d in kind(docs, "ConfigMap")}
    for doc in kind(docs, "Deployment", "Job"):
        container = template_spec(doc)["containers"][0]
        refs = [s["configMapRef"]["name"] for s in container.get("envFrom", [])]
        assert all(ref in configmaps for ref in refs), f"{where(doc)}: missing {refs}"
        settings = set(env_names(container)).union(*(configmaps[ref] for ref in refs))
        assert "ECOTRACK_DATABASE_URL" in settings, f"{where(doc)}: no database"
        if name_of(doc) == "gateway":
            assert settings >= UPSTREAM_SETTINGS, "the gateway needs its four upstreams"
            values = {k: v for ref in refs for k, v in configmaps[ref].items()}
            for key in UPSTREAM_SETTINGS:
                host = urlsplit(values[key]).hostname
                assert host in {name_of(s) for s in kind(docs, "Service")}, values[key]


def test_rendered_services_budgets_and_autoscalers(overlay: str) -> None:
    docs = rendered(overlay)
    workloads = {(d["kind"], name_of(d)) for d in kind(docs, "Deployment", "Rollout")}
    for service in SERVICES:
        labels = template_labels(docs, service)
        svc = one(docs, "Service", service)
        assert selects({"matchLabels": svc["spec"]["selector"]}, labels)
        assert [(p["port"], p["name"]) for p in svc["spec"]["ports"]] == [(PORT, "http")]
        budgets = [
            p for p in kind(docs, "PodDisruptionBudget") if selects(p["spec"]["selector"], labels)
        ]
        assert len(budgets) == 1, f"{service}: one PodDisruptionBudget"
        account = template_spec(one(docs, "Deployment", service))["serviceAccountName"]
        assert account == service
        assert one(docs, "ServiceAccount", service)
    autoscaled = {name_of(h) for h in kind(docs, "HorizontalPodAutoscaler")}
    assert autoscaled == {"gateway", "carbon"}
    for hpa in kind(docs, "HorizontalPodAutoscaler"):
        target = hpa["spec"]["scaleTargetRef"]
        assert (target["kind"], target["name"]) in workloads, f"{where(hpa)} targets {target}"
        scaled = one(docs, target["kind"], target["name"])
        assert "replicas" not in scaled["spec"], f"{where(hpa)} owns {where(scaled)}'s replicas"


def test_rendered_migration_runs_before_the_workloads(overlay: str) -> None:
    docs = rendered(overlay)
    job = one(docs, "Job", "ecotrack-migrate")
    container = template_spec(job)["containers"][0]
    assert container["args"] == ["migrate"]
    annotations = job["metadata"]["annotations"]
    assert annotations["argocd.argoproj.io/hook"] in {"PreSync", "Sync"}
    assert annotations["argocd.argoproj.io/hook-delete-policy"] == "BeforeHookCreation"
    needs = [one(docs, "Namespace", NAMESPACE), one(docs, "ServiceAccount", "ecotrack-migrate")]
    needs += [one(docs, "ConfigMap", s["configMapRef"]["name"]) for s in container["envFrom"]]
    for doc in needs:
        assert wave(doc) < wave(job), f"{where(doc)} must sync before the migration hook"
    for doc in kind(docs, "Deployment", "Rollout"):
        assert wave(job) < wave(doc), f"{where(doc)} must sync after the migration hook"


def test_rendered_namespaces(overlay: str) -> None:
    for doc in rendered(overlay):
        namespace = doc["metadata"].get("namespace")
        if doc["kind"] in CLUSTER_SCOPED:
            assert namespace is None, f"{where(doc)} is cluster-scoped"
        else:
            expected = OTHER_NAMESPACES.get((doc["kind"], name_of(doc)), NAMESPACE)
            assert namespace == expected, f"{where(doc)} in {namespace}, not {expected}"


def test_rendered_custom_resources_match_their_schemas(overlay: str) -> None:
    assert schema_problems(rendered(overlay)) == []


def test_rendered_edge_matches_the_public_url(overlay: str) -> None:
    """The Ingress host and the tokens' issuer Istio checks are ECOTRACK_PUBLIC_URL's."""
    docs = rendered(overlay)
    config = next(d for d in kind(docs, "ConfigMap") if "ECOTRACK_PUBLIC_URL" in d["data"])
    public_url = config["data"]["ECOTRACK_PUBLIC_URL"]
    for ingress in kind(docs, "Ingress"):
        hosts = {rule["host"] for rule in ingress["spec"]["rules"]}
        hosts |= {h for tls in ingress["spec"]["tls"] for h in tls["hosts"]}
        assert hosts == {urlsplit(public_url).hostname}, f"{where(ingress)}: {hosts}"
        backend = ingress["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
        assert backend["name"] == "gateway"
    for auth in kind(docs, "RequestAuthentication"):
        for rule in auth["spec"]["jwtRules"]:
            assert rule["issuer"] == public_url, f"{where(auth)}: issuer {rule['issuer']}"
            assert rule["jwksUri"].endswith("/.well-known/jwks.json")
            assert rule["forwardOriginalToken"] is True, "the gateway reads the token itself"


def test_rendered_mesh_policy(overlay: str) -> None:
    docs = rendered(overlay)
    peer = kind(docs, "PeerAuthentication")
    if not peer:
        pytest.skip(f"{overlay} does not enable the istio component")
    default = one(docs, "PeerAuthentication", "default")
    assert "selector" not in default["spec"]
    assert default["spec"]["mtls"]["mode"] == "STRICT"
    namespace = one(docs, "Namespace", NAMESPACE)
    assert namespace["metadata"]["labels"].get("istio-injection") == "enabled"
    job = one(docs, "Job", "ecotrack-migrate")
    assert job["spec"]["template"]["metadata"]["labels"]["sidecar.istio.io/inject"] == "false"
    policies = kind(docs, "AuthorizationPolicy")
    assert any(p["spec"] == {} for p in policies), "no namespace-wide deny-all"
    for service in BACKENDS:
        labels = template_labels(docs, service)
        allowing = [p for p in policies if selects(p["spec"].get("selector", {}), labels)]
        allowing = [p for p in allowing if p["spec"]]
        assert len(allowing) == 1, f"{service}: one AuthorizationPolicy"
        rules = allowing[0]["spec"]["rules"]
        principals = [s["source"]["principals"] for r in rules for s in r["from"]]
        assert principals == [[GATEWAY_PRINCIPAL]], f"{service}: only the gateway may call"
        host = f"{service}.{NAMESPACE}.svc.cluster.local"
        (rule,) = [d for d in kind(docs, "DestinationRule") if d["spec"]["host"] == host]
        assert {"outlierDetection", "connectionPool"} <= set(rule["spec"]["trafficPolicy"])
        (route,) = [v for v in kind(docs, "VirtualService") if host in v["spec"]["hosts"]]
        assert all(h["retries"]["attempts"] > 0 for h in route["spec"]["http"])
    for monitor in kind(docs, "PodMonitor"):
        # Under STRICT mTLS, Prometheus scrapes the sidecar's merged metrics instead.
        assert monitor["spec"]["podMetricsEndpoints"][0]["path"] == "/stats/prometheus"


def test_rendered_rollouts(overlay: str) -> None:
    docs = rendered(overlay)
    rollouts = {name_of(r): r for r in kind(docs, "Rollout")}
    if not rollouts:
        pytest.skip(f"{overlay} does not enable the argo-rollouts component")
    assert set(rollouts) == {"gateway", "carbon"}
    assert "canary" in rollouts["gateway"]["spec"]["strategy"]
    blue_green = rollouts["carbon"]["spec"]["strategy"]["blueGreen"]
    assert one(docs, "Service", blue_green["activeService"])
    assert one(docs, "Service", blue_green["previewService"])
    templates = {name_of(t) for t in kind(docs, "AnalysisTemplate")}
    for rollout in rollouts.values():
        ref = rollout["spec"]["workloadRef"]
        deployment = one(docs, ref["kind"], ref["name"])
        assert deployment["spec"]["replicas"] == 0, "the Rollout runs the pods, not both"
        assert selects(rollout["spec"]["selector"], template_labels(docs, ref["name"]))
        used = json.dumps(rollout["spec"]["strategy"])
        assert all(f'"templateName": "{t}"' in used for t in templates)
    assert kind(docs, "PodMonitor"), "the analysis reads Prometheus: enable monitoring too"


def test_base_renders() -> None:
    docs = _render("base")
    assert serving_workloads(docs) == Counter(SERVICES)
    assert workload_problems(docs) == []


# ---- promtool ------------------------------------------------------------------------------


def test_alert_rules_pass_promtool(tmp_path: Path) -> None:
    groups = alert_rules()
    assert groups
    run_promtool(groups, tmp_path)


def test_every_alert_fires_on_a_constructed_series_and_stays_quiet_on_a_healthy_one(
    tmp_path: Path,
) -> None:
    cases = ROOT / "tests" / "deploy" / "alert_rules_test.yaml"
    checks = [c for t in yaml.safe_load(cases.read_text())["tests"] for c in t["alert_rule_test"]]
    alerts = {rule["alert"] for group in alert_rules() for rule in group["rules"]}
    firing = {c["alertname"] for c in checks if c.get("exp_alerts")}
    quiet = {c["alertname"] for c in checks if not c.get("exp_alerts")}
    assert alerts - firing == set(), "alerts never seen firing in alert_rules_test.yaml"
    assert alerts - quiet == set(), "alerts never seen quiet in alert_rules_test.yaml"
    (tmp_path / cases.name).write_text(cases.read_text())
    run_promtool(alert_rules(), tmp_path, "test", "rules", cases.name)


def test_every_alert_links_its_runbook_in_the_operations_guide() -> None:
    anchors = markdown_anchors(ROOT / "docs" / "operations.md")
    for group in alert_rules():
        for rule in group["rules"]:
            runbook = rule["annotations"].get("runbook_url", "")
            page, _, anchor = runbook.partition("#")
            assert page == "docs/operations.md", f"{rule['alert']}: runbook_url {runbook!r}"
            assert anchor in anchors, f"{rule['alert']}: no section #{anchor} in the guide"


def test_every_other_promql_expression_parses(tmp_path: Path) -> None:
    """The analysis and dashboard queries, checked as recording rules by promtool."""
    rules = [
        {"record": f"ecotrack:check_{i}", "expr": expr}
        for i, (_, expr) in enumerate(promql_expressions())
    ]
    run_promtool([{"name": "ecotrack.expressions", "rules": rules}], tmp_path)
