"""The "Current Status" section: what the code shows about logging and errors.

One walk per module collects evidence (a place and a short text) for each
question the report answers: where logging is configured, which handlers and
formatters are used, where levels come from, correlation IDs, security and
audit loggers, custom exception classes, and tests that assert on logs.
Every statement the report makes about the project points at this evidence.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from flake8_logerr.loggers import LOGGER_NAME_RE
from flake8_logerr.report.model import Evidence

CONFIG_FUNCTIONS = ("basicConfig", "dictConfig", "fileConfig")

STDLIB_HANDLERS = frozenset(
    (
        "StreamHandler",
        "FileHandler",
        "NullHandler",
        "WatchedFileHandler",
        "RotatingFileHandler",
        "TimedRotatingFileHandler",
        "SocketHandler",
        "DatagramHandler",
        "SysLogHandler",
        "NTEventLogHandler",
        "SMTPHandler",
        "MemoryHandler",
        "HTTPHandler",
        "QueueHandler",
    )
)
# Handlers that rotate their file, or leave it to logrotate and friends.
ROTATING_HANDLERS = frozenset(
    ("RotatingFileHandler", "TimedRotatingFileHandler", "WatchedFileHandler")
)
# Handlers that send records off the machine or to a collector.
SHIPPING_HANDLERS = frozenset(
    ("SysLogHandler", "SocketHandler", "DatagramHandler", "HTTPHandler", "QueueHandler")
)

STRUCTURED_RE = re.compile(r"json|structlog|ecs_logging|logfmt", re.IGNORECASE)
CORRELATION_RE = re.compile(
    r"request_?id|correlation|trace_?id|span_?id", re.IGNORECASE
)
CORRELATION_LIBRARIES = {
    "asgi_correlation_id": "asgi-correlation-id",
    "django_guid": "django-guid",
    "correlation_id": "correlation-id",
    "log_request_id": "django-log-request-id",
    "structlog.contextvars": "structlog's contextvars",
    "opentelemetry": "OpenTelemetry",
}
AUDIT_RE = re.compile(r"audit|security", re.IGNORECASE)
REDACTION_RE = re.compile(r"redact|mask|sanitiz|scrub|secret|sensitive", re.IGNORECASE)
# Where a value read from the environment shows: os.environ, os.getenv,
# django-environ's env(...), python-decouple's config(...).
ENV_NAMES = frozenset(("environ", "getenv"))
ENV_CALLS = frozenset(("env", "config", "getenv"))
TRACKERS = {
    "sentry_sdk.init": "Sentry",
    "rollbar.init": "Rollbar",
    "bugsnag.configure": "Bugsnag",
    "honeybadger.configure": "Honeybadger",
}
LEVEL_NAMES = frozenset(
    ("CRITICAL", "FATAL", "ERROR", "WARNING", "WARN", "INFO", "DEBUG")
)
FACTORIES = ("getLogger", "get_logger", "get_task_logger")
ERROR_METHODS = frozenset(("exception", "error", "critical", "fatal", "warning"))


@dataclass(frozen=True)
class WebApp:
    """A module-level web application object, where advice can attach."""

    path: str
    line: int
    name: str
    framework: str

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"


# Application classes -> the framework they belong to.
WEB_APP_CLASSES = {
    "Flask": "Flask",
    "Quart": "Quart",
    "FastAPI": "FastAPI",
    "Starlette": "Starlette",
}


@dataclass
class StatusFacts:
    """Evidence for each question of "Current Status"."""

    config: list[Evidence] = field(default_factory=list)
    handlers: list[Evidence] = field(default_factory=list)
    formatters: list[Evidence] = field(default_factory=list)
    structured: list[Evidence] = field(default_factory=list)
    levels_env: list[Evidence] = field(default_factory=list)
    levels_set: list[Evidence] = field(default_factory=list)
    levels_fixed: list[Evidence] = field(default_factory=list)
    context_vars: list[Evidence] = field(default_factory=list)
    record_hooks: list[Evidence] = field(default_factory=list)
    correlation_libraries: list[Evidence] = field(default_factory=list)
    audit_loggers: list[Evidence] = field(default_factory=list)
    redaction: list[Evidence] = field(default_factory=list)
    exception_classes: list[Evidence] = field(default_factory=list)
    log_tests: list[Evidence] = field(default_factory=list)
    error_trackers: list[Evidence] = field(default_factory=list)
    module_loggers: list[Evidence] = field(default_factory=list)
    handlers_total: int = 0
    handlers_logging: int = 0
    handlers_raising: int = 0
    exception_calls: int = 0
    raise_from: int = 0
    test_files: int = 0
    django_debug: list[Evidence] = field(default_factory=list)
    # Web application objects: ``app = Flask(__name__)``; the text is the
    # framework, ``WebApp.name`` the variable.
    web_apps: list[WebApp] = field(default_factory=list)

    @property
    def rotation(self) -> list[Evidence]:
        return [e for e in self.handlers if e.text in ROTATING_HANDLERS]

    @property
    def file_handlers(self) -> list[Evidence]:
        return [e for e in self.handlers if "File" in e.text]

    @property
    def correlation_ids(self) -> bool:
        """Records carry an ID: a library does it, or a variable plus a hook."""
        if self.correlation_libraries:
            return True
        return bool(self.context_vars) and bool(self.record_hooks)

    def sort(self) -> None:
        for value in vars(self).values():
            if isinstance(value, list):
                value.sort(key=lambda e: (e.path, e.line, str(e)))


def dotted(node: ast.AST | None) -> str | None:
    """``a.b.c`` for a chain of names, else None."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def _last(name: str | None) -> str:
    return name.rsplit(".", 1)[-1] if name else ""


def _text(node: ast.AST) -> str:
    text = ast.unparse(node)
    return text if len(text) <= 60 else text[:57] + "..."


# Every node of a module, as ``ast.walk`` gives them: the module first.
# Walked once per file and shared, since walking is most of the cost.
Nodes = Sequence[ast.AST]


def walk(tree: ast.Module) -> Nodes:
    return list(ast.walk(tree))


def analyse(modules: Iterable[tuple[str, Nodes, bool]]) -> StatusFacts:
    """Collect the evidence from ``(path, nodes, in_tests)`` triples."""
    facts = StatusFacts()
    classes: list[tuple[str, ast.ClassDef]] = []
    for path, nodes, in_tests in modules:
        if in_tests:
            facts.test_files += 1
            _log_tests(facts, path, nodes)
            continue
        walker = _ModuleWalk(facts, path, nodes)
        classes.extend((path, node) for node in walker.run())
    _exception_classes(facts, classes)
    facts.sort()
    return facts


class _ModuleWalk:
    """Evidence from one module of the code under review (tests aside)."""

    def __init__(self, facts: StatusFacts, path: str, nodes: Nodes) -> None:
        self.facts = facts
        self.path = path
        self.nodes = nodes
        tree = nodes[0] if nodes else None
        self.body: list[ast.stmt] = tree.body if isinstance(tree, ast.Module) else []
        # Names bound from the environment (LOG_LEVEL = os.environ.get(...)).
        self.env_names: set[str] = set()
        self.loguru_names: set[str] = set()

    def note(self, bucket: list[Evidence], node: ast.AST, text: str) -> None:
        bucket.append(Evidence(self.path, getattr(node, "lineno", 1), text))

    def run(self) -> list[ast.ClassDef]:
        """Collect this module's evidence; return its classes."""
        nodes = self.nodes
        for node in nodes:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                self._import(node)
            elif isinstance(node, ast.Assign):
                self._assign(node)
        self._module_level()
        classes = []
        for node in nodes:
            if isinstance(node, ast.Call):
                self._call(node)
            elif isinstance(node, ast.Dict):
                self._dict(node)
            elif isinstance(node, ast.ClassDef):
                self._class(node)
                classes.append(node)
            elif isinstance(node, ast.ExceptHandler):
                self._handler(node)
            elif isinstance(node, ast.Raise) and node.cause is not None:
                self.facts.raise_from += 1
        return classes

    def _import(self, node: ast.Import | ast.ImportFrom) -> None:
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            names = [node.module or ""]
            if node.module == "loguru":
                self.loguru_names.update(
                    alias.asname or alias.name for alias in node.names
                )
        for name in names:
            for module, label in CORRELATION_LIBRARIES.items():
                if name == module or name.startswith(module + "."):
                    self.note(self.facts.correlation_libraries, node, label)
            if name.split(".")[0] in (
                "pythonjsonlogger",
                "json_log_formatter",
                "ecs_logging",
            ):
                self.note(self.facts.structured, node, f"imports {name}")
            if name.split(".")[0] == "sentry_sdk":
                self.note(self.facts.error_trackers, node, "Sentry SDK imported")

    def _assign(self, node: ast.Assign) -> None:
        if _from_environment(node.value):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    self.env_names.add(target.id)
                    if "LEVEL" in target.id.upper():
                        self.note(self.facts.levels_env, node, target.id)
        for target in node.targets:
            name = dotted(target) or ""
            if AUDIT_RE.search(name) and LOGGER_NAME_RE.search(_last(name)):
                self.note(self.facts.audit_loggers, node, _last(name))

    def _module_level(self) -> None:
        for statement in self.body:
            if not isinstance(statement, ast.Assign):
                continue
            names = [dotted(t) for t in statement.targets]
            value = statement.value
            if "LOGGING" in names and isinstance(value, ast.Dict):
                self.note(self.facts.config, statement, "Django `LOGGING` setting")
            if (
                "DEBUG" in names
                and isinstance(value, ast.Constant)
                and value.value is True
            ) and (self.path.endswith("settings.py") or "/settings/" in self.path):
                self.note(self.facts.django_debug, statement, "DEBUG = True")
            if (
                isinstance(value, ast.Call)
                and _last(dotted(value.func)) in FACTORIES
                and any(_mentions_name(arg) for arg in value.args)
            ):
                self.note(self.facts.module_loggers, statement, _text(value))
            callee = _last(dotted(value.func)) if isinstance(value, ast.Call) else ""
            if callee in WEB_APP_CLASSES and names and names[0]:
                self.facts.web_apps.append(
                    WebApp(
                        self.path, statement.lineno, names[0], WEB_APP_CLASSES[callee]
                    )
                )

    def _call(self, node: ast.Call) -> None:
        name = dotted(node.func)
        # ``getLogger("x").setLevel(...)`` has no dotted name; its method does.
        last = node.func.attr if isinstance(node.func, ast.Attribute) else _last(name)
        facts = self.facts

        if last in CONFIG_FUNCTIONS:
            self.note(facts.config, node, f"`{last}`")
            level = _keyword(node, "level")
            if last == "basicConfig" and level is not None:
                self._level(node, level)
        elif name == "structlog.configure":
            self.note(facts.config, node, "`structlog.configure`")
            self.note(facts.structured, node, "structlog")
        elif last == "add" and _root(name) in self.loguru_names:
            self.note(facts.config, node, "loguru `logger.add`")
            serialize = _keyword(node, "serialize")
            if isinstance(serialize, ast.Constant) and serialize.value is True:
                self.note(facts.structured, node, "loguru with serialize=True")

        if (
            last in STDLIB_HANDLERS
            or last.endswith("Handler")
            and name
            and "logging" in name
        ):
            self.note(facts.handlers, node, last)
        if last == "Formatter" or last.endswith("Formatter"):
            kind = "structured" if STRUCTURED_RE.search(name or "") else "text"
            self.note(facts.formatters, node, f"{last} ({kind})")
            if kind == "structured":
                self.note(facts.structured, node, last)
        if last == "setLevel" and node.args:
            self._level(node, node.args[0])
        if last == "ContextVar":
            label = _text(node.args[0]) if node.args else "ContextVar"
            self.note(facts.context_vars, node, label)
        if last == "setLogRecordFactory":
            self.note(facts.record_hooks, node, "setLogRecordFactory")
        if name in TRACKERS:
            self.note(facts.error_trackers, node, f"{TRACKERS[name]} initialised")
        if last in ("getLogger", "get_logger") and node.args:
            first = node.args[0]
            if (
                isinstance(first, ast.Constant)
                and isinstance(first.value, str)
                and AUDIT_RE.search(first.value)
            ):
                self.note(facts.audit_loggers, node, repr(first.value))
        if last == "exception" or _is_true(_keyword(node, "exc_info")):
            facts.exception_calls += 1

    def _level(self, node: ast.AST, value: ast.expr) -> None:
        text = ast.unparse(value)
        if _from_environment(value) or (
            isinstance(value, ast.Name) and value.id in self.env_names
        ):
            self.note(self.facts.levels_env, node, text)
        elif isinstance(value, ast.Constant) or _last(dotted(value)) in LEVEL_NAMES:
            self.note(self.facts.levels_fixed, node, text)
        else:
            self.note(self.facts.levels_set, node, text)

    def _dict(self, node: ast.Dict) -> None:
        for key, value in zip(node.keys, node.values):
            if not isinstance(key, ast.Constant) or not isinstance(key.value, str):
                continue
            literal = value.value if isinstance(value, ast.Constant) else None
            if key.value == "class" and isinstance(literal, str):
                handler = literal.rsplit(".", 1)[-1]
                if handler.endswith("Handler"):
                    self.note(self.facts.handlers, value, handler)
                elif handler.endswith("Formatter"):
                    self._formatter_string(value, literal)
            elif key.value == "()" and isinstance(literal, str):
                if literal.rsplit(".", 1)[-1].endswith("Formatter"):
                    self._formatter_string(value, literal)
            elif key.value == "level" and value is not None:
                self._level(value, value)

    def _formatter_string(self, node: ast.AST, literal: str) -> None:
        short = literal.rsplit(".", 1)[-1]
        kind = "structured" if STRUCTURED_RE.search(literal) else "text"
        self.note(self.facts.formatters, node, f"{short} ({kind})")
        if kind == "structured":
            self.note(self.facts.structured, node, short)

    def _class(self, node: ast.ClassDef) -> None:
        bases = [_last(dotted(base)) for base in node.bases]
        if "Filter" in bases or "LoggerAdapter" in bases:
            kind = "Filter" if "Filter" in bases else "LoggerAdapter"
            if REDACTION_RE.search(node.name):
                self.note(self.facts.redaction, node, f"{node.name} ({kind})")
            elif kind == "LoggerAdapter" or _sets_record_attribute(node):
                self.note(self.facts.record_hooks, node, f"{node.name} ({kind})")
        if any(base.endswith("Formatter") for base in bases) and "json" in ast.unparse(
            node
        ):
            self.note(self.facts.structured, node, f"{node.name} (formats JSON)")
            self.note(self.facts.formatters, node, f"{node.name} (structured)")

    def _handler(self, node: ast.ExceptHandler) -> None:
        self.facts.handlers_total += 1
        logs = raises = False
        for child in ast.walk(node):
            if isinstance(child, ast.Raise):
                raises = True
            elif isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute):
                receiver = dotted(child.func.value) or ""
                if child.func.attr in ERROR_METHODS and (
                    receiver == "logging" or LOGGER_NAME_RE.search(_last(receiver))
                ):
                    logs = True
        self.facts.handlers_logging += logs
        self.facts.handlers_raising += raises


def _from_environment(node: ast.expr) -> bool:
    """``os.environ[...]``, ``os.getenv(...)``, ``env("X")``, ``config("X")``."""
    for child in ast.walk(node):
        if isinstance(child, ast.Attribute) and child.attr in ENV_NAMES:
            return True
        if isinstance(child, ast.Name) and child.id in ENV_NAMES:
            return True
        if isinstance(child, ast.Call) and _last(dotted(child.func)) in ENV_CALLS:
            return True
    return False


def _root(name: str | None) -> str:
    return name.split(".", 1)[0] if name else ""


def _keyword(node: ast.Call, name: str) -> ast.expr | None:
    for keyword in node.keywords:
        if keyword.arg == name:
            return keyword.value
    return None


def _is_true(node: ast.expr | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is True


def _mentions_name(node: ast.expr) -> bool:
    return any(
        isinstance(child, ast.Name) and child.id == "__name__"
        for child in ast.walk(node)
    )


def _sets_record_attribute(node: ast.ClassDef) -> bool:
    """A filter that writes ``record.<x> = ...`` adds context to records."""
    for child in ast.walk(node):
        if isinstance(child, (ast.Assign, ast.AnnAssign)):
            targets = child.targets if isinstance(child, ast.Assign) else [child.target]
            for target in targets:
                if (
                    isinstance(target, ast.Attribute)
                    and dotted(target.value) == "record"
                ):
                    return True
        if (
            isinstance(child, ast.Call)
            and dotted(child.func) == "setattr"
            and child.args
            and dotted(child.args[0]) == "record"
        ):
            return True
    return False


def _exception_classes(
    facts: StatusFacts, classes: list[tuple[str, ast.ClassDef]]
) -> None:
    """Classes deriving from Exception, directly or through each other."""
    known = {"Exception", "BaseException"}
    found: set[tuple[str, int, str]] = set()
    changed = True
    while changed:
        changed = False
        for path, node in classes:
            bases = {_last(dotted(base)) for base in node.bases}
            is_error = bool(bases & known) or any(
                base.endswith(("Error", "Exception")) for base in bases
            )
            key = (path, node.lineno, node.name)
            if is_error and key not in found:
                found.add(key)
                known.add(node.name)
                changed = True
    facts.exception_classes = [Evidence(p, line, name) for p, line, name in found]


def _log_tests(facts: StatusFacts, path: str, nodes: Nodes) -> None:
    # Lines of assertLogs()/assertNoLogs() calls, to match against test spans.
    asserts = sorted(
        (node.lineno, _last(dotted(node.func)))
        for node in nodes
        if isinstance(node, ast.Call)
        and isinstance(node.func, (ast.Attribute, ast.Name))
        and _last(dotted(node.func)) in ("assertLogs", "assertNoLogs")
    )
    for node in nodes:
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        if not node.name.startswith("test"):
            continue
        arguments = {arg.arg for arg in node.args.args + node.args.kwonlyargs}
        end = node.end_lineno or node.lineno
        how = ["caplog"] if "caplog" in arguments else []
        how += [name for line, name in asserts if node.lineno <= line <= end][:1]
        if how:
            facts.log_tests.append(
                Evidence(path, node.lineno, f"`{node.name}` with {how[0]}")
            )


@dataclass
class TestIndex:
    """Which names the test files mention, and where first."""

    mentions: dict[str, Evidence] = field(default_factory=dict)

    def find(self, qualname: str) -> Evidence | None:
        return self.mentions.get(qualname.rsplit(".", 1)[-1])


def index_tests(modules: Iterable[tuple[str, Nodes]]) -> TestIndex:
    """Every function, method or attribute name a test file refers to."""
    index = TestIndex()
    for path, nodes in sorted(modules, key=lambda item: item[0]):
        for node in nodes:
            names: list[str] = []
            if isinstance(node, ast.Name):
                names = [node.id]
            elif isinstance(node, ast.Attribute):
                names = [node.attr]
            elif isinstance(node, ast.ImportFrom):
                names = [alias.name for alias in node.names]
            elif (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and re.fullmatch(r"[\w.]+", node.value)
            ):
                # monkeypatch.setattr("pkg.mod.func", ...) names it in a string.
                names = [node.value.rsplit(".", 1)[-1]]
            for name in names:
                evidence = Evidence(path, getattr(node, "lineno", 1), name)
                current = index.mentions.get(name)
                if current is None or (evidence.path, evidence.line) < (
                    current.path,
                    current.line,
                ):
                    index.mentions[name] = evidence
    return index
