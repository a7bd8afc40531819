"""Suggested rewrites: what each rule's explanation recommends, at one place.

The report shows these as the Recommended Solution of rules that have no
automatic fix; ``logerr fix`` never applies them, because each needs a
person's decision (a message, a level, an exception class). Every one
produces code that compiles, with a short comment where the change needs
the reader's attention.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable

import libcst as cst

from flake8_logerr.checks.logging_calls import LOGRECORD_ATTRIBUTES, PLACEHOLDER_RE
from flake8_logerr.core import Finding
from flake8_logerr.fixes.calls import remove_keyword, rename_method
from flake8_logerr.fixes.engine import SUGGESTION, Analysis, CannotFix, Edit
from flake8_logerr.fixes.handlers import enclosing_handler, handler_at
from flake8_logerr.fixes.literals import (
    Shape,
    escape_percent,
    literal_value,
    split_literal,
    write_literal,
)
from flake8_logerr.fixes.messages import (
    Field,
    Item,
    Message,
    Text,
    lazy_message,
    read_string,
    render,
    string_pieces,
)
from flake8_logerr.fixes.module import (
    ModuleFacts,
    ensure_import,
    ensure_module_logger,
    facts,
    insert_statement,
    logger_changes,
)
from flake8_logerr.fixes.setup import keyword_arg, rebuild_args
from flake8_logerr.loggers import LOGGER_NAME_RE, LogCall
from flake8_logerr.scope import is_main_guard

Suggester = Callable[[Analysis, Finding], Edit]

REDACTED = '"[redacted]"'
GENERIC_ERROR = '"internal error"'

# Why ``logerr fix`` leaves a finding of these rules alone.
NO_AUTOMATIC_FIX = {
    "LOG000": "logerr could not check this file",
    "LOG001": "no automatic fix: `getLogger()` returns a shared logger instead",
    "LOG003": "no automatic fix: choose another name for the `extra` key",
    "LOG004": "no automatic fix: use `.error()` or move the call into the handler",
    "LOG010": "no automatic fix: write a message that says what failed",
    "LOG012": "no automatic fix: the placeholders or the arguments must change",
    "LOG013": "no automatic fix: the keys of message and mapping must match",
    "LOG014": "no automatic fix: decide whether a traceback belongs here",
    "LOG017": "no automatic fix: log the error, re-raise it or catch less",
    "LOG018": "no automatic fix: handle, log or explain the ignored exception",
    "LOG019": "no automatic fix: redact the value or leave it out",
    "LOG021": "no automatic fix: write a constant message and keep the traceback",
    "LOG023": "no automatic fix: define and raise a specific exception class",
    "LOG024": "no automatic fix: send a generic message and log the details",
    "LOG025": "no automatic fix: choose the logger and level for this output",
    "LOG027": "no automatic fix: move the set-up into `main()` or a `__main__` guard",
}


# -- shared helpers ------------------------------------------------------------


def _function_of(
    analysis: Analysis, node: ast.AST
) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    for parent in analysis.ast_ancestors(node):
        if isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return parent
    return None


def _failure_text(analysis: Analysis, node: ast.AST) -> str:
    """A constant message naming where the failure happened."""
    function = _function_of(analysis, node)
    if function is None:
        return "module set-up failed"
    return f"{function.name}() failed"


def _logger_name(analysis: Analysis, edit: Edit) -> str:
    """The module's logger for a new call, defining one when needed."""
    known = facts(analysis)
    plan = known.logger_plan
    if plan.definition is not None:
        # A logger imported from elsewhere is still the module's logger.
        for node in known.top_level:
            if isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    local = alias.asname or alias.name
                    if LOGGER_NAME_RE.search(local):
                        return local
    for key, change in logger_changes(plan):
        edit.module(key, change)
    return plan.name


Statement = cst.SimpleStatementLine | cst.BaseCompoundStatement


def _statement_of(analysis: Analysis, node: cst.CSTNode) -> Statement:
    found: cst.CSTNode | None = node
    while found is not None and not isinstance(
        found, (cst.SimpleStatementLine, cst.BaseCompoundStatement)
    ):
        found = analysis.cst_parent(found)
    if found is None:
        raise CannotFix("could not find the statement around the code")
    return found


def _comment_line(text: str) -> cst.EmptyLine:
    return cst.EmptyLine(comment=cst.Comment("# " + text))


def _comment_above(
    analysis: Analysis, node: cst.CSTNode, text: str, edit: Edit
) -> None:
    statement = _statement_of(analysis, node)

    def change(updated: Statement) -> Statement:
        return updated.with_changes(
            leading_lines=[*updated.leading_lines, _comment_line(text)]
        )

    edit.change(statement, change)


def _statement(code: str, comment: str | None = None) -> cst.SimpleStatementLine:
    statement = cst.parse_statement(code)
    assert isinstance(statement, cst.SimpleStatementLine)
    if comment is not None:
        statement = statement.with_changes(leading_lines=[_comment_line(comment)])
    return statement


def _prepend_to_block(
    body: cst.BaseSuite, statements: list[cst.SimpleStatementLine], drop_pass: bool
) -> cst.BaseSuite:
    """``body`` with ``statements`` first; a lone ``pass`` goes when asked."""
    if isinstance(body, cst.SimpleStatementSuite):
        rest: list[cst.BaseStatement] = [cst.SimpleStatementLine(body=body.body)]
        body = cst.IndentedBlock(body=rest)
    assert isinstance(body, cst.IndentedBlock)
    old = list(body.body)
    only = old[0] if len(old) == 1 else None
    if drop_pass and isinstance(only, cst.SimpleStatementLine) and _is_pass(only):
        first = statements[0]
        statements[0] = first.with_changes(
            leading_lines=[*only.leading_lines, *first.leading_lines]
        )
        old = []
    return body.with_changes(body=[*statements, *old])


def _is_pass(node: cst.BaseStatement) -> bool:
    return isinstance(node, cst.SimpleStatementLine) and all(
        isinstance(s, cst.Pass) for s in node.body
    )


def _caught_names(analysis: Analysis, node: ast.AST) -> set[str]:
    names = set()
    for parent in analysis.ast_ancestors(node):
        if isinstance(parent, ast.ExceptHandler) and parent.name:
            names.add(parent.name)
        if isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            break
    return names


# -- LOG001, LOG004, LOG014: one call changes --------------------------------


# LOG001
def suggest_log001(analysis: Analysis, finding: Finding) -> Edit:
    call = analysis.ast_at(finding, ast.Call)
    node = analysis.cst_for(call, cst.Call)
    if not isinstance(node.func, cst.Attribute) or not call.args:
        raise CannotFix("the logger is built in a form the rewrite does not know")
    first = node.args[0]

    def change(updated: cst.Call) -> cst.Call:
        updated = rename_method(updated, "getLogger")
        return updated.with_changes(
            args=[first.with_changes(comma=cst.MaybeSentinel.DEFAULT)]
        )

    note = "`Logger(...)` became `getLogger(...)`, which joins the logger hierarchy"
    return Edit(SUGGESTION, note).change(node, change)


# LOG004
def suggest_log004(analysis: Analysis, finding: Finding) -> Edit:
    call = analysis.log_call_at(finding)
    node = analysis.cst_for(call.node, cst.Call)
    if not isinstance(node.func, cst.Attribute):
        raise CannotFix("the logging method is called by a bare imported name")

    def change(updated: cst.Call) -> cst.Call:
        return rename_method(updated, "error")

    note = "`.exception()` became `.error()`: there is no exception to attach here"
    return Edit(SUGGESTION, note).change(node, change)


# LOG014
def suggest_log014(analysis: Analysis, finding: Finding) -> Edit:
    keyword = analysis.ast_at(finding, ast.keyword)
    arg = analysis.cst_for(keyword, cst.Arg)
    node = analysis.cst_ancestor(arg, cst.Call)

    def change(updated: cst.Call) -> cst.Call:
        return remove_keyword(updated, "exc_info")

    note = "dropped `exc_info=True`: outside a handler there is no traceback"
    return Edit(SUGGESTION, note).change(node, change)


# LOG003
def suggest_log003(analysis: Analysis, finding: Finding) -> Edit:
    found = analysis.ast_at(finding, ast.Constant, ast.keyword)
    if isinstance(found, ast.keyword):
        old = found.arg or ""
        value = found.value
    else:
        old = str(found.value)
        parent = analysis.ast_parents.get(found)
        if not isinstance(parent, ast.Dict):
            raise CannotFix("the clashing key is not in a dict literal")
        value = parent.values[parent.keys.index(found)]
    new = _new_key(old, value)
    edit = Edit(SUGGESTION, f"renamed the `extra` key {old!r} to {new!r}")
    if isinstance(found, ast.keyword):
        node = analysis.cst_for(found, cst.Arg)
        return edit.change(
            node, lambda updated: updated.with_changes(keyword=cst.Name(new))
        )
    key_node = analysis.cst_exact(found, cst.SimpleString)
    parts = split_literal(key_node.value)
    quote = parts[1] if parts is not None else '"'
    return edit.change(
        key_node, lambda updated: updated.with_changes(value=quote + new + quote)
    )


def _new_key(old: str, value: ast.expr) -> str:
    """A key that names the value and clashes with nothing."""
    if isinstance(value, ast.Name):
        named: str | None = value.id
    elif isinstance(value, ast.Attribute):
        named = value.attr
    else:
        named = None
    if named and named not in LOGRECORD_ATTRIBUTES and named.isidentifier():
        return named
    return f"{old}_value"


# LOG010
def suggest_log010(analysis: Analysis, finding: Finding) -> Edit:
    name = analysis.ast_at(finding, ast.Name)
    node = analysis.cst_exact(name, cst.Name)
    text = _failure_text(analysis, name)
    message = cst.SimpleString(write_literal(text, Shape("", '"')))
    edit = Edit(SUGGESTION, "the caught exception is no longer the message")
    edit.change(node, lambda updated: message)

    _unbind_if_unused(analysis, enclosing_handler(analysis, name), [name], edit)
    return edit


def _unbind_if_unused(
    analysis: Analysis,
    handler: ast.ExceptHandler,
    removed: list[ast.AST],
    edit: Edit,
) -> None:
    """Drop ``as name`` when only ``removed`` code used it."""
    if handler.name is None:
        return
    gone = {id(node) for root in removed for node in ast.walk(root)}
    for statement in handler.body:
        for node in ast.walk(statement):
            if (
                isinstance(node, ast.Name)
                and node.id == handler.name
                and id(node) not in gone
            ):
                return
    # ``as exc`` would be unused: the traceback carries the exception.
    cst_handler = handler_at(analysis, handler)
    edit.change(cst_handler, lambda updated: updated.with_changes(name=None))


# -- LOG012, LOG013: placeholders --------------------------------------------


# LOG012
def suggest_log012(analysis: Analysis, finding: Finding) -> Edit:
    call = analysis.log_call_with_msg_at(finding)
    assert call.msg is not None
    node = analysis.cst_expression(call.msg)
    found = string_pieces(node)
    if found is None or any(isinstance(p, cst.FormattedString) for p in found[0]):
        raise CannotFix("the message is not a plain string literal")
    pieces = [p for p in found[0] if isinstance(p, cst.SimpleString)]
    text = "".join(literal_value(p.value) or "" for p in pieces)
    wanted = len([m for m in PLACEHOLDER_RE.finditer(text) if m["type"] != "%"])
    given = len(call.args)
    if wanted > given:
        raise CannotFix("the missing arguments cannot be guessed")
    if wanted == 0 and text.count("{}") == given:
        return _braces_to_percent(pieces)
    return _append_placeholders(pieces[-1], given - wanted)


def _braces_to_percent(pieces: list[cst.SimpleString]) -> Edit:
    edit = Edit(SUGGESTION, "`{}` placeholders became `%s`, as logging expects")
    for piece in pieces:
        parts = split_literal(piece.value)
        assert parts is not None
        prefix, quote, body = parts
        new = prefix + quote + escape_percent(body).replace("{}", "%s") + quote
        edit.change(piece, _set_value(new))
    return edit


def _set_value(value: str) -> Callable[[cst.SimpleString], cst.SimpleString]:
    def change(updated: cst.SimpleString) -> cst.SimpleString:
        return updated.with_changes(value=value)

    return change


def _append_placeholders(last: cst.SimpleString, count: int) -> Edit:
    plural = "" if count == 1 else "s"
    edit = Edit(SUGGESTION, f"added {count} `%s` placeholder{plural} for the arguments")
    parts = split_literal(last.value)
    assert parts is not None
    prefix, quote, body = parts
    new = prefix + quote + body + " %s" * count + quote
    return edit.change(last, _set_value(new))


# LOG013
def suggest_log013(analysis: Analysis, finding: Finding) -> Edit:
    mapping = analysis.ast_at(finding, ast.Dict, ast.expr)
    if not isinstance(mapping, ast.Dict):
        raise CannotFix("the missing values cannot be guessed")
    call_node = analysis.ast_parents.get(mapping)
    if not isinstance(call_node, ast.Call):
        raise CannotFix("the mapping is not an argument of the call")
    call = analysis.log_call_of(call_node)
    if call is None or call.msg is None:
        raise CannotFix("could not find the logging call in the file")
    text = _literal_text(call.msg)
    if text is None:
        raise CannotFix("the message is not a string literal")
    used = {m["key"] for m in PLACEHOLDER_RE.finditer(text) if m["key"]}
    node = analysis.cst_exact(mapping, cst.Dict)
    unused = [
        k.value
        for k in mapping.keys
        if isinstance(k, ast.Constant) and k.value not in used
    ]

    def change(updated: cst.Dict) -> cst.Dict:
        kept = [
            e
            for e in updated.elements
            if not (
                isinstance(e, cst.DictElement)
                and isinstance(e.key, cst.SimpleString)
                and e.key.evaluated_value in unused
            )
        ]
        if kept and len(kept) < len(updated.elements):
            kept[-1] = kept[-1].with_changes(comma=updated.elements[-1].comma)
        return updated.with_changes(elements=kept)

    names = ", ".join(repr(k) for k in unused)
    return Edit(SUGGESTION, f"dropped the unused key(s) {names}").change(node, change)


def _literal_text(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


# -- LOG017, LOG018: handlers that hide the error ------------------------------


def _log_in_handler(analysis: Analysis, finding: Finding, why: str) -> Edit:
    handler = analysis.ast_at(finding, ast.ExceptHandler)
    node = handler_at(analysis, handler)
    edit = Edit(SUGGESTION, why)
    name = _logger_name(analysis, edit)
    text = write_literal(_failure_text(analysis, handler), Shape("", '"'))
    log = _statement(
        f"{name}.exception({text})",
        "logged, so the failure can be found; say here why it is safe to go on",
    )

    def change(updated: cst.ExceptHandler) -> cst.ExceptHandler:
        return updated.with_changes(
            body=_prepend_to_block(updated.body, [log], drop_pass=True)
        )

    return edit.change(node, change)


# LOG017
def suggest_log017(analysis: Analysis, finding: Finding) -> Edit:
    return _log_in_handler(
        analysis, finding, "the handler logs the error with its traceback"
    )


# LOG018
def suggest_log018(analysis: Analysis, finding: Finding) -> Edit:
    return _log_in_handler(
        analysis, finding, "the swallowed exception is logged with its traceback"
    )


# -- LOG019: secrets ---------------------------------------------------------------


def _logged_value(analysis: Analysis, node: ast.AST) -> ast.AST:
    """The whole value that carries the secret into the log call."""
    while True:
        parent = analysis.ast_parents.get(node)
        if parent is None or isinstance(parent, ast.stmt):
            return node
        if isinstance(parent, ast.keyword):
            return parent.value
        if isinstance(parent, ast.Dict):
            if node in parent.keys:
                return parent.values[parent.keys.index(node)]
            return node
        if isinstance(parent, ast.FormattedValue):
            return parent
        if isinstance(
            parent, (ast.Call, ast.Tuple, ast.List, ast.BinOp, ast.JoinedStr)
        ):
            return node
        node = parent


# LOG019
def suggest_log019(analysis: Analysis, finding: Finding) -> Edit:
    found = analysis.ast_at(finding, ast.expr, ast.keyword)
    if isinstance(found, ast.keyword):
        value: ast.AST = found.value
    else:
        value = _logged_value(analysis, found)
    edit = Edit(SUGGESTION, "the secret is replaced by a placeholder")
    if isinstance(value, ast.FormattedValue):
        inner = analysis.cst_expression(value.value)
        part = analysis.cst_parent(inner)
        if not isinstance(part, cst.FormattedStringExpression):
            raise CannotFix("could not find the f-string field")
        fstring = analysis.cst_parent(part)
        assert isinstance(fstring, cst.FormattedString)

        def redact_field(
            updated: cst.FormattedString,
        ) -> cst.FormattedString | cst.SimpleString:
            parts = [
                cst.FormattedStringText("[redacted]") if p.deep_equals(part) else p
                for p in updated.parts
            ]
            redacted = updated.with_changes(parts=parts)
            if any(isinstance(p, cst.FormattedStringExpression) for p in parts):
                return redacted
            # No field left: a plain string, which LOG011 has nothing against.
            plain, _ = render(read_string(redacted), escape=False)
            assert isinstance(plain, cst.SimpleString)
            return plain

        edit.change(fstring, redact_field)
        target: cst.CSTNode = fstring
    else:
        target = analysis.cst_expression(value)
        replacement = cst.SimpleString(REDACTED)
        edit.change(target, lambda updated: replacement)
    _comment_above(
        analysis, target, "never log secrets: log a masked value or none", edit
    )
    return edit


# -- LOG020: a logger of the module's own ------------------------------------------


# LOG020
def suggest_log020(analysis: Analysis, finding: Finding) -> Edit:
    call = analysis.log_call_at(finding)
    receiver = call.receiver
    if not isinstance(receiver, ast.Name):
        raise CannotFix("the module logs through an attribute, not a name")
    name = receiver.id
    known = facts(analysis)
    edit = Edit(SUGGESTION, "")
    factory = _get_logger_call(known)
    for node in known.top_level:
        if isinstance(node, ast.ImportFrom) and any(
            (a.asname or a.name) == name for a in node.names
        ):
            return _own_logger_instead_of_import(analysis, node, name, factory, edit)
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == name for t in node.targets)
            and isinstance(node.value, ast.Call)
            and node.value.args
        ):
            argument = analysis.cst_expression(node.value.args[0])
            edit.change(argument, lambda updated: cst.Name("__name__"))
            edit.note = f"`{name}` is now named after the module: `getLogger(__name__)`"
            return edit
    if factory.startswith("logging.") and known.logging_module_name() is None:
        edit.module("import logging", ensure_import("import logging"))
    edit.module("module logger", ensure_module_logger(name, f"{name} = {factory}"))
    edit.note = f"the module defines its own logger `{name} = {factory}`"
    return edit


def _get_logger_call(known: ModuleFacts) -> str:
    logging_name = known.logging_module_name()
    if logging_name is not None:
        return f"{logging_name}.getLogger(__name__)"
    get_logger = known.imported_from("logging", "getLogger")
    if get_logger is not None:
        return f"{get_logger}(__name__)"
    return "logging.getLogger(__name__)"


def _own_logger_instead_of_import(
    analysis: Analysis, node: ast.ImportFrom, name: str, factory: str, edit: Edit
) -> Edit:
    statement = analysis.cst_for(node, cst.ImportFrom)
    definition = f"{name} = {factory}"

    def drop(updated: cst.ImportFrom) -> cst.ImportFrom | cst.RemovalSentinel:
        assert not isinstance(updated.names, cst.ImportStar)
        kept = [
            a for a in updated.names if (a.evaluated_alias or a.evaluated_name) != name
        ]
        if not kept:
            return cst.RemovalSentinel.REMOVE
        kept[-1] = kept[-1].with_changes(comma=updated.names[-1].comma)
        return updated.with_changes(names=kept)

    edit.change(statement, drop)
    if factory.startswith("logging.") and facts(analysis).logging_module_name() is None:
        edit.module("import logging", ensure_import("import logging"))
    edit.module("module logger", ensure_module_logger(name, definition))
    edit.note = f"the imported `{name}` became the module's own `{definition}`"
    return edit


# -- LOG021: the exception text in the message -----------------------------------


def _is_exception_text(node: ast.expr, names: set[str]) -> bool:
    """``e``, ``str(e)``, ``repr(e)``, ``e.args``, ``f"{e}"``."""
    if isinstance(node, ast.Name):
        return node.id in names
    if isinstance(node, ast.Attribute):
        return node.attr == "args" and _is_exception_text(node.value, names)
    if isinstance(node, ast.Call):
        return (
            isinstance(node.func, ast.Name)
            and node.func.id in ("str", "repr", "format")
            and len(node.args) >= 1
            and _is_exception_text(node.args[0], names)
        )
    if isinstance(node, ast.JoinedStr):
        return any(
            isinstance(v, ast.FormattedValue) and _is_exception_text(v.value, names)
            for v in node.values
        )
    return False


def _is_only_exception_text(node: ast.expr, names: set[str]) -> bool:
    """A message that is the exception's text and nothing else."""
    if isinstance(node, ast.JoinedStr):
        return (
            len(node.values) == 1
            and isinstance(node.values[0], ast.FormattedValue)
            and _is_exception_text(node.values[0].value, names)
        )
    return _is_exception_text(node, names)


# A placeholder with the separator before it: "failed: %s", "(%s)", "'%s'".
_SEPARATED_RE = r"\s*[:=\-\u2013\u2014]?\s*[\"'(\[]?{}[\"')\]]?"


# LOG021
def suggest_log021(analysis: Analysis, finding: Finding) -> Edit:
    call = analysis.log_call_at(finding)
    names = _caught_names(analysis, call.node)
    node = analysis.cst_for(call.node, cst.Call)
    index = 1 if call.method == "log" else 0
    if call.msg is None or call.msg_is_keyword or index >= len(node.args):
        raise CannotFix("could not find the message among the arguments")
    fallback = _failure_text(analysis, call.node)

    msg_node = node.args[index].value
    kept: list[cst.BaseExpression] = []
    removed: list[ast.AST] = [call.msg, *call.args]
    if _is_only_exception_text(call.msg, names):
        text = fallback
    else:
        text, kept = _message_without(analysis, call, msg_node, names)
        if not text.strip(" :-"):
            text = fallback
    message = cst.SimpleString(write_literal(text, Shape("", '"')))
    has_traceback = call.method == "exception" or call.keyword("exc_info") is not None
    method = "exception" if call.method == "error" else call.method

    def change(updated: cst.Call) -> cst.Call:
        args = list(updated.args)
        head = args[:index]
        rest = [a for a in args[index + 1 :] if a.keyword is not None]
        message_arg = args[index].with_changes(value=message)
        values = [cst.Arg(v) for v in kept]
        new_args = [*head, message_arg, *values, *rest]
        if not has_traceback and method != "exception":
            new_args.append(keyword_arg("exc_info", cst.Name("True")))
        if method != call.method:
            updated = rename_method(updated, method)
        return rebuild_args(updated, new_args)

    note = "constant message; the traceback carries the exception's text"
    edit = Edit(SUGGESTION, note).change(node, change)
    kept_ast = [a for a in call.args if not _is_exception_text(a, names)]
    if isinstance(call.msg, ast.JoinedStr):
        kept_ast += [
            v.value
            for v in call.msg.values
            if isinstance(v, ast.FormattedValue)
            and not _is_exception_text(v.value, names)
        ]
    if not any(_uses_names(a, names) for a in kept_ast):
        _unbind_if_unused(
            analysis, enclosing_handler(analysis, call.node), removed, edit
        )
    return edit


def _uses_names(node: ast.AST, names: set[str]) -> bool:
    return any(isinstance(n, ast.Name) and n.id in names for n in ast.walk(node))


def _message_without(
    analysis: Analysis, call: LogCall, msg_node: cst.BaseExpression, names: set[str]
) -> tuple[str, list[cst.BaseExpression]]:
    """The message text without the exception's placeholders, and the values kept."""
    assert call.msg is not None
    if isinstance(call.msg, ast.Constant) and isinstance(call.msg.value, str):
        template = call.msg.value
        values = list(zip(call.args, _cst_args(analysis, call)))
    else:
        if call.args:
            raise CannotFix("the message mixes fields and `%` placeholders")
        new_msg, lazy_args, _ = lazy_message(analysis, call.msg, msg_node)
        found = string_pieces(new_msg)
        if found is None:
            raise CannotFix("the message cannot be read")
        template = "".join(
            literal_value(p.value) or ""
            for p in found[0]
            if isinstance(p, cst.SimpleString)
        )
        ast_values = _ast_values(call.msg)
        if len(ast_values) != len(lazy_args):
            raise CannotFix("the message cannot be read")
        values = list(zip(ast_values, [a.value for a in lazy_args]))

    placeholders = [m for m in PLACEHOLDER_RE.finditer(template) if m["type"] != "%"]
    if len(placeholders) != len(values) or any(m["key"] for m in placeholders):
        raise CannotFix("the placeholders and values do not match")
    out = ""
    kept: list[cst.BaseExpression] = []
    position = 0
    for match, (value, expr) in zip(placeholders, values):
        text = template[position : match.start()]
        if _is_exception_text(value, names):
            trimmed = re.sub(r"\s*[:=\-\u2013\u2014]?\s*[\"'(\[]?$", "", text)
            out += trimmed
            position = match.end()
            if position < len(template) and template[position] in "\"')]":
                position += 1
        else:
            out += text + match.group()
            kept.append(expr)
            position = match.end()
    out += template[position:]
    return out, kept


def _cst_args(analysis: Analysis, call: LogCall) -> list[cst.BaseExpression]:
    return [analysis.cst_expression(a) for a in call.args]


def _ast_values(msg: ast.expr) -> list[ast.expr]:
    """The values an eager message formats, in order."""
    if isinstance(msg, ast.JoinedStr):
        return [v.value for v in msg.values if isinstance(v, ast.FormattedValue)]
    if isinstance(msg, ast.BinOp) and isinstance(msg.op, ast.Mod):
        if isinstance(msg.right, ast.Tuple):
            return list(msg.right.elts)
        return [msg.right]
    if isinstance(msg, ast.BinOp):
        terms: list[ast.expr] = []
        node: ast.expr = msg
        while isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            terms.insert(0, node.right)
            node = node.left
        terms.insert(0, node)
        values: list[ast.expr] = []
        for term in terms:
            if isinstance(term, ast.JoinedStr):
                values.extend(_ast_values(term))
            elif not (isinstance(term, ast.Constant) and isinstance(term.value, str)):
                values.append(term)
        return values
    if isinstance(msg, ast.Call):
        return list(msg.args)
    return []


# -- LOG023: a domain exception class -----------------------------------------------


def _camel(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in name.strip("_").split("_"))


# LOG023
def suggest_log023(analysis: Analysis, finding: Finding) -> Edit:
    raise_node = analysis.ast_at(finding, ast.Raise)
    assert raise_node.exc is not None
    target = (
        raise_node.exc.func if isinstance(raise_node.exc, ast.Call) else raise_node.exc
    )
    function = _function_of(analysis, raise_node)
    stem = function.name if function is not None else _module_stem(analysis.filename)
    known = facts(analysis)
    class_name = _camel(stem) + "Error" if stem else "OperationError"
    if not class_name.isidentifier():
        class_name = "OperationError"
    if class_name in known.names:
        class_name = known.free_name((class_name,))

    top = _top_statement(analysis, raise_node)
    index = analysis.tree.body.index(top)
    where = f"{stem}()" if function is not None else "this module"
    code = (
        f"class {class_name}(Exception):\n"
        f'    """Raised when {where} cannot do its job."""\n'
    )
    edit = Edit(SUGGESTION, f"raises a new `{class_name}` instead of `Exception`")
    name_node = analysis.cst_expression(target)
    edit.change(name_node, lambda updated: cst.Name(class_name))

    def add_class(module: cst.Module) -> cst.Module:
        new = insert_statement(module, index, code)
        body = list(new.body)
        following = body[index + 1]
        body[index + 1] = following.with_changes(
            leading_lines=[cst.EmptyLine(), cst.EmptyLine()]
        )
        if index > 0 and not body[index].leading_lines:
            body[index] = body[index].with_changes(
                leading_lines=[cst.EmptyLine(), cst.EmptyLine()]
            )
        return new.with_changes(body=body)

    edit.module(f"class {class_name}", add_class)
    return edit


def _module_stem(filename: str) -> str:
    stem = re.split(r"[\\/]", filename)[-1].removesuffix(".py")
    return "" if stem in ("__init__", "<string>") else stem


def _top_statement(analysis: Analysis, node: ast.AST) -> ast.stmt:
    found: ast.AST = node
    for parent in analysis.ast_ancestors(node):
        if isinstance(parent, ast.Module):
            break
        found = parent
    assert isinstance(found, ast.stmt)
    return found


# -- LOG024: details sent to the user -------------------------------------------


# LOG024
def suggest_log024(analysis: Analysis, finding: Finding) -> Edit:
    exposed = analysis.ast_at(finding, ast.expr)
    node = analysis.cst_expression(exposed)
    edit = Edit(
        SUGGESTION, "the user gets a generic message; the details go to the log"
    )
    edit.change(node, lambda updated: cst.SimpleString(GENERIC_ERROR))

    handler = enclosing_handler(analysis, exposed)
    _unbind_if_unused(analysis, handler, [exposed], edit)
    logs = any(
        isinstance(n, ast.Call)
        and (call := analysis.log_call_of(n)) is not None
        and (call.level or 0) >= 40
        for statement in handler.body
        for n in ast.walk(statement)
    )
    if logs:
        return edit
    name = _logger_name(analysis, edit)
    text = write_literal(_failure_text(analysis, exposed), Shape("", '"'))
    statement = _statement_of(analysis, node)
    if not isinstance(statement, cst.SimpleStatementLine):
        raise CannotFix("the response is built inside a compound statement")
    parent = analysis.cst_parent(statement)
    if not isinstance(parent, cst.IndentedBlock):
        raise CannotFix("the response is on the same line as its `except`")
    log = _statement(f"{name}.exception({text})")

    def add_log(
        updated: cst.SimpleStatementLine,
    ) -> cst.FlattenSentinel[cst.BaseStatement]:
        first = log.with_changes(leading_lines=updated.leading_lines)
        return cst.FlattenSentinel([first, updated.with_changes(leading_lines=[])])

    return edit.change(statement, add_log)


# -- LOG025: print and friends --------------------------------------------------


_STREAMS_AT_WARNING = ("sys.stderr", "stderr")


# LOG025
def suggest_log025(analysis: Analysis, finding: Finding) -> Edit:
    call = analysis.ast_at(finding, ast.Call)
    node = analysis.cst_for(call, cst.Call)
    dotted = ast.unparse(call.func)
    last = dotted.rsplit(".", 1)[-1]
    edit = Edit(SUGGESTION, "")
    name = _logger_name(analysis, edit)
    in_handler = bool(_caught_names(analysis, call)) or _in_handler(analysis, call)
    text = write_literal(_failure_text(analysis, call), Shape("", '"'))

    if last in ("print_exc", "print_exception"):
        if in_handler:
            code = f"{name}.exception({text})"
        elif call.args and last == "print_exception":
            value = ast.unparse(call.args[0])
            code = f"{name}.error({text}, exc_info={value})"
        else:
            code = f"{name}.error({text})"
        edit.note = f"`{dotted}()` became a logging call with the traceback"
        new_call = cst.parse_expression(code)
        return edit.change(node, lambda updated: new_call)

    if last == "pprint":
        if len(call.args) != 1:
            raise CannotFix("`pprint()` is given more than the value")
        new_call = cst.Call(
            func=cst.parse_expression(f"{name}.debug"),
            args=[
                cst.Arg(cst.SimpleString('"%r"'), comma=_comma()),
                cst.Arg(node.args[0].value),
            ],
        )
        edit.note = "`pprint()` became a debug-level logging call"
        return edit.change(node, lambda updated: new_call)

    level = "info"
    stream = next((k.value for k in call.keywords if k.arg == "file"), None)
    if last == "write" or (
        stream is not None and ast.unparse(stream) in _STREAMS_AT_WARNING
    ):
        level = "warning"
    message = _print_message(analysis, call, node, last == "write")
    new_msg, values = render(message)
    args = [cst.Arg(new_msg, comma=_comma() if values else cst.MaybeSentinel.DEFAULT)]
    for position, shown in enumerate(values):
        last_value = position == len(values) - 1
        args.append(
            cst.Arg(shown, comma=cst.MaybeSentinel.DEFAULT if last_value else _comma())
        )
    new_call = cst.Call(func=cst.parse_expression(f"{name}.{level}"), args=args)
    edit.note = f"`{dotted}()` became `{name}.{level}()`"
    return edit.change(node, lambda updated: new_call)


def _comma() -> cst.Comma:
    return cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))


def _in_handler(analysis: Analysis, node: ast.AST) -> bool:
    for parent in analysis.ast_ancestors(node):
        if isinstance(parent, ast.ExceptHandler):
            return True
        if isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            return False
    return False


def _print_message(
    analysis: Analysis, call: ast.Call, node: cst.Call, is_write: bool
) -> Message:
    """What ``print(a, b)`` or ``stream.write(a)`` shows, as a message."""
    if any(isinstance(a, ast.Starred) for a in call.args):
        raise CannotFix("the call unpacks its arguments with `*`")
    sep = " "
    for keyword in call.keywords:
        if keyword.arg == "sep":
            value = keyword.value
            if not (isinstance(value, ast.Constant) and isinstance(value.value, str)):
                raise CannotFix("`sep` is not a literal")
            sep = value.value
    items: list[Item] = []
    shape = None
    positional = [a for a in node.args if a.keyword is None]
    for position, arg in enumerate(positional):
        if position:
            items.append(Text(sep))
        if string_pieces(arg.value) is not None:
            part = read_string(arg.value)
            shape = shape or part.shapes[0]
            items.extend(part.items)
        else:
            items.append(Field(arg.value))
    if is_write and items and isinstance(items[-1], Text):
        # A log record ends its own line.
        items[-1] = Text(items[-1].value.removesuffix("\n"))
    return Message([items], [shape or Shape("", '"')])


# -- LOG027: set-up at import time ---------------------------------------------------


def _is_main_function(node: ast.stmt) -> bool:
    return (
        isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and node.name == "main"
    )


def _is_main_guard(node: ast.stmt) -> bool:
    return isinstance(node, ast.If) and is_main_guard(node)


# LOG027
def suggest_log027(analysis: Analysis, finding: Finding) -> Edit:
    call = analysis.ast_at(finding, ast.Call)
    parent = analysis.ast_parents.get(call)
    if not isinstance(parent, ast.Expr):
        raise CannotFix("the set-up call's value is used")
    statement = analysis.cst_for(parent, cst.SimpleStatementLine)
    if len(statement.body) != 1:
        raise CannotFix("the set-up shares its line with other statements")
    edit = Edit(SUGGESTION, "")
    top_level = parent in analysis.tree.body
    main = next((n for n in analysis.tree.body if _is_main_function(n)), None)
    guard = next((n for n in analysis.tree.body if _is_main_guard(n)), None)
    moved = statement.with_changes(leading_lines=[])

    if top_level and main is not None:
        target = analysis.cst_for(main, cst.FunctionDef)

        def into_main(updated: cst.FunctionDef) -> cst.FunctionDef:
            body = updated.body
            assert isinstance(body, cst.IndentedBlock)
            statements = list(body.body)
            at = 1 if statements and _cst_docstring(statements[0]) else 0
            statements.insert(at, moved)
            return updated.with_changes(body=body.with_changes(body=statements))

        edit.change(target, into_main)
        edit.change(statement, lambda updated: cst.RemovalSentinel.REMOVE)
        edit.note = "the set-up moved into `main()`, which runs it, not the import"
        return edit

    if top_level and guard is not None:
        target_if = analysis.cst_for(guard, cst.If)

        def into_guard(updated: cst.If) -> cst.If:
            body = updated.body
            assert isinstance(body, cst.IndentedBlock)
            return updated.with_changes(
                body=body.with_changes(body=[moved, *body.body])
            )

        edit.change(target_if, into_guard)
        edit.change(statement, lambda updated: cst.RemovalSentinel.REMOVE)
        edit.note = 'the set-up moved under `if __name__ == "__main__":`'
        return edit

    guarded = cst.If(
        test=cst.parse_expression('__name__ == "__main__"'),
        body=cst.IndentedBlock(body=[moved]),
        leading_lines=[
            *statement.leading_lines,
            _comment_line(
                "configure logging only when run as a program, not on import"
            ),
        ],
    )
    edit.change(statement, lambda updated: guarded)
    edit.note = 'the set-up now runs only under `if __name__ == "__main__":`'
    return edit


def _cst_docstring(node: cst.BaseStatement) -> bool:
    return (
        isinstance(node, cst.SimpleStatementLine)
        and len(node.body) == 1
        and isinstance(node.body[0], cst.Expr)
        and isinstance(node.body[0].value, (cst.SimpleString, cst.ConcatenatedString))
    )


SUGGESTIONS: dict[str, Suggester] = {
    "LOG001": suggest_log001,
    "LOG003": suggest_log003,
    "LOG004": suggest_log004,
    "LOG010": suggest_log010,
    "LOG012": suggest_log012,
    "LOG013": suggest_log013,
    "LOG014": suggest_log014,
    "LOG017": suggest_log017,
    "LOG018": suggest_log018,
    "LOG019": suggest_log019,
    "LOG020": suggest_log020,
    "LOG021": suggest_log021,
    "LOG023": suggest_log023,
    "LOG024": suggest_log024,
    "LOG025": suggest_log025,
    "LOG027": suggest_log027,
}
