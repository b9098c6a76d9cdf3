"""CPU time of one ``POST /api/check`` answer, in one process, without HTTP (issue 15).

    python benchmarks/bench_serve_cpu.py [--rounds 5] [--letters 24] [--profile FILE] [--dump FILE]

What a check process of ``einfach serve`` does per answer, minus the HTTP process
and the hand-over (``docs/performance.md``): ``check_body`` of the engine on the
distinct letters ``bench_serve.py`` sends (one per request), which checks the
letter and renders the answer's JSON as Starlette's ``JSONResponse`` would.  The
pipelines are loaded and warmed first as a check process does (``warm_up``).  Prints the
CPU time (``time.process_time``, which the other jobs on a shared machine
disturb much less than wall time) per answer for each round, and their median.

``--profile FILE`` writes a cProfile of the last round (``python -m pstats FILE``);
``--dump FILE`` writes every answer's JSON, one per line, to compare two versions
of the code byte for byte.  Needs only the repository.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import machine  # noqa: E402
from bench_serve import letter  # noqa: E402


def answer(text: str) -> bytes:
    """The body ``/api/check`` sends for ``text`` (rendered in the check process)."""
    from einfach.serve.engine import Options, check_body

    return check_body(text, Options())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--letters", type=int, default=24, help="distinct letters per round (default 24)")
    parser.add_argument("--profile", help="write a cProfile of the last round to this file")
    parser.add_argument("--dump", help="write every answer (JSON, one per line) to this file")
    args = parser.parse_args()

    from einfach.serve.engine import warm_up

    failed = warm_up()  # in this process: the pipelines of every profile, and the warm-up letter
    if failed:
        print(f"warm-up failed: {failed}")
        return 1
    for number in range(12):  # the tagger's memo tables warm, as in a worker after a few requests
        answer(letter(-1 - number))
    print(machine())
    print(f"load average before: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    dump = open(args.dump, "wb") if args.dump else None
    serial = 0
    per_answer = []
    for round_ in range(1, args.rounds + 1):
        profiler = None
        if args.profile and round_ == args.rounds:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        start = time.process_time()
        for _ in range(args.letters):
            serial += 1
            body = answer(letter(serial))
            if dump:
                dump.write(body + b"\n")
        seconds = time.process_time() - start
        if profiler:
            profiler.disable()
            profiler.dump_stats(args.profile)
        per_answer.append(seconds / args.letters * 1000)
        print(f"round {round_}: {per_answer[-1]:.1f} ms CPU per answer ({args.letters} letters)"
              + (" (profiled)" if profiler else ""))
    if dump:
        dump.close()
    plain = per_answer[:-1] if args.profile and len(per_answer) > 1 else per_answer
    print(f"median: {statistics.median(plain):.1f} ms CPU per answer, minimum {min(plain):.1f}")
    print(f"load average after: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
