"""The source files behind the findings: their lines, functions and statements.

Each file is read and parsed once, however many places point into it. A file
that is gone or unreadable keeps its findings; it just has no lines to quote.
"""

from __future__ import annotations

import ast
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from flake8_logerr.files import SourceError, parse_source, read_source
from flake8_logerr.scope import FUNCTION_TYPES

# Longest excerpt quoted for one place, in lines.
MAX_EXCERPT = 12

TEST_FILE_NAMES = ("conftest.py",)
# A folder of tests anywhere; "test" only at the top, since a package's own
# ``test`` module (``django/test/``) is library code that projects import.
TEST_FOLDERS = frozenset(("tests",))
TOP_TEST_FOLDERS = frozenset(("test", "tests", "testing"))


def display_path(name: str | Path, cwd: Path) -> str:
    """A stable, forward-slash path for ``name``: relative to ``cwd`` when it
    lies below it, absolute otherwise (``../../`` chains read badly)."""
    path = Path(name)
    if path.is_absolute():
        try:
            return path.relative_to(cwd).as_posix()
        except ValueError:
            return path.as_posix()
    text = os.path.normpath(path).replace(os.sep, "/")
    return text


def is_test_path(path: str) -> bool:
    """True for test modules, conftest files and anything under a tests folder."""
    pure = PurePosixPath(path)
    name = pure.name
    if name in TEST_FILE_NAMES or name.startswith("test_") or name.endswith("_test.py"):
        return True
    folders = pure.parts[:-1]
    if folders and folders[0] in TOP_TEST_FOLDERS:
        return True
    return any(part in TEST_FOLDERS for part in folders)


@dataclass(frozen=True)
class FunctionInfo:
    """A function or method, as a test would call it."""

    name: str
    qualname: str
    lineno: int
    end_lineno: int
    class_name: str | None
    node: ast.FunctionDef | ast.AsyncFunctionDef


@dataclass
class SourceFile:
    """One file's text and tree; ``problem`` says why they may be missing."""

    path: str
    absolute: Path
    lines: list[str] = field(default_factory=list)
    tree: ast.Module | None = None
    problem: str | None = None
    _functions: list[FunctionInfo] | None = None
    _blocks: list[tuple[int, int, ast.AST]] | None = None

    @property
    def readable(self) -> bool:
        return self.problem is None

    def line_text(self, number: int) -> str:
        if 1 <= number <= len(self.lines):
            return self.lines[number - 1].rstrip("\r\n")
        return ""

    # -- functions ----------------------------------------------------------

    def functions(self) -> list[FunctionInfo]:
        if self._functions is None:
            self._functions = _collect_functions(self.tree) if self.tree else []
        return self._functions

    def function_at(self, line: int) -> FunctionInfo | None:
        """The innermost function whose body holds ``line``."""
        best: FunctionInfo | None = None
        for info in self.functions():
            inside = info.lineno <= line <= info.end_lineno
            if inside and (best is None or info.lineno >= best.lineno):
                best = info
        return best

    # -- statements ---------------------------------------------------------

    def block_at(self, line: int) -> tuple[int, int] | None:
        """Lines of the smallest statement or handler on ``line``.

        One that starts on the line wins over one that only holds it; a
        compound statement stands for its header.
        """
        if self._blocks is None:
            self._blocks = _collect_blocks(self.tree) if self.tree else []
        starting = [b for b in self._blocks if b[0] == line]
        holding = [b for b in self._blocks if b[0] <= line <= b[1]]
        for candidates in (starting, holding):
            if candidates:
                best = min(candidates, key=lambda b: (b[1] - b[0], -b[0]))
                return best[0], best[1]
        return None

    def excerpt_span(self, line: int) -> tuple[int, int]:
        """First and last line to quote for a finding on ``line``.

        The statement (or handler) at the line, with the line before it for
        context, kept inside the enclosing function and at most
        ``MAX_EXCERPT`` lines long.
        """
        if not self.lines:
            return line, line
        block = self.block_at(line)
        start, end = line, line
        if block is not None:
            start, end = min(block[0], line), max(block[1], line)
        start = max(1, start - 1)
        function = self.function_at(line)
        if function is not None:
            start = max(start, _first_line(function.node))
        while start < line and not self.line_text(start).strip():
            start += 1
        end = min(end, start + MAX_EXCERPT - 1, len(self.lines))
        end = max(end, min(line, len(self.lines)))
        return start, end


def _first_line(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    decorators = [d.lineno for d in node.decorator_list]
    return min([node.lineno, *decorators])


def _collect_functions(tree: ast.Module) -> list[FunctionInfo]:
    found: list[FunctionInfo] = []
    stack: list[tuple[ast.AST, str, str | None]] = [(tree, "", None)]
    while stack:
        node, prefix, class_name = stack.pop()
        for child in ast.iter_child_nodes(node):
            if isinstance(child, FUNCTION_TYPES):
                qualname = f"{prefix}{child.name}"
                found.append(
                    FunctionInfo(
                        name=child.name,
                        qualname=qualname,
                        lineno=child.lineno,
                        end_lineno=child.end_lineno or child.lineno,
                        class_name=class_name,
                        node=child,
                    )
                )
                # Functions nested in functions are named after their parent.
                stack.append((child, f"{qualname}.", None))
            elif isinstance(child, ast.ClassDef):
                stack.append((child, f"{prefix}{child.name}.", child.name))
            else:
                stack.append((child, prefix, class_name))
    found.sort(key=lambda info: (info.lineno, info.qualname))
    return found


def _collect_blocks(tree: ast.Module) -> list[tuple[int, int, ast.AST]]:
    blocks: list[tuple[int, int, ast.AST]] = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.stmt, ast.ExceptHandler)):
            start = node.lineno
            end = node.end_lineno or start
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                # A definition stands for its header, not its whole body.
                end = node.body[0].lineno - 1 if node.body else start
                end = max(end, start)
            elif isinstance(node, (ast.Try, ast.If, ast.For, ast.While, ast.With)):
                end = node.body[0].lineno - 1 if node.body else start
                end = max(end, start)
            blocks.append((start, end, node))
    return blocks


class SourceCache:
    """Reads each file once; keys are the display paths."""

    def __init__(self, cwd: Path) -> None:
        self.cwd = cwd
        self._files: dict[str, SourceFile] = {}

    def get(self, path: str) -> SourceFile:
        cached = self._files.get(path)
        if cached is not None:
            return cached
        absolute = (self.cwd / path).resolve()
        source = SourceFile(path=path, absolute=absolute)
        if not absolute.exists():
            source.problem = "the file is gone: it no longer exists at this path"
        else:
            try:
                text = read_source(absolute)
            except SourceError as exc:
                source.problem = f"the file could not be read again: {exc}"
            else:
                self._fill(source, text)
        self._files[path] = source
        return source

    @staticmethod
    def _fill(source: SourceFile, text: str) -> None:
        source.lines = text.splitlines(keepends=True)
        try:
            source.tree = parse_source(text, source.path)
        except SourceError:
            # The lines can still be quoted; only function names are lost.
            source.tree = None

    def put(self, path: str, text: str) -> SourceFile:
        """Register text already read (the direct run reads each file once)."""
        source = SourceFile(path=path, absolute=(self.cwd / path).resolve())
        self._fill(source, text)
        self._files[path] = source
        return source

    def all(self) -> list[SourceFile]:
        return [self._files[key] for key in sorted(self._files)]


def module_name(path: str, cwd: Path) -> str:
    """The dotted name a test imports ``path`` under (``app.services.mail``).

    Walks up while the folder is a package; a leading ``src`` folder is not
    part of the name.
    """
    absolute = (cwd / path).resolve()
    parts = [absolute.stem] if absolute.stem != "__init__" else []
    folder = absolute.parent
    while (folder / "__init__.py").is_file() and folder != folder.parent:
        parts.insert(0, folder.name)
        folder = folder.parent
    if not parts:
        parts = [absolute.parent.name]
    return ".".join(parts)
