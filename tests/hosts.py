"""Run the real flake8 and pylint commands, and the option cases both share.

flake8-logging is installed beside us (it is the parity oracle) and reports
under the same ``LOG`` prefix, so flake8's output is filtered: a line is ours
when its message matches our rule table's template for its code.
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

from flake8_logerr.registry import INTERNAL_ERROR, RULES, Rule

# flake8's default output: path:row:col: CODE text
FLAKE8_LINE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>\S+) (?P<text>.*)$"
)

# One columns-and-ids format for pylint, so rows are easy to compare.
PYLINT_TEMPLATE = "{path}:{line}:{column}:{msg_id}:{symbol}:{msg}"
PYLINT_ROW = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+):(?P<msgid>[A-Z]\d{4}):"
    r"(?P<symbol>[a-z0-9-]+):(?P<text>.*)$"
)

BY_PYLINT_ID = {rule.pylint_id: rule for rule in (INTERNAL_ERROR, *RULES.values())}


def message_pattern(rule: Rule) -> re.Pattern[str]:
    """A regex that matches every message ``rule`` can format."""
    parts = re.split(r"\{[^{}]*\}", rule.message)
    # A field may format to nothing (the plural "s" of "placeholder{}").
    return re.compile(".*?".join(re.escape(part) for part in parts), re.DOTALL)


PATTERNS = {
    rule.code: message_pattern(rule) for rule in (INTERNAL_ERROR, *RULES.values())
}


def is_ours(code: str, text: str) -> bool:
    """Whether ``code text`` is one of our findings (not flake8-logging's)."""
    pattern = PATTERNS.get(code)
    return pattern is not None and pattern.fullmatch(text) is not None


def write(folder: Path, name: str, source: str, encoding: str = "utf-8") -> Path:
    """Write a dedented snippet to ``folder/name`` and return its path."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(source), encoding=encoding)
    return path


def _run(
    module: str,
    args: list[str],
    cwd: Path,
    prelude: str = "",
    stdin: str | None = None,
) -> subprocess.CompletedProcess[str]:
    if prelude:
        # Patch the process first, then start the host as ``-m`` would.
        code = (
            textwrap.dedent(prelude)
            + f"\nimport runpy, sys\nsys.argv = [{module!r}, *sys.argv[1:]]"
            + f"\nrunpy.run_module({module!r}, run_name='__main__', alter_sys=True)\n"
        )
        command = [sys.executable, "-c", code, *args]
    else:
        command = [sys.executable, "-m", module, *args]
    return subprocess.run(
        command,
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def run_flake8(
    args: list[str], cwd: Path, prelude: str = ""
) -> subprocess.CompletedProcess[str]:
    """``python -m flake8 ARGS`` in ``cwd`` (``prelude`` runs first)."""
    return _run("flake8", args, cwd, prelude)


def flake8_ours(output: str) -> list[str]:
    """Our lines of flake8's output, in order, flake8-logging's left out."""
    kept = []
    for line in output.splitlines():
        match = FLAKE8_LINE.match(line)
        if match and is_ours(match["code"], match["text"]):
            kept.append(line)
    return kept


def flake8_findings(output: str) -> set[tuple[str, int, int, str]]:
    """Our findings as (path, line, 0-based col, code)."""
    found = set()
    for line in flake8_ours(output):
        match = FLAKE8_LINE.match(line)
        assert match is not None
        path = match["path"].removeprefix("./")
        found.add((path, int(match["line"]), int(match["col"]) - 1, match["code"]))
    return found


def run_pylint(
    args: list[str],
    cwd: Path,
    prelude: str = "",
    rcfile: Path | None = None,
    stdin: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """``python -m pylint`` with only our checker on, in ``cwd``.

    Without ``rcfile`` an empty one is used, so no configuration of the
    machine running the tests can change the result.
    """
    if rcfile is None:
        rcfile = cwd / "empty.rc"
        rcfile.touch()
    base = [
        f"--rcfile={rcfile}",
        "--load-plugins=pylint_logerr",
        "--disable=all",
        "--enable=logerr",
        "--persistent=n",
        "--score=n",
        f"--msg-template={PYLINT_TEMPLATE}",
    ]
    return _run("pylint", [*base, *args], cwd, prelude, stdin)


def pylint_rows(output: str) -> list[str]:
    """The message rows of pylint's output, without the module headers."""
    return [line for line in output.splitlines() if PYLINT_ROW.match(line)]


def pylint_findings(output: str) -> set[tuple[str, int, int, str]]:
    """Our findings as (path, line, 0-based col, code)."""
    found = set()
    for line in pylint_rows(output):
        match = PYLINT_ROW.match(line)
        assert match is not None
        code = BY_PYLINT_ID[match["msgid"]].code
        found.add((match["path"], int(match["line"]), int(match["col"]), code))
    return found


@dataclass(frozen=True)
class OptionCase:
    """A file whose findings change when one option is set."""

    field: str
    filename: str
    source: str
    # The value as written on a command line / in an ini file.
    value: str
    # (line, code) without the option, then with it.
    without: list[tuple[int, str]]
    with_option: list[tuple[int, str]]


OPTION_CASES = {
    case.field: case
    for case in (
        OptionCase(
            "logger_names",
            "accounts.py",
            """\
            import logging

            logger = logging.getLogger(__name__)
            AUTH.warn("login refused")
            """,
            "AUTH",
            [],
            [(4, "LOG008")],
        ),
        OptionCase(
            "logger_factories",
            "accounts.py",
            """\
            from app.logs import make_logger

            audit = make_logger(__name__)
            audit.warn("login refused")
            """,
            "make_logger",
            [],
            [(4, "LOG008")],
        ),
        OptionCase(
            # The list replaces the default one, KeyError included.
            "expected_exceptions",
            "cache.py",
            """\
            def load(cache, key, path):
                try:
                    return cache[key]
                except KeyError:
                    pass
                try:
                    return open(path).read()
                except OSError:
                    return None
            """,
            "OSError",
            [(8, "LOG018")],
            [(4, "LOG018")],
        ),
        OptionCase(
            "sensitive_words",
            "accounts.py",
            """\
            import logging

            logger = logging.getLogger(__name__)


            def unlock(user, pin):
                logger.info("unlock %s with %s", user, pin)
            """,
            "pin",
            [],
            [(7, "LOG019")],
        ),
        OptionCase(
            "sensitive_allow",
            "limits.py",
            """\
            import logging

            logger = logging.getLogger(__name__)


            def refill(token_bucket):
                logger.info("refilled %s", token_bucket)
            """,
            "token_bucket",
            [(7, "LOG019")],
            [],
        ),
        OptionCase(
            "pii",
            "accounts.py",
            """\
            import logging

            logger = logging.getLogger(__name__)


            def signup(email):
                logger.info("new account for %s", email)
            """,
            "true",
            [],
            [(7, "LOG019")],
        ),
        OptionCase(
            "reporter_functions",
            "sync.py",
            """\
            def sync(client):
                try:
                    client.push()
                except Exception:
                    notify_ops()
            """,
            "notify_ops",
            [(4, "LOG017")],
            [],
        ),
        OptionCase(
            "redaction_functions",
            "accounts.py",
            """\
            import logging

            logger = logging.getLogger(__name__)


            def connect(api_key):
                logger.info("connecting with %s", scrub(api_key))
            """,
            "scrub",
            [(7, "LOG019")],
            [],
        ),
        OptionCase(
            "print_allowed_in",
            "dump.py",
            """\
            def dump(rows):
                for row in rows:
                    print(row)
            """,
            "*dump.py",
            [(3, "LOG025")],
            [],
        ),
        OptionCase(
            "config_allowed_in",
            "boot.py",
            """\
            import logging

            logging.basicConfig(level=logging.INFO)
            """,
            "*boot.py",
            [(3, "LOG027")],
            [],
        ),
    )
}
