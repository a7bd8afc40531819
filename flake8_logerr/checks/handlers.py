"""LOG016-LOG018, LOG021-LOG024: what except handlers do with the error.

Each handler gets at most one of LOG016/017/018, in the order of precedence
018 (silent body), 016 (bare), 017 (broad), all at the ``except`` keyword.
Every function here looks at one handler, one call, one ``raise`` or one
``return`` and its small subtree; none walks the whole module again.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Iterator, Sequence
from typing import Any

from flake8_logerr.checks.logging_calls import flags_log005, flags_log010
from flake8_logerr.core import Context
from flake8_logerr.loggers import LogCall
from flake8_logerr.names import dotted_name, last_name
from flake8_logerr.scope import FUNCTION_TYPES, TRY_TYPES, Scope

# ``ast.Try``, or ``ast.TryStar`` (``except*``) where the Python has it.
TryNode = Any

BROAD_EXCEPTIONS = frozenset(("Exception", "BaseException"))

# Called functions (matched on their last name) that send an exception to an
# error tracker; the ``reporter-functions`` setting adds to them.
DEFAULT_REPORTERS = frozenset(("capture_exception",))

# Calls that read the exception being handled without naming it, to keep
# it. Printing it (``traceback.print_exc()``) is not handling: LOG025.
_EXC_INFO_READERS = frozenset(
    (
        "sys.exc_info",
        "sys.exception",
        "inspect.trace",
        "traceback.format_exc",
        "traceback.format_exception",
    )
)
# Classes that capture the exception being handled when built without
# positional arguments: Twisted's ``Failure()`` and celery's ``ExceptionInfo()``.
_EXC_INFO_CAPTURES = frozenset(("Failure", "ExceptionInfo"))


# Tool directives are not explanations. A reason may follow a directive
# after its codes (``noqa: E722 best effort``) or after a dash or a second
# ``#`` (``# pragma: no cover - optional backend``).
_COMMENT_PARTS_RE = re.compile(r"#|\s[-\u2013\u2014]+\s")
_DIRECTIVE_RE = re.compile(
    r"""
    ^\s*(?:
        noqa\b(?:\s*:\s*[A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*)?
      | nosec\b(?:[\s:,]*[A-Z]+[0-9]+)*
      | (?:pragma|type|pylint)\s*:.*
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)

# Exits, test outcomes and command errors: raised in a handler to end the
# program or the test with a message, never to hide a cause (LOG022).
_EXIT_NAMES = frozenset(("SystemExit", "KeyboardInterrupt", "SkipTest", "CommandError"))
_EXIT_DOTTED = frozenset(
    (
        "pytest.skip",
        "pytest.fail",
        "pytest.xfail",
        "pytest.exit",
        "typer.Exit",
        "typer.Abort",
        "unittest.SkipTest",
    )
)

# LOG024: calls whose arguments become the body of a response.
# https://flask.palletsprojects.com/en/stable/api/#flask.abort and friends.
_RESPONSE_CONSTRUCTORS = frozenset(
    (
        "jsonify",
        "JsonResponse",
        "HttpResponse",
        "Response",
        "JSONResponse",
        "PlainTextResponse",
        "HTMLResponse",
        "make_response",
        "abort",
        "HTTPException",
    )
)
# Route decorators: ``@<any>.route(...)``, ``@router.get(...)`` and so on.
_ROUTE_DECORATORS = frozenset(
    ("route", "get", "post", "put", "patch", "delete", "api_route", "websocket")
)
_VIEW_METHODS = frozenset(("get", "post", "put", "patch", "delete"))
_VIEW_BASE_SUFFIXES = ("View", "Resource", "Handler")
# Errors a web framework turns into a response that shows their text.
_HTTP_ERROR_RE = re.compile(
    r"^(?:HTTP\w*|Http\w*|BadRequest|Unauthorized|Forbidden|NotFound|Conflict"
    r"|InternalServerError|ServiceUnavailable|APIException)$"
)

_SCOPE_TYPES = (*FUNCTION_TYPES, ast.ClassDef, ast.Lambda)
_SELF_NAMES = frozenset(("self", "cls"))

# -- small helpers ---------------------------------------------------------


def _caught_types(handler: ast.ExceptHandler) -> list[ast.expr]:
    if handler.type is None:
        return []
    if isinstance(handler.type, ast.Tuple):
        return list(handler.type.elts)
    return [handler.type]


def _is_broad(node: ast.expr) -> bool:
    """``Exception``, ``BaseException`` or the same under ``builtins.``."""
    name = dotted_name(node)
    if name is None:
        return False
    return name in BROAD_EXCEPTIONS or (
        name.startswith("builtins.") and name[len("builtins.") :] in BROAD_EXCEPTIONS
    )


def _catches_broadly(handler: ast.ExceptHandler) -> bool:
    return any(_is_broad(node) for node in _caught_types(handler))


def _same_function_nodes(body: Sequence[ast.AST]) -> Iterator[ast.AST]:
    """Every node under ``body`` that runs in the same function frame."""
    stack = list(reversed(body))
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, _SCOPE_TYPES):
            continue
        stack.extend(reversed(list(ast.iter_child_nodes(node))))


def _handler_names(scope: Scope) -> frozenset[str]:
    """Names bound by the handlers around ``scope`` in the same function."""
    return frozenset(
        handler.name
        for handler in scope.enclosing_handlers()
        if handler.name is not None
    )


def _is_name_in(node: ast.expr, names: frozenset[str]) -> bool:
    return isinstance(node, ast.Name) and node.id in names


# -- LOG018: silent bodies and their comments -----------------------------


def _is_nothing_value(node: ast.expr | None) -> bool:
    """``None``, a constant (``-1`` too) or an empty literal."""
    if node is None or isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        return isinstance(node.operand, ast.Constant)
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return not node.elts
    if isinstance(node, ast.Dict):
        return not node.keys
    return False


def _does_nothing(statement: ast.stmt) -> bool:
    if isinstance(statement, (ast.Pass, ast.Continue, ast.Break)):
        return True
    if isinstance(statement, ast.Expr):
        value = statement.value
        return isinstance(value, ast.Constant) and value.value is Ellipsis
    if isinstance(statement, ast.Return):
        return _is_nothing_value(statement.value)
    return False


def is_silent(handler: ast.ExceptHandler) -> bool:
    """The handler's body only passes, continues, breaks or returns nothing."""
    return all(_does_nothing(statement) for statement in handler.body)


def _handler_source(handler: ast.ExceptHandler, lines: Sequence[str]) -> str:
    """The handler's lines plus the comment lines indented under it."""
    end = handler.end_lineno or handler.lineno
    while end < len(lines):
        text = lines[end]
        stripped = text.lstrip()
        indent = len(text) - len(stripped)
        if stripped.strip() and not (
            stripped.startswith("#") and indent > handler.col_offset
        ):
            break
        end += 1
    return "".join(lines[handler.lineno - 1 : end])


def _is_explanation(comment: str) -> bool:
    for part in _COMMENT_PARTS_RE.split(comment.lstrip("#")):
        rest = _DIRECTIVE_RE.sub("", part, count=1)
        if re.search(r"\w", rest):
            return True
    return False


def has_explanation(handler: ast.ExceptHandler, lines: Sequence[str]) -> bool:
    """A comment other than a tool directive on the ``except`` line or body."""
    if not lines:
        return False
    source = _handler_source(handler, lines)
    readline = io.StringIO(source).readline
    try:
        for token in tokenize.generate_tokens(readline):
            if token.type == tokenize.COMMENT and _is_explanation(token.string):
                return True
    except (tokenize.TokenError, SyntaxError):
        # Comments read before the failure were already checked; an odd
        # layout the tokenizer rejects counts as having no explanation.
        return False
    return False


def _is_expected(handler: ast.ExceptHandler, expected: Sequence[str]) -> bool:
    """Every caught type is in ``expected`` (by full or last name)."""
    caught = _caught_types(handler)
    if not caught:
        return False
    for node in caught:
        name = dotted_name(node)
        if name is None:
            return False
        last = name.rsplit(".", 1)[-1]
        if name not in expected and last not in expected:
            return False
    return True


def _swallows(
    ctx: Context, try_: TryNode, handler: ast.ExceptHandler, scope: Scope
) -> bool:
    """LOG018 applies: silent, unexplained, and not an expected exception."""
    return (
        is_silent(handler)
        and not _is_expected(handler, ctx.settings.expected_exceptions)
        and not has_explanation(handler, ctx.lines)
    )


def _except_clause(handler: ast.ExceptHandler) -> str:
    if handler.type is None:
        return "except"
    return "except " + ast.unparse(handler.type)


def _kind(handler: ast.ExceptHandler) -> str:
    if handler.type is None:
        return "bare"
    return "broad" if _catches_broadly(handler) else "specific"


# LOG018
def check_log018_exception_swallowed(ctx: Context, node: TryNode, scope: Scope) -> None:
    for handler in node.handlers:
        if _swallows(ctx, node, handler, scope):
            ctx.report("LOG018", handler, _kind(handler), _except_clause(handler))


# -- LOG016 / LOG017 -------------------------------------------------------


def _reraises(handler: ast.ExceptHandler) -> bool:
    """A bare ``raise`` directly in the handler's body."""
    return any(
        isinstance(statement, ast.Raise) and statement.exc is None
        for statement in handler.body
    )


# LOG016
def check_log016_bare_except_handler(ctx: Context, node: TryNode, scope: Scope) -> None:
    for handler in node.handlers:
        if handler.type is not None or _reraises(handler):
            continue
        # LOG018 takes precedence.
        if not _swallows(ctx, node, handler, scope):
            ctx.report("LOG016", handler)


def _reporters(ctx: Context) -> frozenset[str]:
    extra = (name.rsplit(".", 1)[-1] for name in ctx.settings.reporter_functions)
    return DEFAULT_REPORTERS.union(extra)


def _handles_visibly(ctx: Context, handler: ast.ExceptHandler) -> bool:
    """The body raises, names the exception, reports it or reads exc_info."""
    reporters = _reporters(ctx)
    for node in _same_function_nodes(handler.body):
        if isinstance(node, ast.Raise):
            return True
        if isinstance(node, ast.Call):
            if last_name(node.func) in reporters:
                return True
            if dotted_name(node.func) in _EXC_INFO_READERS:
                return True
            if last_name(node.func) in _EXC_INFO_CAPTURES and not node.args:
                return True

    # A closure that reads the name keeps the exception alive too.
    if handler.name is not None:
        for node in ast.walk(handler):
            if (
                isinstance(node, ast.Name)
                and node.id == handler.name
                and isinstance(node.ctx, ast.Load)
            ):
                return True
    return False


def _is_loud(call: LogCall) -> bool:
    """Warning level or above, an unknown level, or a traceback attached."""
    if call.level is None or call.level >= 30:
        return True
    exc_info = call.keyword("exc_info")
    if exc_info is None:
        return False
    value = exc_info.value
    return not (isinstance(value, ast.Constant) and not value.value)


def _logs(ctx: Context, handler: ast.ExceptHandler) -> bool:
    first, last = handler.lineno, handler.end_lineno or handler.lineno
    for call in ctx.log_calls:
        if not first <= call.node.lineno <= last or not _is_loud(call):
            continue
        if any(outer is handler for outer in call.scope.enclosing_handlers()):
            return True
    return False


def _hides(ctx: Context, handler: ast.ExceptHandler) -> bool:
    """LOG017 applies to this broad, non-silent handler."""
    return not (_handles_visibly(ctx, handler) or _logs(ctx, handler))


# LOG017
def check_log017_broad_exception_hidden(
    ctx: Context, node: TryNode, scope: Scope
) -> None:
    for handler in node.handlers:
        # A silent handler is LOG018's, or excused by its comment.
        if handler.type is None or is_silent(handler):
            continue
        if _catches_broadly(handler) and _hides(ctx, handler):
            ctx.report("LOG017", handler, ast.unparse(handler.type))


# -- LOG021: the exception's text pasted into an error message -------------


def _is_text_of(node: ast.expr, names: frozenset[str]) -> bool:
    """``str(e)``, ``repr(e)``, ``e.args``, ``e.args[0]``, ``f"{e}"``..."""
    if isinstance(node, ast.Subscript):
        node = node.value
    if isinstance(node, ast.Attribute):
        return node.attr == "args" and _is_name_in(node.value, names)
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Name) and func.id in ("str", "repr"):
            return len(node.args) == 1 and _is_name_in(node.args[0], names)
        if isinstance(func, ast.Attribute) and func.attr == "format":
            values = [*node.args, *(k.value for k in node.keywords)]
            return any(_is_name_in(value, names) for value in values)
        return False
    if isinstance(node, ast.FormattedValue):
        value = node.value
        return _is_name_in(value, names) or _is_text_of(value, names)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        right = node.right
        if isinstance(right, ast.Tuple):
            return any(_is_name_in(item, names) for item in right.elts)
        return _is_name_in(right, names)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _is_name_in(node.left, names) or _is_name_in(node.right, names)
    return False


def _first_text_of(node: ast.expr, names: frozenset[str]) -> ast.expr | None:
    for inner in ast.walk(node):
        if isinstance(inner, ast.expr) and _is_text_of(inner, names):
            return inner
    return None


# LOG021
def check_log021_exception_text_in_message(ctx: Context, call: LogCall) -> None:
    if call.scope.handler is None or call.level is None or call.level < 40:
        return
    if flags_log005(call) or flags_log010(call):
        return
    names = _handler_names(call.scope)
    if not names:
        return

    # The message and the positional arguments that fill it.
    parts = [call.msg] if call.msg is not None else []
    parts.extend(call.args)
    for part in parts:
        found = part if _is_name_in(part, names) else _first_text_of(part, names)
        if found is not None:
            ctx.report("LOG021", call.node, _caught_name_in(found, names))
            return


def _caught_name_in(node: ast.expr, names: frozenset[str]) -> str:
    for inner in ast.walk(node):
        if isinstance(inner, ast.Name) and inner.id in names:
            return inner.id
    return min(names)


# -- LOG022 / LOG023: raise statements --------------------------------------


def _raised_name(node: ast.expr) -> str | None:
    """The dotted name of what is raised: ``X`` in ``raise X`` or ``X(...)``."""
    if isinstance(node, ast.Call):
        node = node.func
    return dotted_name(node)


def _is_exit(name: str) -> bool:
    return (
        name.rsplit(".", 1)[-1] in _EXIT_NAMES
        or name in _EXIT_DOTTED
        or name.startswith("click.")
    )


def _passes_on(exc: ast.expr, names: frozenset[str]) -> bool:
    """``raise Wrapped(msg, cause=err)``: the caught exception is an argument."""
    if not isinstance(exc, ast.Call):
        return False
    values = [*exc.args, *(keyword.value for keyword in exc.keywords)]
    return any(
        _is_name_in(value.value if isinstance(value, ast.Starred) else value, names)
        for value in values
    )


def _is_caught_itself(exc: ast.expr, names: frozenset[str]) -> bool:
    """``raise e``, ``raise e.with_traceback(tb)`` or a kept exception.

    ``raise last_error`` (a lower-case variable or attribute, not a class)
    raises an exception caught earlier, which carries its own cause.
    """
    if _is_name_in(exc, names):
        return True
    kept = last_name(exc)
    if kept is not None and kept.lstrip("_")[:1].islower():
        return True
    return (
        isinstance(exc, ast.Call)
        and isinstance(exc.func, ast.Attribute)
        and exc.func.attr == "with_traceback"
        and _is_name_in(exc.func.value, names)
    )


# LOG022
def check_log022_raise_without_from(
    ctx: Context, node: ast.Raise, scope: Scope
) -> None:
    exc = node.exc
    if exc is None or node.cause is not None or scope.handler is None:
        return
    names = _handler_names(scope)
    if _is_caught_itself(exc, names) or _passes_on(exc, names):
        return
    name = _raised_name(exc)
    if name is not None and _is_exit(name):
        return
    ctx.report("LOG022", node, name or ast.unparse(exc))


# LOG023
def check_log023_generic_exception_raised(
    ctx: Context, node: ast.Raise, scope: Scope
) -> None:
    if node.exc is None:
        return
    target = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
    if _is_broad(target):
        ctx.report("LOG023", node, dotted_name(target))


# -- LOG024: exception details in a response -------------------------------


def _is_traceback_text(node: ast.expr) -> bool:
    """``traceback.format_exc()`` and the other ``traceback.format_*``."""
    if not isinstance(node, ast.Call):
        return False
    name = dotted_name(node.func)
    return name is not None and name.startswith("traceback.format_")


def _is_response_call(node: ast.AST) -> bool:
    """A response constructor; Django's ``HttpResponse*`` subclasses too."""
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    # ``self.abort(...)`` is a method (imaplib's is an exception class).
    if isinstance(func, ast.Attribute) and _is_name_in(func.value, _SELF_NAMES):
        return False
    name = last_name(func) or ""
    return name in _RESPONSE_CONSTRUCTORS or name.startswith("HttpResponse")


def _exposure(roots: Sequence[ast.expr], names: frozenset[str]) -> ast.expr | None:
    """The first exception text in ``roots``, skipping nested responses.

    A response constructor inside the expression reports for itself, so the
    same text is never reported twice.
    """
    stack = list(reversed(roots))
    while stack:
        node = stack.pop()
        if _is_traceback_text(node) or _is_text_of(node, names):
            return node
        if isinstance(node, ast.IfExp) and _mentions_debug(node.test):
            stack.append(node.orelse)
            continue
        children = [
            child
            for child in ast.iter_child_nodes(node)
            if isinstance(child, ast.expr) and not _is_response_call(child)
        ]
        stack.extend(reversed(children))
    return None


def _response_parts(call: ast.Call) -> list[ast.expr]:
    """The arguments of a response constructor that reach the user."""
    if last_name(call.func) == "HTTPException":
        # Starlette/FastAPI ``HTTPException(status_code, detail=...)``.
        parts = call.args[1:2]
        return parts + [k.value for k in call.keywords if k.arg == "detail"]
    return [*call.args, *(keyword.value for keyword in call.keywords)]


def _is_route_decorator(node: ast.expr) -> bool:
    if isinstance(node, ast.Call):
        node = node.func
    if isinstance(node, ast.Attribute) and node.attr in _ROUTE_DECORATORS:
        return True
    return last_name(node) == "api_view"


def _base_name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Subscript):
        node = node.value
    return last_name(node)


def web_handler_name(scope: Scope) -> str | None:
    """The name of the web handler whose body ``scope`` is in, else None."""
    function = scope.function
    if function is None:
        return None
    if any(_is_route_decorator(d) for d in function.decorator_list):
        return function.name
    class_ = scope.class_
    if (
        class_ is not None
        and function.name in _VIEW_METHODS
        and function in class_.body
        and any(
            (_base_name(base) or "").endswith(_VIEW_BASE_SUFFIXES)
            for base in class_.bases
        )
    ):
        return function.name
    return None


def _mentions_debug(test: ast.expr) -> bool:
    """``settings.DEBUG``, ``app.debug``, ``if debug:`` and the like."""
    for node in ast.walk(test):
        name = last_name(node) if isinstance(node, ast.expr) else None
        if name is not None and "debug" in name.lower():
            return True
    return False


def _under_debug_guard(node: ast.AST, handler: ast.ExceptHandler) -> bool:
    """``node`` sits in the body of an ``if <debug>:`` inside ``handler``."""
    for inner in _same_function_nodes(handler.body):
        if not isinstance(inner, ast.If) or not _mentions_debug(inner.test):
            continue
        for statement in inner.body:
            if any(part is node for part in ast.walk(statement)):
                return True
    return False


def _report_exposure(
    ctx: Context, roots: Sequence[ast.expr], scope: Scope, where: str
) -> None:
    found = _exposure(roots, _handler_names(scope))
    if found is None:
        return
    # Details shown only in debug mode are meant for the developer.
    if any(_under_debug_guard(found, h) for h in scope.enclosing_handlers()):
        return
    ctx.report("LOG024", found, where)


# LOG024
def check_log024_response_exposes_exception(
    ctx: Context, node: ast.Call, scope: Scope
) -> None:
    if scope.handler is None or not _is_response_call(node):
        return
    where = f"`{last_name(node.func)}()`"
    _report_exposure(ctx, _response_parts(node), scope, where)


# LOG024
def check_log024_web_return_exposes_exception(
    ctx: Context, node: ast.Return, scope: Scope
) -> None:
    if node.value is None or scope.handler is None:
        return
    name = web_handler_name(scope)
    if name is None or _is_response_call(node.value):
        return
    _report_exposure(ctx, [node.value], scope, f"the return value of `{name}()`")


# LOG024
def check_log024_web_raise_exposes_exception(
    ctx: Context, node: ast.Raise, scope: Scope
) -> None:
    exc = node.exc
    if not isinstance(exc, ast.Call) or scope.handler is None:
        return
    error = last_name(exc.func)
    if error is None or not _HTTP_ERROR_RE.match(error) or _is_response_call(exc):
        return
    name = web_handler_name(scope)
    if name is None:
        return
    where = f"`{error}` raised by `{name}()`"
    _report_exposure(ctx, [*exc.args, *(k.value for k in exc.keywords)], scope, where)


HOOKS: list[tuple[Any, Any]] = [
    *((try_type, check_log018_exception_swallowed) for try_type in TRY_TYPES),
    *((try_type, check_log016_bare_except_handler) for try_type in TRY_TYPES),
    *((try_type, check_log017_broad_exception_hidden) for try_type in TRY_TYPES),
    ("log_call", check_log021_exception_text_in_message),
    (ast.Raise, check_log022_raise_without_from),
    (ast.Raise, check_log023_generic_exception_raised),
    (ast.Call, check_log024_response_exposes_exception),
    (ast.Return, check_log024_web_return_exposes_exception),
    (ast.Raise, check_log024_web_raise_exposes_exception),
]
