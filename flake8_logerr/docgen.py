"""Generate ``docs/rules/LOG0NN.md`` and ``docs/configuration.md``.

Both come from the rule table and the settings, so they cannot drift:
``python -m flake8_logerr.docgen`` rewrites them, ``--check`` fails when a
page is missing or stale (the test suite runs the same comparison).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from flake8_logerr.registry import RULES, Rule
from flake8_logerr.settings import DEFAULT_SETTINGS, OPTIONS

RULE_HEADINGS = (
    "What it flags",
    "Why it matters",
    "Example",
    "Use instead",
    "Options",
    "Known limitations",
    "References",
)

PYLINT_LETTERS = {"C": "convention", "W": "warning", "E": "error"}


def _code_block(text: str) -> str:
    return "```python\n" + text.strip("\n") + "\n```"


def _option_lines(rule: Rule) -> str:
    if not rule.options:
        return "This rule has no options."
    by_key = {option.key: option for option in OPTIONS}
    lines = []
    for key in rule.options:
        option = by_key[key]
        lines.append(
            f"- `{key}` ({option.help}): flake8 `{option.flake8_flag}`, "
            f"pylint `{key}`, `[tool.logerr]` `{key}`. "
            "See [configuration](../configuration.md)."
        )
    return "\n".join(lines)


def rule_page(rule: Rule) -> str:
    """The Markdown page of one rule."""
    level = PYLINT_LETTERS[rule.pylint_id[0]]
    references = "\n".join(f"- {ref}" for ref in rule.references) or "- rules.md"
    testing = ""
    if rule.testing:
        testing = f"\n\n### Testing the fix\n\n{rule.testing.strip()}"
    sections = [
        f"# {rule.code} {rule.name}",
        (
            f"Category: {rule.category}. Priority: {rule.priority}. "
            f"pylint: `{rule.pylint_id}` / `{rule.name}` ({level})."
        ),
        f"Message: `{rule.code} {rule.message}`",
        f"## What it flags\n\n{rule.summary[0].upper()}{rule.summary[1:]}.",
        f"## Why it matters\n\n{rule.why.strip()}{testing}",
        f"## Example\n\n{_code_block(rule.bad)}",
        f"## Use instead\n\n{_code_block(rule.good)}",
        f"## Options\n\n{_option_lines(rule)}",
        f"## Known limitations\n\n{rule.limitations.strip() or 'None known.'}",
        f"## References\n\n{references}",
    ]
    return "\n\n".join(sections) + "\n"


def _default_text(field: str) -> str:
    value = getattr(DEFAULT_SETTINGS, field)
    if isinstance(value, bool):
        return "`true`" if value else "`false`"
    if not value:
        return "(none)"
    return ", ".join(f"`{item}`" for item in value)


def configuration_page() -> str:
    """The Markdown page listing every option in every front door."""
    rows = [
        "| option | meaning | default | flake8 | pylint | `[tool.logerr]` |",
        "|---|---|---|---|---|---|",
    ]
    for option in OPTIONS:
        rows.append(
            f"| `{option.key}` | {option.help} | {_default_text(option.field)} "
            f"| `{option.flake8_flag}` / `{option.flake8_key}` "
            f"| `{option.key}` | `{option.key}` |"
        )
    table = "\n".join(rows)
    return f"""# Configuration

Every option has the same meaning in each front door. List options take
comma-separated names (in `[tool.logerr]`, a TOML list of strings).

{table}

## flake8

```ini
[flake8]
extend-select = LOG
logerr-logger-names = AUTH, audit
logerr-pii = true
```

or on the command line: `flake8 --logerr-logger-names=AUTH,audit --logerr-pii`.

## pylint

```ini
[MAIN]
load-plugins = pylint_logerr

[LOGERR]
logger-names = AUTH,audit
pii = yes
```

## The `logerr` command

```toml
[tool.logerr]
logger-names = ["AUTH", "audit"]
pii = true
select = ["LOG"]
ignore = ["LOG011"]
exclude = ["migrations"]
```

Flags of the same names override the file, e.g. `logerr check --pii src/`.
`select`, `ignore` and `exclude` are read by the `logerr` command only; flake8
and pylint have their own ways to choose codes and files.
"""


def expected_pages(docs: Path) -> dict[Path, str]:
    pages = {
        docs / "rules" / f"{code}.md": rule_page(rule) for code, rule in RULES.items()
    }
    pages[docs / "configuration.md"] = configuration_page()
    return pages


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m flake8_logerr.docgen")
    parser.add_argument("--docs", default="docs", help="the docs folder")
    parser.add_argument("--check", action="store_true", help="only compare")
    args = parser.parse_args(argv)

    stale = []
    for path, text in expected_pages(Path(args.docs)).items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    for path in stale:
        verb = "stale" if args.check else "wrote"
        sys.stderr.write(f"{verb}: {path}\n")
    return 1 if (stale and args.check) else 0


if __name__ == "__main__":
    sys.exit(main())
