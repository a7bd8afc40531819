"""``logerr fix PATH...``: apply the automatic fixes in place, or show them.

Safe fixes are applied by default, unsafe ones (they can change behaviour)
with ``--unsafe-fixes``. ``--diff`` prints a unified diff and writes
nothing. Each file keeps its encoding, byte-order mark and newline style.

Exit status: 0 when no finding of the selected rules is left, 1 when some
are (fixed or not, they are listed with the reason), 2 for a usage or
configuration error or a path that could not be read, parsed or written.
"""

from __future__ import annotations

import argparse
import difflib
import io
import sys
import tokenize
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from flake8_logerr.commands.common import add_settings_arguments, overrides_from_args
from flake8_logerr.config import ConfigError, config_from_pyproject
from flake8_logerr.files import FileError, SourceError, discover, read_source
from flake8_logerr.fixes import AUTOMATIC, FixResult, fix_source
from flake8_logerr.fixes.engine import UNSAFE
from flake8_logerr.settings import Settings

HELP = "rewrite code to fix what can be fixed automatically"

EPILOG = """\
safe fixes (applied by default):
  LOG002 LOG005 LOG006 LOG007 LOG008 LOG009 LOG011 LOG015 LOG020 LOG022
unsafe fixes (only with --unsafe-fixes; they can change behaviour):
  LOG016 LOG026

a finding silenced by `# noqa` is not fixed. Settings come from
[tool.logerr] in the nearest pyproject.toml above the first PATH.

exit status: 0 nothing left to fix, 1 findings left, 2 usage error or a path
that could not be read, parsed or written.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EPILOG
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files and folders to fix (default: the current folder)",
    )
    parser.add_argument(
        "--diff",
        action="store_true",
        help="print a unified diff of the fixes and write nothing",
    )
    parser.add_argument(
        "--unsafe-fixes",
        action="store_true",
        help="also apply fixes that can change behaviour (LOG016, LOG026)",
    )
    parser.add_argument(
        "--select",
        action="append",
        metavar="CODES",
        help="fix and report only codes starting with these prefixes (comma list)",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        metavar="CODES",
        help="neither fix nor report codes starting with these prefixes",
    )
    parser.add_argument(
        "--exclude",
        action="append",
        metavar="GLOBS",
        help="skip files and folders matching these globs (comma list)",
    )
    add_settings_arguments(parser)


@dataclass
class _Source:
    """A file's text and how to write it back byte for byte."""

    text: str
    encoding: str


def _read(path: Path) -> _Source:
    text = read_source(path)
    try:
        with path.open("rb") as handle:
            encoding, _ = tokenize.detect_encoding(handle.readline)
    except (OSError, SyntaxError):
        encoding = "utf-8"
    # ``read_source`` drops the byte-order mark; "utf-8-sig" writes it back.
    return _Source(text, encoding)


def _write(path: Path, source: _Source, text: str) -> None:
    try:
        data = text.encode(source.encoding)
    except UnicodeEncodeError as exc:
        raise SourceError(
            f"the fixed text cannot be written as {source.encoding}"
        ) from exc
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise SourceError(f"cannot write the file: {exc.strerror or exc}") from exc


def _diff(path: str, old: str, new: str) -> str:
    lines = difflib.unified_diff(
        io.StringIO(old).readlines(),
        io.StringIO(new).readlines(),
        fromfile=f"a/{path}",
        tofile=f"b/{path}",
    )
    out = []
    for line in lines:
        out.append(
            line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
        )
    return "".join(out)


def fix_file(
    path: Path,
    settings: Settings,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    unsafe: bool,
) -> tuple[_Source, FixResult]:
    """Read and fix one file; a ``SourceError`` says why it could not be."""
    source = _read(path)
    try:
        result = fix_source(source.text, str(path), settings, select, ignore, unsafe)
    except SyntaxError as exc:
        where = f"line {exc.lineno}: " if exc.lineno else ""
        raise SourceError(f"syntax error: {where}{exc.msg}") from exc
    except (RecursionError, MemoryError) as exc:
        raise SourceError("too deeply nested to fix") from exc
    return source, result


def _report(path: str, result: FixResult) -> list[str]:
    """One line per finding: what was fixed, and what was left and why."""
    lines = []
    for finding, note in result.applied:
        lines.append(
            f"{path}:{finding.line}:{finding.col + 1}: {finding.code} fixed: {note}"
        )
    for finding, reason in result.skipped:
        lines.append(
            f"{path}:{finding.line}:{finding.col + 1}: {finding.code} left: {reason}"
        )
    return lines


def run(args: argparse.Namespace) -> int:
    """Fix the paths; returns the exit status."""
    paths: list[str] = args.paths or ["."]
    try:
        config = config_from_pyproject(Path(paths[0]), overrides_from_args(args))
    except ConfigError as exc:
        sys.stderr.write(f"logerr: {exc}\n")
        return 2

    select = tuple(config.select or ())
    ignore = tuple(config.ignore or ())
    files, errors = discover(paths, config.exclude or ())
    # The diff owns stdout when asked for; the account goes to stderr then.
    account = sys.stderr if args.diff else sys.stdout
    fixed: Counter[str] = Counter()
    left = 0
    unsafe_left = 0
    changed_files = 0

    for path in files:
        name = str(path)
        try:
            source, result = fix_file(
                path, config.settings, select, ignore, args.unsafe_fixes
            )
            if result.new_source != source.text:
                changed_files += 1
                if args.diff:
                    sys.stdout.write(_diff(name, source.text, result.new_source))
                else:
                    _write(path, source, result.new_source)
        except SourceError as exc:
            errors.append(FileError(name, str(exc)))
            continue
        for line in _report(name, result):
            account.write(line + "\n")
        fixed.update(finding.code for finding, _ in result.applied)
        left += len(result.skipped)
        unsafe_left += sum(
            1
            for finding, _ in result.skipped
            if AUTOMATIC.get(finding.code, ("", None))[0] == UNSAFE
        )

    for error in sorted(errors, key=lambda e: e.path):
        sys.stderr.write(f"logerr: cannot fix {error.path}: {error.reason}\n")
    account.write(_summary(fixed, changed_files, left, unsafe_left, args) + "\n")
    if errors:
        return 2
    return 1 if left else 0


def _summary(
    fixed: Counter[str],
    changed_files: int,
    left: int,
    unsafe_left: int,
    args: argparse.Namespace,
) -> str:
    total = sum(fixed.values())
    verb = "would fix" if args.diff else "fixed"
    files = "file" if changed_files == 1 else "files"
    text = f"logerr: {verb} {total} in {changed_files} {files}"
    if fixed:
        text += (
            " (" + ", ".join(f"{code} {n}" for code, n in sorted(fixed.items())) + ")"
        )
    text += f"; {left} left"
    if unsafe_left and not args.unsafe_fixes:
        text += f", {unsafe_left} of them with an unsafe fix (--unsafe-fixes)"
    return text
