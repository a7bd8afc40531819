"""Reading findings that flake8, pylint or ruff already produced.

Every line (or JSON entry) ends up somewhere: as a finding of one of our
rules, as a finding of another rule (counted by code), or as a skipped line
named with its number and the reason. Nothing is dropped without a trace.

Columns are stored 0-based, as the core gives them: flake8 and ruff print
1-based columns, pylint prints 0-based ones.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from flake8_logerr.registry import INTERNAL_ERROR, RULES
from flake8_logerr.report.model import SkippedLine

# Ruff's codes for the problems our rules find. Ruff implements some of
# flake8-logging's LOG codes under the same numbers; the others come from
# pycodestyle, flake8-blind-except, bandit, flake8-logging-format, flake8-print,
# bugbear, tryceratops and pylint.
RUFF_CODES = {
    "E722": "LOG016",
    "BLE001": "LOG017",
    "S110": "LOG018",
    "S112": "LOG018",
    "G001": "LOG011",
    "G002": "LOG011",
    "G003": "LOG011",
    "G004": "LOG011",
    "G010": "LOG008",
    "G101": "LOG003",
    "G201": "LOG005",
    "G202": "LOG006",
    "T201": "LOG025",
    "T203": "LOG025",
    "B904": "LOG022",
    "TRY002": "LOG023",
    "TRY400": "LOG005",
    "TRY401": "LOG021",
    "PLE1205": "LOG012",
    "PLE1206": "LOG012",
    "LOG001": "LOG001",
    "LOG002": "LOG002",
    "LOG004": "LOG004",
    "LOG007": "LOG007",
    "LOG009": "LOG009",
    "LOG014": "LOG014",
    "LOG015": "LOG015",
}

# pylint's own checks that mean what one of our rules means (ruff's PLE1205
# and PLE1206 above are the same two messages).
PYLINT_BUILTIN = {
    "W1201": "LOG011",
    "logging-not-lazy": "LOG011",
    "W1202": "LOG011",
    "logging-format-interpolation": "LOG011",
    "W1203": "LOG011",
    "logging-fstring-interpolation": "LOG011",
    "E1205": "LOG012",
    "logging-too-many-args": "LOG012",
    "E1206": "LOG012",
    "logging-too-few-args": "LOG012",
    "W0702": "LOG016",
    "bare-except": "LOG016",
    "W0707": "LOG022",
    "raise-missing-from": "LOG022",
    "W0719": "LOG023",
    "broad-exception-raised": "LOG023",
}

# Our pylint message ids and symbols (W5805, error-instead-of-exception).
PYLINT_OURS = {rule.pylint_id: rule.code for rule in RULES.values()} | {
    rule.name: rule.code for rule in RULES.values()
}

# flake8's default format, and ruff's "concise" text which looks the same.
# The path is matched lazily so that a Windows drive letter stays in it.
FLAKE8_LINE_RE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+):\s+"
    r"(?P<code>[A-Z]+[0-9]+)\s+(?P<message>.*)$"
)

# pylint's default template: {path}:{line}:{column}: {msg_id}: {msg} ({symbol})
PYLINT_LINE_RE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<msgid>[A-Z]\d{4}): "
    r"(?P<message>.*?)(?: \((?P<symbol>[a-z0-9-]+)\))?$"
)

# Totals that ruff's concise output ends with.
TOTALS_RE = re.compile(
    r"^(Found \d+ errors?.*|\[\*\] \d+ fixable.*|All checks passed!|"
    r"No fixes available.*|\d+ hidden fixes.*)$"
)

# Lines pylint writes around its messages: they carry no finding.
PYLINT_FRAME_RE = re.compile(
    r"^(\*+ Module .*|-{3,}|Your code has been rated at .*|\s*)$"
)


class InputError(Exception):
    """An input that cannot be read at all; the text is the reason."""


@dataclass(frozen=True)
class ImportedFinding:
    """A finding read from a lint tool, already mapped onto our code."""

    path: str
    line: int
    col: int
    code: str
    message: str
    tool_code: str


@dataclass
class ParsedInput:
    """Everything one input gave."""

    findings: list[ImportedFinding] = field(default_factory=list)
    skipped: list[SkippedLine] = field(default_factory=list)
    other_rules: Counter[str] = field(default_factory=Counter)
    # Files the tool said it could not check (our LOG000).
    unreadable: list[str] = field(default_factory=list)
    # The tool's own headers and totals ("Found 3 errors.", pylint's score).
    frame_lines: int = 0

    def extend(self, other: ParsedInput) -> None:
        self.findings.extend(other.findings)
        self.skipped.extend(other.skipped)
        self.other_rules.update(other.other_rules)
        self.unreadable.extend(other.unreadable)
        self.frame_lines += other.frame_lines


def parse_flake8(
    text: str, origin: str, mapping: dict[str, str] | None = None, tool: str = "flake8"
) -> ParsedInput:
    """Parse flake8's default output: ``path:line:col: CODE message``.

    ``mapping`` turns the tool's codes into ours (ruff's concise output has
    the same shape, with its own codes).
    """
    parsed = ParsedInput()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        if TOTALS_RE.match(line):
            parsed.frame_lines += 1
            continue
        match = FLAKE8_LINE_RE.match(line)
        if match is None:
            parsed.skipped.append(
                SkippedLine(origin, number, line, f"not a {tool} finding")
            )
            continue
        tool_code = match["code"]
        code = (mapping or {}).get(tool_code, tool_code)
        col = int(match["col"]) - 1
        message = match["message"].removeprefix("[*] ")
        _add(
            parsed,
            origin,
            number,
            line,
            match["path"],
            int(match["line"]),
            max(col, 0),
            code,
            tool_code,
            message,
        )
    return parsed


def parse_pylint(text: str, origin: str) -> ParsedInput:
    """Parse pylint's text output (default template) or its JSON output."""
    stripped = text.lstrip()
    if stripped.startswith(("[", "{")):
        return _parse_pylint_json(text, origin)

    parsed = ParsedInput()
    for number, line in enumerate(text.splitlines(), start=1):
        if PYLINT_FRAME_RE.match(line):
            # Module headers, rulers and the score: pylint's frame, no finding.
            if line.strip():
                parsed.frame_lines += 1
            continue
        match = PYLINT_LINE_RE.match(line)
        if match is None:
            parsed.skipped.append(
                SkippedLine(origin, number, line, "not a pylint message")
            )
            continue
        msgid = match["msgid"]
        code = _pylint_code(msgid, match["symbol"])
        _add(
            parsed,
            origin,
            number,
            line,
            match["path"],
            int(match["line"]),
            int(match["col"]),
            code or msgid,
            _pylint_tool_code(msgid, match["symbol"], code),
            match["message"],
        )
    return parsed


def _parse_pylint_json(text: str, origin: str) -> ParsedInput:
    data = _load_json(text, origin, "pylint --output-format=json")
    # json2 wraps the list: {"messages": [...], "statistics": {...}}.
    if isinstance(data, dict):
        data = data.get("messages")
    if not isinstance(data, list):
        raise InputError(f"{origin}: pylint JSON output should hold a list of messages")

    parsed = ParsedInput()
    for number, entry in enumerate(data, start=1):
        try:
            msgid = str(entry.get("message-id") or entry["messageId"])
            symbol = entry.get("symbol")
            path = str(entry["path"])
            line = int(entry["line"])
            col = int(entry.get("column") or 0)
            message = str(entry.get("message", ""))
        except (AttributeError, KeyError, TypeError, ValueError):
            parsed.skipped.append(
                SkippedLine(origin, number, _brief(entry), "not a pylint message")
            )
            continue
        code = _pylint_code(msgid, symbol if isinstance(symbol, str) else None)
        _add(
            parsed,
            origin,
            number,
            _brief(entry),
            path,
            line,
            col,
            code or msgid,
            _pylint_tool_code(msgid, symbol if isinstance(symbol, str) else None, code),
            message,
        )
    return parsed


def parse_ruff(text: str, origin: str) -> ParsedInput:
    """Parse ruff's JSON output, or its concise text output."""
    if not text.lstrip().startswith("["):
        return parse_flake8(text, origin, RUFF_CODES, tool="ruff")

    data = _load_json(text, origin, "ruff check --output-format=json")
    if not isinstance(data, list):
        raise InputError(f"{origin}: ruff JSON output should be a list")

    parsed = ParsedInput()
    for number, entry in enumerate(data, start=1):
        try:
            tool_code = entry["code"]
            path = str(entry["filename"])
            line = int(entry["location"]["row"])
            col = int(entry["location"]["column"]) - 1
            message = str(entry.get("message", ""))
        except (AttributeError, KeyError, TypeError, ValueError):
            parsed.skipped.append(
                SkippedLine(origin, number, _brief(entry), "not a ruff diagnostic")
            )
            continue
        if not isinstance(tool_code, str):
            # Syntax errors come without a code: the file was not checked.
            parsed.unreadable.append(f"{path}: {message}")
            continue
        code = RUFF_CODES.get(tool_code, tool_code)
        _add(
            parsed,
            origin,
            number,
            _brief(entry),
            path,
            line,
            max(col, 0),
            code,
            tool_code,
            message,
        )
    return parsed


def _pylint_tool_code(msgid: str, symbol: str | None, code: str | None) -> str:
    """Our code for our own pylint messages, so only foreign ids are named."""
    if code is not None and (msgid in PYLINT_OURS or symbol in PYLINT_OURS):
        return code
    return msgid


def _pylint_code(msgid: str, symbol: str | None) -> str | None:
    for key in (msgid, symbol):
        if key is None:
            continue
        code = PYLINT_OURS.get(key) or PYLINT_BUILTIN.get(key)
        if code is not None:
            return code
    return None


def _add(
    parsed: ParsedInput,
    origin: str,
    number: int,
    raw: str,
    path: str,
    line: int,
    col: int,
    code: str,
    tool_code: str,
    message: str,
) -> None:
    """File one finding under ours, other rules, or skipped lines."""
    if code == INTERNAL_ERROR.code:
        parsed.unreadable.append(f"{path}: {message}")
    elif code in RULES:
        parsed.findings.append(
            ImportedFinding(path, line, col, code, message.strip(), tool_code)
        )
    elif code.startswith("LOG") and tool_code == code:
        parsed.skipped.append(SkippedLine(origin, number, raw, f"unknown code {code}"))
    else:
        parsed.other_rules[tool_code] += 1


def _load_json(text: str, origin: str, how: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{origin}: not valid JSON (line {exc.lineno}: {exc.msg});"
            f" expected the output of `{how}`"
        ) from exc


def _brief(entry: object) -> str:
    """One line standing for a JSON entry in messages."""
    text = json.dumps(entry, sort_keys=True)
    return text if len(text) <= 160 else text[:157] + "..."
