"""Output formats of ``logerr check``: text, json, sarif and github.

Every format reads the same inputs: the results of the checked files (in
the order they were found) and the paths that could not be checked. Columns
are 1-based everywhere, as flake8 prints them; the core's are 0-based.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from flake8_logerr import __version__
from flake8_logerr.core import Finding
from flake8_logerr.files import FileError, FileResult
from flake8_logerr.registry import INTERNAL_ERROR, RULES, Rule, get_rule

FORMATS = ("text", "json", "sarif", "github")

TOOL_NAME = "flake8-logerr"
INFORMATION_URI = "https://github.com/flake8-logerr/flake8-logerr"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
    "sarif-schema-2.1.0.json"
)

# Priority -> SARIF level and GitHub workflow command.
SARIF_LEVELS = {
    "critical": "error",
    "high": "error",
    "medium": "warning",
    "low": "note",
}
GITHUB_COMMANDS = {
    "critical": "error",
    "high": "error",
    "medium": "warning",
    "low": "notice",
}


@dataclass(frozen=True)
class Located:
    """A finding together with the file it is in."""

    path: str
    finding: Finding
    lines: Sequence[str] = ()

    @property
    def rule(self) -> Rule:
        return get_rule(self.finding.code)

    @property
    def priority(self) -> str:
        return self.finding.priority or self.rule.priority

    @property
    def column(self) -> int:
        """1-based, counted in UTF-8 bytes as ``ast`` and flake8 count."""
        return self.finding.col + 1


def located(results: Sequence[FileResult]) -> list[Located]:
    """Every finding of ``results`` in output order: by file, then place."""
    return [
        Located(result.path, finding, result.lines)
        for result in results
        for finding in sorted(result.findings)
    ]


def render(
    name: str,
    results: Sequence[FileResult],
    errors: Sequence[FileError],
    base: Path | None = None,
) -> str:
    """The whole output of one run in format ``name``."""
    findings = located(results)
    if name == "text":
        return format_text(findings)
    if name == "json":
        return format_json(findings)
    if name == "sarif":
        return format_sarif(findings, errors, base or Path.cwd())
    if name == "github":
        return format_github(findings, errors)
    raise ValueError(f"unknown format {name!r}")


def format_text(findings: Sequence[Located]) -> str:
    """flake8's default line: ``path:line:col: CODE message``."""
    return "".join(
        f"{item.path}:{item.finding.line}:{item.column}: "
        f"{item.finding.code} {item.finding.message}\n"
        for item in findings
    )


def format_json(findings: Sequence[Located]) -> str:
    """A JSON list with one object per finding; ``column`` is 1-based."""
    rows = [
        {
            "path": item.path,
            "line": item.finding.line,
            "column": item.column,
            "code": item.finding.code,
            "symbol": item.rule.name,
            "message": item.finding.message,
            "priority": item.priority,
            "category": item.rule.category,
            "url": item.rule.url,
        }
        for item in findings
    ]
    return json.dumps(rows, indent=2) + "\n"


# GitHub workflow commands: https://docs.github.com/en/actions/reference/
# workflow-commands-for-github-actions (escaping as the runner's toolkit does).
def _github_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(findings: Sequence[Located], errors: Sequence[FileError]) -> str:
    """One annotation command per finding, and one per path not checked."""
    lines = []
    for item in findings:
        command = GITHUB_COMMANDS[item.priority]
        properties = ",".join(
            (
                f"file={_github_property(item.path)}",
                f"line={item.finding.line}",
                f"col={item.column}",
                f"title={_github_property(item.finding.code)}",
            )
        )
        lines.append(f"::{command} {properties}::{_github_data(item.finding.message)}")
    for error in errors:
        properties = f"file={_github_property(error.path)},title=logerr"
        message = _github_data(f"not checked: {error.reason}")
        lines.append(f"::error {properties}::{message}")
    return "".join(line + "\n" for line in lines)


def format_sarif(
    findings: Sequence[Located], errors: Sequence[FileError], base: Path
) -> str:
    """A SARIF 2.1.0 log with one run, every rule and every finding."""
    rules = [INTERNAL_ERROR, *sorted(RULES.values(), key=lambda rule: rule.code)]
    index = {rule.code: number for number, rule in enumerate(rules)}
    root = base.resolve().as_uri().rstrip("/") + "/"

    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": TOOL_NAME,
                "version": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_sarif_rule(rule) for rule in rules],
            }
        },
        "originalUriBaseIds": {"SRCROOT": {"uri": root}},
        "columnKind": "unicodeCodePoints",
        "invocations": [
            {
                "executionSuccessful": not errors,
                "toolExecutionNotifications": [
                    {
                        "level": "error",
                        "message": {"text": f"not checked: {error.reason}"},
                        "locations": [
                            {
                                "physicalLocation": {
                                    "artifactLocation": _artifact(error.path, base)
                                }
                            }
                        ],
                    }
                    for error in errors
                ],
            }
        ],
        "results": [_sarif_result(item, index, base) for item in findings],
    }
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2) + "\n"


def _sarif_rule(rule: Rule) -> dict[str, Any]:
    summary = _sentence(rule.summary)
    why = rule.why.strip() or summary
    text_parts = [summary, why]
    markdown_parts = [f"**{rule.code} {rule.name}**: {summary}", why]
    if rule.bad.strip():
        text_parts.append("Example:\n" + rule.bad.strip("\n"))
        markdown_parts.append("Example:\n\n" + _fenced(rule.bad))
    if rule.good.strip():
        text_parts.append("Use instead:\n" + rule.good.strip("\n"))
        markdown_parts.append("Use instead:\n\n" + _fenced(rule.good))
    text_parts.append(f"Documentation: {rule.url}")
    markdown_parts.append(f"[Documentation of {rule.code}]({rule.url})")
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": why},
        "help": {
            "text": "\n\n".join(text_parts),
            "markdown": "\n\n".join(markdown_parts),
        },
        "helpUri": rule.url,
        "defaultConfiguration": {"level": SARIF_LEVELS[rule.priority]},
        "properties": {
            "category": rule.category,
            "priority": rule.priority,
            "tags": [rule.category],
        },
    }


def _sarif_result(item: Located, index: dict[str, int], base: Path) -> dict[str, Any]:
    region = {
        "startLine": item.finding.line,
        "startColumn": _code_point_column(item),
    }
    return {
        "ruleId": item.finding.code,
        "ruleIndex": index[item.finding.code],
        "level": SARIF_LEVELS[item.priority],
        "message": {"text": item.finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": _artifact(item.path, base),
                    "region": region,
                }
            }
        ],
        "properties": {"priority": item.priority},
    }


def _code_point_column(item: Located) -> int:
    """The 1-based column in characters (``ast`` counts UTF-8 bytes)."""
    number = item.finding.line
    if not 1 <= number <= len(item.lines):
        return item.column
    prefix = item.lines[number - 1].encode("utf-8")[: item.finding.col]
    return len(prefix.decode("utf-8", errors="ignore")) + 1


def _artifact(path: str, base: Path) -> dict[str, str]:
    """A forward-slash URI relative to ``base``, or absolute outside it."""
    resolved = Path(path).absolute()
    try:
        relative = resolved.relative_to(base.absolute())
    except ValueError:
        return {"uri": resolved.as_uri()}
    return {"uri": quote(relative.as_posix(), safe="/"), "uriBaseId": "SRCROOT"}


def _fenced(code: str) -> str:
    return "```python\n" + code.strip("\n") + "\n```"


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    return text[0].upper() + text[1:] + ("" if text.endswith(".") else ".")
