"""Writing the deliverables: the summary file and the folder of finding files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from flake8_logerr.report.collect import ReportData
from flake8_logerr.report.render_finding import prepare_solutions, render_finding
from flake8_logerr.report.render_summary import render_summary

STEM = "logging-error-handling-{}"
# Finding files of an earlier run on the same date; rewritten, never kept stale.
FINDING_GLOB = "finding-[0-9][0-9][0-9]-*.md"


@dataclass
class Written:
    """The paths a report run wrote."""

    summary: Path
    folder: Path
    findings: list[Path] = field(default_factory=list)


def names(date: str) -> tuple[str, str]:
    """The summary file name and the folder name for ``date``."""
    stem = STEM.format(date)
    return f"{stem}.md", stem


def render_all(data: ReportData) -> dict[str, str]:
    """Every file of the report by its path relative to ``--out``."""
    summary_name, folder = names(data.request.date)
    prepare_solutions(data)
    files = {summary_name: render_summary(data, folder)}
    for group in data.groups:
        files[f"{folder}/{group.filename}"] = render_finding(data, group, summary_name)
    return files


def write_report(data: ReportData, out: Path) -> Written:
    """Write the report under ``out``; files are UTF-8 with ``\\n`` line ends."""
    summary_name, folder_name = names(data.request.date)
    folder = out / folder_name
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob(FINDING_GLOB):
        stale.unlink()

    written = Written(summary=out / summary_name, folder=folder)
    for relative, text in sorted(render_all(data).items()):
        path = out / relative
        path.write_text(text, encoding="utf-8", newline="\n")
        if relative != summary_name:
            written.findings.append(path)
    return written
