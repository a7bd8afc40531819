"""Git context of ``logerr report``: the branch, and ``--diff BASE``."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from flake8_logerr.cli import main
from flake8_logerr.report.gitinfo import (
    GitError,
    changed_lines,
    current_branch,
    parse_diff,
    repo_root,
)

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

FIXTURE = Path(__file__).parent / "fixtures" / "report_project"
DATE = "2026-12-03"
SUMMARY = f"logging-error-handling-{DATE}.md"
FOLDER = f"logging-error-handling-{DATE}"


def git(folder: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(folder), *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample project committed on ``main``, then a branch ``feature``."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(name, raising=False)
    target = tmp_path / "project"
    shutil.copytree(FIXTURE, target)
    git(target, "init", "-q", "-b", "main")
    git(target, "config", "user.email", "dev@example.com")
    git(target, "config", "user.name", "Dev")
    git(target, "config", "commit.gpgsign", "false")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "start")
    git(target, "checkout", "-q", "-b", "feature")
    monkeypatch.chdir(target)
    return target


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_parse_diff_reads_the_new_side_of_each_hunk(tmp_path: Path) -> None:
    diff = (
        "diff --git a/app.py b/app.py\n"
        "--- a/app.py\n"
        "+++ b/app.py\n"
        "@@ -3 +3 @@ def f():\n"
        "-    x\n"
        "+    y\n"
        "@@ -10,0 +11,2 @@\n"
        "+a\n"
        "+b\n"
        "@@ -20,3 +22,0 @@\n"
        "diff --git a/gone.py b/gone.py\n"
        "--- a/gone.py\n"
        "+++ /dev/null\n"
        "@@ -1,2 +0,0 @@\n"
        "diff --git a/my file.py b/my file.py\n"
        "--- a/my file.py\t\n"
        "+++ b/my file.py\t\n"
        "@@ -1 +1 @@\n"
    )

    changed = parse_diff(diff, tmp_path)

    assert changed == {
        (tmp_path / "app.py").resolve(): {3, 11, 12},
        (tmp_path / "my file.py").resolve(): {1},
    }


def test_branch_and_root(repo: Path) -> None:
    assert current_branch(repo) == "feature"
    assert repo_root(repo / "parcel") == repo.resolve()


def test_branch_outside_a_repository_is_none(tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    folder.mkdir()

    assert current_branch(folder) is None
    with pytest.raises(GitError, match="--diff needs a git repository"):
        changed_lines(folder, "main")


def test_unknown_base_is_a_clear_error(repo: Path) -> None:
    with pytest.raises(GitError, match="cannot find the merge base of 'nope'"):
        changed_lines(repo, "nope")


def test_changed_lines_cover_commits_uncommitted_and_untracked(repo: Path) -> None:
    _replace(
        repo / "parcel/worker.py", '    print("label for"', '    print("Label for"'
    )
    git(repo, "commit", "-q", "-am", "label text")
    _replace(repo / "parcel/api.py", "    password = data", "    password = data  # x")
    (repo / "parcel/extra.py").write_text("import logging\nlogging.info('x')\n")

    changed = changed_lines(repo, "main")

    assert changed.merge_base == git(repo, "rev-parse", "main").strip()
    assert changed.lines == {
        (repo / "parcel/worker.py").resolve(): {13},
        (repo / "parcel/api.py").resolve(): {17},
        (repo / "parcel/extra.py").resolve(): None,
    }
    assert changed.contains(repo / "parcel/extra.py", 99)
    assert not changed.contains(repo / "parcel/worker.py", 14)


def test_report_keeps_only_findings_on_changed_lines(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A committed change on the branch, one not yet committed, a new file.
    _replace(
        repo / "parcel/worker.py", '    print("label for"', '    print("Label for"'
    )
    git(repo, "commit", "-q", "-am", "label text")
    _replace(
        repo / "parcel/billing.py",
        'raise Exception("no rate',
        'raise Exception("no rate at all',
    )
    (repo / "parcel/extra.py").write_text(
        "import logging\n\n\ndef ping():\n    logging.info('ping')\n"
    )

    status = main(["report", "--date", DATE, "--out", "out", "--diff", "main"])

    captured = capsys.readouterr()
    assert status == 0, captured.err
    names = sorted(p.name for p in (repo / "out" / FOLDER).iterdir())
    # All medium with one place each: ties go by code.
    assert names == [
        "finding-001-maintainability-root-logger-call.md",
        "finding-002-maintainability-no-module-logger.md",
        "finding-003-maintainability-generic-exception-raised.md",
        "finding-004-maintainability-print-for-diagnostics.md",
    ]
    summary = (repo / "out" / SUMMARY).read_text()
    assert "- **Branch:** `feature`." in summary
    assert (
        "- **Changed since `main`:** 3 files: `parcel/billing.py`, `parcel/extra.py` "
        "and `parcel/worker.py`. Only findings on changed lines are kept "
        "(13 left out)." in summary
    )
    printed = (repo / "out" / FOLDER / names[3]).read_text()
    assert "- `parcel/worker.py:13` in `make_label`" in printed
    assert "parcel/worker.py:33" not in printed


def test_report_diff_outside_a_repository_is_exit_two(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    folder = tmp_path / "plain"
    shutil.copytree(FIXTURE, folder)
    monkeypatch.chdir(folder)

    status = main(["report", "--date", DATE, "--diff", "main"])

    err = capsys.readouterr().err
    assert status == 2
    assert "logerr report: --diff needs a git repository" in err
    assert not (folder / SUMMARY).exists()
