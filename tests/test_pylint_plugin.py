"""The pylint adapter, through the real ``pylint`` command."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_logerr.settings import OPTIONS, Option
from tests.hosts import (
    OPTION_CASES,
    OptionCase,
    pylint_findings,
    pylint_rows,
    run_pylint,
    write,
)

SMALL_FILE = """\
import logging

logger = logging.getLogger(__name__)
logging.info("starting")
logger.warn("disk %s" % "full")


def load(path):
    try:
        return open(path).read()
    except OSError:
        logger.error("cannot read %s", path)
        raise
"""

ROOT_CALL = "logging call on the root logger; use a module logger"


def test_reports_expected_rows(tmp_path: Path) -> None:
    write(tmp_path, "mod.py", SMALL_FILE)

    result = run_pylint(["mod.py"], tmp_path)

    assert pylint_rows(result.stdout) == [
        f"mod.py:4:0:W5815:root-logger-call:{ROOT_CALL}",
        "mod.py:5:0:C5808:deprecated-warn:`.warn()` is deprecated; use `.warning()`",
        (
            "mod.py:5:12:C5811:pre-formatted-message:log message built eagerly"
            " with `%`; pass the values as arguments"
        ),
        (
            "mod.py:12:8:W5805:error-instead-of-exception:`.error()` in an except"
            " handler; use `.exception()`"
        ),
    ]
    assert result.stderr == ""


def test_message_names_the_enclosing_function(tmp_path: Path) -> None:
    write(tmp_path, "mod.py", SMALL_FILE)

    result = run_pylint(["--msg-template={line}:{obj}:{symbol}", "mod.py"], tmp_path)

    assert "12:load:error-instead-of-exception" in result.stdout.splitlines()


def test_clean_file_has_no_rows(tmp_path: Path) -> None:
    write(
        tmp_path,
        "mod.py",
        """\
        import logging

        logger = logging.getLogger(__name__)
        logger.info("starting %s", 1)
        """,
    )

    result = run_pylint(["mod.py"], tmp_path)

    assert (result.returncode, pylint_rows(result.stdout)) == (0, [])


DISABLED = """\
import logging

logger = logging.getLogger(__name__)
logging.info("one")  # pylint: disable=root-logger-call
logging.info("two")  # pylint: disable=W5815
logging.info("three")  # pylint: disable=pre-formatted-message
logging.info("four")
"""


def test_disable_comment_by_symbol_and_by_id(tmp_path: Path) -> None:
    write(tmp_path, "mod.py", DISABLED)

    result = run_pylint(["mod.py"], tmp_path)

    assert pylint_rows(result.stdout) == [
        f"mod.py:6:0:W5815:root-logger-call:{ROOT_CALL}",
        f"mod.py:7:0:W5815:root-logger-call:{ROOT_CALL}",
    ]


@pytest.mark.parametrize("name", ["W5815", "root-logger-call"])
def test_disable_on_the_command_line(tmp_path: Path, name: str) -> None:
    write(tmp_path, "mod.py", SMALL_FILE)

    result = run_pylint([f"--disable={name}", "mod.py"], tmp_path)

    assert [row.split(":")[3] for row in pylint_rows(result.stdout)] == [
        "C5808",
        "C5811",
        "W5805",
    ]


def test_disable_the_whole_checker(tmp_path: Path) -> None:
    write(tmp_path, "mod.py", SMALL_FILE)

    result = run_pylint(["--disable=logerr", "mod.py"], tmp_path)

    assert pylint_rows(result.stdout) == []


def test_reads_the_declared_encoding(tmp_path: Path) -> None:
    source = '# -*- coding: latin-1 -*-\nimport logging\n\nlogging.info("café")\n'
    write(tmp_path, "mod.py", source, encoding="latin-1")

    result = run_pylint(["mod.py"], tmp_path)

    assert [row.split(":")[:4] for row in pylint_rows(result.stdout)] == [
        ["mod.py", "4", "0", "W5815"],
        ["mod.py", "4", "0", "W5820"],
    ]


def test_reads_a_file_with_a_byte_order_mark(tmp_path: Path) -> None:
    write(tmp_path, "mod.py", 'import logging\n\nlogging.info("x")\n', "utf-8-sig")

    result = run_pylint(["mod.py"], tmp_path)

    assert [row.split(":")[1] for row in pylint_rows(result.stdout)] == ["3", "3"]


def test_checks_the_text_given_on_stdin(tmp_path: Path) -> None:
    write(tmp_path, "mod.py", "x = 1\n")
    text = 'import logging\n\nlogger = logging.getLogger(__name__)\nlogger.warn("x")\n'

    result = run_pylint(["--from-stdin", "mod.py"], tmp_path, stdin=text)

    assert [row.split(":")[1:4] for row in pylint_rows(result.stdout)] == [
        ["4", "0", "C5808"]
    ]


def test_folders_above_the_working_folder_do_not_count(tmp_path: Path) -> None:
    # Inside ``scripts/`` printing is allowed; the project below it is not.
    project = tmp_path / "scripts" / "shop"
    write(project, "app.py", 'def show(order):\n    print("order", order)\n')

    result = run_pylint(["app.py"], project)

    assert [row.split(":")[:4] for row in pylint_rows(result.stdout)] == [
        ["app.py", "2", "4", "W5825"]
    ]


def test_syntax_error_is_pylints_to_report(tmp_path: Path) -> None:
    write(tmp_path, "bad.py", "def broken(:\n")

    result = run_pylint(["--enable=syntax-error", "bad.py"], tmp_path)

    assert [row.split(":")[3] for row in pylint_rows(result.stdout)] == ["E0001"]
    assert "Traceback" not in result.stderr


# -- failures inside the plugin ------------------------------------------------


def test_failing_rule_becomes_internal_error_and_pylint_goes_on(
    tmp_path: Path,
) -> None:
    write(tmp_path, "a.py", 'import logging\n\nlogging.getLogger(__name__).info("a")\n')
    write(tmp_path, "b.py", 'import logging\n\nlogging.info("b")\n')
    prelude = """
        import flake8_logerr.checks as checks

        def check_boom(ctx, call):
            if ctx.filename.endswith("a.py"):
                raise RuntimeError("boom")

        checks.LOG_CALL_CHECKS.append(check_boom)
    """

    result = run_pylint(["--jobs=1", "a.py", "b.py"], tmp_path, prelude)

    assert pylint_rows(result.stdout) == [
        (
            "a.py:1:0:E5800:logerr-internal-error:logerr could not check this file:"
            " RuntimeError: boom"
        ),
        f"b.py:3:0:W5815:root-logger-call:{ROOT_CALL}",
        (
            "b.py:3:0:W5820:no-module-logger:module logs without a module logger from"
            " `getLogger(__name__)`"
        ),
    ]
    assert "Traceback" not in result.stderr


def test_failure_outside_the_rules_becomes_internal_error(tmp_path: Path) -> None:
    write(tmp_path, "a.py", "x = 1\n")
    prelude = """
        import pylint_logerr

        def broken(tree, lines, filename, settings):
            raise MemoryError("no room")

        pylint_logerr.check = broken
    """

    result = run_pylint(["--jobs=1", "a.py"], tmp_path, prelude)

    assert pylint_rows(result.stdout) == [
        (
            "a.py:1:0:E5800:logerr-internal-error:logerr could not check this file:"
            " MemoryError: no room"
        )
    ]
    assert "Traceback" not in result.stderr


# -- options --------------------------------------------------------------------


def _option(field: str) -> Option:
    return next(option for option in OPTIONS if option.field == field)


def _value(case: OptionCase) -> str:
    # pylint spells booleans y/n.
    return "y" if _option(case.field).kind == "bool" else case.value


def _lines_and_codes(output: str) -> list[tuple[int, str]]:
    return sorted((line, code) for _, line, _, code in pylint_findings(output))


def test_every_option_has_a_case() -> None:
    assert set(OPTION_CASES) == {option.field for option in OPTIONS}


def test_help_lists_every_option(tmp_path: Path) -> None:
    result = run_pylint(["--help"], tmp_path)

    for option in OPTIONS:
        assert f"--{option.key} " in result.stdout


@pytest.mark.parametrize("field", sorted(OPTION_CASES))
def test_option_on_the_command_line(tmp_path: Path, field: str) -> None:
    case = OPTION_CASES[field]
    write(tmp_path, case.filename, case.source)
    flag = f"--{_option(field).key}={_value(case)}"

    before = run_pylint([case.filename], tmp_path)
    after = run_pylint([flag, case.filename], tmp_path)

    assert _lines_and_codes(before.stdout) == case.without
    assert _lines_and_codes(after.stdout) == case.with_option


@pytest.mark.parametrize("field", sorted(OPTION_CASES))
def test_option_in_the_rc_file(tmp_path: Path, field: str) -> None:
    case = OPTION_CASES[field]
    write(tmp_path, case.filename, case.source)
    rcfile = write(
        tmp_path, "pylintrc", f"[logerr]\n{_option(field).key}={case.value}\n"
    )

    result = run_pylint([case.filename], tmp_path, rcfile=rcfile)

    assert _lines_and_codes(result.stdout) == case.with_option
    assert result.stderr == ""


@pytest.mark.parametrize("section", ["MAIN", "LOGERR"])
def test_option_in_another_section(tmp_path: Path, section: str) -> None:
    case = OPTION_CASES["logger_names"]
    write(tmp_path, case.filename, case.source)
    rcfile = write(tmp_path, "pylintrc", f"[{section}]\nlogger-names=AUTH\n")

    result = run_pylint([case.filename], tmp_path, rcfile=rcfile)

    assert _lines_and_codes(result.stdout) == case.with_option


def test_option_in_pyproject(tmp_path: Path) -> None:
    case = OPTION_CASES["logger_names"]
    write(tmp_path, case.filename, case.source)
    rcfile = write(
        tmp_path, "pyproject.toml", '[tool.pylint.logerr]\nlogger-names = ["AUTH"]\n'
    )

    result = run_pylint([case.filename], tmp_path, rcfile=rcfile)

    assert _lines_and_codes(result.stdout) == case.with_option
