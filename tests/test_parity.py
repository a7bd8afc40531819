"""Parity with flake8-logging 1.8.0 on LOG001-LOG015.

Every finding flake8-logging makes, we make at the same line and column:
a user can swap it for flake8-logerr and keep every finding and every
``# noqa``. We find more only where our logger detection is better; each
kind of extra finding has a test below showing flake8-logging miss it.
"""

from __future__ import annotations

import ast
import sys
import sysconfig
import textwrap
import warnings
from pathlib import Path

import pytest
from flake8_logging import Plugin as Reference

from flake8_logerr import check

Position = tuple[int, int, str]

FAMILY = frozenset(f"LOG{number:03d}" for number in range(1, 16))


def reference(tree: ast.AST) -> set[Position]:
    """flake8-logging's findings as (line, col, code)."""
    return {
        (line, col, text.split()[0]) for line, col, text, _ in Reference(tree).run()
    }


def ours(tree: ast.AST, source: str, filename: str = "module.py") -> set[Position]:
    """Our LOG001-LOG015 findings (and LOG000, which must never appear)."""
    findings = check(tree, source.splitlines(keepends=True), filename)
    return {
        (f.line, f.col, f.code)
        for f in findings
        if f.code in FAMILY or f.code == "LOG000"
    }


def both(source: str) -> tuple[set[Position], set[Position]]:
    source = textwrap.dedent(source)
    tree = ast.parse(source)
    return reference(tree), ours(tree, source)


def stdlib_files() -> list[Path]:
    """Every .py file of the running interpreter's standard library.

    Third-party packages are left out: they differ from machine to machine.
    """
    root = Path(sysconfig.get_paths()["stdlib"])
    return sorted(
        path
        for path in root.rglob("*.py")
        if not {"site-packages", "dist-packages"} & set(path.relative_to(root).parts)
    )


@pytest.mark.slow
def test_standard_library() -> None:
    missing: list[tuple[str, Position]] = []
    internal_errors: list[str] = []
    compared = 0

    for path in stdlib_files():
        try:
            source = path.read_text(encoding="utf-8")
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                tree = ast.parse(source, filename=str(path))
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue  # test data that is not valid Python on purpose
        try:
            theirs = reference(tree)
        except RecursionError:
            continue  # flake8-logging's visitor is recursive; ours is not
        found = ours(tree, source, str(path))
        compared += 1
        missing.extend((str(path), position) for position in sorted(theirs - found))
        if any(code == "LOG000" for _, _, code in found):
            internal_errors.append(str(path))

    assert compared > 1000
    assert missing == []
    assert internal_errors == []


# One snippet per behaviour of flake8-logging; each must make it report
# something, so that the comparison cannot pass by both staying quiet.
CORPUS = {
    "LOG001 module level": """\
        import logging
        logger = logging.Logger(__name__)
        """,
    "LOG001 from import": """\
        from logging import Logger
        class Service:
            logger = Logger("service")
        """,
    "LOG002": """\
        import logging
        a = logging.getLogger(__file__)
        def f():
            return logging.getLogger(__cached__)
        """,
    "LOG003": """\
        import logging
        logger = logging.getLogger(__name__)
        logger.info("x", extra={"msg": 1, "ok": 2})
        logger.log(10, "x", extra=dict(name=1, lineno=2))
        """,
    "LOG004 to LOG007 in and out of handlers": """\
        import logging
        logger = logging.getLogger(__name__)
        logger.exception("a")
        logger.exception("b", exc_info=True)
        logger.exception("c", exc_info=False)
        try:
            pass
        except ValueError as exc:
            logger.error("d")
            logger.error("e", exc_info=exc)
            logger.error("f", exc_info=True)
            logger.exception("g", exc_info=exc)
            logger.exception("h", exc_info=0)
            def nested():
                logger.exception("i")
            later = lambda: logger.error("j")
            class Body:
                logger.error("k")
        """,
    "LOG004 to LOG007 in except star": """\
        import logging
        logger = logging.getLogger(__name__)
        try:
            pass
        except* ValueError as group:
            logger.error("a")
            logger.exception(group)
            logger.exception("b", exc_info=group)
        """,
    "LOG008 and LOG015": """\
        import logging as lg
        from logging import warn, info
        lg.warn("a")
        warn("b")
        info("c")
        lg.log(10, "d")
        """,
    "LOG009": """\
        import logging
        from logging import WARN, WARN as W
        level = logging.WARN
        """,
    "LOG010": """\
        import logging
        logger = logging.getLogger(__name__)
        try:
            pass
        except ValueError as exc:
            logger.exception(exc)
            try:
                pass
            except KeyError as inner:
                logger.exception(exc)
                logger.exception(inner)
        """,
    "LOG011": """\
        import logging
        logger = logging.getLogger(__name__)
        logger.info(f"{x}")
        logger.info("{}".format(x))
        logger.info("%s" % x)
        logger.info("a" + x)
        logger.log(10, f"{x}")
        logger.info(msg=f"{x}")
        logger.info("a" + "b")
        """,
    "LOG012": """\
        import logging
        logger = logging.getLogger(__name__)
        logger.info("%s %s", a)
        logger.info("%s")
        logger.info("%*d", n)
        logger.info("%.*f %s", p, x)
        logger.info("100%% %s", a, b)
        logger.log(10, "%s to %s", a)
        logger.info("a %s" + " b %s", x)
        logger.info("%s %s", *pair)
        """,
    "LOG013": """\
        import logging
        logger = logging.getLogger(__name__)
        logger.info("%(a)s", {"b": 1})
        logger.info("%(a)s %(c)s", {"a": 1})
        logger.log(10, "%(a)s", {"a": 1, "d": 2})
        logger.info("%(a)s", {"a": 1, **rest})
        """,
    "LOG014": """\
        import logging
        logger = logging.getLogger(__name__)
        logger.warning("a", exc_info=True)
        logger.error("b", exc_info=1)
        try:
            pass
        except ValueError:
            logger.info("c", exc_info=True)
            def nested():
                logger.info("d", exc_info=True)
        """,
    "last binding, calls before it": """\
        import logging
        def early():
            audit.warn("a")
        audit = logging.getLogger("audit")
        audit.warn("b")
        """,
    "loguru import with a stdlib fallback": """\
        try:
            from loguru import logger
        except ImportError:
            import logging
            logger = logging.getLogger(__name__)
        logger.warn("a")
        logger.info(f"{x}")
        """,
}


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_corpus(name: str) -> None:
    if "except*" in CORPUS[name] and sys.version_info < (3, 11):
        pytest.skip("except* is new in Python 3.11")
    theirs, found = both(CORPUS[name])

    assert theirs
    assert sorted(theirs - found) == []


class TestWeFindMore:
    """Each kind of extra finding, with flake8-logging missing it."""

    def test_name_pattern(self) -> None:
        # As in distutils: ``from distutils import log`` then ``log.warn``.
        theirs, found = both(
            """\
            from distutils import log

            log.warn("old API")
            """
        )

        assert theirs == set()
        assert found == {(3, 0, "LOG008")}

    def test_self_attribute(self) -> None:
        theirs, found = both(
            """\
            import logging

            class Job:
                def __init__(self):
                    self.audit = logging.getLogger("audit")

                def run(self):
                    self.audit.warn("x")
                    self.logger.info(f"{self}")
            """
        )

        assert theirs == set()
        assert found == {(8, 8, "LOG008"), (9, 25, "LOG011")}

    def test_bare_call_imported_from_logging(self) -> None:
        theirs, found = both(
            """\
            from logging import error, exception, warn

            warn("a")
            exception("b")
            try:
                pass
            except ValueError:
                error("c")
            """
        )

        assert theirs == {(3, 0, "LOG015"), (4, 0, "LOG015"), (8, 4, "LOG015")}
        assert found == theirs | {(3, 0, "LOG008"), (4, 0, "LOG004"), (8, 4, "LOG005")}

    def test_fatal(self) -> None:
        theirs, found = both(
            """\
            import logging

            logger = logging.getLogger(__name__)
            logging.fatal("a")
            logger.fatal(f"{x}")
            """
        )

        assert theirs == set()
        assert found == {(4, 0, "LOG015"), (5, 13, "LOG011")}

    def test_root_fetched_inline(self) -> None:
        theirs, found = both(
            """\
            import logging

            logging.getLogger().info("a")
            logging.root.info("b")
            """
        )

        assert theirs == set()
        assert found == {(3, 0, "LOG015"), (4, 0, "LOG015")}

    def test_logger_bound_inside_a_function(self) -> None:
        # flake8-logging follows only names bound at module level.
        theirs, found = both(
            """\
            import logging

            def run():
                audit = logging.getLogger("audit")
                audit.warn("x")
            """
        )

        assert theirs == set()
        assert found == {(5, 4, "LOG008")}

    def test_every_module_logger_not_just_the_last(self) -> None:
        theirs, found = both(
            """\
            import logging

            audit = logging.getLogger("audit")
            access = logging.getLogger("access")
            audit.warn("x")
            access.warn("x")
            """
        )

        assert theirs == {(6, 0, "LOG008")}
        assert found == {(5, 0, "LOG008"), (6, 0, "LOG008")}

    def test_aliased_from_imports(self) -> None:
        theirs, found = both(
            """\
            from logging import Logger as L, getLogger as gl

            audit = gl(__file__)
            other = L("x")
            audit.warn("x")
            """
        )

        assert theirs == set()
        assert found == {(3, 11, "LOG002"), (4, 8, "LOG001"), (5, 0, "LOG008")}

    def test_factories_adapters_and_inline_loggers(self) -> None:
        theirs, found = both(
            """\
            import logging

            import structlog
            from celery.utils.log import get_task_logger

            task_log = get_task_logger(__name__)
            struct = structlog.get_logger()
            adapter = logging.LoggerAdapter(logging.getLogger(__name__), {})
            task_log.warn("a")
            struct.warn("b")
            adapter.warn("c")
            logging.getLogger(__name__).warn("d")
            """
        )

        assert theirs == set()
        assert found == {
            (9, 0, "LOG008"),
            (10, 0, "LOG008"),
            (11, 0, "LOG008"),
            (12, 0, "LOG008"),
        }

    def test_log012_extension(self) -> None:
        # Named in the design: arguments with no ``%`` placeholder at all.
        theirs, found = both(
            """\
            import logging

            logger = logging.getLogger(__name__)
            logger.info("moved {} to {}", item, place)
            """
        )

        assert theirs == set()
        assert found == {(4, 12, "LOG012")}


def test_relative_logging_module_is_ours_to_leave() -> None:
    # Deliberate divergence, the only one: flake8-logging takes a project
    # module imported as ``.logging`` for the standard library's. We do not,
    # so these are false positives of theirs that we leave out.
    theirs, found = both(
        """\
        from .logging import WARN, info

        info("x")
        """
    )

    assert theirs == {(1, 21, "LOG009"), (3, 0, "LOG015")}
    assert found == set()
