"""The ``logerr`` command."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from flake8_logerr import __version__


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="logerr")
    parser.add_argument("--version", action="version", version=__version__)
    parser.parse_args(argv)
    return 0
