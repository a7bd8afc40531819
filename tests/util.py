"""Helpers shared by the rule tests."""

from __future__ import annotations

import textwrap
from typing import Any

from flake8_logerr import check_source
from flake8_logerr.settings import DEFAULT_SETTINGS


def results(
    source: str, filename: str = "module.py", **settings: Any
) -> list[tuple[int, int, str]]:
    """Dedent ``source``, check it, and return ``(line, col, code)`` sorted."""
    findings = check_source(
        textwrap.dedent(source),
        filename=filename,
        settings=DEFAULT_SETTINGS.with_values(**settings),
    )
    return [(f.line, f.col, f.code) for f in findings]


def codes(source: str, *only: str, **kwargs: Any) -> list[tuple[int, int, str]]:
    """Like ``results`` but keeps only the given codes (prefix match)."""
    return [r for r in results(source, **kwargs) if r[2].startswith(only)]


def messages(source: str, filename: str = "module.py", **settings: Any) -> list[str]:
    findings = check_source(
        textwrap.dedent(source),
        filename=filename,
        settings=DEFAULT_SETTINGS.with_values(**settings),
    )
    return [f"{f.code} {f.message}" for f in findings]
