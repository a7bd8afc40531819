"""The parts of ``logerr report``: rewrites, Current Status, project, tests."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest

from flake8_logerr.core import Finding
from flake8_logerr.registry import RULES
from flake8_logerr.report.analysis import StatusFacts, analyse, index_tests, walk
from flake8_logerr.report.model import Place
from flake8_logerr.report.project import describe_project
from flake8_logerr.report.rewrite import (
    ShownLine,
    changed_blocks,
    no_comment_lines,
    solve,
)
from flake8_logerr.report.sources import (
    SourceCache,
    SourceFile,
    display_path,
    is_test_path,
    module_name,
)
from flake8_logerr.report.testgen import ABOUT, SUFFIXES, recommend_test
from flake8_logerr.report.wording import BENEFITS, HINTS
from flake8_logerr.settings import DEFAULT_SETTINGS, Settings


def _dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


class TestChangedBlocks:
    def test_a_changed_line_with_the_focus_around_it(self) -> None:
        old = ["a", "try:", "    f()", "except E:", "    log.error('x')", "b"]
        new = ["a", "try:", "    f()", "except E:", "    log.exception('x')", "b"]

        blocks = changed_blocks(old, new, (4, 5))

        assert blocks == [
            [
                ShownLine(4, "except E:", False),
                ShownLine(5, "    log.exception('x')", True),
                ShownLine(6, "b", False),
            ]
        ]

    def test_lines_inserted_elsewhere_get_a_block_of_their_own(self) -> None:
        old = ["import logging", "", "def f():", "    logging.info('x')"]
        new = [
            "import logging",
            "",
            "logger = logging.getLogger(__name__)",
            "",
            "def f():",
            "    logger.info('x')",
        ]

        blocks = changed_blocks(old, new, (4, 4))

        assert [[(s.number, s.changed) for s in block] for block in blocks] == [
            [(2, False), (3, True), (4, True), (5, False), (6, True)]
        ]

    def test_far_apart_changes_are_separate_and_in_file_order(self) -> None:
        old = [f"line {n}" for n in range(1, 21)]
        new = ["import x", *old[:15], "changed 16", *old[16:]]

        blocks = changed_blocks(old, new, (16, 16))

        assert [[s.number for s in block] for block in blocks] == [
            [1, 2],
            [16, 17, 18],
        ]


class TestNoCommentLines:
    def test_strings_backslashes_and_comments_are_blocked(self) -> None:
        source = _dedent(
            '''
            x = """one
            two"""
            y = 1 + \\
                2
            z = 3  # said
            w = 4
            '''
        )

        assert no_comment_lines(source) == {1, 3, 5}


class FakeRewrite:
    def __init__(self, new_source: str, kind: str = "safe", note: str = "") -> None:
        self.new_source = new_source
        self.kind = kind
        self.note = note


class TestSolve:
    source = "import logging\nlogging.warn('x')\n"
    finding = Finding(2, 0, "LOG008", "warn")

    def test_no_engine(self) -> None:
        solution = solve(
            None, self.source, self.finding, "a.py", DEFAULT_SETTINGS, (2, 2)
        )

        assert (solution.kind, solution.missing) == (
            "none",
            "the rewriting engine is not available",
        )

    def test_engine_failure_is_named(self) -> None:
        def broken(source: str, finding: Finding, name: str, s: Settings) -> None:
            raise ValueError("bug")

        solution = solve(
            broken, self.source, self.finding, "a.py", DEFAULT_SETTINGS, (2, 2)
        )

        assert solution.missing == "the rewriting engine failed here (ValueError)"

    def test_a_rewrite_that_changes_nothing_is_no_rewrite(self) -> None:
        def same(source: str, finding: Finding, name: str, s: Settings) -> FakeRewrite:
            return FakeRewrite(source)

        solution = solve(
            same, self.source, self.finding, "a.py", DEFAULT_SETTINGS, (2, 2)
        )

        assert (solution.kind, solution.blocks) == ("none", [])

    def test_rewrite_kind_note_and_focus(self) -> None:
        def engine(
            source: str, finding: Finding, name: str, s: Settings
        ) -> FakeRewrite:
            return FakeRewrite(
                source.replace(".warn(", ".warning("), "safe", " `.warn()` renamed "
            )

        solution = solve(
            engine, self.source, self.finding, "a.py", DEFAULT_SETTINGS, (2, 2)
        )

        assert (solution.kind, solution.note, solution.focus) == (
            "safe",
            "`.warn()` renamed",
            0,
        )
        assert solution.blocks == [
            [
                ShownLine(1, "import logging", False),
                ShownLine(2, "logging.warning('x')", True),
            ]
        ]


def _analyse(files: dict[str, str]) -> StatusFacts:
    modules = [
        (path, walk(ast.parse(_dedent(text))), is_test_path(path))
        for path, text in files.items()
    ]
    return analyse(modules)


class TestCurrentStatus:
    def test_basic_config_with_a_level_from_the_environment(self) -> None:
        facts = _analyse(
            {
                "app/main.py": """
                    import logging
                    import os

                    LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
                    logger = logging.getLogger(__name__)

                    def main():
                        logging.basicConfig(level=LOG_LEVEL)
                        logging.getLogger("urllib3").setLevel(logging.WARNING)
                """
            }
        )

        assert [(e.where, e.text) for e in facts.config] == [
            ("app/main.py:8", "`basicConfig`")
        ]
        assert [e.where for e in facts.levels_env] == [
            "app/main.py:4",
            "app/main.py:8",
        ]
        assert [e.text for e in facts.levels_fixed] == ["logging.WARNING"]
        assert [e.where for e in facts.module_loggers] == ["app/main.py:5"]

    def test_dict_config_handlers_json_formatter_and_correlation(self) -> None:
        facts = _analyse(
            {
                "app/log.py": """
                    import contextvars
                    import logging
                    import logging.config

                    request_id = contextvars.ContextVar("request_id")

                    class RequestId(logging.Filter):
                        def filter(self, record):
                            record.request_id = request_id.get()
                            return True

                    class MaskSecrets(logging.Filter):
                        def filter(self, record):
                            return True

                    CONFIG = {
                        "formatters": {
                            "json": {"()": "pythonjsonlogger.json.JsonFormatter"}
                        },
                        "handlers": {
                            "file": {
                                "class": "logging.handlers.TimedRotatingFileHandler",
                                "level": "DEBUG",
                            },
                            "mail": {"class": "logging.handlers.SMTPHandler"},
                        },
                    }
                    audit_logger = logging.getLogger("app.audit")
                """
            }
        )

        assert [e.text for e in facts.handlers] == [
            "TimedRotatingFileHandler",
            "SMTPHandler",
        ]
        assert [e.text for e in facts.rotation] == ["TimedRotatingFileHandler"]
        assert [e.text for e in facts.structured] == ["JsonFormatter"]
        assert [e.text for e in facts.levels_fixed] == ["'DEBUG'"]
        assert [e.text for e in facts.record_hooks] == ["RequestId (Filter)"]
        assert [e.text for e in facts.redaction] == ["MaskSecrets (Filter)"]
        assert facts.correlation_ids
        assert sorted(e.text for e in facts.audit_loggers) == [
            "'app.audit'",
            "audit_logger",
        ]

    def test_a_context_variable_alone_is_not_a_correlation_id(self) -> None:
        facts = _analyse(
            {"app/ctx.py": "import contextvars\nrid = contextvars.ContextVar('rid')\n"}
        )

        assert not facts.correlation_ids

    def test_exception_classes_through_each_other_and_handlers(self) -> None:
        facts = _analyse(
            {
                "app/errors.py": """
                    class Base(Exception):
                        pass

                    class Child(Base):
                        pass

                    class Plain:
                        pass
                """,
                "app/run.py": """
                    import logging
                    log = logging.getLogger(__name__)

                    def run(job):
                        try:
                            job()
                        except ValueError:
                            log.exception("job failed")
                        except KeyError as exc:
                            raise LookupError("missing") from exc
                        except OSError:
                            pass
                """,
            }
        )

        assert sorted(e.text for e in facts.exception_classes) == ["Base", "Child"]
        assert (
            facts.handlers_total,
            facts.handlers_logging,
            facts.handlers_raising,
            facts.raise_from,
            facts.exception_calls,
        ) == (3, 1, 1, 1, 1)

    def test_tests_that_assert_on_logs(self) -> None:
        facts = _analyse(
            {
                "tests/test_a.py": """
                    def test_logs(caplog):
                        assert caplog.records

                    def test_plain():
                        assert True
                """,
                "tests/test_b.py": """
                    import unittest

                    class T(unittest.TestCase):
                        def test_warns(self):
                            with self.assertLogs("app", "WARNING"):
                                pass
                """,
            }
        )

        assert [(e.where, e.text) for e in facts.log_tests] == [
            ("tests/test_a.py:1", "`test_logs` with caplog"),
            ("tests/test_b.py:4", "`test_warns` with assertLogs"),
        ]
        assert facts.test_files == 2

    def test_index_of_names_the_tests_mention(self) -> None:
        tree = ast.parse(
            _dedent(
                """
                from app.billing import charge
                from app import jobs

                def test_it(monkeypatch):
                    monkeypatch.setattr("app.jobs.retry", None)
                    charge()
                    jobs.Runner().start()
                """
            )
        )

        index = index_tests([("tests/test_x.py", walk(tree))])

        assert index.find("charge") is not None
        assert index.find("Runner.start") is not None
        assert index.find("retry") is not None
        assert index.find("refund") is None


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_dedent(text))


class TestProject:
    def test_versions_frameworks_and_lint_tools(self, tmp_path: Path) -> None:
        _write(
            tmp_path,
            {
                "pyproject.toml": """
                    [project]
                    name = "shop"
                    requires-python = ">=3.11"
                    dependencies = ["Django>=5", "python-json-logger"]

                    [tool.ruff.lint]
                    extend-select = ["G", "LOG"]

                    [tool.pylint.main]
                    load-plugins = ["pylint_logerr"]
                """,
                "setup.cfg": "[flake8]\nselect = E,F,W\n",
                "requirements-dev.txt": "# tools\ncelery==5.4\n-e .\n",
                ".pre-commit-config.yaml": "repos:\n  - hooks:\n      - id: flake8\n",
                ".github/workflows/ci.yml": "on: push\n",
            },
        )
        tree = ast.parse("import django.conf\nfrom fastapi import FastAPI\n")

        context = describe_project(tmp_path, tmp_path, [("shop/app.py", walk(tree))])

        assert (context.python, context.python_source) == (
            ">=3.11",
            "`requires-python` in pyproject.toml",
        )
        assert context.frameworks == {
            "Celery": ["listed in requirements-dev.txt"],
            "Django": ["imported in shop/app.py", "listed in pyproject.toml"],
            "FastAPI": ["imported in shop/app.py"],
            "python-json-logger": ["listed in pyproject.toml"],
        }
        assert [
            (t.name, t.where, t.logging_rules, t.on) for t in context.lint_tools
        ] == [
            ("flake8", "setup.cfg", "`select` leaves the LOG rules out", False),
            ("pylint", "pyproject.toml", "the pylint_logerr plugin is loaded", True),
            ("ruff", "pyproject.toml", "logging rules on: LOG, G, E722", True),
            ("pre-commit", ".pre-commit-config.yaml", "hooks: flake8", False),
        ]
        assert context.ci_files == [".github/workflows/ci.yml"]

    def test_nothing_configured_falls_back_to_the_running_python(
        self, tmp_path: Path
    ) -> None:
        context = describe_project(tmp_path, tmp_path, [])

        assert context.python_source == (
            "the Python running logerr (the project declares no version)"
        )
        assert context.lint_tools == []
        assert context.frameworks == {}


class TestSources:
    def test_display_paths_are_relative_and_forward(self, tmp_path: Path) -> None:
        assert display_path("./app/x.py", tmp_path) == "app/x.py"
        assert display_path(tmp_path / "app" / "x.py", tmp_path) == "app/x.py"

    @pytest.mark.parametrize(
        ("path", "expected"),
        [
            ("tests/helpers.py", True),
            ("src/app/tests/helpers.py", True),
            ("test/support.py", True),
            ("django/test/runner.py", False),
            ("app/test_views.py", True),
            ("app/views_test.py", True),
            ("conftest.py", True),
            ("app/testing_tools.py", False),
            ("app/views.py", False),
        ],
    )
    def test_test_paths(self, path: str, expected: bool) -> None:
        assert is_test_path(path) is expected

    def test_module_names_follow_packages_and_skip_src(self, tmp_path: Path) -> None:
        _write(
            tmp_path, {"src/shop/__init__.py": "", "src/shop/orders/__init__.py": ""}
        )

        assert module_name("src/shop/orders/mail.py", tmp_path) == "shop.orders.mail"
        assert module_name("scripts/run.py", tmp_path) == "run"

    def test_functions_and_excerpts(self, tmp_path: Path) -> None:
        (tmp_path / "a.py").write_text(
            _dedent(
                """
                class Shop:
                    def buy(self):

                        try:
                            pay()
                        except ValueError:
                            pass
                """
            )
        )
        source = SourceCache(tmp_path).get("a.py")

        assert source.function_at(6) is not None
        assert source.function_at(6).qualname == "Shop.buy"  # type: ignore[union-attr]
        assert source.excerpt_span(6) == (5, 7)
        assert source.excerpt_span(4) == (4, 4)

    def test_a_missing_file_has_a_problem_and_no_lines(self, tmp_path: Path) -> None:
        source = SourceCache(tmp_path).get("gone.py")

        assert source.problem == "the file is gone: it no longer exists at this path"
        assert source.lines == []


TESTGEN_SOURCE = """
import logging
import requests
from flask import Flask, jsonify

from shop.errors import ShopError

app = Flask(__name__)
logger = logging.getLogger(__name__)


class Cart:
    def checkout(self, order, *, coupon):
        try:
            self.gateway.pay(order)
        except ShopError as exc:
            logger.error("checkout failed: %s", exc)


def fetch(url):
    try:
        return requests.get(url, timeout=5)
    except requests.RequestException:
        raise ShopError("fetch failed")


@app.route("/login", methods=["POST"])
def login():
    data = request.get_json()
    logger.info("login %s %s", data["user"], data["password"])
    return jsonify({})


def drain(queue):
    try:
        queue.pop()
    except:
        pass
"""


class TestRecommendedTests:
    @pytest.fixture
    def source(self, tmp_path: Path) -> SourceFile:
        (tmp_path / "shop").mkdir()
        (tmp_path / "shop" / "__init__.py").write_text("")
        (tmp_path / "shop" / "cart.py").write_text(_dedent(TESTGEN_SOURCE))
        return SourceCache(tmp_path).get("shop/cart.py")

    def _sketch(self, source: SourceFile, code: str, line: int) -> str:
        finding = Finding(line, 0, code, "log call may write a secret: `password`")
        function = source.function_at(line)
        place = Place(
            "shop/cart.py",
            finding,
            "high",
            False,
            function.qualname if function else None,
        )
        sketch = recommend_test(place, RULES[code], source, "shop.cart")
        ast.parse(sketch.code)
        return sketch.code

    def test_method_in_a_handler_mocks_self_and_raises_the_caught_class(
        self, source: SourceFile
    ) -> None:
        code = self._sketch(source, "LOG005", 16)

        assert (
            "def test_cart_checkout_logs_the_failure_with_its_traceback(caplog):"
            in code
        )
        assert 'error = cart.ShopError("boom")' in code
        assert "cart_ = MagicMock()" not in code
        assert "cart.Cart.checkout(cart, MagicMock(), coupon=MagicMock())" in code
        assert "cart.gateway.pay.side_effect = error" in code
        assert "assert record.exc_info[1] is error" in code

    def test_raise_without_from_checks_the_cause(self, source: SourceFile) -> None:
        code = self._sketch(source, "LOG022", 23)

        assert 'error = cart.requests.RequestException("boom")' in code
        assert (
            'monkeypatch.setattr(cart.requests, "get", MagicMock(side_effect=error))'
            in code
        )
        assert "with pytest.raises(cart.ShopError) as caught:" in code
        assert "assert caught.value.__cause__ is error" in code

    def test_route_uses_the_test_client_and_plants_the_secret(
        self, source: SourceFile
    ) -> None:
        code = self._sketch(source, "LOG019", 29)

        assert "client = cart.app.test_client()" in code
        body = '{"password": "s3cr3t-value", "user": "example"}'
        assert f'client.post("/login", json={body})' in code
        assert 'assert "s3cr3t-value" not in caplog.text' in code

    def test_bare_except_expects_keyboard_interrupt_to_pass(
        self, source: SourceFile
    ) -> None:
        code = self._sketch(source, "LOG016", 36)

        assert "def test_drain_lets_keyboard_interrupt_through():" in code
        assert "queue.pop.side_effect = error" in code
        assert "with pytest.raises(KeyboardInterrupt):" in code

    def test_a_try_block_without_a_call_says_what_to_arrange(
        self, tmp_path: Path
    ) -> None:
        (tmp_path / "apps.py").write_text(
            _dedent(
                """
                class Config:
                    def name_of(self, klass):
                        try:
                            return klass.name
                        except AttributeError:
                            raise LookupError("no name")
                """
            )
        )
        source = SourceCache(tmp_path).get("apps.py")
        place = Place("apps.py", Finding(6, 12, "LOG022", "m"), "medium", False)

        code = recommend_test(place, RULES["LOG022"], source, "apps").code

        assert (
            "# Make `return klass.name` (line 4) raise AttributeError: the `try` "
            "block has no call to patch."
        ) in code
        assert "with pytest.raises(LookupError) as caught:" in code
        assert "assert isinstance(caught.value.__cause__, AttributeError)" in code
        assert "error =" not in code

    def test_every_rule_gets_a_test_that_parses(self, source: SourceFile) -> None:
        for code in RULES:
            for line in (16, 23, 29, 36, 8):
                self._sketch(source, code, line)


def test_wording_covers_every_rule() -> None:
    assert set(HINTS) == set(RULES)
    assert set(BENEFITS) == set(RULES)
    assert set(SUFFIXES) == set(RULES)
    assert set(ABOUT) == set(RULES)


def _report(tmp_path: Path, files: dict[str, str]) -> str:
    """Write ``files``, run ``logerr report`` there, return the summary."""
    from flake8_logerr.cli import main

    project = tmp_path / "project"
    _write(project, files)
    status = main(
        ["report", "--date", "2026-12-03", "--out", str(project / "out"), "-j", "1"]
        + [str(project)]
    )
    assert status == 0
    return (project / "out" / "logging-error-handling-2026-12-03.md").read_text()


class TestFittedAdvice:
    def test_a_fastapi_service_gets_a_request_id_middleware_on_its_app(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.chdir(tmp_path)
        summary = _report(
            tmp_path,
            {
                "pyproject.toml": '[project]\nname = "svc"\n',
                "svc/__init__.py": "",
                "svc/main.py": """
                    import logging

                    from fastapi import FastAPI

                    logger = logging.getLogger(__name__)
                    api = FastAPI()
                """,
            },
        )

        steps = summary.split("## Next Steps")[1]
        assert (
            "in `project/svc/main.py`, next to `api = FastAPI(...)` (line 6)" in steps
        )
        assert '@api.middleware("http")' in steps
        assert "Correlation IDs on every record: none yet; for FastAPI" in summary

    def test_a_django_project_gets_its_logging_setting(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.chdir(tmp_path)
        summary = _report(
            tmp_path,
            {
                "requirements.txt": "Django==5.1\n",
                "site/settings.py": """
                    DEBUG = True
                    LOGGING = {"version": 1, "root": {"level": "DEBUG"}}
                """,
            },
        )

        assert (
            "replace the `LOGGING` setting at `project/site/settings.py:2` with one"
            in summary
        )
        assert '"root": {"handlers": ["console"], "level": os.environ.get(' in summary
        assert "Django's `DEBUG` is hard-coded on at `project/site/settings.py:1`" in (
            summary
        )
        assert "- **Frameworks and libraries:** Django (listed in " in summary


class TestCleanProject:
    def test_no_finding_still_gives_every_section_and_no_finding_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.chdir(tmp_path)
        summary = _report(
            tmp_path,
            {
                "app/tidy.py": """
                    import logging

                    logger = logging.getLogger(__name__)


                    def tidy(path):
                        logger.info("tidying %s", path)
                """
            },
        )

        from flake8_logerr.report.render_summary import SECTIONS

        headings = [line[3:] for line in summary.splitlines() if line.startswith("## ")]
        assert headings == list(SECTIONS)
        assert "- **Findings:** none." in summary
        assert "None: no rule fired." in summary
        assert "There is nothing to fix today." in summary
        assert "0 of them" not in summary
        assert not any(
            (tmp_path / "project/out/logging-error-handling-2026-12-03").iterdir()
        )


def test_progress_shows_only_after_a_second_and_clears_its_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io
    import types

    from flake8_logerr.commands import report as command

    clock = iter([0.0, 0.5, 1.5, 1.6, 2.0])
    stream = io.StringIO()
    progress = command._Progress(stream)
    progress.started = 0.0
    fake_time = types.SimpleNamespace(monotonic=lambda: next(clock))
    monkeypatch.setattr(command, "time", fake_time)

    for done in (160, 320, 480, 640, 800):
        progress(done, 800)
    progress.done()

    # 0.0 and 0.5 s: too early; 1.6 s: too soon after the last update.
    assert stream.getvalue() == (
        "\rlogerr report: checked 480/800 files"
        "\rlogerr report: checked 800/800 files\r\x1b[K"
    )
