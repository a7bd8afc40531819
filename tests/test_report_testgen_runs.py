"""The tests the report recommends really run: red on the code, green once fixed.

Each recommended test is written into a copy of the sample project and run
with pytest twice: on the code as it is (it must fail, or it would prove
nothing) and after the engine's rewrite of that one finding (it must pass).
``requests`` is replaced by a small stub so that nothing touches the network.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_logerr.core import check_source
from flake8_logerr.fixes import rewrite_for
from flake8_logerr.registry import RULES
from flake8_logerr.report.model import Place
from flake8_logerr.report.sources import SourceCache, module_name
from flake8_logerr.report.testgen import recommend_test

FIXTURE = Path(__file__).parent / "fixtures" / "report_project"

REQUESTS_STUB = """\
class RequestException(Exception):
    pass


def get(*args, **kwargs):
    raise AssertionError("the test should have patched requests.get")


def post(*args, **kwargs):
    raise AssertionError("the test should have patched requests.post")
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(FIXTURE, target)
    (target / "requests.py").write_text(REQUESTS_STUB)
    return target


def run_pytest(project: Path, test: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(test)],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("path", "line", "code"),
    [
        ("parcel/billing.py", 33, "LOG018"),
        ("parcel/billing.py", 19, "LOG022"),
        ("parcel/worker.py", 33, "LOG025"),
    ],
)
def test_recommended_test_fails_today_and_passes_after_the_rewrite(
    project: Path, path: str, line: int, code: str
) -> None:
    source_text = (project / path).read_text()
    [finding] = [
        f for f in check_source(source_text, path) if (f.line, f.code) == (line, code)
    ]
    source = SourceCache(project).get(path)
    function = source.function_at(line)
    place = Place(path, finding, "high", False, function.qualname if function else None)
    sketch = recommend_test(place, RULES[code], source, module_name(path, project))
    test = project / "tests" / f"{sketch.name}.py"
    test.write_text(sketch.code)

    before = run_pytest(project, test)
    rewrite = rewrite_for(source_text, finding, path)
    assert rewrite is not None
    (project / path).write_text(rewrite.new_source)
    after = run_pytest(project, test)

    assert before.returncode == 1, before.stdout
    assert after.returncode == 0, after.stdout + "\n" + rewrite.new_source
