"""Fixes of exception handlers and raises: LOG016 (unsafe) and LOG022."""

from __future__ import annotations

import ast

import libcst as cst

from flake8_logerr.core import Finding
from flake8_logerr.fixes.engine import SAFE, UNSAFE, Analysis, CannotFix, Edit
from flake8_logerr.fixes.module import bound_names

ERROR_NAMES = ("err", "exc", "error", "caught")

HandlerNode = cst.ExceptHandler | cst.ExceptStarHandler


def handler_at(analysis: Analysis, node: ast.ExceptHandler) -> HandlerNode:
    try:
        return analysis.cst_for(node, cst.ExceptHandler)
    except CannotFix:
        return analysis.cst_for(node, cst.ExceptStarHandler)


def enclosing_handler(analysis: Analysis, node: ast.AST) -> ast.ExceptHandler:
    """The innermost except handler around ``node`` in the same function."""
    for parent in analysis.ast_ancestors(node):
        if isinstance(parent, ast.ExceptHandler):
            return parent
        if isinstance(
            parent, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)
        ):
            break
    raise CannotFix("could not find the except handler around the code")


def enclosing_scope(analysis: Analysis, node: ast.AST) -> ast.AST:
    """The function (or module) whose names a new binding must not clash with."""
    for parent in analysis.ast_ancestors(node):
        if isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return parent
    return analysis.tree


def caught_name(analysis: Analysis, handler: ast.ExceptHandler, edit: Edit) -> str:
    """The handler's ``as`` name, binding a fresh one through ``edit`` if needed."""
    if handler.name is not None:
        return handler.name
    taken = bound_names(enclosing_scope(analysis, handler))
    if enclosing_scope(analysis, handler) is not analysis.tree:
        taken |= bound_names(analysis.tree)
    name = next((n for n in ERROR_NAMES if n not in taken), None)
    if name is None:
        raise CannotFix("no free name to bind the caught exception to")
    node = handler_at(analysis, handler)

    def bind(updated: HandlerNode) -> HandlerNode:
        if updated.name is not None:
            return updated
        if updated.type is None:
            # A bare ``except:`` catches exactly what ``BaseException`` does.
            updated = updated.with_changes(
                type=cst.Name("BaseException"),
                whitespace_after_except=cst.SimpleWhitespace(" "),
            )
        return updated.with_changes(name=cst.AsName(name=cst.Name(name)))

    edit.change(node, bind)
    return name


# LOG022
def fix_log022(analysis: Analysis, finding: Finding) -> Edit:
    raise_node = analysis.ast_at(finding, ast.Raise)
    handler = enclosing_handler(analysis, raise_node)
    edit = Edit(SAFE, "")
    name = caught_name(analysis, handler, edit)
    node = analysis.cst_for(raise_node, cst.Raise)

    def add_cause(updated: cst.Raise) -> cst.Raise:
        if updated.cause is not None:
            return updated
        return updated.with_changes(cause=cst.From(item=cst.Name(name)))

    edit.change(node, add_cause)
    edit.note = f"added `from {name}` so the traceback keeps the original cause"
    if handler.name is None and handler.type is None:
        edit.note += f" (`except:` became `except BaseException as {name}:`)"
    elif handler.name is None:
        edit.note += f" (the handler now binds `as {name}`)"
    return edit


# LOG016 (unsafe: the handler stops catching KeyboardInterrupt and SystemExit)
def fix_log016(analysis: Analysis, finding: Finding) -> Edit:
    handler = analysis.ast_at(finding, ast.ExceptHandler)
    node = handler_at(analysis, handler)

    def narrow(updated: HandlerNode) -> HandlerNode:
        if updated.type is not None:
            return updated
        return updated.with_changes(
            type=cst.Name("Exception"),
            whitespace_after_except=cst.SimpleWhitespace(" "),
        )

    note = (
        "bare `except:` became `except Exception:`; KeyboardInterrupt and "
        "SystemExit now pass through"
    )
    return Edit(UNSAFE, note).change(node, narrow)
