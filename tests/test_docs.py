"""The rule pages and the configuration page match the rule table."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_logerr import check_source
from flake8_logerr.docgen import RULE_HEADINGS, expected_pages
from flake8_logerr.registry import RULES

DOCS = Path(__file__).resolve().parent.parent / "docs"
CODES = sorted(RULES)


@pytest.mark.parametrize("path", sorted(expected_pages(DOCS)), ids=lambda p: p.name)
def test_page_is_up_to_date(path: Path) -> None:
    # Regenerate with: python -m flake8_logerr.docgen
    assert path.exists(), f"{path} is missing"
    assert path.read_text(encoding="utf-8") == expected_pages(DOCS)[path]


@pytest.mark.parametrize("code", CODES)
def test_page_has_every_heading_in_order(code: str) -> None:
    text = (DOCS / "rules" / f"{code}.md").read_text(encoding="utf-8")
    positions = [text.find(f"\n## {heading}\n") for heading in RULE_HEADINGS]

    assert -1 not in positions
    assert positions == sorted(positions)


@pytest.mark.parametrize("code", CODES)
def test_rule_has_its_long_form_fields(code: str) -> None:
    rule = RULES[code]

    assert rule.why.strip()
    assert rule.bad.strip()
    assert rule.good.strip()
    assert rule.testing.strip()
    assert rule.references


@pytest.mark.parametrize("code", CODES)
def test_example_raises_exactly_its_rule(code: str) -> None:
    findings = check_source(RULES[code].bad, filename="example.py")

    assert {f.code for f in findings} == {code}


@pytest.mark.parametrize("code", CODES)
def test_use_instead_raises_nothing(code: str) -> None:
    assert check_source(RULES[code].good, filename="example.py") == []
