"""Nightly export of tasks to the reporting database."""

import csv
import logging
from logging.handlers import RotatingFileHandler

logger = logging.getLogger(__file__)
audit = logging.Logger("taskboard.audit")
audit.addHandler(RotatingFileHandler("audit.log"))


def read_rows(path):
    rows = []
    with open(path, newline="") as handle:
        for row in csv.DictReader(handle):
            rows.append(row)
    logger.info("read %d rows from %s", len(rows))
    return rows


def transform(row):
    try:
        return {"id": int(row["id"]), "title": row["title"].strip()}
    except ValueError as err:
        logger.exception(err)
        return None


def load(rows, connection):
    loaded = 0
    for row in rows:
        try:
            connection.execute("INSERT INTO tasks VALUES (?, ?)", (row["id"], row["title"]))
            loaded += 1
        except Exception as e:
            logger.exception("insert failed for %s", row["id"], exc_info=True)
    logger.warn("loaded {} of {} rows".format(loaded, len(rows)))
    return loaded


def export(path, connection):
    rows = [r for r in (transform(row) for row in read_rows(path)) if r]
    if not rows:
        logger.exception("nothing to export")
        return 0
    logger.info("export %(path)s done", {"path": path, "count": len(rows)}, extra={"name": "etl"})
    return load(rows, connection)
