"""LOG020, LOG025-LOG027: how a module sets up logging and where output goes.

These rules ask what a name refers to (``traceback``, ``logging.handlers``,
``print``), so the walk files the module's imports and assignments and a
small name table is built from them the first time a rule asks.
"""

from __future__ import annotations

import ast
import functools
import re
from fnmatch import fnmatch
from typing import Any

from flake8_logerr.core import Context
from flake8_logerr.loggers import LogCall, LoggerTable
from flake8_logerr.paths import project_parts
from flake8_logerr.scope import FUNCTION_TYPES, Scope

# LOG025: a file that is a program, a test or an example, not library code.
CLI_FILE_NAMES = frozenset(
    (
        "__main__.py",
        "manage.py",
        "conftest.py",
        "setup.py",
        "noxfile.py",
    )
)
CLI_FILE_RE = re.compile(r"^test_.*\.py$|_test\.py$")
# ``t/`` as celery and Perl-style projects name their test tree.
TEST_DIRECTORIES = frozenset(("tests", "test", "t"))
CLI_DIRECTORIES = frozenset(
    (
        *TEST_DIRECTORIES,
        "scripts",
        "bin",
        "examples",
        "example",
        "demos",
        "demo",
        "docs",
        "doc",
        "benchmarks",
    )
)

# LOG027: files whose job is to set the application up.
CONFIG_FILE_NAMES = frozenset(
    (
        "__main__.py",
        "manage.py",
        "wsgi.py",
        "asgi.py",
        "conftest.py",
        "settings.py",
        "main.py",
        "app.py",
    )
)

# LOG025: the calls that write diagnostics past the logging system, with the
# keyword (and position) of the stream they write to.
PRINT_FUNCTIONS = {
    "pprint.pprint": ("stream", 1),
    "traceback.print_exc": ("file", 1),
    "traceback.print_exception": ("file", -1),
}
TRACEBACK_PRINTERS = frozenset(("traceback.print_exc", "traceback.print_exception"))
STANDARD_STREAMS = frozenset(("sys.stderr", "sys.stdout"))

# LOG025: decorators that make a function a command-line entry point.
CLI_DECORATOR_NAMES = frozenset(("click.command", "click.group"))
CLI_DECORATOR_ATTRS = frozenset(("command", "group"))

# LOG026: handler classes, the position and keyword of the arguments that
# must be non-zero for the files to stay bounded, and what goes wrong
# without them.
# https://docs.python.org/3/library/logging.handlers.html
ROTATING = "logging.handlers.RotatingFileHandler"
TIMED_ROTATING = "logging.handlers.TimedRotatingFileHandler"
ROTATION_LIMITS = {
    ROTATING: (("maxBytes", 2), ("backupCount", 3)),
    TIMED_ROTATING: (("backupCount", 3),),
}
LIMIT_REASON = {
    (ROTATING, "maxBytes"): "`RotatingFileHandler` without `maxBytes` never rotates",
    (ROTATING, "backupCount"): (
        "`RotatingFileHandler` without `backupCount` never rotates"
    ),
    (TIMED_ROTATING, "backupCount"): (
        "`TimedRotatingFileHandler` without `backupCount` keeps every old file"
    ),
}
FILE_HANDLER = "logging.FileHandler"
FILE_HANDLER_REASON = "`FileHandler` never rotates"

# The last names of the calls each rule can report: a cheap test that keeps
# the other calls (nearly all of them) away from name resolution.
LOG025_CALLS = frozenset(("print", "pprint", "print_exc", "print_exception", "write"))
LOG026_CALLS = frozenset(
    ("FileHandler", "RotatingFileHandler", "TimedRotatingFileHandler", "basicConfig")
)
LOG027_CALLS = frozenset(
    (
        "basicConfig",
        "dictConfig",
        "fileConfig",
        "captureWarnings",
        "disable",
        "addHandler",
        "setLevel",
    )
)


def _may_call(ctx: Context, call: ast.Call, wanted: frozenset[str]) -> bool:
    """``call`` ends in a wanted name, or is a bare name that was imported
    (``from pprint import pprint as show``: resolved later)."""
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr in wanted
    if isinstance(func, ast.Name):
        return func.id in wanted or func.id in ctx.loggers.imports
    return False


# LOG027: calls that configure logging for the whole process.
CONFIG_FUNCTIONS = frozenset(
    (
        "logging.basicConfig",
        "logging.config.dictConfig",
        "logging.config.fileConfig",
        "logging.captureWarnings",
        "logging.disable",
    )
)
NULL_HANDLER = "logging.NullHandler"


class _Names:
    """What the imports and assignments bind, and which code prints on purpose.

    Each answer is worked out on first use: most files never ask, because
    their calls do not pass the cheap name test of the rule.
    """

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx
        self._loggers = ctx.loggers

    def dotted(self, node: ast.expr) -> set[str]:
        """The imported dotted names ``node`` may stand for (``lh.X``...)."""
        return self._loggers.qualified_names(node)

    @functools.cached_property
    def print_rebound(self) -> bool:
        """``print`` defined, assigned or imported somewhere in the module."""
        if "print" in self._loggers.imports:
            return True
        for node_type in (*FUNCTION_TYPES, ast.ClassDef):
            if any(node.name == "print" for node, _ in self._ctx.nodes_of(node_type)):
                return True
        return "print" in self._assigned_names

    @functools.cached_property
    def _assigned_names(self) -> dict[str, list[ast.expr | None]]:
        """Plain names assigned anywhere, with the values given to them."""
        found: dict[str, list[ast.expr | None]] = {}
        for node, _ in self._ctx.nodes_of(ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found.setdefault(target.id, []).append(node.value)
        for node, _ in self._ctx.nodes_of(ast.AnnAssign):
            if isinstance(node.target, ast.Name):
                found.setdefault(node.target.id, []).append(node.value)
        return found

    @functools.cached_property
    def null_handlers(self) -> set[str]:
        return {
            name
            for name, values in self._assigned_names.items()
            if any(
                isinstance(value, ast.Call)
                and NULL_HANDLER in self.dotted(value.func)
                for value in values
            )
        }

    @functools.cached_property
    def root_loggers(self) -> set[str]:
        return {
            name
            for name, values in self._assigned_names.items()
            if any(
                value is not None and _is_root_logger(self._ctx, value)
                for value in values
            )
        }

    @functools.cached_property
    def verbose_lines(self) -> list[tuple[int, int]]:
        """LOG025: the lines of ``if verbose:`` bodies."""
        return [
            (node.body[0].lineno, node.body[-1].end_lineno or node.lineno)
            for node, _ in self._ctx.nodes_of(ast.If)
            if _mentions_verbosity(node.test)
        ]

    @functools.cached_property
    def prompting(self) -> set[ast.AST]:
        """LOG025: functions that ask the user with ``input()`` or getpass."""
        found: set[ast.AST] = set()
        for node, scope in self._ctx.nodes_of(ast.Call):
            func = node.func
            if scope.function is not None and (
                (isinstance(func, ast.Name) and func.id == "input")
                or "getpass.getpass" in self.dotted(func)
            ):
                found.add(scope.function)
        return found


def _mentions_verbosity(test: ast.expr) -> bool:
    """``if verbosity >= 2:``, ``if not self.quiet:`` and the like."""
    for part in ast.walk(test):
        name = None
        if isinstance(part, ast.Name):
            name = part.id
        elif isinstance(part, ast.Attribute):
            name = part.attr
        if name is not None and any(
            word in name.lower() for word in ("verbos", "quiet", "silent")
        ):
            return True
    return False


def _names(ctx: Context) -> _Names:
    names = ctx.facts.get("setup.names")
    if names is None:
        names = ctx.facts["setup.names"] = _Names(ctx)
    assert isinstance(names, _Names)
    return names


def _is_root_logger(ctx: Context, node: ast.expr) -> bool:
    """``logging.root`` or ``logging.getLogger()``, not the module itself."""
    return ctx.loggers.is_root_expr(node) and not ctx.loggers.is_logging_module(node)


def _path_parts(filename: str) -> list[str]:
    # Relative to the file's own project, so that an application kept in a
    # library's examples/ folder with its own pyproject.toml is not exempt.
    return list(project_parts(filename))


def _matches_globs(filename: str, globs: tuple[str, ...]) -> bool:
    """``filename`` (as given or with ``/``) matches one of ``globs``.

    A glob without a slash also matches the bare file name, as in flake8's
    ``per-file-ignores``.
    """
    posix = filename.replace("\\", "/")
    candidates = {filename, posix, posix.removeprefix("./")}
    base = posix.rpartition("/")[2]
    return any(
        fnmatch(candidate, glob)
        for glob in globs
        for candidate in (candidates if "/" in glob else candidates | {base})
    )


def _literal_prefix(node: ast.expr) -> str | None:
    """The literal text a logger name starts with (``"app.%s" % x`` -> ``app.``)."""
    # A loop, not recursion: ``"a" + b + c ...`` nests once per term.
    while True:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
            node = node.left
        elif isinstance(node, ast.JoinedStr) and node.values:
            node = node.values[0]
        else:
            return None


def _keeps_hierarchy(argument: ast.expr, module: list[str]) -> bool:
    """A logger name that keeps the module hierarchy.

    That is ``__name__`` or an expression built from it (``f"{__name__}.x"``),
    or the module's own dotted name written out (``"shop.search"`` in
    ``shop/search.py``, or a name below it). Any other literal is the
    hard-coded name the rule is about (``getLogger("utils")``), even one
    inside the right package: that module then logs as another one.
    """
    if any(
        isinstance(part, ast.Name) and part.id == "__name__"
        for part in ast.walk(argument)
    ):
        return True
    prefix = _literal_prefix(argument)
    if prefix is None:
        return False
    name = prefix.rstrip(".")
    # Suffixes of the path, since the project root may sit above the import
    # root (``src/shop/search.py`` is ``shop.search``). One part is too
    # short to tell a module name from a made-up one.
    for start in range(len(module) - 1):
        own = ".".join(module[start:])
        if name == own or name.startswith(own + "."):
            return True
    return False


def _module_parts(filename: str) -> list[str]:
    """``["shop", "search"]`` for ``shop/search.py``; packages end at ``__init__``."""
    parts = _path_parts(filename)
    if not parts:
        return []
    stem = parts[-1].removesuffix(".py")
    return parts[:-1] if stem == "__init__" else [*parts[:-1], stem]


def _is_module_logger(
    ctx: Context, node: ast.Assign | ast.AnnAssign, scope: Scope, module: list[str]
) -> bool:
    value = node.value
    if not isinstance(value, ast.Call) or not ctx.loggers.is_factory_call(value):
        return False
    arguments = [*value.args, *(kw.value for kw in value.keywords)]
    hierarchical = [a for a in arguments if _keeps_hierarchy(a, module)]

    # A class body runs once at import, so a logger made there is as good as
    # one at module level.
    if scope.function is None:
        return bool(hierarchical)
    # In a function, only a name computed there (``"app.security.%s" % kind``)
    # could not have been made at module level.
    return any(
        not isinstance(a, ast.Constant)
        and not (isinstance(a, ast.Name) and a.id == "__name__")
        for a in hierarchical
    )


def _counts_for_log020(call: LogCall, loggers: LoggerTable) -> bool:
    """A stdlib call on the root, a plain name, an inline logger, or on a
    ``self.x`` logger that this file builds inside a function.

    ``app.logger``, ``spider.logger`` and an injected ``self.logger`` belong
    to an object that chose its logger; a module logger would not replace
    them. ``self.log = logging.getLogger(__name__)`` in ``__init__`` is the
    module's own logger made again for every instance.
    """
    receiver = call.receiver
    if not call.stdlib:
        return False
    if call.root or not isinstance(receiver, ast.Attribute):
        return True
    return (
        isinstance(receiver.value, ast.Name)
        and receiver.value.id in ("self", "cls")
        and receiver.attr in loggers.bound_attrs
    )


# LOG020
def check_log020_no_module_logger(ctx: Context) -> None:
    calls = [c for c in ctx.log_calls if _counts_for_log020(c, ctx.loggers)]
    if not calls or _is_test_file(ctx.filename):
        return

    module = _module_parts(ctx.filename)
    for kind in (ast.Assign, ast.AnnAssign):
        for node, scope in ctx.nodes_of(kind):
            if _is_module_logger(ctx, node, scope, module):
                return

    first = min(calls, key=lambda call: (call.node.lineno, call.node.col_offset))
    ctx.report("LOG020", first.node)


def _is_test_file(filename: str) -> bool:
    parts = _path_parts(filename)
    if not parts:
        return False
    base = parts[-1]
    return (
        base == "conftest.py"
        or CLI_FILE_RE.search(base) is not None
        or any(part in TEST_DIRECTORIES for part in parts[:-1])
    )


def _is_script_file(ctx: Context) -> bool:
    """A program, test or example by its name, folder or ``#!`` line."""
    parts = _path_parts(ctx.filename)
    if not parts:
        return False
    base = parts[-1]
    if base in CLI_FILE_NAMES or CLI_FILE_RE.search(base) or _is_run(ctx):
        return True
    return any(part in CLI_DIRECTORIES for part in parts[:-1])


def _cannot_be_imported(ctx: Context) -> bool:
    """A file whose name is no module name (``qps-bench.py``): only run."""
    base = _path_parts(ctx.filename)[-1:] or [""]
    stem = base[0].removesuffix(".py")
    return base[0].endswith(".py") and not stem.isidentifier()


def _is_run(ctx: Context) -> bool:
    """A file that cannot be imported or starts with ``#!``."""
    if _cannot_be_imported(ctx):
        return True
    return bool(ctx.lines) and ctx.lines[0].startswith("#!")


def _is_cli_decorator(names: _Names, decorator: ast.expr) -> bool:
    if isinstance(decorator, ast.Call):
        decorator = decorator.func
    if isinstance(decorator, ast.Attribute) and decorator.attr in CLI_DECORATOR_ATTRS:
        return True
    return any(
        name in CLI_DECORATOR_NAMES or name.startswith("typer.")
        for name in names.dotted(decorator)
    )


def _is_command_class(node: ast.ClassDef) -> bool:
    """A class based on ``...Command`` (Django, Scrapy and the like)."""
    for base in node.bases:
        name = None
        if isinstance(base, ast.Name):
            name = base.id
        elif isinstance(base, ast.Attribute):
            name = base.attr
        if name is not None and name.endswith("Command"):
            return True
    return False


def _in_cli_code(names: _Names, scope: Scope) -> bool:
    """Under the ``__main__`` guard, in ``main``, a command or a CLI function.

    A function that asks the user for input is printing on purpose too.
    """
    if scope.main_guard or scope.function in names.prompting:
        return True
    frame: Scope | None = scope
    while frame is not None:
        node = frame.node
        if isinstance(node, FUNCTION_TYPES) and (
            node.name == "main"
            or any(_is_cli_decorator(names, d) for d in node.decorator_list)
            or (node.name == "handle" and _is_command_method(frame))
        ):
            return True
        frame = frame.parent
    return False


def _is_command_method(frame: Scope) -> bool:
    """The function of ``frame`` is a method of a ``...Command`` class."""
    parent = frame.parent
    return (
        parent is not None
        and isinstance(parent.node, ast.ClassDef)
        and _is_command_class(parent.node)
    )


def _stream_argument(call: ast.Call, keyword: str, position: int) -> ast.expr | None:
    for item in call.keywords:
        if item.arg == keyword:
            return item.value
    if 0 <= position < len(call.args):
        return call.args[position]
    return None


def _diagnostic_output(names: _Names, call: ast.Call) -> str | None:
    """What ``call`` prints to a standard stream (``print()``...), or None."""
    func = call.func
    if isinstance(func, ast.Name) and func.id == "print" and not names.print_rebound:
        shown, stream = "print()", _stream_argument(call, "file", -1)
    elif (
        isinstance(func, ast.Attribute)
        and func.attr == "write"
        and "sys.stderr" in names.dotted(func.value)
    ):
        return "sys.stderr.write()"
    else:
        known = [name for name in names.dotted(func) if name in PRINT_FUNCTIONS]
        if not known:
            return None
        shown = known[0] + "()"
        stream = _stream_argument(call, *PRINT_FUNCTIONS[known[0]])

    # Writing to a file or buffer the caller chose is output, not diagnostics.
    if stream is None or (isinstance(stream, ast.Constant) and stream.value is None):
        return shown
    if names.dotted(stream) & STANDARD_STREAMS:
        return shown
    return None


# LOG025
def check_log025_print_for_diagnostics(
    ctx: Context, node: ast.Call, scope: Scope
) -> None:
    if not _may_call(ctx, node, LOG025_CALLS):
        return
    names = _names(ctx)
    shown = _diagnostic_output(names, node)
    if shown is None:
        return
    if _is_script_file(ctx) or _matches_globs(
        ctx.filename, ctx.settings.print_allowed_in
    ):
        return
    if _in_cli_code(names, scope):
        return
    # Output the user asked for with ``--verbose`` is the program's job.
    if any(start <= node.lineno <= end for start, end in names.verbose_lines):
        return

    # A traceback printed from a handler goes where nobody collects it.
    if scope.handler is not None and shown.removesuffix("()") in TRACEBACK_PRINTERS:
        ctx.report("LOG025", node, shown, priority="high")
    else:
        ctx.report("LOG025", node, shown)


def _is_zero(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Constant)
        and not isinstance(node.value, str)
        and node.value == 0
    )


def _handler_call_reason(names: _Names, call: ast.Call) -> str | None:
    dotted = names.dotted(call.func)
    # ``basicConfig`` takes keywords only, the handlers take it first.
    filename = _stream_argument(call, "filename", 0)
    if filename is not None and "os.devnull" in names.dotted(filename):
        return None
    if FILE_HANDLER in dotted:
        return FILE_HANDLER_REASON
    if "logging.basicConfig" in dotted:
        if filename is None or (
            isinstance(filename, ast.Constant) and filename.value is None
        ):
            return None
        return "`basicConfig(filename=...)` never rotates"

    for handler, limits in ROTATION_LIMITS.items():
        if handler not in dotted:
            continue
        # ``*args`` or ``**kwargs`` may carry the limits: give the benefit of
        # the doubt.
        if any(isinstance(a, ast.Starred) for a in call.args) or any(
            kw.arg is None for kw in call.keywords
        ):
            return None
        for keyword, position in limits:
            value = _stream_argument(call, keyword, position)
            if value is None or _is_zero(value):
                return LIMIT_REASON[handler, keyword]
    return None


def _config_mapping_reason(node: ast.Dict) -> tuple[ast.expr, str] | None:
    """The ``"class"`` value of a handler mapping that grows without bound."""
    entries: dict[str, ast.expr] = {}
    for key, value in zip(node.keys, node.values):
        if key is None:
            # ``**defaults`` may carry the limits.
            return None
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            entries[key.value] = value
    class_value = entries.get("class")
    if not (
        isinstance(class_value, ast.Constant) and isinstance(class_value.value, str)
    ):
        return None

    handler = class_value.value
    if handler == FILE_HANDLER:
        return class_value, FILE_HANDLER_REASON
    for keyword, _ in ROTATION_LIMITS.get(handler, ()):
        limit = entries.get(keyword)
        if limit is None or _is_zero(limit):
            return class_value, LIMIT_REASON[handler, keyword]
    return None


# LOG026
def check_log026_file_handler_without_rotation(
    ctx: Context, node: ast.Call | ast.Dict, scope: Scope
) -> None:
    if isinstance(node, ast.Call) and not _may_call(ctx, node, LOG026_CALLS):
        return
    # Tests write their log files to temporary folders that do not last.
    if _is_test_file(ctx.filename):
        return
    if isinstance(node, ast.Dict):
        found = _config_mapping_reason(node)
        if found is not None:
            ctx.report("LOG026", found[0], found[1])
        return
    reason = _handler_call_reason(_names(ctx), node)
    if reason is not None:
        ctx.report("LOG026", node, reason)


def _is_null_handler(names: _Names, node: ast.expr) -> bool:
    if isinstance(node, ast.Call):
        return NULL_HANDLER in names.dotted(node.func)
    return isinstance(node, ast.Name) and node.id in names.null_handlers


def _configures_logging(ctx: Context, names: _Names, call: ast.Call) -> bool:
    func = call.func
    if names.dotted(func) & CONFIG_FUNCTIONS:
        return True
    if not isinstance(func, ast.Attribute) or func.attr not in (
        "addHandler",
        "setLevel",
    ):
        return False

    receiver = func.value
    is_root = _is_root_logger(ctx, receiver) or (
        isinstance(receiver, ast.Name) and receiver.id in names.root_loggers
    )
    if is_root:
        return True
    # A named logger's level is the library's own business; a handler other
    # than NullHandler decides where the application's records go.
    return (
        func.attr == "addHandler"
        and len(call.args) == 1
        and ctx.loggers.receiver_kind(receiver, allow_pattern=True) is not None
        and not _is_null_handler(names, call.args[0])
    )


# LOG027
def check_log027_logging_configured_on_import(
    ctx: Context, node: ast.Call, scope: Scope
) -> None:
    if not scope.at_module_level or scope.main_guard:
        return
    if not _may_call(ctx, node, LOG027_CALLS):
        return
    names = _names(ctx)
    if not _configures_logging(ctx, names, node):
        return
    parts = _path_parts(ctx.filename)
    # A ``#!`` script can still be imported (by its tests, say), so only a
    # name that is no module name lets it configure logging at import.
    if (parts and parts[-1] in CONFIG_FILE_NAMES) or _cannot_be_imported(ctx):
        return
    if _matches_globs(ctx.filename, ctx.settings.config_allowed_in):
        return
    ctx.report("LOG027", node, ast.unparse(node.func) + "()")


# Read through ``ctx.nodes_of`` by ``_Names`` and LOG020.
FILED = (
    ast.Assign,
    ast.AnnAssign,
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
    ast.If,
)

HOOKS: list[tuple[Any, Any]] = [
    ("module", check_log020_no_module_logger),
    (ast.Call, check_log025_print_for_diagnostics),
    (ast.Call, check_log026_file_handler_without_rotation),
    (ast.Dict, check_log026_file_handler_without_rotation),
    (ast.Call, check_log027_logging_configured_on_import),
]
