"""Suggested rewrites: what the report recommends where no fix is automatic.

``logerr fix`` never applies these; ``rewrite_for`` returns them with kind
"suggestion". Each must compile.
"""

from __future__ import annotations

import textwrap

import pytest

from flake8_logerr import check_source
from flake8_logerr.fixes import fix_source, rewrite_for

FILENAME = "pkg/service.py"


def suggestion(source: str, code: str, place: int = 0) -> tuple[str, str]:
    """The suggested source and note for the ``place``-th finding of ``code``."""
    source = textwrap.dedent(source)
    findings = [f for f in check_source(source, FILENAME) if f.code == code]
    rewrite = rewrite_for(source, findings[place], FILENAME)
    assert rewrite is not None
    assert rewrite.kind == "suggestion"
    compile(rewrite.new_source, FILENAME, "exec")
    return rewrite.new_source, rewrite.note


def assert_suggestion(source: str, code: str, expected: str, place: int = 0) -> None:
    new_source, _ = suggestion(source, code, place)
    assert new_source == textwrap.dedent(expected)


def no_suggestion(source: str, code: str, place: int = 0) -> None:
    source = textwrap.dedent(source)
    findings = [f for f in check_source(source, FILENAME) if f.code == code]
    assert rewrite_for(source, findings[place], FILENAME) is None


HEADER = """\
import logging

logger = logging.getLogger(__name__)


"""


def test_suggestions_are_never_applied_by_fix() -> None:
    source = "def f():\n    try:\n        pass\n    except OSError:\n        pass\n"

    result = fix_source(source, FILENAME)

    assert result.new_source == source
    assert [f.code for f, _ in result.skipped] == ["LOG018"]


def test_log001() -> None:
    assert_suggestion(
        "import logging\n\nlogger = logging.Logger(__name__, level=10)\n",
        "LOG001",
        "import logging\n\nlogger = logging.getLogger(__name__)\n",
    )


def test_log003_key_named_after_the_value() -> None:
    source = HEADER + (
        "def record(order_id):\n"
        '    logger.info("recorded", extra={"name": order_id, "module": 1})\n'
    )

    first, note = suggestion(source, "LOG003", 0)
    second, _ = suggestion(source, "LOG003", 1)

    assert note == "renamed the `extra` key 'name' to 'order_id'"
    assert '{"order_id": order_id, "module": 1}' in first
    assert '{"name": order_id, "module_value": 1}' in second


def test_log004() -> None:
    assert_suggestion(
        HEADER + 'def load(path):\n    logger.exception("none in %s", path)\n',
        "LOG004",
        HEADER + 'def load(path):\n    logger.error("none in %s", path)\n',
    )


def test_log010_unbinds_the_unused_name() -> None:
    assert_suggestion(
        HEADER + "def parse(text):\n"
        "    try:\n"
        "        return int(text)\n"
        "    except ValueError as exc:\n"
        "        logger.exception(exc)\n",
        "LOG010",
        HEADER + "def parse(text):\n"
        "    try:\n"
        "        return int(text)\n"
        "    except ValueError:\n"
        '        logger.exception("parse() failed")\n',
    )


class TestLog012:
    SOURCE = HEADER + (
        "def move(item, source, target):\n"
        '    logger.info("moved {} to {}", item, target)\n'
        '    logger.info("moved %s", item, source)\n'
        '    logger.info("moved %s from %s to %s", item, source)\n'
    )

    def test_braces_become_placeholders(self) -> None:
        new_source, _ = suggestion(self.SOURCE, "LOG012", 0)

        assert 'logger.info("moved %s to %s", item, target)' in new_source

    def test_placeholder_added_for_extra_argument(self) -> None:
        new_source, _ = suggestion(self.SOURCE, "LOG012", 1)

        assert 'logger.info("moved %s %s", item, source)' in new_source

    def test_missing_argument_cannot_be_guessed(self) -> None:
        no_suggestion(self.SOURCE, "LOG012", 2)


class TestLog013:
    SOURCE = HEADER + (
        "def greet(user):\n"
        '    logger.info("hi %(name)s", {"name": user.name, "city": user.city})\n'
        '    logger.info("hi %(name)s from %(city)s", {"name": user.name})\n'
    )

    def test_unused_key_dropped(self) -> None:
        new_source, _ = suggestion(self.SOURCE, "LOG013", 0)

        assert 'logger.info("hi %(name)s", {"name": user.name})' in new_source

    def test_missing_key_cannot_be_guessed(self) -> None:
        no_suggestion(self.SOURCE, "LOG013", 1)


def test_log014() -> None:
    assert_suggestion(
        HEADER + 'def check():\n    logger.warning("low", exc_info=True)\n',
        "LOG014",
        HEADER + 'def check():\n    logger.warning("low")\n',
    )


def test_log017_logs_and_defines_the_logger() -> None:
    assert_suggestion(
        """\
        def read_quota(client, user_id):
            try:
                return client.fetch_quota(user_id)
            except Exception:
                quota = 0
            return quota
        """,
        "LOG017",
        """\
        import logging

        logger = logging.getLogger(__name__)


        def read_quota(client, user_id):
            try:
                return client.fetch_quota(user_id)
            except Exception:
                # logged, so the failure can be found; say here why it is safe to go on
                logger.exception("read_quota() failed")
                quota = 0
            return quota
        """,
    )


class TestLog018:
    SOURCE = """\
        import os


        def remove_pidfile(path):
            try:
                os.remove(path)
            except OSError:
                pass
            for p in path:
                try:
                    os.remove(p)
                except OSError: continue
        """

    def test_pass_replaced(self) -> None:
        new_source, _ = suggestion(self.SOURCE, "LOG018", 0)

        assert new_source.startswith(
            "import logging\nimport os\n\nlogger = logging.getLogger(__name__)\n"
        )
        assert (
            "    except OSError:\n"
            "        # logged, so the failure can be found; say here why it is safe"
            " to go on\n"
            '        logger.exception("remove_pidfile() failed")\n'
            "    for p in path:\n"
        ) in new_source

    def test_one_line_handler_becomes_a_block(self) -> None:
        new_source, _ = suggestion(self.SOURCE, "LOG018", 1)

        assert new_source.endswith(
            "        except OSError:\n"
            "            # logged, so the failure can be found; say here why it is"
            " safe to go on\n"
            '            logger.exception("remove_pidfile() failed")\n'
            "            continue\n"
        )


class TestLog019:
    SOURCE = HEADER + (
        "def login(user, password, token):\n"
        '    logger.info("user %s with password %s", user, password)\n'
        '    logger.info(f"token={token}")\n'
        '    logger.debug("login", extra={"password": password})\n'
    )
    COMMENT = "    # never log secrets: log a masked value or none\n"

    @pytest.mark.parametrize(
        ("place", "line"),
        [
            (0, 'logger.info("user %s with password %s", user, "[redacted]")'),
            (1, 'logger.info("token=[redacted]")'),
            (2, 'logger.debug("login", extra={"password": "[redacted]"})'),
        ],
        ids=["argument", "fstring", "extra"],
    )
    def test_value_redacted(self, place: int, line: str) -> None:
        new_source, _ = suggestion(self.SOURCE, "LOG019", place)

        assert self.COMMENT + "    " + line + "\n" in new_source


class TestLog020:
    def test_imported_logger_replaced(self) -> None:
        assert_suggestion(
            """\
            import logging

            from app.log import logger, other


            def f():
                logger.info("a")
            """,
            "LOG020",
            """\
            import logging

            from app.log import other

            logger = logging.getLogger(__name__)


            def f():
                logger.info("a")
            """,
        )

    def test_hard_coded_name(self) -> None:
        assert_suggestion(
            'import logging\n\nlogger = logging.getLogger("utils")\n\n\n'
            'def f():\n    logger.info("a")\n',
            "LOG020",
            "import logging\n\nlogger = logging.getLogger(__name__)\n\n\n"
            'def f():\n    logger.info("a")\n',
        )


class TestLog021:
    SOURCE = HEADER + textwrap.dedent(
        """\
        def charge(gateway, order):
            try:
                gateway.charge(order.total)
            except gateway.Declined as exc:
                logger.exception("payment failed: %s", exc)
                raise
            except gateway.Timeout as exc:
                logger.critical(f"payment of {order.id} timed out ({exc})")
                raise
            except KeyError as exc:
                logger.exception(str(exc))
                raise
        """
    )

    @pytest.mark.parametrize(
        ("place", "lines"),
        [
            (
                0,
                (
                    "    except gateway.Declined:\n"
                    '        logger.exception("payment failed")\n'
                ),
            ),
            (
                1,
                (
                    "    except gateway.Timeout:\n"
                    '        logger.critical("payment of %s timed out", order.id,'
                    " exc_info=True)\n"
                ),
            ),
            (2, '    except KeyError:\n        logger.exception("charge() failed")\n'),
        ],
        ids=["argument", "fstring-with-traceback", "whole-message"],
    )
    def test_constant_message(self, place: int, lines: str) -> None:
        new_source, _ = suggestion(self.SOURCE, "LOG021", place)

        assert lines in new_source


def test_log023_domain_exception() -> None:
    assert_suggestion(
        """\
        def withdraw(balance, amount):
            if amount > balance:
                raise Exception("insufficient funds")
            return balance - amount
        """,
        "LOG023",
        '''\
        class WithdrawError(Exception):
            """Raised when withdraw() cannot do its job."""


        def withdraw(balance, amount):
            if amount > balance:
                raise WithdrawError("insufficient funds")
            return balance - amount
        ''',
    )


def test_log024_generic_message_and_log() -> None:
    assert_suggestion(
        """\
        from flask import Flask, jsonify

        app = Flask(__name__)


        @app.route("/orders/<int:order_id>")
        def show_order(order_id):
            try:
                return jsonify(load_order(order_id))
            except Exception as exc:
                return jsonify(error=str(exc)), 500
        """,
        "LOG024",
        """\
        import logging

        from flask import Flask, jsonify

        logger = logging.getLogger(__name__)

        app = Flask(__name__)


        @app.route("/orders/<int:order_id>")
        def show_order(order_id):
            try:
                return jsonify(load_order(order_id))
            except Exception:
                logger.exception("show_order() failed")
                return jsonify(error="internal error"), 500
        """,
    )


class TestLog025:
    SOURCE = """\
        import sys
        import traceback


        def load(path):
            print("loading", path, f"({len(path)} bytes, 100%)")
            sys.stderr.write("done\\n")
            try:
                pass
            except OSError:
                traceback.print_exc()
        """

    @pytest.mark.parametrize(
        ("place", "line"),
        [
            (0, 'logger.info("loading %s (%s bytes, 100%%)", path, len(path))'),
            (1, 'logger.warning("done")'),
            (2, 'logger.exception("load() failed")'),
        ],
        ids=["print", "stderr", "print-exc"],
    )
    def test_logger_call(self, place: int, line: str) -> None:
        new_source, _ = suggestion(self.SOURCE, "LOG025", place)

        assert "logger = logging.getLogger(__name__)\n" in new_source
        assert line in new_source


class TestLog027:
    def test_moved_into_main(self) -> None:
        assert_suggestion(
            '''\
            import logging

            logging.basicConfig(level=logging.INFO)


            def main():
                """Run."""
                run()
            ''',
            "LOG027",
            '''\
            import logging


            def main():
                """Run."""
                logging.basicConfig(level=logging.INFO)
                run()
            ''',
        )

    def test_moved_under_the_guard(self) -> None:
        new_source, _ = suggestion(
            "import logging\n\nlogging.basicConfig()\nx = 1\n\n"
            'if __name__ == "__main__":\n    run()\n',
            "LOG027",
        )

        assert new_source == (
            'import logging\nx = 1\n\nif __name__ == "__main__":\n'
            "    logging.basicConfig()\n    run()\n"
        )

    def test_wrapped_in_a_guard(self) -> None:
        assert_suggestion(
            "import logging\n\nlogging.basicConfig(level=logging.INFO)\n",
            "LOG027",
            "import logging\n\n"
            "# configure logging only when run as a program, not on import\n"
            'if __name__ == "__main__":\n'
            "    logging.basicConfig(level=logging.INFO)\n",
        )
