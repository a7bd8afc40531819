"""The result cache of ``logerr check``: one small JSON file per checked file.

An entry is found by a key made of everything the result depends on: the
file's bytes, its path (some rules read the file name), our version and
source files, the Python version (it decides what parses), the settings and
the select/ignore lists. A changed input is a new key, so entries are never
updated in place, only written. A damaged or unreadable entry counts as a
miss: the file is checked again and the entry rewritten.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flake8_logerr.core import Finding
from flake8_logerr.settings import Settings

logger = logging.getLogger(__name__)

DEFAULT_CACHE_DIR = ".logerr_cache"

# Bumped when the layout of an entry changes.
FORMAT = 1

_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This folder is a cache made by logerr (flake8-logerr).\n"
    "# See https://bford.info/cachedir/ for what this file means.\n"
)


@dataclass(frozen=True)
class CachedResult:
    """What an entry holds: the findings of one file, or why it failed."""

    findings: tuple[Finding, ...] = ()
    error: str | None = None


def _code_fingerprint() -> str:
    """Size and mtime of our own modules, so an edited checkout misses."""
    package = Path(__file__).resolve().parent
    parts = []
    for path in sorted(package.rglob("*.py")):
        try:
            info = path.stat()
        except OSError:
            continue  # a module removed while we look is simply not counted
        parts.append(f"{path.relative_to(package)}:{info.st_size}:{info.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def make_salt(settings: Settings, select: Sequence[str], ignore: Sequence[str]) -> str:
    """The part of every key that is the same for all files of one run."""
    from flake8_logerr import __version__

    data = {
        "format": FORMAT,
        "version": __version__,
        "code": _code_fingerprint(),
        "python": sys.implementation.cache_tag,
        "python_version": list(sys.version_info[:3]),
        "settings": dataclasses.asdict(settings),
        "select": list(select),
        "ignore": list(ignore),
    }
    text = json.dumps(data, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


class ResultCache:
    """Entries under ``folder``; counts its hits, misses and writes."""

    def __init__(self, folder: Path, salt: str) -> None:
        self.folder = folder
        self.salt = salt
        self.hits = 0
        self.misses = 0
        self.writes = 0

    def key(self, path: str, data: bytes) -> str:
        """The entry name for ``path`` holding ``data``."""
        digest = hashlib.sha256()
        digest.update(self.salt.encode())
        digest.update(b"\0")
        digest.update(os.fsencode(path))
        digest.update(b"\0")
        digest.update(data)
        return digest.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def load(self, key: str) -> CachedResult | None:
        """The stored result, or None when absent or damaged (a miss)."""
        try:
            text = self._entry(key).read_text(encoding="utf-8")
        except FileNotFoundError:
            self.misses += 1
            return None
        except (OSError, UnicodeDecodeError) as exc:
            logger.debug("unreadable cache entry %s: %s", key, exc)
            self.misses += 1
            return None

        try:
            result = _decode(text, key)
        except ValueError as exc:
            logger.debug("damaged cache entry %s ignored: %s", key, exc)
            self.misses += 1
            return None
        self.hits += 1
        return result

    def store(self, key: str, result: CachedResult) -> None:
        """Write an entry atomically; a cache that cannot be written is skipped."""
        data = {
            "key": key,
            "error": result.error,
            "findings": [
                [f.line, f.col, f.code, f.message, f.priority] for f in result.findings
            ],
        }
        entry = self._entry(key)
        try:
            self._prepare()
            entry.parent.mkdir(exist_ok=True)
            # Write beside the entry, then rename: a reader never sees half
            # an entry, even with two runs writing the same one at once.
            handle, temp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as stream:
                    json.dump(data, stream, separators=(",", ":"))
                os.replace(temp, entry)
            except BaseException:
                os.unlink(temp)
                raise
        except OSError as exc:
            # Checking must not fail because the cache cannot be written
            # (read-only tree, full disk); the next run simply misses again.
            logger.debug("cannot write cache entry %s: %s", entry, exc)
            return
        self.writes += 1

    def _prepare(self) -> None:
        """Create the folder with a CACHEDIR.TAG and a .gitignore on first use."""
        if self.folder.is_dir():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / "CACHEDIR.TAG").write_text(_TAG, encoding="utf-8")
        (self.folder / ".gitignore").write_text(
            "# made by logerr: never commit this folder\n*\n", encoding="utf-8"
        )


def _decode(text: str, key: str) -> CachedResult:
    """Rebuild a result; ``ValueError`` when anything is not as written."""
    data: Any = json.loads(text)  # JSONDecodeError is a ValueError
    if not isinstance(data, dict) or data.get("key") != key:
        raise ValueError("not an entry for this key")

    error = data.get("error")
    rows = data.get("findings")
    if not (error is None or isinstance(error, str)) or not isinstance(rows, list):
        raise ValueError("error or findings of the wrong type")

    findings = []
    for row in rows:
        if not (isinstance(row, list) and len(row) == 5):
            raise ValueError("a finding is not a list of five")
        line, col, code, message, priority = row
        if not (
            isinstance(line, int)
            and isinstance(col, int)
            and isinstance(code, str)
            and isinstance(message, str)
            and (priority is None or isinstance(priority, str))
        ):
            raise ValueError("a finding has a field of the wrong type")
        findings.append(Finding(line, col, code, message, priority))
    return CachedResult(tuple(findings), error)
