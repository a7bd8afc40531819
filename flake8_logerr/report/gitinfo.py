"""Git context of a report: the branch, and the lines changed since a base.

Only ``git`` itself is run, with arguments that ignore the user's diff
settings (external diff tools, prefixes, quoting), so the parse is stable.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

HUNK_RE = re.compile(r"^@@ -\d+(?:,\d+)? \+(?P<start>\d+)(?:,(?P<count>\d+))? @@")


class GitError(Exception):
    """Git could not answer; the text says why in words a user can act on."""


@dataclass
class ChangedLines:
    """Lines changed since the merge base, by absolute file path."""

    base: str
    merge_base: str
    # None means the whole file is new (untracked): every line counts.
    lines: dict[Path, set[int] | None] = field(default_factory=dict)

    def contains(self, path: Path, line: int) -> bool:
        key = path.resolve()
        if key not in self.lines:
            return False
        changed = self.lines[key]
        return changed is None or line in changed

    def files(self) -> list[Path]:
        return sorted(self.lines)


def _git(folder: Path, *args: str) -> str:
    command = ["git", "-C", str(folder), "-c", "core.quotepath=off", *args]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, check=False, encoding="utf-8"
        )
    except FileNotFoundError as exc:
        raise GitError("git is not installed or not on PATH") from exc
    if done.returncode != 0:
        detail = done.stderr.strip().splitlines()
        raise GitError(detail[-1] if detail else f"git {args[0]} failed")
    return done.stdout


def repo_root(folder: Path) -> Path | None:
    """The top folder of the repository holding ``folder``, or None."""
    try:
        return Path(_git(folder, "rev-parse", "--show-toplevel").strip()).resolve()
    except GitError:
        # "Not a git repository" is an answer here, not a failure.
        return None


def current_branch(folder: Path) -> str | None:
    """The checked-out branch, ``detached at <sha>``, or None outside git."""
    if repo_root(folder) is None:
        return None
    try:
        name = _git(folder, "symbolic-ref", "--quiet", "--short", "HEAD").strip()
    except GitError:
        try:
            sha = _git(folder, "rev-parse", "--short", "HEAD").strip()
        except GitError:
            # A repository without any commit yet.
            return "no commits yet"
        return f"detached at {sha}"
    return name


def changed_lines(folder: Path, base: str) -> ChangedLines:
    """Lines changed since the merge base of ``base`` and HEAD.

    That covers commits on this branch (``git diff BASE...HEAD``), changes
    not yet committed (staged or not), and untracked files (whole).
    """
    root = repo_root(folder)
    if root is None:
        raise GitError(f"--diff needs a git repository, and {folder} is not in one")
    try:
        merge_base = _git(root, "merge-base", base, "HEAD").strip()
    except GitError as exc:
        raise GitError(
            f"cannot find the merge base of {base!r} and HEAD: {exc}"
        ) from exc

    # Comparing the merge base with the working tree gives both the
    # branch's commits and the uncommitted changes in one diff.
    diff = _git(
        root,
        "diff",
        "--no-color",
        "--no-ext-diff",
        "--no-renames",
        "--src-prefix=a/",
        "--dst-prefix=b/",
        "-U0",
        merge_base,
        "--",
    )
    changed = ChangedLines(base=base, merge_base=merge_base)
    changed.lines.update(parse_diff(diff, root))

    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "-z")
    for name in untracked.split("\0"):
        if name:
            changed.lines[(root / name).resolve()] = None
    return changed


def parse_diff(diff: str, root: Path) -> dict[Path, set[int] | None]:
    """Added or changed line numbers (new side) per file of a ``-U0`` diff."""
    result: dict[Path, set[int] | None] = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            # git ends the name with a tab when it holds a space.
            target = line[4:].rstrip("\t")
            if target == "/dev/null":
                current = None
                continue
            path = (root / target.removeprefix("b/")).resolve()
            current = set()
            result[path] = current
            continue
        match = HUNK_RE.match(line)
        if match is None or current is None:
            continue
        start = int(match["start"])
        count = int(match["count"]) if match["count"] is not None else 1
        current.update(range(start, start + count))
    return result
