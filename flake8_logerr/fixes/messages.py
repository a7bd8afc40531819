"""Log messages as text and fields, and their lazy %-style form (LOG011).

An eager message (an f-string, ``str.format()``, ``%`` or a ``+`` chain) is
read into a ``Message``: literal pieces made of ``Text`` and ``Field`` items.
``render`` turns it back into a constant %-style message plus the values to
pass as arguments. The runtime text of every piece is checked against what
the original code produced before anything is written.
"""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Sequence
from dataclasses import dataclass, field

import libcst as cst

from flake8_logerr.checks.logging_calls import PLACEHOLDER_RE, eager_format
from flake8_logerr.core import Finding
from flake8_logerr.fixes.engine import SAFE, Analysis, CannotFix, Edit
from flake8_logerr.fixes.literals import (
    Shape,
    body_value,
    escape_percent,
    literal_value,
    shape_of,
    split_literal,
    unbrace,
    write_literal,
)

# The format specification mini-language.
# https://docs.python.org/3/library/string.html#format-specification-mini-language
SPEC_RE = re.compile(
    r"""
    (?:(?P<fill>.)?(?P<align>[<>=^]))?
    (?P<sign>[-+ ])?
    (?P<z>z)?
    (?P<alt>\#)?
    (?P<zero>0)?
    (?P<width>\d+)?
    (?P<grouping>[,_])?
    (?:\.(?P<precision>\d+))?
    (?P<type>[bcdeEfFgGnosxX%])?
    """,
    re.VERBOSE | re.DOTALL,
)

_NUMBER_TYPES = frozenset("dxXoceEfFgG")
_FLOAT_TYPES = frozenset("eEfFgG")
_CONVERSION_FUNCTIONS = {"r": "repr", "s": "str", "a": "ascii"}

# ``{0.name[key]}``: a field name's first part and its accessors.
_FIELD_NAME_RE = re.compile(r"(?P<head>[^.\[]*)(?P<rest>(?:\.[^.\[]+|\[[^\]]*\])*)")
_ACCESSOR_RE = re.compile(r"\.(?P<attr>[^.\[]+)|\[(?P<key>[^\]]*)\]")


def percent_spec(spec: str, conversion: str | None) -> str | None:
    """The %-placeholder that formats exactly like ``{x!conversion:spec}``.

    None when there is no exact equivalent. Typed specs (``d``, ``.2f``)
    assume an int, float or str value, as the type letter says.
    """
    letter = conversion or "s"
    if not spec:
        return "%" + letter
    match = SPEC_RE.fullmatch(spec)
    if match is None:
        return None
    fill, align, sign, alt, zero = (
        match["fill"],
        match["align"],
        match["sign"],
        match["alt"],
        match["zero"],
    )
    width, precision, kind = match["width"] or "", match["precision"], match["type"]
    if (
        (fill not in (None, " ") or align in ("^", "="))
        or match["z"]
        or match["grouping"]
    ):
        return None
    tail = width + ("." + precision if precision is not None else "")

    if kind in (None, "s"):
        if sign or alt or zero:
            return None
        if kind is None and conversion is None:
            # Without a type letter the value's own ``__format__`` decides:
            # ``{x:10}`` aligns text left and numbers right, ``{x:.3}``
            # truncates text but rounds numbers, ``{flag:>6}`` shows 1.
            return None
        left = align == "<" or (align is None and (kind == "s" or conversion))
        return "%" + ("-" if left and width else "") + tail + letter

    if conversion is not None or kind not in _NUMBER_TYPES:
        return None
    if precision is not None and kind not in _FLOAT_TYPES:
        return None
    if alt and kind in "dc":
        return None
    if zero and align is not None:
        return None
    flags = ("-" if align == "<" and width else "") + (
        sign if sign in ("+", " ") else ""
    )
    flags += ("#" if alt else "") + ("0" if zero else "")
    return "%" + flags + tail + kind


@dataclass
class Text:
    """Literal text: its runtime value and, when known, its source."""

    value: str
    body: str | None = None
    shape: Shape | None = None


@dataclass
class Field:
    """A value formatted into the message."""

    expr: cst.BaseExpression
    conversion: str | None = None
    spec: str = ""


Item = Text | Field


@dataclass
class Message:
    """A message as one or more literal pieces of text and fields."""

    pieces: list[list[Item]]
    shapes: list[Shape]
    between: list[cst.BaseParenthesizableWhitespace] = field(default_factory=list)

    @property
    def items(self) -> list[Item]:
        return [item for piece in self.pieces for item in piece]

    @property
    def fields(self) -> list[Field]:
        return [item for item in self.items if isinstance(item, Field)]

    def gaps(self) -> list[str]:
        """The text between fields (one more entry than there are fields)."""
        return _gaps(self.items)


def _gaps(items: Sequence[Item | None]) -> list[str]:
    gaps = [""]
    for item in items:
        if isinstance(item, Text):
            gaps[-1] += item.value
        else:
            gaps.append("")
    return gaps


# -- reading messages ------------------------------------------------------


def string_pieces(
    node: cst.BaseExpression,
) -> (
    tuple[
        list[cst.SimpleString | cst.FormattedString],
        list[cst.BaseParenthesizableWhitespace],
    ]
    | None
):
    """The literals of a string expression and the whitespace between them."""
    if isinstance(node, (cst.SimpleString, cst.FormattedString)):
        return [node], []
    if isinstance(node, cst.ConcatenatedString):
        left = string_pieces(node.left)
        right = string_pieces(node.right)
        if left is None or right is None:
            return None
        return left[0] + right[0], left[1] + [node.whitespace_between] + right[1]
    return None


def _piece_shape(piece: cst.SimpleString | cst.FormattedString) -> Shape:
    if isinstance(piece, cst.FormattedString):
        start = piece.start
        prefix = start.rstrip("'\"")
        quote = start[len(prefix) :]
        if "b" in prefix.lower():
            raise CannotFix("the message is a bytes literal")
        return shape_of(prefix, quote)
    parts = split_literal(piece.value)
    if parts is None or "b" in parts[0].lower():
        raise CannotFix("the message is not a text literal")
    return shape_of(parts[0], parts[1])


def _text(body: str, shape: Shape) -> Text:
    # A raw literal holds its source as it is; evaluating a part of it alone
    # would fail on a final backslash (``rf"C:\dir\{name}"``).
    value = body if shape.raw else body_value(shape, body)
    if value is None:
        raise CannotFix("the message uses escapes that cannot be rewritten exactly")
    return Text(value, body, shape)


def read_fstring_piece(piece: cst.FormattedString, shape: Shape) -> list[Item]:
    items: list[Item] = []
    for part in piece.parts:
        if isinstance(part, cst.FormattedStringText):
            items.append(_text(unbrace(part.value, shape.raw), shape))
            continue
        assert isinstance(part, cst.FormattedStringExpression)
        spec = _static_spec(part, shape)
        conversion = part.conversion
        if part.equal is not None:
            # ``{x=}`` writes the expression's own text before the value.
            code = cst.Module([]).code_for_node(part.expression)
            label = (
                _ws(part.whitespace_before_expression)
                + code
                + _ws(part.equal.whitespace_before)
                + "="
                + _ws(part.equal.whitespace_after)
            )
            items.append(Text(label, label, shape))
            if conversion is None and not spec:
                conversion = "r"
        items.append(Field(part.expression, conversion, spec))
    return items


def _ws(node: cst.BaseParenthesizableWhitespace) -> str:
    if isinstance(node, cst.SimpleWhitespace):
        return node.value
    raise CannotFix("a `=` field spans lines")


def _static_spec(part: cst.FormattedStringExpression, shape: Shape) -> str:
    if not part.format_spec:
        return ""
    body = ""
    for spec_part in part.format_spec:
        if not isinstance(spec_part, cst.FormattedStringText):
            raise CannotFix("a format spec holds a nested `{}` field")
        body += spec_part.value
    value = body_value(
        shape.plain if not shape.raw else shape, unbrace(body, shape.raw)
    )
    if value is None:
        raise CannotFix("a format spec uses escapes that cannot be rewritten")
    return value


def read_string(node: cst.BaseExpression) -> Message:
    """A string literal, f-string or implicit concatenation of them."""
    found = string_pieces(node)
    if found is None:
        raise CannotFix("the message is not a string literal")
    pieces, between = found
    message = Message([], [], between)
    for piece in pieces:
        shape = _piece_shape(piece)
        message.shapes.append(shape)
        if isinstance(piece, cst.FormattedString):
            message.pieces.append(read_fstring_piece(piece, shape))
        else:
            parts = split_literal(piece.value)
            assert parts is not None
            message.pieces.append([_text(parts[2], shape)])
    return message


def _scan_format_body(body: str, shape: Shape) -> list[tuple[str, str]]:
    """``("text", source)`` and ``("field", inner)`` runs of a format string."""
    runs: list[tuple[str, str]] = []
    text = ""
    i = 0
    while i < len(body):
        char = body[i]
        if char == "\\" and not shape.raw:
            named = re.match(r"\\N\{[^}]*\}", body[i:])
            step = len(named.group()) if named else 2
            text += body[i : i + step]
            i += step
        elif body.startswith("{{", i) or body.startswith("}}", i):
            text += char
            i += 2
        elif char == "{":
            end = body.find("}", i)
            inner = body[i + 1 : end]
            if end < 0 or "{" in inner:
                raise CannotFix("a format field holds a nested `{}` field")
            runs.append(("text", text))
            runs.append(("field", inner))
            text = ""
            i = end + 1
        elif char == "}":
            raise CannotFix("the format string has a single `}`")
        else:
            text += char
            i += 1
    runs.append(("text", text))
    return runs


@dataclass
class _FormatArgs:
    positional: list[cst.BaseExpression]
    named: dict[str, cst.BaseExpression]
    uses: list[tuple[str | int, cst.BaseExpression]] = field(default_factory=list)
    auto: int = 0
    manual: bool = False


def _format_field(inner: str, args: _FormatArgs) -> Field:
    parsed = list(string.Formatter().parse("{" + inner + "}"))
    if len(parsed) != 1 or parsed[0][1] is None:
        raise CannotFix("a format field cannot be read")
    _, name, spec, conversion = parsed[0]
    assert name is not None
    match = _FIELD_NAME_RE.fullmatch(name)
    if match is None:
        raise CannotFix("a format field name cannot be read")
    head = match["head"]
    key: str | int
    if head == "":
        if args.manual:
            raise CannotFix("the format string mixes `{}` and `{0}`")
        key, args.auto = args.auto, args.auto + 1
    elif head.isdigit():
        if args.auto:
            raise CannotFix("the format string mixes `{}` and `{0}`")
        key, args.manual = int(head), True
    else:
        key = head
    if isinstance(key, int):
        if key >= len(args.positional):
            raise CannotFix("the format string uses more values than it is given")
        expr = args.positional[key]
    else:
        if key not in args.named:
            raise CannotFix(f"the format string uses `{key}`, which it is not given")
        expr = args.named[key]
    args.uses.append((key, expr))

    for accessor in _ACCESSOR_RE.finditer(match["rest"]):
        expr = _atom(expr)
        if accessor["attr"] is not None:
            expr = cst.Attribute(value=expr, attr=cst.Name(accessor["attr"]))
        else:
            item = accessor["key"]
            index: cst.BaseExpression = (
                cst.Integer(item) if item.isdigit() else cst.SimpleString(repr(item))
            )
            expr = cst.Subscript(
                value=expr, slice=[cst.SubscriptElement(cst.Index(index))]
            )
    if spec and "{" in spec:
        raise CannotFix("a format spec holds a nested `{}` field")
    return Field(expr, conversion, spec or "")


def _atom(expr: cst.BaseExpression) -> cst.BaseExpression:
    """``expr`` wrapped in parentheses unless it binds tighter than ``.``."""
    if (
        isinstance(
            expr,
            (
                cst.Name,
                cst.Attribute,
                cst.Call,
                cst.Subscript,
                cst.SimpleString,
                cst.List,
                cst.Dict,
            ),
        )
        or expr.lpar
    ):
        return expr
    return expr.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])


def is_pure(expr: cst.BaseExpression) -> bool:
    """Evaluating ``expr`` twice, or not at all, or later, changes nothing."""
    if isinstance(
        expr,
        (cst.Name, cst.SimpleString, cst.Integer, cst.Float, cst.ConcatenatedString),
    ):
        return True
    if isinstance(expr, cst.Attribute):
        return is_pure(expr.value)
    if isinstance(expr, cst.Subscript):
        return is_pure(expr.value) and all(
            isinstance(element.slice, cst.Index) and is_pure(element.slice.value)
            for element in expr.slice
        )
    return False


def read_format_call(node: cst.Call, value: str) -> Message:
    """``"...".format(...)``; ``value`` is the format string as Python reads it."""
    assert isinstance(node.func, cst.Attribute)
    positional: list[cst.BaseExpression] = []
    named: dict[str, cst.BaseExpression] = {}
    for arg in node.args:
        if arg.star:
            raise CannotFix("`.format()` unpacks its values with `*` or `**`")
        if arg.keyword is None:
            positional.append(arg.value)
        else:
            named[arg.keyword.value] = arg.value
    args = _FormatArgs(positional, named)

    found = string_pieces(node.func.value)
    if found is None or any(isinstance(p, cst.FormattedString) for p in found[0]):
        raise CannotFix("`.format()` is called on something other than a literal")
    pieces, between = found
    message = Message([], [], between)
    for piece in pieces:
        assert isinstance(piece, cst.SimpleString)
        shape = _piece_shape(piece)
        parts = split_literal(piece.value)
        assert parts is not None
        items: list[Item] = []
        for kind, run in _scan_format_body(parts[2], shape):
            if kind == "text":
                if run:
                    items.append(_text(run, shape))
            else:
                items.append(_format_field(run, args))
        message.shapes.append(shape)
        message.pieces.append(items)

    _check_format_uses(args)
    expected = [""]
    for literal, name, _, _ in string.Formatter().parse(value):
        expected[-1] += literal
        if name is not None:
            expected.append("")
    if message.gaps() != expected:
        raise CannotFix("the format string cannot be rewritten exactly")
    return message


def _check_format_uses(args: _FormatArgs) -> None:
    """Each value used once, in order, unless evaluating it has no effect."""
    all_values: list[tuple[str | int, cst.BaseExpression]] = [
        *enumerate(args.positional),
        *args.named.items(),
    ]
    used = [key for key, _ in args.uses]
    for key, expr in all_values:
        if used.count(key) != 1 and not is_pure(expr):
            raise CannotFix(
                "a `.format()` value with side effects is used more or less than once"
            )
    impure_order = [key for key in used if not is_pure(dict(all_values)[key])]
    original_order = [key for key, expr in all_values if not is_pure(expr)]
    if impure_order != original_order:
        raise CannotFix("the message would evaluate its values in a different order")


def _unwrap_conversion(expr: cst.BaseExpression) -> Field:
    """``str(x)`` and ``repr(x)`` in a ``+`` chain are ``%s`` and ``%r`` of ``x``."""
    if (
        isinstance(expr, cst.Call)
        and isinstance(expr.func, cst.Name)
        and expr.func.value in ("str", "repr")
        and len(expr.args) == 1
        and expr.args[0].keyword is None
        and not expr.args[0].star
    ):
        return Field(expr.args[0].value, expr.func.value[0])
    return Field(expr)


def add_terms(node: cst.BaseExpression) -> list[cst.BaseExpression]:
    """The terms of a left-nested ``a + b + c`` chain."""
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
        return [*add_terms(node.left), node.right]
    return [node]


def read_concatenation(node: cst.BinaryOperation) -> Message:
    """``"text " + x + "more"`` as one literal piece."""
    items: list[Item] = []
    shape: Shape | None = None
    for term in add_terms(node):
        if string_pieces(term) is not None:
            part = read_string(term)
            shape = shape or part.shapes[0]
            items.extend(part.items)
        else:
            items.append(_unwrap_conversion(term))
    return Message([items], [shape or Shape("", '"')])


# -- what Python makes of the original message -----------------------------


def ast_gaps(node: ast.expr) -> list[str] | None:
    """The text between the values of a message, as Python evaluates it."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        gaps = [""]
        for value in node.values:
            if isinstance(value, ast.Constant):
                gaps[-1] += str(value.value)
            else:
                gaps.append("")
        return gaps
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left = ast_gaps(node.left)
        right = ast_gaps(node.right)
        if left is None:
            left = ["", ""]
        if right is None:
            right = ["", ""]
        return left[:-1] + [left[-1] + right[0]] + right[1:]
    return None


# -- writing the lazy form ---------------------------------------------------


def placeholder(item: Field) -> tuple[str, cst.BaseExpression]:
    """The %-placeholder for a field and the value to pass for it."""
    expr = item.expr
    if isinstance(expr, cst.Tuple) and not expr.lpar:
        expr = expr.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
    if isinstance(expr, cst.Yield) and not expr.lpar:
        expr = expr.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
    text = percent_spec(item.spec, item.conversion)
    if text is not None:
        return text, expr
    # No %-equivalent: format the value eagerly; the message stays constant.
    if item.conversion is not None:
        func = cst.Name(_CONVERSION_FUNCTIONS[item.conversion])
        expr = cst.Call(func=func, args=[cst.Arg(expr)])
    spec = cst.SimpleString(write_literal(item.spec, Shape("", '"')))
    call = cst.Call(
        func=cst.Name("format"),
        args=[
            cst.Arg(expr, comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))),
            cst.Arg(spec),
        ],
    )
    return "%s", call


def render(
    message: Message, escape: bool | None = None
) -> tuple[cst.BaseExpression, list[cst.BaseExpression]]:
    """The constant %-style message and the values to pass after it.

    ``%`` in the text is doubled when values are passed (``escape`` None)
    or when ``escape`` says so: logging applies ``%`` only with arguments.
    """
    if escape is None:
        escape = bool(message.fields)
    values: list[cst.BaseExpression] = []
    literals: list[cst.SimpleString] = []
    for items, shape in zip(message.pieces, message.shapes):
        bodies: list[str] = []
        expected: list[str] = []
        known = True
        for item in items:
            if isinstance(item, Text):
                expected.append(escape_percent(item.value) if escape else item.value)
                if item.body is None or item.shape != shape:
                    known = False
                else:
                    bodies.append(escape_percent(item.body) if escape else item.body)
            else:
                text, value = placeholder(item)
                expected.append(text)
                bodies.append(text)
                values.append(value)
        want = "".join(expected)
        code = None
        if known:
            candidate = shape.prefix + shape.quote + "".join(bodies) + shape.quote
            if literal_value(candidate) == want:
                code = candidate
        if code is None:
            code = write_literal(want, shape)
            if literal_value(code) != want:
                raise CannotFix("the message text cannot be written back exactly")
        literals.append(cst.SimpleString(code))

    result: cst.SimpleString | cst.ConcatenatedString = literals[-1]
    for literal, space in zip(reversed(literals[:-1]), reversed(message.between)):
        result = cst.ConcatenatedString(
            left=literal, right=result, whitespace_between=space
        )
    return result, values


# -- the call ------------------------------------------------------------------


def _separator(call: cst.Call, index: int) -> cst.Comma:
    """The comma and whitespace between two arguments of ``call``."""
    args = call.args
    space: cst.BaseParenthesizableWhitespace = call.whitespace_before_args
    before = args[index - 1].comma if index > 0 else None
    own = args[index].comma
    if isinstance(before, cst.Comma):
        space = before.whitespace_after
    elif index + 1 < len(args) and isinstance(own, cst.Comma):
        space = own.whitespace_after
    if isinstance(space, cst.ParenthesizedWhitespace):
        # One argument a line; comments and blank lines are not copied.
        space = space.with_changes(first_line=cst.TrailingWhitespace(), empty_lines=[])
    else:
        space = cst.SimpleWhitespace(" ")
    return cst.Comma(whitespace_after=space)


def with_message(
    call: cst.Call,
    index: int,
    message: cst.BaseExpression,
    values: Sequence[cst.Arg],
    replaced: int = 1,
) -> cst.Call:
    """``call`` with ``replaced`` arguments from ``index`` on replaced by
    ``message`` and ``values``."""
    args = list(call.args)
    old = args[index]
    last_old = args[index + replaced - 1]
    if not values:
        args[index] = old.with_changes(value=message)
        return call.with_changes(args=args)
    separator = _separator(call, index)
    is_last = index + replaced == len(args)
    last_comma = last_old.comma
    if (
        is_last
        and isinstance(last_comma, cst.MaybeSentinel)
        and isinstance(last_old.whitespace_after_arg, cst.ParenthesizedWhitespace)
        and isinstance(separator.whitespace_after, cst.ParenthesizedWhitespace)
    ):
        # One argument a line, closing parenthesis on its own: the last
        # argument gets the trailing comma such a layout usually has.
        last_comma = cst.Comma()
    keeps_comma = replaced == 1 and not is_last
    if keeps_comma:
        # The message keeps its comma, and any comment after it.
        new = [old.with_changes(value=message)]
    else:
        new = [
            old.with_changes(
                value=message,
                comma=separator,
                whitespace_after_arg=cst.SimpleWhitespace(""),
            )
        ]
    for position, value in enumerate(values):
        final = not keeps_comma and position == len(values) - 1
        new.append(
            value.with_changes(
                comma=last_comma if final else separator,
                whitespace_after_arg=(
                    last_old.whitespace_after_arg if final else cst.SimpleWhitespace("")
                ),
            )
        )
    return call.with_changes(args=[*args[:index], *new, *args[index + replaced :]])


def message_index(call: cst.Call, method: str) -> int:
    """Where the message sits among the call's arguments."""
    index = 1 if method == "log" else 0
    if index >= len(call.args) or call.args[index].keyword is not None:
        raise CannotFix("could not find the message among the arguments")
    if any(arg.star for arg in call.args[: index + 1]):
        raise CannotFix("the call unpacks its arguments with `*`")
    return index


_HOW = {
    "an f-string": "f-string",
    "`str.format()`": "`.format()`",
    "`%`": "`%` formatted",
    "`+`": "`+` concatenated",
}


def lazy_message(
    analysis: Analysis,
    msg: ast.expr,
    node: cst.BaseExpression,
    existing: Sequence[cst.Arg] = (),
) -> tuple[cst.BaseExpression, list[cst.Arg], str]:
    """The lazy form of an eager message: new message, values, and a note.

    ``existing`` are the arguments the call already passes for ``%``
    placeholders in the message's text. When the result holds values, they
    are all the arguments that follow the new message, ``existing`` among
    them in their places; when it holds none, ``existing`` stay as they are.
    """
    how = eager_format(msg)
    if how is None:
        raise CannotFix("the message is not built eagerly")

    fields = 0
    if isinstance(msg, ast.BinOp) and isinstance(msg.op, ast.Mod):
        if existing:
            raise CannotFix("the call already passes arguments for the message")
        assert isinstance(node, cst.BinaryOperation)
        assert isinstance(msg.left, ast.Constant) and isinstance(msg.left.value, str)
        values = percent_values(msg.left.value, node.right)
        fields = len(values)
        new_msg = node.left
    else:
        if isinstance(msg, ast.JoinedStr):
            message = read_string(node)
        elif isinstance(msg, ast.Call):
            assert isinstance(msg.func, ast.Attribute)
            assert isinstance(msg.func.value, ast.Constant)
            assert isinstance(node, cst.Call)
            message = read_format_call(node, str(msg.func.value.value))
        else:
            assert isinstance(node, cst.BinaryOperation)
            message = read_concatenation(node)
        if not isinstance(msg, ast.Call) and message.gaps() != ast_gaps(msg):
            raise CannotFix("the message text cannot be rewritten exactly")
        fields = len(message.fields)
        if not existing:
            new_msg, exprs = render(message)
            values = [cst.Arg(expr) for expr in exprs]
        elif not fields:
            new_msg, _ = render(message, escape=False)
            values = []
        else:
            new_msg, values = _interleave(message, existing)

    plural = "" if fields == 1 else "s"
    if not fields:
        note = f"{_HOW[how]} message made a plain string"
    else:
        note = f"{_HOW[how]} message made lazy: %-style, {fields} argument{plural}"
    # A string split over lines keeps the parentheses that held it.
    held = node
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
        held = node.func.value
    if isinstance(new_msg, cst.ConcatenatedString) and held.lpar:
        new_msg = new_msg.with_changes(lpar=held.lpar, rpar=held.rpar)
    return new_msg, values, note


def _interleave(
    message: Message, existing: Sequence[cst.Arg]
) -> tuple[cst.BaseExpression, list[cst.Arg]]:
    """``f"{a} %s {b}", x`` as ``"%s %s %s", a, x, b``.

    The ``%`` placeholders already in the text must match the arguments
    given, so that no field's text was itself meant to be a template.
    """
    before: list[int] = []
    seen = 0
    for item in message.items:
        if isinstance(item, Field):
            before.append(seen)
            continue
        for match in PLACEHOLDER_RE.finditer(item.value):
            if match["type"] == "%":
                continue
            if match["key"] is not None:
                raise CannotFix("the message mixes fields and `%(key)s` placeholders")
            seen += 1 + (match["width"] == "*") + (match["precision"] == "*")
    if seen != len(existing):
        raise CannotFix(
            "the `%` placeholders in the message do not match the arguments given"
        )
    exprs = [item.expr for item in message.fields] + [a.value for a in existing]
    if sum(not is_pure(expr) for expr in exprs) > 1:
        raise CannotFix("the message would evaluate its values in a different order")

    new_msg, values = render(message, escape=False)
    merged: list[cst.Arg] = []
    taken = 0
    for count, value in zip(before, values):
        merged.extend(existing[taken:count])
        taken = count
        merged.append(cst.Arg(value))
    merged.extend(existing[taken:])
    return new_msg, merged


def percent_values(template: str, node: cst.BaseExpression) -> list[cst.Arg]:
    """The values of ``template % right`` as logging arguments."""
    placeholders = [m for m in PLACEHOLDER_RE.finditer(template) if m["type"] != "%"]
    keyed = any(m["key"] is not None for m in placeholders)
    wanted = sum(
        1 + (m["width"] == "*") + (m["precision"] == "*") for m in placeholders
    )
    if keyed:
        # A mapping: logging takes a single dict argument the same way.
        return [cst.Arg(_bare(node))]
    if isinstance(node, cst.Tuple):
        if not node.elements:
            raise CannotFix("`% ()` leaves nothing to pass")
        values = [
            cst.Arg(element.value, star="*")
            if isinstance(element, cst.StarredElement)
            else cst.Arg(element.value)
            for element in node.elements
        ]
        if not any(v.star for v in values) and len(values) != wanted:
            raise CannotFix("the placeholders and values after `%` do not match")
        return values
    if wanted == 0:
        raise CannotFix("the message has no placeholder for the value after `%`")
    if wanted > 1:
        # Only a tuple can fill several placeholders: pass its items.
        return [cst.Arg(_bare(node), star="*")]
    return [cst.Arg(_bare(node))]


def _bare(node: cst.BaseExpression) -> cst.BaseExpression:
    """``(x)`` without its needless parentheses."""
    if node.lpar and isinstance(node, (cst.Name, cst.Attribute, cst.Call)):
        return node.with_changes(lpar=[], rpar=[])
    return node


def fix_log011(analysis: Analysis, finding: Finding) -> Edit:
    call = analysis.log_call_with_msg_at(finding)
    if call.msg_is_keyword:
        raise CannotFix("the message is passed as `msg=`; it must come first")
    if any(isinstance(arg, ast.Starred) for arg in call.node.args):
        raise CannotFix("the call unpacks its arguments with `*`")
    assert call.msg is not None
    node = analysis.cst_for(call.node, cst.Call)
    index = message_index(node, call.method)
    existing = [
        arg for arg in node.args[index + 1 :] if arg.keyword is None and not arg.star
    ]
    new_msg, values, note = lazy_message(
        analysis, call.msg, node.args[index].value, existing
    )
    replaced = 1 + len(existing) if values and existing else 1

    def change(updated: cst.Call) -> cst.Call:
        return with_message(updated, index, new_msg, values, replaced)

    return Edit(SAFE, note).change(node, change)
