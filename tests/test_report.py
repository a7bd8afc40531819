"""``logerr report`` end to end on the sample project in tests/fixtures.

Golden files live in tests/golden/report/; regenerate them after a deliberate
change with ``LOGERR_UPDATE_GOLDEN=1 pytest tests/test_report.py``.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from flake8_logerr.cli import main
from flake8_logerr.commands import report as report_command
from flake8_logerr.core import Finding
from flake8_logerr.files import check_path, discover
from flake8_logerr.registry import RULES
from flake8_logerr.report.render_finding import SECTIONS as FINDING_SECTIONS
from flake8_logerr.report.render_summary import SECTIONS as SUMMARY_SECTIONS
from flake8_logerr.report.sources import is_test_path
from flake8_logerr.settings import DEFAULT_SETTINGS, Settings

HERE = Path(__file__).parent
FIXTURE = HERE / "fixtures" / "report_project"
GOLDEN = HERE / "golden" / "report"
DATE = "2026-12-03"
SUMMARY = f"logging-error-handling-{DATE}.md"
FOLDER = f"logging-error-handling-{DATE}"

PLACEHOLDER_RE = re.compile(
    r"\bTODO\b|\bTBD\b|\bFIXME\b|\bXXX\b|<function>|<module>|<name>|<path>"
    r"|\{\}|\{0\}|\{!r\}|lorem ipsum",
    re.IGNORECASE,
)
LINK_RE = re.compile(r"\]\(([^)\s]+)\)")
ROW_RE = re.compile(r"^\s*(\d+) \| ?(.*)$")
LOCATION_RE = re.compile(r"^- `([^`]+):(\d+)`(.*)$", re.MULTILINE)


@dataclass
class Run:
    status: int
    out: str
    err: str


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the sample project, outside any git repository, as cwd."""
    target = tmp_path / "project"
    shutil.copytree(FIXTURE, target)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.chdir(target)
    return target


def run(capsys: pytest.CaptureFixture[str], *args: str) -> Run:
    status = main(["report", "--date", DATE, *args])
    captured = capsys.readouterr()
    return Run(status, captured.out, captured.err)


def report_files(out: Path) -> dict[str, str]:
    """Every file of the report under ``out`` by relative path."""
    files = {SUMMARY: (out / SUMMARY).read_text(encoding="utf-8")}
    for path in sorted((out / FOLDER).iterdir()):
        files[f"{FOLDER}/{path.name}"] = path.read_text(encoding="utf-8")
    return files


def direct_findings(root: Path) -> list[tuple[str, Finding]]:
    """What the core finds in the sample project, path by path."""
    paths, errors = discover(["."])
    assert errors == []
    found = []
    for path in paths:
        result = check_path(path, DEFAULT_SETTINGS)
        found += [(path.as_posix(), finding) for finding in result.findings]
    return found


def finding_codes(files: dict[str, str]) -> list[str]:
    codes = []
    for name, text in files.items():
        if name.startswith(FOLDER + "/"):
            match = re.search(r"^# Finding \d{3}: (LOG\d{3}) ", text, re.MULTILINE)
            assert match, name
            codes.append(match.group(1))
    return sorted(codes)


class TestDirectRun:
    def test_writes_the_summary_and_one_file_per_rule(
        self, project: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        result = run(capsys, "--out", "out")

        files = report_files(project / "out")
        fired = sorted({finding.code for _, finding in direct_findings(project)})
        assert result.status == 0
        assert finding_codes(files) == fired
        assert f"and {len(fired)} finding files" in result.out
        for name in files:
            if name != SUMMARY:
                match = re.fullmatch(
                    rf"{FOLDER}/finding-\d{{3}}-([a-z]+)-([a-z-]+)\.md", name
                )
                assert match is not None, name
                rule = next(r for r in RULES.values() if r.name == match.group(2))
                assert rule.category == match.group(1)

    def test_finding_files_are_numbered_in_action_item_order(
        self, project: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        run(capsys, "--out", "out")

        summary = (project / "out" / SUMMARY).read_text(encoding="utf-8")
        items = re.findall(
            r"^(\d+)\. \*\*\[(\w+)\] (LOG\d{3}) .*?\(" + FOLDER + r"/finding-(\d{3})-",
            summary,
            re.MULTILINE,
        )
        assert [int(n) for n, _, _, _ in items] == list(range(1, len(items) + 1))
        assert [int(f) for _, _, _, f in items] == list(range(1, len(items) + 1))
        ranks = ["critical", "high", "medium", "low"]
        priorities = [ranks.index(p) for _, p, _, _ in items]
        assert priorities == sorted(priorities)

    def test_every_section_is_present(
        self, project: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        run(capsys, "--out", "out")

        files = report_files(project / "out")
        headings = re.findall(r"^## (.+)$", files[SUMMARY], re.MULTILINE)
        assert headings == list(SUMMARY_SECTIONS)
        for name, text in files.items():
            if name != SUMMARY:
                headings = re.findall(r"^## (.+)$", text, re.MULTILINE)
                assert headings == list(FINDING_SECTIONS), name
        overview = files[SUMMARY].split("## Executive Summary")[0]
        for label in (
            "Scope",
            "Files Analyzed",
            "Critical Issues",
            "High Priority Items",
            "Recommended Priority",
            "Branch",
            "Python",
            "Frameworks and libraries",
            "Lint tools",
        ):
            assert f"- **{label}:**" in overview
        summary_part = files[SUMMARY].split("## Current Status")[0]
        for area in ("Security", "Performance", "Code Quality", "Quality & Testing"):
            assert f"| {area} |" in summary_part

    def test_counts_match_the_findings(
        self, project: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        run(capsys, "--out", "out")

        found = direct_findings(project)
        main_places = [f for path, f in found if not is_test_path(path)]
        test_places = [f for path, f in found if is_test_path(path)]
        summary = (project / "out" / SUMMARY).read_text(encoding="utf-8")
        rules = len({f.code for f in main_places})
        assert (
            f"- **Findings:** {len(main_places)} places across {rules} rules, and "
            f"{len(test_places)} place in test code, counted apart." in summary
        )
        critical = [f for f in main_places if _priority(f) == "critical"]
        high = [f for f in main_places if _priority(f) == "high"]
        assert f"- **Critical Issues:** {len(critical)} place" in summary
        assert f"- **High Priority Items:** {len(high)} places" in summary

        table = {
            area: (int(count), int(tests))
            for area, count, tests in re.findall(
                r"^\| (Security|Performance|Code Quality) \| (\d+) \| (\d+) \|",
                summary,
                re.MULTILINE,
            )
        }
        assert sum(count for count, _ in table.values()) == len(main_places)
        assert sum(tests for _, tests in table.values()) == len(test_places)
        security = [f for f in main_places if RULES[f.code].category == "security"]
        assert table["Security"][0] == len(security)

        for path in sorted((project / "out" / FOLDER).iterdir()):
            text = path.read_text(encoding="utf-8")
            code = re.search(r"^# Finding \d{3}: (LOG\d{3})", text, re.MULTILINE)
            assert code is not None
            expected = [f for _, f in found if f.code == code.group(1)]
            location = text.split("## Location")[1].split("## Current State")[0]
            assert len(LOCATION_RE.findall(location)) == len(expected), path.name

    def test_links_resolve(
        self, project: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        run(capsys, "--out", "out")

        out = project / "out"
        links = 0
        for name, text in report_files(out).items():
            base = (out / name).parent
            for target in LINK_RE.findall(text):
                if target.startswith(("http://", "https://")):
                    continue
                links += 1
                assert (base / target).is_file(), f"{name}: {target}"
        assert links > len(list((out / FOLDER).iterdir()))

    def test_real_source_lines_are_quoted(
        self, project: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        run(capsys, "--out", "out")

        checked = 0
        for name, text in report_files(project / "out").items():
            if name == SUMMARY:
                continue
            location = text.split("## Location")[1].split("## Current State")[0]
            for path, line, rest in LOCATION_RE.findall(location):
                source = (project / path).read_text(encoding="utf-8").splitlines()
                quoted = re.search(r": (`+) ?(.*?) ?\1$", rest)
                assert quoted is not None, rest
                assert quoted.group(2) == source[int(line) - 1].strip()
                checked += 1
            current = text.split("## Current State")[1].split("## Recommended")[0]
            for block in re.findall(
                r"### \d+\. `([^`]+):\d+`.*?```python\n(.*?)```", current, re.DOTALL
            ):
                path, body = block
                source = (project / path).read_text(encoding="utf-8").splitlines()
                for row in body.splitlines():
                    match = ROW_RE.match(row)
                    assert match is not None, row
                    assert match.group(2) == source[int(match.group(1)) - 1].rstrip()
                    checked += 1
        assert checked > 30

    def test_no_placeholder_text(
        self, project: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        run(capsys, "--out", "out")

        for name, text in report_files(project / "out").items():
            prose = re.sub(r"```.*?```", "", text, flags=re.DOTALL)
            assert "`None`" not in prose, name
            prose = re.sub(r"(`+).*?\1", "", prose)
            assert PLACEHOLDER_RE.search(prose) is None, name
            assert "None" not in prose, name

    def test_test_code_is_listed_after_the_rest_and_counted_apart(
        self, project: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        run(capsys, "--out", "out")

        files = report_files(project / "out")
        name = next(n for n in files if n.endswith("-exception-swallowed.md"))
        location = files[name].split("## Location")[1].split("## Current State")[0]
        main_part, test_part = location.split(
            "### In test code (1 place, counted apart)"
        )
        assert "`parcel/billing.py:33` in `refund`" in main_part
        assert "`tests/test_billing.py:16` in `helper_rate`" in test_part
        assert (
            "- **Places:** 1 place (and 1 in test code, counted apart) in 2 files"
            in files[name]
        )

    def test_places_are_listed_most_important_first(
        self, project: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        run(capsys, "--out", "out")

        files = report_files(project / "out")
        name = next(n for n in files if n.endswith("-print-for-diagnostics.md"))
        location = files[name].split("## Location")[1].split("## Current State")[0]
        assert [int(line) for _, line, _ in LOCATION_RE.findall(location)] == [33, 13]
        assert "priority high here" in location

    def test_second_run_is_byte_identical(
        self, project: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        run(capsys, "--out", "first")
        run(capsys, "--out", "second")
        run(capsys, "--out", "first")

        first = {
            p.relative_to(project / "first"): p.read_bytes()
            for p in (project / "first").rglob("*")
            if p.is_file()
        }
        second = {
            p.relative_to(project / "second"): p.read_bytes()
            for p in (project / "second").rglob("*")
            if p.is_file()
        }
        assert first == second

    def test_stale_finding_files_of_the_same_date_are_replaced(
        self, project: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        folder = project / "out" / FOLDER
        folder.mkdir(parents=True)
        (folder / "finding-099-security-old-rule.md").write_text("old")
        (folder / "notes.md").write_text("mine")

        run(capsys, "--out", "out")

        assert not (folder / "finding-099-security-old-rule.md").exists()
        assert (folder / "notes.md").read_text() == "mine"

    def test_golden_files(
        self, project: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        run(capsys, "--out", "out")

        files = report_files(project / "out")
        if os.environ.get("LOGERR_UPDATE_GOLDEN"):
            shutil.rmtree(GOLDEN, ignore_errors=True)
            for name, text in files.items():
                target = GOLDEN / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8", newline="\n")
        expected = {
            path.relative_to(GOLDEN).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(GOLDEN.rglob("*.md"))
        }
        assert sorted(files) == sorted(expected)
        changed = [name for name, text in files.items() if text != expected[name]]
        if changed:
            diff = difflib.unified_diff(
                expected[changed[0]].splitlines(),
                files[changed[0]].splitlines(),
                "golden",
                "now",
                lineterm="",
            )
            pytest.fail(
                f"{len(changed)} report files differ from their golden files "
                f"({', '.join(changed)}); if the change is intended, run "
                "LOGERR_UPDATE_GOLDEN=1 pytest tests/test_report.py. First diff:\n"
                + "\n".join(list(diff)[:60]),
                pytrace=False,
            )


def _priority(finding: Finding) -> str:
    return finding.priority or RULES[finding.code].priority


def _flake8_output(project: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "flake8", "--select", "LOG0", "."],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    return done.stdout


class TestFromLintOutput:
    def test_flake8_output_gives_the_same_finding_files(
        self, project: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        (project / "flake8.txt").write_text(_flake8_output(project))
        run(capsys, "--out", "direct")

        result = run(capsys, "--out", "imported", "--from-flake8", "flake8.txt")

        direct = report_files(project / "direct")
        imported = report_files(project / "imported")
        assert result.status == 0
        assert sorted(imported) == sorted(direct)
        summary = imported[SUMMARY]
        assert "findings from flake8 output read from `flake8.txt`" in summary
        for name in direct:
            if name != SUMMARY:
                location = direct[name].split("## Location")[1].split("## Current")[0]
                assert location in imported[name]

    @pytest.mark.parametrize("output_format", ["text", "json"])
    def test_pylint_output_gives_the_same_finding_files(
        self, project: Path, capsys: pytest.CaptureFixture[str], output_format: str
    ) -> None:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "pylint",
                "--load-plugins=pylint_logerr",
                "--disable=all",
                "--enable=logerr",
                "--score=n",
                f"--output-format={output_format}",
                "parcel",
                "tests",
            ],
            cwd=project,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.stdout, done.stderr
        (project / "pylint.out").write_text(done.stdout)
        run(capsys, "--out", "direct")

        result = run(capsys, "--out", "imported", "--from-pylint", "pylint.out")

        direct = report_files(project / "direct")
        imported = report_files(project / "imported")
        assert result.status == 0
        assert sorted(imported) == sorted(direct)
        for name in direct:
            if name != SUMMARY:
                location = direct[name].split("## Location")[1].split("## Current")[0]
                assert location in imported[name]

    def test_flake8_logging_duplicates_are_merged_and_said_so(
        self, project: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        line = (
            "./parcel/api.py:18:5: LOG015 logging call on the root logger; use a "
            "module logger\n"
        )
        twin = "./parcel/api.py:18:5: LOG015 use of logging.info\n"
        (project / "flake8.txt").write_text(line + twin)

        run(capsys, "--out", "out", "--from-flake8", "flake8.txt")

        summary = (project / "out" / SUMMARY).read_text(encoding="utf-8")
        assert "1 line repeating a finding already counted" in summary
        assert "- **Findings:** 1 place across 1 rule." in summary

    def test_lines_that_are_not_findings_are_named_in_the_overview_and_on_stderr(
        self,
        project: Path,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        text = (
            "parcel/worker.py:23:9: LOG016 bare `except:` also catches "
            "KeyboardInterrupt\n"
            "flake8 crashed here\n"
            "parcel/worker.py:5:1: E302 expected 2 blank lines\n"
        )
        monkeypatch.setattr(sys, "stdin", _Stdin(text))

        result = run(capsys, "--out", "out", "--from-flake8", "-")

        summary = (project / "out" / SUMMARY).read_text(encoding="utf-8")
        assert result.status == 0
        assert (
            "- **Input lines that were not findings:** 1 line not understood" in summary
        )
        assert (
            "1 finding of rules that are not about logging or error handling (E302 ×1)"
            in summary
        )
        assert (
            "- `standard input:2` (not a flake8 finding): `flake8 crashed here`"
            in summary
        )
        assert (
            "standard input:2: not a flake8 finding: flake8 crashed here" in result.err
        )

    def test_a_finding_whose_file_is_gone_keeps_its_place(
        self, project: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        (project / "flake8.txt").write_text(
            "parcel/removed.py:3:1: LOG015 logging call on the root logger; use a "
            "module logger\n"
            "./parcel/api.py:18:5: LOG015 logging call on the root logger; use a "
            "module logger\n"
        )

        run(capsys, "--out", "out", "--from-flake8", "flake8.txt")

        text = next((project / "out" / FOLDER).glob("*root-logger-call.md")).read_text()
        assert (
            "- `parcel/removed.py:3`: the file is gone: it no longer exists at this "
            "path" in text
        )
        assert "> No code to quote: the file is gone" in text
        assert "`parcel/api.py:18` in `login`" in text

    def test_ruff_json_maps_onto_our_rules(
        self, project: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        entries: list[dict[str, Any]] = [
            _ruff("E722", project / "parcel/worker.py", 23, 9),
            _ruff("T201", project / "parcel/worker.py", 13, 5),
            _ruff("F401", project / "parcel/worker.py", 4, 1),
        ]
        (project / "ruff.json").write_text(json.dumps(entries))

        result = run(capsys, "--out", "out", "--from-ruff", "ruff.json")

        names = sorted(p.name for p in (project / "out" / FOLDER).iterdir())
        assert result.status == 0
        assert names == [
            "finding-001-reliability-bare-except-handler.md",
            "finding-002-maintainability-print-for-diagnostics.md",
        ]
        bare = (project / "out" / FOLDER / names[0]).read_text()
        assert (
            "- `parcel/worker.py:23` in `run` (reported as `E722`): `except:`" in bare
        )
        summary = (project / "out" / SUMMARY).read_text()
        assert "(F401 ×1)" in summary

    def test_pylint_text_maps_our_ids(
        self, project: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        (project / "pylint.txt").write_text(
            "************* Module parcel.worker\n"
            "parcel/worker.py:23:8: W5816: bare `except:` (bare-except-handler)\n"
        )

        run(capsys, "--out", "out", "--from-pylint", "pylint.txt")

        names = [p.name for p in (project / "out" / FOLDER).iterdir()]
        summary = (project / "out" / SUMMARY).read_text()
        assert names == ["finding-001-reliability-bare-except-handler.md"]
        assert "1 header or total line of the tool itself" in summary


def _ruff(code: str, path: Path, row: int, column: int) -> dict[str, Any]:
    return {
        "code": code,
        "message": f"ruff says {code}",
        "filename": str(path),
        "location": {"row": row, "column": column},
        "end_location": {"row": row, "column": column + 1},
        "fix": None,
        "noqa_row": row,
        "url": "https://docs.astral.sh/ruff/rules/",
    }


class _Stdin:
    def __init__(self, text: str) -> None:
        self.text = text

    def read(self) -> str:
        return self.text


class TestUsageErrors:
    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["--date", "03/12/2026"], "--date wants YYYY-MM-DD"),
            (["--date", "2026-02-30"], "is not a valid date"),
            (["--from-flake8", "missing.txt"], "cannot read missing.txt"),
            (["--from-flake8", "-", "--from-ruff", "-"], "can be read only once"),
            (["--diff", "main"], "--diff needs a git repository"),
        ],
    )
    def test_exit_status_two_with_a_clear_message(
        self,
        project: Path,
        capsys: pytest.CaptureFixture[str],
        args: list[str],
        message: str,
    ) -> None:
        status = main(["report", "--out", "out", *args])

        err = capsys.readouterr().err
        assert status == 2
        assert message in err
        assert "Traceback" not in err
        assert not (project / "out").exists()

    def test_broken_ruff_json_is_exit_two(
        self, project: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        (project / "ruff.json").write_text("[{")

        status = main(["report", "--from-ruff", "ruff.json"])

        assert status == 2
        assert "ruff.json: not valid JSON" in capsys.readouterr().err


@dataclass
class FakeRewrite:
    new_source: str
    kind: str
    note: str


def fake_engine(
    source: str, finding: Finding, filename: str, settings: Settings
) -> FakeRewrite | None:
    """Rewrites LOG005 the way the real engine does; knows nothing else."""
    lines = source.splitlines(keepends=True)
    if finding.code == "LOG005":
        index = finding.line - 1
        lines[index] = lines[index].replace(".error(", ".exception(")
        return FakeRewrite("".join(lines), "safe", "`.error()` became `.exception()`")
    if finding.code == "LOG015":
        raise RuntimeError("engine bug")
    return None


class TestWithAFakeEngine:
    @pytest.fixture(autouse=True)
    def _engine(self, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
        monkeypatch.setattr(report_command, "default_engine", lambda: fake_engine)
        yield

    def test_the_rewrite_is_shown_with_line_numbers_and_a_comment(
        self, project: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        run(capsys, "--out", "out")

        text = next(
            (project / "out" / FOLDER).glob("*error-instead-of-exception.md")
        ).read_text()
        solution = text.split("## Recommended Solution")[1].split("## Why")[0]
        assert "`logerr fix` writes exactly this; it is a safe fix" in solution
        assert "> `.error()` became `.exception()`" in solution
        assert (
            '27 |         logging.exception("charging parcel %s failed", parcel_id)'
            "  # <- .exception() records the traceback too"
        ) in solution
        assert "26 |     except ParcelError as exc:" in solution
        assert "Run `logerr fix --select LOG005 parcel/api.py`" in text

    def test_a_failing_engine_is_named_and_the_place_explained_by_hand(
        self, project: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        run(capsys, "--out", "out")

        text = next((project / "out" / FOLDER).glob("*root-logger-call.md")).read_text()
        assert (
            "no automatic rewrite (the rewriting engine failed here (RuntimeError))"
            in text.replace("There is no automatic rewrite", "no automatic rewrite")
        )
        assert (
            '18 |     logging.info("login for %s with password %s", username, password)'
            "  # <- change: log through the module's own logger"
        ) in text

    def test_no_rewrite_shows_the_current_code_marked(
        self, project: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        run(capsys, "--out", "out")

        text = next(
            (project / "out" / FOLDER).glob("*exception-swallowed.md")
        ).read_text()
        assert "There is no automatic rewrite for this place" in text
        assert "33 |     except Exception:  # <- change: record the failure" in text
