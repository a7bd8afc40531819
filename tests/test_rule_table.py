"""The rule table, the pylint checker and the flake8 plugin cover the same codes."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import string
from importlib.metadata import entry_points
from pathlib import Path

import pylint.extensions
import pytest
from pylint.lint import PyLinter
from pylint.message import MessageDefinition

import flake8_logerr.checks
import pylint_logerr
from flake8_logerr import check_source
from flake8_logerr.registry import INTERNAL_ERROR, RULES, Rule

ALL_RULES = [INTERNAL_ERROR, *RULES.values()]
CHECKS_FOLDER = Path(flake8_logerr.checks.__file__).parent

# pylint's own rule for a symbol, and ours: lower-case words joined by "-".
KEBAB = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)+$")


def _pylint_messages(linter: PyLinter) -> list[MessageDefinition]:
    return list(linter.msgs_store.messages)


@pytest.fixture(scope="module")
def pylint_own() -> tuple[set[str], set[str]]:
    """Symbols and msgids of every checker and extension pylint ships."""
    linter = PyLinter()
    linter.load_default_plugins()
    extensions = []
    for info in pkgutil.iter_modules(pylint.extensions.__path__):
        name = f"pylint.extensions.{info.name}"
        if hasattr(importlib.import_module(name), "register"):
            extensions.append(name)
    linter.load_plugin_modules(extensions)

    symbols: set[str] = set()
    msgids: set[str] = set()
    for message in _pylint_messages(linter):
        symbols.add(message.symbol)
        msgids.add(message.msgid)
        for old_msgid, old_symbol in message.old_names:
            symbols.add(old_symbol)
            msgids.add(old_msgid)
    return symbols, msgids


@pytest.fixture(scope="module")
def our_messages() -> list[MessageDefinition]:
    """What ``register`` declares, loaded into a linter with pylint's checkers."""
    linter = PyLinter()
    linter.load_default_plugins()
    pylint_logerr.register(linter)
    checker = next(c for c in linter.get_checkers() if c.name == "logerr")
    return list(checker.messages)


def flake8_yieldable_codes() -> set[str]:
    """Codes the rule modules report (the flake8 plugin yields exactly those)."""
    codes = {INTERNAL_ERROR.code}  # made by the core and the adapter on failure
    for path in sorted(CHECKS_FOLDER.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "report"
            ):
                continue
            first = node.args[0] if node.args else None
            assert isinstance(first, ast.Constant), (
                f"{path.name}:{node.lineno}: report() with a computed code"
            )
            codes.add(first.value)
    return codes


# -- one set of codes everywhere ------------------------------------------------


def test_registry_codes_are_the_27_rules() -> None:
    assert sorted(RULES) == [f"LOG{n:03d}" for n in range(1, 28)]
    assert all(rule.code == code for code, rule in RULES.items())


def test_pylint_declares_every_rule(our_messages: list[MessageDefinition]) -> None:
    declared = {(m.msgid, m.symbol) for m in our_messages}

    assert declared == {(rule.pylint_id, rule.name) for rule in ALL_RULES}


def test_flake8_plugin_can_yield_every_rule() -> None:
    assert flake8_yieldable_codes() == {rule.code for rule in ALL_RULES}


def test_flake8_entry_point_is_the_code_prefix() -> None:
    (entry,) = [e for e in entry_points(group="flake8.extension") if e.name == "LOG"]

    assert entry.value == "flake8_logerr.flake8_plugin:Plugin"
    for rule in ALL_RULES:
        # The shape flake8 expects of codes, and of the codes a noqa comment lists.
        assert re.fullmatch(r"LOG\d{3}", rule.code)


# -- pylint ids and symbols ---------------------------------------------------


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.code)
def test_msgid_mirrors_the_code(rule: Rule) -> None:
    assert re.fullmatch(r"[CWE]58\d\d", rule.pylint_id)
    assert rule.pylint_id[3:] == rule.code[4:]


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.code)
def test_msgid_letter_matches_priority(rule: Rule) -> None:
    # C(onvention) is kept for low-priority rules; E(rror) for the urgent ones.
    letter = rule.pylint_id[0]
    assert (letter == "C") == (rule.priority == "low")
    if letter == "E":
        assert rule.priority in ("critical", "high")


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.code)
def test_symbol_is_kebab_case(rule: Rule) -> None:
    assert KEBAB.fullmatch(rule.name)


def test_ids_and_symbols_are_unique() -> None:
    assert len({rule.pylint_id for rule in ALL_RULES}) == len(ALL_RULES)
    assert len({rule.name for rule in ALL_RULES}) == len(ALL_RULES)


def test_no_clash_with_pylints_own_messages(
    pylint_own: tuple[set[str], set[str]],
) -> None:
    symbols, msgids = pylint_own

    assert len(symbols) > 300  # all of pylint was loaded
    assert symbols & {rule.name for rule in ALL_RULES} == set()
    assert msgids & {rule.pylint_id for rule in ALL_RULES} == set()


def test_pylint_shows_the_cores_text(our_messages: list[MessageDefinition]) -> None:
    by_id = {rule.pylint_id: rule for rule in ALL_RULES}
    for message in our_messages:
        assert message.msg == "%s"
        assert message.description == by_id[message.msgid].summary


# -- message templates ----------------------------------------------------------

MAX_MESSAGE = 72


def _sample_messages(rule: Rule) -> list[str]:
    """Real messages from the rule's bad example, else the template filled in."""
    if rule.bad:
        found = check_source(rule.bad, filename="example.py")
        messages = [f.message for f in found if f.code == rule.code]
        if messages:
            return messages
    fields = [
        f for _, f, _, _ in string.Formatter().parse(rule.message) if f is not None
    ]
    return [rule.format(*["x"] * len(fields))]


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.code)
def test_message_is_lower_case_without_final_period(rule: Rule) -> None:
    assert not rule.message[0].isupper()
    assert not rule.message.rstrip().endswith(".")
    assert rule.message == rule.message.strip()


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.code)
def test_formatted_message_is_short(rule: Rule) -> None:
    for message in _sample_messages(rule):
        assert len(message) <= MAX_MESSAGE, message
