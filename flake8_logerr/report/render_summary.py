"""The summary file: ``logging-error-handling-YYYY-MM-DD.md``.

Sections, in order: Overview, Executive Summary, Findings Summary, Current
Status, Improvements Needed, Prioritized Action Items, Success Metrics and
Next Steps. Every figure is computed from the findings or from the code.
"""

from __future__ import annotations

from collections import Counter

from flake8_logerr.registry import CATEGORY_SECTION, PRIORITIES
from flake8_logerr.report.analysis import SHIPPING_HANDLERS, StatusFacts
from flake8_logerr.report.collect import ReportData
from flake8_logerr.report.model import Evidence, Place, RuleGroup
from flake8_logerr.report.project import ProjectContext
from flake8_logerr.report.text import code, fence, join_words, plural

SECTIONS = (
    "Overview",
    "Executive Summary",
    "Findings Summary",
    "Current Status",
    "Improvements Needed",
    "Prioritized Action Items",
    "Success Metrics",
    "Next Steps",
)

AREAS = ("Security", "Performance", "Code Quality")
SILENT = ("LOG016", "LOG017", "LOG018")
TRACEBACK_LOST = ("LOG004", "LOG005", "LOG010", "LOG014", "LOG021")
NAMING = ("LOG001", "LOG002", "LOG015", "LOG020")
FORMATTING = ("LOG011", "LOG012", "LOG013")
# Evidence lists are cut to this many places in running text.
MAX_EVIDENCE = 5
# Skipped input lines named one by one in the Overview.
MAX_SKIPPED = 50


def render_summary(data: ReportData, folder: str) -> str:
    """The Markdown of the summary file; ``folder`` holds the finding files."""
    parts = [
        _title(data),
        _overview(data),
        _executive(data),
        _findings_summary(data),
        _current_status(data),
        _improvements(data, folder),
        _action_items(data, folder),
        _metrics(data),
        _next_steps(data),
    ]
    return "\n\n".join(part.rstrip() for part in parts if part) + "\n"


# -- helpers ---------------------------------------------------------------


def _codes(
    data: ReportData, codes: tuple[str, ...], tests: bool = False
) -> list[Place]:
    places = data.test_places if tests else data.main_places
    return [place for place in places if place.code in codes]


def _evidence(items: list[Evidence], limit: int = MAX_EVIDENCE) -> str:
    shown = [f"{code(e.where)} ({e.text})" for e in items[:limit]]
    if len(items) > limit:
        shown.append(f"{len(items) - limit} more")
    return join_words(shown)


def _wheres(places: list[Place], limit: int = 3) -> str:
    unique = sorted(
        {place.where: place for place in places}.values(), key=Place.sort_key
    )
    shown = [code(place.where) for place in unique[:limit]]
    if len(unique) > limit:
        shown.append(f"{len(unique) - limit} more")
    return join_words(shown)


def _no_or_count(count: int, singular: str, many: str) -> str:
    """``No logging call records`` for zero, else ``3 logging calls record``."""
    if count == 0:
        return "No " + singular
    return plural(count, singular, many)


def _by_priority(data: ReportData, priority: str) -> list[Place]:
    return [place for place in data.main_places if place.priority == priority]


def _project_name(data: ReportData) -> str:
    project = data.project.pyproject.get("project", {})
    if isinstance(project, dict) and isinstance(project.get("name"), str):
        return str(project["name"])
    return data.project.root.name or "the project"


# -- sections --------------------------------------------------------------


def _title(data: ReportData) -> str:
    return "\n".join(
        [
            f"# Logging and Error Handling Review: {_project_name(data)}",
            "",
            f"Date: {data.request.date}. Written by `logerr report` (flake8-logerr).",
        ]
    )


def _overview(data: ReportData) -> str:
    request = data.request
    project = data.project
    summary = data.summary
    scope = join_words([code(path) for path in request.paths]) or code(".")
    origin = summary.origin or "the flake8-logerr checks, run directly"
    lines = ["## Overview", ""]
    lines.append(f"- **Scope:** {scope}; findings from {origin}.")
    if data.branch is None:
        lines.append("- **Branch:** none (not a git repository).")
    else:
        lines.append(f"- **Branch:** {code(data.branch)}.")
    if request.diff_base is not None and data.changed_files is not None:
        changed = data.changed_files
        shown = join_words([code(name) for name in changed[:40]])
        if len(changed) > 40:
            shown += f" and {len(changed) - 40} more"
        lines.append(
            f"- **Changed since {code(request.diff_base)}:** "
            f"{plural(len(changed), 'file')}{': ' + shown if changed else ''}. Only "
            f"findings on changed lines are kept ({summary.outside_diff} left out)."
        )
    lines.append(f"- **Python:** {code(project.python)}, from {project.python_source}.")
    lines.append(f"- **Frameworks and libraries:** {_frameworks(project)}.")
    lines.append(f"- **Lint tools:** {_lint_tools(project)}.")
    with_findings = len({place.path for place in data.places})
    lines.append(
        f"- **Files Analyzed:** {plural(len(data.files), 'Python file')}; "
        f"{with_findings} with findings."
    )
    lines.append(f"- **Findings:** {_finding_count(data)}.")
    for priority, label in (
        ("critical", "Critical Issues"),
        ("high", "High Priority Items"),
    ):
        places = _by_priority(data, priority)
        rules = sorted({place.code for place in places})
        detail = f" ({join_words(rules)})" if rules else ""
        lines.append(f"- **{label}:** {plural(len(places), 'place')}{detail}.")
    lines.append(f"- **Recommended Priority:** {_recommended(data)}")
    lines.append(f"- **Input lines that were not findings:** {_not_findings(data)}.")
    if summary.unreadable:
        lines.append(
            f"- **Files that could not be checked:** {len(summary.unreadable)}, "
            "listed below."
        )
    skipped = summary.skipped
    if skipped:
        lines += [
            "",
            "Input lines that were not findings, kept here so none is lost:",
            "",
        ]
        lines += [
            f"- `{item.origin}:{item.number}` ({item.reason}): "
            f"{code(item.text.strip()[:100])}"
            for item in skipped[:MAX_SKIPPED]
        ]
        if len(skipped) > MAX_SKIPPED:
            lines.append(
                f"- and {len(skipped) - MAX_SKIPPED} more lines of the same kind"
            )
    if summary.unreadable:
        lines += ["", "Files that could not be checked:", ""]
        lines += [f"- {code(item)}" for item in summary.unreadable]
    return "\n".join(lines)


def _finding_count(data: ReportData) -> str:
    main = data.main_places
    if not data.places:
        return "none"
    text = (
        f"{plural(len(main), 'place')} across "
        f"{plural(len({p.code for p in main}), 'rule')}"
    )
    if data.test_places:
        text += (
            f", and {plural(len(data.test_places), 'place')} in test code, counted "
            "apart"
        )
    return text


def _frameworks(project: ProjectContext) -> str:
    if not project.frameworks:
        return "none of the common web, task or HTTP frameworks"
    items = [
        f"{name} ({'; '.join(sorted(places))})"
        for name, places in sorted(project.frameworks.items())
    ]
    return join_words(items)


def _lint_tools(project: ProjectContext) -> str:
    if not project.lint_tools:
        return "none configured (no flake8, pylint, ruff or pre-commit settings found)"
    return "; ".join(
        f"{tool.name} ({code(tool.where)}): {tool.logging_rules}"
        for tool in project.lint_tools
    )


def _not_findings(data: ReportData) -> str:
    summary = data.summary
    if not summary.origin:
        return "none (the checks ran directly on the code)"
    parts = []
    if summary.skipped:
        parts.append(
            f"{plural(len(summary.skipped), 'line')} not understood, listed below"
        )
    tool_lines = summary.other_rules.get("(the tool's own headers and totals)", 0)
    others = {k: v for k, v in summary.other_rules.items() if not k.startswith("(")}
    if others:
        listed = ", ".join(f"{name} ×{count}" for name, count in sorted(others.items()))
        parts.append(
            f"{plural(sum(others.values()), 'finding')} of rules that are not about "
            f"logging or error handling ({listed})"
        )
    if tool_lines:
        parts.append(f"{plural(tool_lines, 'header or total line')} of the tool itself")
    if summary.duplicates:
        parts.append(
            f"{plural(summary.duplicates, 'line')} repeating a finding already counted "
            "(flake8-logging reports LOG001–LOG015 under the same codes), merged"
        )
    return "; ".join(parts) if parts else "none: every line was a finding"


def _recommended(data: ReportData) -> str:
    if not data.groups:
        return "nothing urgent: no rule fired. Keep the checks in CI (see Next Steps)."
    first = data.groups[0]
    rest = [g for g in data.groups[1:] if g.priority == first.priority]
    head = f"start with {first.rule.code} {first.rule.name} ({first.priority})"
    if rest:
        head += ", then " + join_words(
            [f"{g.rule.code} {g.rule.name}" for g in rest[:3]]
        )
    following = [g for g in data.groups if g.priority != first.priority]
    tail = ""
    if following:
        tail = (
            f"; after that, the {following[0].priority}-priority items in the order "
            "listed"
        )
    return f"{head}{tail}. The action items below are in that order."


def _executive(data: ReportData) -> str:
    lines = ["## Executive Summary", ""]
    name = _project_name(data)
    main = data.main_places
    if not data.places:
        lines.append(
            f"logerr looked at {plural(len(data.files), 'Python file')} of {name} "
            "and found nothing to report: no rule fired. The Current Status below "
            "describes how the code sets up logging and handles errors today."
        )
        return "\n".join(lines)
    files = len({place.path for place in main})
    text = (
        f"logerr looked at {plural(len(data.files), 'Python file')} of {name} and "
        f"found {plural(len(main), 'place')} to improve in {plural(files, 'file')}"
    )
    if data.test_places:
        text += f", plus {plural(len(data.test_places), 'place')} in test code"
    critical = len(_by_priority(data, "critical"))
    high = len(_by_priority(data, "high"))
    text += (
        f". {_no_or_count(critical, 'place is', 'places are')} critical and "
        f"{_no_or_count(high, 'place is', 'places are').lower()} high priority."
    )
    lines.append(text)
    lines.append("")
    lines.append("The most important, in order:")
    lines.append("")
    for group in data.groups[:3]:
        first = group.places[0]
        inside = f" in {code(first.function)}" if first.function else ""
        lines.append(
            f"- **{group.rule.code} {group.rule.name}** ({group.priority}): "
            f"{_group_count(group)}, first at {code(first.where)}{inside}. "
            f"{_capital(group.rule.summary)}."
        )
    lines += ["", _status_sentence(data)]
    return "\n".join(lines)


def _group_count(group: RuleGroup) -> str:
    """``3 places (+1 in tests)``: places in test code counted apart."""
    text = plural(len(group.main_places), "place")
    if group.test_places:
        text += f" (+{len(group.test_places)} in tests)"
    return text


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _status_sentence(data: ReportData) -> str:
    facts = data.facts
    parts = []
    if facts.config:
        first = facts.config[0]
        parts.append(f"logging is configured with {first.text} at {code(first.where)}")
    else:
        parts.append("no logging configuration was found in the code")
    parts.append(
        "records are formatted as JSON"
        if facts.structured
        else "records are plain text"
    )
    if facts.log_tests:
        parts.append(
            f"{plural(len(facts.log_tests), 'test asserts', 'tests assert')} on log "
            "output"
        )
    else:
        parts.append("no test asserts on log output")
    return f"Today {join_words(parts)}."


def _findings_summary(data: ReportData) -> str:
    lines = ["## Findings Summary", ""]
    lines.append("| Area | Count | In test code | What is counted |")
    lines.append("| --- | ---: | ---: | --- |")
    for area in AREAS:
        main = [p for p in data.main_places if _area(p) == area]
        tests = [p for p in data.test_places if _area(p) == area]
        counts = Counter(p.code for p in main + tests)
        rules = ", ".join(f"{c} ×{n}" for c, n in sorted(counts.items()))
        rules = f"places: {rules}" if rules else "no places"
        lines.append(f"| {area} | {len(main)} | {len(tests)} | {rules} |")
    untested = _untested(data)
    lines.append(
        f"| Quality & Testing | {len(untested)} | {len(data.test_places)} | "
        f"flagged functions that no test mentions ({len(untested)} of "
        f"{len(data.flagged_functions)}); findings in test code |"
    )
    lines.append("")
    lines += _area_notes(data, untested)
    return "\n".join(lines)


def _area(place: Place) -> str:
    from flake8_logerr.registry import RULES

    return CATEGORY_SECTION.get(RULES[place.code].category, "Code Quality")


def _untested(data: ReportData) -> list[str]:
    return [
        name for name in sorted(data.flagged_functions) if data.tests.find(name) is None
    ]


def _area_notes(data: ReportData, untested: list[str]) -> list[str]:
    from flake8_logerr.registry import RULES

    notes = []
    for area in AREAS:
        main = [p for p in data.main_places if _area(p) == area]
        if area == "Code Quality":
            reliability = [p for p in main if RULES[p.code].category == "reliability"]
            maintainability = [
                p for p in main if RULES[p.code].category == "maintainability"
            ]
            if not main:
                notes.append("- **Code Quality:** nothing found outside test code.")
                continue
            notes.append(
                f"- **Code Quality:** {plural(len(main), 'place')}: "
                f"{len(reliability)} about reliability (errors that vanish, records "
                f"that are lost) and {len(maintainability)} about maintainability "
                "(logger names, configuration, diagnostics)."
            )
            continue
        if not main:
            notes.append(f"- **{area}:** nothing found outside test code.")
            continue
        first = main[0]
        inside = f" in {code(first.function)}" if first.function else ""
        notes.append(
            f"- **{area}:** {plural(len(main), 'place')}; the first is at "
            f"{code(first.where)}{inside}."
        )
    flagged = sorted(data.flagged_functions)
    tested = [name for name in flagged if name not in untested]
    log_tests = data.facts.log_tests
    if flagged:
        testing = (
            "- **Quality & Testing:** "
            f"{plural(len(flagged), 'function has', 'functions have')} findings; "
            f"{len(tested)} of them {'is' if len(tested) == 1 else 'are'} mentioned "
            "by a test"
        )
    else:
        testing = "- **Quality & Testing:** no function has findings"
    if tested:
        testing += f" ({join_words([code(n) for n in tested[:MAX_EVIDENCE]])})"
    if untested:
        shown = [code(n) for n in untested[:MAX_EVIDENCE]]
        if len(untested) > MAX_EVIDENCE:
            shown.append(f"{len(untested) - MAX_EVIDENCE} more")
        testing += f"; no test mentions {join_words(shown)}"
    if log_tests:
        testing += (
            f". {plural(len(log_tests), 'test asserts', 'tests assert')} on log "
            f"output: {_evidence(log_tests)}."
        )
    else:
        testing += ". No test asserts on log output (no `caplog`, no `assertLogs`)."
    if data.groups:
        testing += " Each finding file ends with a test written for its function."
    notes.append(testing)
    return notes


def _current_status(data: ReportData) -> str:
    facts = data.facts
    lines = ["## Current Status", "", "What the code shows today.", ""]
    lines += ["### Logging Setup", ""]
    lines += [f"- {item}" for item in _setup_items(data, facts)]
    lines += ["", "### Error Handling", ""]
    lines += [f"- {item}" for item in _error_items(data, facts)]
    lines += ["", "### Debug Information", ""]
    lines += [f"- {item}" for item in _debug_items(data, facts)]
    lines += ["", "### Log Management", ""]
    lines += [f"- {item}" for item in _management_items(data, facts)]
    lines += ["", "### Security", ""]
    lines += [f"- {item}" for item in _security_items(data, facts)]
    lines += ["", "### Tests", ""]
    lines += [f"- {item}" for item in _test_items(data, facts)]
    return "\n".join(lines)


def _setup_items(data: ReportData, facts: StatusFacts) -> list[str]:
    items = []
    if facts.config:
        items.append(f"Logging is configured at {_evidence(facts.config)}.")
    else:
        items.append(
            "No logging configuration was found: no `basicConfig`, `dictConfig`, "
            "`fileConfig` or Django `LOGGING`. Without one, only warnings and errors "
            "are shown, on stderr, through Python's last-resort handler."
        )
    on_import = _codes(data, ("LOG027",))
    if on_import:
        items.append(
            f"{plural(len(on_import), 'place configures', 'places configure')} "
            f"logging when its module is imported: {_wheres(on_import)}."
        )
    loggers = facts.module_loggers
    naming = _codes(data, NAMING)
    items.append(
        f"{plural(len(loggers), 'module defines', 'modules define')} a logger named "
        f"after itself (`getLogger(__name__)`)"
        + (
            f"; {plural(len(naming), 'place logs', 'places log')} another way "
            f"({_wheres(naming)})."
            if naming
            else "."
        )
    )
    if facts.levels_env:
        items.append(
            f"Levels come from the environment at {_evidence(facts.levels_env)}."
        )
    if facts.levels_fixed:
        items.append(f"Levels are hard-coded at {_evidence(facts.levels_fixed)}.")
    if facts.levels_set:
        items.append(
            f"Levels come from settings or arguments at {_evidence(facts.levels_set)}."
        )
    if not (facts.levels_env or facts.levels_fixed or facts.levels_set):
        items.append("No level is set anywhere, so the default (WARNING) applies.")
    return items


def _error_items(data: ReportData, facts: StatusFacts) -> list[str]:
    items = [
        (
            f"{plural(facts.handlers_total, 'except handler')} in the code under "
            f"review: {facts.handlers_logging} log at warning level or above, "
            f"{facts.handlers_raising} raise."
        )
        if facts.handlers_total
        else "No except handler in the code under review."
    ]
    silent = _codes(data, SILENT)
    if silent:
        items.append(
            f"{plural(len(silent), 'handler hides', 'handlers hide')} the error "
            f"(LOG016–LOG018): {_wheres(silent)}."
        )
    if facts.exception_classes:
        items.append(
            plural(
                len(facts.exception_classes),
                "custom exception class",
                "custom exception classes",
            )
            + f": {_evidence(facts.exception_classes)}."
        )
    else:
        items.append(
            "No custom exception classes: callers can only catch built-in ones."
        )
    generic = _codes(data, ("LOG023",))
    if generic:
        items.append(f"`raise Exception(...)` at {_wheres(generic)}.")
    chain = _codes(data, ("LOG022",))
    items.append(
        (
            f"`raise ... from` is used {plural(facts.raise_from, 'time')}"
            if facts.raise_from
            else "`raise ... from` is never used"
        )
        + (
            f"; {plural(len(chain), 'raise drops', 'raises drop')} the cause "
            f"({_wheres(chain)})."
            if chain
            else "."
        )
    )
    if facts.error_trackers:
        items.append(
            f"Errors are sent to a tracker: {_evidence(facts.error_trackers)}."
        )
    else:
        items.append(
            "No error tracker (Sentry, Rollbar, Bugsnag) is set up in the code."
        )
    return items


def _debug_items(data: ReportData, facts: StatusFacts) -> list[str]:
    items = [
        (
            _no_or_count(
                facts.exception_calls, "logging call records", "logging calls record"
            )
            + " a traceback (`.exception()` or `exc_info=True`)."
        )
    ]
    lost = _codes(data, TRACEBACK_LOST)
    if lost:
        items.append(
            f"{plural(len(lost), 'place logs', 'places log')} an error without a "
            f"usable traceback: {_wheres(lost)}."
        )
    prints = _codes(data, ("LOG025",))
    if prints:
        items.append(
            f"`print()` and friends stand in for logging at {_wheres(prints)}."
        )
    else:
        items.append("No `print()` diagnostics in library code.")
    if facts.django_debug:
        items.append(
            f"Django's `DEBUG` is hard-coded on at {_evidence(facts.django_debug)}."
        )
    return items


def _management_items(data: ReportData, facts: StatusFacts) -> list[str]:
    items = []
    if facts.handlers:
        counts = Counter(e.text for e in facts.handlers)
        listed = ", ".join(f"{name} ×{n}" for name, n in sorted(counts.items()))
        items.append(f"Handlers: {listed} (first at {code(facts.handlers[0].where)}).")
    else:
        items.append("No handler is created in the code.")
    if facts.file_handlers:
        if facts.rotation:
            items.append(f"Log files rotate: {_evidence(facts.rotation)}.")
        no_rotation = _codes(data, ("LOG026",))
        if no_rotation:
            items.append(f"Log files that never rotate: {_wheres(no_rotation)}.")
    else:
        items.append("No log file is written by the code (rotation does not apply).")
    shipping = [e for e in facts.handlers if e.text in SHIPPING_HANDLERS]
    if shipping:
        items.append(f"Records leave the process through {_evidence(shipping)}.")
    if facts.formatters:
        items.append(f"Formatters: {_evidence(facts.formatters)}.")
    if facts.structured:
        items.append(f"Structured (JSON) output: {_evidence(facts.structured)}.")
    else:
        items.append("No structured (JSON) formatter: records are plain text.")
    if facts.correlation_ids:
        evidence = facts.correlation_libraries or facts.record_hooks
        items.append(f"Correlation IDs reach the records: {_evidence(evidence)}.")
    elif facts.context_vars:
        items.append(
            f"A context variable exists ({_evidence(facts.context_vars)}) but no "
            "filter or adapter copies it onto the records."
        )
    else:
        items.append("No correlation IDs: records of one request cannot be told apart.")
    return items


def _security_items(data: ReportData, facts: StatusFacts) -> list[str]:
    items = []
    secrets = _codes(data, ("LOG019",))
    items.append(
        f"Log calls that may write secrets: {_wheres(secrets)}."
        if secrets
        else "No log call writes a value named like a secret."
    )
    exposed = _codes(data, ("LOG024",))
    items.append(
        f"Exception details sent to users: {_wheres(exposed)}."
        if exposed
        else "No response carries exception details."
    )
    if facts.audit_loggers:
        items.append(f"Security or audit loggers: {_evidence(facts.audit_loggers)}.")
    else:
        items.append("No separate security or audit logger.")
    if facts.redaction:
        items.append(f"Redaction filters: {_evidence(facts.redaction)}.")
    return items


def _test_items(data: ReportData, facts: StatusFacts) -> list[str]:
    items = [
        f"{plural(facts.test_files, 'test file')} found."
        if facts.test_files
        else "No test file found (test_*.py, *_test.py, conftest.py or a tests folder)."
    ]
    if facts.log_tests:
        items.append(f"Tests that assert on log output: {_evidence(facts.log_tests)}.")
    else:
        items.append("No test asserts on log output (`caplog`, `assertLogs`).")
    in_tests = data.test_places
    if in_tests:
        items.append(
            f"{plural(len(in_tests), 'finding sits', 'findings sit')} in test code "
            "(counted apart throughout this report)."
        )
    return items


def _link(group: RuleGroup, folder: str) -> str:
    return f"[{group.filename}]({folder}/{group.filename})"


def _improvements(data: ReportData, folder: str) -> str:
    facts = data.facts
    project = data.project

    def has(codes: tuple[str, ...]) -> list[Place]:
        return _codes(data, codes)

    def item(done: bool, text: str, evidence: str) -> str:
        return f"- [{'x' if done else ' '}] {text}: {evidence}"

    def finding_links(codes: tuple[str, ...]) -> str:
        groups = [g for g in data.groups if g.rule.code in codes and g.main_places]
        return join_words([_link(g, folder) for g in groups])

    def state(codes: tuple[str, ...], ok: str) -> tuple[bool, str]:
        places = has(codes)
        if not places:
            return True, ok
        return (
            False,
            f"{plural(len(places), 'place')} to fix, see {finding_links(codes)}",
        )

    lines = ["## Improvements Needed", ""]
    lines.append("Each box is ticked only when the code already shows it.")
    lines.append("")

    module_loggers = bool(facts.module_loggers)
    done, text = state(NAMING, "every module that logs has a logger of its own")
    lines.append(
        item(
            done and module_loggers,
            "Module loggers named with `getLogger(__name__)`",
            text if module_loggers or not done else "no module defines one",
        )
    )
    done, text = state(("LOG027",), "")
    configured = bool(facts.config)
    lines.append(
        item(
            configured and done,
            "Logging configured once, at the entry point",
            (
                f"at {_evidence(facts.config, 2)}"
                if configured
                else "no configuration found"
            )
            + ("" if done else f"; {text}"),
        )
    )
    lines.append(
        item(
            bool(facts.levels_env) or bool(facts.levels_set),
            "Log level set from the environment or settings, not hard-coded",
            _evidence(facts.levels_env or facts.levels_set)
            if (facts.levels_env or facts.levels_set)
            else (
                f"hard-coded at {_evidence(facts.levels_fixed, 2)}"
                if facts.levels_fixed
                else "no level is set"
            ),
        )
    )
    lines.append(
        item(
            bool(facts.structured),
            "Structured (JSON) log format",
            _evidence(facts.structured, 2)
            if facts.structured
            else _structured_advice(project),
        )
    )
    lines.append(
        item(
            facts.correlation_ids,
            "Correlation IDs on every record",
            _evidence(facts.correlation_libraries or facts.record_hooks, 2)
            if facts.correlation_ids
            else _correlation_advice(project),
        )
    )
    done, text = state(("LOG026",), "")
    lines.append(
        item(
            done,
            "Log files rotate",
            (
                _evidence(facts.rotation, 2)
                if facts.rotation
                else "no log file is written"
            )
            if done
            else text,
        )
    )
    for codes, label, ok in (
        (
            SILENT,
            "No exception swallowed silently",
            "every handler logs, re-raises or explains itself",
        ),
        (
            TRACEBACK_LOST,
            "Tracebacks kept when errors are logged",
            "errors are logged with their traceback",
        ),
        (
            ("LOG022",),
            "Exception chains kept (`raise ... from`)",
            "new errors keep their cause",
        ),
        (
            ("LOG019",),
            "No secrets in log calls",
            "no log call writes a value named like a secret",
        ),
        (
            ("LOG024",),
            "No exception details in responses",
            "responses carry no exception text",
        ),
        (
            ("LOG025",),
            "No `print()` for diagnostics",
            "library code logs instead of printing",
        ),
        (
            FORMATTING + ("LOG003",),
            "Log calls that cannot fail or format eagerly",
            "messages are lazy and well formed",
        ),
    ):
        done, text = state(codes, ok)
        lines.append(item(done, label, text))
    custom = bool(facts.exception_classes)
    done, text = state(("LOG023",), "")
    lines.append(
        item(
            custom and done,
            "Specific exception classes",
            (
                _evidence(facts.exception_classes, 3)
                if custom
                else "no custom exception class"
            )
            + ("" if done else f"; {text}"),
        )
    )
    lines.append(
        item(
            bool(facts.log_tests),
            "Tests assert on log output",
            _evidence(facts.log_tests, 3)
            if facts.log_tests
            else "no test uses `caplog` or `assertLogs`"
            + ("; each finding file suggests one" if data.groups else ""),
        )
    )
    enforced = [
        t
        for t in project.lint_tools
        if t.on and t.name in ("flake8", "pylint", "pre-commit")
    ]
    lines.append(
        item(
            bool(enforced),
            "Logging rules enforced by the linters",
            "; ".join(f"{t.name} ({code(t.where)})" for t in enforced)
            if enforced
            else "the LOG rules are not switched on anywhere; see Next Steps",
        )
    )
    return "\n".join(lines)


def _structured_advice(project: ProjectContext) -> str:
    if project.uses("django"):
        return (
            'records are plain text; a JSON formatter in `LOGGING["formatters"]` '
            "would fix that"
        )
    if project.uses("structlog"):
        return "structlog is a dependency but no JSON renderer is configured"
    return (
        "records are plain text; python-json-logger's `JsonFormatter` on the "
        "handler would fix that"
    )


def _correlation_advice(project: ProjectContext) -> str:
    if project.uses("fastapi", "starlette"):
        return (
            "none yet; for FastAPI, a middleware that sets a `ContextVar` per "
            "request plus a logging filter"
        )
    if project.uses("django"):
        return (
            "none yet; for Django, a middleware that sets a `ContextVar` plus a "
            "filter in `LOGGING`"
        )
    if project.uses("flask"):
        return (
            "none yet; for Flask, a `before_request` hook that sets a `ContextVar` "
            "plus a logging filter"
        )
    if project.uses("celery"):
        return (
            "none yet; for Celery, the task id from `task_prerun` in a "
            "`ContextVar` plus a logging filter"
        )
    return (
        "none yet; a `ContextVar` set per request or job, copied onto records by a "
        "`logging.Filter`"
    )


def _action_items(data: ReportData, folder: str) -> str:
    lines = ["## Prioritized Action Items", ""]
    if not data.groups:
        lines.append("None: no rule fired.")
        return "\n".join(lines)
    lines.append("Ordered by priority, then by how many places each rule hits.")
    lines.append("")
    for group in data.groups:
        first = group.places[0]
        lines.append(
            f"{group.number}. **[{group.priority}] {group.rule.code} "
            f"{group.rule.name}**: {_group_count(group)}, first at "
            f"{code(first.where)}. {_capital(group.rule.summary)}. "
            f"Details: {_link(group, folder)}"
        )
    return "\n".join(lines)


def _metrics(data: ReportData) -> str:
    facts = data.facts

    def count(codes: tuple[str, ...]) -> int:
        return len(_codes(data, codes))

    rows = [
        ("Critical findings", str(len(_by_priority(data, "critical"))), "0"),
        ("High-priority findings", str(len(_by_priority(data, "high"))), "0"),
        ("Exceptions swallowed silently (LOG016–LOG018)", str(count(SILENT)), "0"),
        ("Errors logged without their traceback", str(count(TRACEBACK_LOST)), "0"),
        ("Log calls that may write secrets (LOG019)", str(count(("LOG019",))), "0"),
        (
            "Responses that expose exception details (LOG024)",
            str(count(("LOG024",))),
            "0",
        ),
        (
            "`print()` diagnostics in library code (LOG025)",
            str(count(("LOG025",))),
            "0",
        ),
        ("Places that bypass module loggers", str(count(NAMING)), "0"),
        (
            "Except handlers that log or re-raise",
            f"{max(facts.handlers_total - count(SILENT), 0)} of {facts.handlers_total}",
            f"{facts.handlers_total} of {facts.handlers_total}",
        ),
        (
            "Tests that assert on log output",
            str(len(facts.log_tests)),
            (
                f"at least {len(data.flagged_functions)} (one per flagged function)"
                if data.flagged_functions
                else "at least 1"
            ),
        ),
        ("Structured (JSON) logging", "yes" if facts.structured else "no", "yes"),
        ("Correlation IDs on records", "yes" if facts.correlation_ids else "no", "yes"),
    ]
    lines = [
        "## Success Metrics",
        "",
        "| Metric | Today | Target |",
        "| --- | ---: | ---: |",
    ]
    lines += [f"| {name} | {today} | {target} |" for name, today, target in rows]
    return "\n".join(lines)


def _next_steps(data: ReportData) -> str:
    project = data.project
    lines = ["## Next Steps", ""]
    if data.groups:
        lines.append(
            "Work through the action items above, one finding file at a time. Then "
            "keep these problems from coming back with the few lines below, fitted to "
            "what the project already uses."
        )
    else:
        lines.append(
            "There is nothing to fix today. These few lines, fitted to what the "
            "project already uses, keep it that way."
        )
    step = 1
    for intro, body, language in _fitting_steps(data):
        lines += ["", f"{step}. {intro}", "", _indented(fence(body, language))]
        step += 1
    if project.flake8_file is not None:
        lines += [
            "",
            (
                f"{step}. flake8 reads {code(project.flake8_file)}; add the LOG rules "
                "there:"
            ),
            "",
        ]
        section = "[flake8]"
        if project.flake8_select:
            codes = ", ".join([*project.flake8_select, "LOG"])
            body = f"{section}\nselect = {codes}"
        else:
            body = f"{section}\nextend-select = LOG"
        lines.append(_indented(fence(body, "ini")))
        lines.append("")
        lines.append(
            "   and add `flake8-logerr` next to flake8 in the development dependencies."
        )
        step += 1
    if project.pylint_file is not None:
        lines += [
            "",
            f"{step}. pylint reads {code(project.pylint_file)}; load the plugin there:",
            "",
        ]
        if project.pylint_file.endswith("pyproject.toml"):
            body, language = (
                '[tool.pylint.main]\nload-plugins = ["pylint_logerr"]',
                "toml",
            )
        else:
            body, language = "[MAIN]\nload-plugins = pylint_logerr", "ini"
        lines.append(_indented(fence(body, language)))
        step += 1
    if project.ruff_file is not None and project.ruff_off:
        off = [p for p in project.ruff_off if p in ("LOG", "G", "BLE", "TRY")]
        if off:
            listed = ", ".join(f'"{p}"' for p in off)
            lines += [
                "",
                (
                    f"{step}. ruff reads {code(project.ruff_file)}; its own logging "
                    "rules cover part of this ground (`logerr report --from-ruff` "
                    "maps them onto the same findings):"
                ),
                "",
            ]
            table = (
                "[tool.ruff.lint]"
                if project.ruff_file.endswith("pyproject.toml")
                else "[lint]"
            )
            lines.append(
                _indented(fence(f"{table}\nextend-select = [{listed}]", "toml"))
            )
            step += 1
    if project.flake8_file is None and project.pylint_file is None:
        lines += [
            "",
            (
                f"{step}. No flake8 or pylint settings were found, so run the checks "
                "on their "
                "own with the `logerr` command (it needs no other tool):"
            ),
            "",
        ]
        lines.append(_indented(fence("logerr check .", "sh")))
        step += 1
    hook = (
        "  - repo: local\n"
        "    hooks:\n"
        "      - id: logerr\n"
        "        name: logerr check\n"
        "        entry: logerr check\n"
        "        language: system\n"
        "        types: [python]"
    )
    if project.pre_commit is not None:
        if "flake8" in project.pre_commit_hooks:
            lines += [
                "",
                (
                    f"{step}. {code(project.pre_commit)} already runs flake8; give "
                    "its hook the plugin:"
                ),
                "",
            ]
            lines.append(
                _indented(
                    fence(
                        "      - id: flake8\n        additional_dependencies: "
                        "[flake8-logerr]",
                        "yaml",
                    )
                )
            )
        else:
            lines += [
                "",
                f"{step}. Add a hook to {code(project.pre_commit)}, under `repos:`:",
                "",
            ]
            lines.append(_indented(fence(hook, "yaml")))
    else:
        lines += [
            "",
            (
                f"{step}. Run the checks before each commit with pre-commit "
                "(`.pre-commit-config.yaml`):"
            ),
            "",
        ]
        lines.append(_indented(fence("repos:\n" + hook, "yaml")))
    step += 1
    github = [name for name in project.ci_files if name.startswith(".github/")]
    if github:
        lines += ["", f"{step}. Add a step to {code(github[0])}:", ""]
        body = (
            "      - run: pip install flake8-logerr\n"
            "      - run: logerr check --format github ."
        )
        lines.append(_indented(fence(body, "yaml")))
    elif any(name.endswith(".gitlab-ci.yml") for name in project.ci_files):
        lines += ["", f"{step}. Add a job to `.gitlab-ci.yml`:", ""]
        body = (
            "logerr:\n  script:\n    - pip install flake8-logerr\n    - logerr check ."
        )
        lines.append(_indented(fence(body, "yaml")))
    else:
        lines += [
            "",
            f"{step}. No CI configuration was found; wherever the tests run, add:",
            "",
        ]
        lines.append(
            _indented(fence("pip install flake8-logerr\nlogerr check .", "sh"))
        )
    step += 1
    lines += [
        "",
        (
            f"{step}. On a pull request, `logerr report --diff origin/main` writes "
            "this report for the changed lines only."
        ),
    ]
    return "\n".join(lines)


DJANGO_LOGGING = """\
import os

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "pythonjsonlogger.json.JsonFormatter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "json"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}"""

REQUEST_ID_FILTER = """\
import contextvars
import logging
import uuid

request_id = contextvars.ContextVar("request_id", default="-")


class RequestIdFilter(logging.Filter):
    \"\"\"Puts the current request's id on every record (add it to each handler).\"\"\"

    def filter(self, record):
        record.request_id = request_id.get()
        return True
"""

REQUEST_ID_HOOKS = {
    "Flask": """

@{app}.before_request
def set_request_id():
    request_id.set(request.headers.get("X-Request-ID") or uuid.uuid4().hex)""",
    "Quart": """

@{app}.before_request
async def set_request_id():
    request_id.set(request.headers.get("X-Request-ID") or uuid.uuid4().hex)""",
    "FastAPI": """

@{app}.middleware("http")
async def set_request_id(request, call_next):
    token = request_id.set(request.headers.get("X-Request-ID") or uuid.uuid4().hex)
    try:
        return await call_next(request)
    finally:
        request_id.reset(token)""",
}

CELERY_TASK_ID = """\
from celery.signals import task_prerun

# With the RequestIdFilter above: each task's records carry its id.
@task_prerun.connect
def set_task_id(task_id=None, **kwargs):
    request_id.set(task_id or "-")"""


def _fitting_steps(data: ReportData) -> list[tuple[str, str, str]]:
    """Set-up advice fitted to the frameworks the project uses, when it lacks it."""
    facts = data.facts
    project = data.project
    steps: list[tuple[str, str, str]] = []
    levels_free = bool(facts.levels_env or facts.levels_set)
    if project.uses("django") and not (facts.structured and levels_free):
        settings = [e for e in facts.config if "LOGGING" in e.text]
        where = (
            f"replace the `LOGGING` setting at {code(settings[0].where)} with one "
            if settings
            else "add a `LOGGING` setting to the settings module "
        )
        steps.append(
            (
                (
                    f"Django configures logging from its settings: {where}that writes "
                    "JSON records and takes the level from the environment (add "
                    "`python-json-logger` to the dependencies):"
                ),
                DJANGO_LOGGING,
                "python",
            )
        )
    apps = [app for app in facts.web_apps if app.framework in REQUEST_ID_HOOKS]
    if not facts.correlation_ids and apps:
        app = apps[0]
        hook = REQUEST_ID_HOOKS[app.framework].format(app=app.name)
        steps.append(
            (
                (
                    f"Give every record of a request the same id: in {code(app.path)}, "
                    f"next to `{app.name} = {app.framework}(...)` (line {app.line}), a "
                    "context variable, a filter that copies it onto records, and a "
                    f"{app.framework} hook that sets it:"
                ),
                REQUEST_ID_FILTER + hook,
                "python",
            )
        )
    elif not facts.correlation_ids and project.uses("celery"):
        steps.append(
            (
                (
                    "Give every record of a Celery task the task's id: a context "
                    "variable and a filter as for requests, set when the task starts:"
                ),
                REQUEST_ID_FILTER + "\n\n" + CELERY_TASK_ID,
                "python",
            )
        )
    return steps


def _indented(text: str) -> str:
    return "\n".join(f"   {line}" if line else "" for line in text.splitlines())


PRIORITY_ORDER = PRIORITIES
