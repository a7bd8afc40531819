"""Testing recommendations: a pytest test written for the real function.

The test is named after the function the finding sits in, calls it the way
its signature asks (a ``MagicMock`` for each required argument, a test
client for a Flask or FastAPI route), makes the guarded call fail by patching
what the ``try`` block calls first, and asserts on what the fix changes,
with ``caplog`` wherever logging is involved.
"""

from __future__ import annotations

import ast
import builtins
import re
from dataclasses import dataclass, field

from flake8_logerr.registry import Rule
from flake8_logerr.report.analysis import dotted
from flake8_logerr.report.model import Place
from flake8_logerr.report.sources import FunctionInfo, SourceFile
from flake8_logerr.scope import TRY_TYPES

SECRET = "s3cr3t-value"
BOOM = "boom"

# Exceptions whose constructor needs more than a message.
EXCEPTION_ARGS = {
    "JSONDecodeError": f'"{BOOM}", "", 0',
    "CalledProcessError": '1, "cmd"',
    "UnicodeDecodeError": f'"utf-8", b"", 0, 1, "{BOOM}"',
    "TimeoutExpired": '"cmd", 1',
}

HANDLER_RULES = frozenset(
    ("LOG005", "LOG006", "LOG007", "LOG010", "LOG016", "LOG017", "LOG018", "LOG021")
)
LOGGER_NAME_RULES = frozenset(("LOG001", "LOG002", "LOG015", "LOG020"))
ROUTE_METHODS = frozenset(("route", "get", "post", "put", "patch", "delete"))

# Every file handler on any logger must rotate (or leave it to logrotate).
ROTATION_CHECK = [
    "for name in [None, *logging.root.manager.loggerDict]:",
    "    for handler in logging.getLogger(name).handlers:",
    "        if isinstance(handler, logging.FileHandler):",
    "            assert isinstance(handler, (",
    "                logging.handlers.RotatingFileHandler,",
    "                logging.handlers.TimedRotatingFileHandler,",
    "                logging.handlers.WatchedFileHandler,",
    "            ))",
]

SUFFIXES = {
    "LOG001": "logs_under_its_module_name",
    "LOG002": "logs_under_its_module_name",
    "LOG003": "logs_extra_fields_without_key_error",
    "LOG004": "logs_the_error_without_an_empty_traceback",
    "LOG005": "logs_the_failure_with_its_traceback",
    "LOG006": "logs_the_failure_with_its_traceback",
    "LOG007": "logs_at_error_level_without_a_traceback",
    "LOG008": "logs_warnings_without_deprecation",
    "LOG009": "logs_at_warning_level",
    "LOG010": "logs_a_message_and_the_traceback",
    "LOG011": "passes_log_values_as_arguments",
    "LOG012": "log_messages_format_cleanly",
    "LOG013": "log_messages_format_cleanly",
    "LOG014": "logs_without_exc_info",
    "LOG015": "logs_under_its_module_name",
    "LOG016": "lets_keyboard_interrupt_through",
    "LOG017": "logs_the_failure_before_falling_back",
    "LOG018": "records_the_failure",
    "LOG019": "keeps_secrets_out_of_the_log",
    "LOG020": "logs_under_its_module_name",
    "LOG021": "logs_a_fixed_message_for_the_failure",
    "LOG022": "keeps_the_original_error_as_the_cause",
    "LOG023": "raises_a_specific_exception",
    "LOG024": "hides_error_details_from_the_response",
    "LOG025": "logs_instead_of_printing",
    "LOG026": "uses_a_rotating_log_file",
    "LOG027": "leaves_logging_configuration_alone",
}


@dataclass
class TestSketch:
    """A recommended test: its name, its code, and one sentence about it."""

    name: str
    code: str
    about: str


@dataclass
class _Builder:
    """Collects the imports, fixtures and lines of one test."""

    module: str
    alias: str
    imports: set[str] = field(default_factory=set)
    fixtures: list[str] = field(default_factory=list)
    arrange: list[str] = field(default_factory=list)
    act: list[str] = field(default_factory=list)
    check: list[str] = field(default_factory=list)

    def fixture(self, name: str) -> None:
        if name not in self.fixtures:
            self.fixtures.append(name)

    def render(self, name: str) -> str:
        lines = sorted(i for i in self.imports if i.startswith("import "))
        froms = sorted(i for i in self.imports if i.startswith("from "))
        head = _import_block(lines, froms)
        if "." in self.module:
            package, _, last = self.module.rpartition(".")
            own = f"from {package} import {last}"
            if last != self.alias:
                own += f" as {self.alias}"
        else:
            own = f"import {self.module}"
        signature = ", ".join(self.fixtures)
        body: list[str] = []
        for part in (self.arrange, self.act, self.check):
            if part:
                if body:
                    body.append("")
                body.extend(part)
        text = "\n".join([*head, "", own, "", "", f"def {name}({signature}):"])
        text += "\n" + "\n".join(f"    {line}" if line else "" for line in body)
        return text + "\n"


def _import_block(lines: list[str], froms: list[str]) -> list[str]:
    stdlib = [
        i for i in lines + froms if not i.split()[1].startswith(("pytest", "fastapi"))
    ]
    third = [i for i in lines + froms if i not in stdlib]
    block = sorted(stdlib, key=lambda i: (i.startswith("from "), i))
    if third:
        if block:
            block.append("")
        block.extend(sorted(third, key=lambda i: (i.startswith("from "), i)))
    return block


def snake(name: str) -> str:
    """``PaymentService.charge`` -> ``payment_service_charge``."""
    text = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name.replace(".", "_"))
    return re.sub(r"_+", "_", text).strip("_").lower()


def recommend_test(
    place: Place, rule: Rule, source: SourceFile, module: str
) -> TestSketch:
    """A pytest test for ``place``, named after its function."""
    alias = module.rsplit(".", 1)[-1]
    builder = _Builder(module=module, alias=alias)
    function = _callable_function(source, place.line)
    code = rule.code

    if function is None or code == "LOG027":
        # Module-level code runs on import: the test reloads the module.
        name = f"test_importing_{snake(alias)}_{SUFFIXES[code]}"
        if code != "LOG027":
            name = f"test_{snake(alias)}_module_{SUFFIXES[code]}"
        _module_level(builder, code, place, source)
        return TestSketch(
            name, builder.render(name), _about(code, f"module `{module}`")
        )

    subject = function.qualname
    name = f"test_{snake(subject)}_{SUFFIXES[code]}"
    call = _Call(builder, function, source)
    in_handler = _handler_at(function, place.line) is not None
    handler_rule = code in HANDLER_RULES or code in ("LOG022", "LOG024")
    if handler_rule or (code == "LOG025" and in_handler):
        _handler_test(builder, call, code, place, source, function)
    elif code == "LOG023":
        _reach_raise(builder, function, place.line, source)
        _logging_test(builder, call, code, module)
    elif code == "LOG019":
        _secret_test(builder, call, place, source, function)
    else:
        _logging_test(builder, call, code, module)
    return TestSketch(name, builder.render(name), _about(code, f"`{subject}`"))


# What each test checks, finishing "It ..." with the subject filled in.
ABOUT = {
    "LOG001": "checks, with `caplog`, that the records of {0} carry the module's "
    "logger name",
    "LOG002": "checks, with `caplog`, that the records of {0} carry the module's "
    "logger name",
    "LOG003": "runs {0} with the level enabled, so the record is really built, "
    "and checks that it logs without a `KeyError`",
    "LOG004": "checks, with `caplog`, that {0} logs no empty traceback",
    "LOG005": "makes the call inside the `try` block of {0} fail and checks, "
    "with `caplog`, that the error is logged with its traceback",
    "LOG006": "makes the call inside the `try` block of {0} fail and checks, "
    "with `caplog`, that the traceback is still logged",
    "LOG007": "makes {0} fail and checks, with `caplog`, that it logs at error "
    "level without a traceback",
    "LOG008": "turns `DeprecationWarning` into an error while {0} runs, so a "
    "`.warn()` call fails it",
    "LOG009": "checks, with `caplog`, that {0} logs at WARNING",
    "LOG010": "makes {0} fail and checks, with `caplog`, that the record has a "
    "message of its own and the traceback",
    "LOG011": "checks, with `caplog`, that the values {0} logs reach the record "
    "as arguments",
    "LOG012": "checks, with `caplog`, that every record {0} logs formats "
    "without an error",
    "LOG013": "checks, with `caplog`, that every record {0} logs formats "
    "without an error",
    "LOG014": "checks, with `caplog`, that {0} logs no empty traceback",
    "LOG015": "checks, with `caplog`, that the records of {0} carry the module's "
    "logger name",
    "LOG016": "fails today because {0} swallows Ctrl-C, and passes once the "
    "handler catches `Exception`",
    "LOG017": "makes the call inside the `try` block of {0} fail and checks, "
    "with `caplog`, that the failure is logged before the fallback",
    "LOG018": "makes the call inside the `try` block of {0} fail and checks, "
    "with `caplog`, that the failure is recorded",
    "LOG019": "gives {0} a secret value and checks, with `caplog`, that the "
    "value never reaches the log",
    "LOG020": "checks, with `caplog`, that the records of {0} carry the module's "
    "logger name",
    "LOG021": "makes {0} fail and checks, with `caplog`, that the message stays "
    "the same whatever the error says",
    "LOG022": "checks that the error {0} raises still carries the original one "
    "as its cause",
    "LOG023": "checks that callers of {0} can catch the error by a specific class",
    "LOG024": "makes {0} fail and checks that the error text stays out of the "
    "response and goes to the log",
    "LOG025": "checks that {0} reports through logging, where `caplog` sees it, "
    "and prints nothing",
    "LOG026": "checks that the log file {0} sets up rotates",
    "LOG027": "checks that importing {0} leaves the root logger as it was",
}


def _about(code: str, subject: str) -> str:
    return "It " + ABOUT[code].format(subject) + "."


class _Call:
    """How the test calls the function, and the mocks it passes in."""

    def __init__(
        self, builder: _Builder, function: FunctionInfo, source: SourceFile
    ) -> None:
        self.builder = builder
        self.function = function
        self.source = source
        node = function.node
        decorators = {
            dotted(d.func if isinstance(d, ast.Call) else d)
            for d in node.decorator_list
        }
        self.is_static = "staticmethod" in decorators
        self.is_classmethod = "classmethod" in decorators
        self.route = _route(node, source)
        positional = node.args.posonlyargs + node.args.args
        defaults = len(node.args.defaults)
        required = positional[: len(positional) - defaults] if defaults else positional
        self.receiver: str | None = None
        if function.class_name and not self.is_static and required:
            self.receiver = required[0].arg
            required = required[1:]
        self.params = [arg.arg for arg in required]
        self.keyword_params = [
            arg.arg
            for arg, default in zip(node.args.kwonlyargs, node.args.kw_defaults)
            if default is None
        ]
        self.values: dict[str, str] = {}
        self.mocks: dict[str, str] = {}

    @property
    def all_params(self) -> list[str]:
        return self.params + self.keyword_params

    def mock(self, param: str) -> str:
        """A MagicMock variable standing for ``param`` (or for ``self``)."""
        if param not in self.mocks:
            variable = param
            if param == self.receiver and self.function.class_name:
                variable = snake(self.function.class_name)
            self.builder.imports.add("from unittest.mock import MagicMock")
            self.builder.arrange.append(f"{variable} = MagicMock()")
            self.mocks[param] = variable
        return self.mocks[param]

    def expression(self) -> str:
        builder = self.builder
        if self.route is not None:
            return self._route_call()
        arguments = []
        if self.receiver is not None and not self.is_classmethod:
            arguments.append(self.mock(self.receiver))
        for param in self.params:
            arguments.append(self._value(param))
        for param in self.keyword_params:
            arguments.append(f"{param}={self._value(param)}")
        target = f"{builder.alias}.{self.function.qualname}"
        text = f"{target}({', '.join(arguments)})"
        if isinstance(self.function.node, ast.AsyncFunctionDef):
            builder.imports.add("import asyncio")
            text = f"asyncio.run({text})"
        return text

    def _value(self, param: str) -> str:
        if param in self.values:
            return self.values[param]
        if param in self.mocks:
            return self.mocks[param]
        self.builder.imports.add("from unittest.mock import MagicMock")
        return "MagicMock()"

    def _route_call(self) -> str:
        assert self.route is not None
        app, method, path, framework = self.route
        builder = self.builder
        if framework == "fastapi":
            builder.imports.add("from fastapi.testclient import TestClient")
            builder.arrange.append(f"client = TestClient({builder.alias}.{app})")
        else:
            builder.arrange.append(f"client = {builder.alias}.{app}.test_client()")
        body = ""
        if method in ("post", "put", "patch"):
            payload = ", ".join(f'"{k}": {v}' for k, v in sorted(self.values.items()))
            body = f", json={{{payload}}}"
        return f'client.{method}("{path}"{body})'


def _route(
    node: ast.FunctionDef | ast.AsyncFunctionDef, source: SourceFile
) -> tuple[str, str, str, str] | None:
    """``(app, method, path, framework)`` for a Flask or FastAPI route."""
    framework = _web_framework(source)
    if framework is None:
        return None
    for decorator in node.decorator_list:
        if not isinstance(decorator, ast.Call) or not isinstance(
            decorator.func, ast.Attribute
        ):
            continue
        app = dotted(decorator.func.value)
        kind = decorator.func.attr
        if app is None or "." in app or kind not in ROUTE_METHODS:
            continue
        if not decorator.args or not isinstance(decorator.args[0], ast.Constant):
            continue
        path = str(decorator.args[0].value)
        path = re.sub(r"<(?:[^:>]+:)?([^>]+)>|\{([^}]+)\}", "1", path)
        method = kind if kind != "route" else "get"
        for keyword in decorator.keywords:
            if keyword.arg == "methods" and isinstance(
                keyword.value, (ast.List, ast.Tuple)
            ):
                first = keyword.value.elts[0] if keyword.value.elts else None
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    method = first.value.lower()
        return app, method, path, framework
    return None


def _web_framework(source: SourceFile) -> str | None:
    if source.tree is None:
        return None
    for node in source.tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
            )
            for name in names:
                top = name.split(".")[0]
                if top in ("flask", "fastapi"):
                    return top
    return None


def _callable_function(source: SourceFile, line: int) -> FunctionInfo | None:
    """The function a test can call: a nested one is reached through its parent."""
    function = source.function_at(line)
    while function is not None:
        parent = _parent_function(source, function)
        if parent is None:
            return function
        function = parent
    return None


def _parent_function(source: SourceFile, function: FunctionInfo) -> FunctionInfo | None:
    prefix = function.qualname.rsplit(".", 1)[0] if "." in function.qualname else ""
    for other in source.functions():
        if other.qualname == prefix:
            return other
    return None


def _module_globals(source: SourceFile) -> set[str]:
    names: set[str] = set()
    if source.tree is None:
        return names
    for node in source.tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                names.add((alias.asname or alias.name).split(".")[0])
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


def _type_expression(
    node: ast.expr | None, source: SourceFile, alias: str
) -> str | None:
    """How the test names an exception class the module names ``node``."""
    name = dotted(node)
    if name is None:
        return None
    root = name.split(".")[0]
    if root in _module_globals(source):
        return f"{alias}.{name}"
    value = getattr(builtins, name, None)
    if isinstance(value, type) and issubclass(value, BaseException):
        return name
    return None


def _error(type_expression: str) -> str:
    last = type_expression.rsplit(".", 1)[-1]
    arguments = EXCEPTION_ARGS.get(last, f'"{BOOM}"')
    return f"{type_expression}({arguments})"


def _handler_at(
    function: FunctionInfo, line: int
) -> tuple[ast.stmt, ast.ExceptHandler] | None:
    """The innermost ``try`` statement and handler that hold ``line``."""
    best: tuple[ast.stmt, ast.ExceptHandler] | None = None
    for node in ast.walk(function.node):
        if not isinstance(node, TRY_TYPES) or not isinstance(node, ast.stmt):
            continue
        handlers: list[ast.ExceptHandler] = getattr(node, "handlers", [])
        for handler in handlers:
            end = handler.end_lineno or handler.lineno
            inside = handler.lineno <= line <= end
            if inside and (best is None or handler.lineno >= best[1].lineno):
                best = (node, handler)
    return best


def _first_call(body: list[ast.stmt]) -> ast.Call | None:
    calls = [
        node
        for statement in body
        for node in ast.walk(statement)
        if isinstance(node, ast.Call) and dotted(node.func) is not None
    ]
    calls.sort(key=lambda c: (c.lineno, c.col_offset))
    return calls[0] if calls else None


def _arrange_failure(
    builder: _Builder,
    call: _Call,
    try_node: ast.stmt,
    error_type: str,
    source: SourceFile,
) -> bool:
    """Make the first call of the ``try`` block raise ``error``.

    Returns False, with a comment saying what to arrange, when no call
    there can be patched from a test.
    """
    body: list[ast.stmt] = getattr(try_node, "body", [])
    target = _first_call(body)
    parts = (dotted(target.func) or "").split(".") if target is not None else []
    error = f"error = {_error(error_type)}"
    if target is None or not parts[0]:
        first = body[0] if body else try_node
        builder.arrange.append(
            f"# Make `{_short(ast.unparse(first))}` (line {first.lineno}) raise"
            f" {error_type}: the `try` block has no call to patch."
        )
        return False
    if parts[0] in (call.receiver, *call.all_params) and call.route is None:
        variable = call.mock(parts[0])
        builder.arrange.insert(0, error)
        attribute = ".".join([variable, *parts[1:]])
        builder.arrange.append(f"{attribute}.side_effect = error")
        return True
    shadow = len(parts) == 1 and hasattr(builtins, parts[0])
    if parts[0] in _module_globals(source) or shadow:
        builder.imports.add("from unittest.mock import MagicMock")
        builder.fixture("monkeypatch")
        builder.arrange.insert(0, error)
        owner = ".".join([builder.alias, *parts[:-1]])
        # A module global of a builtin's name shadows it in this module only.
        extra = ", raising=False" if shadow else ""
        builder.arrange.append(
            f'monkeypatch.setattr({owner}, "{parts[-1]}",'
            f" MagicMock(side_effect=error){extra})"
        )
        return True
    builder.arrange.append(
        f"# Make `{_short(ast.unparse(target))}` (line {target.lineno}) raise"
        f" {error_type}: it is the first call inside the `try` block."
    )
    return False


def _short(text: str) -> str:
    first = text.splitlines()[0] if text else text
    return first if len(first) <= 50 else first[:47] + "..."


def _is_error(expression: str, arranged: bool, error_type: str) -> str:
    """The check that ``expression`` is the error the test made the code raise."""
    if arranged:
        return f"assert {expression} is error"
    return f"assert isinstance({expression}, {error_type})"


def _handler_test(
    builder: _Builder,
    call: _Call,
    code: str,
    place: Place,
    source: SourceFile,
    function: FunctionInfo,
) -> None:
    found = _handler_at(function, place.line)
    builder.imports.add("import logging")
    if found is None:
        _logging_test(builder, call, code, builder.module)
        return
    try_node, handler = found
    caught = handler.type
    if isinstance(caught, ast.Tuple) and caught.elts:
        caught = caught.elts[0]
    error_type = _type_expression(caught, source, builder.alias)
    if error_type in (None, "Exception", "BaseException"):
        error_type = "RuntimeError"
    if code == "LOG016":
        error_type = "KeyboardInterrupt"
    assert error_type is not None
    arranged = _arrange_failure(builder, call, try_node, error_type, source)

    re_raise = [n for n in ast.walk(handler) if isinstance(n, ast.Raise)]
    expression = call.expression()
    if code == "LOG016":
        builder.imports.add("import pytest")
        builder.imports.discard("import logging")
        builder.act += ["with pytest.raises(KeyboardInterrupt):", f"    {expression}"]
        return
    if code == "LOG022":
        builder.imports.add("import pytest")
        builder.imports.discard("import logging")
        raised = place_raise(function, place.line)
        raised_type = (
            _type_expression(
                raised.func if isinstance(raised, ast.Call) else raised,
                source,
                builder.alias,
            )
            if raised is not None
            else None
        )
        builder.act += [
            f"with pytest.raises({raised_type or 'Exception'}) as caught:",
            f"    {expression}",
        ]
        builder.check.append(_is_error("caught.value.__cause__", arranged, error_type))
        return

    builder.fixture("caplog")
    if code == "LOG025":
        builder.fixture("capsys")
        builder.act.append("with caplog.at_level(logging.ERROR):")
        builder.act.append(f"    {expression}")
        builder.check += [
            'assert capsys.readouterr().err == ""',
            "[record] = [r for r in caplog.records if r.levelno >= logging.ERROR]",
            _is_error("record.exc_info[1]", arranged, error_type),
        ]
        return
    if code == "LOG024":
        builder.act.append("with caplog.at_level(logging.ERROR):")
        builder.act.append(f"    response = {expression}")
        if call.route is not None:
            builder.check.append(
                f'assert "{BOOM}" not in response.get_data(as_text=True)'
                if call.route[3] == "flask"
                else f'assert "{BOOM}" not in response.text'
            )
        else:
            builder.check.append(f'assert "{BOOM}" not in repr(response)')
        builder.check.append("assert any(r.exc_info for r in caplog.records)")
        return

    level = "WARNING" if code in ("LOG017", "LOG018") else "ERROR"
    builder.act.append(f"with caplog.at_level(logging.{level}):")
    if re_raise:
        builder.imports.add("import pytest")
        builder.act.append("    with pytest.raises(Exception):")
        builder.act.append(f"        {expression}")
    else:
        builder.act.append(f"    {expression}")
    builder.check.append(
        f"[record] = [r for r in caplog.records if r.levelno >= logging.{level}]"
    )
    if code == "LOG007":
        builder.check.append('assert record.levelname == "ERROR"')
        builder.check.append("assert not record.exc_info")
    elif code == "LOG021":
        builder.check.append(f'assert "{BOOM}" not in record.getMessage()')
        builder.check.append(_is_error("record.exc_info[1]", arranged, error_type))
    elif code == "LOG010":
        builder.check.append("assert isinstance(record.msg, str)")
        builder.check.append(_is_error("record.exc_info[1]", arranged, error_type))
    else:
        builder.check.append("assert record.exc_info is not None")
        builder.check.append(_is_error("record.exc_info[1]", arranged, error_type))


def place_raise(function: FunctionInfo, line: int) -> ast.expr | None:
    for node in ast.walk(function.node):
        if isinstance(node, ast.Raise) and node.lineno == line:
            return node.exc
    return None


def _secret_test(
    builder: _Builder,
    call: _Call,
    place: Place,
    source: SourceFile,
    function: FunctionInfo,
) -> None:
    builder.imports.add("import logging")
    builder.fixture("caplog")
    words = [w.lower() for w in re.findall(r"`([^`]+)`", place.finding.message)]
    words = [w.split(".")[-1].split("[")[0] for w in words] or ["password"]
    planted = False
    for param in call.all_params:
        if any(word in param.lower() for word in words):
            call.values[param] = f'"{SECRET}"'
            planted = True
    if not planted and call.route is not None:
        # The request body: the keys the view reads, the secret under its name.
        for key in _request_keys(function):
            if key.lower() in words:
                call.values[key] = f'"{SECRET}"'
                planted = True
            else:
                call.values[key] = '"example"'
        if not planted:
            call.values.clear()
    if not planted:
        receivers = [call.receiver] if call.receiver else []
        for param in [*receivers, *call.all_params]:
            for node in ast.walk(function.node):
                name = dotted(node) if isinstance(node, ast.Attribute) else None
                if (
                    name
                    and param
                    and name.split(".")[0] == param
                    and any(word in name.split(".")[-1].lower() for word in words)
                ):
                    variable = call.mock(param)
                    rest = ".".join(name.split(".")[1:])
                    builder.arrange.append(f'{variable}.{rest} = "{SECRET}"')
                    planted = True
                    break
            if planted:
                break
    if not planted:
        builder.arrange.append(
            f'# Give the value logged on line {place.line} the text "{SECRET}" first.'
        )
    builder.act.append("with caplog.at_level(logging.DEBUG):")
    builder.act.append(f"    {call.expression()}")
    builder.check.append(f'assert "{SECRET}" not in caplog.text')


def _request_keys(function: FunctionInfo) -> list[str]:
    """String keys the function reads with ``x["key"]`` or ``x.get("key")``."""
    keys: list[str] = []
    for node in ast.walk(function.node):
        key: ast.expr | None = None
        if isinstance(node, ast.Subscript):
            key = node.slice
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "get"
            and node.args
        ):
            key = node.args[0]
        if (
            isinstance(key, ast.Constant)
            and isinstance(key.value, str)
            and key.value not in keys
        ):
            keys.append(key.value)
    return keys


def _reach_raise(
    builder: _Builder, function: FunctionInfo, line: int, source: SourceFile
) -> None:
    """Arrange the condition under which the ``raise`` on ``line`` runs."""
    guard: ast.If | None = None
    for node in ast.walk(function.node):
        if not isinstance(node, ast.If):
            continue
        holds = any(
            child.lineno <= line <= (child.end_lineno or child.lineno)
            for child in node.body
        )
        if holds and (guard is None or node.lineno > guard.lineno):
            guard = node
    if guard is None:
        return
    test = guard.test
    name: str | None = None
    if (
        isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Name)
        and len(test.ops) == 1
        and isinstance(test.ops[0], ast.Is)
        and isinstance(test.comparators[0], ast.Constant)
        and test.comparators[0].value is None
    ):
        name = test.left.id
    elif (
        isinstance(test, ast.UnaryOp)
        and isinstance(test.op, ast.Not)
        and isinstance(test.operand, ast.Name)
    ):
        name = test.operand.id
    source_call = _assigned_call(function, name) if name else None
    callee = dotted(source_call.func) if source_call is not None else None
    if callee is not None and callee.split(".")[0] in _module_globals(source):
        parts = callee.split(".")
        owner = ".".join([builder.alias, *parts[:-1]])
        builder.imports.add("from unittest.mock import MagicMock")
        builder.fixture("monkeypatch")
        builder.arrange.append(
            f"# Line {line} raises when `{ast.unparse(test)}`: make "
            f"`{callee}` return None."
        )
        builder.arrange.append(
            f'monkeypatch.setattr({owner}, "{parts[-1]}", MagicMock(return_value=None))'
        )
        return
    builder.arrange.append(
        f"# Line {line} raises only when `{ast.unparse(test)}`: arrange that first."
    )


def _assigned_call(function: FunctionInfo, name: str) -> ast.Call | None:
    for node in ast.walk(function.node):
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and any(isinstance(t, ast.Name) and t.id == name for t in node.targets)
        ):
            return node.value
    return None


def _logging_test(builder: _Builder, call: _Call, code: str, module: str) -> None:
    builder.imports.add("import logging")
    expression = call.expression()
    if code == "LOG023":
        builder.imports.add("import pytest")
        builder.imports.discard("import logging")
        builder.act += ["with pytest.raises(Exception) as caught:", f"    {expression}"]
        builder.check.append("assert type(caught.value) is not Exception")
        return
    if code == "LOG025":
        builder.fixture("caplog")
        builder.fixture("capsys")
        builder.act += ["with caplog.at_level(logging.DEBUG):", f"    {expression}"]
        builder.check += [
            "printed = capsys.readouterr()",
            'assert printed.out == "" and printed.err == ""',
            "assert caplog.records",
        ]
        return
    if code == "LOG026":
        builder.imports.add("import logging.handlers")
        builder.fixture("monkeypatch")
        builder.fixture("tmp_path")
        builder.arrange.append("monkeypatch.chdir(tmp_path)  # log files land here")
        builder.act.append(expression)
        builder.check += ROTATION_CHECK
        return
    if code == "LOG008":
        builder.imports.add("import warnings")
        builder.act += [
            "with warnings.catch_warnings():",
            '    warnings.simplefilter("error", DeprecationWarning)',
            f"    {expression}",
        ]
        builder.imports.discard("import logging")
        return

    builder.fixture("caplog")
    builder.act += ["with caplog.at_level(logging.DEBUG):", f"    {expression}"]
    if code in LOGGER_NAME_RULES:
        builder.check.append(
            f'assert {{r.name for r in caplog.records}} == {{"{module}"}}'
        )
    elif code in ("LOG012", "LOG013"):
        builder.check += [
            "for record in caplog.records:",
            "    record.getMessage()  # raises if placeholders and arguments disagree",
        ]
    elif code == "LOG011":
        builder.check += [
            "assert caplog.records",
            "assert all(r.args for r in caplog.records)",
        ]
    elif code in ("LOG004", "LOG014"):
        builder.check += [
            "assert caplog.records",
            "assert not any(r.exc_info for r in caplog.records)",
        ]
    elif code == "LOG009":
        builder.check.append(
            'assert any(r.levelname == "WARNING" for r in caplog.records)'
        )
    else:
        builder.check.append("assert caplog.records")


def _module_level(
    builder: _Builder, code: str, place: Place, source: SourceFile
) -> None:
    builder.imports.add("import importlib")
    builder.imports.add("import logging")
    reload = f"importlib.reload({builder.alias})"
    if code == "LOG027":
        builder.arrange += [
            "root = logging.getLogger()",
            "before = (list(root.handlers), root.level)",
        ]
        builder.act.append(reload)
        builder.check.append("assert (list(root.handlers), root.level) == before")
        return
    if code == "LOG026":
        builder.fixture("monkeypatch")
        builder.fixture("tmp_path")
        builder.imports.add("import logging.handlers")
        builder.arrange.append("monkeypatch.chdir(tmp_path)  # log files land here")
        builder.act.append(reload)
        builder.check += ROTATION_CHECK
        return
    target = _assigned_name(source, place.line)
    if code in ("LOG001", "LOG002") and target is not None:
        builder.act.append(reload)
        builder.check.append(
            f'assert {builder.alias}.{target} is logging.getLogger("{builder.module}")'
        )
        return
    builder.fixture("caplog")
    builder.act += ["with caplog.at_level(logging.DEBUG):", f"    {reload}"]
    if code in LOGGER_NAME_RULES:
        builder.check.append(
            f'assert {{r.name for r in caplog.records}} <= {{"{builder.module}"}}'
        )
    elif code in ("LOG004", "LOG014"):
        builder.check.append("assert not any(r.exc_info for r in caplog.records)")
    else:
        builder.check += [
            "for record in caplog.records:",
            "    record.getMessage()  # raises if the record cannot be formatted",
        ]


def _assigned_name(source: SourceFile, line: int) -> str | None:
    """The name a module-level assignment on ``line`` binds, if any."""
    if source.tree is None:
        return None
    for statement in source.tree.body:
        if (
            isinstance(statement, ast.Assign)
            and statement.lineno <= line <= (statement.end_lineno or line)
            and isinstance(statement.targets[0], ast.Name)
        ):
            return statement.targets[0].id
    return None
