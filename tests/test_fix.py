"""The fix engine: the safe and unsafe fixes, rounds, noqa and the API.

The helpers here are shared by the other ``test_fix*`` files. Every fix is
checked four ways: the exact rewritten text, that it compiles, that the
finding is gone when the result is checked again, and that a second run
changes nothing.
"""

from __future__ import annotations

import textwrap

import pytest

from flake8_logerr import check_source
from flake8_logerr.fixes import FixResult, fix_source, rewrite_for

FILENAME = "pkg/module.py"

HEADER = "import logging\n\nlogger = logging.getLogger(__name__)\n\n\n"
SIGNATURE = "def f(a, b, x, y, d, obj, pair, name, total, day, value, pct):\n"


def run(source: str, *codes: str, unsafe: bool = False) -> FixResult:
    return fix_source(source, FILENAME, select=codes, unsafe=unsafe)


def assert_fixed(
    before: str, after: str, code: str, *, unsafe: bool = False, also: str = ""
) -> FixResult:
    """Fix ``code`` (and ``also``) in ``before``; check the four promises."""
    source = textwrap.dedent(before)
    expected = textwrap.dedent(after)
    codes = (code, also) if also else (code,)

    result = run(source, *codes, unsafe=unsafe)

    assert result.new_source == expected
    compile(result.new_source, FILENAME, "exec")
    assert code in {finding.code for finding, _ in result.applied}
    remaining = {f.code for f in check_source(result.new_source, FILENAME)}
    assert code not in remaining
    again = run(result.new_source, *codes, unsafe=unsafe)
    assert again.new_source == result.new_source
    assert again.applied == []
    return result


def assert_left(before: str, code: str, reason: str, *, unsafe: bool = False) -> None:
    """``code`` is not fixed in ``before``, for a reason containing ``reason``."""
    source = textwrap.dedent(before)

    result = run(source, code, unsafe=unsafe)

    assert result.new_source == source
    assert result.applied == []
    reasons = [why for finding, why in result.skipped if finding.code == code]
    assert reasons, result.skipped
    assert all(reason in why for why in reasons), reasons


def _in_function(statements: str) -> str:
    return HEADER + SIGNATURE + textwrap.indent(statements, "    ") + "\n"


def assert_body_fixed(before: str, after: str, code: str = "LOG011") -> None:
    """Like ``assert_fixed`` for statements inside a function with a logger."""
    assert_fixed(_in_function(before), _in_function(after), code)


def assert_body_left(before: str, reason: str, code: str = "LOG011") -> None:
    assert_left(_in_function(before), code, reason)


class TestLog005:
    def test_error_becomes_exception(self) -> None:
        assert_fixed(
            """\
            import logging

            logger = logging.getLogger(__name__)


            def load(path):
                try:
                    return open(path)
                except OSError:
                    logger.error("cannot open %s", path)
            """,
            """\
            import logging

            logger = logging.getLogger(__name__)


            def load(path):
                try:
                    return open(path)
                except OSError:
                    logger.exception("cannot open %s", path)
            """,
            "LOG005",
        )

    @pytest.mark.parametrize("value", ["True", "1", "exc"])
    def test_redundant_exc_info_dropped(self, value: str) -> None:
        assert_fixed(
            f"""\
            try:
                pass
            except OSError as exc:
                logger.error("failed", exc_info={value})
            """,
            """\
            try:
                pass
            except OSError as exc:
                logger.exception("failed")
            """,
            "LOG005",
        )

    def test_multiline_call_keeps_layout(self) -> None:
        assert_fixed(
            """\
            try:
                pass
            except OSError:
                logger.error(
                    "failed %s",
                    name,
                    exc_info=True,
                )
            """,
            """\
            try:
                pass
            except OSError:
                logger.exception(
                    "failed %s",
                    name,
                )
            """,
            "LOG005",
        )

    def test_exception_as_message_left(self) -> None:
        assert_left(
            """\
            try:
                pass
            except OSError as exc:
                logger.error(exc)
            """,
            "LOG005",
            "the message is the caught exception",
        )


class TestLog006Log007:
    def test_log006_drops_exc_info(self) -> None:
        assert_fixed(
            """\
            try:
                pass
            except OSError as exc:
                logger.exception("failed %s", name, exc_info=exc)
            """,
            """\
            try:
                pass
            except OSError as exc:
                logger.exception("failed %s", name)
            """,
            "LOG006",
        )

    def test_log006_keeps_later_keywords(self) -> None:
        assert_fixed(
            """\
            try:
                pass
            except OSError:
                logger.exception("failed", exc_info=True, extra={"k": 1})
            """,
            """\
            try:
                pass
            except OSError:
                logger.exception("failed", extra={"k": 1})
            """,
            "LOG006",
        )

    def test_log007_exception_becomes_error(self) -> None:
        assert_fixed(
            """\
            try:
                pass
            except OSError:
                logger.exception("failed", exc_info=False)
            """,
            """\
            try:
                pass
            except OSError:
                logger.error("failed")
            """,
            "LOG007",
        )


class TestLog008Log009Log002:
    def test_warn_becomes_warning(self) -> None:
        assert_fixed(
            """\
            import logging
            logger = logging.getLogger(__name__)
            logger.warn("disk %s full", name)
            """,
            """\
            import logging
            logger = logging.getLogger(__name__)
            logger.warning("disk %s full", name)
            """,
            "LOG008",
        )

    def test_warn_attribute(self) -> None:
        assert_fixed(
            """\
            import logging
            logging.getLogger("x").setLevel(logging.WARN)
            """,
            """\
            import logging
            logging.getLogger("x").setLevel(logging.WARNING)
            """,
            "LOG009",
        )

    def test_warn_import_and_its_uses(self) -> None:
        assert_fixed(
            """\
            from logging import WARN, getLogger
            getLogger("x").setLevel(WARN)
            LEVELS = [WARN]
            """,
            """\
            from logging import WARNING, getLogger
            getLogger("x").setLevel(WARNING)
            LEVELS = [WARNING]
            """,
            "LOG009",
        )

    def test_warn_import_with_alias(self) -> None:
        assert_fixed(
            """\
            from logging import WARN as LEVEL
            """,
            """\
            from logging import WARNING as LEVEL
            """,
            "LOG009",
        )

    def test_warn_import_when_warning_is_taken(self) -> None:
        assert_fixed(
            """\
            from logging import WARN
            WARNING = "something else"
            print(WARN)
            """,
            """\
            from logging import WARNING as WARN
            WARNING = "something else"
            print(WARN)
            """,
            "LOG009",
        )

    @pytest.mark.parametrize("name", ["__file__", "__cached__"])
    def test_get_logger_argument(self, name: str) -> None:
        assert_fixed(
            f"""\
            import logging
            logger = logging.getLogger({name})
            """,
            """\
            import logging
            logger = logging.getLogger(__name__)
            """,
            "LOG002",
        )


class TestLog015:
    def test_existing_module_logger_is_used(self) -> None:
        assert_fixed(
            """\
            import logging

            log = logging.getLogger(__name__)


            def f():
                logging.info("a %s", 1)
                logging.getLogger().warning("b")
                logging.root.error("c")
            """,
            """\
            import logging

            log = logging.getLogger(__name__)


            def f():
                log.info("a %s", 1)
                log.warning("b")
                log.error("c")
            """,
            "LOG015",
        )

    def test_module_logger_added_after_imports(self) -> None:
        assert_fixed(
            '''\
            """Docstring."""

            import logging
            import os


            def f():
                logging.info("x")
            ''',
            '''\
            """Docstring."""

            import logging
            import os

            logger = logging.getLogger(__name__)


            def f():
                logger.info("x")
            ''',
            "LOG015",
        )

    def test_import_added_and_unused_name_dropped(self) -> None:
        assert_fixed(
            """\
            import os
            from logging import info


            def f():
                info("x")
            """,
            """\
            import logging
            import os

            logger = logging.getLogger(__name__)


            def f():
                logger.info("x")
            """,
            "LOG015",
        )

    def test_aliased_logging_module(self) -> None:
        assert_fixed(
            """\
            import logging as lg


            def f():
                lg.info("x")
            """,
            """\
            import logging as lg

            logger = lg.getLogger(__name__)


            def f():
                logger.info("x")
            """,
            "LOG015",
        )

    def test_taken_name_gets_another(self) -> None:
        assert_fixed(
            """\
            import logging

            from app import logger


            def f():
                logging.info("x")
            """,
            """\
            import logging

            from app import logger

            log = logging.getLogger(__name__)


            def f():
                log.info("x")
            """,
            "LOG015",
        )

    def test_local_name_left(self) -> None:
        assert_left(
            """\
            import logging

            logger = logging.getLogger(__name__)


            def f(logger):
                logging.info("x")
            """,
            "LOG015",
            "`logger` is a local name in `f()`",
        )

    def test_import_time_call_before_the_logger_left(self) -> None:
        assert_left(
            """\
            import logging
            logging.info("starting")
            logger = logging.getLogger(__name__)
            """,
            "LOG015",
            "runs at import time",
        )


class TestLog020:
    def test_root_calls_get_a_module_logger(self) -> None:
        assert_fixed(
            """\
            import logging


            def f():
                logging.info("a")


            def g():
                logging.debug("b")
            """,
            """\
            import logging

            logger = logging.getLogger(__name__)


            def f():
                logger.info("a")


            def g():
                logger.debug("b")
            """,
            "LOG020",
        )

    def test_root_call_with_noqa_stays(self) -> None:
        assert_fixed(
            """\
            import logging


            def f():
                logging.info("a")


            def g():
                logging.debug("b")  # noqa: LOG015
            """,
            """\
            import logging

            logger = logging.getLogger(__name__)


            def f():
                logger.info("a")


            def g():
                logging.debug("b")  # noqa: LOG015
            """,
            "LOG020",
        )

    def test_imported_logger_left(self) -> None:
        assert_left(
            """\
            from app.log import logger


            def f():
                logger.info("a")
            """,
            "LOG020",
            "`logger` is imported from `app.log`; a logger named after this module",
        )


class TestLog022:
    def test_named_handler(self) -> None:
        assert_fixed(
            """\
            try:
                pass
            except KeyError as exc:
                raise LookupError("missing")
            """,
            """\
            try:
                pass
            except KeyError as exc:
                raise LookupError("missing") from exc
            """,
            "LOG022",
        )

    def test_unnamed_handler_binds_err(self) -> None:
        assert_fixed(
            """\
            def f(d):
                try:
                    return d["k"]
                except (KeyError, IndexError):
                    raise LookupError("missing")
            """,
            """\
            def f(d):
                try:
                    return d["k"]
                except (KeyError, IndexError) as err:
                    raise LookupError("missing") from err
            """,
            "LOG022",
        )

    def test_taken_name_is_avoided(self) -> None:
        assert_fixed(
            """\
            def f(err):
                try:
                    pass
                except KeyError:
                    raise LookupError(err)
            """,
            """\
            def f(err):
                try:
                    pass
                except KeyError as exc:
                    raise LookupError(err) from exc
            """,
            "LOG022",
        )

    def test_bare_handler_catches_base_exception(self) -> None:
        assert_fixed(
            """\
            try:
                pass
            except:
                raise RuntimeError("failed")
            """,
            """\
            try:
                pass
            except BaseException as err:
                raise RuntimeError("failed") from err
            """,
            "LOG022",
        )

    def test_two_raises_share_one_name(self) -> None:
        assert_fixed(
            """\
            try:
                pass
            except KeyError:
                if x:
                    raise LookupError("a")
                raise ValueError("b")
            """,
            """\
            try:
                pass
            except KeyError as err:
                if x:
                    raise LookupError("a") from err
                raise ValueError("b") from err
            """,
            "LOG022",
        )


class TestUnsafe:
    def test_log016_needs_unsafe(self) -> None:
        assert_left(
            """\
            try:
                pass
            except:
                x = 1
            """,
            "LOG016",
            "--unsafe-fixes",
        )

    def test_log016(self) -> None:
        assert_fixed(
            """\
            try:
                pass
            except:  # the reason
                x = 1
            """,
            """\
            try:
                pass
            except Exception:  # the reason
                x = 1
            """,
            "LOG016",
            unsafe=True,
        )

    def test_log026_file_handler(self) -> None:
        assert_fixed(
            """\
            import logging

            handler = logging.FileHandler(
                "app.log",
                "w",
                "utf-8",
                True,
            )
            """,
            """\
            import logging
            import logging.handlers

            handler = logging.handlers.RotatingFileHandler(
                "app.log",
                "w",
                maxBytes=10_000_000,
                backupCount=5,
                encoding="utf-8",
                delay=True,
            )
            """,
            "LOG026",
            unsafe=True,
        )

    def test_log026_imported_file_handler(self) -> None:
        assert_fixed(
            """\
            from logging import FileHandler

            handler = FileHandler(path, encoding="utf-8")
            """,
            "from logging import FileHandler\n"
            "from logging.handlers import RotatingFileHandler\n\n"
            "handler = RotatingFileHandler("
            'path, maxBytes=10_000_000, backupCount=5, encoding="utf-8")\n',
            "LOG026",
            unsafe=True,
        )

    def test_log026_rotating_handler_limits(self) -> None:
        assert_fixed(
            """\
            from logging.handlers import RotatingFileHandler, TimedRotatingFileHandler

            a = RotatingFileHandler(path, "a", 0)
            b = TimedRotatingFileHandler(path, when="D")
            """,
            """\
            from logging.handlers import RotatingFileHandler, TimedRotatingFileHandler

            a = RotatingFileHandler(path, "a", 10_000_000, backupCount=5)
            b = TimedRotatingFileHandler(path, when="D", backupCount=5)
            """,
            "LOG026",
            unsafe=True,
        )

    def test_log026_basic_config(self) -> None:
        assert_fixed(
            """\
            import logging

            def main():
                logging.basicConfig(filename="app.log", filemode="w", level=10)
            """,
            "import logging\nimport logging.handlers\n\n"
            "def main():\n"
            "    logging.basicConfig(handlers=[logging.handlers.RotatingFileHandler("
            '"app.log", maxBytes=10_000_000, backupCount=5, mode="w")], level=10)\n',
            "LOG026",
            unsafe=True,
        )

    def test_log026_config_mapping(self) -> None:
        assert_fixed(
            """\
            LOGGING = {
                "handlers": {
                    "file": {
                        "class": "logging.FileHandler",
                        "filename": "app.log",
                    },
                },
            }
            """,
            """\
            LOGGING = {
                "handlers": {
                    "file": {
                        "class": "logging.handlers.RotatingFileHandler",
                        "maxBytes": 10_000_000,
                        "backupCount": 5,
                        "filename": "app.log",
                    },
                },
            }
            """,
            "LOG026",
            unsafe=True,
        )


class TestRounds:
    def test_fixes_on_one_call_compose(self) -> None:
        assert_fixed(
            """\
            import logging


            def f(path):
                try:
                    pass
                except OSError:
                    logging.error(f"cannot open {path}", exc_info=True)
            """,
            """\
            import logging

            logger = logging.getLogger(__name__)


            def f(path):
                try:
                    pass
                except OSError:
                    logger.exception("cannot open %s", path)
            """,
            "LOG011",
            also="LOG0",
        )

    def test_everything_at_once_settles(self) -> None:
        source = textwrap.dedent(
            """\
            import logging


            def f(items):
                for item in items:
                    try:
                        item.run()
                    except ValueError:
                        logging.warn(f"bad {item!r}: " + str(len(items)))
                        raise RuntimeError("stop")
                    except:
                        pass
            """
        )

        first = run(source, unsafe=True)
        second = run(first.new_source, unsafe=True)

        assert second.new_source == first.new_source
        assert second.applied == []
        assert first.new_source == textwrap.dedent(
            """\
            import logging

            logger = logging.getLogger(__name__)


            def f(items):
                for item in items:
                    try:
                        item.run()
                    except ValueError as err:
                        logger.warning("bad %r: %s", item, len(items))
                        raise RuntimeError("stop") from err
                    except:
                        pass
            """
        )
        left = sorted(finding.code for finding, _ in first.skipped)
        assert left == ["LOG018"]


class TestNoqaAndSelection:
    def test_noqa_is_not_fixed(self) -> None:
        source = _in_function('logger.info(f"x {a}")  # noqa: LOG011')

        result = run(source)

        assert result.new_source == source
        assert result.skipped == []

    def test_ignore(self) -> None:
        source = _in_function('logger.info(f"x {a}")')

        result = fix_source(source, FILENAME, ignore=("LOG011",))

        assert result.new_source == source

    def test_other_codes_are_reported_not_fixed(self) -> None:
        source = _in_function("try:\n    pass\nexcept OSError:\n    pass")

        result = run(source)

        assert result.new_source == source
        assert [(f.code, why) for f, why in result.skipped] == [
            ("LOG018", "no automatic fix: handle, log or explain the ignored exception")
        ]


class TestRewriteFor:
    def test_same_text_as_the_command(self) -> None:
        source = _in_function('logger.info(f"x {a}")\nlogger.info(f"y {b}")')
        finding = next(f for f in check_source(source, FILENAME) if f.line == 8)

        rewrite = rewrite_for(source, finding, FILENAME)

        assert rewrite is not None
        assert rewrite.kind == "safe"
        assert rewrite.note == "f-string message made lazy: %-style, 1 argument"
        assert rewrite.new_source == _in_function(
            'logger.info(f"x {a}")\nlogger.info("y %s", b)'
        )

    def test_unsafe_kind(self) -> None:
        source = "try:\n    pass\nexcept:\n    x = 1\n"
        finding = check_source(source, FILENAME)[0]

        rewrite = rewrite_for(source, finding, FILENAME)

        assert rewrite is not None
        assert rewrite.kind == "unsafe"
        assert rewrite.new_source == "try:\n    pass\nexcept Exception:\n    x = 1\n"

    def test_fallback_to_suggestion(self) -> None:
        source = "from app.log import logger\n\n\ndef f():\n    logger.info('a')\n"
        finding = check_source(source, FILENAME)[0]
        assert finding.code == "LOG020"

        rewrite = rewrite_for(source, finding, FILENAME)

        assert rewrite is not None
        assert rewrite.kind == "suggestion"
        assert rewrite.new_source == (
            "import logging\n\nlogger = logging.getLogger(__name__)\n\n\n"
            "def f():\n    logger.info('a')\n"
        )

    def test_none_when_nothing_fits(self) -> None:
        source = _in_function('logger.info("{} {}".format(*pair))')
        finding = next(f for f in check_source(source, FILENAME) if f.code == "LOG011")

        assert rewrite_for(source, finding, FILENAME) is None


class TestSourceForms:
    def test_crlf_newlines_kept(self) -> None:
        source = _in_function('logger.info(f"x {a}")').replace("\n", "\r\n")

        result = run(source)

        assert result.new_source == _in_function('logger.info("x %s", a)').replace(
            "\n", "\r\n"
        )

    def test_added_lines_follow_crlf(self) -> None:
        source = "import logging\r\n\r\n\r\ndef f():\r\n    logging.info('x')\r\n"

        result = run(source, "LOG015")

        assert result.new_source == (
            "import logging\r\n\r\nlogger = logging.getLogger(__name__)\r\n\r\n\r\n"
            "def f():\r\n    logger.info('x')\r\n"
        )

    def test_tabs_and_wide_characters_before_the_message(self) -> None:
        source = (
            "import logging\nlogger = logging.getLogger(__name__)\nif x:\n"
            '\tlogger.info("é" + f"{a}")\n'
        )

        result = run(source)

        assert result.new_source == (
            "import logging\nlogger = logging.getLogger(__name__)\nif x:\n"
            '\tlogger.info("é%s", a)\n'
        )

    def test_syntax_error_raises(self) -> None:
        with pytest.raises(SyntaxError):
            run("def f(:\n")
