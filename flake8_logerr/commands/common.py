"""What ``check``, ``report`` and ``fix`` share: the settings flags.

Every option of ``settings.OPTIONS`` is a flag of each command, and the
flags override ``[tool.logerr]`` the same way in all three.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from flake8_logerr.settings import OPTIONS


def add_settings_arguments(parser: argparse.ArgumentParser) -> None:
    """One flag per setting: ``--pii/--no-pii``, ``--logger-names NAMES``..."""
    group = parser.add_argument_group("settings (override [tool.logerr])")
    for option in OPTIONS:
        if option.kind == "bool":
            group.add_argument(
                "--" + option.key,
                dest=option.field,
                action=argparse.BooleanOptionalAction,
                default=None,
                help=option.help,
            )
        else:
            group.add_argument(
                "--" + option.key,
                dest=option.field,
                action="append",
                metavar="NAMES",
                help=option.help + " (comma list)",
            )


def _joined(values: Sequence[str] | None) -> str | None:
    """Repeated comma-list flags as one comma list; None when not given."""
    if values is None:
        return None
    return ",".join(values)


def overrides_from_args(args: argparse.Namespace) -> dict[str, Any]:
    """The command-line values, by setting name; None where not given."""
    overrides: dict[str, Any] = {
        name: _joined(getattr(args, name)) for name in ("select", "ignore", "exclude")
    }
    for option in OPTIONS:
        value = getattr(args, option.field)
        overrides[option.field] = value if option.kind == "bool" else _joined(value)
    return overrides
