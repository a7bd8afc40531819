"""Rules of this family are being written; see checks/__init__.py."""

from __future__ import annotations

from typing import Any

HOOKS: list[tuple[Any, Any]] = []
