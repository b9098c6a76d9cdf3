"""Cold-start wall time of einfach's commands against loading a blank spaCy (issue 7).

    python benchmarks/bench_startup.py [--runs 7]

Every command runs ``--runs`` times as a subprocess (median); the baseline
``python -c "import spacy; spacy.blank('de')"`` is measured in the same run,
interleaved with the commands so that machine load hits all alike.
Targets: ``check`` <= 1.3 x baseline; ``--help``, ``rules``, ``explain`` <= 0.3 s.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, machine, median, table  # noqa: E402

LETTER = "corpus/original/anhoerung-ablehnung.txt"


def einfach_command() -> list[str]:
    """The ``einfach`` script next to this interpreter, else ``python -m einfach``."""
    script = Path(sys.executable).with_name("einfach")
    return [str(script)] if script.exists() else [sys.executable, "-m", "einfach"]


def wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not (ROOT / LETTER).exists():
        print(f"skipped: {LETTER} not found")
        return 0
    einfach = einfach_command()
    commands = {
        "baseline: python -c \"import spacy; spacy.blank('de')\"": [
            sys.executable, "-c", "import spacy; spacy.blank('de')"
        ],
        f"einfach check {LETTER}": einfach + ["check", LETTER],
        "einfach --help": einfach + ["--help"],
        "einfach rules": einfach + ["rules"],
        "einfach explain passiv": einfach + ["explain", "passiv"],
    }
    for command in commands.values():  # fill the OS file cache once
        wall(command)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, command in commands.items():
            times[name].append(wall(command))
    print(machine())
    print(f"runs: median of {args.runs}, interleaved; load average {os.getloadavg()[0]:.2f}\n")
    baseline = median(next(iter(times.values())))
    rows = []
    for name, values in times.items():
        seconds = median(values)
        rows.append([f"`{name}`", f"{seconds:.3f}", f"{seconds / baseline:.2f}", f"{min(values):.3f}"])
    print(table(["command", "median s", "× baseline", "min s"], rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
