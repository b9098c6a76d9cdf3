"""``einfach report --jobs 1`` against ``--jobs 2`` on a few hundred documents (issue 7).

    python benchmarks/bench_report_jobs.py [--documents 300] [--runs 3]

The documents are the first ``--documents`` Amt24 pages (``../shared/data/amt24``),
copied into a temporary folder, so the report's history and output stay out of
the data folder.  Each run is a fresh ``einfach report`` process with its own
history file; the two settings alternate so that machine load hits both alike.
Target: 2 jobs at least 1.7 x faster than 1 job.  Last, a run over the
unchanged corpus with the history of an earlier run shows what reusing stored
summaries saves (``einfach.report.reuse``).  Run it on an idle machine:
the figure is meaningless when other processes use the second core.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import AMT24, ROOT, machine, median, require, table  # noqa: E402
from bench_startup import einfach_command  # noqa: E402


def run_report(einfach: list[str], folder: Path, jobs: int, scratch: Path,
               history: Path | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the report and its workers) of one report run.

    Each run gets a new history unless ``history`` is given, so no summary is reused."""
    history = history or scratch / f"history-{jobs}-{time.monotonic_ns()}.sqlite"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    completed = subprocess.run(
        einfach + ["report", str(folder), "--jobs", str(jobs), "--history", str(history)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if completed.returncode not in (0, 1):
        raise SystemExit(f"einfach report --jobs {jobs} failed ({completed.returncode}): {completed.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    require(AMT24)
    pages = sorted(AMT24.rglob("*.md"))[: args.documents]
    einfach = einfach_command()
    with tempfile.TemporaryDirectory(prefix="einfach-bench-report-") as scratch_name:
        scratch = Path(scratch_name)
        folder = scratch / "briefe"
        folder.mkdir()
        for index, page in enumerate(pages):
            shutil.copyfile(page, folder / f"{index:04d}-{page.name}")
        size = sum(p.stat().st_size for p in folder.iterdir())
        print(machine())
        print(f"{len(pages)} Amt24 pages, {size / 1e6:.1f} MB; load average {os.getloadavg()[0]:.2f}")
        run_report(einfach, folder, 1, scratch)  # fill the OS file cache and the word-table cache
        times: dict[int, list[tuple[float, float]]] = {1: [], 2: []}
        for _ in range(args.runs):
            for jobs in (1, 2):
                times[jobs].append(run_report(einfach, folder, jobs, scratch))
        reused_history = scratch / "history-reused.sqlite"
        run_report(einfach, folder, 2, scratch, reused_history)
        unchanged = run_report(einfach, folder, 2, scratch, reused_history)
    rows = []
    for jobs, runs in times.items():
        walls = [wall for wall, _ in runs]
        rows.append([f"--jobs {jobs}", f"{median(walls):.1f}", " / ".join(f"{w:.1f}" for w in walls),
                     f"{median([cpu for _, cpu in runs]):.1f}"])
    print(table(["setting", "wall s (median)", "runs", "CPU s (median)"], rows))
    speedup = median([w for w, _ in times[1]]) / median([w for w, _ in times[2]])
    print(f"speed-up with 2 jobs: {speedup:.2f} x (target >= 1.7); load average at the end {os.getloadavg()[0]:.2f}")
    print(f"second run over the unchanged corpus (summaries reused): {unchanged[0]:.1f} s wall, "
          f"{unchanged[1]:.1f} CPU s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
