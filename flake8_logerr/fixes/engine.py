"""The machinery every fix shares: one analysis per round, edits, applying them.

A round parses the source twice: with ``ast`` to run the rules (the findings
and the logger table come from the core itself) and with libcst to rewrite
it, so that formatting and comments survive. Findings carry ``ast``
positions (UTF-8 byte columns); ``Analysis.cst_at`` maps them to libcst
nodes (character columns).

An ``Edit`` is a list of changes, each a function applied to one node of the
tree *as already rewritten by other edits*, so edits on the same call (an
``.error()`` that becomes ``.exception()`` and whose f-string message becomes
lazy) compose. Module changes (an import, a module logger) run last, on the
rewritten module, and check first whether their work is already done.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

import libcst as cst
from libcst.metadata import MetadataWrapper, ParentNodeProvider, PositionProvider

from flake8_logerr.core import Context, Finding, run_checks
from flake8_logerr.loggers import LogCall
from flake8_logerr.settings import Settings

NodeT = TypeVar("NodeT", bound=cst.CSTNode)

# What a node change may return: a node, or a removal/flattening sentinel.
Changed = cst.CSTNode | cst.RemovalSentinel | cst.FlattenSentinel[Any]
NodeChange = Callable[[Any], Changed]
ModuleChange = Callable[[cst.Module], cst.Module]

SAFE = "safe"
UNSAFE = "unsafe"
SUGGESTION = "suggestion"


class CannotFix(Exception):
    """Raised inside a fixer: this place has no rewrite; the text says why."""


@dataclass
class Edit:
    """The rewrite of one finding: node changes plus module-level changes."""

    kind: str
    note: str
    changes: list[tuple[cst.CSTNode, NodeChange]] = field(default_factory=list)
    # (key, change): changes with the same key run once per round.
    module_changes: list[tuple[str, ModuleChange]] = field(default_factory=list)

    def change(self, node: cst.CSTNode, func: NodeChange) -> Edit:
        self.changes.append((node, func))
        return self

    def module(self, key: str, func: ModuleChange) -> Edit:
        self.module_changes.append((key, func))
        return self


class Analysis:
    """Everything the fixers ask about one version of one file."""

    def __init__(self, source: str, filename: str, settings: Settings) -> None:
        self.source = source
        self.filename = filename
        self.settings = settings
        self.lines = source.splitlines(keepends=True)
        self.tree = ast.parse(source, filename=filename)
        self.ctx = Context(self.tree, self.lines, filename, settings)
        run_checks(self.ctx)
        self.findings: list[Finding] = sorted(set(self.ctx.findings))
        # Answers the fixers share within one round, by name.
        self.memo: dict[str, Any] = {}

    # -- ast side ------------------------------------------------------------

    @cached_property
    def ast_parents(self) -> dict[ast.AST, ast.AST]:
        parents: dict[ast.AST, ast.AST] = {}
        for node in ast.walk(self.tree):
            for child in ast.iter_child_nodes(node):
                parents[child] = node
        return parents

    @cached_property
    def _ast_index(self) -> dict[tuple[int, int], list[ast.AST]]:
        index: dict[tuple[int, int], list[ast.AST]] = {}
        for node in ast.walk(self.tree):
            line = getattr(node, "lineno", None)
            col = getattr(node, "col_offset", None)
            if line is not None and col is not None:
                index.setdefault((line, col), []).append(node)
        return index

    def ast_at(self, finding: Finding, *types: type[ast.AST]) -> Any:
        """The outermost ``ast`` node of one of ``types`` at the finding."""
        for node in self._ast_index.get((finding.line, finding.col), []):
            if isinstance(node, types):
                return node
        raise CannotFix("could not find the reported code in the file")

    def ast_ancestors(self, node: ast.AST) -> Iterable[ast.AST]:
        parent = self.ast_parents.get(node)
        while parent is not None:
            yield parent
            parent = self.ast_parents.get(parent)

    def log_call_at(self, finding: Finding) -> LogCall:
        """The logging call that starts at the finding."""
        for call in self.ctx.log_calls:
            if (call.node.lineno, call.node.col_offset) == (finding.line, finding.col):
                return call
        raise CannotFix("could not find the logging call in the file")

    def log_call_with_msg_at(self, finding: Finding) -> LogCall:
        """The logging call whose message starts at the finding."""
        for call in self.ctx.log_calls:
            msg = call.msg
            if msg is not None and (msg.lineno, msg.col_offset) == (
                finding.line,
                finding.col,
            ):
                return call
        raise CannotFix("could not find the logging call in the file")

    def log_call_of(self, node: ast.Call) -> LogCall | None:
        for call in self.ctx.log_calls:
            if call.node is node:
                return call
        return None

    # -- libcst side ---------------------------------------------------------

    @cached_property
    def wrapper(self) -> MetadataWrapper:
        try:
            module = cst.parse_module(self.source)
        except cst.ParserSyntaxError as exc:
            raise CannotFix(f"libcst cannot parse this file: {exc.message}") from exc
        return MetadataWrapper(module, unsafe_skip_copy=True)

    @property
    def module(self) -> cst.Module:
        return self.wrapper.module

    @cached_property
    def _cst_index(self) -> dict[tuple[int, int], list[cst.CSTNode]]:
        index: dict[tuple[int, int], list[cst.CSTNode]] = {}
        for node, where in self.wrapper.resolve(PositionProvider).items():
            index.setdefault((where.start.line, where.start.column), []).append(node)
        return index

    @cached_property
    def cst_parents(self) -> Any:
        return self.wrapper.resolve(ParentNodeProvider)

    def char_col(self, line: int, col: int) -> int:
        """The character column of a UTF-8 byte column on ``line``."""
        if not 0 < line <= len(self.lines):
            return col
        text = self.lines[line - 1]
        if text.isascii():
            return col
        return len(text.encode("utf-8")[:col].decode("utf-8", errors="ignore"))

    def cst_at(self, line: int, col: int, node_type: type[NodeT]) -> NodeT:
        """The outermost libcst node of ``node_type`` at an ``ast`` position."""
        key = (line, self.char_col(line, col))
        found = [n for n in self._cst_index.get(key, []) if isinstance(n, node_type)]
        if not found:
            raise CannotFix("could not find the reported code in the file")
        # The outermost node spans the most: ``a.b`` before ``a``.
        found.sort(key=self._span, reverse=True)
        return found[0]

    def cst_for(self, node: ast.AST, node_type: type[NodeT]) -> NodeT:
        return self.cst_at(
            getattr(node, "lineno", 0), getattr(node, "col_offset", 0), node_type
        )

    def cst_expression(self, node: ast.AST) -> cst.BaseExpression:
        """The libcst expression that spans exactly what ``node`` spans."""
        wanted: Any = cst.BaseExpression
        found: cst.BaseExpression = self.cst_exact(node, wanted)
        return found

    def cst_exact(self, node: ast.AST, node_type: type[NodeT]) -> NodeT:
        """The libcst node of ``node_type`` that starts and ends where ``node`` does."""
        line = getattr(node, "lineno", 0)
        end_line = getattr(node, "end_lineno", None)
        end_col = getattr(node, "end_col_offset", None)
        key = (line, self.char_col(line, getattr(node, "col_offset", 0)))
        if end_line is not None and end_col is not None:
            end = (end_line, self.char_col(end_line, end_col))
            for found in self._cst_index.get(key, []):
                if isinstance(found, node_type) and self._span(found) == end:
                    return found
        raise CannotFix("could not find the reported code in the file")

    def _span(self, node: cst.CSTNode) -> tuple[int, int]:
        where = self.wrapper.resolve(PositionProvider)[node]
        return (where.end.line, where.end.column)

    def cst_parent(self, node: cst.CSTNode) -> cst.CSTNode | None:
        parent: cst.CSTNode | None = self.cst_parents.get(node)
        return parent

    def cst_ancestor(self, node: cst.CSTNode, node_type: type[NodeT]) -> NodeT:
        parent = self.cst_parent(node)
        while parent is not None:
            if isinstance(parent, node_type):
                return parent
            parent = self.cst_parent(parent)
        raise CannotFix("could not find the enclosing code in the file")


class _Applier(cst.CSTTransformer):
    def __init__(
        self,
        changes: dict[cst.CSTNode, list[NodeChange]],
        relevant: set[cst.CSTNode],
    ) -> None:
        super().__init__()
        self.changes = changes
        self.relevant = relevant

    def on_visit(self, node: cst.CSTNode) -> bool:
        # Only the paths from the module down to changed nodes are rebuilt.
        return node in self.relevant

    def on_leave(self, original_node: Any, updated_node: Any) -> Any:
        result = updated_node
        for change in self.changes.get(original_node, ()):
            if not isinstance(result, cst.CSTNode):
                break
            result = change(result)
        return result


def apply_edits(analysis: Analysis, edits: Sequence[Edit]) -> cst.Module:
    """Apply node changes, then each module change once, in order."""
    module = analysis.module
    changes: dict[cst.CSTNode, list[NodeChange]] = {}
    for edit in edits:
        for node, func in edit.changes:
            changes.setdefault(node, []).append(func)
    if changes:
        relevant: set[cst.CSTNode] = set()
        for node in changes:
            found: cst.CSTNode | None = node
            while found is not None and found not in relevant:
                relevant.add(found)
                found = analysis.cst_parent(found)
        module = module.visit(_Applier(changes, relevant))

    done: set[str] = set()
    for edit in edits:
        for key, module_change in edit.module_changes:
            if key not in done:
                done.add(key)
                module = module_change(module)
    return module


def compiles(source: str, filename: str) -> bool:
    """Whether ``source`` still compiles: the last guard on every rewrite."""
    try:
        compile(source, filename, "exec", dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        # The answer is the point: the caller drops the rewrite and says so.
        return False
    return True
