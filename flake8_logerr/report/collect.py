"""Gathering what a report needs: the findings, the files, the project.

Findings come from the core run directly over PATH, or from lint output read
with ``--from-flake8``/``--from-pylint``/``--from-ruff``. Either way each one
becomes a ``Place`` tied to its file, its function and its priority, and the
places are grouped into one ``RuleGroup`` per rule, numbered in the order of
the action items.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from flake8_logerr.core import Finding, check
from flake8_logerr.files import (
    FileError,
    FileResult,
    SourceError,
    apply_noqa,
    check_paths,
    discover,
    parse_source,
    read_source,
)
from flake8_logerr.registry import RULES
from flake8_logerr.report import gitinfo
from flake8_logerr.report.analysis import (
    StatusFacts,
    TestIndex,
    analyse,
    index_tests,
    walk,
)
from flake8_logerr.report.inputs import ImportedFinding, ParsedInput
from flake8_logerr.report.model import InputSummary, Place, RuleGroup
from flake8_logerr.report.project import ProjectContext, describe_project, find_root
from flake8_logerr.report.rewrite import RewriteFor, Solution
from flake8_logerr.report.sources import (
    SourceCache,
    SourceFile,
    display_path,
    is_test_path,
)
from flake8_logerr.settings import Settings

Progress = Callable[[int, int], None]

# Files checked between two progress updates, at least.
PROGRESS_BATCH = 200


@dataclass
class ReportRequest:
    """Everything the command line settled."""

    paths: list[str]
    cwd: Path
    settings: Settings
    date: str
    select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    exclude: Sequence[str] = ()
    # Lint output already parsed; None means "run the core".
    imported: ParsedInput | None = None
    origin: str = ""
    diff_base: str | None = None
    # Worker processes for the core (0: all cores, 1: none).
    jobs: int = 0
    engine: RewriteFor | None = None
    progress: Progress | None = None


@dataclass
class ReportData:
    """Everything the renderers read; built once, read many times."""

    request: ReportRequest
    files: list[str]
    groups: list[RuleGroup]
    summary: InputSummary
    project: ProjectContext
    facts: StatusFacts
    tests: TestIndex
    cache: SourceCache
    branch: str | None
    changed_files: list[str] | None = None
    flagged_functions: dict[str, list[Place]] = field(default_factory=dict)
    # The engine's rewrite per place, filled while rendering.
    solutions: dict[tuple[str, int, int, str], Solution | None] = field(
        default_factory=dict
    )

    @property
    def places(self) -> list[Place]:
        return [place for group in self.groups for place in group.places]

    @property
    def main_places(self) -> list[Place]:
        return [place for place in self.places if not place.in_tests]

    @property
    def test_places(self) -> list[Place]:
        return [place for place in self.places if place.in_tests]


def gather(request: ReportRequest) -> ReportData:
    """Run (or read) the findings and gather the project around them.

    Raises ``gitinfo.GitError`` when ``--diff`` cannot be answered.
    """
    cwd = request.cwd
    changed = None
    if request.diff_base is not None:
        changed = gitinfo.changed_lines(_git_folder(request), request.diff_base)

    found, errors = discover(request.paths, request.exclude)
    cache = SourceCache(cwd)
    summary = InputSummary(origin=request.origin)
    summary.unreadable.extend(str(_display_error(error, cwd)) for error in errors)

    direct: dict[str, list[Finding]] = {}
    if request.imported is None:
        for result in _run_core(found, request):
            name = display_path(result.path, cwd)
            if result.error is not None:
                summary.unreadable.append(f"{name}: {result.error.reason}")
            else:
                direct[name] = result.findings

    # Every file is read and parsed here too: its functions name the places,
    # and Current Status is read from its tree.
    for path in found:
        name = display_path(path, cwd)
        try:
            text = read_source(path)
        except SourceError as exc:
            if request.imported is not None:
                summary.unreadable.append(f"{name}: {exc}")
            continue
        source = cache.put(name, text)
        if source.tree is None and request.imported is not None:
            summary.unreadable.append(f"{name}: {_parse_reason(text, name)}")
    files = sorted(source.path for source in cache.all() if source.tree is not None)

    if request.imported is None:
        places = []
        for name in sorted(direct):
            for finding in direct[name]:
                if finding.code in RULES:
                    places.append(_place(cache, name, finding))
                else:
                    # LOG000: the core failed on this file; say so, once.
                    summary.unreadable.append(f"{name}: {finding.message}")
    else:
        places = _imported_places(request, request.imported, cache, summary)

    if changed is not None:
        kept = [
            p for p in places if changed.contains(cache.get(p.path).absolute, p.line)
        ]
        summary.outside_diff = len(places) - len(kept)
        places = kept

    groups = group_places(places)
    walked = [(s.path, walk(s.tree)) for s in cache.all() if s.tree is not None]
    root = find_root(Path(request.paths[0]) if request.paths else cwd)
    project = describe_project(
        root, cwd, [(path, nodes) for path, nodes in walked if not is_test_path(path)]
    )
    facts = analyse((path, nodes, is_test_path(path)) for path, nodes in walked)
    tests = index_tests((p, nodes) for p, nodes in walked if is_test_path(p))
    del walked

    data = ReportData(
        request=request,
        files=files,
        groups=groups,
        summary=summary,
        project=project,
        facts=facts,
        tests=tests,
        cache=cache,
        branch=gitinfo.current_branch(_git_folder(request)),
    )
    if changed is not None:
        data.changed_files = [display_path(path, cwd) for path in changed.files()]
    for place in data.main_places:
        if place.function is not None:
            data.flagged_functions.setdefault(place.function, []).append(place)
    summary.unreadable.sort()
    return data


def _git_folder(request: ReportRequest) -> Path:
    first = request.cwd / request.paths[0] if request.paths else request.cwd
    return first if first.is_dir() else first.parent


def _display_error(error: FileError, cwd: Path) -> str:
    return f"{display_path(error.path, cwd)}: {error.reason}"


def _parse_reason(text: str, name: str) -> str:
    try:
        parse_source(text, name)
    except SourceError as exc:
        return str(exc)
    return "cannot be parsed"


def _run_core(found: list[Path], request: ReportRequest) -> list[FileResult]:
    """The core over ``found``, in worker processes, a batch at a time.

    Batches let the progress indication move on long runs.
    """
    results: list[FileResult] = []
    total = len(found)
    step = max(PROGRESS_BATCH, total // 20)
    for start in range(0, total, step):
        batch = found[start : start + step]
        results += check_paths(
            batch,
            request.settings,
            request.select,
            request.ignore,
            jobs=request.jobs,
        )
        if request.progress is not None:
            request.progress(min(start + step, total), total)
    return results


def _place(
    cache: SourceCache, path: str, finding: Finding, tool_code: str | None = None
) -> Place:
    rule = RULES.get(finding.code)
    priority = finding.priority or (rule.priority if rule else "high")
    source = cache.get(path)
    function = source.function_at(finding.line)
    return Place(
        path=path,
        finding=finding,
        priority=priority,
        in_tests=is_test_path(path),
        function=function.qualname if function else None,
        tool_code=tool_code,
    )


def _imported_places(
    request: ReportRequest,
    parsed: ParsedInput,
    cache: SourceCache,
    summary: InputSummary,
) -> list[Place]:
    """Places from lint output, matched with the core's view where possible.

    Running the core on the named file gives each place the same priority
    and message as a direct run; the tool's text is kept when the file is
    gone or the core sees nothing there.
    """
    summary.skipped.extend(parsed.skipped)
    summary.other_rules.update(dict(parsed.other_rules))
    summary.unreadable.extend(parsed.unreadable)
    if parsed.frame_lines:
        summary.other_rules["(the tool's own headers and totals)"] = parsed.frame_lines

    core: dict[str, list[Finding]] = {}
    places: dict[tuple[str, int, int, str], Place] = {}
    duplicates = 0
    for item in sorted(parsed.findings, key=_imported_key):
        path = display_path(item.path, request.cwd)
        if path not in core:
            core[path] = _core_for(cache.get(path), request)
        finding = _match(core[path], item)
        key = (path, finding.line, finding.col, finding.code)
        if key in places:
            duplicates += 1
            continue
        tool_code = item.tool_code if item.tool_code != item.code else None
        places[key] = _place(cache, path, finding, tool_code)
    summary.duplicates = duplicates
    return [places[key] for key in sorted(places)]


def _imported_key(item: ImportedFinding) -> tuple[str, int, int, str, bool, str]:
    # Our own code first, so a mapped code from another tool merges into it.
    mapped = item.tool_code != item.code
    return (item.path, item.line, item.col, item.code, mapped, item.tool_code)


def _core_for(source: SourceFile, request: ReportRequest) -> list[Finding]:
    if source.tree is None:
        return []
    text = "".join(source.lines)
    findings = check(source.tree, source.lines, source.path, request.settings)
    return apply_noqa(findings, text)


def _match(core: list[Finding], item: ImportedFinding) -> Finding:
    """The core's finding at the same line and code (nearest column), if any."""
    same = [f for f in core if f.line == item.line and f.code == item.code]
    if same:
        return min(same, key=lambda f: (abs(f.col - item.col), f.col))
    return Finding(item.line, item.col, item.code, item.message)


def group_places(places: list[Place]) -> list[RuleGroup]:
    """One group per rule, places most important first, groups numbered."""
    by_code: dict[str, list[Place]] = {}
    for place in places:
        by_code.setdefault(place.code, []).append(place)
    groups = [
        RuleGroup(RULES[code], sorted(items, key=Place.sort_key))
        for code, items in by_code.items()
        if code in RULES
    ]
    groups.sort(key=RuleGroup.sort_key)
    for number, group in enumerate(groups, start=1):
        group.number = number
    return groups
