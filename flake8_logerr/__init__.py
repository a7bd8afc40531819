"""flake8-logerr: logging and error-handling checks for Python code."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from flake8_logerr.core import Finding, check, check_source
from flake8_logerr.settings import Settings

try:
    __version__ = version("flake8-logerr")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"

__all__ = ["Finding", "Settings", "__version__", "check", "check_source"]
