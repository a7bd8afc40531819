"""The pylint adapter: one checker, ``logerr``, that runs the shared core.

Load it with ``pylint --load-plugins=pylint_logerr``. Every rule of the
registry is a pylint message: ``LOG0NN`` becomes ``<C|W|E>58NN`` with the
rule's kebab name as symbol, so ``# pylint: disable=sensitive-data-in-log``
and ``--disable=W5819`` both work. No rule logic lives here.
"""

from __future__ import annotations

import ast
import io
import logging
import os
import tokenize
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from pylint.checkers import BaseChecker
from pylint.constants import WarningScope

from flake8_logerr.core import Finding, check
from flake8_logerr.registry import INTERNAL_ERROR, RULES, Rule, get_rule
from flake8_logerr.settings import (
    DEFAULT_SETTINGS,
    OPTIONS,
    Settings,
    settings_from_mapping,
)

if TYPE_CHECKING:
    from pylint.lint import PyLinter
    from pylint.typing import MessageDefinitionTuple, Options

__all__ = ["LogerrChecker", "register"]

logger = logging.getLogger(__name__)

# astroid ships no type information, so its nodes are typed as ``Any`` here.
AstroidNode = Any


def _message(rule: Rule) -> MessageDefinitionTuple:
    # The core formats the text; pylint only pastes it in with "%s".
    return ("%s", rule.name, rule.summary, {"scope": WarningScope.NODE})


def _options() -> Options:
    options: list[tuple[str, Any]] = []
    for option in OPTIONS:
        default = getattr(DEFAULT_SETTINGS, option.field)
        if option.kind == "bool":
            spec = {"default": default, "type": "yn", "metavar": "<y or n>"}
        else:
            spec = {"default": default, "type": "csv", "metavar": "<names>"}
        spec["help"] = option.help + "."
        options.append((option.key, spec))
    return tuple(options)


class LogerrChecker(BaseChecker):
    """Runs the flake8-logerr core once per module and reports its findings."""

    name = "logerr"
    # pylint declares ``msgs`` as an instance variable, hence no ClassVar.
    msgs: dict[str, MessageDefinitionTuple] = {  # noqa: RUF012
        rule.pylint_id: _message(rule) for rule in (INTERNAL_ERROR, *RULES.values())
    }
    options = _options()

    def __init__(self, linter: PyLinter) -> None:
        super().__init__(linter)
        self._settings = DEFAULT_SETTINGS

    def open(self) -> None:
        """Read the options once per run, after pylint has parsed them."""
        config = self.linter.config
        values = {option.field: getattr(config, option.field) for option in OPTIONS}
        self._settings = settings_from_mapping(values)

    def visit_module(self, node: AstroidNode) -> None:
        """Check the module's source with the core and emit its findings."""
        try:
            findings = self._findings(node)
        except Exception as exc:  # reported as LOG000, never lost
            logger.debug("pylint-logerr failed on %s", node.file, exc_info=True)
            detail = f"{type(exc).__name__}: {exc}"
            findings = [
                Finding(1, 0, INTERNAL_ERROR.code, INTERNAL_ERROR.format(detail))
            ]

        if findings:
            places = _nodes_by_position(node)
            for finding in findings:
                self._emit(finding, places.get((finding.line, finding.col), node))

    def _findings(self, node: AstroidNode) -> list[Finding]:
        source = read_source(node)
        if source is None:
            return []

        filename = display_path(node.file or node.name)
        try:
            tree = ast.parse(source, filename=filename)
        except (SyntaxError, ValueError):
            # pylint reports files it cannot parse (syntax-error) itself; ast
            # may still refuse one that astroid accepted: stay quiet then.
            return []

        lines = io.StringIO(source, newline=None).readlines()
        return check(tree, lines, filename, self._settings)

    def _emit(self, finding: Finding, place: AstroidNode) -> None:
        self.add_message(
            get_rule(finding.code).name,
            line=finding.line,
            node=place,
            args=(finding.message,),
            col_offset=finding.col,
        )

    @property
    def settings(self) -> Settings:
        """The core settings read from this checker's options."""
        return self._settings


def read_source(node: AstroidNode) -> str | None:
    """The module's text, decoded as PEP 263 says; ``None`` if unreadable.

    ``node.stream()`` also covers ``--from-stdin``, where the text is not
    the file on disk; a file whose name does not end in ``.py`` has no
    stream, so it is opened by name.
    """
    try:
        stream: IO[bytes] | None = node.stream()
        if stream is not None:
            with stream:
                data = stream.read()
        elif node.file:
            data = Path(node.file).read_bytes()
        else:
            return None
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        return data.decode(encoding)
    except (OSError, SyntaxError, UnicodeDecodeError):
        # Unreadable or badly encoded: pylint reports that file itself.
        return None


def display_path(path: str) -> str:
    """``path`` relative to the working folder when it lies inside it.

    flake8 hands the core the path as typed (``./app/views.py``); giving the
    core the same relative path keeps rules that look at folder names
    (``tests/``, ``scripts/``) from seeing the folders above the project.
    """
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return path
    return relative


def _nodes_by_position(module: AstroidNode) -> dict[tuple[int, int], AstroidNode]:
    """The outermost astroid node starting at each (line, column).

    Attaching a message to a node gives it pylint's object column (the
    enclosing function) and end position, as pylint's own messages have.
    """
    places: dict[tuple[int, int], AstroidNode] = {}
    stack = [module]
    while stack:
        current = stack.pop()
        key = (current.lineno, current.col_offset)
        if key[0] is not None and key[1] is not None:
            places.setdefault(key, current)
        stack.extend(reversed(list(current.get_children())))
    return places


def register(linter: PyLinter) -> None:
    """Entry point for ``--load-plugins=pylint_logerr``."""
    linter.register_checker(LogerrChecker(linter))
