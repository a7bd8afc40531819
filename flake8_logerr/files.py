"""Files for the ``logerr`` command: finding them, reading them, checking them.

Everything here turns bad input into a ``FileError`` with a reason a person
can act on; nothing raises past ``check_path`` for a problem with one file.
"""

from __future__ import annotations

import ast
import errno
import fnmatch
import functools
import io
import os
import re
import stat
import tokenize
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from flake8_logerr.cache import CachedResult, ResultCache
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

# Larger files are reported and skipped: they are generated, not written.
# The limit is high enough for a hand-written file with one huge literal.
MAX_FILE_BYTES = 16 * 1024 * 1024

# Fewer files than this are checked in-process: starting workers costs more.
MIN_PARALLEL_FILES = 4

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


def _excluded(path: Path, patterns: Sequence[str]) -> bool:
    return _excluded_text(str(path), path.name, patterns)


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
    seen: set[str] = set()

    for name in paths:
        path = Path(name)
        if _excluded(path, exclude) and name not in (".", ".."):
            continue
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            errors.append(FileError(name, _os_reason(exc, path)))
            continue
        if stat.S_ISREG(mode):
            _add(path, found, seen)
        elif stat.S_ISDIR(mode):
            _walk_folder(path, exclude, found, seen, errors)
        else:
            errors.append(FileError(name, "not a regular file or folder"))
    return found, errors


def _walk_folder(
    top: Path,
    exclude: Sequence[str],
    found: list[Path],
    seen: set[str],
    errors: list[FileError],
) -> None:
    """Add the ``*.py`` files under ``top``: files of a folder, then its folders.

    Symbolic links to folders are not followed, so loops cannot occur, and
    a file's real path is its folder's real path plus its name (only links
    to files need resolving, for the duplicate check).
    """
    stack = [(str(top), os.path.realpath(top))]
    while stack:
        folder, real = stack.pop()
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as exc:
            errors.append(FileError(folder, _os_reason(exc, None)))
            continue

        subfolders = []
        for entry in entries:
            name = entry.name
            # Print "a.py" rather than "./a.py" for files of the current folder.
            path = name if folder == os.curdir else entry.path
            if entry.is_dir(follow_symlinks=False):
                if not _skipped_folder(path, name, exclude):
                    subfolders.append((path, os.path.join(real, name)))
                continue
            if not name.endswith(".py") or _excluded_text(path, name, exclude):
                continue
            if entry.is_symlink():
                try:
                    os.stat(path)
                except OSError as exc:  # a broken link or a link loop
                    errors.append(FileError(path, _os_reason(exc, Path(path))))
                    continue
                key = os.path.realpath(path)
            else:
                key = os.path.join(real, name)
            if entry.is_file() and key not in seen:
                seen.add(key)
                found.append(Path(path))
        stack.extend(reversed(subfolders))


def _skipped_folder(path: str, name: str, exclude: Sequence[str]) -> bool:
    return (
        name in SKIP_DIRS
        or name.endswith(".egg-info")
        or os.path.isfile(os.path.join(path, "pyvenv.cfg"))  # a virtualenv
        or _excluded_text(path, name, exclude)
    )


def _excluded_text(path: str, name: str, patterns: Sequence[str]) -> bool:
    if not patterns:
        return False
    posix = path.replace(os.sep, "/")
    return any(
        fnmatch.fnmatch(name, pattern) or fnmatch.fnmatch(posix, pattern)
        for pattern in patterns
    )


def _add(path: Path, found: list[Path], seen: set[str]) -> None:
    key = os.path.realpath(path)
    if key not in seen:
        seen.add(key)
        found.append(path)


def _os_reason(exc: OSError, path: Path | None) -> str:
    """Why ``path`` could not be used, in words a person can act on."""
    if isinstance(exc, PermissionError):
        return "permission denied"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT:
        if path is not None and path.is_symlink():
            return "broken symbolic link"
        return "no such file or folder"
    if exc.errno == errno.EISDIR:
        return "is a folder, not a file"
    if exc.strerror:
        return exc.strerror.lower()
    return type(exc).__name__


# Opening a pipe named *.py must not wait for a writer: O_NONBLOCK (where the
# system has it) makes open return at once, then fstat tells what it is.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def read_bytes(path: Path) -> bytes:
    """The bytes of a regular file of a sensible size, else a ``SourceError``."""
    try:
        handle = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise SourceError(_os_reason(exc, path)) from exc

    with open(handle, "rb") as stream:
        try:
            info = os.fstat(handle)
            if not stat.S_ISREG(info.st_mode):
                raise SourceError("not a regular file")
            if info.st_size > MAX_FILE_BYTES:
                size = info.st_size / (1024 * 1024)
                limit = MAX_FILE_BYTES // (1024 * 1024)
                raise SourceError(
                    f"skipped: {size:.1f} MB is over the {limit} MB limit for one file"
                )
            return stream.read()
        except OSError as exc:
            raise SourceError(_os_reason(exc, path)) from exc


def read_source(path: Path) -> str:
    """The text of a Python file, decoded as Python decodes it (PEP 263)."""
    return decode_source(read_bytes(path))


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
        line = data.count(b"\n", 0, exc.start) + 1
        raise SourceError(f"{hint} (line {line})") from exc
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
        selected = max(
            (len(p) for p in select if finding.code.startswith(p)), default=-1
        )
        ignored = max(
            (len(p) for p in ignore if finding.code.startswith(p)), default=-1
        )
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
    *,
    cache: ResultCache | None = None,
) -> FileResult:
    """Read, parse and check one file; never raises for the file's content.

    With a ``cache``, a stored result for the same bytes is used instead of
    checking again, and a fresh result is stored.
    """
    return _check_file(path, settings, select, ignore, cache, lookup=True)


def _check_file(
    path: Path,
    settings: Settings,
    select: Sequence[str],
    ignore: Sequence[str],
    cache: ResultCache | None,
    *,
    lookup: bool,
) -> FileResult:
    name = str(path)
    try:
        data = read_bytes(path)
    except SourceError as exc:
        return FileResult(name, error=FileError(name, str(exc)))

    key = ""
    if cache is not None:
        key = cache.key(name, data)
        cached = cache.load(key) if lookup else None
        if cached is not None:
            return _from_cache(name, data, cached)

    result = check_bytes(name, data, settings, select, ignore)
    if cache is not None:
        reason = result.error.reason if result.error else None
        cache.store(key, CachedResult(tuple(result.findings), reason))
    return result


def check_bytes(
    name: str,
    data: bytes,
    settings: Settings,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> FileResult:
    """Decode, parse and check the bytes of the file ``name``."""
    try:
        source = decode_source(data)
        tree = parse_source(source, name)
    except SourceError as exc:
        return FileResult(name, error=FileError(name, str(exc)))

    lines = source.splitlines(keepends=True)
    findings = check(tree, lines, name, settings)
    findings = apply_noqa(findings, source)
    findings = select_findings(findings, select, ignore)
    return FileResult(name, findings=findings, lines=lines)


def _from_cache(
    name: str, data: bytes, cached: CachedResult, keep_lines: bool = True
) -> FileResult:
    if cached.error is not None:
        return FileResult(name, error=FileError(name, cached.error))
    if not keep_lines:
        return FileResult(name, findings=list(cached.findings))
    try:
        lines = decode_source(data).splitlines(keepends=True)
    except SourceError:
        lines = []  # cannot happen for bytes that were checked; lines are extra
    return FileResult(name, findings=list(cached.findings), lines=lines)


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def check_paths(
    paths: Sequence[Path],
    settings: Settings,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    *,
    jobs: int = 0,
    cache: ResultCache | None = None,
    keep_lines: bool = False,
) -> list[FileResult]:
    """Check many files, in worker processes when ``jobs`` allows, in order.

    ``jobs`` 0 means all cores, 1 means in this process. Cached results are
    looked up here first, so an unchanged tree starts no workers at all.
    ``lines`` are dropped unless ``keep_lines``, to spare memory and pickling.
    """
    results: list[FileResult | None] = [None] * len(paths)
    misses: list[int] = []
    for index, path in enumerate(paths):
        if cache is None:
            misses.append(index)
            continue
        name = str(path)
        try:
            data = read_bytes(path)
        except SourceError as exc:
            results[index] = FileResult(name, error=FileError(name, str(exc)))
            continue
        cached = cache.load(cache.key(name, data))
        if cached is None:
            misses.append(index)
        else:
            results[index] = _from_cache(name, data, cached, keep_lines)

    worker = functools.partial(
        _check_in_worker,
        settings=settings,
        select=tuple(select),
        ignore=tuple(ignore),
        cache_folder=cache.folder if cache else None,
        salt=cache.salt if cache else "",
        keep_lines=keep_lines,
    )
    jobs = jobs or default_jobs()
    todo = [paths[index] for index in misses]
    if jobs == 1 or len(todo) < MIN_PARALLEL_FILES:
        checked = [worker(path) for path in todo]
    else:
        checked = _check_in_pool(worker, todo, jobs)
    for index, result in zip(misses, checked):
        results[index] = result
    return [result for result in results if result is not None]


def _check_in_pool(
    worker: functools.partial[FileResult], todo: list[Path], jobs: int
) -> list[FileResult]:
    """Check ``todo`` in ``jobs`` processes, in chunks, keeping the order."""
    jobs = min(jobs, len(todo))
    # A few chunks per worker evens out big and small files without paying
    # the cost of sending each file alone.
    chunksize = max(1, len(todo) // (jobs * 4))
    checked: list[FileResult] = []
    try:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            # One at a time, so the results before a failure are kept.
            for result in pool.map(worker, todo, chunksize=chunksize):
                checked.append(result)  # noqa: PERF402
    except BrokenProcessPool:
        # A worker died (killed, out of memory); the files it had not
        # reported are named rather than lost.
        reason = "the worker process checking it ended unexpectedly"
        for path in todo[len(checked) :]:
            name = str(path)
            checked.append(FileResult(name, error=FileError(name, reason)))
    return checked


def _check_in_worker(
    path: Path,
    *,
    settings: Settings,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    cache_folder: Path | None,
    salt: str,
    keep_lines: bool,
) -> FileResult:
    cache = ResultCache(cache_folder, salt) if cache_folder is not None else None
    # The caller has just looked this file up and missed: only store.
    result = _check_file(path, settings, select, ignore, cache, lookup=False)
    if not keep_lines:
        result.lines = []
    return result
