"""Module-level changes: imports, the module logger, new definitions.

Each change is a function of the (already rewritten) libcst module that
first checks whether its work is done, so running it twice is harmless.
The ``ast`` helpers answer the same questions before any rewrite, where the
fixers decide what to do.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

import libcst as cst

from flake8_logerr.fixes.engine import Analysis, ModuleChange

LOGGER_NAMES = ("logger", "log", "_logger", "module_logger")


# -- ast: what the module already has ----------------------------------------


def module_level(tree: ast.Module) -> Iterator[ast.stmt]:
    """Statements run at import: the body, and blocks of if/try/with/for."""
    stack = list(reversed(tree.body))
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        children: list[ast.stmt] = []
        for name in ("body", "orelse", "finalbody"):
            children.extend(getattr(node, name, []))
        for handler in getattr(node, "handlers", []):
            children.extend(handler.body)
        stack.extend(reversed(children))


def bound_names(node: ast.AST) -> set[str]:
    """Every name bound or used anywhere under ``node``."""
    names: set[str] = set()
    for child in ast.walk(node):
        if isinstance(child, ast.Name):
            names.add(child.id)
        elif isinstance(child, ast.arg):
            names.add(child.arg)
        elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(child.name)
        elif isinstance(child, ast.alias):
            names.add((child.asname or child.name).split(".")[0])
        elif isinstance(child, ast.ExceptHandler) and child.name:
            names.add(child.name)
    return names


def local_names(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """Names a function binds itself (parameters, assignments, imports)."""
    names = {a.arg for a in ast.walk(function.args) if isinstance(a, ast.arg)}
    for child in ast.walk(function):
        if isinstance(child, ast.Name) and isinstance(child.ctx, (ast.Store, ast.Del)):
            names.add(child.id)
        elif isinstance(child, ast.alias):
            names.add((child.asname or child.name).split(".")[0])
        elif (
            isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
            and child is not function
        ):
            names.add(child.name)
    return names


def _is_import(node: ast.stmt) -> bool:
    return isinstance(node, (ast.Import, ast.ImportFrom))


def _is_docstring(node: ast.stmt) -> bool:
    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    )


def _import_block(node: ast.stmt) -> bool:
    """``try: import x`` / ``if TYPE_CHECKING: import y``: imports in a block."""
    if isinstance(node, (ast.If, ast.Try)):
        inner = [*node.body, *node.orelse]
        inner += [s for h in getattr(node, "handlers", []) for s in h.body]
        return bool(inner) and all(
            _is_import(s) or isinstance(s, ast.Pass) or _import_block(s) for s in inner
        )
    return False


def header_end_line(tree: ast.Module) -> int:
    """The last line of the imports at the top of the module (0 if none)."""
    end = 0
    for index, node in enumerate(tree.body):
        if (
            index == 0
            and _is_docstring(node)
            or _is_import(node)
            or _import_block(node)
        ):
            end = node.end_lineno or node.lineno
        else:
            break
    return end


@dataclass
class LoggerPlan:
    """Which module logger root calls go through, and what it takes."""

    name: str
    # Line after which module-level code may use it.
    ready_line: int
    # The statement to add, or None when the module has the logger already.
    definition: str | None
    # ``import logging`` must be added for the definition.
    needs_import: bool


class ModuleFacts:
    """What the ``ast`` says about the module as a whole, computed once."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.tree = analysis.tree

    @cached_property
    def names(self) -> set[str]:
        return bound_names(self.tree)

    @cached_property
    def top_level(self) -> list[ast.stmt]:
        return list(module_level(self.tree))

    def logging_module_name(self) -> str | None:
        """The name ``import logging`` binds at module level, if any."""
        for node in self.top_level:
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name == "logging":
                        return alias.asname or "logging"
                    if alias.name.startswith("logging.") and alias.asname is None:
                        return "logging"
        return None

    def imported_from(self, module: str, name: str) -> str | None:
        """The local name of ``from module import name`` at module level."""
        for node in self.top_level:
            if isinstance(node, ast.ImportFrom) and node.module == module:
                if node.level:
                    continue
                for alias in node.names:
                    if alias.name == name:
                        return alias.asname or alias.name
        return None

    def has_import(self, dotted: str) -> bool:
        """``import dotted`` (no alias) at module level."""
        return any(
            isinstance(node, ast.Import)
            and any(a.name == dotted and a.asname is None for a in node.names)
            for node in self.top_level
        )

    def free_name(self, candidates: tuple[str, ...]) -> str:
        for name in candidates:
            if name not in self.names:
                return name
        index = 2
        while f"{candidates[0]}{index}" in self.names:
            index += 1
        return f"{candidates[0]}{index}"

    @cached_property
    def logger_plan(self) -> LoggerPlan:
        """Reuse the module's stdlib logger, else plan a new one."""
        loggers = self.analysis.ctx.loggers
        found: list[tuple[bool, ast.Assign]] = []
        for node in self.tree.body:
            if (
                isinstance(node, ast.Assign)
                and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
                and isinstance(node.value, ast.Call)
                and (
                    loggers.is_get_logger(node.value)
                    or _call_name(node.value) == "get_task_logger"
                )
            ):
                by_name = bool(node.value.args) and _is_dunder_name(node.value.args[0])
                found.append((by_name, node))
        if found:
            # A logger named after the module wins over a hard-coded name.
            found.sort(key=lambda item: not item[0])
            node = found[0][1]
            target = node.targets[0]
            assert isinstance(target, ast.Name)
            return LoggerPlan(target.id, node.end_lineno or node.lineno, None, False)

        name = self.free_name(LOGGER_NAMES)
        logging_name = self.logging_module_name()
        get_logger = self.imported_from("logging", "getLogger")
        if logging_name is not None:
            factory = f"{logging_name}.getLogger(__name__)"
        elif get_logger is not None:
            factory = f"{get_logger}(__name__)"
        else:
            factory = "logging.getLogger(__name__)"
        return LoggerPlan(
            name,
            header_end_line(self.tree),
            f"{name} = {factory}",
            logging_name is None and get_logger is None,
        )


def facts(analysis: Analysis) -> ModuleFacts:
    """The module facts of this round, computed once."""
    found = analysis.memo.get("facts")
    if found is None:
        found = analysis.memo["facts"] = ModuleFacts(analysis)
    assert isinstance(found, ModuleFacts)
    return found


def _call_name(node: ast.Call) -> str | None:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _is_dunder_name(node: ast.expr) -> bool:
    return isinstance(node, ast.Name) and node.id == "__name__"


# -- libcst: changing the module -------------------------------------------------


def _cst_is_import_line(node: cst.CSTNode) -> bool:
    return isinstance(node, cst.SimpleStatementLine) and all(
        isinstance(s, (cst.Import, cst.ImportFrom)) for s in node.body
    )


def _cst_import_block(node: cst.CSTNode) -> bool:
    if isinstance(node, (cst.If, cst.Try)):
        inner: list[cst.CSTNode] = list(node.body.body)
        if isinstance(node, cst.Try):
            for handler in node.handlers:
                inner.extend(handler.body.body)
        orelse = node.orelse
        if isinstance(orelse, cst.Else):
            inner.extend(orelse.body.body)
        elif isinstance(orelse, cst.If):
            inner.append(orelse)
        return bool(inner) and all(
            _cst_is_import_line(s)
            or _cst_import_block(s)
            or (
                isinstance(s, cst.SimpleStatementLine)
                and all(isinstance(x, cst.Pass) for x in s.body)
            )
            for s in inner
        )
    return False


def _cst_is_docstring(node: cst.CSTNode) -> bool:
    return (
        isinstance(node, cst.SimpleStatementLine)
        and len(node.body) == 1
        and isinstance(node.body[0], cst.Expr)
        and isinstance(node.body[0].value, (cst.SimpleString, cst.ConcatenatedString))
    )


def header_index(module: cst.Module) -> int:
    """Where a statement goes after the module's leading imports."""
    index = 0
    for position, node in enumerate(module.body):
        if position == 0 and _cst_is_docstring(node):
            index = 1
        elif _cst_is_import_line(node) or _cst_import_block(node):
            index = position + 1
        else:
            break
    return index


def _is_future(node: cst.CSTNode) -> bool:
    return (
        isinstance(node, cst.SimpleStatementLine)
        and isinstance(node.body[0], cst.ImportFrom)
        and isinstance(node.body[0].module, cst.Name)
        and node.body[0].module.value == "__future__"
    )


def _imported_module(node: cst.CSTNode) -> str | None:
    """The first module a plain import line names."""
    if not isinstance(node, cst.SimpleStatementLine):
        return None
    statement = node.body[0]
    target: cst.BaseExpression | None = None
    if isinstance(statement, cst.Import):
        target = statement.names[0].name
    elif isinstance(statement, cst.ImportFrom) and not statement.relative:
        target = statement.module
    if target is None:
        return None
    return cst.Module([]).code_for_node(target)


def _is_stdlib(dotted: str) -> bool:
    return dotted.split(".")[0] in sys.stdlib_module_names


def insert_statement(
    module: cst.Module, index: int, code: str, take_leading: bool = True
) -> cst.Module:
    """Insert ``code`` before ``module.body[index]``.

    With ``take_leading`` the new statement takes the blank lines and
    comments above the one it goes before, as the first of a block does.
    """
    new = cst.parse_statement(code)
    body = list(module.body)
    if take_leading and index < len(body):
        following = body[index]
        new = new.with_changes(leading_lines=following.leading_lines)
        body[index] = following.with_changes(leading_lines=[])
    body.insert(index, new)
    return module.with_changes(body=body)


def ensure_import(code: str) -> ModuleChange:
    """A change that adds the import line ``code`` unless the module has it."""
    wanted = cst.parse_statement(code)

    def change(module: cst.Module) -> cst.Module:
        for node in module.body:
            if node.deep_equals(wanted.with_changes(leading_lines=node.leading_lines)):
                return module
        index, first_of_block = _import_position(module, code)
        module = insert_statement(module, index, code, take_leading=first_of_block)
        return _space_after(module, index, 1)

    return change


def _import_position(module: cst.Module, code: str) -> tuple[int, bool]:
    """Among the standard-library imports at the top, in sorted order.

    Also says whether the import goes first in its block of imports.
    """
    new_module = _imported_module(cst.parse_statement(code)) or ""
    end = header_index(module)
    first_import = None
    after_stdlib = None
    for position, node in enumerate(module.body[:end]):
        if _is_future(node) or not _cst_is_import_line(node):
            continue
        if first_import is None:
            first_import = position
        name = _imported_module(node)
        if name is None or not _is_stdlib(name):
            continue
        if name.lower() > new_module.lower():
            return position, after_stdlib is None
        after_stdlib = position + 1
    if after_stdlib is not None:
        return after_stdlib, False
    if first_import is not None:
        return first_import, True
    return end, False


def _space_after(module: cst.Module, index: int, imports_apart: int) -> cst.Module:
    """Blank lines between the new statement at ``index`` and the next one.

    A definition gets two, as PEP 8 asks; a group of other imports (third
    party after standard library) or other code gets ``imports_apart``.
    """
    body = list(module.body)
    if index + 1 >= len(body) or body[index + 1].leading_lines:
        return module
    following = body[index + 1]
    new_name = _imported_module(body[index]) or ""
    next_name = _imported_module(following)
    if next_name is not None and _is_stdlib(next_name) == _is_stdlib(new_name):
        return module
    wanted = imports_apart
    if isinstance(following, (cst.FunctionDef, cst.ClassDef)):
        wanted = 2
    body[index + 1] = following.with_changes(
        leading_lines=[cst.EmptyLine() for _ in range(wanted)]
    )
    return module.with_changes(body=body)


def ensure_module_logger(name: str, definition: str) -> ModuleChange:
    """A change that defines the module logger after the imports."""

    def change(module: cst.Module) -> cst.Module:
        for node in module.body:
            if isinstance(node, cst.SimpleStatementLine) and any(
                isinstance(s, cst.Assign)
                and any(
                    isinstance(t.target, cst.Name) and t.target.value == name
                    for t in s.targets
                )
                for s in node.body
            ):
                return module
        index = header_index(module)
        new = cst.parse_statement(definition)
        if index > 0:
            new = new.with_changes(leading_lines=[cst.EmptyLine()])
        body = list(module.body)
        body.insert(index, new)
        return _space_after(module.with_changes(body=body), index, 1)

    return change


def logger_changes(plan: LoggerPlan) -> list[tuple[str, ModuleChange]]:
    """The module changes that make ``plan``'s logger exist."""
    changes: list[tuple[str, ModuleChange]] = []
    if plan.needs_import:
        changes.append(("import logging", ensure_import("import logging")))
    if plan.definition is not None:
        changes.append(
            ("module logger", ensure_module_logger(plan.name, plan.definition))
        )
    return changes


class _NameUses(cst.CSTVisitor):
    """The names a module reads, leaving out imports and ``x.attribute``."""

    def __init__(self) -> None:
        self.names: set[str] = set()

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        node.value.visit(self)
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        return False

    def visit_Import(self, node: cst.Import) -> bool:
        return False

    def visit_Name(self, node: cst.Name) -> None:
        self.names.add(node.value)


def drop_unused_from_import(module_name: str, name: str) -> ModuleChange:
    """A change removing ``name`` from ``from module_name import ...`` if unused."""

    def change(module: cst.Module) -> cst.Module:
        uses = _NameUses()
        module.visit(uses)
        if name in uses.names:
            return module
        return module.visit(_DropAlias(module_name, name))

    return change


class _DropAlias(cst.CSTTransformer):
    def __init__(self, module_name: str, name: str) -> None:
        super().__init__()
        self.module_name = module_name
        self.name = name

    def leave_ImportFrom(
        self, original_node: cst.ImportFrom, updated_node: cst.ImportFrom
    ) -> cst.ImportFrom | cst.RemovalSentinel:
        module = updated_node.module
        if (
            updated_node.relative
            or module is None
            or cst.Module([]).code_for_node(module) != self.module_name
            or isinstance(updated_node.names, cst.ImportStar)
        ):
            return updated_node
        kept = [
            alias
            for alias in updated_node.names
            if alias.asname is not None or alias.evaluated_name != self.name
        ]
        if len(kept) == len(updated_node.names):
            return updated_node
        if not kept:
            return cst.RemovalSentinel.REMOVE
        last = updated_node.names[-1]
        kept[-1] = kept[-1].with_changes(comma=last.comma)
        return updated_node.with_changes(names=kept)
