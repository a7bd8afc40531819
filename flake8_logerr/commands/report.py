"""``logerr report [PATH...]``: write the Markdown deliverables.

Exit status: 0 when the report was written (whatever it found), 2 for a
usage or configuration error, an input file that cannot be read, or
``--diff`` outside a git repository.
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
import time
from pathlib import Path
from typing import TextIO

from flake8_logerr.commands.common import add_settings_arguments, overrides_from_args
from flake8_logerr.config import ConfigError, config_from_pyproject
from flake8_logerr.report import ReportRequest, gather, names, write_report
from flake8_logerr.report.gitinfo import GitError
from flake8_logerr.report.inputs import (
    InputError,
    ParsedInput,
    parse_flake8,
    parse_pylint,
    parse_ruff,
)
from flake8_logerr.report.rewrite import default_engine

HELP = "write the Markdown report on logging and error handling"

EPILOG = """\
writes, into --out (default: the current folder):
  logging-error-handling-YYYY-MM-DD.md     the summary
  logging-error-handling-YYYY-MM-DD/       one finding-NNN-<category>-<rule>.md
                                           file per rule that fired

findings come from the checks run directly on PATH (default: .), or from
lint output already produced (FILE may be - for standard input):
  --from-flake8 FILE   flake8's default output (flake8 --select LOG0 ...)
  --from-pylint FILE   pylint's text output or --output-format=json
  --from-ruff FILE     ruff check --output-format=json; ruff's codes for the
                       same problems (E722, BLE001, S110, G004, T201, B904,
                       TRY400, ...) are mapped onto the LOG rules

the same input and --date give byte-identical files.
exit status: 0 written, 2 usage error or unreadable input.
"""

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# Show progress only when checking takes this long, and refresh at this pace.
PROGRESS_AFTER = 1.0
PROGRESS_EVERY = 0.2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EPILOG
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files and folders to review (default: the current folder)",
    )
    source = parser.add_argument_group("findings from lint output")
    for tool in ("flake8", "pylint", "ruff"):
        source.add_argument(
            f"--from-{tool}",
            dest=f"from_{tool}",
            action="append",
            metavar="FILE",
            help=f"read {tool}'s output from FILE (- for standard input)",
        )
    parser.add_argument(
        "--out", default=".", metavar="DIR", help="where to write (default: .)"
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=0,
        metavar="N",
        help="worker processes for the checks (default 0: all cores; 1: none)",
    )
    parser.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="the date in the file names and the report (default: today)",
    )
    parser.add_argument(
        "--diff",
        metavar="BASE",
        help="keep only findings on lines changed since the merge base with BASE "
        "(committed, uncommitted and untracked)",
    )
    for name, text in (
        ("select", "report only codes starting with these prefixes (comma list)"),
        ("ignore", "leave out codes starting with these prefixes (comma list)"),
        ("exclude", "skip files and folders matching these globs (comma list)"),
    ):
        parser.add_argument(f"--{name}", action="append", metavar="LIST", help=text)

    add_settings_arguments(parser)


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("expected 0 (all cores) or more")
    return value


class UsageError(Exception):
    """A problem with the command line or an input file; exit status 2."""


def run(args: argparse.Namespace) -> int:
    """Write the report; returns the exit status."""
    try:
        return _run(args)
    except (UsageError, ConfigError, GitError) as exc:
        sys.stderr.write(f"logerr report: {exc}\n")
        return 2


def _run(args: argparse.Namespace) -> int:
    paths: list[str] = args.paths or ["."]
    date = _date(args.date)
    progress = _Progress(sys.stderr) if sys.stderr.isatty() else None
    config = config_from_pyproject(Path(paths[0]), overrides_from_args(args))
    imported, origin = _read_inputs(args)

    request = ReportRequest(
        paths=paths,
        cwd=Path.cwd(),
        settings=config.settings,
        date=date,
        select=config.select or (),
        ignore=config.ignore or (),
        exclude=config.exclude or (),
        imported=imported,
        origin=origin,
        diff_base=args.diff,
        jobs=args.jobs,
        engine=default_engine(),
        progress=progress,
    )
    data = gather(request)
    if progress is not None:
        progress.done()

    for item in data.summary.skipped:
        sys.stderr.write(
            f"logerr report: not a finding, named in the Overview: {item}\n"
        )
    for problem in data.summary.unreadable:
        sys.stderr.write(f"logerr report: cannot check {problem}\n")

    out = Path(args.out)
    try:
        written = write_report(data, out)
    except OSError as exc:
        raise UsageError(f"cannot write to {out}: {exc.strerror or exc}") from exc
    summary_name, folder = names(date)
    sys.stdout.write(
        f"wrote {out / summary_name} and {len(written.findings)} finding "
        f"file{'s' if len(written.findings) != 1 else ''} in {out / folder}\n"
    )
    return 0


def _date(text: str | None) -> str:
    if text is None:
        return datetime.date.today().isoformat()
    if not DATE_RE.match(text):
        raise UsageError(f"--date wants YYYY-MM-DD, got {text!r}")
    try:
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError as exc:
        raise UsageError(f"--date {text!r} is not a valid date: {exc}") from exc


PARSERS = {"flake8": parse_flake8, "pylint": parse_pylint, "ruff": parse_ruff}


def _read_inputs(args: argparse.Namespace) -> tuple[ParsedInput | None, str]:
    """The findings of every ``--from-*`` input, or None when there is none."""
    given = [
        (tool, name)
        for tool in ("flake8", "pylint", "ruff")
        for name in (getattr(args, f"from_{tool}") or [])
    ]
    if not given:
        return None, ""
    if sum(1 for _, name in given if name == "-") > 1:
        raise UsageError("standard input (-) can be read only once")

    parsed = ParsedInput()
    origins = []
    for tool, name in given:
        label = "standard input" if name == "-" else name
        text = _read_text(name)
        try:
            parsed.extend(PARSERS[tool](text, label))
        except InputError as exc:
            raise UsageError(str(exc)) from exc
        where = "standard input" if name == "-" else f"`{name}`"
        origins.append(f"{tool} output read from {where}")
    return parsed, " and ".join(origins)


def _read_text(name: str) -> str:
    if name == "-":
        return sys.stdin.read()
    try:
        return Path(name).read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        reason = exc.strerror.lower() if exc.strerror else type(exc).__name__
        raise UsageError(f"cannot read {name}: {reason}") from exc


class _Progress:
    """``checked 120/800 files`` on a terminal, for runs longer than a second."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.started = time.monotonic()
        self.shown = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.started < PROGRESS_AFTER or now - self.shown < PROGRESS_EVERY:
            return
        self.shown = now
        self.stream.write(f"\rlogerr report: checked {done}/{total} files")
        self.stream.flush()

    def done(self) -> None:
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
