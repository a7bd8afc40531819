"""Settings of the core: one dataclass, defaults here and nowhere else.

Each host fills a ``Settings`` from its own configuration: the flake8 adapter
from ``--logerr-…`` flags and ``[flake8]`` keys, the pylint adapter from its
checker options, the ``logerr`` command from flags and ``[tool.logerr]``.
``OPTIONS`` describes every field once so that all three read the same list.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

DEFAULT_EXPECTED_EXCEPTIONS = (
    "KeyError",
    "IndexError",
    "LookupError",
    "AttributeError",
    "ImportError",
    "ModuleNotFoundError",
    "StopIteration",
    "StopAsyncIteration",
    "GeneratorExit",
    "FileNotFoundError",
    "FileExistsError",
    "NotImplementedError",
)


@dataclass(frozen=True)
class Settings:
    """Everything a user can tune; every field is read by at least one rule."""

    # Extra names that count as loggers (LOG001-LOG027), e.g. ``AUTH``.
    logger_names: tuple[str, ...] = ()
    # Extra functions whose result is a logger, e.g. ``make_logger``.
    logger_factories: tuple[str, ...] = ()
    # LOG018: exception types whose silent handling is expected.
    expected_exceptions: tuple[str, ...] = DEFAULT_EXPECTED_EXCEPTIONS
    # LOG019: words added to the built-in sensitive words.
    sensitive_words: tuple[str, ...] = ()
    # LOG019: identifiers never reported, e.g. ``token_bucket``.
    sensitive_allow: tuple[str, ...] = ()
    # LOG019: also treat personal data (email, phone, ...) as sensitive.
    pii: bool = False
    # LOG017: functions that hand an exception to an error tracker.
    reporter_functions: tuple[str, ...] = ()
    # LOG019: functions whose result no longer carries the secret.
    redaction_functions: tuple[str, ...] = ()
    # LOG025: file globs where printing is the program's job.
    print_allowed_in: tuple[str, ...] = ()
    # LOG027: file globs allowed to configure logging at import time.
    config_allowed_in: tuple[str, ...] = ()

    def with_values(self, **values: Any) -> Settings:
        """A copy with some fields replaced (values already converted)."""
        return replace(self, **values)


@dataclass(frozen=True)
class Option:
    """How one setting is spelled and explained in every front door."""

    field: str
    kind: str  # "list" or "bool"
    help: str

    @property
    def key(self) -> str:
        """The kebab name: ``[tool.logerr]`` key and pylint option name."""
        return self.field.replace("_", "-")

    @property
    def flake8_flag(self) -> str:
        return "--logerr-" + self.key

    @property
    def flake8_key(self) -> str:
        """The ``[flake8]`` key flake8 derives from the flag."""
        return "logerr-" + self.key


OPTIONS = (
    Option(
        "logger_names",
        "list",
        "extra variable or attribute names that hold a logger (e.g. AUTH)",
    ),
    Option(
        "logger_factories",
        "list",
        "extra function names that return a logger (e.g. make_logger)",
    ),
    Option(
        "expected_exceptions",
        "list",
        "exception types a silent handler may swallow (replaces the default)",
    ),
    Option("sensitive_words", "list", "words added to the sensitive-word list"),
    Option("sensitive_allow", "list", "identifiers never reported as sensitive"),
    Option("pii", "bool", "also treat email, phone, address and birth date"),
    Option(
        "reporter_functions",
        "list",
        "functions that send an exception to an error tracker",
    ),
    Option(
        "redaction_functions",
        "list",
        "functions whose result no longer carries the secret",
    ),
    Option(
        "print_allowed_in",
        "list",
        "file globs where print() is allowed (command-line code)",
    ),
    Option(
        "config_allowed_in",
        "list",
        "file globs allowed to configure logging at import time",
    ),
)

assert {option.field for option in OPTIONS} == {f.name for f in fields(Settings)}

DEFAULT_SETTINGS = Settings()


def split_list(value: object) -> tuple[str, ...]:
    """Turn a comma/newline separated string or a list into a tuple of names."""
    if value is None:
        return ()
    if isinstance(value, str):
        items = value.replace("\n", ",").split(",")
    elif isinstance(value, (list, tuple)):
        items = [str(item) for item in value]
    else:
        # ValueError, not TypeError: config.py turns it into a ConfigError.
        raise ValueError(f"expected a list of names, got {value!r}")  # noqa: TRY004
    return tuple(item.strip() for item in items if item.strip())


def parse_bool(value: object) -> bool:
    """Read a boolean written as a bool or as text (true/false/yes/no/1/0)."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off", ""):
        return False
    raise ValueError(f"expected true or false, got {value!r}")


def settings_from_mapping(
    values: dict[str, Any], base: Settings | None = None
) -> Settings:
    """Build settings from kebab or snake keys; unknown keys are an error."""
    known = {option.key: option for option in OPTIONS}
    known.update({option.field: option for option in OPTIONS})
    converted: dict[str, Any] = {}
    for key, value in values.items():
        option = known.get(key)
        if option is None:
            raise ValueError(f"unknown setting {key!r}")
        if option.kind == "bool":
            converted[option.field] = parse_bool(value)
        else:
            converted[option.field] = split_list(value)
    return (base or DEFAULT_SETTINGS).with_values(**converted)
