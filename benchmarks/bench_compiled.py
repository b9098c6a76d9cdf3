"""The full check with the compiled lattice (``_lattice.c``) against the pure-Python loops.

    python benchmarks/bench_compiled.py [--corpus aufenthg|amt24|both] [--rounds 3]
    python benchmarks/bench_compiled.py --also /path/to/src-of-another-revision

Each measurement is a fresh process running ``check_document(read_text_file(path),
make_pipeline())`` over the corpus after a warm-up sentence (as ``bench_throughput.py``); the
variants alternate round by round, so that the load of this shared VM hits them alike:

* ``python``: this code with ``EINFACH_NO_EXTENSIONS=1`` (what an installation without a C
  compiler runs);
* ``compiled``: this code as installed;
* ``--also SRC``: the ``src`` folder of another revision, e.g. a ``git worktree`` of an older
  commit (``git worktree add /tmp/old 2cd962f`` then ``--also /tmp/old/src``).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

from _common import AMT24, AUFENTHG, ROOT, corpora, corpus_files, machine, median, python, require, table

ONE_RUN = """
import sys, time
from einfach.checker import check_document, make_pipeline
from einfach.readers.text import read_text_file
nlp = make_pipeline(); nlp("Ein Satz.")
wall, cpu = time.perf_counter(), time.process_time()
for path in sys.argv[1:]:
    check_document(read_text_file(path), nlp)
print(time.perf_counter() - wall, time.process_time() - cpu)
"""


def run(files: list[str], environment: dict[str, str]) -> tuple[float, float]:
    done = subprocess.run([python(), "-c", ONE_RUN, *files], env=environment, cwd=ROOT,
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"the check failed: {done.stderr[-2000:]}")
    wall, cpu = done.stdout.split()
    return float(wall), float(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=["aufenthg", "amt24", "both"], default="both")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--also", help="the src folder of another revision, measured as a third variant")
    arguments = parser.parse_args()
    require(AUFENTHG, AMT24)
    base = {key: value for key, value in os.environ.items() if key not in ("EINFACH_NO_EXTENSIONS", "PYTHONPATH")}
    variants = {"python": dict(base, EINFACH_NO_EXTENSIONS="1"), "compiled": dict(base)}
    if arguments.also:
        variants = {arguments.also: dict(base, PYTHONPATH=arguments.also), **variants}
    print(machine())
    print(f"rounds: {arguments.rounds}, variants alternate; load average {os.getloadavg()[0]:.2f} at start")
    for corpus in corpora(arguments.corpus):
        files = corpus_files(corpus)
        times: dict[str, list[float]] = {name: [] for name in variants}
        for _ in range(arguments.rounds):
            for name, environment in variants.items():
                times[name].append(run(files, environment)[0])
        compiled = median(times["compiled"])
        rows = [[name, f"{median(found):.2f}", " / ".join(f"{t:.2f}" for t in found),
                 f"{median(found) / compiled:.2f}"] for name, found in times.items()]
        print(f"\n### {corpus}\n")
        print(table(["variant", "wall s (median)", "runs", "× compiled"], rows))
    print(f"\nload average at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    sys.exit(main())
