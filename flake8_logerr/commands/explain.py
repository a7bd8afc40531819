"""``logerr explain LOG0NN``: everything the rule table knows about one rule."""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import textwrap

from flake8_logerr.registry import INTERNAL_ERROR, RULES, Rule
from flake8_logerr.settings import OPTIONS

HELP = "explain one rule: why it matters, examples, options, how to test the fix"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "rule",
        metavar="RULE",
        help="a code such as LOG011 (any case) or a symbol such as "
        "pre-formatted-message",
    )


def find_rule(name: str) -> Rule | None:
    """The rule named by its code (any case) or its symbol, else None."""
    wanted = name.strip()
    known = [INTERNAL_ERROR, *RULES.values()]
    for rule in known:
        if wanted.upper() == rule.code or wanted.lower() == rule.name:
            return rule
    return None


def _template(message: str) -> str:
    """The message with each ``{}`` field shown as an ellipsis."""
    return re.sub(r"\{[^{}]*\}", "…", message)


def _indent(text: str) -> str:
    return textwrap.indent(textwrap.dedent(text).strip("\n"), "    ")


def _section(title: str, body: str) -> str:
    return f"{title}\n{_indent(body)}"


def explanation(rule: Rule) -> str:
    """The text ``logerr explain`` prints; empty fields are left out."""
    parts = [
        f"{rule.code} {rule.name}",
        f"category: {rule.category}; priority: {rule.priority}; pylint: "
        + f"{rule.pylint_id} ({rule.name})",
        f"message: {rule.code} {_template(rule.message)}",
        _section("Summary", rule.summary),
    ]
    if rule.why.strip():
        parts.append(_section("Why it matters", rule.why))
    if rule.bad.strip():
        parts.append(_section("Example (flagged)", rule.bad))
    if rule.good.strip():
        parts.append(_section("Use instead", rule.good))
    if rule.options:
        helps = {option.key: option.help for option in OPTIONS}
        lines = [
            f"--{key}: {helps.get(key, '')} ([tool.logerr] {key})"
            for key in rule.options
        ]
        parts.append(_section("Options", "\n".join(lines)))
    if rule.limitations.strip():
        parts.append(_section("Known limitations", rule.limitations))
    if rule.testing.strip():
        parts.append(_section("Testing the fix", rule.testing))
    if rule.references:
        parts.append(_section("References", "\n".join(rule.references)))
    parts.append(f"Documentation: {rule.url}")
    return "\n\n".join(parts) + "\n"


def run(args: argparse.Namespace) -> int:
    """Print the explanation; exit 2 for a name that is no rule."""
    rule = find_rule(args.rule)
    if rule is None:
        # A near symbol is worth suggesting; a near code number is not.
        symbols = [rule.name for rule in RULES.values()]
        close = difflib.get_close_matches(args.rule.strip().lower(), symbols, n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        sys.stderr.write(
            f"logerr explain: unknown rule {args.rule!r}{hint}; "
            "`logerr rules` lists them all\n"
        )
        return 2
    sys.stdout.write(explanation(rule))
    return 0
