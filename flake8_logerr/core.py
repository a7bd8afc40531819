"""The shared core: one walk over the tree, then the rules, then findings.

The walk is iterative (deeply nested code must not hit the recursion limit)
and does two things: it records bindings in the logger table, and it files
the nodes the rules asked for together with their scope. The rules then run
over those lists with a complete logger table, so a logger bound at the end
of a file is known at its first use.
"""

from __future__ import annotations

import ast
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from flake8_logerr.loggers import LogCall, LoggerTable
from flake8_logerr.registry import INTERNAL_ERROR, get_rule
from flake8_logerr.scope import Scope, is_main_guard, module_scope
from flake8_logerr.settings import DEFAULT_SETTINGS, Settings


@dataclass(frozen=True, order=True)
class Finding:
    """One problem at one place; ``col`` is 0-based, as ``ast`` gives it."""

    line: int
    col: int
    code: str
    message: str
    # Set when one place is more urgent than the rule's usual priority.
    priority: str | None = field(default=None, compare=False)


# Hooks: ast node type -> functions(ctx, node, scope); "log_call" ->
# functions(ctx, LogCall); "module" -> functions(ctx), run after the others.
NodeCheck = Callable[["Context", Any, Scope], None]
LogCallCheck = Callable[["Context", LogCall], None]
ModuleCheck = Callable[["Context"], None]


class Context:
    """What a rule may read and the one way it reports."""

    def __init__(
        self,
        tree: ast.AST,
        lines: Sequence[str],
        filename: str,
        settings: Settings,
    ) -> None:
        self.tree = tree
        self.lines = lines
        self.filename = filename
        self.settings = settings
        self.loggers = LoggerTable(settings)
        self.nodes: dict[type[ast.AST], list[tuple[Any, Scope]]] = {}
        self.log_calls: list[LogCall] = []
        self.findings: list[Finding] = []
        # Facts about this file that a rule module works out once and reads
        # again for each node (kept here, so they go when the file is done).
        self.facts: dict[str, object] = {}

    def report(
        self,
        code: str,
        node: Any,
        *args: object,
        priority: str | None = None,
    ) -> None:
        """Record a finding of ``code`` at ``node`` (any node with a position)."""
        message = get_rule(code).format(*args)
        self.findings.append(
            Finding(node.lineno, node.col_offset, code, message, priority)
        )

    def nodes_of(self, node_type: type[ast.AST]) -> list[tuple[Any, Scope]]:
        return self.nodes.get(node_type, [])


# Fields that never hold a node worth visiting: identifiers, numbers, the
# Load/Store context, and import aliases (rules read those from the import).
_SCALAR_FIELDS = frozenset(
    (
        "ctx",
        "id",
        "attr",
        "name",
        "arg",
        "asname",
        "module",
        "level",
        "names",
        "kind",
        "type_comment",
        "conversion",
        "is_async",
        "simple",
        "tag",
        "kwd_attrs",
        "str",
    )
)

# Node type -> the fields to descend into, filled on first sight of a type.
_FIELDS: dict[type, tuple[str, ...]] = {ast.Constant: (), ast.MatchSingleton: ()}

_SPECIAL = frozenset(
    (
        ast.Import,
        ast.ImportFrom,
        ast.Assign,
        ast.AnnAssign,
        ast.FunctionDef,
        ast.AsyncFunctionDef,
        ast.ClassDef,
        ast.ExceptHandler,
        ast.If,
    )
)


def _fields_of(node_type: type) -> tuple[str, ...]:
    # Anything that is not a node (a stray scalar) has no fields: a leaf.
    all_names = getattr(node_type, "_fields", ())
    names = tuple(name for name in all_names if name not in _SCALAR_FIELDS)
    _FIELDS[node_type] = names
    return names


def _walk(ctx: Context, wanted: frozenset[type]) -> None:
    """Visit every node once, filing wanted ones with their scope."""
    nodes = ctx.nodes
    fields = _FIELDS
    stack: list[tuple[Any, Scope]] = [(ctx.tree, module_scope(ctx.tree))]
    push = stack.append
    pop = stack.pop

    while stack:
        node, scope = pop()
        node_type = node.__class__
        if node_type in wanted:
            nodes.setdefault(node_type, []).append((node, scope))
        if node_type in _SPECIAL and _visit_special(ctx, node, scope, push):
            continue

        names = fields.get(node_type)
        if names is None:
            names = _fields_of(node_type)
        for name in names:
            value = getattr(node, name, None)
            if value is None:
                continue
            if value.__class__ is list:
                for item in value:
                    # Dict.keys holds None for ``**mapping``.
                    if item is not None:
                        push((item, scope))
            else:
                push((value, scope))


def _visit_special(
    ctx: Context, node: Any, scope: Scope, push: Callable[[tuple[Any, Scope]], None]
) -> bool:
    """Record bindings and open new scopes; True when children were pushed."""
    loggers = ctx.loggers
    node_type = node.__class__
    if node_type is ast.Import:
        loggers.note_import(node)
        return True
    if node_type is ast.ImportFrom:
        loggers.note_import_from(node)
        return True
    if node_type is ast.Assign:
        loggers.note_assign(node.targets, node.value)
        return False
    if node_type is ast.AnnAssign:
        loggers.note_assign([node.target], node.value)
        return False

    # Scope changes: the header belongs to the outer scope, the body to the
    # new one.
    if node_type is ast.FunctionDef or node_type is ast.AsyncFunctionDef:
        inner = scope.enter_function(node)
        outer_fields: tuple[str, ...] = (
            "decorator_list",
            "args",
            "returns",
            "type_params",
        )
    elif node_type is ast.ClassDef:
        inner = scope.enter_class(node)
        outer_fields = ("decorator_list", "bases", "keywords", "type_params")
    elif node_type is ast.ExceptHandler:
        inner = scope.enter_handler(node)
        outer_fields = ("type",)
    elif is_main_guard(node):
        inner = scope.enter_main_guard(node)
        outer_fields = ("test", "orelse")
    else:
        return False

    for name in outer_fields:
        _push_children(getattr(node, name, None), scope, push)
    _push_children(node.body, inner, push)
    return True


def _push_children(
    value: Any, scope: Scope, push: Callable[[tuple[Any, Scope]], None]
) -> None:
    if isinstance(value, list):
        for item in value:
            if isinstance(item, ast.AST):
                push((item, scope))
    elif isinstance(value, ast.AST):
        push((value, scope))


def run_checks(ctx: Context) -> None:
    """Walk the tree, then run every rule over what the walk filed."""
    from flake8_logerr.checks import (
        FILED_TYPES,
        LOG_CALL_CHECKS,
        MODULE_CHECKS,
        NODE_CHECKS,
    )

    wanted = frozenset(NODE_CHECKS) | FILED_TYPES | {ast.Call}
    _walk(ctx, wanted)

    for node, scope in ctx.nodes_of(ast.Call):
        call = ctx.loggers.log_call(node, scope)
        if call is not None:
            ctx.log_calls.append(call)

    for node_type, node_checks in NODE_CHECKS.items():
        for node, scope in ctx.nodes_of(node_type):
            for check in node_checks:
                check(ctx, node, scope)
    for call in ctx.log_calls:
        for log_check in LOG_CALL_CHECKS:
            log_check(ctx, call)
    for module_check in MODULE_CHECKS:
        module_check(ctx)


def check(
    tree: ast.AST,
    lines: Sequence[str] | None,
    filename: str,
    settings: Settings | None = None,
) -> list[Finding]:
    """Check one parsed module; return its findings sorted by place and code.

    Never raises for a problem inside the core: an internal failure becomes a
    single LOG000 finding so that the host goes on with the other files.
    """
    ctx = Context(tree, lines or [], filename, settings or DEFAULT_SETTINGS)
    try:
        run_checks(ctx)
    except Exception as exc:  # noqa: BLE001 - reported as LOG000, never lost
        detail = f"{type(exc).__name__}: {exc}"
        return [Finding(1, 0, INTERNAL_ERROR.code, INTERNAL_ERROR.format(detail))]
    return sorted(set(ctx.findings))


def check_source(
    source: str,
    filename: str = "<string>",
    settings: Settings | None = None,
) -> list[Finding]:
    """Parse ``source`` and check it. Raises ``SyntaxError`` on invalid code."""
    tree = ast.parse(source, filename=filename)
    return check(tree, source_lines(source), filename, settings)


def source_lines(source: str) -> list[str]:
    """Lines as Python counts them (``str.splitlines`` also splits on form
    feeds and other separators that do not end a line of code)."""
    return io.StringIO(source, newline=None).readlines()
