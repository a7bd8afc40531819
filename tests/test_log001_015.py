"""LOG001-LOG015: the rules that keep flake8-logging 1.8.0's meanings.

Each test asserts the full list of LOG001-LOG015 findings (plus LOG000, an
internal failure, which must never appear). Findings of LOG016-LOG027 are
left out on purpose: those rules have tests of their own, and leaving them
out keeps these snippets about one rule each.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

import pytest

from flake8_logerr import check_source
from flake8_logerr.checks.logging_calls import LOGRECORD_ATTRIBUTES
from flake8_logerr.registry import RULES
from tests.util import results

FAMILY = frozenset(f"LOG{number:03d}" for number in range(1, 16))

needs_except_star = pytest.mark.skipif(
    sys.version_info < (3, 11), reason="except* is new in Python 3.11"
)


def run(source: str, **settings: Any) -> list[tuple[int, int, str]]:
    """LOG001-LOG015 findings of ``source`` (and LOG000, which must not occur)."""
    return [
        result
        for result in results(source, **settings)
        if result[2] in FAMILY or result[2] == "LOG000"
    ]


class TestLOG001:
    def test_module_level(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.Logger(__name__)
            """
        )

        assert found == [(3, 9, "LOG001")]

    def test_from_import(self) -> None:
        found = run(
            """\
            from logging import Logger

            logger = Logger("app")
            """
        )

        assert found == [(3, 9, "LOG001")]

    def test_aliased_module(self) -> None:
        found = run(
            """\
            import logging as lg

            logger = lg.Logger("app")
            """
        )

        assert found == [(3, 9, "LOG001")]

    def test_aliased_from_import(self) -> None:
        found = run(
            """\
            from logging import Logger as L

            logger = L("app")
            """
        )

        assert found == [(3, 9, "LOG001")]

    def test_class_body_counts_as_module_level(self) -> None:
        found = run(
            """\
            import logging

            class Service:
                logger = logging.Logger("service")
            """
        )

        assert found == [(4, 13, "LOG001")]

    def test_inside_function_not_reported(self) -> None:
        # Deliberate false negative, as in flake8-logging: only module-level
        # loggers are reported; one built in a function is left alone.
        found = run(
            """\
            import logging

            def make():
                return logging.Logger("app")
            """
        )

        assert found == []

    def test_class_inside_function_not_reported(self) -> None:
        found = run(
            """\
            import logging

            def make():
                class Local:
                    logger = logging.Logger("local")
                return Local
            """
        )

        assert found == []

    def test_logger_class_of_another_module(self) -> None:
        found = run(
            """\
            from mylib import Logger

            logger = Logger("app")
            """
        )

        assert found == []

    def test_subclass_and_attribute_are_not_calls(self) -> None:
        found = run(
            """\
            import logging

            class AppLogger(logging.Logger):
                pass

            logging.setLoggerClass(AppLogger)
            manager = logging.Logger.manager
            """
        )

        assert found == []

    def test_get_logger_and_adapter(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)
            adapter = logging.LoggerAdapter(logger, {})
            """
        )

        assert found == []


class TestLOG002:
    @pytest.mark.parametrize("name", ["__file__", "__cached__"])
    def test_path_dunder(self, name: str) -> None:
        found = run(
            f"""\
            import logging

            logger = logging.getLogger({name})
            """
        )

        assert found == [(3, 27, "LOG002")]

    def test_from_import(self) -> None:
        found = run(
            """\
            from logging import getLogger

            logger = getLogger(__file__)
            """
        )

        assert found == [(3, 19, "LOG002")]

    def test_aliased_from_import(self) -> None:
        found = run(
            """\
            from logging import getLogger as gl

            logger = gl(__file__)
            """
        )

        assert found == [(3, 12, "LOG002")]

    def test_inside_function(self) -> None:
        found = run(
            """\
            import logging as lg

            def get():
                return lg.getLogger(__file__)
            """
        )

        assert found == [(4, 24, "LOG002")]

    def test_name_is_fine(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)
            child = logging.getLogger(__name__ + ".sql")
            """
        )

        assert found == []

    def test_path_derived_name_not_reported(self) -> None:
        # Deliberate false negative: only a bare ``__file__``/``__cached__``
        # is reported, not a name computed from it.
        found = run(
            """\
            import logging
            import os

            logger = logging.getLogger(os.path.basename(__file__))
            """
        )

        assert found == []

    def test_other_get_logger_functions(self) -> None:
        found = run(
            """\
            import structlog
            from mylib import getLogger

            a = structlog.get_logger(__file__)
            b = getLogger(__file__)
            """
        )

        assert found == []


class TestLOG003:
    def test_dict_literal_key(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)
            logger.info("paid", extra={"msg": "x", "order": 1})
            """
        )

        assert found == [(4, 27, "LOG003")]

    def test_dict_call_keyword(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)
            logger.info("paid", extra=dict(order=1, name="x"))
            """
        )

        assert found == [(4, 40, "LOG003")]

    def test_every_clashing_key_is_reported(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)
            logger.warning(
                "slow",
                extra={"module": "a", "lineno": 3, "elapsed": 1.5},
            )
            """
        )

        assert found == [(6, 11, "LOG003"), (6, 26, "LOG003")]

    @pytest.mark.parametrize("key", sorted(LOGRECORD_ATTRIBUTES))
    def test_each_record_attribute(self, key: str) -> None:
        found = run(
            f"""\
            import logging

            logger = logging.getLogger(__name__)
            logger.info("x", extra={{"{key}": 1}})
            """
        )

        assert found == [(4, 24, "LOG003")]

    def test_log_method_and_attribute_logger(self) -> None:
        found = run(
            """\
            import logging

            class Job:
                def run(self):
                    self.logger.log(logging.INFO, "ran", extra={"args": []})
            """
        )

        assert found == [(5, 52, "LOG003")]

    def test_spread_and_harmless_keys(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)
            logger.info("a", extra={"order": 1, "user_name": "x"})
            logger.info("b", extra={**base, "status": 2})
            """
        )

        assert found == []

    def test_extra_from_a_variable_not_reported(self) -> None:
        # Deliberate false negative: only a dict literal or a ``dict(...)``
        # call written in the call is read.
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)
            context = {"msg": "x"}
            logger.info("paid", extra=context)
            """
        )

        assert found == []

    def test_loguru_and_non_loggers(self) -> None:
        found = run(
            """\
            from loguru import logger

            logger.info("paid", extra={"msg": "x"})
            cache.set("paid", extra={"msg": "x"})
            """
        )

        assert found == []


def test_record_attributes_match_this_interpreter() -> None:
    record = logging.LogRecord("name", logging.INFO, "path", 1, "msg", None, None)
    actual = set(vars(record)) | {"message", "asctime"}
    # ``taskName`` is new in Python 3.12; we list it for every version.
    expected = set(LOGRECORD_ATTRIBUTES)
    if sys.version_info < (3, 12):
        expected.discard("taskName")

    assert actual == expected


@pytest.mark.parametrize("key", sorted(LOGRECORD_ATTRIBUTES))
def test_record_attribute_clash_raises_key_error(key: str) -> None:
    if key == "taskName" and sys.version_info < (3, 12):
        pytest.skip("LogRecord has no taskName before Python 3.12")
    logger = logging.getLogger("tests.log003")

    with pytest.raises(KeyError):
        logger.makeRecord("n", logging.INFO, "f", 1, "m", (), None, extra={key: 1})


class TestLOG004:
    def test_outside_handler(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)

            def check(response):
                if response is None:
                    logger.exception("no response")
            """
        )

        assert found == [(7, 8, "LOG004")]

    def test_root_logger_also_gets_log015(self) -> None:
        found = run(
            """\
            import logging

            logging.exception("failed")
            """
        )

        assert found == [(3, 0, "LOG004"), (3, 0, "LOG015")]

    def test_in_handler(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)

            try:
                run()
            except ValueError:
                logger.exception("failed")
                try:
                    clean()
                finally:
                    logger.exception("cleanup after failure")
            """
        )

        assert found == []

    @needs_except_star
    def test_in_except_star_handler(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)

            try:
                run()
            except* ValueError:
                logger.exception("failed")
            """
        )

        assert found == []

    def test_else_and_finally_are_outside(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)

            try:
                run()
            except ValueError:
                pass
            else:
                logger.exception("else")
            finally:
                logger.exception("finally")
            """
        )

        assert found == [(10, 4, "LOG004"), (12, 4, "LOG004")]

    def test_nested_function_in_handler(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)

            try:
                run()
            except ValueError:
                def later():
                    logger.exception("later")
                schedule(later)
            """
        )

        assert found == [(9, 8, "LOG004")]

    def test_class_body_in_handler_runs_during_handling(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)

            try:
                import fast_json as json
            except ImportError:
                class Fallback:
                    logger.exception("fast_json missing")
            """
        )

        assert found == []

    def test_lambda_in_handler_not_reported(self) -> None:
        # Deliberate false negative, as in flake8-logging: a lambda written in
        # a handler counts as inside it even if it runs after the handler.
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)

            try:
                run()
            except ValueError:
                on_close = lambda: logger.exception("closed")
            """
        )

        assert found == []

    def test_loguru_counts(self) -> None:
        found = run(
            """\
            from loguru import logger

            logger.exception("no handler here")
            """
        )

        assert found == [(3, 0, "LOG004")]

    def test_exception_methods_of_other_objects(self) -> None:
        found = run(
            """\
            class Task:
                def fail(self):
                    self.exception("x")
                    future.exception()
                    self.set_exception(ValueError())
            """
        )

        assert found == []


class TestLOG005:
    def test_error_in_handler(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)

            try:
                charge()
            except ConnectionError:
                logger.error("charge failed")
            """
        )

        assert found == [(8, 4, "LOG005")]

    @pytest.mark.parametrize("value", ["True", "1", "exc"])
    def test_exc_info_that_exception_would_give(self, value: str) -> None:
        found = run(
            f"""\
            import logging

            logger = logging.getLogger(__name__)

            try:
                charge()
            except ConnectionError as exc:
                logger.error("charge failed", exc_info={value})
            """
        )

        assert found == [(8, 4, "LOG005")]

    @pytest.mark.parametrize("value", ["False", "None", "0"])
    def test_false_exc_info_is_an_opt_out(self, value: str) -> None:
        found = run(
            f"""\
            import logging

            logger = logging.getLogger(__name__)

            try:
                charge()
            except ConnectionError:
                logger.error("charge failed", exc_info={value})
            """
        )

        assert found == []

    @pytest.mark.parametrize("value", ["verbose", "sys.exc_info()", "other_exc"])
    def test_computed_exc_info_not_reported(self, value: str) -> None:
        # Deliberate false negative, as in flake8-logging: an ``exc_info``
        # computed at run time is a choice the rule cannot judge.
        found = run(
            f"""\
            import logging
            import sys

            logger = logging.getLogger(__name__)

            try:
                charge()
            except ConnectionError as exc:
                logger.error("charge failed", exc_info={value})
            """
        )

        assert found == []

    @needs_except_star
    def test_except_star(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)

            try:
                charge()
            except* ConnectionError:
                logger.error("charge failed")
            """
        )

        assert found == [(8, 4, "LOG005")]

    def test_lambda_and_class_body_stay_in_handler(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)

            try:
                charge()
            except ConnectionError:
                report = lambda: logger.error("charge failed")
                class Failure:
                    logger.error("charge failed")
            """
        )

        assert found == [(8, 21, "LOG005"), (10, 8, "LOG005")]

    def test_nested_function_leaves_handler(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)

            try:
                charge()
            except ConnectionError:
                def report():
                    logger.error("charge failed")
            """
        )

        assert found == []

    def test_root_and_attribute_loggers(self) -> None:
        found = run(
            """\
            import logging

            class Billing:
                def charge(self):
                    try:
                        self.gateway.charge()
                    except ConnectionError:
                        self.logger.error("charge failed")
                        logging.error("charge failed")
            """
        )

        assert found == [(8, 12, "LOG005"), (9, 12, "LOG005"), (9, 12, "LOG015")]

    def test_error_methods_of_other_objects(self) -> None:
        found = run(
            """\
            import argparse

            parser = argparse.ArgumentParser()

            try:
                value = int(text)
            except ValueError:
                parser.error("not a number")
                self.error("not a number")
            """
        )

        assert found == []

    def test_other_levels_not_reported(self) -> None:
        # Deliberate false negative, as in flake8-logging: only ``.error()``
        # is reported; ``critical()`` or ``log(ERROR, ...)`` in a handler
        # also drop the traceback but are left alone.
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)

            try:
                charge()
            except ConnectionError:
                logger.critical("charge failed")
                logger.log(logging.ERROR, "charge failed")
            """
        )

        assert found == []

    def test_loguru_counts(self) -> None:
        found = run(
            """\
            from loguru import logger

            try:
                charge()
            except ConnectionError:
                logger.error("charge failed")
            """
        )

        assert found == [(6, 4, "LOG005")]


class TestLOG006:
    @pytest.mark.parametrize("value", ["True", "1", "exc"])
    def test_redundant(self, value: str) -> None:
        found = run(
            f"""\
            import logging

            logger = logging.getLogger(__name__)

            try:
                sync()
            except OSError as exc:
                logger.exception("sync failed", exc_info={value})
            """
        )

        assert found == [(8, 36, "LOG006")]

    def test_outside_handler_also_log004(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)
            logger.exception("sync failed", exc_info=True)
            """
        )

        assert found == [(4, 0, "LOG004"), (4, 32, "LOG006")]

    @pytest.mark.parametrize("value", ["previous", "(kind, value, tb)", "err"])
    def test_other_exception_is_not_redundant(self, value: str) -> None:
        found = run(
            f"""\
            import logging

            logger = logging.getLogger(__name__)

            try:
                sync()
            except OSError as exc:
                logger.exception("sync failed", exc_info={value})
            """
        )

        assert found == []

    def test_exc_info_tuple_of_the_handler_not_reported(self) -> None:
        # Deliberate false negative, as in flake8-logging: only a true
        # constant or the caught name; ``sys.exc_info()`` is as redundant.
        found = run(
            """\
            import logging
            import sys

            logger = logging.getLogger(__name__)

            try:
                sync()
            except OSError:
                logger.exception("sync failed", exc_info=sys.exc_info())
            """
        )

        assert found == []

    def test_error_with_exc_info_is_not_log006(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)

            def sync(exc):
                logger.error("sync failed", exc_info=exc)
            """
        )

        assert found == []


class TestLOG007:
    @pytest.mark.parametrize("value", ["False", "None", "0", '""'])
    def test_false_exc_info(self, value: str) -> None:
        found = run(
            f"""\
            import logging

            logger = logging.getLogger(__name__)

            try:
                sync()
            except OSError:
                logger.exception("sync failed", exc_info={value})
            """
        )

        assert found == [(8, 36, "LOG007")]

    def test_outside_handler_also_log004(self) -> None:
        found = run(
            """\
            import logging

            logging.exception("sync failed", exc_info=False)
            """
        )

        assert found == [(3, 0, "LOG004"), (3, 0, "LOG015"), (3, 33, "LOG007")]

    def test_variable_not_reported(self) -> None:
        # Deliberate false negative, as in flake8-logging: only a false
        # constant; ``exc_info=verbose`` may be False at run time.
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)

            try:
                sync()
            except OSError:
                logger.exception("sync failed", exc_info=verbose)
            """
        )

        assert found == []

    def test_error_with_false_exc_info(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)

            try:
                sync()
            except OSError:
                logger.error("sync failed", exc_info=False)
            """
        )

        assert found == []


class TestLOG008:
    def test_logger_warn(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)
            logger.warn("disk almost full")
            """
        )

        assert found == [(4, 0, "LOG008")]

    def test_root_and_from_import(self) -> None:
        found = run(
            """\
            import logging
            from logging import warn

            logging.warn("disk almost full")
            warn("disk almost full")
            """
        )

        assert found == [
            (4, 0, "LOG008"),
            (4, 0, "LOG015"),
            (5, 0, "LOG008"),
            (5, 0, "LOG015"),
        ]

    def test_attribute_logger(self) -> None:
        found = run(
            """\
            class Disk:
                def check(self):
                    self.log.warn("disk almost full")
            """
        )

        assert found == [(3, 8, "LOG008")]

    def test_warnings_module_and_other_objects(self) -> None:
        found = run(
            """\
            import logging
            import warnings

            logger = logging.getLogger(__name__)
            warnings.warn("old API", DeprecationWarning)
            self.warn("x")
            logger.warning("disk almost full")
            """
        )

        assert found == []

    def test_loguru_not_reported(self) -> None:
        found = run(
            """\
            from loguru import logger

            logger.warn("disk almost full")
            """
        )

        assert found == []

    def test_logger_under_an_unknown_name_not_reported(self) -> None:
        # Deliberate false negative: a logger passed in under a name that is
        # neither bound to a logger factory nor shaped like a logger name.
        found = run(
            """\
            def check(audit):
                audit.warn("disk almost full")
            """
        )

        assert found == []

    def test_logger_names_setting_finds_it(self) -> None:
        found = run(
            """\
            def check(audit):
                audit.warn("disk almost full")
            """,
            logger_names=("audit",),
        )

        assert found == [(2, 4, "LOG008")]


class TestLOG009:
    def test_attribute(self) -> None:
        found = run(
            """\
            import logging

            logging.getLogger(__name__).setLevel(logging.WARN)
            """
        )

        assert found == [(3, 37, "LOG009")]

    def test_aliased_module(self) -> None:
        found = run(
            """\
            import logging as lg

            LEVEL = lg.WARN
            """
        )

        assert found == [(3, 8, "LOG009")]

    def test_from_import(self) -> None:
        found = run(
            """\
            from logging import INFO, WARN as W
            """
        )

        assert found == [(1, 26, "LOG009")]

    def test_documented_and_look_alike_constants(self) -> None:
        found = run(
            """\
            import logging
            from mylib import WARN

            LEVEL = logging.WARNING
            OTHER = mylib.WARN
            """
        )

        assert found == []

    def test_relative_logging_module_not_reported(self) -> None:
        # Deliberate false negative (flake8-logging reports it): ``.logging``
        # is a module of the project, not the standard library's.
        found = run(
            """\
            from .logging import WARN
            """
        )

        assert found == []


class TestLOG010:
    def test_exception_as_message(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)

            try:
                shuffle()
            except ValueError as exc:
                logger.exception(exc)
            """
        )

        assert found == [(8, 21, "LOG010")]

    @needs_except_star
    def test_except_star(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)

            try:
                shuffle()
            except* ValueError as group:
                logger.exception(group)
            """
        )

        assert found == [(8, 21, "LOG010")]

    def test_innermost_handler_name(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)

            try:
                shuffle()
            except ValueError as outer:
                try:
                    retry()
                except KeyError as inner:
                    logger.exception(outer)
                    logger.exception(inner)
            """
        )

        assert found == [(12, 25, "LOG010")]

    def test_exception_as_argument_or_keyword(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)

            try:
                shuffle()
            except ValueError as exc:
                logger.exception("shuffle failed: %s", exc)
                logger.exception(msg=exc)
                logger.error(exc, exc_info=False)
            """
        )

        assert found == []

    def test_str_of_exception_not_reported(self) -> None:
        # Deliberate false negative, as in flake8-logging: only the bare name
        # of the caught exception; ``str(exc)`` as the message is not read.
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)

            try:
                shuffle()
            except ValueError as exc:
                logger.exception(str(exc))
            """
        )

        assert found == []

    def test_loguru_not_reported(self) -> None:
        found = run(
            """\
            from loguru import logger

            try:
                shuffle()
            except ValueError as exc:
                logger.exception(exc)
            """
        )

        assert found == []


class TestLOG011:
    @pytest.mark.parametrize(
        "message",
        [
            'f"chopped {name}"',
            '"chopped {}".format(name)',
            '"chopped %s" % name',
            '"chopped " + name',
            'name + " chopped"',
            '"a" + "b" + str(count)',
        ],
    )
    def test_eager_message(self, message: str) -> None:
        found = run(
            f"""\
            import logging

            logger = logging.getLogger(__name__)
            logger.info({message})
            """
        )

        assert found == [(4, 12, "LOG011")]

    def test_log_method_and_keyword_message(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)
            logger.log(logging.INFO, f"chopped {name}")
            logger.info(msg=f"chopped {name}")
            """
        )

        assert found == [(4, 25, "LOG011"), (5, 16, "LOG011")]

    def test_lazy_and_literal_messages(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)
            logger.info("chopped %s", name)
            logger.info("chopped " "onions")
            logger.info("chopped " + "onions")
            logger.info(template, name)
            """
        )

        assert found == []

    def test_formatted_arguments_not_reported(self) -> None:
        # Deliberate false negative, as in flake8-logging: only the message
        # is checked, not arguments formatted before the call.
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)
            logger.info("chopped %s", f"{count} onions")
            """
        )

        assert found == []

    def test_message_built_earlier_not_reported(self) -> None:
        # Deliberate false negative: a message formatted into a variable first
        # is not traced back.
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)
            message = f"chopped {name}"
            logger.info(message)
            """
        )

        assert found == []

    def test_loguru_and_non_loggers(self) -> None:
        found = run(
            """\
            import math
            from loguru import logger

            logger.info(f"chopped {name}")
            print(f"chopped {name}")
            math.log(f"{x}")
            self.log(f"chopped {name}")
            """
        )

        assert found == []


class TestLOG012:
    @pytest.mark.parametrize(
        ("call", "expected"),
        [
            ('logger.info("%s to %s", letter)', [(4, 12, "LOG012")]),
            ('logger.info("blending %s")', [(4, 12, "LOG012")]),
            ('logger.info("%s", a, b)', [(4, 12, "LOG012")]),
            ('logger.info("%*d", n)', [(4, 12, "LOG012")]),
            ('logger.info("%-10s|%.*f", a, p, b)', []),
            ('logger.info("%*d", width, n)', []),
            ('logger.info("100%% of %s", job)', []),
            ('logger.info("%(a)s %%", {"a": 1})', []),
            ('logger.info("%s %s", *pair)', []),
            ('logger.info(msg="%s")', []),
        ],
    )
    def test_counts(self, call: str, expected: list[tuple[int, int, str]]) -> None:
        found = run(
            f"""\
            import logging

            logger = logging.getLogger(__name__)
            {call}
            """
        )

        assert found == expected

    def test_log_method_and_concatenated_literal(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)
            logger.log(logging.INFO, "%s to %s", letter)
            logger.info("sent %s " + "to %s", letter)
            """
        )

        assert found == [(4, 25, "LOG012"), (5, 12, "LOG012")]

    def test_extension_braces_with_arguments(self) -> None:
        # Not in flake8-logging: ``{}`` written by habit, or no placeholder at
        # all, with arguments fails at emit time ("not all arguments
        # converted").
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)
            logger.info("sent {} to {}", letter, person)
            logger.info("sent", letter)
            """
        )

        assert found == [(4, 12, "LOG012"), (5, 12, "LOG012")]

    def test_extension_single_mapping_without_placeholders(self) -> None:
        # ``"text" % {"a": 1}`` is "text": a lone mapping with no placeholder
        # is harmless, so the extension stays quiet.
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)
            logger.info("sent", {"letter": letter})
            logger.info("sent", dict(letter=letter))
            """
        )

        assert found == []

    def test_message_in_a_variable_not_reported(self) -> None:
        # Deliberate false negative: only a literal message (or a ``+`` chain
        # of literals) written in the call is counted.
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)
            TEMPLATE = "%s to %s"
            logger.info(TEMPLATE, letter)
            """
        )

        assert found == []

    def test_loguru_and_non_loggers(self) -> None:
        found = run(
            """\
            from loguru import logger

            logger.info("sent {} to {}", letter, person)
            cursor.execute("select %s, %s", (a,))
            self.log("%s %s", a)
            """
        )

        assert found == []


class TestLOG013:
    def test_missing_and_unused(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)
            logger.info("hi %(name)s", {"nom": nom})
            """
        )

        assert found == [(4, 12, "LOG013"), (4, 27, "LOG013")]

    def test_missing_only(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)
            logger.info("%(fruit)s in %(bowl)s", {"fruit": fruit})
            """
        )

        assert found == [(4, 12, "LOG013")]

    def test_unused_only_with_log_method(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)
            logger.log(logging.INFO, "%(fruit)s", {"fruit": f, "colour": c})
            """
        )

        assert found == [(4, 38, "LOG013")]

    def test_matching_keys(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)
            logger.info("%(fruit)s %(fruit)r", {"fruit": fruit})
            logger.info("%(fruit)s", {"fruit": fruit, **more})
            """
        )

        assert found == []

    def test_mapping_not_a_literal_not_reported(self) -> None:
        # Deliberate false negative, as in flake8-logging: the keys are only
        # known from a dict literal with string keys, not from a variable or
        # a ``dict(...)`` call.
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)
            logger.info("%(fruit)s", values)
            logger.info("%(fruit)s", dict(froot=1))
            """
        )

        assert found == []

    def test_loguru_not_reported(self) -> None:
        found = run(
            """\
            from loguru import logger

            logger.info("%(fruit)s", {"froot": 1})
            """
        )

        assert found == []


class TestLOG014:
    @pytest.mark.parametrize("method", ["debug", "info", "warning", "error"])
    def test_outside_handler(self, method: str) -> None:
        found = run(
            f"""\
            import logging

            logger = logging.getLogger(__name__)
            logger.{method}("uh oh", exc_info=True)
            """
        )

        assert found == [(4, 17 + len(method), "LOG014")]

    def test_truthy_constant_and_root(self) -> None:
        found = run(
            """\
            import logging

            logging.warning("uh oh", exc_info=1)
            """
        )

        assert found == [(3, 0, "LOG015"), (3, 25, "LOG014")]

    def test_in_handler_lambda_and_class_body(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)

            try:
                sync()
            except OSError:
                logger.warning("uh oh", exc_info=True)
                retry = lambda: logger.warning("retry", exc_info=True)
                class Marker:
                    logger.warning("marker", exc_info=True)
            """
        )

        assert found == []

    def test_nested_function_leaves_handler(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)

            try:
                sync()
            except OSError:
                def later():
                    logger.warning("uh oh", exc_info=True)
            """
        )

        assert found == [(9, 32, "LOG014")]

    def test_exception_method_gets_log004_instead(self) -> None:
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)
            logger.exception("uh oh", exc_info=True)
            """
        )

        assert found == [(4, 0, "LOG004"), (4, 26, "LOG006")]

    def test_explicit_exception_or_variable_not_reported(self) -> None:
        # Deliberate false negative, as in flake8-logging: only a true
        # constant is reported; ``exc_info=verbose`` may be True at run time.
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)

            def report(exc, verbose):
                logger.warning("uh oh", exc_info=exc)
                logger.warning("uh oh", exc_info=verbose)
            """
        )

        assert found == []

    def test_loguru_not_reported(self) -> None:
        found = run(
            """\
            from loguru import logger

            logger.warning("uh oh", exc_info=True)
            """
        )

        assert found == []


class TestLOG015:
    @pytest.mark.parametrize(
        "method",
        ["debug", "info", "warning", "error", "critical", "fatal"],
    )
    def test_module_function(self, method: str) -> None:
        found = run(
            f"""\
            import logging

            logging.{method}("hello")
            """
        )

        assert found == [(3, 0, "LOG015")]

    def test_log_function(self) -> None:
        found = run(
            """\
            import logging

            logging.log(logging.INFO, "hello")
            """
        )

        assert found == [(3, 0, "LOG015")]

    def test_from_import_plain_and_aliased(self) -> None:
        found = run(
            """\
            from logging import info, debug as say

            info("hello")
            say("hello")
            """
        )

        assert found == [(3, 0, "LOG015"), (4, 0, "LOG015")]

    def test_aliased_module(self) -> None:
        found = run(
            """\
            import logging as lg

            def main():
                lg.info("hello")
            """
        )

        assert found == [(4, 4, "LOG015")]

    def test_root_fetched_inline(self) -> None:
        found = run(
            """\
            import logging

            logging.getLogger().info("hello")
            logging.root.info("hello")
            """
        )

        assert found == [(3, 0, "LOG015"), (4, 0, "LOG015")]

    def test_explicit_root_request_and_named_loggers(self) -> None:
        # Deliberate false negative: ``getLogger(None)`` is the explicit way
        # to ask for the root logger (flake8-logging's own advice).
        found = run(
            """\
            import logging

            logger = logging.getLogger(__name__)
            logger.info("hello")
            logging.getLogger(__name__).info("hello")
            logging.getLogger(None).info("hello")
            """
        )

        assert found == []

    def test_other_module_functions_and_local_info(self) -> None:
        found = run(
            """\
            import logging

            logging.basicConfig(level=logging.INFO)
            logging.getLevelName(10)
            logging.disable(logging.CRITICAL)

            def info(text):
                return text

            info("hello")
            """
        )

        assert found == []

    def test_root_logger_in_a_variable_not_reported(self) -> None:
        # Deliberate false negative: the root logger kept in a variable is
        # not followed; only calls made on it inline are reported.
        found = run(
            """\
            import logging

            root = logging.getLogger()
            root.info("hello")
            """
        )

        assert found == []


@pytest.mark.parametrize("code", sorted(FAMILY))
def test_rule_examples(code: str) -> None:
    rule = RULES[code]

    bad = check_source(rule.bad, filename="example.py")
    good = check_source(rule.good, filename="example.py")

    assert [finding.code for finding in bad] == [code]
    assert good == []
