"""Files for the ``logerr`` command: finding them, reading them, checking them.

Everything here turns bad input into a ``FileError`` with a reason a person
can act on; nothing raises past ``check_path`` for a problem with one file.
"""

from __future__ import annotations

import ast
import fnmatch
import io
import os
import re
import tokenize
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from flake8_logerr.core import Finding, check
from flake8_logerr.settings import Settings

# Folders that never hold the user's own code.
SKIP_DIRS = frozenset(
    (
        ".git",
        ".hg",
        ".svn",
        ".tox",
        ".nox",
        ".venv",
        "venv",
        ".eggs",
        "build",
        "dist",
        "__pycache__",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
        ".logerr_cache",
        "node_modules",
        "site-packages",
    )
)

# Larger files are reported and skipped: they are almost always generated.
MAX_FILE_BYTES = 1024 * 1024

# flake8's inline and file-level noqa comments, read the way flake8 reads them.
NOQA_INLINE_RE = re.compile(
    r"# noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?", re.IGNORECASE
)
NOQA_FILE_RE = re.compile(r"\s*# flake8[:=]\s*noqa", re.IGNORECASE)


@dataclass(frozen=True)
class FileError:
    """A path that could not be checked, and why, in one line."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class FileResult:
    """What checking one file gave: findings, or the reason it could not."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    error: FileError | None = None
    lines: list[str] = field(default_factory=list)


class SourceError(Exception):
    """A file that cannot be read or parsed; the message is the reason."""


def _is_virtualenv(path: Path) -> bool:
    return (path / "pyvenv.cfg").is_file()


def _excluded(path: Path, patterns: Sequence[str]) -> bool:
    text = path.as_posix()
    return any(
        fnmatch.fnmatch(path.name, pattern) or fnmatch.fnmatch(text, pattern)
        for pattern in patterns
    )


def discover(
    paths: Iterable[str], exclude: Sequence[str] = ()
) -> tuple[list[Path], list[FileError]]:
    """Python files under ``paths`` in a stable order, and paths that failed.

    A file named explicitly is checked whatever its suffix; folders are
    searched for ``*.py`` files, skipping ``SKIP_DIRS``, virtual environments
    and anything matching an ``exclude`` glob.
    """
    found: list[Path] = []
    errors: list[FileError] = []
    seen: set[Path] = set()

    for name in paths:
        path = Path(name)
        if _excluded(path, exclude) and name not in (".", ".."):
            continue
        if path.is_file():
            _add(path, found, seen)
            continue
        if not path.exists():
            reason = "no such file or folder"
            if path.is_symlink():
                reason = "broken symbolic link"
            errors.append(FileError(name, reason))
            continue
        if not path.is_dir():
            errors.append(FileError(name, "not a regular file or folder"))
            continue
        _walk_folder(path, exclude, found, seen, errors)
    return found, errors


def _walk_folder(
    top: Path,
    exclude: Sequence[str],
    found: list[Path],
    seen: set[Path],
    errors: list[FileError],
) -> None:
    def on_error(exc: OSError) -> None:
        errors.append(FileError(str(exc.filename or top), _os_reason(exc)))

    # os.walk does not follow symbolic links to folders, so loops cannot occur.
    for root, dirs, files in os.walk(top, onerror=on_error):
        base = Path(root)
        dirs[:] = sorted(
            d
            for d in dirs
            if d not in SKIP_DIRS
            and not d.endswith(".egg-info")
            and not _is_virtualenv(base / d)
            and not _excluded(base / d, exclude)
        )
        for file_name in sorted(files):
            path = base / file_name
            if file_name.endswith(".py") and not _excluded(path, exclude):
                if path.is_symlink() and not path.exists():
                    errors.append(FileError(str(path), "broken symbolic link"))
                    continue
                _add(path, found, seen)


def _add(path: Path, found: list[Path], seen: set[Path]) -> None:
    try:
        key = path.resolve()
    except (OSError, RuntimeError):  # a symbolic link loop resolves to nothing
        key = path
    if key not in seen:
        seen.add(key)
        found.append(path)


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if exc.strerror:
        return exc.strerror.lower()
    return type(exc).__name__


def read_source(path: Path) -> str:
    """The text of a Python file, decoded as Python decodes it (PEP 263)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            megabytes = size / (1024 * 1024)
            raise SourceError(
                f"skipped: {megabytes:.1f} MB is over the 1 MB limit for one file"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(_os_reason(exc)) from exc
    return decode_source(data)


def decode_source(data: bytes) -> str:
    """Decode bytes with their coding cookie or BOM, else as UTF-8."""
    if b"\0" in data:
        raise SourceError("contains a NUL byte; not a Python source file")
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as exc:
        # detect_encoding also fails on undecodable first lines without a
        # cookie; say what the user can fix rather than its generic text.
        if "unknown encoding" in str(exc):
            raise SourceError(f"coding cookie names an {exc}") from exc
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding in ("utf-8", "utf-8-sig"):
            hint = "is not valid UTF-8 and has no coding cookie"
        else:
            hint = f"cannot be decoded as {encoding}, as its coding cookie says"
        raise SourceError(f"{hint} (byte {exc.start})") from exc
    return text.removeprefix("\ufeff")


def parse_source(source: str, path: str) -> ast.Module:
    """Parse, turning every way parsing can fail into a ``SourceError``."""
    try:
        return ast.parse(source, filename=path)
    except SyntaxError as exc:
        where = f"line {exc.lineno}: " if exc.lineno else ""
        raise SourceError(f"syntax error: {where}{exc.msg}") from exc
    except (RecursionError, MemoryError) as exc:
        raise SourceError("too deeply nested for Python to parse") from exc
    except ValueError as exc:
        raise SourceError(f"cannot be parsed: {exc}") from exc


def noqa_lines(source: str) -> dict[int, str]:
    """Line number -> text searched for ``# noqa`` (the whole logical line)."""
    lines = source.splitlines(keepends=True)
    mapping: dict[int, str] = {}
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        return {number: line for number, line in enumerate(lines, start=1)}

    first, last = len(lines) + 2, -1
    for token in tokens:
        if token.type in (tokenize.ENDMARKER, tokenize.DEDENT):
            continue
        first = min(first, token.start[0])
        last = max(last, token.end[0])
        if token.type in (tokenize.NL, tokenize.NEWLINE):
            joined = "".join(lines[first - 1 : last])
            for number in range(first, last + 1):
                mapping[number] = joined
            first, last = len(lines) + 2, -1
    return mapping


def apply_noqa(findings: list[Finding], source: str) -> list[Finding]:
    """Drop findings silenced by ``# noqa`` exactly as flake8 would."""
    if "noqa" not in source.lower():
        return findings
    if any(NOQA_FILE_RE.match(line) for line in source.splitlines()):
        return []
    mapping = noqa_lines(source)
    kept = []
    for finding in findings:
        match = NOQA_INLINE_RE.search(mapping.get(finding.line, ""))
        if match is None:
            kept.append(finding)
            continue
        codes_text = match.group("codes")
        if codes_text is None:
            continue
        codes = tuple(c for c in re.split(r"[,\s]+", codes_text) if c)
        if not finding.code.startswith(codes):
            kept.append(finding)
    return kept


def select_findings(
    findings: Iterable[Finding], select: Sequence[str], ignore: Sequence[str]
) -> list[Finding]:
    """Keep codes matching a ``select`` prefix (all when empty), minus ``ignore``.

    As in flake8, the longer matching prefix wins when both match.
    """
    kept = []
    for finding in findings:
        selected = max((len(p) for p in select if finding.code.startswith(p)), default=-1)
        ignored = max((len(p) for p in ignore if finding.code.startswith(p)), default=-1)
        if not select:
            selected = 0
        if selected >= 0 and selected > ignored:
            kept.append(finding)
    return kept


def check_path(
    path: Path,
    settings: Settings,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> FileResult:
    """Read, parse and check one file; never raises for the file's content."""
    name = str(path)
    try:
        source = read_source(path)
        tree = parse_source(source, name)
    except SourceError as exc:
        return FileResult(name, error=FileError(name, str(exc)))

    lines = source.splitlines(keepends=True)
    findings = check(tree, lines, name, settings)
    findings = apply_noqa(findings, source)
    findings = select_findings(findings, select, ignore)
    return FileResult(name, findings=findings, lines=lines)
