"""The project around the code: Python version, frameworks and lint tools.

Everything here is read from files the project keeps (pyproject.toml,
setup.cfg, tox.ini, requirements files, pre-commit and CI configuration) and
from the imports in its code; nothing is guessed or fetched.
"""

from __future__ import annotations

import ast
import configparser
import platform
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flake8_logerr.report.sources import display_path

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, published as tomli
    import tomli as tomllib

# Files that mark the top folder of a project.
ROOT_MARKERS = ("pyproject.toml", "setup.cfg", "setup.py", "tox.ini", ".git")

# import name -> how the report names the framework or library.
FRAMEWORKS = {
    "django": "Django",
    "rest_framework": "Django REST framework",
    "flask": "Flask",
    "fastapi": "FastAPI",
    "starlette": "Starlette",
    "aiohttp": "aiohttp",
    "tornado": "Tornado",
    "pyramid": "Pyramid",
    "falcon": "Falcon",
    "sanic": "Sanic",
    "quart": "Quart",
    "celery": "Celery",
    "dramatiq": "Dramatiq",
    "rq": "RQ",
    "scrapy": "Scrapy",
    "twisted": "Twisted",
    "requests": "requests",
    "httpx": "HTTPX",
    "sqlalchemy": "SQLAlchemy",
    "pydantic": "pydantic",
    "click": "Click",
    "typer": "Typer",
    "paramiko": "Paramiko",
    "boto3": "boto3",
    "structlog": "structlog",
    "loguru": "loguru",
    "pythonjsonlogger": "python-json-logger",
    "sentry_sdk": "Sentry SDK",
    "gunicorn": "Gunicorn",
    "uvicorn": "Uvicorn",
}

# Distribution names whose import name differs (after normalising to "_").
DISTRIBUTIONS = {
    "python_json_logger": "pythonjsonlogger",
    "sentry_sdk": "sentry_sdk",
    "djangorestframework": "rest_framework",
}

# Ruff's rule prefixes that cover logging and error handling.
RUFF_LOGGING_PREFIXES = (
    "LOG",
    "G",
    "BLE",
    "TRY",
    "S110",
    "S112",
    "E722",
    "T20",
    "B904",
)
# Ruff's default selection (E4, E7, E9, F) includes E722.
RUFF_DEFAULT_SELECT = ("E4", "E7", "E9", "F")

DEPENDENCY_FILE_RE = re.compile(r"^requirements.*\.(txt|in)$")
REQUIREMENT_NAME_RE = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


@dataclass
class LintTool:
    """One lint tool the project configures, and what it says about logging."""

    name: str
    where: str
    logging_rules: str
    on: bool


@dataclass
class ProjectContext:
    """What the report says about the project before the findings."""

    root: Path
    python: str
    python_source: str
    # Framework name -> where it was seen ("imported in 3 files", a file).
    frameworks: dict[str, list[str]] = field(default_factory=dict)
    lint_tools: list[LintTool] = field(default_factory=list)
    pre_commit: str | None = None
    pre_commit_hooks: list[str] = field(default_factory=list)
    # A pre-commit hook installs flake8-logerr (additional_dependencies).
    pre_commit_plugin: bool = False
    ci_files: list[str] = field(default_factory=list)
    dependency_files: list[str] = field(default_factory=list)
    # Every distribution named in a dependency file, normalised (a_b_c).
    dependencies: set[str] = field(default_factory=set)
    pyproject: dict[str, Any] = field(default_factory=dict)
    # Where flake8 reads its settings, if anywhere.
    flake8_file: str | None = None
    flake8_select: list[str] | None = None
    pylint_file: str | None = None
    ruff_file: str | None = None
    ruff_off: list[str] = field(default_factory=list)

    def uses(self, *import_names: str) -> bool:
        return any(
            FRAMEWORKS.get(name, name) in self.frameworks for name in import_names
        )


def find_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` that looks like a project top."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        if any((candidate / marker).exists() for marker in ROOT_MARKERS):
            return candidate
    return folder


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file's content; an unreadable file counts as empty."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError):
        # The report describes what it can read; a broken file adds nothing.
        return {}


def read_ini(path: Path) -> configparser.RawConfigParser:
    parser = configparser.RawConfigParser()
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError, OSError):
        return configparser.RawConfigParser()
    return parser


def describe_project(
    root: Path, cwd: Path, modules: Iterable[tuple[str, Sequence[ast.AST]]]
) -> ProjectContext:
    """Read the project's configuration and imports into a ``ProjectContext``."""
    pyproject = read_toml(root / "pyproject.toml")
    setup_cfg = read_ini(root / "setup.cfg")
    python, python_source = _python_version(root, cwd, pyproject, setup_cfg)
    context = ProjectContext(
        root=root, python=python, python_source=python_source, pyproject=pyproject
    )

    _frameworks_from_imports(context, modules)
    _frameworks_from_dependencies(context, root, cwd, pyproject, setup_cfg)
    _pre_commit_and_ci(context, root, cwd)
    _flake8(context, root, cwd, setup_cfg)
    _pylint(context, root, cwd, pyproject, setup_cfg)
    _ruff(context, root, cwd, pyproject)
    # pre-commit last in the list: it runs the tools above.
    context.lint_tools.sort(key=lambda tool: tool.name == "pre-commit")
    return context


def _python_version(
    root: Path,
    cwd: Path,
    pyproject: dict[str, Any],
    setup_cfg: configparser.RawConfigParser,
) -> tuple[str, str]:
    project = pyproject.get("project", {})
    if isinstance(project, dict) and isinstance(project.get("requires-python"), str):
        where = display_path(root / "pyproject.toml", cwd)
        return project["requires-python"], f"`requires-python` in {where}"
    poetry = pyproject.get("tool", {}).get("poetry", {}).get("dependencies", {})
    if isinstance(poetry, dict) and isinstance(poetry.get("python"), str):
        where = display_path(root / "pyproject.toml", cwd)
        return poetry["python"], f"Poetry's `python` dependency in {where}"
    if setup_cfg.has_option("options", "python_requires"):
        where = display_path(root / "setup.cfg", cwd)
        return setup_cfg.get("options", "python_requires").strip(), (
            f"`python_requires` in {where}"
        )
    running = ".".join(platform.python_version_tuple()[:2])
    return running, "the Python running logerr (the project declares no version)"


def _frameworks_from_imports(
    context: ProjectContext, modules: Iterable[tuple[str, Sequence[ast.AST]]]
) -> None:
    seen: dict[str, set[str]] = {}
    for path, nodes in modules:
        for node in nodes:
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top in FRAMEWORKS:
                    seen.setdefault(FRAMEWORKS[top], set()).add(path)
    for framework, paths in seen.items():
        count = len(paths)
        first = min(paths)
        text = f"imported in {count} files" if count > 1 else f"imported in {first}"
        context.frameworks.setdefault(framework, []).append(text)


def _frameworks_from_dependencies(
    context: ProjectContext,
    root: Path,
    cwd: Path,
    pyproject: dict[str, Any],
    setup_cfg: configparser.RawConfigParser,
) -> None:
    found: dict[str, list[str]] = {}

    def note(requirement: str, where: str) -> None:
        match = REQUIREMENT_NAME_RE.match(requirement)
        if match is None:
            return
        name = match.group(1).lower().replace("-", "_").replace(".", "_")
        context.dependencies.add(name)
        import_name = DISTRIBUTIONS.get(name, name)
        if import_name in FRAMEWORKS:
            found.setdefault(FRAMEWORKS[import_name], []).append(where)

    pyproject_name = display_path(root / "pyproject.toml", cwd)
    project = pyproject.get("project", {})
    if isinstance(project, dict):
        for requirement in _strings(project.get("dependencies")):
            note(requirement, pyproject_name)
        extras = project.get("optional-dependencies", {})
        if isinstance(extras, dict):
            for values in extras.values():
                for requirement in _strings(values):
                    note(requirement, pyproject_name)
    poetry = pyproject.get("tool", {}).get("poetry", {}).get("dependencies", {})
    if isinstance(poetry, dict):
        for name in poetry:
            note(str(name), pyproject_name)
    if project or poetry:
        context.dependency_files.append(pyproject_name)

    if setup_cfg.has_option("options", "install_requires"):
        where = display_path(root / "setup.cfg", cwd)
        context.dependency_files.append(where)
        for requirement in setup_cfg.get("options", "install_requires").splitlines():
            note(requirement, where)

    for path in _requirement_files(root):
        where = display_path(path, cwd)
        context.dependency_files.append(where)
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            # Unreadable requirements name no framework; the file is still listed.
            continue
        for requirement in text.splitlines():
            if not requirement.lstrip().startswith(("#", "-")):
                note(requirement, where)

    for framework, places in found.items():
        listed = sorted(set(places))
        context.frameworks.setdefault(framework, []).append(
            "listed in " + ", ".join(listed)
        )
    context.dependency_files.sort()


def _requirement_files(root: Path) -> list[Path]:
    files = [p for p in root.glob("requirements*") if DEPENDENCY_FILE_RE.match(p.name)]
    folder = root / "requirements"
    if folder.is_dir():
        files.extend(p for p in folder.iterdir() if p.suffix in (".txt", ".in"))
    return sorted(p for p in files if p.is_file())


def _strings(value: object) -> list[str]:
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str)]
    return []


def _split_codes(value: str) -> list[str]:
    return [code for code in re.split(r"[,\s]+", value) if code]


def _flake8(
    context: ProjectContext,
    root: Path,
    cwd: Path,
    setup_cfg: configparser.RawConfigParser,
) -> None:
    # flake8 reads the first of these that has a [flake8] section.
    for name in (".flake8", "setup.cfg", "tox.ini"):
        path = root / name
        parser = setup_cfg if name == "setup.cfg" else read_ini(path)
        if not path.is_file() or not parser.has_section("flake8"):
            continue
        where = display_path(path, cwd)
        context.flake8_file = where
        select = _split_codes(parser.get("flake8", "select", fallback=""))
        extend = _split_codes(parser.get("flake8", "extend-select", fallback=""))
        extend += _split_codes(parser.get("flake8", "extend_select", fallback=""))
        context.flake8_select = select or None
        # A prefix selects every code it starts: "L", "LO", "LOG", "LOG0".
        installed = "flake8_logerr" in context.dependencies or context.pre_commit_plugin
        if any(
            code.startswith("LOG") or "LOG".startswith(code) for code in select + extend
        ):
            text, on = "LOG rules selected", True
        elif select:
            text, on = "`select` leaves the LOG rules out", False
        elif installed:
            text, on = "LOG rules on (flake8-logerr is a dependency)", True
        else:
            text, on = (
                "no LOG rules: flake8-logerr is not among the dependencies",
                False,
            )
        context.lint_tools.append(LintTool("flake8", where, text, on))
        return


def _pylint(
    context: ProjectContext,
    root: Path,
    cwd: Path,
    pyproject: dict[str, Any],
    setup_cfg: configparser.RawConfigParser,
) -> None:
    plugins: list[str] = []
    disabled: list[str] = []
    where: str | None = None

    pylint = pyproject.get("tool", {}).get("pylint")
    if isinstance(pylint, dict):
        where = display_path(root / "pyproject.toml", cwd)
        for table in (pylint, pylint.get("main", {}), pylint.get("MASTER", {})):
            if isinstance(table, dict):
                plugins += _as_list(table.get("load-plugins"))
        for table in (
            pylint.get("messages_control", {}),
            pylint.get("MESSAGES CONTROL", {}),
        ):
            if isinstance(table, dict):
                disabled += _as_list(table.get("disable"))
    else:
        for name in (".pylintrc", "pylintrc"):
            path = root / name
            if path.is_file():
                parser = read_ini(path)
                where = display_path(path, cwd)
                for section in parser.sections():
                    plugins += _split_codes(
                        parser.get(section, "load-plugins", fallback="")
                    )
                    disabled += _split_codes(
                        parser.get(section, "disable", fallback="")
                    )
                break
        else:
            sections = [s for s in setup_cfg.sections() if s.startswith("pylint")]
            if sections:
                where = display_path(root / "setup.cfg", cwd)
                for section in sections:
                    plugins += _split_codes(
                        setup_cfg.get(section, "load-plugins", fallback="")
                    )
                    disabled += _split_codes(
                        setup_cfg.get(section, "disable", fallback="")
                    )
    if where is None:
        return

    context.pylint_file = where
    if "pylint_logerr" in plugins:
        text, on = "the pylint_logerr plugin is loaded", True
    elif any(
        d in ("logging", "W1201", "W1203", "all") or d.startswith("logging-")
        for d in disabled
    ):
        text, on = (
            "its logging checks are partly disabled; pylint_logerr is not loaded",
            False,
        )
    else:
        text, on = (
            "only pylint's own logging checks (pylint_logerr is not loaded)",
            False,
        )
    context.lint_tools.append(LintTool("pylint", where, text, on))


def _as_list(value: object) -> list[str]:
    if isinstance(value, str):
        return _split_codes(value)
    return _strings(value)


def _ruff(
    context: ProjectContext, root: Path, cwd: Path, pyproject: dict[str, Any]
) -> None:
    table: dict[str, Any] | None = None
    where = ""
    for name in ("ruff.toml", ".ruff.toml"):
        path = root / name
        if path.is_file():
            table, where = read_toml(path), display_path(path, cwd)
            break
    else:
        ruff = pyproject.get("tool", {}).get("ruff")
        if isinstance(ruff, dict):
            table, where = ruff, display_path(root / "pyproject.toml", cwd)
    if table is None:
        return

    lint = table.get("lint", {})
    lint = lint if isinstance(lint, dict) else {}
    select = _strings(lint.get("select", table.get("select"))) or list(
        RUFF_DEFAULT_SELECT
    )
    select += _strings(lint.get("extend-select", table.get("extend-select")))
    ignore = _strings(lint.get("ignore", table.get("ignore")))

    def on(prefix: str) -> bool:
        chosen = any(prefix.startswith(code) or code == "ALL" for code in select)
        return chosen and not any(prefix.startswith(code) for code in ignore)

    enabled = [prefix for prefix in RUFF_LOGGING_PREFIXES if on(prefix)]
    context.ruff_file = where
    context.ruff_off = [p for p in RUFF_LOGGING_PREFIXES if p not in enabled]
    if enabled:
        text = "logging rules on: " + ", ".join(enabled)
    else:
        text = "none of its logging rules are selected"
    context.lint_tools.append(LintTool("ruff", where, text, bool(enabled)))


def _pre_commit_and_ci(context: ProjectContext, root: Path, cwd: Path) -> None:
    config = root / ".pre-commit-config.yaml"
    if config.is_file():
        context.pre_commit = display_path(config, cwd)
        text = config.read_text(encoding="utf-8", errors="replace")
        context.pre_commit_hooks = sorted(set(re.findall(r"-\s*id:\s*([\w.-]+)", text)))
        context.pre_commit_plugin = "flake8-logerr" in text
        tools = [
            t
            for t in ("flake8", "pylint", "ruff", "logerr")
            if t in context.pre_commit_hooks
        ]
        if "ruff-check" in context.pre_commit_hooks and "ruff" not in tools:
            tools.append("ruff")
        context.lint_tools.append(
            LintTool(
                "pre-commit",
                context.pre_commit,
                "hooks: " + (", ".join(tools) if tools else "no lint hook"),
                "logerr" in tools or ("flake8" in tools and context.pre_commit_plugin),
            )
        )

    workflows = root / ".github" / "workflows"
    candidates = sorted(workflows.glob("*.y*ml")) if workflows.is_dir() else []
    candidates += [root / ".gitlab-ci.yml", root / "azure-pipelines.yml"]
    context.ci_files = [display_path(p, cwd) for p in candidates if p.is_file()]
