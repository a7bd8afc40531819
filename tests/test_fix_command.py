"""``logerr fix``: in-place writes, --diff, selection, exit codes, bad files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from flake8_logerr import check_source
from flake8_logerr.cli import main
from flake8_logerr.fixes import rewrite_for

HEADER = "import logging\n\nlogger = logging.getLogger(__name__)\n\n\n"
FIXABLE = HEADER + 'def f(a):\n    logger.info(f"x {a}")\n'
FIXED = HEADER + 'def f(a):\n    logger.info("x %s", a)\n'
SWALLOWED = "def f():\n    try:\n        pass\n    except OSError:\n        pass\n"
UNSAFE = (
    "import logging\n\nlogger = logging.getLogger(__name__)\n\n"
    'try:\n    pass\nexcept:\n    logger.exception("failed")\n'
)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'demo'\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_fixes_in_place_and_exits_zero(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "app.py").write_text(FIXABLE)

    status = main(["fix", "app.py"])

    assert status == 0
    assert (project / "app.py").read_text() == FIXED
    out = capsys.readouterr().out
    assert out == (
        "app.py:7:17: LOG011 fixed: f-string message made lazy: %-style, 1 argument\n"
        "logerr: fixed 1 in 1 file (LOG011 1); 0 left\n"
    )


def test_second_run_changes_nothing(project: Path) -> None:
    (project / "app.py").write_text(FIXABLE)
    main(["fix", "app.py"])

    status = main(["fix", "app.py"])

    assert status == 0
    assert (project / "app.py").read_text() == FIXED


def test_diff_writes_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "app.py").write_text(FIXABLE)

    status = main(["fix", "--diff", "app.py"])

    assert status == 0
    assert (project / "app.py").read_text() == FIXABLE
    captured = capsys.readouterr()
    assert captured.out == (
        "--- a/app.py\n"
        "+++ b/app.py\n"
        "@@ -4,4 +4,4 @@\n"
        " \n"
        " \n"
        " def f(a):\n"
        '-    logger.info(f"x {a}")\n'
        '+    logger.info("x %s", a)\n'
    )
    assert captured.err.endswith("logerr: would fix 1 in 1 file (LOG011 1); 0 left\n")


def test_findings_left_exit_one(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "app.py").write_text(SWALLOWED)

    status = main(["fix", "app.py"])

    assert status == 1
    assert (project / "app.py").read_text() == SWALLOWED
    assert capsys.readouterr().out == (
        "app.py:4:5: LOG018 left: no automatic fix: handle, log or explain the "
        "ignored exception\n"
        "logerr: fixed 0 in 0 files; 1 left\n"
    )


def test_select_limits_fixes_and_exit(project: Path) -> None:
    (project / "app.py").write_text(FIXABLE + "\n\n" + SWALLOWED.replace("f()", "g()"))

    status = main(["fix", "--select", "LOG011", "app.py"])

    assert status == 0
    assert 'logger.info("x %s", a)' in (project / "app.py").read_text()


def test_ignore(project: Path) -> None:
    (project / "app.py").write_text(FIXABLE)

    status = main(["fix", "--ignore", "LOG011", "app.py"])

    assert status == 0
    assert (project / "app.py").read_text() == FIXABLE


def test_unsafe_fixes_only_when_asked(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "app.py").write_text(UNSAFE)

    first = main(["fix", "app.py"])
    summary = capsys.readouterr().out.splitlines()[-1]
    second = main(["fix", "--unsafe-fixes", "app.py"])

    assert first == 1
    assert summary == (
        "logerr: fixed 0 in 0 files; 1 left, 1 of them with an unsafe fix "
        "(--unsafe-fixes)"
    )
    assert second == 0
    assert (project / "app.py").read_text() == UNSAFE.replace(
        "except:", "except Exception:"
    )


def test_bad_file_reported_others_fixed(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "bad.py").write_text("def f(:\n")
    (project / "good.py").write_text(FIXABLE)

    status = main(["fix", "."])

    assert status == 2
    assert (project / "good.py").read_text() == FIXED
    err = capsys.readouterr().err
    assert err == "logerr: cannot fix bad.py: syntax error: line 1: invalid syntax\n"


def test_missing_path_is_a_usage_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["fix", "nowhere.py"])

    assert status == 2
    assert "logerr: cannot fix nowhere.py: no such file or folder" in (
        capsys.readouterr().err
    )


def test_config_from_pyproject(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.logerr]\nignore = ["LOG011"]\n')
    (project / "app.py").write_text(FIXABLE)

    status = main(["fix", "app.py"])

    assert status == 0
    assert (project / "app.py").read_text() == FIXABLE


def test_bad_config_is_a_usage_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "pyproject.toml").write_text("[tool.logerr]\nselekt = []\n")
    (project / "app.py").write_text(FIXABLE)

    status = main(["fix", "app.py"])

    assert status == 2
    assert (project / "app.py").read_text() == FIXABLE
    assert "unknown key 'selekt'" in capsys.readouterr().err


class TestEncodings:
    def test_crlf_kept(self, project: Path) -> None:
        (project / "app.py").write_bytes(FIXABLE.replace("\n", "\r\n").encode())

        main(["fix", "app.py"])

        assert (project / "app.py").read_bytes() == FIXED.replace("\n", "\r\n").encode()

    def test_byte_order_mark_kept(self, project: Path) -> None:
        (project / "app.py").write_bytes(b"\xef\xbb\xbf" + FIXABLE.encode())

        main(["fix", "app.py"])

        assert (project / "app.py").read_bytes() == b"\xef\xbb\xbf" + FIXED.encode()

    def test_coding_cookie_kept(self, project: Path) -> None:
        cookie = "# -*- coding: latin-1 -*-\n"
        source = cookie + FIXABLE.replace('"x {a}"', '"café {a}"')
        (project / "app.py").write_bytes(source.encode("latin-1"))

        main(["fix", "app.py"])

        expected = cookie + FIXED.replace('"x %s"', '"café %s"')
        assert (project / "app.py").read_bytes() == expected.encode("latin-1")


EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "taskboard"


@pytest.mark.skipif(not EXAMPLE.is_dir(), reason="the example app is not there")
def test_example_app_fixed_compiles_and_settles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "taskboard"
    shutil.copytree(EXAMPLE, copy)
    monkeypatch.chdir(tmp_path)
    before = {p: p.read_text() for p in copy.rglob("*.py")}

    main(["fix", "--unsafe-fixes", "taskboard"])
    after = {p: p.read_text() for p in copy.rglob("*.py")}
    status = main(["fix", "--unsafe-fixes", "taskboard"])

    assert after != before
    for path, text in after.items():
        compile(text, str(path), "exec")
    assert {p: p.read_text() for p in copy.rglob("*.py")} == after
    assert status in (0, 1)


@pytest.mark.skipif(not EXAMPLE.is_dir(), reason="the example app is not there")
def test_example_app_every_finding_has_a_compiling_rewrite_or_none() -> None:
    for path in sorted(EXAMPLE.rglob("*.py")):
        source = path.read_text()
        for finding in check_source(source, str(path)):
            rewrite = rewrite_for(source, finding, str(path))
            if rewrite is not None:
                compile(rewrite.new_source, str(path), "exec")
                assert rewrite.new_source != source
