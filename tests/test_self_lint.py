"""Practise what we preach: our own code passes our rules, ruff and mypy.

Each tool runs in a subprocess with this interpreter, from the repository
root, so it reads the project's own settings (``setup.cfg`` for flake8,
``pyproject.toml`` for ruff and mypy). On failure the assertion message is
the tool's own output.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, published as tomli
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("flake8_logerr", "pylint_logerr")
OWN_CODE = (*PACKAGES, "benchmarks")
EXAMPLE = "examples/taskboard"


def run_tool(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m <args>`` in the repository root and capture its output."""
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )


def explain(result: subprocess.CompletedProcess[str]) -> str:
    command = " ".join(result.args[2:])
    return f"`{command}` exited {result.returncode}:\n{result.stdout}{result.stderr}"


def assert_clean(result: subprocess.CompletedProcess[str]) -> None:
    """Fail with the tool's output unless it exited 0 and printed no finding."""
    if result.returncode != 0 or result.stdout.strip():
        pytest.fail(explain(result), pytrace=False)


def test_flake8_loads_our_plugin() -> None:
    result = run_tool("flake8", "--version")

    assert "flake8-logerr" in result.stdout, explain(result)


def test_flake8_select_log_is_clean_on_our_code() -> None:
    # flake8-logging (a dev dependency) also answers to LOG; it must be clean too.
    result = run_tool("flake8", "--select", "LOG", *OWN_CODE)

    assert_clean(result)


def test_pylint_with_our_plugin_is_clean_on_our_packages() -> None:
    result = run_tool(
        "pylint",
        "--load-plugins=pylint_logerr",
        "--disable=all",
        "--enable=logerr",
        "--score=n",
        *PACKAGES,
    )

    assert_clean(result)


def test_ruff_is_clean() -> None:
    result = run_tool(
        "ruff", "check", "--no-cache", "--quiet", "--output-format=concise", "."
    )

    assert_clean(result)


def test_mypy_strict_is_clean_on_our_packages() -> None:
    # [tool.mypy] in pyproject.toml: strict = true, packages = our two packages.
    result = run_tool("mypy")

    if result.returncode != 0:
        pytest.fail(explain(result), pytrace=False)


def test_example_app_has_findings_when_named_directly() -> None:
    # The self-lint runs above would pass vacuously if the plugin found
    # nothing at all; the example is written to be full of findings.
    result = run_tool("flake8", "--select", "LOG", f"{EXAMPLE}/taskboard/web.py")

    assert result.returncode == 1, explain(result)
    assert "LOG019 " in result.stdout, explain(result)


def test_example_app_is_kept_out_of_our_flake8_run() -> None:
    # setup.cfg excludes examples/ (and tests/fixtures/) from folder walks.
    result = run_tool("flake8", "--select", "LOG", "examples")

    assert_clean(result)


def test_example_app_is_kept_out_of_our_ruff_run() -> None:
    result = run_tool("ruff", "check", "--no-cache", "--show-files", ".")
    listed = [line for line in result.stdout.splitlines() if line.strip()]

    assert result.returncode == 0, explain(result)
    assert any("flake8_logerr" in line for line in listed), explain(result)
    assert [line for line in listed if "examples" in line] == []
    assert [line for line in listed if "tests/fixtures" in line] == []


def test_example_app_is_kept_out_of_our_test_run() -> None:
    # The example ships a test file of its own; `python -m pytest` from the
    # repository root must collect only our tests.
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))

    pytest_settings = pyproject["tool"]["pytest"]["ini_options"]

    assert pytest_settings["testpaths"] == ["tests"]
    assert (ROOT / EXAMPLE / "tests").is_dir()
    # The sample projects under tests/fixtures carry test files of their own.
    assert "tests/fixtures" in pytest_settings["norecursedirs"]
