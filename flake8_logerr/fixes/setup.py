"""Fixes of logging setup: LOG026 (unsafe), a log file that never rotates.

``FileHandler(path)`` becomes ``RotatingFileHandler(path, maxBytes=...,
backupCount=...)``; rotating handlers get the limits they lack; a
``basicConfig(filename=...)`` gets a rotating handler instead; a config
mapping's ``"class"`` and limits are set. Unsafe: a rotating handler always
appends (``mode="w"`` no longer truncates) and old logs get deleted.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence

import libcst as cst

from flake8_logerr.core import Finding
from flake8_logerr.fixes.engine import UNSAFE, Analysis, CannotFix, Edit
from flake8_logerr.fixes.literals import split_literal
from flake8_logerr.fixes.module import ensure_import, facts
from flake8_logerr.names import last_name

MAX_BYTES = "10_000_000"
BACKUP_COUNT = "5"
ROTATING = "RotatingFileHandler"
TIMED = "TimedRotatingFileHandler"

# Positional parameters after ``filename`` that must become keywords, by index.
# https://docs.python.org/3/library/logging.handlers.html#filehandler
FILE_HANDLER_TAIL = {2: "encoding", 3: "delay", 4: "errors"}
# Limits and their positional index, per rotating handler.
LIMITS = {
    ROTATING: (("maxBytes", 2, MAX_BYTES), ("backupCount", 3, BACKUP_COUNT)),
    TIMED: (("backupCount", 3, BACKUP_COUNT),),
}
# The basicConfig keywords that describe its FileHandler.
BASIC_CONFIG_FILE = {
    "filename": None,
    "filemode": "mode",
    "encoding": "encoding",
    "errors": "errors",
}


def _is_zero(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Constant)
        and not isinstance(node.value, (str, bool))
        and node.value == 0
    )


def _separator(args: Sequence[cst.Arg]) -> cst.Comma:
    for arg in args:
        if isinstance(arg.comma, cst.Comma):
            space = arg.comma.whitespace_after
            if isinstance(space, cst.ParenthesizedWhitespace):
                return cst.Comma(
                    whitespace_after=space.with_changes(
                        first_line=cst.TrailingWhitespace(), empty_lines=[]
                    )
                )
            break
    return cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))


def rebuild_args(call: cst.Call, args: Sequence[cst.Arg]) -> cst.Call:
    """``call`` with ``args``, commas in the call's own style."""
    if not args:
        return call.with_changes(args=[])
    separator = _separator(call.args)
    last = call.args[-1] if call.args else None
    new = []
    for index, arg in enumerate(args):
        if index < len(args) - 1:
            new.append(
                arg.with_changes(
                    comma=separator, whitespace_after_arg=cst.SimpleWhitespace("")
                )
            )
        elif last is not None:
            new.append(
                arg.with_changes(
                    comma=last.comma, whitespace_after_arg=last.whitespace_after_arg
                )
            )
        else:
            new.append(arg.with_changes(comma=cst.MaybeSentinel.DEFAULT))
    return call.with_changes(args=new)


def keyword_arg(name: str, value: cst.BaseExpression) -> cst.Arg:
    return cst.Arg(
        value=value,
        keyword=cst.Name(name),
        equal=cst.AssignEqual(
            whitespace_before=cst.SimpleWhitespace(""),
            whitespace_after=cst.SimpleWhitespace(""),
        ),
    )


def _rotating_reference(analysis: Analysis, call: ast.Call, edit: Edit) -> str:
    """How to name ``RotatingFileHandler`` here, adding the import it needs."""
    known = facts(analysis)
    if known.has_import("logging.handlers"):
        return f"logging.handlers.{ROTATING}"
    local = known.imported_from("logging.handlers", ROTATING)
    if local is not None:
        return local
    handlers = known.imported_from("logging", "handlers")
    if handlers is not None:
        return f"{handlers}.{ROTATING}"
    func = call.func
    if (
        isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Name)
        and func.value.id == "logging"
        and known.logging_module_name() == "logging"
    ):
        edit.module("import logging.handlers", ensure_import("import logging.handlers"))
        return f"logging.handlers.{ROTATING}"
    if ROTATING in known.names:
        raise CannotFix(f"`{ROTATING}` already names something else in this module")
    line = f"from logging.handlers import {ROTATING}"
    edit.module(line, ensure_import(line))
    return ROTATING


def _no_unpacking(call: ast.Call) -> None:
    if any(isinstance(a, ast.Starred) for a in call.args) or any(
        k.arg is None for k in call.keywords
    ):
        raise CannotFix("the call unpacks its arguments with `*` or `**`")


def _limit_args() -> list[cst.Arg]:
    return [
        keyword_arg("maxBytes", cst.Integer(MAX_BYTES)),
        keyword_arg("backupCount", cst.Integer(BACKUP_COUNT)),
    ]


# LOG026
def fix_log026(analysis: Analysis, finding: Finding) -> Edit:
    found = analysis.ast_at(finding, ast.Call, ast.Constant)
    if isinstance(found, ast.Constant):
        return _fix_config_mapping(analysis, found)
    _no_unpacking(found)
    name = last_name(found.func)
    if name == "FileHandler":
        return _fix_file_handler(analysis, found)
    if name in LIMITS:
        return _fix_limits(analysis, found, name)
    if name == "basicConfig":
        return _fix_basic_config(analysis, found)
    raise CannotFix("the handler is made in a way the fix does not know")


def _fix_file_handler(analysis: Analysis, call: ast.Call) -> Edit:
    edit = Edit(UNSAFE, "")
    reference = _rotating_reference(analysis, call, edit)
    node = analysis.cst_for(call, cst.Call)
    func = cst.parse_expression(reference)

    def change(updated: cst.Call) -> cst.Call:
        positional = [a for a in updated.args if a.keyword is None]
        keywords = [a for a in updated.args if a.keyword is not None]
        moved = [
            keyword_arg(FILE_HANDLER_TAIL[index], arg.value)
            for index, arg in enumerate(positional)
            if index in FILE_HANDLER_TAIL
        ]
        args = [*positional[:2], *_limit_args(), *moved, *keywords]
        return rebuild_args(updated.with_changes(func=func), args)

    edit.change(node, change)
    edit.note = (
        f"`FileHandler` became `{ROTATING}` with maxBytes={MAX_BYTES} and "
        f"backupCount={BACKUP_COUNT}; it always appends, and old files are deleted"
    )
    return edit


def _fix_limits(analysis: Analysis, call: ast.Call, handler: str) -> Edit:
    node = analysis.cst_for(call, cst.Call)
    limits = LIMITS[handler]
    changed: list[str] = []
    for keyword, position, value in limits:
        given = next((k.value for k in call.keywords if k.arg == keyword), None)
        if given is None and len(call.args) > position:
            given = call.args[position]
        if given is None or _is_zero(given):
            changed.append(f"{keyword}={value}")
    if not changed:
        raise CannotFix("the handler's limits are not literal zeros")

    def change(updated: cst.Call) -> cst.Call:
        args = list(updated.args)
        for keyword, position, value in limits:
            for index, arg in enumerate(args):
                is_it = (arg.keyword is not None and arg.keyword.value == keyword) or (
                    arg.keyword is None and index == position
                )
                if is_it:
                    if (
                        isinstance(arg.value, cst.Integer)
                        and arg.value.evaluated_value == 0
                    ):
                        args[index] = arg.with_changes(value=cst.Integer(value))
                    break
            else:
                args.append(keyword_arg(keyword, cst.Integer(value)))
        return rebuild_args(updated, args)

    note = f"`{handler}` now rotates: " + ", ".join(changed)
    return Edit(UNSAFE, note).change(node, change)


def _fix_basic_config(analysis: Analysis, call: ast.Call) -> Edit:
    given = {k.arg for k in call.keywords}
    if given & {"handlers", "stream"}:
        raise CannotFix("`basicConfig` also gets `handlers` or `stream`")
    edit = Edit(UNSAFE, "")
    reference = _rotating_reference(analysis, call, edit)
    node = analysis.cst_for(call, cst.Call)

    def change(updated: cst.Call) -> cst.Call:
        file_args = {
            a.keyword.value: a.value
            for a in updated.args
            if a.keyword is not None and a.keyword.value in BASIC_CONFIG_FILE
        }
        handler_args = [cst.Arg(file_args["filename"])]
        for key in ("filemode", "encoding", "errors"):
            if key in file_args:
                target = BASIC_CONFIG_FILE[key]
                assert target is not None
                handler_args.append(keyword_arg(target, file_args[key]))
        handler_args[1:1] = _limit_args()
        handler = cst.Call(func=cst.parse_expression(reference), args=handler_args)
        handler = rebuild_args(handler, handler_args)
        handlers = keyword_arg("handlers", cst.List([cst.Element(handler)]))
        args: list[cst.Arg] = []
        for arg in updated.args:
            given = arg.keyword.value if arg.keyword is not None else None
            if given == "filename":
                args.append(handlers)
            elif given not in BASIC_CONFIG_FILE:
                args.append(arg)
        return rebuild_args(updated, args)

    edit.change(node, change)
    edit.note = (
        f"`basicConfig(filename=...)` now gets a `{ROTATING}` "
        f"(maxBytes={MAX_BYTES}, backupCount={BACKUP_COUNT}); it always appends"
    )
    return edit


def _fix_config_mapping(analysis: Analysis, class_value: ast.Constant) -> Edit:
    value_node = analysis.cst_for(class_value, cst.SimpleString)
    element = analysis.cst_parent(value_node)
    mapping = analysis.cst_parent(element) if element is not None else None
    if not isinstance(element, cst.DictElement) or not isinstance(mapping, cst.Dict):
        raise CannotFix("the handler's class is not in a dict literal")
    handler_class = str(class_value.value)
    new_class = handler_class
    if handler_class == "logging.FileHandler":
        new_class = f"logging.handlers.{ROTATING}"
    short = new_class.rsplit(".", 1)[-1]
    if short not in LIMITS:
        raise CannotFix(f"`{handler_class}` is not a handler the fix knows")
    parts = split_literal(value_node.value)
    quote = parts[1] if parts is not None else '"'

    def change(updated: cst.Dict) -> cst.Dict:
        elements = list(updated.elements)
        keys = {
            _key(e): index for index, e in enumerate(elements) if _key(e) is not None
        }
        class_index = keys.get("class")
        if class_index is None:
            return updated
        class_element = elements[class_index]
        assert isinstance(class_element, cst.DictElement)
        elements[class_index] = class_element.with_changes(
            value=cst.SimpleString(quote + new_class + quote)
        )
        added = []
        for keyword, _, value in LIMITS[short]:
            index = keys.get(keyword)
            if index is None:
                added.append(
                    cst.DictElement(
                        key=cst.SimpleString(quote + keyword + quote),
                        value=cst.Integer(value),
                    )
                )
                continue
            old = elements[index]
            if (
                isinstance(old, cst.DictElement)
                and isinstance(old.value, cst.Integer)
                and old.value.evaluated_value == 0
            ):
                elements[index] = old.with_changes(value=cst.Integer(value))
        return updated.with_changes(
            elements=_insert_elements(elements, class_index, added)
        )

    note = f"handler class `{new_class}` with limits " + ", ".join(
        f"{keyword}={value}" for keyword, _, value in LIMITS[short]
    )
    return Edit(UNSAFE, note).change(mapping, change)


def _key(element: cst.BaseDictElement) -> str | None:
    if isinstance(element, cst.DictElement) and isinstance(
        element.key, cst.SimpleString
    ):
        evaluated = element.key.evaluated_value
        return evaluated if isinstance(evaluated, str) else None
    return None


def _insert_elements(
    elements: list[cst.BaseDictElement],
    after: int,
    added: list[cst.DictElement],
) -> list[cst.BaseDictElement]:
    if not added:
        return elements
    anchor = elements[after]
    comma = anchor.comma
    separator = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
    for element in elements:
        if isinstance(element.comma, cst.Comma):
            space = element.comma.whitespace_after
            if isinstance(space, cst.ParenthesizedWhitespace):
                separator = cst.Comma(
                    whitespace_after=space.with_changes(
                        first_line=cst.TrailingWhitespace(), empty_lines=[]
                    )
                )
            break
    new: list[cst.BaseDictElement] = [anchor.with_changes(comma=separator)]
    for index, element in enumerate(added):
        last = index == len(added) - 1
        new.append(element.with_changes(comma=comma if last else separator))
    return [*elements[:after], *new, *elements[after + 1 :]]
