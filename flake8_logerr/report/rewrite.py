"""The one rewriting engine, as the report sees it.

``logerr fix`` and the report's "Recommended Solution" both come from
``flake8_logerr.fixes.rewrite_for``: the report shows exactly the lines the
fix would write at a place, cut out of the rewritten file with ``difflib``.
"""

from __future__ import annotations

import difflib
import importlib
import io
import logging
import tokenize
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from flake8_logerr.core import Finding
from flake8_logerr.settings import Settings

logger = logging.getLogger(__name__)

# Lines of unchanged code shown around each change.
CONTEXT = 1
# A rewrite that touches more regions than this is cut short in the report.
MAX_BLOCKS = 3


class RewriteLike(Protocol):
    """What the engine returns for one finding."""

    @property
    def new_source(self) -> str: ...

    @property
    def kind(self) -> str: ...

    @property
    def note(self) -> str: ...


RewriteFor = Callable[[str, Finding, str, Settings], "RewriteLike | None"]


def default_engine() -> RewriteFor | None:
    """``flake8_logerr.fixes.rewrite_for`` if the engine provides it."""
    try:
        module = importlib.import_module("flake8_logerr.fixes")
    except ImportError:
        logger.debug("the rewriting engine cannot be imported", exc_info=True)
        return None
    engine = getattr(module, "rewrite_for", None)
    return engine if callable(engine) else None


@dataclass(frozen=True)
class ShownLine:
    """One line of a shown block; ``number`` is None for an annotation."""

    number: int | None
    text: str
    changed: bool
    # False where a trailing ``# comment`` would change the code (inside a
    # multi-line string, after a backslash) or the line has a comment already.
    can_comment: bool = True


def no_comment_lines(source: str) -> set[int]:
    """Line numbers (1-based) that must not get a trailing comment."""
    lines = source.splitlines()
    blocked = {
        n for n, text in enumerate(lines, start=1) if text.rstrip().endswith("\\")
    }
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        return set(range(1, len(lines) + 1))
    for token in tokens:
        if token.type == tokenize.COMMENT:
            blocked.add(token.start[0])
        elif token.start[0] != token.end[0]:
            # A token over several lines: only its last line may end in a comment.
            blocked.update(range(token.start[0], token.end[0]))
    return blocked


@dataclass
class Solution:
    """What the report shows as the recommended code for one place."""

    # "safe", "unsafe" or "suggestion" from the engine; "none" without one.
    kind: str
    note: str
    blocks: list[list[ShownLine]] = field(default_factory=list)
    # Why there is no rewrite, when there is none.
    missing: str = ""
    # Index of the block that holds the finding's own line.
    focus: int = 0


def solve(
    engine: RewriteFor | None,
    source: str,
    finding: Finding,
    filename: str,
    settings: Settings,
    focus: tuple[int, int],
) -> Solution:
    """Ask the engine for ``finding`` and cut out the lines it changes."""
    if engine is None:
        return Solution("none", "", missing="the rewriting engine is not available")
    try:
        rewrite = engine(source, finding, filename, settings)
    except Exception as exc:
        logger.debug(
            "rewrite of %s at %s failed", finding.code, filename, exc_info=True
        )
        return Solution(
            "none",
            "",
            missing=f"the rewriting engine failed here ({type(exc).__name__})",
        )
    if rewrite is None or rewrite.new_source == source:
        return Solution("none", "")

    old_lines = source.splitlines()
    new_lines = rewrite.new_source.splitlines()
    blocked = no_comment_lines(rewrite.new_source)
    blocks = [
        [
            ShownLine(line.number, line.text, line.changed, line.number not in blocked)
            for line in block
        ]
        for block in changed_blocks(old_lines, new_lines, focus)
    ]
    line = new_line_of(old_lines, new_lines, finding.line)
    held = [
        index
        for index, block in enumerate(blocks)
        if any(shown.number == line for shown in block)
    ]
    return Solution(
        rewrite.kind, rewrite.note.strip(), blocks, focus=held[0] if held else 0
    )


def new_line_of(old: list[str], new: list[str], line: int) -> int:
    """Where old line ``line`` (1-based) is in the new file."""
    opcodes = difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes()
    return _map_start(opcodes, max(0, line - 1)) + 1


def changed_blocks(
    old: list[str], new: list[str], focus: tuple[int, int]
) -> list[list[ShownLine]]:
    """Regions of ``new`` that replace changed lines of ``old``.

    ``focus`` (1-based, inclusive) is the excerpt quoted as the current
    state; it is always shown, so the reader sees the same code before and
    after. Other changes (an import added at the top) get blocks of their own.
    """
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    opcodes = matcher.get_opcodes()

    ranges: list[tuple[int, int]] = []
    if old:
        ranges.append((max(0, focus[0] - 1), min(len(old), focus[1])))
    for tag, i1, i2, _j1, _j2 in opcodes:
        if tag != "equal":
            ranges.append((max(0, i1 - CONTEXT), min(len(old), i2 + CONTEXT)))
    merged = _merge(ranges)

    changed_new: set[int] = set()
    for tag, _i1, _i2, j1, j2 in opcodes:
        if tag != "equal":
            changed_new.update(range(j1, j2))

    blocks = []
    for start, end in merged:
        new_start = _map_start(opcodes, start)
        new_end = _map_end(opcodes, end, new_start)
        block = [
            ShownLine(index + 1, new[index], index in changed_new)
            for index in range(new_start, new_end)
        ]
        if block:
            blocks.append(block)

    if len(blocks) <= MAX_BLOCKS:
        return blocks
    # Too many changes to show: keep the one holding the finding and the
    # nearest others, in file order.
    focus_number = _map_start(opcodes, max(0, focus[0] - 1)) + 1
    nearest = sorted(blocks, key=lambda b: abs((b[0].number or 0) - focus_number))
    return sorted(nearest[:MAX_BLOCKS], key=lambda b: b[0].number or 0)


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


Opcode = tuple[str, int, int, int, int]
Opcodes = Sequence[Opcode]


def _map_start(opcodes: Opcodes, index: int) -> int:
    """Where old line ``index`` (0-based) begins in the new file."""
    for tag, i1, i2, j1, _j2 in opcodes:
        if i1 == i2 == index:
            # Lines inserted right before it belong with it.
            return j1
        if i1 <= index < i2:
            return j1 + (index - i1) if tag == "equal" else j1
    return opcodes[-1][4] if opcodes else 0


def _map_end(opcodes: Opcodes, end: int, floor: int) -> int:
    """Where the old lines before ``end`` (0-based, exclusive) end in the new file.

    A change that starts inside the range is shown whole.
    """
    result = floor
    for tag, i1, i2, j1, j2 in opcodes:
        if i1 >= end:
            break
        if tag == "equal":
            result = max(result, j1 + (min(i2, end) - i1))
        else:
            result = max(result, j2)
    return result
