"""``logerr report``: the Markdown deliverables.

``gather`` collects the findings (from the core or from lint output) and the
project around them; ``render_summary`` and ``render_finding`` turn that into
Markdown; ``writer`` puts the files on disk.
"""

from __future__ import annotations

from flake8_logerr.report.collect import ReportData, ReportRequest, gather
from flake8_logerr.report.writer import Written, names, render_all, write_report

__all__ = [
    "ReportData",
    "ReportRequest",
    "Written",
    "gather",
    "names",
    "render_all",
    "write_report",
]
