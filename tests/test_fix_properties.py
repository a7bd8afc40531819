"""LOG011 rewrites log exactly what the original logged, for generated messages.

Each example builds an eager message from random text (quotes, braces,
backslashes, ``%``, non-ASCII) and values formatted with random specs, fixes
it, runs both versions against a capturing handler and compares the text.
"""

from __future__ import annotations

import logging
import textwrap
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from flake8_logerr.fixes import fix_source

VALUES: dict[str, Any] = {
    "n": 42,
    "neg": -7,
    "big": 1234567,
    "flt": 3.14159,
    "tiny": 0.000123,
    "word": "héllo",
    "quote": 'it\'s "quoted" 100%',
    "none": None,
    "pair": (1, "b"),
    "flag": True,
}

INT_SPECS = [
    "",
    "d",
    "5d",
    "05d",
    "+d",
    " d",
    "x",
    "#x",
    "X",
    "o",
    "#o",
    ",",
    "_d",
    ">6",
    "<6",
    "^6",
    "=+6",
    "*>6",
    "e",
    ".2f",
    "g",
    "%",
    "b",
    "8",
]
FLOAT_SPECS = [
    "",
    ".2f",
    "e",
    "E",
    "g",
    "+.1e",
    "08.3f",
    ">10",
    "<10",
    ".3",
    ",",
    "%",
    "F",
    "10.4",
    "^9.2f",
]
STR_SPECS = ["", ">8", "<8", "^8", ".2", "s", "10s", "-^7", "<3.1"]
ANY_SPECS = ["", ">12", "<12"]
SPECS = {
    "n": INT_SPECS, "neg": INT_SPECS, "big": INT_SPECS, "flag": INT_SPECS,
    "flt": FLOAT_SPECS, "tiny": FLOAT_SPECS,
    "word": STR_SPECS, "quote": STR_SPECS,
    "none": ANY_SPECS, "pair": ANY_SPECS,
}  # fmt: skip

text = st.text(
    alphabet=st.sampled_from(list("ab %{}'\"\\\né€:=(")),
    max_size=6,
)


@st.composite
def fields(draw: Any) -> tuple[str, str, str]:
    name = draw(st.sampled_from(sorted(VALUES)))
    conversion = draw(st.sampled_from(["", "", "!r", "!s", "!a"]))
    specs = STR_SPECS if conversion else SPECS[name]
    return name, conversion, draw(st.sampled_from(specs))


def _escape(piece: str, braces: bool) -> str:
    piece = piece.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    if braces:
        piece = piece.replace("{", "{{").replace("}", "}}")
    return piece


def _logged(source: str) -> list[str]:
    """What ``source`` logs, run against a handler that keeps the text."""
    records: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record.getMessage())

    logger = logging.getLogger("logerr.property")
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    handler = Keep()
    logger.addHandler(handler)
    try:
        code = compile(source, "<generated>", "exec")
        exec(code, {"logger": logger, **VALUES})  # noqa: S102 - generated here
    finally:
        logger.removeHandler(handler)
    return records


def _same_output(call: str) -> None:
    source = f"{call}\n"
    try:
        expected = _logged(source)
    except (ValueError, TypeError):
        return  # the original fails at run time: nothing to compare

    result = fix_source(source, "gen.py", select=("LOG011",))

    assert _logged(result.new_source) == expected, result.new_source
    again = fix_source(result.new_source, "gen.py", select=("LOG011",))
    assert again.new_source == result.new_source


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(text, fields()), min_size=1, max_size=5))
def test_fstring(parts: list[Any]) -> None:
    body = ""
    for part in parts:
        if isinstance(part, str):
            body += _escape(part, braces=True)
        else:
            name, conversion, spec = part
            body += "{" + name + conversion + (":" + spec if spec else "") + "}"

    _same_output(f'logger.info(f"{body}")')


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(text, fields()), min_size=1, max_size=5))
def test_format_method(parts: list[Any]) -> None:
    body = ""
    names = []
    for part in parts:
        if isinstance(part, str):
            body += _escape(part, braces=True)
        else:
            name, conversion, spec = part
            body += "{" + conversion + (":" + spec if spec else "") + "}"
            names.append(name)

    _same_output(f'logger.info("{body}".format({", ".join(names)}))')


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.one_of(text, st.sampled_from(sorted(VALUES))), min_size=2, max_size=5)
)
def test_concatenation(parts: list[str]) -> None:
    terms = []
    for part in parts:
        if part in VALUES:
            terms.append(f"str({part})")
        else:
            terms.append('"' + _escape(part, braces=False) + '"')

    _same_output("logger.info(" + " + ".join(terms) + ")")


def test_generated_sources_run() -> None:
    source = textwrap.dedent('logger.info(f"{n:05d} {word!r}")\n')

    assert _logged(source) == ["00042 'héllo'"]
