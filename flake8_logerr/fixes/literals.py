"""String literals: reading their parts, and writing new ones that read back.

Every literal this package writes is checked by evaluating it
(``literal_value``) against the text it must hold, so an escape that is
rewritten wrongly is caught before it reaches a file.
"""

from __future__ import annotations

import ast
import re
import warnings
from dataclasses import dataclass

# https://docs.python.org/3/reference/lexical_analysis.html#string-and-bytes-literals
_LITERAL_RE = re.compile(
    r"(?P<prefix>[A-Za-z]*)(?P<quote>'''|\"\"\"|'|\")(?P<body>.*)", re.DOTALL
)

# ``\N{NAME}`` escapes keep their braces single inside an f-string; a pair
# of backslashes is taken first so that ``\\N{{x}}`` is not read as one.
_FSTRING_TEXT_RE = re.compile(r"\\\\|\\N\{[^}]*\}|\{\{|\}\}|.", re.DOTALL)
# Raw f-strings have no escapes at all.
_RAW_FSTRING_TEXT_RE = re.compile(r"\{\{|\}\}|.", re.DOTALL)


@dataclass(frozen=True)
class Shape:
    """How a literal is written: prefix (without f or b) and quotes."""

    prefix: str
    quote: str

    @property
    def raw(self) -> bool:
        return "r" in self.prefix.lower()

    @property
    def plain(self) -> Shape:
        """The same quotes without the raw prefix."""
        return Shape(self.prefix.replace("r", "").replace("R", ""), self.quote)


def split_literal(code: str) -> tuple[str, str, str] | None:
    """``(prefix, quote, body)`` of one string literal's source."""
    match = _LITERAL_RE.fullmatch(code)
    if match is None:
        return None
    quote = match["quote"]
    body = match["body"]
    if not body.endswith(quote):
        return None
    return match["prefix"], quote, body[: -len(quote)]


def shape_of(prefix: str, quote: str) -> Shape:
    kept = "".join(c for c in prefix if c.lower() not in "fb")
    return Shape(kept, quote)


def literal_value(code: str) -> str | None:
    """The text a string literal's source evaluates to, or None."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value = ast.literal_eval(code)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        # Not a literal Python can read: the caller keeps the original code.
        return None
    return value if isinstance(value, str) else None


def body_value(shape: Shape, body: str) -> str | None:
    """What ``body`` holds when written between ``shape``'s quotes."""
    return literal_value(shape.prefix + shape.quote + body + shape.quote)


def unbrace(body: str, raw: bool) -> str:
    """The source of an f-string's text part as a plain literal's source.

    ``{{`` and ``}}`` become single braces; ``\\N{...}`` escapes keep theirs.
    """
    if "{" not in body and "}" not in body:
        return body
    pattern = _RAW_FSTRING_TEXT_RE if raw else _FSTRING_TEXT_RE
    out = []
    for match in pattern.finditer(body):
        token = match.group()
        out.append(token[0] if token in ("{{", "}}") else token)
    return "".join(out)


def escape_percent(text: str) -> str:
    return text.replace("%", "%%")


_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def write_literal(value: str, shape: Shape) -> str:
    """A single-line literal holding ``value``, in ``shape``'s quote if it can."""
    quote = shape.quote[0]
    if quote in value and ('"' if quote == "'" else "'") not in value:
        quote = '"' if quote == "'" else "'"
    out = []
    for char in value:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif char == quote:
            out.append("\\" + char)
        elif not char.isprintable():
            code = ord(char)
            if code < 0x100:
                out.append(f"\\x{code:02x}")
            elif code < 0x10000:
                out.append(f"\\u{code:04x}")
            else:
                out.append(f"\\U{code:08x}")
        else:
            out.append(char)
    return shape.plain.prefix + quote + "".join(out) + quote
