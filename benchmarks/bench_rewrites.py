"""CPU cost of the rewrites (issue 14): ``einfach check`` per letter with and without them.

    python benchmarks/bench_rewrites.py [--rounds 2] [--repeat 3] [FILE ...]

In one process: the pipeline is built once, the twelve letters of
``corpus/original/`` are read once and checked once to warm up; then each
round checks every letter ``--repeat`` times without rewrites and as often
with them (``Settings.rewrite``), interleaved, and prints the CPU time
(``time.process_time``) per letter.  CPU time, not wall time: the machine
may be shared; the load average is printed too.  Needs only the repository;
files named on the command line are checked instead of the letters (e.g.
``../shared/data/gesetze/aufenthg_2004.md --repeat 1``), with words per CPU second.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, machine  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("files", nargs="*", help="instead of corpus/original/*.txt")
    args = parser.parse_args()

    from einfach.checker import check_document, make_pipeline
    from einfach.config import config_for
    from einfach.readers import read_document

    files = args.files or sorted(str(p) for p in (ROOT / "corpus" / "original").glob("*.txt"))
    base = config_for(files[0]).base
    nlp = make_pipeline(base.profile, None, base.rule_settings())
    docs = [read_document(f) for f in files]
    words = sum(len(doc.text.split()) for doc in docs)
    for doc in docs:
        check_document(doc, nlp, base)
    print(machine())
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for round_ in range(1, args.rounds + 1):
        for rewrite in (False, True):
            settings = dataclasses.replace(base, rewrite=rewrite)
            start = time.process_time()
            for _ in range(args.repeat):
                for doc in docs:
                    check_document(doc, nlp, settings)
            seconds = time.process_time() - start
            per_letter = seconds / (args.repeat * len(docs)) * 1000
            print(f"round {round_}: rewrites {'on ' if rewrite else 'off'} {per_letter:6.1f} ms CPU per file "
                  f"({len(docs)} files x {args.repeat}; {words * args.repeat / seconds:,.0f} words per CPU s)")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
