"""Reading flake8, pylint and ruff output for ``logerr report``."""

from __future__ import annotations

import json
import textwrap

import pytest

from flake8_logerr.report.inputs import (
    ImportedFinding,
    InputError,
    parse_flake8,
    parse_pylint,
    parse_ruff,
)
from flake8_logerr.report.model import SkippedLine


def _findings(parsed: object) -> list[tuple[str, int, int, str, str]]:
    items: list[ImportedFinding] = parsed.findings  # type: ignore[attr-defined]
    return [(f.path, f.line, f.col, f.code, f.tool_code) for f in items]


class TestFlake8:
    def test_findings_with_columns_made_zero_based(self) -> None:
        text = textwrap.dedent(
            """\
            ./app/views.py:12:5: LOG015 logging call on the root logger
            app/jobs.py:3:1: LOG016 bare `except:` also catches KeyboardInterrupt
            """
        )

        parsed = parse_flake8(text, "flake8.txt")

        assert _findings(parsed) == [
            ("./app/views.py", 12, 4, "LOG015", "LOG015"),
            ("app/jobs.py", 3, 0, "LOG016", "LOG016"),
        ]
        assert parsed.findings[0].message.startswith("logging call on the root")
        assert parsed.skipped == []

    def test_malformed_lines_are_kept_with_their_number(self) -> None:
        text = (
            "app.py:1:1: LOG015 root\nthis is not a finding\n\n    ^\napp.py:x:1: "
            "E1 y\n"
        )

        parsed = parse_flake8(text, "out.txt")

        assert _findings(parsed) == [("app.py", 1, 0, "LOG015", "LOG015")]
        assert parsed.skipped == [
            SkippedLine("out.txt", 2, "this is not a finding", "not a flake8 finding"),
            SkippedLine("out.txt", 4, "    ^", "not a flake8 finding"),
            SkippedLine("out.txt", 5, "app.py:x:1: E1 y", "not a flake8 finding"),
        ]

    def test_other_rules_are_counted_not_listed(self) -> None:
        text = (
            "a.py:1:1: E501 line too long\na.py:2:1: E501 line too long\na.py:3:1: "
            "F401 x\n"
        )

        parsed = parse_flake8(text, "out.txt")

        assert parsed.findings == []
        assert dict(parsed.other_rules) == {"E501": 2, "F401": 1}
        assert parsed.skipped == []

    def test_internal_error_marks_the_file_unreadable(self) -> None:
        text = "a.py:1:1: LOG000 logerr could not check this file: ValueError: x\n"

        parsed = parse_flake8(text, "out.txt")

        assert parsed.findings == []
        assert parsed.unreadable == [
            "a.py: logerr could not check this file: ValueError: x"
        ]

    def test_unknown_log_code_is_skipped_with_the_reason(self) -> None:
        parsed = parse_flake8("a.py:1:1: LOG099 something new\n", "out.txt")

        assert parsed.findings == []
        assert parsed.skipped == [
            SkippedLine(
                "out.txt", 1, "a.py:1:1: LOG099 something new", "unknown code LOG099"
            )
        ]

    def test_windows_drive_letter_stays_in_the_path(self) -> None:
        parsed = parse_flake8("C:\\src\\a.py:7:3: LOG008 warn\n", "out.txt")

        assert _findings(parsed) == [("C:\\src\\a.py", 7, 2, "LOG008", "LOG008")]


class TestPylint:
    def test_text_output_with_our_ids_symbols_and_pylint_own_checks(self) -> None:
        text = textwrap.dedent(
            """\
            ************* Module app.views
            app/views.py:12:4: W5815: root logger call (root-logger-call)
            app/views.py:20:8: E5812: 2 placeholders (placeholder-count-mismatch)
            app/views.py:30:4: W1203: lazy % formatting (logging-fstring-interpolation)
            app/views.py:31:0: C0114: no docstring (missing-module-docstring)
            garbage here

            ------------------------------------------------------------------
            Your code has been rated at 5.00/10
            """
        )

        parsed = parse_pylint(text, "pylint.txt")

        assert _findings(parsed) == [
            ("app/views.py", 12, 4, "LOG015", "LOG015"),
            ("app/views.py", 20, 8, "LOG012", "LOG012"),
            ("app/views.py", 30, 4, "LOG011", "W1203"),
        ]
        assert dict(parsed.other_rules) == {"C0114": 1}
        assert parsed.frame_lines == 3
        assert parsed.skipped == [
            SkippedLine("pylint.txt", 6, "garbage here", "not a pylint message")
        ]

    def test_symbol_alone_maps_when_the_id_is_unknown(self) -> None:
        parsed = parse_pylint("a.py:1:0: W9999: x (bare-except-handler)\n", "p")

        assert _findings(parsed) == [("a.py", 1, 0, "LOG016", "LOG016")]

    def test_json_output(self) -> None:
        entries = [
            {
                "type": "warning",
                "path": "app/jobs.py",
                "line": 8,
                "column": 4,
                "message-id": "W5818",
                "symbol": "exception-swallowed",
                "message": "broad handler swallows the exception",
            },
            {"path": "app/jobs.py", "line": "eight"},
            {
                "path": "app/jobs.py",
                "line": 9,
                "column": 0,
                "message-id": "C0301",
                "symbol": "line-too-long",
                "message": "Line too long",
            },
        ]

        parsed = parse_pylint(json.dumps(entries), "pylint.json")

        assert _findings(parsed) == [("app/jobs.py", 8, 4, "LOG018", "LOG018")]
        assert dict(parsed.other_rules) == {"C0301": 1}
        assert [(s.number, s.reason) for s in parsed.skipped] == [
            (2, "not a pylint message")
        ]

    def test_json2_output(self) -> None:
        data = {
            "messages": [
                {
                    "path": "a.py",
                    "line": 3,
                    "column": 0,
                    "messageId": "W5808",
                    "symbol": "deprecated-warn",
                    "message": "warn",
                }
            ],
            "statistics": {},
        }

        parsed = parse_pylint(json.dumps(data), "pylint.json")

        assert _findings(parsed) == [("a.py", 3, 0, "LOG008", "LOG008")]

    def test_broken_json_is_an_input_error(self) -> None:
        with pytest.raises(InputError, match="not valid JSON"):
            parse_pylint('[{"path": ', "pylint.json")


class TestRuff:
    def test_json_codes_map_onto_our_rules_and_columns_become_zero_based(self) -> None:
        entries = [
            {
                "code": code,
                "message": "m",
                "filename": "/proj/app.py",
                "location": {"row": row, "column": 5},
            }
            for row, code in enumerate(
                ["E722", "BLE001", "S110", "G004", "T201", "B904", "TRY400", "LOG015"],
                start=1,
            )
        ]

        parsed = parse_ruff(json.dumps(entries), "ruff.json")

        assert _findings(parsed) == [
            ("/proj/app.py", 1, 4, "LOG016", "E722"),
            ("/proj/app.py", 2, 4, "LOG017", "BLE001"),
            ("/proj/app.py", 3, 4, "LOG018", "S110"),
            ("/proj/app.py", 4, 4, "LOG011", "G004"),
            ("/proj/app.py", 5, 4, "LOG025", "T201"),
            ("/proj/app.py", 6, 4, "LOG022", "B904"),
            ("/proj/app.py", 7, 4, "LOG005", "TRY400"),
            ("/proj/app.py", 8, 4, "LOG015", "LOG015"),
        ]

    def test_syntax_errors_other_rules_and_broken_entries(self) -> None:
        entries = [
            {
                "code": None,
                "message": "SyntaxError: unexpected indent",
                "filename": "bad.py",
                "location": {"row": 1, "column": 1},
            },
            {
                "code": "F401",
                "message": "unused",
                "filename": "a.py",
                "location": {"row": 1, "column": 1},
            },
            {"code": "E722", "filename": "a.py"},
        ]

        parsed = parse_ruff(json.dumps(entries), "ruff.json")

        assert parsed.findings == []
        assert parsed.unreadable == ["bad.py: SyntaxError: unexpected indent"]
        assert dict(parsed.other_rules) == {"F401": 1}
        assert [(s.number, s.reason) for s in parsed.skipped] == [
            (3, "not a ruff diagnostic")
        ]

    def test_concise_text_output(self) -> None:
        text = textwrap.dedent(
            """\
            app.py:4:5: E722 [*] Do not use bare `except`
            app.py:9:1: F401 `os` imported but unused
            Found 2 errors.
            [*] 1 fixable with the `--fix` option.
            """
        )

        parsed = parse_ruff(text, "ruff.txt")

        assert _findings(parsed) == [("app.py", 4, 4, "LOG016", "E722")]
        assert parsed.findings[0].message == "Do not use bare `except`"
        assert dict(parsed.other_rules) == {"F401": 1}
        assert parsed.frame_lines == 2
        assert parsed.skipped == []

    def test_broken_json_is_an_input_error(self) -> None:
        with pytest.raises(InputError, match="not valid JSON"):
            parse_ruff('[{"code": "E722",', "ruff.json")

    def test_text_that_is_not_ruff_output_is_skipped_line_by_line(self) -> None:
        parsed = parse_ruff('{"code": "E722"}\n', "ruff.json")

        assert parsed.findings == []
        assert parsed.skipped == [
            SkippedLine("ruff.json", 1, '{"code": "E722"}', "not a ruff finding")
        ]
