"""``logerr rules`` and ``logerr explain``: both read only the rule table."""

from __future__ import annotations

import json
import textwrap

import pytest

from flake8_logerr.cli import main
from flake8_logerr.registry import INTERNAL_ERROR, RULES, Rule


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


class TestRules:
    def test_one_row_per_rule_in_code_order(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        status, out, err = run(capsys, "rules")

        header, *rows = out.splitlines()
        assert (status, err) == (0, "")
        assert header.split() == ["code", "symbol", "category", "priority", "summary"]
        assert [row.split()[0] for row in rows] == sorted(RULES)

    @pytest.mark.parametrize("code", sorted(RULES))
    def test_row_holds_the_table_fields(
        self, capsys: pytest.CaptureFixture[str], code: str
    ) -> None:
        rule = RULES[code]

        _, out, _ = run(capsys, "rules")

        [row] = [line for line in out.splitlines() if line.startswith(code)]
        assert row.split()[:4] == [code, rule.name, rule.category, rule.priority]
        assert row.endswith(rule.summary)

    def test_columns_line_up(self, capsys: pytest.CaptureFixture[str]) -> None:
        _, out, _ = run(capsys, "rules")

        lines = out.splitlines()
        starts = {line.index(RULES[line[:6]].summary) for line in lines[1:]}
        assert starts == {lines[0].index("summary")}

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        status, out, _ = run(capsys, "rules", "--format", "json")

        rows = json.loads(out)
        assert status == 0
        assert [row["code"] for row in rows] == sorted(RULES)
        assert rows[0] == {
            "code": "LOG001",
            "symbol": RULES["LOG001"].name,
            "category": RULES["LOG001"].category,
            "priority": RULES["LOG001"].priority,
            "summary": RULES["LOG001"].summary,
            "url": RULES["LOG001"].url,
        }


def indented(text: str) -> str:
    """A registry field as ``explain`` prints it: dedented, then indented."""
    return textwrap.indent(textwrap.dedent(text).strip("\n"), "    ")


class TestExplain:
    @pytest.mark.parametrize("code", sorted(RULES))
    def test_every_field_of_the_rule(
        self, capsys: pytest.CaptureFixture[str], code: str
    ) -> None:
        rule = RULES[code]

        status, out, err = run(capsys, "explain", code)

        assert (status, err) == (0, "")
        assert out.startswith(f"{rule.code} {rule.name}\n")
        assert f"priority: {rule.priority}" in out
        assert f"category: {rule.category}" in out
        assert indented(rule.summary) in out
        for text in (rule.why, rule.bad, rule.good, rule.limitations, rule.testing):
            if text.strip():
                assert indented(text) in out
        for key in rule.options:
            assert f"--{key}: " in out
        for reference in rule.references:
            assert reference in out
        assert out.endswith(f"Documentation: {rule.url}\n")

    def test_sections_in_order(self, capsys: pytest.CaptureFixture[str]) -> None:
        rule = Rule(
            code="LOG011",
            name="demo",
            message="demo {}",
            category="performance",
            priority="low",
            pylint_id="C5811",
            summary="a summary",
            why="why",
            bad="bad()",
            good="good()",
            testing="test it",
            limitations="misses some",
            options=("logger-names",),
            references=("https://example.org/ref",),
        )
        from flake8_logerr.commands.explain import explanation

        text = explanation(rule)

        headings = [line for line in text.splitlines() if line and line[0].isupper()]
        assert headings == [
            "LOG011 demo",
            "Summary",
            "Why it matters",
            "Example (flagged)",
            "Use instead",
            "Options",
            "Known limitations",
            "Testing the fix",
            "References",
            f"Documentation: {rule.url}",
        ]
        assert "message: LOG011 demo …" in text
        assert "    --logger-names: extra variable or attribute names" in text

    @pytest.mark.parametrize("name", ["log011", " LOG011", "pre-formatted-message"])
    def test_code_in_any_case_or_symbol(
        self, capsys: pytest.CaptureFixture[str], name: str
    ) -> None:
        status, out, _ = run(capsys, "explain", name)

        assert status == 0
        assert out.startswith("LOG011 pre-formatted-message\n")

    def test_internal_error_code(self, capsys: pytest.CaptureFixture[str]) -> None:
        status, out, _ = run(capsys, "explain", "LOG000")

        assert status == 0
        assert out.startswith(f"LOG000 {INTERNAL_ERROR.name}\n")

    def test_unknown_code_is_an_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        status, out, err = run(capsys, "explain", "LOG999")

        assert (status, out) == (2, "")
        assert err == (
            "logerr explain: unknown rule 'LOG999'; `logerr rules` lists them all\n"
        )

    def test_near_miss_gets_a_suggestion(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        status, _, err = run(capsys, "explain", "pre-formated-message")

        assert status == 2
        assert "(did you mean pre-formatted-message?)" in err

    def test_missing_argument_is_a_usage_error(self) -> None:
        with pytest.raises(SystemExit) as exit_info:
            main(["explain"])

        assert exit_info.value.code == 2
