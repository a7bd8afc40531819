"""``logerr rules``: the rule table, one line per rule."""

from __future__ import annotations

import argparse
import json
import sys

from flake8_logerr.registry import RULES, Rule

HELP = "list every rule: code, symbol, category, priority and summary"

COLUMNS = ("code", "symbol", "category", "priority", "summary")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="an aligned table (default) or a JSON list",
    )


def _row(rule: Rule) -> tuple[str, ...]:
    return (rule.code, rule.name, rule.category, rule.priority, rule.summary)


def rules_table() -> str:
    """The rule table as aligned text columns with a header line."""
    rows = [COLUMNS, *(_row(rule) for rule in sorted_rules())]
    # The last column is not padded: summaries differ a lot in length.
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS) - 1)]
    lines = []
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths)]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(lines) + "\n"


def rules_json() -> str:
    """The rule table as a JSON list of objects, with each rule's docs link."""
    data = [
        {**dict(zip(COLUMNS, _row(rule))), "url": rule.url} for rule in sorted_rules()
    ]
    return json.dumps(data, indent=2) + "\n"


def sorted_rules() -> list[Rule]:
    return sorted(RULES.values(), key=lambda rule: rule.code)


def run(args: argparse.Namespace) -> int:
    """Print the table; always succeeds."""
    sys.stdout.write(rules_json() if args.format == "json" else rules_table())
    return 0
