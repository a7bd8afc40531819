"""``logerr check PATH...``: run the core on files and folders, print findings.

Exit status: 0 when nothing was found, 1 when something was (a LOG000
internal error counts), 2 for a usage or configuration error or when any
path could not be read or parsed. Each such path gets one line on stderr;
the other files are still checked and printed.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from flake8_logerr.cache import DEFAULT_CACHE_DIR, ResultCache, make_salt
from flake8_logerr.commands.common import add_settings_arguments, overrides_from_args
from flake8_logerr.config import ConfigError, config_from_pyproject
from flake8_logerr.files import FileError, check_paths, discover
from flake8_logerr.formats import FORMATS, render

HELP = "check files and folders for logging and error-handling mistakes"

EPILOG = """\
output formats:
  text    flake8's line, path:line:column: CODE message (column 1-based)
  json    a list of objects: path, line, column (1-based), code, symbol,
          message, priority, category, url
  sarif   SARIF 2.1.0, for code-scanning tools
  github  GitHub Actions annotations (error, warning or notice by priority)

settings come from [tool.logerr] in the nearest pyproject.toml above the
first PATH; the flags of the same names override them.

exit status: 0 nothing found, 1 findings, 2 usage error or a path that could
not be read or parsed.
"""


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("expected 0 (all cores) or more")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EPILOG
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files and folders to check (default: the current folder)",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="output format (default: text)",
    )
    parser.add_argument(
        "--select",
        action="append",
        metavar="CODES",
        help="report only codes starting with these prefixes (comma list)",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        metavar="CODES",
        help="do not report codes starting with these prefixes (comma list)",
    )
    parser.add_argument(
        "--exclude",
        action="append",
        metavar="GLOBS",
        help="skip files and folders matching these globs, besides .git, "
        "virtual environments, build, dist, caches and node_modules (comma list)",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=0,
        metavar="N",
        help="worker processes (default 0: all cores; 1: no workers)",
    )
    parser.add_argument(
        "--cache-dir",
        default=DEFAULT_CACHE_DIR,
        metavar="DIR",
        help=f"where results are cached (default: {DEFAULT_CACHE_DIR})",
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="neither read nor write the cache"
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="print how many files were checked and taken from the cache",
    )

    add_settings_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Check the paths and print the findings; returns the exit status."""
    started = time.perf_counter()
    paths: list[str] = args.paths or ["."]
    try:
        config = config_from_pyproject(Path(paths[0]), overrides_from_args(args))
    except ConfigError as exc:
        sys.stderr.write(f"logerr: {exc}\n")
        return 2

    select = config.select or ()
    ignore = config.ignore or ()
    files, errors = discover(paths, config.exclude or ())
    cache = None
    if not args.no_cache:
        salt = make_salt(config.settings, select, ignore)
        cache = ResultCache(Path(args.cache_dir), salt)
    results = check_paths(
        files,
        config.settings,
        select,
        ignore,
        jobs=args.jobs,
        cache=cache,
        keep_lines=args.format == "sarif",
    )

    errors = sorted(
        [*errors, *(result.error for result in results if result.error is not None)],
        key=lambda error: error.path,
    )
    checked = [result for result in results if result.error is None]
    _write_stdout(render(args.format, checked, errors))
    for error in errors:
        sys.stderr.write(f"logerr: cannot check {error.path}: {error.reason}\n")

    found = sum(len(result.findings) for result in checked)
    if args.verbose:
        _write_summary(len(files), cache, found, errors, time.perf_counter() - started)
    if errors:
        return 2
    return 1 if found else 0


def _write_stdout(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader (``| head``) has gone; its choice, not an error. Point
        # stdout at /dev/null so the interpreter's final flush stays quiet.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _write_summary(
    files: int,
    cache: ResultCache | None,
    found: int,
    errors: Sequence[FileError],
    seconds: float,
) -> None:
    from_cache = f", {cache.hits} from the cache" if cache is not None else ""
    sys.stderr.write(
        f"logerr: {files} files checked{from_cache} in {seconds:.2f} s; "
        f"{found} findings, {len(errors)} paths not checked\n"
    )
