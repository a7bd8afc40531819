"""`logerr check` (being written)."""

from __future__ import annotations

import argparse
import sys

HELP = "check (not available yet)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*")


def run(args: argparse.Namespace) -> int:
    sys.stderr.write("logerr check: not available yet\n")
    return 2
