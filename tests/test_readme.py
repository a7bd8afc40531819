"""The README and the usage pages say what the code does.

The rule table is generated from the rule table in the registry; refresh it
with ``python -m tests.test_readme``. Everything else here is checked, not
generated: the Quick start, the ruff lists, the pre-commit hook, and every
snippet, link, setting and symbol the pages name.
"""

from __future__ import annotations

import ast
import configparser
import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from flake8_logerr.registry import INTERNAL_ERROR, RULES
from flake8_logerr.settings import OPTIONS

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, published as tomli
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
USAGE_RUFF = ROOT / "docs" / "usage-ruff.md"
REPORT_DOC = ROOT / "docs" / "report.md"
PAGES = (
    README,
    ROOT / "docs" / "usage-flake8.md",
    ROOT / "docs" / "usage-pylint.md",
    USAGE_RUFF,
    REPORT_DOC,
)

TABLE_START = "<!-- rules-table:start"
TABLE_END = "<!-- rules-table:end -->"

QUICK_START = (
    "pip install . && logerr report examples/taskboard",
    'pip install ".[dev]" && python -m pytest',
)

RUFF_CODES = sorted(code for code, rule in RULES.items() if rule.ruff)
OTHER_CODES = sorted(code for code, rule in RULES.items() if not rule.ruff)

FENCE = re.compile(r"^```([\w-]*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
LINK = re.compile(r"\]\(([^)\s]+)\)")


def rules_table() -> str:
    """The README's table of rules, one row per registry entry."""
    rows = ["| Code | Symbol | What it flags |", "| --- | --- | --- |"]
    for code, rule in sorted(RULES.items()):
        rows.append(
            f"| [{code}](docs/rules/{code}.md) | `{rule.name}` | {rule.summary} |"
        )
    return "\n".join(rows)


def write_rules_table(path: Path = README) -> None:
    """Replace the lines between the table markers with a fresh table."""
    text = path.read_text(encoding="utf-8")
    head, rest = text.split(TABLE_START, 1)
    marker_rest, tail = rest.split(TABLE_END, 1)
    marker = TABLE_START + marker_rest.split("\n", 1)[0]
    new = f"{head}{marker}\n{rules_table()}\n{TABLE_END}{tail}"
    path.write_text(new, encoding="utf-8")


def fenced_blocks(text: str) -> list[tuple[str, str]]:
    """(language, body) of every fenced code block, in order."""
    return [(match[1], match[2]) for match in FENCE.finditer(text)]


def section(text: str, heading: str) -> str:
    """The text under the level-2 heading, up to the next level-2 heading."""
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def prose(text: str) -> str:
    """The text with its fenced code blocks removed."""
    return FENCE.sub("", text)


def all_blocks() -> list[tuple[Path, int, str, str]]:
    return [
        (page, index, language, body)
        for page in PAGES
        if page.exists()
        for index, (language, body) in enumerate(fenced_blocks(page.read_text("utf-8")))
    ]


def block_id(block: tuple[Path, int, str, str]) -> str:
    page, index, language, _ = block
    return f"{page.name}-{index}-{language or 'text'}"


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_rules_table_matches_the_registry() -> None:
    text = read(README)
    between = text.split(TABLE_START, 1)[1].split(TABLE_END, 1)[0]
    table = between.split("\n", 1)[1].strip()

    # Refresh with: python -m tests.test_readme
    assert table == rules_table()


def test_quick_start_has_exactly_the_two_command_lines() -> None:
    blocks = fenced_blocks(section(read(README), "Quick start"))

    assert [body.strip() for _, body in blocks] == list(QUICK_START)


def test_ci_runs_the_quick_start_test_command() -> None:
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    commands = [line for line in lines if line.strip() and not line.startswith("#")]
    test_command = QUICK_START[1].split(" && ")[1]

    assert commands[-1] == test_command


@pytest.mark.parametrize("page", [README, USAGE_RUFF], ids=lambda page: page.name)
def test_ruff_external_list_is_our_codes_minus_ruffs(page: Path) -> None:
    settings = [
        tomllib.loads(body)
        for language, body in fenced_blocks(read(page))
        if language == "toml" and "external" in body
    ]

    assert [s["tool"]["ruff"]["lint"]["external"] for s in settings] == [OTHER_CODES]


@pytest.mark.parametrize("page", [README, USAGE_RUFF], ids=lambda page: page.name)
def test_ruff_table_lists_exactly_the_codes_ruff_shares(page: Path) -> None:
    rows = re.findall(r"^\| (LOG\d{3}) \|", read(page), re.MULTILINE)

    assert rows == RUFF_CODES


def test_installed_ruff_implements_exactly_the_codes_we_share() -> None:
    # When ruff adds one of our codes, the README's lists must change with it.
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "rule", "--all", "--output-format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    ruff_codes = {rule.get("code") or "" for rule in json.loads(result.stdout)}

    assert sorted(ruff_codes & set(RULES)) == RUFF_CODES


@pytest.mark.parametrize("block", all_blocks(), ids=block_id)
def test_snippet_is_valid(block: tuple[Path, int, str, str]) -> None:
    _, _, language, body = block

    if language == "toml":
        tomllib.loads(body)
    elif language == "yaml":
        yaml.safe_load(body)
    elif language == "json":
        json.loads(body)
    elif language == "ini":
        configparser.ConfigParser().read_string(body)
    elif language == "python":
        ast.parse(body)
    else:
        assert language in ("sh", "text", ""), f"unknown snippet language {language!r}"


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_relative_links_point_at_files(page: Path) -> None:
    targets = [
        target.split("#", 1)[0]
        for target in LINK.findall(prose(read(page)))
        if not target.startswith(("http://", "https://", "#"))
    ]
    missing = [t for t in targets if not (page.parent / t).exists()]

    assert targets
    assert missing == []


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_settings_named_on_the_page_exist(page: Path) -> None:
    text = read(page)
    keys = {option.key for option in OPTIONS}
    flake8_names = set(re.findall(r"--logerr-([a-z-]+)", text))
    flake8_names |= set(re.findall(r"^logerr-([a-z-]+) =", text, re.MULTILINE))
    tables = [
        tomllib.loads(body)
        for language, body in fenced_blocks(text)
        if language == "toml"
    ]
    pylint_keys = {
        key
        for t in tables
        for key in t.get("tool", {}).get("pylint", {}).get("logerr", {})
    }
    logerr_keys = {key for t in tables for key in t.get("tool", {}).get("logerr", {})}

    assert flake8_names - keys == set()
    assert pylint_keys - keys == set()
    assert logerr_keys - keys - {"select", "ignore", "exclude"} == set()


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_codes_and_symbols_named_on_the_page_exist(page: Path) -> None:
    text = read(page)
    symbols = {rule.name for rule in RULES.values()}
    pylint_ids = {rule.pylint_id for rule in (INTERNAL_ERROR, *RULES.values())}

    codes = {*RULES, INTERNAL_ERROR.code}

    assert set(re.findall(r"\bLOG\d{3}\b", text)) - codes == set()
    assert set(re.findall(r"\b[CWE]58\d\d\b", text)) - pylint_ids == set()
    assert set(re.findall(r"pylint: disable=([a-z-]+)", text)) - symbols == set()


def test_pylint_ids_on_the_page_match_their_codes() -> None:
    # "`LOG015` is `W5815`": the README's example pairing must be right.
    pairs = re.findall(r"`(LOG\d{3})` is `([CWE]58\d\d)`", read(README))

    assert pairs
    assert [(code, RULES[code].pylint_id) for code, _ in pairs] == pairs


def test_pre_commit_hook_runs_logerr_check_on_python_files() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    pyproject = tomllib.loads(read(ROOT / "pyproject.toml"))

    assert [(h["id"], h["entry"], h["language"], h["types"]) for h in hooks] == [
        ("logerr", "logerr check", "python", ["python"])
    ]
    assert "logerr" in pyproject["project"]["scripts"]


def test_readme_shows_both_pre_commit_hooks() -> None:
    blocks = [
        yaml.safe_load(body)
        for language, body in fenced_blocks(section(read(README), "pre-commit"))
        if language == "yaml"
    ]
    hooks = [
        hook for block in blocks for repo in block["repos"] for hook in repo["hooks"]
    ]

    assert hooks == [
        {"id": "logerr"},
        {"id": "flake8", "additional_dependencies": ["flake8-logerr"]},
    ]


def test_ci_example_uploads_the_sarif_that_logerr_check_writes() -> None:
    (workflow,) = [
        yaml.safe_load(body)
        for language, body in fenced_blocks(
            section(read(README), "Continuous integration")
        )
        if language == "yaml"
    ]
    (job,) = workflow["jobs"].values()
    runs = [step["run"] for step in job["steps"] if "run" in step]
    (upload,) = [
        step for step in job["steps"] if "upload-sarif" in step.get("uses", "")
    ]
    written = re.findall(r"logerr check --format sarif > (\S+)", "\n".join(runs))

    assert job["permissions"]["security-events"] == "write"
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert written == [upload["with"]["sarif_file"]]


def test_vs_code_settings_use_the_environment_and_load_the_plugins() -> None:
    (settings,) = [
        json.loads(body)
        for language, body in fenced_blocks(section(read(README), "Editors"))
        if language == "json"
    ]

    assert settings == {
        "flake8.importStrategy": "fromEnvironment",
        "flake8.args": ["--extend-select=LOG"],
        "pylint.importStrategy": "fromEnvironment",
        "pylint.args": ["--load-plugins=pylint_logerr"],
    }


def logerr_command() -> list[str]:
    """The ``logerr`` console script next to this interpreter, or its module."""
    script = shutil.which("logerr", path=str(Path(sys.executable).parent))
    if script is None:
        return [sys.executable, "-m", "flake8_logerr.cli"]
    return [script]


@pytest.fixture(scope="module")
def quick_start_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder where the Quick start's first line left its report.

    The command runs as written, in a copy of the repository's examples/,
    so the report lands in a temporary folder rather than in the checkout.
    """
    root = tmp_path_factory.mktemp("fresh-clone")
    shutil.copytree(ROOT / "examples", root / "examples")
    command = shlex.split(QUICK_START[0].split(" && ")[1])
    assert command[0] == "logerr"

    result = subprocess.run(
        [*logerr_command(), *command[1:]],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    return root


def test_quick_start_report_lands_in_the_current_folder(
    quick_start_report: Path,
) -> None:
    summaries = sorted(quick_start_report.glob("logging-error-handling-*.md"))
    folders = [path.with_suffix("") for path in summaries]

    assert len(summaries) == 1
    assert folders[0].is_dir()
    assert sorted(folders[0].glob("finding-*.md"))


def test_report_doc_explains_every_section_of_the_report(
    quick_start_report: Path,
) -> None:
    summary = next(quick_start_report.glob("logging-error-handling-*.md"))
    finding = next(summary.with_suffix("").glob("finding-*.md"))
    headings = re.findall(r"^## (.+)$", read(summary) + read(finding), re.MULTILINE)
    doc = read(REPORT_DOC)
    explained = set(re.findall(r"^### (.+)$", doc, re.MULTILINE))
    explained |= set(re.findall(r"^- \*\*(.+?)\*\*:", doc, re.MULTILINE))

    assert headings
    assert [h for h in headings if h not in explained] == []


if __name__ == "__main__":
    write_rules_table()
