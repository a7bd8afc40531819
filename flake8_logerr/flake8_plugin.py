"""The flake8 adapter: turns core findings into flake8 results.

No rule logic lives here. Options are read from ``settings.OPTIONS``, so
every setting of the core is a ``--logerr-…`` flag and a ``[flake8]`` key.
"""

from __future__ import annotations

import argparse
import ast
import logging
from collections.abc import Iterator, Sequence
from typing import Any

from flake8_logerr import __version__
from flake8_logerr.core import Finding, check
from flake8_logerr.registry import INTERNAL_ERROR
from flake8_logerr.settings import (
    DEFAULT_SETTINGS,
    OPTIONS,
    Settings,
    parse_bool,
    split_list,
)

logger = logging.getLogger(__name__)

Result = tuple[int, int, str, type["Plugin"]]


class Plugin:
    """flake8 tree plugin registered under the prefix ``LOG``.

    flake8 hands over the parameters by name: ``tree``, ``filename`` and
    ``lines`` (the physical lines with their line endings).
    """

    name = "flake8-logerr"
    version = __version__

    # Filled once per process by ``parse_options``; read by every instance.
    settings: Settings = DEFAULT_SETTINGS

    def __init__(
        self,
        tree: ast.AST,
        filename: str = "<unknown>",
        lines: Sequence[str] | None = None,
    ) -> None:
        self._tree = tree
        self._filename = filename
        self._lines = lines

    @staticmethod
    def add_options(manager: Any) -> None:
        """Declare one ``--logerr-<key>`` flag (and config key) per setting."""
        for option in OPTIONS:
            if option.kind == "bool":
                manager.add_option(
                    option.flake8_flag,
                    action="store_true",
                    default=False,
                    parse_from_config=True,
                    help=option.help,
                )
            else:
                manager.add_option(
                    option.flake8_flag,
                    default="",
                    parse_from_config=True,
                    comma_separated_list=True,
                    help=option.help + " (comma separated)",
                )

    @classmethod
    def parse_options(cls, options: argparse.Namespace) -> None:
        """Turn flake8's parsed options into the core's ``Settings``."""
        cls.settings = settings_from_options(options)

    def run(self) -> Iterator[Result]:
        """Yield flake8 results for this file; never raise."""
        for finding in self._findings():
            text = f"{finding.code} {finding.message}"
            yield finding.line, finding.col, text, type(self)

    def _findings(self) -> list[Finding]:
        # ``check`` already turns a failing rule into one LOG000 finding. This
        # guard covers the rest (building the context, sorting): flake8 does
        # not wrap exceptions raised while it iterates ``run()``, so they
        # would end the whole run with a traceback that does not name us.
        try:
            return check(self._tree, self._lines, self._filename, self.settings)
        except Exception as exc:  # reported as LOG000, never lost
            logger.debug("flake8-logerr failed on %s", self._filename, exc_info=True)
            detail = f"{type(exc).__name__}: {exc}"
            return [Finding(1, 0, INTERNAL_ERROR.code, INTERNAL_ERROR.format(detail))]


def settings_from_options(options: argparse.Namespace) -> Settings:
    """Read every ``logerr_<field>`` attribute flake8 stored on ``options``.

    An empty list means "not given", so the core's default stays in force
    (flake8 cannot tell an empty value from an absent one).
    """
    values: dict[str, Any] = {}
    for option in OPTIONS:
        raw = getattr(options, "logerr_" + option.field, None)
        if option.kind == "bool":
            values[option.field] = parse_bool(raw or False)
        else:
            names = split_list(raw)
            if names:
                values[option.field] = names
    return DEFAULT_SETTINGS.with_values(**values)
