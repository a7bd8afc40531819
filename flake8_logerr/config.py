"""Configuration of the ``logerr`` command: ``[tool.logerr]`` in pyproject.toml.

The table takes every setting of the core under its kebab name (the names
``settings.OPTIONS`` lists, as in ``logger-names = ["AUTH"]``) plus the keys
only the command reads: ``select``, ``ignore`` and ``exclude``. Mistakes are
reported as ``ConfigError`` with the file and the key, never as a traceback.
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flake8_logerr.settings import (
    OPTIONS,
    Option,
    Settings,
    parse_bool,
    settings_from_mapping,
    split_list,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, published as tomli
    import tomli as tomllib

PYPROJECT = "pyproject.toml"
TABLE = "[tool.logerr]"

# Keys of [tool.logerr] that only the command reads, not the core.
CLI_KEYS = ("select", "ignore", "exclude")

_TOML_TYPES = {
    bool: "a boolean",
    int: "an integer",
    float: "a float",
    str: "a string",
    list: "an array",
    dict: "a table",
}


class ConfigError(Exception):
    """A mistake in the configuration; its text is ready to show the user."""


@dataclass(frozen=True)
class Config:
    """Everything ``[tool.logerr]`` and the command line settled."""

    settings: Settings
    # ``None`` when the key was not given, so the command keeps its default.
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    exclude: tuple[str, ...] | None = None
    # The pyproject.toml that was read, if one was found.
    path: Path | None = None


def find_pyproject(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` in ``start`` or a folder above it."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent

    for candidate in (folder, *folder.parents):
        path = candidate / PYPROJECT
        if path.is_file():
            return path
    return None


def load_tool_config(path: Path) -> dict[str, Any]:
    """The ``[tool.logerr]`` table of ``path`` (empty when there is none)."""
    try:
        with path.open("rb") as handle:
            document = tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the file: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc

    tool = document.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: `tool` must be a table, not {_toml_type(tool)}")
    table = tool.get("logerr", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: {TABLE} must be a table, not {_toml_type(table)}")
    return table


def config_from_pyproject(
    start: Path, overrides: Mapping[str, Any] | None = None
) -> Config:
    """Read the nearest pyproject.toml above ``start``, then apply ``overrides``.

    ``overrides`` holds the command-line values under kebab or snake keys;
    ``None`` values mean "not given" and are skipped.
    """
    path = find_pyproject(start)
    table = load_tool_config(path) if path is not None else {}
    settings_values, cli_values = _validate(table, f"{path}: {TABLE}", strict=True)

    given = {
        key: value for key, value in (overrides or {}).items() if value is not None
    }
    override_settings, override_cli = _validate(given, "command line", strict=False)
    settings_values.update(override_settings)
    cli_values.update(override_cli)

    try:
        settings = settings_from_mapping(settings_values)
    except ValueError as exc:  # the checks above should leave nothing to catch
        raise ConfigError(f"{path or 'command line'}: {exc}") from exc
    return Config(
        settings=settings,
        select=cli_values.get("select"),
        ignore=cli_values.get("ignore"),
        exclude=cli_values.get("exclude"),
        path=path,
    )


def settings_from_pyproject(
    start: Path, overrides: Mapping[str, Any] | None = None
) -> Settings:
    """Only the core's settings of ``config_from_pyproject``."""
    return config_from_pyproject(start, overrides).settings


def _validate(
    values: Mapping[str, Any], where: str, *, strict: bool
) -> tuple[dict[str, Any], dict[str, tuple[str, ...]]]:
    """Split ``values`` into core settings (by field) and command-only keys.

    ``strict`` wants TOML types (a boolean, an array of strings); otherwise
    text as typed on a command line is accepted too.
    """
    options = {option.key: option for option in OPTIONS}
    options.update({option.field: option for option in OPTIONS})
    settings: dict[str, Any] = {}
    cli: dict[str, tuple[str, ...]] = {}
    seen: dict[str, str] = {}

    for key, value in values.items():
        option = options.get(key)
        canonical = option.key if option is not None else key.replace("_", "-")
        if canonical in seen:
            raise ConfigError(f"{where}: {key!r} repeats {seen[canonical]!r}")
        seen[canonical] = key

        if option is not None:
            settings[option.field] = _option_value(option, key, value, where, strict)
        elif canonical in CLI_KEYS:
            cli[canonical] = _names(key, value, where, strict)
        else:
            raise ConfigError(f"{where}: unknown key {key!r}{_suggestion(key)}")
    return settings, cli


def _option_value(
    option: Option, key: str, value: Any, where: str, strict: bool
) -> bool | tuple[str, ...]:
    if option.kind != "bool":
        return _names(key, value, where, strict)

    message = f"{where}: {key!r} must be true or false, not {_toml_type(value)}"
    if isinstance(value, bool):
        return value
    if strict:
        raise ConfigError(message)
    try:
        return parse_bool(value)
    except ValueError as exc:
        raise ConfigError(f"{where}: {key!r}: {exc}") from exc


def _names(key: str, value: Any, where: str, strict: bool) -> tuple[str, ...]:
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return split_list(list(value))
    if isinstance(value, str) and not strict:
        return split_list(value)
    raise ConfigError(
        f'{where}: {key!r} must be an array of strings, such as {key} = ["name"],'
        f" not {_toml_type(value)}"
    )


def _toml_type(value: Any) -> str:
    if isinstance(value, list) and not all(isinstance(v, str) for v in value):
        return "an array with non-string items"
    for python_type, name in _TOML_TYPES.items():
        if isinstance(value, python_type):
            return name
    return "a date or time"


def _suggestion(key: str) -> str:
    known = [option.key for option in OPTIONS] + list(CLI_KEYS)
    close = difflib.get_close_matches(key.replace("_", "-"), known, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
