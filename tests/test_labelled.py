"""Precision and recall on a hand-labelled corpus, through the real flake8.

The corpus under ``tests/fixtures/labelled/`` is a small shop application
written the way real projects are (Flask, FastAPI and Django handlers, Celery
tasks, a queue consumer, ETL jobs, a click CLI, settings, scripts, tests),
labelled by hand from ``rules.md``, not from our implementation. A label is a
comment on the line where a finding belongs::

    logger.info(f"user {name}")  # expect: LOG011
    # expect-next-line: LOG018
    except ValueError:

The second form exists because any comment inside a silent handler (its
``except`` line included) is an explanation that excuses LOG018, so the label
of such a handler sits on the line above it, outside the handler.

Run ``python tests/test_labelled.py`` to print the per-rule table that
``docs/evaluation.md`` quotes.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from flake8_logerr.registry import RULES

CORPUS = Path(__file__).parent / "fixtures" / "labelled"

CODES = [f"LOG{n:03d}" for n in range(1, 28)]

LABEL_RE = re.compile(
    r"#\s*expect(?P<next>-next-line)?:\s*(?P<codes>LOG\d{3}(?:\s*,\s*LOG\d{3})*)"
)

# path:line:col: CODE message, as flake8 prints it by default.
OUTPUT_RE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>\S+) (?P<msg>.*)$"
)

Key = tuple[str, int, str]


def _template_re(template: str) -> re.Pattern[str]:
    """Turn a message template such as ``message has {} ...`` into a regex."""
    parts = re.split(r"\{[^{}]*\}", template)
    return re.compile("^" + ".*?".join(re.escape(part) for part in parts) + "$")


OUR_MESSAGES = {code: _template_re(rule.message) for code, rule in RULES.items()}


def read_labels(root: Path = CORPUS) -> set[Key]:
    """Every ``(relative path, line, code)`` the corpus expects."""
    labels: set[Key] = set()

    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        for number, text in enumerate(path.read_text().splitlines(), start=1):
            match = LABEL_RE.search(text)
            if match is None:
                continue
            line = number + 1 if match["next"] else number
            for code in re.split(r"\s*,\s*", match["codes"]):
                labels.add((rel, line, code))

    return labels


def run_flake8(cwd: Path, target: str) -> tuple[set[Key], list[str]]:
    """Our findings from ``flake8 --select LOG``, and any lines we could not read.

    flake8-logging, installed beside us as the parity oracle, prints its own
    LOG001-LOG015 findings too; a line counts as ours only when its message
    matches the rule table's template for its code.
    """
    proc = subprocess.run(
        [sys.executable, "-m", "flake8", "--select", "LOG", "--isolated", target],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode not in (0, 1) or proc.stderr.strip():
        raise AssertionError(f"flake8 failed ({proc.returncode}):\n{proc.stderr}")

    found: set[Key] = set()
    strange: list[str] = []
    for raw in proc.stdout.splitlines():
        match = OUTPUT_RE.match(raw)
        if match is None:
            strange.append(raw)
            continue
        pattern = OUR_MESSAGES.get(match["code"])
        if pattern is None or not pattern.match(match["msg"]):
            # flake8-logging's finding, or our internal-error finding (LOG000).
            if match["code"] == "LOG000":
                strange.append(raw)
            continue
        path = (cwd / match["path"]).resolve().relative_to(CORPUS.resolve())
        found.add((path.as_posix(), int(match["line"]), match["code"]))

    return found, strange


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def score(expected: set[Key], found: set[Key]) -> tuple[dict[str, Score], Score]:
    """Per-rule and overall scores of ``found`` against ``expected``."""
    per_rule = {code: Score() for code in CODES}
    total = Score()

    for key in expected | found:
        rule = per_rule.setdefault(key[2], Score())
        if key in expected and key in found:
            rule.tp += 1
            total.tp += 1
        elif key in found:
            rule.fp += 1
            total.fp += 1
        else:
            rule.fn += 1
            total.fn += 1

    return per_rule, total


def table(per_rule: dict[str, Score], total: Score) -> str:
    """The per-rule table in Markdown."""
    rows = [
        "| rule | labelled | TP | FP | FN | precision | recall |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for code, s in sorted(per_rule.items()):
        rows.append(
            f"| {code} | {s.tp + s.fn} | {s.tp} | {s.fp} | {s.fn} "
            f"| {s.precision:.2f} | {s.recall:.2f} |"
        )
    rows.append(
        f"| **all** | {total.tp + total.fn} | {total.tp} | {total.fp} | {total.fn} "
        f"| {total.precision:.2f} | {total.recall:.2f} |"
    )
    return "\n".join(rows)


def _describe(keys: set[Key]) -> str:
    return "\n".join(f"  {path}:{line}: {code}" for path, line, code in sorted(keys))


@pytest.fixture(scope="module")
def flake8_run() -> tuple[set[Key], list[str]]:
    return run_flake8(CORPUS, ".")


def test_corpus_labels_every_rule_at_least_three_times() -> None:
    counts = Counter(code for _, _, code in read_labels())

    assert {code: counts[code] for code in CODES if counts[code] < 3} == {}
    assert set(counts) <= set(CODES)


def test_corpus_is_its_own_project_root() -> None:
    # File-name exemptions (tests/, scripts/, settings.py, ...) are judged
    # from the nearest project root, which must be the corpus, not this repo.
    assert (CORPUS / "pyproject.toml").is_file()


def test_flake8_output_is_all_understood(
    flake8_run: tuple[set[Key], list[str]],
) -> None:
    _, strange = flake8_run

    assert strange == []


def test_precision_and_recall_on_the_labelled_corpus(
    flake8_run: tuple[set[Key], list[str]],
) -> None:
    expected = read_labels()
    found, _ = flake8_run
    per_rule, total = score(expected, found)
    report = (
        f"\n{table(per_rule, total)}\n"
        f"false positives:\n{_describe(found - expected)}\n"
        f"false negatives:\n{_describe(expected - found)}"
    )

    assert total.precision >= 0.9, report
    assert total.recall >= 0.9, report
    assert [code for code in CODES if per_rule[code].tp == 0] == [], report


def test_same_findings_from_another_working_directory(
    flake8_run: tuple[set[Key], list[str]],
) -> None:
    # Reviewers may point flake8 at the folder from elsewhere; the project
    # root (and so every file-name exemption) must not depend on the cwd.
    repo = Path(__file__).parent.parent
    found_here, _ = flake8_run

    found_there, _ = run_flake8(repo, str(CORPUS.relative_to(repo)))

    assert found_there == found_here


if __name__ == "__main__":
    labels = read_labels()
    findings, unread = run_flake8(CORPUS, ".")
    rule_scores, overall = score(labels, findings)
    print(table(rule_scores, overall))
    print("\nfalse positives:\n" + _describe(findings - labels))
    print("\nfalse negatives:\n" + _describe(labels - findings))
    if unread:
        print("\nunread output:\n" + "\n".join(unread))
