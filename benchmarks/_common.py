"""Shared helpers of the benchmark scripts (run by hand, never collected by pytest).

Run the scripts from the repository root, e.g. ``python benchmarks/bench_throughput.py``.
The data lives outside the repository in ``../shared/data/``; without it the
scripts print a message and exit 0.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
AUFENTHG = DATA / "gesetze" / "aufenthg_2004.md"
AMT24 = DATA / "amt24" / "docs"
GESETZE = DATA / "gesetze"
GSD = DATA / "ud_german"


def require(*paths: Path) -> None:
    """Exit cleanly (status 0) with a message when benchmark data is missing."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        print(f"skipped: {', '.join(missing)} not found (benchmark data is not part of the repository)")
        sys.exit(0)


def corpus_files(name: str, limit: int | None = None) -> list[str]:
    """The files of a benchmark corpus: ``aufenthg`` (one law) or ``amt24`` (the pages, sorted;
    the first ``limit`` of them if given)."""
    if name == "aufenthg":
        return [str(AUFENTHG)]
    files = sorted(str(p) for p in AMT24.glob("*.md"))
    return files[:limit] if limit else files


def corpora(choice: str) -> list[str]:
    """The corpus names a ``--corpus`` choice stands for (``both``: the law, then Amt24)."""
    return ["aufenthg", "amt24"] if choice == "both" else [choice]


def machine() -> str:
    """One line: cores, CPU model, Python, platform."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"machine: {os.cpu_count()} cores (nproc), {model}, Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}")


def table(header: list[str], rows: list[list[object]]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def median(values: list[float]) -> float:
    return statistics.median(values)


def python() -> str:
    """The interpreter running the benchmark (subprocesses use the same one)."""
    return sys.executable
