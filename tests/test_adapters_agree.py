"""flake8 and pylint report the same findings as the core, on the same files."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_logerr import check_source
from tests.hosts import flake8_findings, pylint_findings, run_flake8, run_pylint, write

SHOP = {
    "shop/views.py": """\
        import logging

        from flask import Flask, jsonify, request

        app = Flask(__name__)
        logger = logging.getLogger(__name__)


        @app.route("/orders/<order_id>")
        def get_order(order_id):
            logger.info("fetching order %s for %s", order_id, request.headers)
            try:
                order = load_order(order_id)
            except Exception as exc:
                logger.exception("cannot load order: %s", exc)
                return jsonify({"error": str(exc)}), 500
            return jsonify(order)


        def login(user, password):
            logger.debug(f"login {user} with {password}")
            if not check(user, password):
                raise Exception("bad login")
        """,
    "shop/tasks.py": """\
        import logging
        import traceback

        log = logging.getLogger(__name__)


        def sync_all(client, items):
            for item in items:
                try:
                    client.push(item)
                except:
                    continue
            try:
                client.flush()
            except Exception:
                return False
            try:
                client.close()
            except ConnectionError as err:
                raise RuntimeError("close failed")
            try:
                client.reset()
            except OSError:
                traceback.print_exc()
            log.warn("synced %d items", len(items), "extra")
            log.info("synced %(count)d", {"total": 1})


        def flush(client):
            try:
                client.flush()
                status = "ok"
            except Exception:
                status = "failed"
            return status


        def retry(client):
            try:
                client.push(None)
            except:
                client.reconnect()
            try:
                client.push(None)
            except ValueError as exc:
                log.error("push failed: " + str(exc))
                log.exception(exc)
        """,
    "shop/logsetup.py": """\
        import logging
        import logging.handlers

        logging.basicConfig(filename="shop.log", level=logging.WARN)
        handler = logging.handlers.RotatingFileHandler("shop.log")
        logging.getLogger().addHandler(handler)
        logger = logging.Logger("shop")


        def report():
            print("done")
            logging.exception("no handler here")
            logger.info("x", exc_info=True)
        """,
    "shop/util.py": """\
        import logging

        logger = logging.getLogger(__file__)


        def fetch(client, key):
            logger.info("fetch", extra={"name": key})
            try:
                return client.get(key)
            except TimeoutError:
                logger.exception("timed out", exc_info=True)
                logger.exception("timed out", exc_info=False)
                raise
        """,
}

# The snippets raise every rule, so the comparison is never an empty one.
EXPECTED_CODES = {f"LOG{n:03d}" for n in range(1, 28)}


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("project")
    for name, source in SHOP.items():
        write(folder, name, source)
    return folder


@pytest.fixture(scope="module")
def core_findings(shop: Path) -> set[tuple[str, int, int, str]]:
    found = set()
    for name in SHOP:
        source = (shop / name).read_text(encoding="utf-8")
        for finding in check_source(source, filename=name):
            found.add((name, finding.line, finding.col, finding.code))
    return found


def test_snippets_cover_every_rule(
    core_findings: set[tuple[str, int, int, str]],
) -> None:
    assert {code for *_, code in core_findings} == EXPECTED_CODES


def test_flake8_reports_what_the_core_finds(
    shop: Path, core_findings: set[tuple[str, int, int, str]]
) -> None:
    result = run_flake8(["--select=LOG", *SHOP], shop)

    assert flake8_findings(result.stdout) == core_findings


def test_pylint_reports_what_the_core_finds(
    shop: Path, core_findings: set[tuple[str, int, int, str]]
) -> None:
    result = run_pylint(list(SHOP), shop)

    assert pylint_findings(result.stdout) == core_findings
