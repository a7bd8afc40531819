"""Bad input never takes the checker down: bad files, deep nesting, fuzzing.

Each bad file runs through ``logerr check`` and through flake8 with a good
file beside it: the bad one gets one clear line naming it and the reason
(flake8 says E902/E999), the good one's finding is still printed, and there
is never a traceback.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import sysconfig
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import hypothesis
import hypothesmith
import pytest

from flake8_logerr import check
from flake8_logerr.files import SourceError, check_paths, read_bytes
from flake8_logerr.registry import get_rule
from flake8_logerr.settings import DEFAULT_SETTINGS

GOOD = """\
import logging
logger = logging.getLogger(__name__)
logger.info(f"{x}")
"""


def our_line(name: str, line: int, col: int) -> str:
    """Our LOG011 line for an f-string message, as both tools print it."""
    message = get_rule("LOG011").format("an f-string")
    return f"{name}:{line}:{col}: LOG011 {message}"


GOOD_LINE = our_line("good.py", 3, 13)

# Runs a tool in-process with ``open`` refused for one file: root reads a
# file whatever its mode bits, so chmod 000 cannot show "permission denied".
DENY_OPEN = textwrap.dedent(
    """\
    import builtins, io, os, sys, tokenize

    denied = os.path.realpath(sys.argv[1])

    def guard(real_open):
        def guarded_open(file, *args, **kwargs):
            if isinstance(file, (str, os.PathLike)):
                if os.path.realpath(file) == denied:
                    raise PermissionError(13, "Permission denied", os.fspath(file))
            return real_open(file, *args, **kwargs)

        return guarded_open

    builtins.open = io.open = tokenize._builtin_open = guard(io.open)
    os.open = guard(os.open)
    tool = sys.argv[2]
    sys.argv = [tool, *sys.argv[3:]]
    if tool == "flake8":
        from flake8.main.cli import main
    else:
        from flake8_logerr.cli import main
    sys.exit(main())
    """
)


@dataclass
class Run:
    status: int
    stdout: str
    stderr: str

    @property
    def out_lines(self) -> list[str]:
        return self.stdout.splitlines()

    @property
    def err_lines(self) -> list[str]:
        return self.stderr.splitlines()


def run_tool(tool: str, args: list[str], cwd: Path, deny: Path | None = None) -> Run:
    """Run ``logerr`` or ``flake8`` in ``cwd``; ``deny`` cannot be opened."""
    if deny is None:
        module = "flake8" if tool == "flake8" else "flake8_logerr.cli"
        command = [sys.executable, "-m", module, *args]
    else:
        command = [sys.executable, "-c", DENY_OPEN, str(deny), tool, *args]
    done = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=300, check=False
    )
    return Run(done.returncode, done.stdout, done.stderr)


def logerr(cwd: Path, *names: str, deny: Path | None = None) -> Run:
    return run_tool("logerr", ["check", "--no-cache", *names], cwd, deny)


def flake8(cwd: Path, *names: str, deny: Path | None = None) -> Run:
    # E9 is flake8's own "could not read or parse" family.
    return run_tool("flake8", ["--select=LOG,E9", *names], cwd, deny)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "good.py").write_text(GOOD, encoding="utf-8")
    return tmp_path


def assert_one_error(run: Run, name: str, reason: str) -> None:
    """logerr: exit 2, the good finding, one stderr line for ``name``."""
    assert run.status == 2
    assert run.out_lines == [GOOD_LINE]
    assert run.err_lines == [f"logerr: cannot check {name}: {reason}"]


def assert_flake8_error(run: Run, name: str, code: str | None) -> None:
    """flake8: our good finding, and one E9 ``code`` line (or none) for ``name``."""
    assert "Traceback" not in run.stderr
    assert GOOD_LINE in run.out_lines
    bad = [
        line
        for line in run.out_lines
        if line.startswith(f"{name}:") and line.split()[1].startswith("E9")
    ]
    if code is None:
        assert bad == []
    else:
        assert len(bad) == 1
        assert f" {code} " in bad[0]
    assert run.status == 1


# A syntax error.


def test_syntax_error_logerr(folder: Path) -> None:
    (folder / "bad.py").write_text("def f(:\n    pass\n", encoding="utf-8")

    run = logerr(folder, "good.py", "bad.py")

    assert_one_error(run, "bad.py", "syntax error: line 1: invalid syntax")


def test_syntax_error_flake8(folder: Path) -> None:
    (folder / "bad.py").write_text("def f(:\n    pass\n", encoding="utf-8")

    assert_flake8_error(flake8(folder, "good.py", "bad.py"), "bad.py", "E999")


# Bytes that are not UTF-8, and no coding cookie.

NOT_UTF8 = b'import logging\nx = "caf\xe9"\n'


def test_not_utf8_logerr(folder: Path) -> None:
    (folder / "bad.py").write_bytes(NOT_UTF8)

    run = logerr(folder, "good.py", "bad.py")

    assert_one_error(
        run, "bad.py", "is not valid UTF-8 and has no coding cookie (line 2)"
    )


def test_not_utf8_flake8(folder: Path) -> None:
    (folder / "bad.py").write_bytes(NOT_UTF8)

    # flake8 falls back to latin-1 where Python would refuse the file; our
    # plugin then checks what flake8 decoded, without complaint.
    assert_flake8_error(flake8(folder, "good.py", "bad.py"), "bad.py", None)


# latin-1 with its coding cookie: an ordinary file.

LATIN1 = (
    b"# -*- coding: latin-1 -*-\n"
    b"import logging\n"
    b"logger = logging.getLogger(__name__)\n"
    b'logger.info(f"caf\xe9 {x}")\n'
)


def test_latin1_with_cookie_logerr(folder: Path) -> None:
    (folder / "latin.py").write_bytes(LATIN1)

    run = logerr(folder, "good.py", "latin.py")

    assert run.status == 1
    assert run.out_lines == [GOOD_LINE, our_line("latin.py", 4, 13)]
    assert run.stderr == ""


def test_latin1_with_cookie_flake8(folder: Path) -> None:
    (folder / "latin.py").write_bytes(LATIN1)

    run = flake8(folder, "good.py", "latin.py")

    assert our_line("latin.py", 4, 13) in run.out_lines
    assert_flake8_error(run, "latin.py", None)


# A NUL byte.


def test_nul_byte_logerr(folder: Path) -> None:
    (folder / "bad.py").write_bytes(b"x = 1\0\n")

    run = logerr(folder, "good.py", "bad.py")

    assert_one_error(run, "bad.py", "contains a NUL byte; not a Python source file")


def test_nul_byte_flake8(folder: Path) -> None:
    (folder / "bad.py").write_bytes(b"x = 1\0\n")

    assert_flake8_error(flake8(folder, "good.py", "bad.py"), "bad.py", "E999")


# 5000 levels of parentheses.

DEEP_PARENS = "x = " + "(" * 5000 + "1" + ")" * 5000 + "\n"


def test_deep_parentheses_logerr(folder: Path) -> None:
    (folder / "bad.py").write_text(DEEP_PARENS, encoding="utf-8")

    run = logerr(folder, "good.py", "bad.py")

    assert_one_error(run, "bad.py", "syntax error: line 1: too many nested parentheses")


def test_deep_parentheses_flake8(folder: Path) -> None:
    (folder / "bad.py").write_text(DEEP_PARENS, encoding="utf-8")

    assert_flake8_error(flake8(folder, "good.py", "bad.py"), "bad.py", "E999")


# A 2 MB line: checked like any file, and its finding after the line found.

LONG_LINE = 'big = "' + "a" * (2 * 1024 * 1024) + '"\n'


def test_two_megabyte_line_logerr(folder: Path) -> None:
    (folder / "long.py").write_text(GOOD + LONG_LINE + 'logger.info(f"{big}")\n')

    run = logerr(folder, "good.py", "long.py")

    assert run.status == 1
    assert run.out_lines == [
        GOOD_LINE,
        our_line("long.py", 3, 13),
        our_line("long.py", 5, 13),
    ]
    assert run.stderr == ""


def test_two_megabyte_line_flake8(folder: Path) -> None:
    (folder / "long.py").write_text(GOOD + LONG_LINE + 'logger.info(f"{big}")\n')

    run = flake8(folder, "good.py", "long.py")

    assert our_line("long.py", 5, 13) in run.out_lines
    assert GOOD_LINE in run.out_lines
    assert "Traceback" not in run.stderr
    assert run.status == 1


# An empty file: nothing to say about it.


def test_empty_file_logerr(folder: Path) -> None:
    (folder / "empty.py").write_bytes(b"")

    run = logerr(folder, "good.py", "empty.py")

    assert (run.status, run.out_lines, run.stderr) == (1, [GOOD_LINE], "")


def test_empty_file_flake8(folder: Path) -> None:
    (folder / "empty.py").write_bytes(b"")

    assert_flake8_error(flake8(folder, "good.py", "empty.py"), "empty.py", None)


# A path that does not exist.


def test_missing_path_logerr(folder: Path) -> None:
    run = logerr(folder, "good.py", "missing.py")

    assert_one_error(run, "missing.py", "no such file or folder")


def test_missing_path_flake8(folder: Path) -> None:
    assert_flake8_error(flake8(folder, "good.py", "missing.py"), "missing.py", "E902")


# A file that cannot be read.


def unreadable(folder: Path) -> Path | None:
    """Make ``secret.py`` unreadable; None when the mode bits do not stop us."""
    path = folder / "secret.py"
    path.write_text(GOOD, encoding="utf-8")
    path.chmod(0)
    if not os.access(path, os.R_OK):
        return None
    return path  # running as root: open() has to be refused another way


def test_unreadable_file_logerr(folder: Path) -> None:
    deny = unreadable(folder)

    run = logerr(folder, "good.py", "secret.py", deny=deny)

    assert_one_error(run, "secret.py", "permission denied")


def test_unreadable_file_flake8(folder: Path) -> None:
    deny = unreadable(folder)

    run = flake8(folder, "good.py", "secret.py", deny=deny)

    assert_flake8_error(run, "secret.py", "E902")


# A symbolic link loop.


def make_loop(folder: Path) -> None:
    (folder / "loop.py").symlink_to("loop2.py")
    (folder / "loop2.py").symlink_to("loop.py")


def test_symlink_loop_logerr(folder: Path) -> None:
    make_loop(folder)

    run = logerr(folder, "good.py", "loop.py")

    assert_one_error(run, "loop.py", "symbolic link loop")


def test_symlink_loop_flake8(folder: Path) -> None:
    make_loop(folder)

    assert_flake8_error(flake8(folder, "good.py", "loop.py"), "loop.py", "E902")


def test_every_bad_file_in_one_folder_in_parallel(folder: Path) -> None:
    (folder / "syntax.py").write_text("def f(:\n", encoding="utf-8")
    (folder / "utf8.py").write_bytes(NOT_UTF8)
    (folder / "nul.py").write_bytes(b"x = 1\0\n")
    (folder / "parens.py").write_text(DEEP_PARENS, encoding="utf-8")
    (folder / "empty.py").write_bytes(b"")
    (folder / "latin.py").write_bytes(LATIN1)
    make_loop(folder)

    run = run_tool("logerr", ["check", "--no-cache", "-j", "2", "."], folder)

    assert run.status == 2
    assert run.out_lines == [GOOD_LINE, our_line("latin.py", 4, 13)]
    assert run.err_lines == [
        "logerr: cannot check loop.py: symbolic link loop",
        "logerr: cannot check loop2.py: symbolic link loop",
        "logerr: cannot check nul.py: contains a NUL byte; not a Python source file",
        (
            "logerr: cannot check parens.py: syntax error: line 1: "
            "too many nested parentheses"
        ),
        "logerr: cannot check syntax.py: syntax error: line 1: invalid syntax",
        (
            "logerr: cannot check utf8.py: is not valid UTF-8 and has no coding "
            "cookie (line 2)"
        ),
    ]


# Deeply nested but valid code: our helpers must not recurse per level.

TERMS = 3000


def parse_deep(source: str) -> ast.Module:
    """Parse with room to spare: ``ast.parse`` needs it for 3000 levels.

    The limit is put back before the core runs: the core must not need it.
    """
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 4 * TERMS))
    try:
        return ast.parse(source)
    finally:
        sys.setrecursionlimit(limit)


def core(source: str) -> list[tuple[int, int, str]]:
    """Parse deep code, then check it at the normal recursion limit."""
    tree = parse_deep(source)
    findings = check(tree, source.splitlines(keepends=True), "module.py")
    return [(f.line, f.col, f.code) for f in findings]


PRELUDE = "import logging\nlogger = logging.getLogger(__name__)\n"


def test_long_plus_chain_in_log_call() -> None:
    chain = " + ".join(['"a"'] * TERMS)
    source = PRELUDE + f"logger.info({chain} + x)\n"

    assert core(source) == [(3, 12, "LOG011")]


def test_long_plus_chain_of_literals_with_placeholders() -> None:
    chain = " + ".join(['"%s"'] * TERMS)
    source = PRELUDE + f"logger.info({chain}, 1)\n"

    assert core(source) == [(3, 12, "LOG012")]


def test_ninety_nested_ifs() -> None:
    body = ""
    for depth in range(90):
        body += "    " * (depth + 1) + f"if x{depth}:\n"
    body += "    " * 91 + 'logger.info(f"{x}")\n'
    source = PRELUDE + "def f():\n" + body

    assert core(source) == [(94, 4 * 91 + 12, "LOG011")]


def test_long_elif_chain() -> None:
    lines = ["def f(x):", "    if x == 0:", '        logger.info(f"{x}")']
    for value in range(1, 1500):
        lines += [f"    elif x == {value}:", '        logger.info(f"{x}")']
    source = PRELUDE + "\n".join(lines) + "\n"

    expected = [(5 + 2 * value, 20, "LOG011") for value in range(1500)]
    assert core(source) == expected


DEEP_EXPRESSIONS: dict[str, Callable[[int], str]] = {
    "plus chain": lambda n: " + ".join(["x"] * n),
    "percent chain": lambda n: '"%s"' + " % x" * n,
    "attribute chain": lambda n: "x" + ".a" * n,
    "method calls": lambda n: "x" + ".a()" * (n // 2),
    "subscripts": lambda n: "x" + "[0]" * n,
    "conditional chain": lambda n: " if c else ".join(["x"] * (n // 2)),
    "not chain": lambda n: "not " * n + "x",
    "lambda chain": lambda n: "lambda: " * (n // 2) + "x",
}

DEEP_CONTEXTS: dict[str, str] = {
    "message": "logger.info({expr})",
    "argument": 'logger.info("%s", {expr})',
    "extra": 'logger.info("m", extra={{"k": {expr}}})',
    "in handler": (
        "try:\n    pass\nexcept Exception as exc:\n"
        "    logger.error({expr})\n    raise ValueError({expr})"
    ),
    "print": "print({expr})",
    "returned from handler": (
        "def view():\n    try:\n        pass\n    except Exception as exc:\n"
        "        return {expr}"
    ),
    "getLogger": "log = logging.getLogger({expr})",
    "basicConfig": "logging.basicConfig(level={expr})",
    "raise": "raise {expr}",
}


@pytest.mark.parametrize(
    ("kind", "context"),
    [(kind, context) for kind in DEEP_EXPRESSIONS for context in DEEP_CONTEXTS],
)
def test_deep_expression_does_not_break_the_core(kind: str, context: str) -> None:
    expression = DEEP_EXPRESSIONS[kind](TERMS - 100)
    source = PRELUDE + DEEP_CONTEXTS[context].format(expr=expression) + "\n"
    tree = parse_deep(source)

    findings = check(tree, source.splitlines(keepends=True), "module.py")

    assert [f.message for f in findings if f.code == "LOG000"] == []


def test_nested_functions_with_handlers() -> None:
    lines = []
    for depth in range(45):
        indent = "    " * (2 * depth)
        lines += [f"{indent}def f{depth}():", f"{indent}    try:"]
    innermost = "    " * 90
    lines += [f"{innermost}pass"]
    for depth in reversed(range(45)):
        indent = "    " * (2 * depth)
        lines += [
            f"{indent}    except ValueError:",
            f'{indent}        logger.error("x")',
        ]
    source = PRELUDE + "\n".join(lines) + "\n"

    found = core(source)

    # One LOG005 per handler, each `.error` in the handler right above it.
    assert found == [
        (lines.index(line) + 3, line.index("logger"), "LOG005")
        for line in lines
        if "logger.error" in line
    ]


# The standard library: every file Python can parse checks without failure.


def _stdlib_files() -> list[Path]:
    root = Path(sysconfig.get_paths()["stdlib"])
    return sorted(
        path
        for path in root.rglob("*.py")
        if not {"site-packages", "dist-packages"} & set(path.parts)
    )


def _python_refuses(path: Path) -> bool:
    try:
        ast.parse(path.read_bytes())
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return True
    return False


@pytest.mark.slow
def test_standard_library_checks_without_failure() -> None:
    files = _stdlib_files()
    assert len(files) > 500

    results = check_paths(files, DEFAULT_SETTINGS, jobs=0)

    internal = [
        f"{result.path}:{finding.line}: {finding.message}"
        for result in results
        for finding in result.findings
        if finding.code == "LOG000"
    ]
    assert internal == []
    # A file is refused only when Python itself refuses it.
    wrongly_refused = [
        str(result.error)
        for result in results
        if result.error is not None and not _python_refuses(Path(result.path))
    ]
    assert wrongly_refused == []


def test_read_bytes_refuses_a_pipe(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.py"
    os.mkfifo(pipe)

    with pytest.raises(SourceError, match="not a regular file"):
        read_bytes(pipe)


# Fuzzing: generated programs never make the core raise or point outside.


@pytest.mark.slow
# hypothesmith compiles what it generates; odd but valid code draws warnings.
@pytest.mark.filterwarnings("ignore::SyntaxWarning")
@hypothesis.settings(
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[
        hypothesis.HealthCheck.too_slow,
        hypothesis.HealthCheck.filter_too_much,
    ],
)
@hypothesis.given(source=hypothesmith.from_grammar() | hypothesmith.from_node())
def test_fuzzed_programs(source: str) -> None:
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        hypothesis.reject()  # the grammar allows a few things the compiler refuses
    lines = source.splitlines(keepends=True)

    findings = check(tree, lines, "module.py")

    assert [f.message for f in findings if f.code == "LOG000"] == []
    outside = [f for f in findings if not (1 <= f.line <= len(lines) and f.col >= 0)]
    assert outside == []
