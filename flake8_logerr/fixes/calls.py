"""Fixes of logging calls: LOG002, LOG005-LOG009, LOG015 and LOG020."""

from __future__ import annotations

import ast

import libcst as cst

from flake8_logerr.core import Finding
from flake8_logerr.files import apply_noqa
from flake8_logerr.fixes.engine import SAFE, Analysis, CannotFix, Edit
from flake8_logerr.fixes.module import (
    LoggerPlan,
    drop_unused_from_import,
    facts,
    local_names,
    logger_changes,
)
from flake8_logerr.loggers import LogCall

# -- argument helpers ----------------------------------------------------------


def remove_keyword(call: cst.Call, name: str) -> cst.Call:
    """``call`` without its ``name=`` argument, commas kept tidy."""
    args = list(call.args)
    for index, arg in enumerate(args):
        if arg.keyword is not None and arg.keyword.value == name:
            break
    else:
        return call
    removed = args.pop(index)
    if index == len(args) and index > 0:
        # The argument before becomes the last: it takes the trailing comma.
        before = args[index - 1]
        comma = removed.comma
        if isinstance(comma, cst.Comma) and isinstance(before.comma, cst.Comma):
            comma = comma.with_changes(whitespace_before=before.comma.whitespace_before)
        args[index - 1] = before.with_changes(
            comma=comma, whitespace_after_arg=removed.whitespace_after_arg
        )
    elif index == 0 and not args:
        return call.with_changes(args=[])
    return call.with_changes(args=args)


def rename_method(call: cst.Call, method: str) -> cst.Call:
    func = call.func
    if not isinstance(func, cst.Attribute):
        raise CannotFix("the logging method is not called as an attribute")
    return call.with_changes(func=func.with_changes(attr=cst.Name(method)))


def _attribute_call(analysis: Analysis, call: LogCall) -> cst.Call:
    node = analysis.cst_for(call.node, cst.Call)
    if not isinstance(node.func, cst.Attribute):
        raise CannotFix("the logging method is called by a bare imported name")
    return node


def _is_true_or_caught(value: ast.expr, call: LogCall) -> bool:
    """An ``exc_info`` value that ``.exception()`` makes redundant."""
    if isinstance(value, ast.Constant) and bool(value.value) is True:
        return True
    return _is_caught(value, call)


def _is_caught(value: ast.expr, call: LogCall) -> bool:
    """The name the enclosing handler binds the caught exception to."""
    handler = call.scope.handler
    return (
        handler is not None
        and handler.name is not None
        and isinstance(value, ast.Name)
        and value.id == handler.name
    )


# LOG005
def fix_log005(analysis: Analysis, finding: Finding) -> Edit:
    call = analysis.log_call_at(finding)
    node = _attribute_call(analysis, call)
    if call.msg is not None and _is_caught(call.msg, call):
        raise CannotFix(
            "the message is the caught exception itself; write a message first"
        )
    exc_info = call.keyword("exc_info")
    drop = exc_info is not None and _is_true_or_caught(exc_info.value, call)

    def change(updated: cst.Call) -> cst.Call:
        updated = rename_method(updated, "exception")
        return remove_keyword(updated, "exc_info") if drop else updated

    note = "`.error()` became `.exception()`, which logs the traceback"
    if drop:
        note += "; the redundant `exc_info` was dropped"
    return Edit(SAFE, note).change(node, change)


# LOG006
def fix_log006(analysis: Analysis, finding: Finding) -> Edit:
    keyword = analysis.ast_at(finding, ast.keyword)
    arg = analysis.cst_for(keyword, cst.Arg)
    node = analysis.cst_ancestor(arg, cst.Call)

    def change(updated: cst.Call) -> cst.Call:
        return remove_keyword(updated, "exc_info")

    note = "dropped `exc_info`: `.exception()` always logs the traceback"
    return Edit(SAFE, note).change(node, change)


# LOG007
def fix_log007(analysis: Analysis, finding: Finding) -> Edit:
    keyword = analysis.ast_at(finding, ast.keyword)
    arg = analysis.cst_for(keyword, cst.Arg)
    node = analysis.cst_ancestor(arg, cst.Call)
    if not isinstance(node.func, cst.Attribute):
        raise CannotFix("the logging method is called by a bare imported name")

    def change(updated: cst.Call) -> cst.Call:
        return remove_keyword(rename_method(updated, "error"), "exc_info")

    note = "`.exception(..., exc_info=False)` became `.error(...)`"
    return Edit(SAFE, note).change(node, change)


# LOG008
def fix_log008(analysis: Analysis, finding: Finding) -> Edit:
    call = analysis.log_call_at(finding)
    node = _attribute_call(analysis, call)

    def change(updated: cst.Call) -> cst.Call:
        return rename_method(updated, "warning")

    return Edit(SAFE, "`.warn()` became `.warning()`").change(node, change)


# LOG009
def fix_log009(analysis: Analysis, finding: Finding) -> Edit:
    found = analysis.ast_at(finding, ast.Attribute, ast.alias)
    if isinstance(found, ast.Attribute):
        node = analysis.cst_for(found, cst.Attribute)

        def change(updated: cst.Attribute) -> cst.Attribute:
            return updated.with_changes(attr=cst.Name("WARNING"))

        return Edit(SAFE, "`WARN` became `WARNING`").change(node, change)
    return _fix_warn_import(analysis, found)


def _fix_warn_import(analysis: Analysis, alias: ast.alias) -> Edit:
    """``from logging import WARN``: import ``WARNING`` and use it."""
    node = analysis.cst_for(alias, cst.ImportAlias)
    edit = Edit(SAFE, "`from logging import WARN` became `WARNING`")
    if alias.asname is not None:
        return edit.change(
            node, lambda updated: updated.with_changes(name=cst.Name("WARNING"))
        )

    uses: list[ast.Name] = []
    rebinds = False
    warning_taken = False
    for child in ast.walk(analysis.tree):
        if isinstance(child, ast.Name) and child.id == "WARN":
            if isinstance(child.ctx, ast.Load):
                uses.append(child)
            else:
                rebinds = True
        elif isinstance(child, ast.arg) and child.arg == "WARN":
            rebinds = True
        elif isinstance(child, ast.Name) and child.id == "WARNING":
            warning_taken = True
        elif isinstance(child, ast.alias) and child is not alias:
            local = child.asname or child.name
            if local == "WARN":
                rebinds = True
            if local == "WARNING":
                warning_taken = True
    if rebinds or warning_taken:
        # Keep the local name; the import itself names the documented level.
        def keep_name(updated: cst.ImportAlias) -> cst.ImportAlias:
            return updated.with_changes(
                name=cst.Name("WARNING"), asname=cst.AsName(name=cst.Name("WARN"))
            )

        return edit.change(node, keep_name)

    edit.change(node, lambda updated: updated.with_changes(name=cst.Name("WARNING")))
    for use in uses:
        name_node = analysis.cst_for(use, cst.Name)
        edit.change(name_node, lambda updated: updated.with_changes(value="WARNING"))
    return edit


# LOG002
def fix_log002(analysis: Analysis, finding: Finding) -> Edit:
    name = analysis.ast_at(finding, ast.Name)
    node = analysis.cst_for(name, cst.Name)
    note = f"`getLogger({name.id})` became `getLogger(__name__)`"
    return Edit(SAFE, note).change(
        node, lambda updated: updated.with_changes(value="__name__")
    )


# -- LOG015, LOG020: root-logger calls through a module logger -----------------


def _check_reroute(analysis: Analysis, call: LogCall, plan: LoggerPlan) -> None:
    """Raise when ``plan``'s logger cannot stand in for the root here."""
    scope = call.scope
    for function in scope.enclosing_functions():
        if plan.name in local_names(function):
            raise CannotFix(
                f"`{plan.name}` is a local name in `{function.name}()`, "
                "so the module logger cannot be used there"
            )
    if scope.function is None and call.node.lineno <= plan.ready_line:
        raise CannotFix(
            "the call runs at import time before the module logger can be defined"
        )


def _reroute(analysis: Analysis, call: LogCall, plan: LoggerPlan, edit: Edit) -> None:
    """Add to ``edit`` the change that sends ``call`` to the module logger."""
    node = analysis.cst_for(call.node, cst.Call)
    func = node.func
    name = plan.name
    if isinstance(func, cst.Name):
        method = func.value
        imported = analysis.ctx.loggers.from_logging.get(method, method)

        def by_name(updated: cst.Call) -> cst.Call:
            return updated.with_changes(
                func=cst.Attribute(value=cst.Name(name), attr=cst.Name(imported))
            )

        edit.change(node, by_name)
        edit.module(f"drop {method}", drop_unused_from_import("logging", method))
        return
    if not isinstance(func, cst.Attribute):
        raise CannotFix("the logging call has an unusual form")
    receiver = func.value

    def by_attribute(updated: cst.Call) -> cst.Call:
        updated_func = updated.func
        if not isinstance(updated_func, cst.Attribute) or not (
            updated_func.value.deep_equals(receiver)
        ):
            return updated  # already rerouted by another fix this round
        return updated.with_changes(
            func=updated_func.with_changes(value=cst.Name(name))
        )

    edit.change(node, by_attribute)


def _logger_note(plan: LoggerPlan) -> str:
    if plan.definition is None:
        return f"the module logger `{plan.name}`"
    return f"a new module logger `{plan.definition}`"


# LOG015
def fix_log015(analysis: Analysis, finding: Finding) -> Edit:
    call = analysis.log_call_at(finding)
    plan = facts(analysis).logger_plan
    _check_reroute(analysis, call, plan)
    edit = Edit(SAFE, f"root-logger call now logs through {_logger_note(plan)}")
    _reroute(analysis, call, plan, edit)
    for key, change in logger_changes(plan):
        edit.module(key, change)
    return edit


# LOG020
def fix_log020(analysis: Analysis, finding: Finding) -> Edit:
    call = analysis.log_call_at(finding)
    if not call.root:
        raise CannotFix(
            f"{_binding(analysis, call)}; a logger named after this module "
            "would change which handlers and levels apply"
        )
    plan = facts(analysis).logger_plan
    edit = Edit(SAFE, "")
    moved = 0
    # A root call whose LOG015 is silenced by ``# noqa`` stays as it is.
    root_calls = [f for f in analysis.findings if f.code == "LOG015"]
    kept = set(apply_noqa(root_calls, analysis.source))
    silenced = {(f.line, f.col) for f in root_calls if f not in kept}
    for other in analysis.ctx.log_calls:
        if not (other.root and other.stdlib):
            continue
        if (other.node.lineno, other.node.col_offset) in silenced:
            continue
        try:
            _check_reroute(analysis, other, plan)
        except CannotFix:
            # This call stays on the root logger; its own LOG015 says why.
            continue
        _reroute(analysis, other, plan, edit)
        moved += 1
    if not moved:
        _check_reroute(analysis, call, plan)
    for key, change in logger_changes(plan):
        edit.module(key, change)
    plural = "" if moved == 1 else "s"
    edit.note = f"{moved} root-logger call{plural} now log through {_logger_note(plan)}"
    return edit


def _binding(analysis: Analysis, call: LogCall) -> str:
    """Where the logger of a non-root call comes from, in a few words."""
    receiver = call.receiver
    shown = ast.unparse(receiver) if receiver is not None else call.method
    if not isinstance(receiver, ast.Name):
        return f"the module logs through `{shown}`"
    for node in facts(analysis).top_level:
        if isinstance(node, ast.ImportFrom) and any(
            (alias.asname or alias.name) == receiver.id for alias in node.names
        ):
            return f"`{shown}` is imported from `{node.module or '.'}`"
    for found in ast.walk(analysis.tree):
        if (
            isinstance(found, ast.Assign)
            and any(
                isinstance(t, ast.Name) and t.id == receiver.id for t in found.targets
            )
            and isinstance(found.value, ast.Call)
        ):
            return f"`{shown}` is `{ast.unparse(found.value)}`"
    return f"the module logs through `{shown}`"
