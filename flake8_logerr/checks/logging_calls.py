"""LOG001-LOG015: the standard library's logging API used as intended.

These keep the meanings flake8-logging 1.8.0 gives them, so that a
``# noqa: LOG0NN`` means the same to every tool on the line.
"""

from __future__ import annotations

import ast
import re
from typing import Any

from flake8_logerr.core import Context
from flake8_logerr.loggers import LogCall
from flake8_logerr.scope import Scope

# Attributes a LogRecord already has; ``Logger.makeRecord`` raises KeyError
# when ``extra`` names one of them ("message" and "asctime" are added by
# formatters). https://docs.python.org/3/library/logging.html#logrecord-attributes
LOGRECORD_ATTRIBUTES = frozenset(
    (
        "args",
        "asctime",
        "created",
        "exc_info",
        "exc_text",
        "filename",
        "funcName",
        "levelname",
        "levelno",
        "lineno",
        "message",
        "module",
        "msecs",
        "msg",
        "name",
        "pathname",
        "process",
        "processName",
        "relativeCreated",
        "stack_info",
        "taskName",
        "thread",
        "threadName",
    )
)

# printf-style conversion specifiers.
# https://docs.python.org/3/library/stdtypes.html#printf-style-string-formatting
PLACEHOLDER_RE = re.compile(
    r"""
    %
    (?:\((?P<key>[^)]*)\))?       # mapping key
    [-#0 +]*                      # conversion flags
    (?P<width>\*|\d+)?            # minimum field width
    (?:\.(?P<precision>\*|\d+))?  # precision
    [hlL]?                        # length modifier (ignored by Python)
    (?P<type>[diouxXeEfFgGcrsa%])
    """,
    re.VERBOSE,
)


# LOG001
def check_log001_direct_logger_instantiation(
    ctx: Context, node: ast.Call, scope: Scope
) -> None:
    # Module level includes class bodies, but not a class inside a function.
    if (
        ctx.loggers.logging_attr(node.func) == "Logger"
        and not scope.enclosing_functions()
    ):
        ctx.report("LOG001", node)


# LOG002
def check_log002_invalid_get_logger_argument(
    ctx: Context, node: ast.Call, scope: Scope
) -> None:
    if not node.args or not ctx.loggers.is_get_logger(node):
        return
    first = node.args[0]
    if isinstance(first, ast.Name) and first.id in ("__file__", "__cached__"):
        ctx.report("LOG002", first, first.id)


# LOG003
def check_log003_extra_key_clash(ctx: Context, call: LogCall) -> None:
    extra = call.keyword("extra")
    if extra is None or not call.stdlib:
        return
    value = extra.value
    keys: list[tuple[str, Any]] = []
    if isinstance(value, ast.Dict):
        keys = [
            (key.value, key)
            for key in value.keys
            if isinstance(key, ast.Constant) and isinstance(key.value, str)
        ]
    elif (
        isinstance(value, ast.Call)
        and isinstance(value.func, ast.Name)
        and value.func.id == "dict"
    ):
        keys = [(kw.arg, kw) for kw in value.keywords if kw.arg is not None]
    for key, node in keys:
        if key in LOGRECORD_ATTRIBUTES:
            ctx.report("LOG003", node, key)


def _is_constant(node: ast.expr | None, truthy: bool) -> bool:
    return isinstance(node, ast.Constant) and bool(node.value) is truthy


def _is_caught_name(node: ast.expr, scope: Scope) -> bool:
    handler = scope.handling()
    return (
        handler is not None
        and handler.name is not None
        and isinstance(node, ast.Name)
        and node.id == handler.name
    )


# LOG004
def check_log004_exception_outside_handler(ctx: Context, call: LogCall) -> None:
    if call.method == "exception" and call.scope.handling() is None:
        ctx.report("LOG004", call.node)


# LOG005
def flags_log005(call: LogCall) -> bool:
    """``.error()`` in a handler that ``.exception()`` could replace as is."""
    if call.method != "error" or call.scope.handling() is None:
        return False
    exc_info = call.keyword("exc_info")
    # A false constant is a deliberate opt-out, and any other expression (a
    # flag, a tuple from ``sys.exc_info()``) is a choice we cannot judge.
    return (
        exc_info is None
        or _is_constant(exc_info.value, truthy=True)
        or _is_caught_name(exc_info.value, call.scope)
    )


def check_log005_error_instead_of_exception(ctx: Context, call: LogCall) -> None:
    if flags_log005(call):
        ctx.report("LOG005", call.node)


# LOG006
def check_log006_redundant_exc_info(ctx: Context, call: LogCall) -> None:
    exc_info = call.keyword("exc_info")
    if call.method != "exception" or exc_info is None:
        return
    if _is_constant(exc_info.value, truthy=True) or _is_caught_name(
        exc_info.value, call.scope
    ):
        ctx.report("LOG006", exc_info)


# LOG007
def check_log007_exception_without_exc_info(ctx: Context, call: LogCall) -> None:
    exc_info = call.keyword("exc_info")
    if call.method != "exception" or exc_info is None:
        return
    if _is_constant(exc_info.value, truthy=False):
        ctx.report("LOG007", exc_info)


# LOG008
def check_log008_deprecated_warn(ctx: Context, call: LogCall) -> None:
    if call.method == "warn" and call.stdlib:
        ctx.report("LOG008", call.node)


# LOG009
def check_log009_warn_attribute(
    ctx: Context, node: ast.Attribute, scope: Scope
) -> None:
    if node.attr == "WARN" and ctx.loggers.is_logging_module(node.value):
        ctx.report("LOG009", node)


# LOG009
def check_log009_warn_import(ctx: Context, node: ast.ImportFrom, scope: Scope) -> None:
    if node.module != "logging" or node.level:
        return
    for alias in node.names:
        if alias.name == "WARN":
            ctx.report("LOG009", alias)


# LOG010
def flags_log010(call: LogCall) -> bool:
    """``.exception(exc)`` given the caught exception as its message."""
    return (
        call.method == "exception"
        and call.stdlib
        and call.msg is not None
        and not call.msg_is_keyword
        and _is_caught_name(call.msg, call.scope)
    )


def check_log010_exception_as_message(ctx: Context, call: LogCall) -> None:
    if flags_log010(call):
        assert call.msg is not None
        ctx.report("LOG010", call.msg)


def _has_non_string_term(node: ast.BinOp) -> bool:
    """``"a" + x``: a ``+`` chain with at least one term that is not a literal."""
    # A stack, not recursion: a chain of n terms is n levels deep.
    stack = [node]
    while stack:
        current = stack.pop()
        if not isinstance(current.op, ast.Add):
            continue
        for side in (current.left, current.right):
            if isinstance(side, ast.BinOp):
                stack.append(side)
            elif not (isinstance(side, ast.Constant) and isinstance(side.value, str)):
                return True
    return False


def eager_format(msg: ast.expr) -> str | None:
    """How ``msg`` was formatted before the call, or None when it was not."""
    if isinstance(msg, ast.JoinedStr):
        return "an f-string"
    if (
        isinstance(msg, ast.Call)
        and isinstance(msg.func, ast.Attribute)
        and msg.func.attr == "format"
        and isinstance(msg.func.value, ast.Constant)
        and isinstance(msg.func.value.value, str)
    ):
        return "`str.format()`"
    if isinstance(msg, ast.BinOp):
        if (
            isinstance(msg.op, ast.Mod)
            and isinstance(msg.left, ast.Constant)
            and isinstance(msg.left.value, str)
        ):
            return "`%`"
        if _has_non_string_term(msg):
            return "`+`"
    return None


# LOG011
def check_log011_pre_formatted_message(ctx: Context, call: LogCall) -> None:
    if call.msg is None or not call.stdlib:
        return
    how = eager_format(call.msg)
    if how is not None:
        ctx.report("LOG011", call.msg, how)


def literal_text(node: ast.expr) -> str | None:
    """The text of a string literal or a ``+`` chain of literals."""
    # A stack, not recursion: a chain of n terms is n levels deep.
    pieces: list[str] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, ast.Constant) and isinstance(current.value, str):
            pieces.append(current.value)
        elif isinstance(current, ast.BinOp) and isinstance(current.op, ast.Add):
            stack.append(current.right)
            stack.append(current.left)
        else:
            return None
    return "".join(pieces)


def _plural(count: int) -> str:
    return "" if count == 1 else "s"


def _is_mapping_literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Dict) or (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "dict"
    )


# LOG012, LOG013
def check_log012_log013_placeholders(ctx: Context, call: LogCall) -> None:
    if call.msg is None or call.msg_is_keyword or not call.stdlib:
        return
    if any(isinstance(arg, ast.Starred) for arg in call.node.args):
        return
    text = literal_text(call.msg)
    if text is None:
        return

    placeholders = [m for m in PLACEHOLDER_RE.finditer(text) if m["type"] != "%"]
    keys = {m["key"] for m in placeholders if m["key"] is not None}
    mapping = call.args[0] if len(call.args) == 1 else None

    if keys and isinstance(mapping, ast.Dict) and _has_literal_keys(mapping):
        given = {
            key.value
            for key in mapping.keys
            if isinstance(key, ast.Constant) and isinstance(key.value, str)
        }
        missing = sorted(keys - given)
        unused = sorted(given - keys)
        if missing:
            names = ", ".join(repr(key) for key in missing)
            ctx.report("LOG013", call.msg, "missing", _plural(len(missing)), names)
        if unused:
            names = ", ".join(repr(key) for key in unused)
            ctx.report("LOG013", mapping, "unused", _plural(len(unused)), names)
        return

    wanted = sum(
        1 + (m["width"] == "*") + (m["precision"] == "*")
        for m in placeholders
        if m["key"] is None
    )
    given_count = len(call.args)
    if wanted == given_count or (wanted == 0 and keys):
        return
    # Extension: no placeholder at all but arguments fails the same way at
    # emit time, except with a single mapping, which ``%`` accepts silently.
    if wanted == 0 and mapping is not None and _is_mapping_literal(mapping):
        return
    ctx.report(
        "LOG012",
        call.msg,
        wanted,
        _plural(wanted),
        given_count,
        _plural(given_count),
    )


def _has_literal_keys(node: ast.Dict) -> bool:
    return all(
        isinstance(key, ast.Constant) and isinstance(key.value, str)
        for key in node.keys
    )


# LOG014
def check_log014_exc_info_outside_handler(ctx: Context, call: LogCall) -> None:
    if call.method == "exception" or call.scope.handling() is not None:
        return
    exc_info = call.keyword("exc_info")
    if exc_info is not None and call.stdlib and _is_constant(exc_info.value, True):
        ctx.report("LOG014", exc_info)


# LOG015
def check_log015_root_logger_call(ctx: Context, call: LogCall) -> None:
    # ``getLogger(None)`` is the explicit way to ask for the root logger that
    # flake8-logging recommends, so only ``getLogger()`` with no argument counts.
    receiver = call.receiver
    if isinstance(receiver, ast.Call) and (receiver.args or receiver.keywords):
        return
    if call.root:
        ctx.report("LOG015", call.node)


HOOKS: list[tuple[Any, Any]] = [
    (ast.Call, check_log001_direct_logger_instantiation),
    (ast.Call, check_log002_invalid_get_logger_argument),
    ("log_call", check_log003_extra_key_clash),
    ("log_call", check_log004_exception_outside_handler),
    ("log_call", check_log005_error_instead_of_exception),
    ("log_call", check_log006_redundant_exc_info),
    ("log_call", check_log007_exception_without_exc_info),
    ("log_call", check_log008_deprecated_warn),
    (ast.Attribute, check_log009_warn_attribute),
    (ast.ImportFrom, check_log009_warn_import),
    ("log_call", check_log010_exception_as_message),
    ("log_call", check_log011_pre_formatted_message),
    ("log_call", check_log012_log013_placeholders),
    ("log_call", check_log014_exc_info_outside_handler),
    ("log_call", check_log015_root_logger_call),
]
