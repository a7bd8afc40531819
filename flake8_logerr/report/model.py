"""Plain records the report is built from, shared by its modules."""

from __future__ import annotations

from dataclasses import dataclass, field

from flake8_logerr.core import Finding
from flake8_logerr.registry import PRIORITIES, Rule


def priority_rank(priority: str) -> int:
    """0 for critical, then high, medium, low; unknown names sort last."""
    try:
        return PRIORITIES.index(priority)
    except ValueError:
        return len(PRIORITIES)


@dataclass(frozen=True)
class SkippedLine:
    """A line of lint output that is not a finding, kept to be named."""

    origin: str
    number: int
    text: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}:{self.number}: {self.reason}: {self.text}"


@dataclass(frozen=True)
class Place:
    """One place a rule fired, with what the report needs to say about it."""

    path: str
    finding: Finding
    priority: str
    in_tests: bool
    # Qualified name of the innermost function ("Class.method"), if any.
    function: str | None = None
    # The lint tool's own code when the finding was imported (e.g. "E722").
    tool_code: str | None = None

    @property
    def line(self) -> int:
        return self.finding.line

    @property
    def code(self) -> str:
        return self.finding.code

    @property
    def where(self) -> str:
        return f"{self.path}:{self.finding.line}"

    def sort_key(self) -> tuple[bool, int, str, int, int]:
        """Most important first; places in test code after all the others."""
        return (
            self.in_tests,
            priority_rank(self.priority),
            self.path,
            self.finding.line,
            self.finding.col,
        )


@dataclass
class RuleGroup:
    """Every place one rule fired: one finding file of the report."""

    rule: Rule
    places: list[Place]
    number: int = 0

    @property
    def main_places(self) -> list[Place]:
        return [place for place in self.places if not place.in_tests]

    @property
    def test_places(self) -> list[Place]:
        return [place for place in self.places if place.in_tests]

    @property
    def priority(self) -> str:
        """The most urgent priority among the places (the rule's by default)."""
        ranked = sorted(self.places, key=lambda place: priority_rank(place.priority))
        return ranked[0].priority if ranked else self.rule.priority

    @property
    def filename(self) -> str:
        return f"finding-{self.number:03d}-{self.rule.category}-{self.rule.slug}.md"

    def sort_key(self) -> tuple[int, int, int, str]:
        """Action-item order: priority, then how many places the rule hits."""
        return (
            priority_rank(self.priority),
            -len(self.main_places),
            -len(self.places),
            self.rule.code,
        )


@dataclass(frozen=True)
class Evidence:
    """Something the code shows, at a place: ``path:line`` and a short text."""

    path: str
    line: int
    text: str

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass
class InputSummary:
    """What reading the findings gave besides the findings themselves."""

    # Human description of where the findings came from.
    origin: str
    skipped: list[SkippedLine] = field(default_factory=list)
    # Findings of rules that are not about logging, by the tool's code.
    other_rules: dict[str, int] = field(default_factory=dict)
    # Lines that repeated a finding already listed (merged, not lost).
    duplicates: int = 0
    # Files that could not be checked, with the reason.
    unreadable: list[str] = field(default_factory=list)
    # Findings dropped by --diff because their line did not change.
    outside_diff: int = 0
