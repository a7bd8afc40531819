"""Measure flake8-logerr against its peers on real projects, in one run.

Downloads pinned source distributions from the package index into a
temporary folder, then measures, on the same machine and in the same run:

1. in one process, over the same parsed trees: our core, flake8-logging's
   plugin, and parsing alone;
2. whole commands: ``logerr check`` against ``ruff check`` (nearest rule
   selection), ``flake8 --select LOG`` with flake8-logging alone (in a
   virtual environment of its own), and pylint with our plugin plus pylint's
   own logging and exception messages;
3. peak memory of ``logerr check`` on the largest project, and the speed-up
   of a second, cached ``logerr check`` of the unchanged tree.

It prints medians and ratios (ours / theirs). Run from the repository root
with the ``dev`` extra installed::

    python benchmarks/bench.py --runs 5 --markdown docs/performance.md
"""

from __future__ import annotations

import argparse
import ast
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import venv
from collections.abc import Callable, Sequence
from pathlib import Path

PROJECTS = {
    "requests": ("requests==2.32.3", "requests"),
    "flask": ("flask==3.0.3", "flask"),
    "httpx": ("httpx==0.28.1", "httpx"),
    "paramiko": ("paramiko==3.5.0", "paramiko"),
    "celery": ("celery==5.4.0", "celery"),
    "scrapy": ("scrapy==2.11.2", "scrapy"),
    "django": ("django==5.1.4", "django"),
}

# ruff's rules nearest to ours (see the README's "Beside ruff").
RUFF_SELECT = (
    "E722,BLE001,S110,S112,G,T201,T203,B904,TRY002,TRY400,TRY401,PLE1205,PLE1206,LOG"
)

# pylint's own messages about logging and exceptions, beside our checker.
PYLINT_ENABLE = (
    "logerr,logging,bare-except,broad-exception-caught,broad-exception-raised,"
    "raise-missing-from,try-except-raise,W0706"
)

# pylint is far slower than the others; by default it runs on these only.
PYLINT_PROJECTS = ("requests", "flask", "httpx")


def machine() -> str:
    model = platform.processor() or "unknown processor"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores "
        f"({model}), Python {platform.python_version()}"
    )


def download(names: Sequence[str], into: Path) -> dict[str, Path]:
    """Fetch and unpack each project's sdist; return its package folder."""
    sdists = into / "sdists"
    sdists.mkdir(parents=True, exist_ok=True)
    folders = {}
    for name in names:
        requirement, package = PROJECTS[name]
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                "--no-binary",
                ":all:",
                "--dest",
                str(sdists),
                requirement,
            ],
            check=True,
        )
        version = requirement.split("==")[1]
        archive = next(
            p
            for p in sdists.iterdir()
            if p.name.lower().startswith(f"{name}-{version}")
            and p.name.endswith(".tar.gz")
        )
        with tarfile.open(archive) as tar:
            tar.extractall(into / "src", filter="data")
        top = into / "src" / archive.name.removesuffix(".tar.gz")
        folders[name] = top / package if (top / package).is_dir() else top
        folders[f"{name}:all"] = top
    return folders


def median_time(func: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def in_process(folder: Path, runs: int) -> dict[str, float]:
    """Parse, flake8-logging and our core over the same trees."""
    from flake8_logging import Plugin as Flake8Logging

    from flake8_logerr import check

    sources = []
    for path in sorted(folder.rglob("*.py")):
        try:
            sources.append((str(path), path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError):
            # Every tool in the comparison skips an unreadable file alike.
            continue

    def parse_all() -> list[tuple[str, ast.Module, list[str]]]:
        parsed = []
        for name, text in sources:
            try:
                parsed.append((name, ast.parse(text), text.splitlines(True)))
            except SyntaxError:
                # Nobody can check a file that does not parse: leave it out.
                continue
        return parsed

    trees = parse_all()

    def run_peer() -> None:
        for _, tree, _ in trees:
            list(Flake8Logging(tree).run())

    def run_ours() -> None:
        for name, tree, lines in trees:
            check(tree, lines, name)

    return {
        "files": float(len(trees)),
        "parse": median_time(parse_all, runs),
        "flake8-logging": median_time(run_peer, runs),
        "ours": median_time(run_ours, runs),
    }


def command_time(argv: Sequence[str], runs: int, cwd: Path) -> float:
    def run() -> None:
        # Exit status 1 means "findings": expected on real code; 2 from
        # logerr names a file it could not parse (Django ships one on
        # purpose) after checking the others; pylint's are bit flags.
        result = subprocess.run(argv, cwd=cwd, capture_output=True, check=False)
        if result.returncode not in (0, 1, 2, 4, 8, 16, 20, 24, 28, 30, 32):
            raise RuntimeError(f"{argv[0]} failed: {result.stderr[-500:]!r}")

    return median_time(run, runs)


def peer_venv(into: Path) -> Path:
    """A virtual environment with flake8 and flake8-logging only."""
    where = into / "peer-venv"
    venv.create(where, with_pip=True)
    python = where / "bin" / "python"
    subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "flake8",
            "flake8-logging==1.8.0",
        ],
        check=True,
    )
    return where / "bin"


def peak_memory_mb(argv: Sequence[str], cwd: Path) -> float:
    probe = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], capture_output=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, *argv],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    return int(out.stdout.strip()) / 1024


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--projects", default=",".join(PROJECTS))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--command-runs", type=int, default=3)
    parser.add_argument("--pylint-projects", default=",".join(PYLINT_PROJECTS))
    parser.add_argument("--markdown", help="append a Markdown record of the run here")
    parser.add_argument("--keep", help="download into this folder and keep it")
    args = parser.parse_args(argv)

    names = [n for n in args.projects.split(",") if n]
    pylint_names = set(args.pylint_projects.split(","))
    work = Path(args.keep or tempfile.mkdtemp(prefix="logerr-bench-"))
    bin_dir = Path(sys.executable).parent
    runs_text = (
        f"Runs: median of {args.runs} (in process), {args.command_runs} (commands)"
    )
    lines = [f"Machine: {machine()}", runs_text, ""]

    try:
        folders = download(names, work)
        peers = peer_venv(work)
        header = (
            f"{'project':10} {'files':>6} {'parse':>7} {'f8-log':>7} {'ours':>7} "
            f"{'o/f8log':>8} {'o/parse':>8} {'check':>7} {'ruff':>7} {'flake8':>7} "
            f"{'o/ruff':>7} {'o/f8':>6} {'pylint':>7} {'o/pyl':>6}"
        )
        lines.append(header)
        for name in names:
            folder = folders[name]
            timing = in_process(folder, args.runs)
            cache = work / "cache"
            ours = command_time(
                [str(bin_dir / "logerr"), "check", "--no-cache", str(folder)],
                args.command_runs,
                work,
            )
            ruff = command_time(
                [
                    str(bin_dir / "ruff"),
                    "check",
                    "--no-cache",
                    "--quiet",
                    "--select",
                    RUFF_SELECT,
                    str(folder),
                ],
                args.command_runs,
                work,
            )
            flake8 = command_time(
                [str(peers / "flake8"), "--select", "LOG", str(folder)],
                args.command_runs,
                work,
            )
            pylint_text, pylint_ratio = "-", "-"
            if name in pylint_names:
                pylint = command_time(
                    [
                        str(bin_dir / "pylint"),
                        "--load-plugins=pylint_logerr",
                        "--disable=all",
                        f"--enable={PYLINT_ENABLE}",
                        "--score=n",
                        str(folder),
                    ],
                    1,
                    work,
                )
                pylint_text, pylint_ratio = f"{pylint:.2f}", f"{ours / pylint:.2f}"
            lines.append(
                f"{name:10} {int(timing['files']):>6} {timing['parse']:>7.2f} "
                f"{timing['flake8-logging']:>7.2f} {timing['ours']:>7.2f} "
                f"{timing['ours'] / timing['flake8-logging']:>8.2f} "
                f"{timing['ours'] / timing['parse']:>8.2f} {ours:>7.2f} "
                f"{ruff:>7.2f} {flake8:>7.2f} {ours / ruff:>7.2f} "
                f"{ours / flake8:>6.2f} {pylint_text:>7} {pylint_ratio:>6}"
            )
            print(lines[-1], flush=True)
            shutil.rmtree(cache, ignore_errors=True)

        # Whole source distributions (tests included) for memory and cache:
        # the largest tree a user would point the command at.
        largest = max(
            names, key=lambda n: sum(1 for _ in folders[f"{n}:all"].rglob("*.py"))
        )
        whole = folders[f"{largest}:all"]
        memory = peak_memory_mb(
            [
                str(bin_dir / "logerr"),
                "check",
                "--no-cache",
                "-j",
                "1",
                str(whole),
            ],
            work,
        )
        cache = work / "cache"
        first = command_time(
            [
                str(bin_dir / "logerr"),
                "check",
                "--cache-dir",
                str(cache),
                str(whole),
            ],
            1,
            work,
        )
        second = command_time(
            [
                str(bin_dir / "logerr"),
                "check",
                "--cache-dir",
                str(cache),
                str(whole),
            ],
            args.command_runs,
            work,
        )
        lines += [
            "",
            (
                f"Peak memory of `logerr check -j 1` on all of {whole.name}: "
                f"{memory:.0f} MB"
            ),
            (
                f"Cache on all of {whole.name}: first run {first:.2f} s, second run "
                f"{second:.2f} s ({first / second:.1f}x faster)"
            ),
        ]
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    report = "\n".join(lines)
    print(report)
    if args.markdown:
        with open(args.markdown, "a", encoding="utf-8") as out:
            out.write(f"\n```\n{report}\n```\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
