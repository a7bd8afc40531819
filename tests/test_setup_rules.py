"""LOG020, LOG025-LOG027: module loggers, printing and logging set-up."""

from __future__ import annotations

import textwrap

import pytest

from flake8_logerr import check_source
from tests.util import codes, messages, results


class TestLOG020:
    def test_root_calls_without_module_logger(self) -> None:
        src = """\
            import logging

            def f():
                logging.info("b")
                logging.warning("a")
        """

        assert codes(src, "LOG020") == [(4, 4, "LOG020")]

    def test_reported_once_at_first_call_by_line_and_column(self) -> None:
        src = """\
            from app.log import logger

            def f():
                x = 1; logger.debug("y"); logger.info("x")
            logger.info("module level")
        """

        assert results(src) == [(4, 11, "LOG020")]

    def test_message(self) -> None:
        src = """\
            from app.log import logger
            logger.info("x")
        """

        assert messages(src) == [
            "LOG020 module logs without a module logger from `getLogger(__name__)`"
        ]

    def test_imported_logger(self) -> None:
        src = """\
            from app.log import logger

            logger.info("x")
        """

        assert results(src) == [(3, 0, "LOG020")]

    def test_get_logger_in_each_function(self) -> None:
        src = """\
            import logging

            def f():
                logger = logging.getLogger(__name__)
                logger.info("x")
        """

        assert results(src) == [(5, 4, "LOG020")]

    def test_hard_coded_name(self) -> None:
        src = """\
            import logging

            logger = logging.getLogger("utils")
            logger.info("x")
        """

        assert results(src, filename="app/utils.py") == [(4, 0, "LOG020")]

    def test_inline_get_logger_name(self) -> None:
        src = """\
            import logging

            logging.getLogger(__name__).info("x")
        """

        assert results(src) == [(3, 0, "LOG020")]

    @pytest.mark.parametrize(
        "value",
        [
            "logging.getLogger(__name__)",
            "getLogger(__name__)",
            "logging.getLogger(name=__name__)",
            'logging.getLogger(f"{__name__}.audit")',
            'logging.getLogger(__name__ + ".audit")',
            'logging.getLogger("%s.audit" % __name__)',
            'logging.getLogger("{}.audit".format(__name__))',
            "logging.LoggerAdapter(logging.getLogger(__name__), {})",
            "structlog.get_logger(__name__)",
            "get_task_logger(__name__)",
            "get_logger(__name__)",
        ],
    )
    def test_module_logger_passes(self, value: str) -> None:
        src = f"""\
            import logging
            import structlog
            from logging import getLogger
            from celery.utils.log import get_task_logger

            log = {value}

            def f():
                log.info("x")
        """

        assert results(src) == []

    def test_annotated_module_logger_passes(self) -> None:
        src = """\
            import logging

            logger: logging.Logger = logging.getLogger(__name__)
            logger.info("x")
        """

        assert results(src) == []

    def test_module_logger_bound_after_first_call_passes(self) -> None:
        src = """\
            import logging

            def f():
                logger.info("x")

            logger = logging.getLogger(__name__)
        """

        assert results(src) == []

    def test_class_level_logger_passes(self) -> None:
        # Decision: a class body runs once at import, like the module body.
        src = """\
            import logging

            class Client:
                log = logging.getLogger(__name__)

                def get(self):
                    log.info("x")
        """

        assert results(src) == []

    def test_module_level_logger_with_other_name_is_flagged(self) -> None:
        src = """\
            import logging

            logger = logging.getLogger("app")
            helper = logging.getLogger(__name__ + ".x").name

            logger.info("x")
        """

        assert results(src, filename="other/module.py") == [(6, 0, "LOG020")]

    def test_hard_coded_name_inside_own_package_is_flagged(self) -> None:
        # rules.md: a hard-coded name loses the hierarchy, even a deliberate
        # one such as Django's "django.request" (a limitation on its page).
        src = """\
            import logging

            logger = logging.getLogger("django.request")
            logger.info("x")
        """

        assert results(src, filename="django/core/handlers/base.py") == [
            (4, 0, "LOG020")
        ]

    @pytest.mark.parametrize(
        "name", ["django.core.handlers.base", "core.handlers.base", "handlers.base.x"]
    )
    def test_the_module_s_own_dotted_name_written_out_passes(self, name: str) -> None:
        src = f"""\
            import logging

            logger = logging.getLogger("{name}")
            logger.info("x")
        """

        assert results(src, filename="django/core/handlers/base.py") == []

    def test_package_init_is_named_after_the_package(self) -> None:
        src = """\
            import logging

            logger = logging.getLogger("shop.billing")
            logger.info("x")
        """

        assert results(src, filename="shop/billing/__init__.py") == []

    def test_literal_name_inside_own_package_in_function_is_flagged(self) -> None:
        src = """\
            import logging

            def f():
                logger = logging.getLogger("django.request")
                logger.info("x")
        """

        assert results(src, filename="django/core/handlers/base.py") == [
            (5, 4, "LOG020")
        ]

    def test_name_computed_in_function_below_the_module_passes(self) -> None:
        src = """\
            import logging

            def f(exc):
                logger = logging.getLogger("sessions.base.%s" % type(exc).__name__)
                logger.info("x")
        """

        assert results(src, filename="django/sessions/base.py") == []

    def test_name_computed_outside_package_is_flagged(self) -> None:
        src = """\
            import logging

            def f(kind):
                logger = logging.getLogger(f"audit.{kind}")
                logger.info("x")
        """

        assert results(src, filename="app/views.py") == [(5, 4, "LOG020")]

    def test_object_loggers_do_not_trigger(self) -> None:
        src = """\
            class Spider:
                def parse(self, app):
                    self.logger.info("x")
                    app.logger.warning("y")
        """

        assert results(src) == []

    def test_instance_logger_built_in_init_triggers(self) -> None:
        # getLogger(__name__) run again in a function, for every instance.
        src = """\
            import logging

            class Worker:
                def __init__(self):
                    self.log = logging.getLogger(__name__)

                def run(self):
                    self.log.info("x")
        """

        assert results(src) == [(8, 8, "LOG020")]

    def test_instance_logger_from_the_module_logger_passes(self) -> None:
        src = """\
            import logging

            logger = logging.getLogger(__name__)

            class Worker:
                def __init__(self):
                    self.log = logger.getChild("worker")

                def run(self):
                    self.log.info("x")
        """

        assert results(src) == []

    def test_root_attribute_triggers(self) -> None:
        src = """\
            import logging

            logging.root.info("x")
        """

        assert results(src) == [(3, 0, "LOG015"), (3, 0, "LOG020")]

    def test_module_without_logging_calls_passes(self) -> None:
        src = """\
            import logging

            logger = logging.getLogger("x")
        """

        assert results(src) == []

    def test_loguru_only_module_passes(self) -> None:
        src = """\
            from loguru import logger

            logger.info("x")
        """

        assert results(src) == []

    def test_loguru_and_stdlib_reports_first_stdlib_call(self) -> None:
        src = """\
            import logging
            from loguru import logger

            logger.info("x")
            log = logging.getLogger("other")
            log.info("y")
        """

        assert results(src) == [(6, 0, "LOG020")]

    @pytest.mark.parametrize(
        "filename",
        [
            "tests/helpers.py",
            "pkg/test/x.py",
            "t/unit/x.py",
            "test_x.py",
            "conftest.py",
        ],
    )
    def test_test_files_pass(self, filename: str) -> None:
        src = """\
            from app.log import logger

            logger.info("x")
        """

        assert results(src, filename=filename) == []

    def test_logger_factories_option(self) -> None:
        src = """\
            from app.log import make_logger

            logger = make_logger(__name__)
            logger.info("x")
        """

        assert results(src) == [(4, 0, "LOG020")]
        assert results(src, logger_factories=("make_logger",)) == []

    def test_bare_package_name_is_flagged(self) -> None:
        # Regression (labelled corpus): every module of the package logging
        # under "shop" is the lost hierarchy rules.md describes; only the
        # module's own name ("shop.billing.invoices") keeps it.
        src = """\
            import logging

            logger = logging.getLogger("shop")
            logger.info("x")
        """

        name = "shop/billing/invoices.py"
        below = src.replace('"shop"', '"shop.billing.invoices"')

        assert results(src, filename=name) == [(4, 0, "LOG020")]
        assert results(below, filename=name) == []


class TestLOG025:
    def test_print(self) -> None:
        src = """\
            def load(path):
                print("loading", path)
        """

        assert results(src) == [(2, 4, "LOG025")]

    def test_message_names_the_call(self) -> None:
        src = """\
            import sys
            import traceback
            from pprint import pprint

            print("x")
            pprint({})
            traceback.print_exc()
            sys.stderr.write("x")
        """

        assert messages(src) == [
            "LOG025 `print()` used for diagnostics; use a logger",
            "LOG025 `pprint.pprint()` used for diagnostics; use a logger",
            "LOG025 `traceback.print_exc()` used for diagnostics; use a logger",
            "LOG025 `sys.stderr.write()` used for diagnostics; use a logger",
        ]

    def test_every_printer(self) -> None:
        src = """\
            import pprint
            import sys
            import traceback as tb
            from traceback import print_exception

            def f(exc):
                pprint.pprint({})
                tb.print_exc()
                tb.print_exception(exc)
                print_exception(exc)
                sys.stderr.write("x")
                print("x", file=sys.stderr)
                print("x", file=None)
        """

        assert results(src) == [
            (7, 4, "LOG025"),
            (8, 4, "LOG025"),
            (9, 4, "LOG025"),
            (10, 4, "LOG025"),
            (11, 4, "LOG025"),
            (12, 4, "LOG025"),
            (13, 4, "LOG025"),
        ]

    def test_traceback_print_in_handler_is_high(self) -> None:
        src = """\
            import traceback

            def f():
                try:
                    g()
                except ValueError:
                    traceback.print_exc()
                    print("failed")
            traceback.print_exc()
        """

        findings = check_source(textwrap.dedent(src))

        assert [(f.line, f.code, f.priority) for f in findings] == [
            (7, "LOG025", "high"),
            (8, "LOG025", None),
            (9, "LOG025", None),
        ]

    def test_other_write_and_print_methods_pass(self) -> None:
        src = """\
            import sys

            def f(console, out):
                console.print("x")
                self.print("x")
                sys.stdout.write("x")
                out.write("x")
                stderr.write("x")
        """

        assert results(src) == []

    @pytest.mark.parametrize(
        "binding",
        [
            "from rich import print",
            "from app import show as print",
            "def print(*args): pass",
            "print = logger.info",
            "print: object = None",
        ],
    )
    def test_rebound_print_passes(self, binding: str) -> None:
        src = f"""\
            {binding}

            def f():
                print("x")
        """

        assert results(src) == []

    def test_print_to_chosen_stream_passes(self) -> None:
        src = """\
            import io
            import pprint
            import traceback

            def report(rows, out):
                for row in rows:
                    print(row, file=out)
                buf = io.StringIO()
                traceback.print_exc(file=buf)
                traceback.print_exc(None, buf)
                pprint.pprint(rows, stream=out)
                pprint.pprint(rows, out)
        """

        assert results(src) == []

    def test_unimported_modules_pass(self) -> None:
        src = """\
            def f():
                pprint.pprint({})
                traceback.print_exc()
                sys.stderr.write("x")
        """

        assert results(src) == []

    @pytest.mark.parametrize(
        "filename",
        [
            "__main__.py",
            "pkg/__main__.py",
            "manage.py",
            "conftest.py",
            "test_x.py",
            "pkg/x_test.py",
            "tests/helpers.py",
            "project/scripts/run.py",
            "bin/tool.py",
            "examples/demo.py",
            "docs/conf.py",
            "docs\\conf.py",
        ],
    )
    def test_command_line_files_pass(self, filename: str) -> None:
        src = """\
            def f():
                print("x")
        """

        assert results(src, filename=filename) == []

    @pytest.mark.parametrize(
        "filename",
        [
            "setup.py",
            "qps-bench.py",
            "demos/x.py",
            "t/smoke/x.py",
            "benchmarks/x.py",
        ],
    )
    def test_extra_program_files_pass(self, filename: str) -> None:
        src = """\
            def f():
                print("x")
        """

        assert results(src, filename=filename) == []

    @pytest.mark.parametrize("filename", ["cli.py", "pkg/cmdline.py"])
    def test_helpers_of_a_command_line_module_are_checked(self, filename: str) -> None:
        # rules.md names the command-line contexts; a module called cli.py
        # is not one of them (its main() and click commands are).
        src = """\
            def f():
                print("x")
        """

        assert results(src, filename=filename) == [(2, 4, "LOG025")]

    def test_library_file_named_like_a_folder_is_flagged(self) -> None:
        src = """\
            def f():
                print("x")
        """

        assert results(src, filename="pkg/tests.py") == [(2, 4, "LOG025")]

    def test_shebang_file_passes(self) -> None:
        src = """\
            #!/usr/bin/env python
            print("x")
        """

        assert results(src) == []

    def test_main_guard_passes(self) -> None:
        src = """\
            if __name__ == "__main__":
                print("x")
        """

        assert results(src) == []

    def test_main_function_and_nested_code_pass(self) -> None:
        src = """\
            def main():
                print("x")

                def helper():
                    print("y")

            async def main():
                print("z")
        """

        assert results(src) == []

    @pytest.mark.parametrize(
        "decorator",
        [
            "@click.command()",
            "@click.group()",
            "@cli.command()",
            "@cli.group",
            "@app.command()",
            "@typer.run",
            "@command()",
        ],
    )
    def test_cli_decorated_functions_pass(self, decorator: str) -> None:
        src = f"""\
            import click
            import typer
            from click import command

            {decorator}
            def run():
                print("x")
        """

        assert results(src) == []

    def test_other_decorators_are_flagged(self) -> None:
        src = """\
            import functools

            @functools.cache
            def run():
                print("x")
        """

        assert results(src) == [(5, 4, "LOG025")]

    def test_only_handle_of_a_command_class_passes(self) -> None:
        # rules.md exempts ``handle``; a helper method is library code.
        src = """\
            from django.core.management.base import BaseCommand

            class Command(BaseCommand):
                def handle(self, *args, **options):
                    print("done")

                def _report(self):
                    print("more")
        """

        assert results(src) == [(8, 8, "LOG025")]

    def test_handle_of_other_class_is_flagged(self) -> None:
        src = """\
            class Handler:
                def handle(self):
                    print("x")
        """

        assert results(src) == [(3, 8, "LOG025")]

    def test_functions_named_for_printing_are_checked(self) -> None:
        # Not a command-line context of rules.md: a print_* helper in a
        # library is still output nobody routes.
        src = """\
            def print_help():
                print("usage")

            def _pprint(obj):
                print(obj)
        """

        assert results(src) == [(2, 4, "LOG025"), (5, 4, "LOG025")]

    def test_name_merely_containing_print_is_flagged(self) -> None:
        src = """\
            def register_blueprint(bp):
                print("registering", bp)
        """

        assert results(src) == [(2, 4, "LOG025")]

    def test_prompting_function_passes(self) -> None:
        src = """\
            import getpass

            def ask(prompts):
                for prompt in prompts:
                    print(prompt, end=" ")
                    input()

            def secret():
                print("Password for vault:")
                return getpass.getpass()
        """

        assert results(src) == []

    def test_verbose_output_passes(self) -> None:
        src = """\
            def migrate(verbosity, quiet):
                if verbosity >= 2:
                    print("adding permission")
                if not quiet:
                    print("banner")
                else:
                    print("quiet")
        """

        assert results(src) == [(7, 8, "LOG025")]

    def test_print_allowed_in_option(self) -> None:
        src = """\
            def f():
                print("x")
        """

        assert results(src, filename="pkg/report.py") == [(2, 4, "LOG025")]
        assert (
            results(src, filename="pkg/report.py", print_allowed_in=("pkg/rep*.py",))
            == []
        )
        assert (
            results(src, filename="pkg\\report.py", print_allowed_in=("pkg/*.py",))
            == []
        )
        assert (
            results(src, filename="./pkg/report.py", print_allowed_in=("report.py",))
            == []
        )
        assert results(
            src, filename="pkg/report.py", print_allowed_in=("other/*.py",)
        ) == [(2, 4, "LOG025")]


class TestLOG026:
    def test_file_handler(self) -> None:
        src = """\
            import logging

            def setup():
                handler = logging.FileHandler("app.log")
        """

        assert results(src) == [(4, 14, "LOG026")]

    def test_messages(self) -> None:
        src = """\
            import logging
            from logging.handlers import RotatingFileHandler, TimedRotatingFileHandler

            logging.FileHandler("a")
            RotatingFileHandler("a")
            RotatingFileHandler("a", maxBytes=1)
            TimedRotatingFileHandler("a")
        """

        grows = ": log files grow until the disk is full"
        assert messages(src) == [
            "LOG026 `FileHandler` never rotates" + grows,
            "LOG026 `RotatingFileHandler` without `maxBytes` never rotates" + grows,
            "LOG026 `RotatingFileHandler` without `backupCount` never rotates" + grows,
            "LOG026 `TimedRotatingFileHandler` without `backupCount` keeps every old "
            "file" + grows,
        ]

    def test_imported_and_aliased_names(self) -> None:
        src = """\
            import logging as lg
            import logging.handlers
            import logging.handlers as lh
            from logging import FileHandler as FH, handlers

            FH("a")
            lg.FileHandler("a")
            logging.handlers.RotatingFileHandler("a")
            lh.RotatingFileHandler("a")
            handlers.TimedRotatingFileHandler("a")
        """

        assert results(src) == [
            (6, 0, "LOG026"),
            (7, 0, "LOG026"),
            (8, 0, "LOG026"),
            (9, 0, "LOG026"),
            (10, 0, "LOG026"),
        ]

    def test_basic_config_with_filename(self) -> None:
        src = """\
            import logging

            def setup():
                logging.basicConfig(filename="app.log", level=logging.INFO)
                logging.basicConfig(level=logging.INFO)
                logging.basicConfig(filename=None)
        """

        assert results(src) == [(4, 4, "LOG026")]

    def test_rotating_limits(self) -> None:
        src = """\
            from logging.handlers import RotatingFileHandler as R

            def setup(path, size):
                R(path, maxBytes=10_000_000, backupCount=5)
                R(path, "a", 10_000_000, 5)
                R(path, "a", size, 3)
                R(path, maxBytes=0, backupCount=5)
                R(path, maxBytes=100, backupCount=0)
                R(path, "a", 10_000_000)
                R(path, backupCount=5)
        """

        assert results(src) == [
            (7, 4, "LOG026"),
            (8, 4, "LOG026"),
            (9, 4, "LOG026"),
            (10, 4, "LOG026"),
        ]

    def test_timed_rotating_limits(self) -> None:
        src = """\
            from logging.handlers import TimedRotatingFileHandler as T

            def setup(path):
                T(path, when="midnight", backupCount=7)
                T(path, "midnight", 1, 7)
                T(path, "midnight", 1, 0)
                T(path, when="midnight")
        """

        assert results(src) == [(6, 4, "LOG026"), (7, 4, "LOG026")]

    def test_unknown_arguments_get_the_benefit_of_the_doubt(self) -> None:
        src = """\
            from logging.handlers import RotatingFileHandler

            def setup(path, args, options):
                RotatingFileHandler(path, *args)
                RotatingFileHandler(path, **options)
        """

        assert results(src) == []

    def test_watched_and_stream_handlers_pass(self) -> None:
        src = """\
            import logging
            import logging.handlers
            from logging.handlers import WatchedFileHandler

            def setup():
                WatchedFileHandler("a")
                logging.handlers.WatchedFileHandler("a")
                logging.StreamHandler()
        """

        assert results(src) == []

    def test_look_alike_names_pass(self) -> None:
        src = """\
            from myapp.handlers import FileHandler, RotatingFileHandler

            def setup():
                FileHandler("a")
                RotatingFileHandler("a")
                uploads.FileHandler("a")
        """

        assert results(src) == []

    def test_devnull_passes(self) -> None:
        src = """\
            import logging
            import os

            def setup():
                logging.FileHandler(os.devnull)
                logging.basicConfig(filename=os.devnull)
        """

        assert results(src) == []

    def test_config_mapping(self) -> None:
        src = """\
            LOGGING = {
                "version": 1,
                "handlers": {
                    "file": {"class": "logging.FileHandler", "filename": "a.log"},
                    "rot": {"class": "logging.handlers.RotatingFileHandler"},
                    "rot0": {
                        "class": "logging.handlers.RotatingFileHandler",
                        "maxBytes": 0,
                        "backupCount": 3,
                    },
                    "timed": {"class": "logging.handlers.TimedRotatingFileHandler"},
                    "ok": {
                        "class": "logging.handlers.RotatingFileHandler",
                        "maxBytes": 1000,
                        "backupCount": 3,
                    },
                    "timed_ok": {
                        "class": "logging.handlers.TimedRotatingFileHandler",
                        "backupCount": 3,
                    },
                    "watched": {"class": "logging.handlers.WatchedFileHandler"},
                    "console": {"class": "logging.StreamHandler"},
                    "spread": {"class": "logging.FileHandler", **EXTRA},
                },
            }
        """

        assert results(src) == [
            (4, 26, "LOG026"),
            (5, 25, "LOG026"),
            (7, 21, "LOG026"),
            (11, 27, "LOG026"),
        ]

    def test_test_files_pass(self) -> None:
        src = """\
            import logging

            def test_x(tmp_path):
                logging.FileHandler(tmp_path / "a.log")
        """

        assert results(src, filename="tests/test_log.py") == []


class TestLOG027:
    @pytest.mark.parametrize(
        ("call", "shown"),
        [
            ("logging.basicConfig(level=logging.INFO)", "logging.basicConfig()"),
            ("logging.config.dictConfig(CONFIG)", "logging.config.dictConfig()"),
            ("logging.config.fileConfig('log.ini')", "logging.config.fileConfig()"),
            ("dictConfig(CONFIG)", "dictConfig()"),
            ("logging.getLogger().setLevel(10)", "logging.getLogger().setLevel()"),
            (
                "logging.getLogger('').addHandler(h)",
                "logging.getLogger('').addHandler()",
            ),
            ("logging.root.setLevel(10)", "logging.root.setLevel()"),
            (
                "logging.root.addHandler(logging.NullHandler())",
                "logging.root.addHandler()",
            ),
            ("logging.captureWarnings(True)", "logging.captureWarnings()"),
            ("logging.disable(logging.INFO)", "logging.disable()"),
            ("logger.addHandler(logging.StreamHandler())", "logger.addHandler()"),
            ("logger.addHandler(h)", "logger.addHandler()"),
            ("root.setLevel(10)", "root.setLevel()"),
            ("root.addHandler(h)", "root.addHandler()"),
        ],
    )
    def test_module_level_configuration(self, call: str, shown: str) -> None:
        src = f"""\
            import logging
            import logging.config
            from logging.config import dictConfig

            logger = logging.getLogger(__name__)
            root = logging.getLogger()
            h = logging.StreamHandler()
            {call}
        """

        assert messages(src) == [
            f"LOG027 `{shown}` configures logging when the module is imported"
        ]

    def test_position_and_nested_blocks(self) -> None:
        src = """\
            import logging

            try:
                import colorlog
            except ImportError:
                logging.basicConfig()
            if DEBUG:
                logging.basicConfig()
        """

        assert results(src) == [(6, 4, "LOG027"), (8, 4, "LOG027")]

    def test_null_handler_passes(self) -> None:
        src = """\
            import logging
            from logging import NullHandler

            logger = logging.getLogger(__name__)
            null = logging.NullHandler()
            logger.addHandler(logging.NullHandler())
            logger.addHandler(NullHandler())
            logging.getLogger("lib").addHandler(null)
        """

        assert results(src) == []

    def test_named_logger_level_passes(self) -> None:
        src = """\
            import logging

            logger = logging.getLogger(__name__)
            logging.getLogger("urllib3").setLevel(logging.WARNING)
            logger.setLevel(logging.DEBUG)
        """

        assert results(src) == []

    def test_inside_function_class_or_main_guard_passes(self) -> None:
        src = """\
            import logging

            def setup():
                logging.basicConfig()

            class Config:
                logging.basicConfig()

            if __name__ == "__main__":
                logging.basicConfig()
        """

        assert results(src) == []

    def test_look_alikes_pass(self) -> None:
        src = """\
            import logging
            from app import config

            config.dictConfig({})
            basicConfig()
            widget.addHandler(h)
            logging.getLogger("x").addFilter(f)
        """

        assert results(src) == []

    @pytest.mark.parametrize(
        "filename",
        [
            "__main__.py",
            "manage.py",
            "proj/wsgi.py",
            "proj/asgi.py",
            "conftest.py",
            "proj/settings.py",
            "main.py",
            "app.py",
            "run-server.py",
        ],
    )
    def test_application_files_pass(self, filename: str) -> None:
        src = """\
            import logging

            logging.basicConfig()
        """

        assert results(src, filename=filename) == []

    def test_shebang_script_is_still_importable(self) -> None:
        # A ``#!`` script can be imported by its tests: only a name that is
        # no module name (``run-etl.py``) exempts it.
        src = """\
            #!/usr/bin/env python
            import logging

            logging.basicConfig()
        """

        assert results(src) == [(4, 0, "LOG027")]
        assert results(src, filename="run-etl.py") == []

    def test_config_allowed_in_option(self) -> None:
        src = """\
            import logging

            logging.basicConfig()
        """

        assert results(src, filename="proj/logconf.py") == [(3, 0, "LOG027")]
        assert (
            results(
                src, filename="proj/logconf.py", config_allowed_in=("*/logconf.py",)
            )
            == []
        )
        assert results(
            src, filename="proj/logconf.py", config_allowed_in=("*/other.py",)
        ) == [(3, 0, "LOG027")]
