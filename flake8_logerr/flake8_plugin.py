"""The flake8 adapter: turns core findings into flake8 results.

No rule logic lives here. Options are read from ``settings.OPTIONS``, so
every setting of the core is a ``--logerr-…`` flag and a ``[flake8]`` key.
"""

from __future__ import annotations

import argparse
import ast
from collections.abc import Iterator, Sequence
from typing import Any

from flake8_logerr import __version__
from flake8_logerr.core import check
from flake8_logerr.settings import (
    DEFAULT_SETTINGS,
    OPTIONS,
    Settings,
    parse_bool,
    split_list,
)


class Plugin:
    """flake8 tree plugin registered under the prefix ``LOG``."""

    name = "flake8-logerr"
    version = __version__

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
        values: dict[str, Any] = {}
        for option in OPTIONS:
            raw = getattr(options, "logerr_" + option.field, None)
            if option.kind == "bool":
                values[option.field] = parse_bool(raw or False)
            else:
                names = split_list(raw)
                if names:
                    values[option.field] = names
        cls.settings = DEFAULT_SETTINGS.with_values(**values)

    def run(self) -> Iterator[tuple[int, int, str, type[Plugin]]]:
        # ``check`` turns its own failures into one LOG000 finding, so an
        # error on one file never stops flake8 from checking the others.
        for finding in check(self._tree, self._lines, self._filename, self.settings):
            yield finding.line, finding.col, f"{finding.code} {finding.message}", type(
                self
            )
