"""What is a logger: the logger table every rule relies on.

Most tests use a probe rule to ask "is this call a logging call?":
LOG008 (``.warn()``) for the logging methods and LOG011 (an f-string
message) for ``.log()``. Only LOG001-LOG015 findings are compared, so the
snippets can stay small.
"""

from __future__ import annotations

import sys
from typing import Any

import pytest

from tests.util import results

FAMILY = frozenset(f"LOG{number:03d}" for number in range(1, 16))


def run(source: str, **settings: Any) -> list[tuple[int, int, str]]:
    return [
        result
        for result in results(source, **settings)
        if result[2] in FAMILY or result[2] == "LOG000"
    ]


class TestLoggingModule:
    def test_module_and_alias_are_root(self) -> None:
        found = run(
            """\
            import logging
            import logging as lg

            logging.warn("x")
            lg.warn("x")
            """
        )

        assert found == [
            (4, 0, "LOG008"),
            (4, 0, "LOG015"),
            (5, 0, "LOG008"),
            (5, 0, "LOG015"),
        ]

    def test_submodule_import_binds_logging(self) -> None:
        found = run(
            """\
            import logging.handlers

            logging.info("x")
            """
        )

        assert found == [(3, 0, "LOG015")]

    def test_functions_imported_from_logging(self) -> None:
        found = run(
            """\
            from logging import error, exception as log_exception

            def save():
                error("x")
                log_exception("x")
            """
        )

        assert found == [(4, 4, "LOG015"), (5, 4, "LOG004"), (5, 4, "LOG015")]

    def test_root_fetched_inline(self) -> None:
        found = run(
            """\
            import logging

            logging.getLogger().warning("x")
            """
        )

        assert found == [(3, 0, "LOG015")]

    def test_module_of_the_same_name_elsewhere(self) -> None:
        found = run(
            """\
            from mypackage import logging

            logging.info("x")
            """
        )

        assert found == []


class TestBoundNames:
    @pytest.mark.parametrize(
        ("imports", "factory"),
        [
            ("import logging", "logging.getLogger(__name__)"),
            ("import logging as lg", "lg.getLogger(__name__)"),
            ("from logging import getLogger", "getLogger(__name__)"),
            ("from logging import getLogger as gl", "gl(__name__)"),
            (
                "import logging",
                "logging.LoggerAdapter(logging.getLogger(__name__), {})",
            ),
            ("import structlog", "structlog.get_logger()"),
            ("import structlog", "structlog.getLogger()"),
            (
                "from celery.utils.log import get_task_logger",
                "get_task_logger(__name__)",
            ),
            ("from myapp.log import get_logger", "get_logger(__name__)"),
            ("from myapp import helpers", "helpers.getLogger('audit')"),
        ],
    )
    def test_factory(self, imports: str, factory: str) -> None:
        found = run(
            f"""\
            {imports}

            audit = {factory}
            audit.warn("x")
            audit.log(10, f"{{x}}")
            """
        )

        assert found == [(4, 0, "LOG008"), (5, 14, "LOG011")]

    def test_inline_get_logger(self) -> None:
        found = run(
            """\
            import logging

            logging.getLogger(__name__).warn("x")
            logging.getLogger(__name__).log(10, f"{x}")
            """
        )

        assert found == [(3, 0, "LOG008"), (4, 36, "LOG011")]

    def test_bound_anywhere_in_the_file(self) -> None:
        found = run(
            """\
            import logging

            def early():
                audit.warn("used before the binding")

            def setup():
                global audit
                audit = logging.getLogger("audit")
            """
        )

        assert found == [(4, 4, "LOG008")]

    def test_annotated_and_chained_assignments(self) -> None:
        found = run(
            """\
            import logging

            audit: logging.Logger = logging.getLogger("audit")
            first = second = logging.getLogger("pair")
            audit.warn("x")
            first.warn("x")
            second.warn("x")
            """
        )

        assert found == [(5, 0, "LOG008"), (6, 0, "LOG008"), (7, 0, "LOG008")]

    def test_get_child(self) -> None:
        found = run(
            """\
            import logging

            sql = base.getChild("sql")
            base = logging.getLogger(__name__)
            sql.warn("x")
            """
        )

        assert found == [(5, 0, "LOG008")]

    def test_unknown_factory_needs_the_setting(self) -> None:
        source = """\
            from myapp.log import make_logger

            audit = make_logger()
            audit.warn("x")
            """

        assert run(source) == []
        assert run(source, logger_factories=("make_logger",)) == [(4, 0, "LOG008")]

    def test_other_values_are_not_loggers(self) -> None:
        found = run(
            """\
            import warnings

            audit = open("audit.txt")
            audit.warn("x")
            warnings.warn("x")
            """
        )

        assert found == []


class TestAttributes:
    def test_self_attribute_bound_in_the_class(self) -> None:
        found = run(
            """\
            import logging

            class Job:
                def __init__(self):
                    self.audit = logging.getLogger("audit")

                def run(self):
                    self.audit.warn("x")
                    self.audit.log(10, f"{self}")
            """
        )

        assert found == [(8, 8, "LOG008"), (9, 27, "LOG011")]

    def test_cls_attribute(self) -> None:
        found = run(
            """\
            import logging

            class Job:
                @classmethod
                def configure(cls):
                    cls.audit = logging.getLogger("audit")
                    cls.audit.warn("x")
            """
        )

        assert found == [(7, 8, "LOG008")]

    def test_self_attribute_by_name_pattern_also_for_log(self) -> None:
        found = run(
            """\
            class Job:
                def run(self):
                    self.logger.warn("x")
                    self._log.log(10, f"{self}")
            """
        )

        assert found == [(3, 8, "LOG008"), (4, 26, "LOG011")]

    def test_self_attribute_not_a_logger(self) -> None:
        found = run(
            """\
            class Job:
                def run(self):
                    self.audit.warn("x")
                    self.log(f"{self}")
                    self.warn("x")
            """
        )

        assert found == []


class TestNamePattern:
    @pytest.mark.parametrize(
        "name",
        [
            "log",
            "logger",
            "LOG",
            "LOGGER",
            "_log",
            "__logger",
            "access_log",
            "audit_logger",
            "REQUEST_LOG",
            "db_LOGGER",
        ],
    )
    def test_looks_like_a_logger(self, name: str) -> None:
        found = run(
            f"""\
            from myapp.log import {name}

            {name}.warn("x")
            """
        )

        assert found == [(3, 0, "LOG008")]

    @pytest.mark.parametrize(
        "name",
        ["blog", "dialog", "catalog", "logs", "Logger", "log_dir", "loggers", "Log"],
    )
    def test_does_not_look_like_a_logger(self, name: str) -> None:
        found = run(
            f"""\
            from myapp import {name}

            {name}.warn("x")
            """
        )

        assert found == []

    def test_module_attribute(self) -> None:
        found = run(
            """\
            from myapp import core

            core.logger.warn("x")
            """
        )

        assert found == [(3, 0, "LOG008")]

    def test_logger_names_setting(self) -> None:
        source = """\
            from myapp.security import AUTH

            AUTH.warn("x")
            """

        assert run(source) == []
        assert run(source, logger_names=("AUTH",)) == [(3, 0, "LOG008")]


class TestLogMethod:
    def test_log_only_on_known_loggers(self) -> None:
        found = run(
            """\
            import logging
            import math

            import numpy as np

            logging.log(logging.INFO, f"{x}")
            math.log(f"{x}")
            np.log(f"{x}")
            """
        )

        assert found == [(6, 0, "LOG015"), (6, 26, "LOG011")]

    def test_name_pattern_alone_is_not_enough_for_log(self) -> None:
        # ``log.log(...)`` on a name that only looks like a logger: ``.log()``
        # is too common a method name to trust the pattern alone.
        found = run(
            """\
            from myapp.metrics import log

            log.log(10, f"{x}")
            log.info(f"{x}")
            """
        )

        assert found == [(4, 9, "LOG011")]

    def test_log_method_of_a_class(self) -> None:
        found = run(
            """\
            class Calculator:
                def log(self, value):
                    return value

                def run(self, x):
                    return self.log(f"{x}")
            """
        )

        assert found == []


class TestLoguru:
    def test_left_out_of_the_stdlib_rules(self) -> None:
        found = run(
            """\
            from loguru import logger

            logger.warn("x")
            logger.info(f"{x}")
            logger.info("{} items", count)
            logger.info("%(a)s", {"b": 1})
            logger.info("x", extra={"msg": 1})
            logger.warning("x", exc_info=True)
            try:
                run()
            except ValueError as exc:
                logger.exception(exc)
            """
        )

        assert found == []

    def test_handler_rules_still_apply(self) -> None:
        found = run(
            """\
            from loguru import logger

            logger.exception("no handler")
            try:
                run()
            except ValueError:
                logger.error("failed")
            """
        )

        assert found == [(3, 0, "LOG004"), (7, 4, "LOG005")]

    def test_module_import(self) -> None:
        found = run(
            """\
            import loguru

            loguru.logger.info(f"{x}")
            """
        )

        assert found == []

    def test_stdlib_fallback_of_the_same_name_wins(self) -> None:
        found = run(
            """\
            try:
                from loguru import logger
            except ImportError:
                import logging
                logger = logging.getLogger(__name__)

            logger.warn("x")
            """
        )

        assert found == [(7, 0, "LOG008")]


class TestMethods:
    def test_fatal_is_an_alias_of_critical(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)
            logger.fatal(f"{x}")
            logging.fatal("x")
            """
        )

        assert found == [(4, 13, "LOG011"), (5, 0, "LOG015")]

    def test_other_methods_are_not_logging_calls(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)
            logger.setLevel(logging.INFO)
            logger.addHandler(logging.NullHandler())
            logger.isEnabledFor(f"{x}")
            logging.basicConfig(format=f"{x}")
            """
        )

        assert found == []


class TestHandlerScope:
    def test_except_handler(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)

            try:
                run()
            except ValueError:
                logger.error("x")
            """
        )

        assert found == [(8, 4, "LOG005")]

    @pytest.mark.skipif(sys.version_info < (3, 11), reason="except* is 3.11+")
    def test_except_star_handler(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)

            try:
                run()
            except* ValueError:
                logger.error("x")
            """
        )

        assert found == [(8, 4, "LOG005")]

    def test_nested_def_resets_but_lambda_does_not(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)

            try:
                run()
            except ValueError:
                def later():
                    logger.error("x")
                async def later_async():
                    logger.error("x")
                soon = lambda: logger.error("x")
            """
        )

        assert found == [(12, 19, "LOG005")]

    def test_class_body_stays_in_the_handler(self) -> None:
        # A class body runs at once, while the exception is being handled, so
        # flake8-logging (and we, for LOG001-LOG015) keep it in the handler;
        # a method of that class is a function and leaves it.
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)

            try:
                run()
            except ValueError:
                class Fallback:
                    logger.error("x")

                    def method(self):
                        logger.error("x")
            """
        )

        assert found == [(9, 8, "LOG005")]
