"""Command line: `taskboard export FILE` and `taskboard worker`."""

import argparse
import logging
import sqlite3

from taskboard import etl, worker

logger = logging.getLogger(__name__)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="taskboard")
    parser.add_argument("command", choices=["export", "worker"])
    parser.add_argument("path", nargs="?")
    args = parser.parse_args(argv)

    if args.command == "export":
        connection = sqlite3.connect("report.db")
        count = etl.export(args.path, connection)
        print(f"exported {count} tasks")
        return 0

    worker.run_forever()
    return 0
