"""The rewriting engine behind ``logerr fix`` and the report's solutions.

``fix_source`` applies every automatic fix (safe ones, and unsafe ones when
asked) until the file is stable. ``rewrite_for`` rewrites one finding:
with its automatic fix when the rule has one, else with the change the
rule's explanation recommends (a "suggestion", which ``logerr fix`` never
applies). Both go through the same fixers, so the report shows exactly what
the command would write.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from flake8_logerr.core import Finding
from flake8_logerr.files import apply_noqa, select_findings
from flake8_logerr.fixes.calls import (
    fix_log002,
    fix_log005,
    fix_log006,
    fix_log007,
    fix_log008,
    fix_log009,
    fix_log015,
    fix_log020,
)
from flake8_logerr.fixes.engine import (
    SAFE,
    SUGGESTION,
    UNSAFE,
    Analysis,
    CannotFix,
    Edit,
    apply_edits,
    compiles,
)
from flake8_logerr.fixes.handlers import fix_log016, fix_log022
from flake8_logerr.fixes.messages import fix_log011
from flake8_logerr.fixes.setup import fix_log026
from flake8_logerr.fixes.suggestions import NO_AUTOMATIC_FIX
from flake8_logerr.fixes.suggestions import SUGGESTIONS as _SUGGESTIONS
from flake8_logerr.settings import DEFAULT_SETTINGS, Settings

__all__ = [
    "AUTOMATIC",
    "SUGGESTIONS",
    "FixResult",
    "Rewrite",
    "fix_source",
    "rewrite_for",
]

logger = logging.getLogger(__name__)

Fixer = Callable[[Analysis, Finding], Edit]

# Rule -> (kind, fixer) for the fixes ``logerr fix`` applies.
AUTOMATIC: dict[str, tuple[str, Fixer]] = {
    "LOG002": (SAFE, fix_log002),
    "LOG005": (SAFE, fix_log005),
    "LOG006": (SAFE, fix_log006),
    "LOG007": (SAFE, fix_log007),
    "LOG008": (SAFE, fix_log008),
    "LOG009": (SAFE, fix_log009),
    "LOG011": (SAFE, fix_log011),
    "LOG015": (SAFE, fix_log015),
    "LOG020": (SAFE, fix_log020),
    "LOG022": (SAFE, fix_log022),
    "LOG016": (UNSAFE, fix_log016),
    "LOG026": (UNSAFE, fix_log026),
}

# Rule -> the rewrite its explanation recommends, for the report only.
SUGGESTIONS: dict[str, Fixer] = _SUGGESTIONS

# A fix that keeps enabling another stops after this many rounds.
MAX_ROUNDS = 10


@dataclass(frozen=True)
class Rewrite:
    """The whole file with one finding rewritten."""

    new_source: str
    kind: str  # "safe", "unsafe" or "suggestion"
    note: str


@dataclass
class FixResult:
    """What ``fix_source`` did to one file."""

    new_source: str
    applied: list[tuple[Finding, str]] = field(default_factory=list)
    skipped: list[tuple[Finding, str]] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.applied)


@lru_cache(maxsize=4)
def _analysis(source: str, filename: str, settings: Settings) -> Analysis:
    # The report asks for every finding of a file in turn: parse it once.
    return Analysis(source, filename, settings)


def rewrite_for(
    source: str,
    finding: Finding,
    filename: str = "<string>",
    settings: Settings | None = None,
) -> Rewrite | None:
    """``source`` with only ``finding`` rewritten, or None when nothing fits.

    The automatic fix comes first; when the rule has none, or it cannot be
    applied at this place, the rule's recommended rewrite is offered as a
    suggestion. Raises ``SyntaxError`` when ``source`` does not parse.
    """
    analysis = _analysis(source, filename, settings or DEFAULT_SETTINGS)
    for fixer in _fixers_for(finding.code):
        try:
            edit = fixer(analysis, finding)
        except CannotFix as exc:
            logger.debug("no rewrite of %s here: %s", finding.code, exc)
            continue
        except Exception:  # a bug in one fixer must not stop the report
            logger.debug("rewrite of %s failed", finding.code, exc_info=True)
            continue
        new_source = _try_apply(analysis, [edit])
        if new_source is not None and new_source != source:
            return Rewrite(new_source, edit.kind, edit.note)
    return None


def _fixers_for(code: str) -> list[Fixer]:
    found = []
    if code in AUTOMATIC:
        found.append(AUTOMATIC[code][1])
    if code in SUGGESTIONS:
        found.append(SUGGESTIONS[code])
    return found


def fix_source(
    source: str,
    filename: str = "<string>",
    settings: Settings | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    unsafe: bool = False,
) -> FixResult:
    """Apply the automatic fixes to ``source`` until nothing more changes.

    Only findings of selected codes that no ``# noqa`` silences are fixed;
    unsafe fixes only when ``unsafe`` is true. Raises ``SyntaxError`` when
    ``source`` does not parse.
    """
    settings = settings or DEFAULT_SETTINGS
    result = FixResult(source)
    seen = {source}
    failed: dict[Finding, str] = {}

    for _ in range(MAX_ROUNDS):
        failed = {}
        analysis = Analysis(result.new_source, filename, settings)
        findings = _selected(analysis, select, ignore)
        edits, _ = _attempt(analysis, findings, unsafe)
        if not edits:
            break
        new_source, kept, failed = _apply_round(analysis, edits)
        if not kept or new_source in seen:
            failed.update(
                {f: "the fix does not settle; left as it was" for f, _ in kept}
            )
            break
        seen.add(new_source)
        result.applied.extend((finding, edit.note) for finding, edit in kept)
        result.new_source = new_source
    else:
        analysis = Analysis(result.new_source, filename, settings)
        findings = _selected(analysis, select, ignore)

    _, reasons = _attempt(analysis, findings, unsafe)
    for finding in findings:
        reason = failed.get(finding) or reasons.get(finding) or _why_not(finding.code)
        result.skipped.append((finding, reason))
    return result


def _selected(
    analysis: Analysis, select: Sequence[str], ignore: Sequence[str]
) -> list[Finding]:
    findings = apply_noqa(analysis.findings, analysis.source)
    return select_findings(findings, select, ignore)


def _attempt(
    analysis: Analysis, findings: Sequence[Finding], unsafe: bool
) -> tuple[list[tuple[Finding, Edit]], dict[Finding, str]]:
    """The edits the automatic fixers make, and why the others made none."""
    edits: list[tuple[Finding, Edit]] = []
    reasons: dict[Finding, str] = {}
    for finding in findings:
        kind, fixer = AUTOMATIC.get(finding.code, (None, None))
        if fixer is None or (kind == UNSAFE and not unsafe):
            continue
        try:
            edit = fixer(analysis, finding)
        except CannotFix as exc:
            reasons[finding] = str(exc)
            continue
        except Exception as exc:  # a bug in one fixer must not stop the run
            logger.debug("fixer for %s failed", finding.code, exc_info=True)
            reasons[finding] = f"internal error in the fix ({type(exc).__name__})"
            continue
        edits.append((finding, edit))
    return edits, reasons


def _apply_round(
    analysis: Analysis, edits: list[tuple[Finding, Edit]]
) -> tuple[str, list[tuple[Finding, Edit]], dict[Finding, str]]:
    """Apply the round's edits together; drop any that breaks the file."""
    failed: dict[Finding, str] = {}
    new_source = _try_apply(analysis, [edit for _, edit in edits])
    if new_source is not None:
        return new_source, edits, failed

    # Find the culprits one by one, then apply the others together.
    kept = []
    for finding, edit in edits:
        if _try_apply(analysis, [edit]) is None:
            failed[finding] = "the rewrite would not compile; left as it was"
        else:
            kept.append((finding, edit))
    new_source = _try_apply(analysis, [edit for _, edit in kept])
    if new_source is None:
        failed.update(
            {
                f: "the rewrites clash with each other; left as they were"
                for f, _ in kept
            }
        )
        return analysis.source, [], failed
    return new_source, kept, failed


def _try_apply(analysis: Analysis, edits: Sequence[Edit]) -> str | None:
    try:
        new_source = apply_edits(analysis, edits).code
    except Exception:  # reported: the edit is left out
        logger.debug("applying %d edits failed", len(edits), exc_info=True)
        return None
    if compiles(new_source, analysis.filename):
        return new_source
    return None


def _why_not(code: str) -> str:
    if code in AUTOMATIC and AUTOMATIC[code][0] == UNSAFE:
        return "unsafe fix (it can change behaviour): run with --unsafe-fixes"
    if code in AUTOMATIC:
        return "the fix could not be applied here"
    return NO_AUTOMATIC_FIX.get(code, "no automatic fix for this rule")


# Kinds re-exported for the report.
KINDS = (SAFE, UNSAFE, SUGGESTION)
