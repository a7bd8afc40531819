"""A file's path inside its own project, for rules that look at file names.

"Files under ``tests/`` or ``examples/``" means under those folders of the
project the file belongs to: the nearest folder upwards holding
``pyproject.toml``, ``setup.py``, ``setup.cfg`` or ``.git``. So a complete
application kept in a library's ``examples/`` folder, with a
``pyproject.toml`` of its own, is judged as the application it is.
"""

from __future__ import annotations

import functools
import os
import re

PROJECT_MARKERS = ("pyproject.toml", "setup.py", "setup.cfg", ".git")


@functools.lru_cache(maxsize=4096)
def _project_root(folder: str) -> str | None:
    current = folder
    while True:
        if any(os.path.exists(os.path.join(current, m)) for m in PROJECT_MARKERS):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


@functools.lru_cache(maxsize=1024)
def project_parts(filename: str) -> tuple[str, ...]:
    """The path's parts from its project's root; as given when not on disk."""
    given = tuple(p for p in re.split(r"[\\/]", filename) if p not in ("", ".", ".."))
    try:
        if not os.path.isfile(filename):
            return given
        absolute = os.path.abspath(filename)
        root = _project_root(os.path.dirname(absolute))
    except (OSError, ValueError):  # an odd name from a host: keep it as given
        return given
    if root is None:
        return given
    relative = os.path.relpath(absolute, root)
    return tuple(p for p in re.split(r"[\\/]", relative) if p not in ("", "."))
