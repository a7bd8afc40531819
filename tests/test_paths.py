"""File-name exemptions are judged inside the file's own project."""

from __future__ import annotations

from pathlib import Path

from flake8_logerr.paths import project_parts
from tests.util import results

PRINTING = "def report(rows):\n    print(rows)\n"


def _write(path: Path, text: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_parts_start_at_the_nearest_project_root(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    name = _write(tmp_path / "examples" / "demo.py", PRINTING)

    assert project_parts(name) == ("examples", "demo.py")


def test_a_demo_script_in_examples_is_a_command_line_context(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    name = _write(tmp_path / "examples" / "demo.py", PRINTING)

    assert results(PRINTING, filename=name) == []


def test_an_application_with_its_own_project_in_examples_is_checked(
    tmp_path: Path,
) -> None:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    app = tmp_path / "examples" / "shop"
    (app.parent).mkdir()
    app.mkdir()
    (app / "pyproject.toml").write_text("", encoding="utf-8")
    name = _write(app / "shop" / "orders.py", PRINTING)

    assert project_parts(name) == ("shop", "orders.py")
    assert results(PRINTING, filename=name) == [(2, 4, "LOG025")]


def test_a_name_that_is_not_on_disk_is_taken_as_given() -> None:
    assert project_parts("./tests/test_x.py") == ("tests", "test_x.py")
    assert results(PRINTING, filename="tests/helpers.py") == []


def test_form_feed_in_a_string_does_not_shift_lines() -> None:
    # str.splitlines would split at the form feed and move the comment.
    source = 'x = "a\x0cb"\ntry:\n    pass\nexcept OSError:  # expected\n    pass\n'

    assert results(source) == []


def test_no_context_outlives_its_check() -> None:
    # Regression: a per-file cache keyed weakly by the context held the
    # context itself, so every file checked stayed in memory (640 MB on
    # Django's sources instead of 60).
    import gc

    from flake8_logerr.core import Context

    def alive() -> int:
        gc.collect()
        return sum(1 for o in gc.get_objects() if isinstance(o, Context))

    # Other tests may hold a context of their own; count ours only.
    before = alive()
    source = "import logging\nlogging.basicConfig()\nprint('x')\n"
    for _ in range(3):
        results(source)

    assert alive() == before
