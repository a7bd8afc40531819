"""One finding file: every place one rule fired, and how to fix each.

Sections: Issue Description, Location, Current State, Recommended Solution,
Why This Helps, Implementation Steps, Testing Recommendations. Every code
excerpt is the real file with its line numbers; every rewrite comes from the
engine ``logerr fix`` uses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flake8_logerr.registry import CATEGORY_SECTION, Rule
from flake8_logerr.report.collect import ReportData
from flake8_logerr.report.model import Place, RuleGroup
from flake8_logerr.report.rewrite import ShownLine, Solution, no_comment_lines, solve
from flake8_logerr.report.sources import SourceFile, module_name
from flake8_logerr.report.testgen import recommend_test
from flake8_logerr.report.text import (
    MAX_CODE_WIDTH,
    code,
    code_block,
    fence,
    first_sentence,
    join_words,
    plural,
    quoted_line,
)
from flake8_logerr.report.wording import BENEFITS, HINTS

# Places shown with their code in full; the others are listed under Location.
MAX_DETAILED = 10

SECTIONS = (
    "Issue Description",
    "Location",
    "Current State",
    "Recommended Solution",
    "Why This Helps",
    "Implementation Steps",
    "Testing Recommendations",
)

KIND_INTRO = {
    "safe": "`logerr fix` writes exactly this; it is a safe fix, applied "
    "automatically:",
    "unsafe": "`logerr fix --unsafe-fixes` writes exactly this. It is marked "
    "unsafe because it can change what the program does, so read it before "
    "you apply it:",
    "suggestion": "This is the rewrite the rule recommends for this place. "
    "`logerr fix` does not apply it on its own, because it needs a person's "
    "judgement:",
}


@dataclass
class PlaceView:
    """A place with its source and the rewrite the engine offers for it."""

    place: Place
    source: SourceFile
    span: tuple[int, int]
    solution: Solution | None = None

    @property
    def title(self) -> str:
        inside = f" in {code(self.place.function)}" if self.place.function else ""
        return f"{code(self.place.where)}{inside}"


def place_views(data: ReportData, group: RuleGroup) -> list[PlaceView]:
    """The detailed places of ``group``, with their rewrites."""
    views = []
    for place in group.places[:MAX_DETAILED]:
        source = data.cache.get(place.path)
        view = PlaceView(place, source, source.excerpt_span(place.line))
        view.solution = solution_for(data, place)
        views.append(view)
    return views


def solution_for(data: ReportData, place: Place) -> Solution | None:
    """The engine's rewrite of ``place``, asked once; None without code."""
    key = (place.path, place.line, place.finding.col, place.code)
    if key in data.solutions:
        return data.solutions[key]
    source = data.cache.get(place.path)
    solution = None
    if source.readable and place.line <= len(source.lines):
        solution = solve(
            data.request.engine,
            "".join(source.lines),
            place.finding,
            place.path,
            data.request.settings,
            source.excerpt_span(place.line),
        )
    data.solutions[key] = solution
    return solution


def prepare_solutions(data: ReportData) -> None:
    """Ask the engine for every detailed place, file by file.

    The engine parses a file once for several findings in a row, so asking
    in file order (rather than rule by rule) saves most of the parsing.
    """
    places = [place for group in data.groups for place in group.places[:MAX_DETAILED]]
    for place in sorted(places, key=lambda p: (p.path, p.line, p.finding.col, p.code)):
        solution_for(data, place)


def render_finding(data: ReportData, group: RuleGroup, summary_name: str) -> str:
    """The Markdown of one finding file."""
    rule = group.rule
    views = place_views(data, group)
    parts = [
        _header(data, group, summary_name),
        _issue(group, views),
        _location(data, group),
        _current_state(group, views),
        _solution(group, views),
        _why(group),
        _steps(data, group, views),
        _testing(data, group, views),
        f"---\n\nRule reference: `logerr explain {rule.code}` · <{rule.url}>",
    ]
    return "\n\n".join(part.rstrip() for part in parts if part) + "\n"


def _header(data: ReportData, group: RuleGroup, summary_name: str) -> str:
    rule = group.rule
    section = CATEGORY_SECTION.get(rule.category, "Code Quality")
    files = sorted({place.path for place in group.places})
    counts = plural(len(group.main_places), "place")
    if group.test_places:
        counts += f" (and {len(group.test_places)} in test code, counted apart)"
    return "\n".join(
        [
            f"# Finding {group.number:03d}: {rule.code} {rule.name}",
            "",
            f"[Back to the summary](../{summary_name})",
            "",
            f"- **Rule:** `{rule.code}` {rule.name}: {rule.summary}",
            f"- **Category:** {rule.category} (reported under {section})",
            f"- **Priority:** {group.priority}",
            f"- **Places:** {counts} in {plural(len(files), 'file')}",
        ]
    )


def _issue(group: RuleGroup, views: list[PlaceView]) -> str:
    rule = group.rule
    first = group.places[0]
    inside = (
        f"In {code(first.function)}, at" if first.function else "At module level, at"
    )
    lines = [
        "## Issue Description",
        "",
        f"{inside} {code(first.where)}, logerr reports: “{first.finding.message}”.",
    ]
    others = len(group.places) - 1
    if others:
        files = len({p.path for p in group.places})
        lines.append(
            f"The same rule fires at {plural(others, 'more place')} "
            f"({plural(files, 'file')} in all); every one is listed below."
        )
    why = first_sentence(rule.why) if rule.why else ""
    if why:
        lines += ["", f"In plain words: {why}"]
    if views and views[0].solution is not None and views[0].solution.kind in KIND_INTRO:
        kind = views[0].solution.kind
        fixable = {
            "safe": "The good news: `logerr fix` can make this change for you.",
            "unsafe": "`logerr fix --unsafe-fixes` can make this change for you, "
            "after you have read it.",
            "suggestion": "The change is small, and each place below shows it "
            "written out for that code.",
        }[kind]
        lines += ["", fixable]
    return "\n".join(lines)


def _location(data: ReportData, group: RuleGroup) -> str:
    lines = ["## Location", ""]
    lines += [_location_item(data, place, group.rule) for place in group.main_places]
    if not group.main_places:
        lines.append("No place outside test code.")
    if group.test_places:
        lines += [
            "",
            (
                f"### In test code ({plural(len(group.test_places), 'place')}, counted "
                "apart)"
            ),
            "",
        ]
        lines += [
            _location_item(data, place, group.rule) for place in group.test_places
        ]
    return "\n".join(lines)


def _location_item(data: ReportData, place: Place, rule: Rule) -> str:
    source = data.cache.get(place.path)
    inside = f" in {code(place.function)}" if place.function else ""
    extra = []
    if place.priority != rule.priority:
        extra.append(f"priority {place.priority} here")
    if place.tool_code:
        extra.append(f"reported as `{place.tool_code}`")
    note = f" ({'; '.join(extra)})" if extra else ""
    if not source.readable:
        return f"- {code(place.where)}{note}: {source.problem}"
    if place.line > len(source.lines):
        return (
            f"- {code(place.where)}{note}: the file now has only "
            f"{plural(len(source.lines), 'line')}; it changed after the lint run"
        )
    return (
        f"- {code(place.where)}{inside}{note}: "
        f"{quoted_line(source.line_text(place.line))}"
    )


def _current_state(group: RuleGroup, views: list[PlaceView]) -> str:
    lines = ["## Current State", ""]
    lines.append(_detail_note(group))
    for index, view in enumerate(views, start=1):
        lines += ["", f"### {index}. {view.title}", ""]
        missing = _missing_source(view)
        if missing:
            lines.append(missing)
            continue
        start, end = view.span
        rows = [(n, view.source.line_text(n)) for n in range(start, end + 1)]
        lines.append(code_block(rows))
    return "\n".join(lines)


def _detail_note(group: RuleGroup) -> str:
    shown = min(len(group.places), MAX_DETAILED)
    if shown == len(group.places):
        if shown == 1:
            return "The code as it is today:"
        return f"The code as it is today, at each of the {shown} places:"
    rest = len(group.places) - shown
    return (
        f"The code as it is today at the first {shown} places; the other "
        f"{plural(rest, 'place')} follow the same pattern and are quoted under "
        "Location."
    )


def _missing_source(view: PlaceView) -> str:
    if not view.source.readable:
        return (
            f"> No code to quote: {view.source.problem}. The place is kept as the "
            "lint tool reported it, so the counts stay right."
        )
    if view.place.line > len(view.source.lines):
        return (
            f"> No code to quote: line {view.place.line} is past the end of the file "
            f"({plural(len(view.source.lines), 'line')}), which changed after the lint "
            "run."
        )
    return ""


def _solution(group: RuleGroup, views: list[PlaceView]) -> str:
    rule = group.rule
    lines = ["## Recommended Solution", ""]
    lines.append(
        "Each place as it should read, with the line numbers of the rewritten file; "
        "a `# <-` comment marks the lines that change."
    )
    manual = False
    # Blocks beside the place itself (an import, a module logger) that an
    # earlier place of the same file already showed: said, not repeated.
    shown: dict[tuple[str, tuple[str, ...]], int] = {}
    for index, view in enumerate(views, start=1):
        lines += ["", f"### {index}. {view.title}", ""]
        missing = _missing_source(view)
        if missing:
            lines.append(missing)
            manual = True
            continue
        solution = view.solution
        assert solution is not None
        if solution.kind in KIND_INTRO:
            lines.append(KIND_INTRO[solution.kind])
            if solution.note:
                lines += ["", f"> {solution.note}"]
            repeated = _repeated_blocks(solution, view.place.path, index, shown)
            lines += ["", code_block(_solution_rows(solution, rule, set(repeated)))]
            for block, earlier in sorted(repeated.items()):
                numbers = [
                    s.number
                    for s in solution.blocks[block]
                    if _changed_code(s) and s.number
                ]
                where = f"lines {min(numbers)}–{max(numbers)}"
                if len(set(numbers)) == 1:
                    where = f"line {numbers[0]}"
                lines += [
                    "",
                    (
                        f"The same fix also changes {where} of the file, as shown "
                        f"for place {earlier} above."
                    ),
                ]
        else:
            manual = True
            reason = f" ({solution.missing})" if solution.missing else " for this place"
            lines.append(
                f"There is no automatic rewrite{reason}, so the change is yours to "
                "make at the marked line:"
            )
            lines += ["", code_block(_manual_rows(view, rule))]
    if manual and rule.good:
        lines += [
            "",
            (
                "For the places without a rewrite, the pattern to follow, from the "
                "rule's documentation:"
            ),
            "",
            fence(rule.good),
        ]
    return "\n".join(lines)


def _indent(text: str) -> str:
    return text[: len(text) - len(text.lstrip())]


def _marked(
    rows: list[tuple[int | None, str]],
    number: int | None,
    text: str,
    comment: str,
    inline: bool,
) -> None:
    """Add a line with ``comment`` at its end, or just above it when that is unsafe."""
    if inline and len(text.rstrip()) + len(comment) + 6 <= MAX_CODE_WIDTH:
        rows.append((number, f"{text.rstrip()}  # <- {comment}"))
    else:
        rows.append((None, f"{_indent(text)}# <- {comment} (next line)"))
        rows.append((number, text))


def _repeated_blocks(
    solution: Solution,
    path: str,
    index: int,
    shown: dict[tuple[str, tuple[str, ...]], int],
) -> dict[int, int]:
    """Blocks (other than the place's own) shown already: block -> place number."""
    repeated = {}
    for number, block in enumerate(solution.blocks):
        if number == solution.focus:
            continue
        # Compared on the changed lines of code: the context around them, and
        # which blank line difflib counts as inserted, vary from place to place.
        key = (path, tuple(f"{s.number}:{s.text}" for s in block if _changed_code(s)))
        if key in shown:
            repeated[number] = shown[key]
        else:
            shown[key] = index
    return repeated


def _changed_code(line: ShownLine) -> bool:
    return line.changed and bool(line.text.strip())


def _solution_rows(
    solution: Solution, rule: Rule, skip: set[int] | None = None
) -> list[tuple[int | None, str]]:
    rows: list[tuple[int | None, str]] = []
    hint = HINTS.get(rule.code, rule.summary)
    focus = solution.focus
    for number, block in enumerate(solution.blocks):
        if skip and number in skip:
            continue
        if rows:
            rows.append((None, "..."))
        # The first changed line of code; a comment the fix added is not marked.
        code_lines = [
            line
            for line in block
            if line.changed
            and line.text.strip()
            and not line.text.lstrip().startswith("#")
        ]
        target = code_lines[0] if code_lines else None
        for line in block:
            if line is target:
                comment = hint if number == focus else "part of the same change"
                _marked(rows, line.number, line.text, comment, line.can_comment)
            else:
                rows.append((line.number, line.text))
    return rows


def _manual_rows(view: PlaceView, rule: Rule) -> list[tuple[int | None, str]]:
    start, end = view.span
    blocked = no_comment_lines("".join(view.source.lines))
    hint = HINTS.get(rule.code, rule.summary)
    rows: list[tuple[int | None, str]] = []
    for number in range(start, end + 1):
        text = view.source.line_text(number)
        if number == view.place.line:
            _marked(rows, number, text, f"change: {hint}", number not in blocked)
        else:
            rows.append((number, text))
    return rows


def _why(group: RuleGroup) -> str:
    rule = group.rule
    functions = _functions(group.main_places or group.places)
    lines = ["## Why This Helps", ""]
    if rule.why:
        lines += [" ".join(rule.why.split()), ""]
    benefit = BENEFITS.get(rule.code, "removes the problem this rule describes")
    where = f" in {join_words(functions)}" if functions else ""
    lines.append(
        f"Fixing the {plural(len(group.places), 'place')} above{where} {benefit}."
    )
    return "\n".join(lines)


def _functions(places: list[Place], limit: int = 4) -> list[str]:
    names: list[str] = []
    for place in places:
        if place.function and code(place.function) not in names:
            names.append(code(place.function))
    if len(names) > limit:
        return [*names[:limit], f"{len(names) - limit} more functions"]
    return names


def _steps(data: ReportData, group: RuleGroup, views: list[PlaceView]) -> str:
    rule = group.rule
    files = sorted({place.path for place in group.main_places or group.places})
    kinds = {view.solution.kind for view in views if view.solution is not None}
    steps: list[str] = []
    targets = " ".join(files[:6]) + (" ..." if len(files) > 6 else "")
    if "safe" in kinds:
        steps.append(
            f"Run `logerr fix --select {rule.code} {targets}`. It makes the rewrite "
            "shown above at every place it can, and says which places it left for you."
        )
    elif "unsafe" in kinds:
        steps.append(
            f"Run `logerr fix --unsafe-fixes --select {rule.code} {targets}`, then "
            "read the changes (`git diff`) before you commit them: an unsafe fix "
            "can change behaviour."
        )
    for path in files:
        here = [p for p in group.places if p.path == path and not p.in_tests] or [
            p for p in group.places if p.path == path
        ]
        numbers = join_words([str(p.line) for p in here])
        functions = _functions(here)
        inside = f" ({join_words(functions)})" if functions else ""
        word = "line" if len(here) == 1 else "lines"
        action = "Check" if kinds & {"safe", "unsafe"} else "Change"
        steps.append(
            f"{action} {code(path)}, {word} {numbers}{inside}, against the recommended "
            "solution above."
        )
    steps.append(
        "Add the test from Testing Recommendations and run it: it should pass once the "
        "places are fixed."
    )
    if group.test_places:
        steps.append(
            f"The {plural(len(group.test_places), 'place')} in test code can follow "
            "when those tests are next touched; they are listed apart under Location."
        )
    steps.append(
        f"Run `logerr check --select {rule.code} .` to confirm that no place is "
        "left, and keep the rule switched on in the lint configuration (see Next "
        "Steps in the summary) so it does not come back."
    )
    lines = ["## Implementation Steps", ""]
    lines += [f"{number}. {step}" for number, step in enumerate(steps, start=1)]
    return "\n".join(lines)


def _testing(data: ReportData, group: RuleGroup, views: list[PlaceView]) -> str:
    rule = group.rule
    lines = ["## Testing Recommendations", ""]
    target = next(
        (
            v
            for v in views
            if v.source.readable and v.source.tree is not None and not v.place.in_tests
        ),
        None,
    ) or next(
        (v for v in views if v.source.readable and v.source.tree is not None), None
    )
    if target is not None:
        module = module_name(target.place.path, data.request.cwd)
        sketch = recommend_test(target.place, rule, target.source, module)
        subject = code(target.place.function) if target.place.function else code(module)
        lines.append(
            f"A test for {subject}, the place at {code(target.place.where)}. "
            f"{sketch.about}"
        )
        lines += ["", fence(sketch.code)]
        existing = (
            data.tests.find(target.place.function) if target.place.function else None
        )
        if existing is not None:
            lines += [
                "",
                (
                    f"{code(existing.where)} already mentions {code(existing.text)}; "
                    "the "
                    "assertions can go into that test instead of a new one."
                ),
            ]
    if rule.testing:
        lines += ["", "From the rule's documentation:", "", rule.testing.strip()]
    if len(lines) == 2:
        lines.append(
            "The code of these places could not be read, so no test can be written "
            "for it here; run `logerr explain " + rule.code + "` for the rule's advice."
        )
    return "\n".join(lines)


FindingRenderer = Callable[[ReportData, RuleGroup, str], str]
