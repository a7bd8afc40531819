"""The flake8 adapter, through the real ``flake8`` command."""

from __future__ import annotations

import re
from pathlib import Path

import flake8_logging
import pytest

from flake8_logerr.settings import OPTIONS, Option
from tests.hosts import (
    OPTION_CASES,
    PATTERNS,
    OptionCase,
    flake8_findings,
    flake8_ours,
    run_flake8,
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


def test_reports_exact_lines(tmp_path: Path) -> None:
    write(tmp_path, "mod.py", SMALL_FILE)

    result = run_flake8(["--select=LOG", "mod.py"], tmp_path)

    assert flake8_ours(result.stdout) == [
        "mod.py:4:1: LOG015 logging call on the root logger; use a module logger",
        "mod.py:5:1: LOG008 `.warn()` is deprecated; use `.warning()`",
        (
            "mod.py:5:13: LOG011 log message built eagerly with `%`; pass the values"
            " as arguments"
        ),
        "mod.py:12:9: LOG005 `.error()` in an except handler; use `.exception()`",
    ]
    assert result.returncode == 1
    assert result.stderr == ""


def test_is_on_without_select(tmp_path: Path) -> None:
    write(tmp_path, "mod.py", 'import logging\n\nlogging.info("starting")\n')

    result = run_flake8(["mod.py"], tmp_path)

    assert flake8_ours(result.stdout) == [
        "mod.py:3:1: LOG015 logging call on the root logger; use a module logger",
        (
            "mod.py:3:1: LOG020 module logs without a module logger from"
            " `getLogger(__name__)`"
        ),
    ]


def test_clean_file_exits_zero(tmp_path: Path) -> None:
    write(
        tmp_path,
        "mod.py",
        """\
        import logging

        logger = logging.getLogger(__name__)
        logger.info("starting %s", 1)
        """,
    )

    result = run_flake8(["--select=LOG", "mod.py"], tmp_path)

    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_noqa_with_our_code_silences_the_line(tmp_path: Path) -> None:
    write(
        tmp_path,
        "mod.py",
        """\
        import logging

        logger = logging.getLogger(__name__)
        logging.info("one")  # noqa: LOG015
        logging.info("two")  # noqa: LOG011
        logging.info("three")
        """,
    )

    result = run_flake8(["--select=LOG", "mod.py"], tmp_path)

    assert _lines_and_codes(result.stdout) == [(5, "LOG015"), (6, "LOG015")]


def test_version_names_the_plugin(tmp_path: Path) -> None:
    result = run_flake8(["--version"], tmp_path)

    assert re.search(r"flake8-logerr: \d", result.stdout)


def test_help_lists_every_option(tmp_path: Path) -> None:
    result = run_flake8(["--help"], tmp_path)

    for option in OPTIONS:
        assert option.flake8_flag in result.stdout


def test_our_filter_leaves_flake8_logging_out() -> None:
    # The helpers tell the two plugins apart by message text only.
    theirs = {
        name: getattr(flake8_logging, name)
        for name in dir(flake8_logging)
        if re.fullmatch(r"LOG\d{3}", name)
    }

    assert theirs
    for code, template in theirs.items():
        text = re.sub(r"\{[^{}]*\}", "x", template).split(" ", 1)[1]
        assert not PATTERNS[code].fullmatch(text), code


def test_flake8_hands_over_filename_and_lines(tmp_path: Path) -> None:
    write(tmp_path, "mod.py", "import os\r\nx = 1\n")
    prelude = """
        import flake8_logerr.flake8_plugin as plugin
        from flake8_logerr.core import Finding

        def spy(tree, lines, filename, settings):
            text = f"filename={filename} lines={lines!r} tree={type(tree).__name__}"
            return [Finding(1, 0, "LOG000", text)]

        plugin.check = spy
    """

    result = run_flake8(["--select=LOG", "--jobs=1", "mod.py"], tmp_path, prelude)

    assert result.stdout.splitlines() == [
        (
            "mod.py:1:1: LOG000 filename=mod.py lines=['import os\\n', 'x = 1\\n']"
            " tree=Module"
        )
    ]


# -- failures inside the plugin ------------------------------------------------

FAILING_RULE = """
    import flake8_logerr.checks as checks

    def check_boom(ctx, call):
        raise RuntimeError("boom")

    checks.LOG_CALL_CHECKS.append(check_boom)
"""


def test_failing_rule_becomes_log000_and_flake8_goes_on(tmp_path: Path) -> None:
    write(
        tmp_path,
        "a.py",
        """\
        import logging

        logger = logging.getLogger(__name__)
        logger.info("a")
        """,
    )
    write(tmp_path, "b.py", "import os\n")

    result = run_flake8(
        ["--select=LOG,F", "--jobs=1", "a.py", "b.py"], tmp_path, FAILING_RULE
    )

    assert result.stdout.splitlines() == [
        "a.py:1:1: LOG000 logerr could not check this file: RuntimeError: boom",
        "b.py:1:1: F401 'os' imported but unused",
    ]
    assert result.stderr == ""
    assert result.returncode == 1


def test_failure_outside_the_rules_becomes_log000(tmp_path: Path) -> None:
    write(tmp_path, "a.py", "x = 1\n")
    prelude = """
        import flake8_logerr.flake8_plugin as plugin

        def broken(tree, lines, filename, settings):
            raise MemoryError("no room")

        plugin.check = broken
    """

    result = run_flake8(["--select=LOG", "--jobs=1", "a.py"], tmp_path, prelude)

    assert result.stdout.splitlines() == [
        "a.py:1:1: LOG000 logerr could not check this file: MemoryError: no room"
    ]
    assert "Traceback" not in result.stderr


def test_syntax_error_is_flake8s_to_report(tmp_path: Path) -> None:
    write(tmp_path, "bad.py", "def broken(:\n")

    result = run_flake8(["--select=LOG,E999", "bad.py"], tmp_path)

    assert [line.split(" ")[1] for line in result.stdout.splitlines()] == ["E999"]
    assert "Traceback" not in result.stderr


# -- options --------------------------------------------------------------------


def test_every_option_has_a_case() -> None:
    assert set(OPTION_CASES) == {option.field for option in OPTIONS}


def _option(field: str) -> Option:
    return next(option for option in OPTIONS if option.field == field)


def _flag(case: OptionCase) -> str:
    option = _option(case.field)
    if option.kind == "bool":
        return option.flake8_flag
    return f"{option.flake8_flag}={case.value}"


def _lines_and_codes(output: str) -> list[tuple[int, str]]:
    return sorted((line, code) for _, line, _, code in flake8_findings(output))


@pytest.mark.parametrize("field", sorted(OPTION_CASES))
def test_option_as_flag_changes_the_result(tmp_path: Path, field: str) -> None:
    case = OPTION_CASES[field]
    write(tmp_path, case.filename, case.source)

    before = run_flake8(["--select=LOG", case.filename], tmp_path)
    after = run_flake8(["--select=LOG", _flag(case), case.filename], tmp_path)

    assert _lines_and_codes(before.stdout) == case.without
    assert _lines_and_codes(after.stdout) == case.with_option
    assert after.stderr == ""


@pytest.mark.parametrize("field", sorted(OPTION_CASES))
def test_option_in_setup_cfg_changes_the_result(tmp_path: Path, field: str) -> None:
    case = OPTION_CASES[field]
    write(tmp_path, case.filename, case.source)
    before = run_flake8(["--select=LOG", case.filename], tmp_path)
    write(
        tmp_path, "setup.cfg", f"[flake8]\n{_option(field).flake8_key} = {case.value}\n"
    )

    after = run_flake8(["--select=LOG", case.filename], tmp_path)

    assert _lines_and_codes(before.stdout) == case.without
    assert _lines_and_codes(after.stdout) == case.with_option
    assert after.stderr == ""


def test_list_option_over_several_config_lines(tmp_path: Path) -> None:
    write(
        tmp_path,
        "mod.py",
        """\
        import logging

        logger = logging.getLogger(__name__)
        AUTH.warn("refused")
        AUDIT.warn("refused")
        """,
    )
    write(
        tmp_path, "setup.cfg", "[flake8]\nlogerr-logger-names =\n    AUTH\n    AUDIT\n"
    )

    result = run_flake8(["--select=LOG", "mod.py"], tmp_path)

    assert _lines_and_codes(result.stdout) == [(4, "LOG008"), (5, "LOG008")]


def test_bool_option_false_in_config_keeps_default(tmp_path: Path) -> None:
    case = OPTION_CASES["pii"]
    write(tmp_path, case.filename, case.source)
    write(tmp_path, "setup.cfg", "[flake8]\nlogerr-pii = false\n")

    result = run_flake8(["--select=LOG", case.filename], tmp_path)

    assert _lines_and_codes(result.stdout) == case.without
