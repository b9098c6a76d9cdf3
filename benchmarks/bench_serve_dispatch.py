"""What handing a check to a check process costs (issue 15): CPU per answer of the dispatch.

    python benchmarks/bench_serve_dispatch.py [--calls 2000]

``einfach serve`` runs every check in a check process (``einfach.serve.engine.Engine``,
a ``ProcessPoolExecutor``): the HTTP process pickles the call (the function's name, the
letter, the options), the pool's queues carry it to a check process, and the answer comes
back as the JSON body (bytes, rendered in the check process).  This measures, in this
process, on the bench letters of ``bench_serve.py``:

1. pickling and unpickling the call and the answer body (µs per answer), against what the
   other choice would cost: the ``files`` entry as a dict, pickled and unpickled, then
   rendered to JSON in the HTTP process;
2. a real round trip through a one-process pool (spawn) with a function that returns a body
   of the same size without checking anything: the CPU time of this process (the HTTP side:
   the pool's manager thread included) and of the check process (its ``process_time``), per
   call.

Compare with the CPU a check costs (``bench_serve_cpu.py``, about 70 ms).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import machine  # noqa: E402
from bench_serve import letter  # noqa: E402


def body_of_size(text: str, size: int) -> bytes:
    """Stands in for ``check_body`` in the check process: an answer of ``size`` bytes, no check."""
    return b"x" * size


def per_call(function, items, rounds: int = 5) -> float:
    """The median over ``rounds`` of the CPU µs per item of ``function(item)``."""
    samples = []
    for _ in range(rounds):
        start = time.process_time()
        for item in items:
            function(item)
        samples.append(1e6 * (time.process_time() - start) / len(items))
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=2000, help="round trips through the pool")
    parser.add_argument("--letters", type=int, default=24)
    args = parser.parse_args()
    import multiprocessing

    from einfach.findings import SCHEMA
    from einfach.serve.engine import Options, check_body, check_source

    print(machine())
    print(f"load average before: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    texts = [letter(number) for number in range(args.letters)]
    entries = [check_source(text, Options()) for text in texts]  # also warms the pipeline
    bodies = [check_body(text, Options()) for text in texts]
    calls = [(check_body, text, Options()) for text in texts]
    print(f"{len(texts)} letters, answer bodies {min(map(len, bodies))}-{max(map(len, bodies))} bytes "
          f"(median {statistics.median(map(len, bodies)):.0f})")

    call = per_call(lambda item: pickle.loads(pickle.dumps(item, pickle.HIGHEST_PROTOCOL)), calls)
    body = per_call(lambda item: pickle.loads(pickle.dumps(item, pickle.HIGHEST_PROTOCOL)), bodies)
    entry = per_call(lambda item: pickle.loads(pickle.dumps(item, pickle.HIGHEST_PROTOCOL)), entries)
    render = per_call(lambda item: json.dumps({"schema": SCHEMA, "files": [item], "errors": []}, ensure_ascii=False,
                                              allow_nan=False, indent=None, separators=(",", ":")).encode(), entries)
    print(f"pickle + unpickle, µs per answer: the call {call:.0f}, the body {body:.0f} "
          f"(the other choice: the entry dict {entry:.0f}, then its JSON in the HTTP process {render:.0f})")

    size = int(statistics.median(map(len, bodies)))
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        pool.submit(body_of_size, texts[0], size).result()  # the process is up
        child_before = pool.submit(time.process_time).result()
        start = time.process_time()
        wall = time.perf_counter()
        futures = [pool.submit(body_of_size, texts[number % len(texts)], size) for number in range(args.calls)]
        for future in futures:
            future.result()
        parent = time.process_time() - start
        wall = time.perf_counter() - wall
        child = pool.submit(time.process_time).result() - child_before
    print(f"round trip through a one-process pool, {args.calls} calls, {size}-byte answers: CPU µs per call "
          f"HTTP side {1e6 * parent / args.calls:.0f} + check process {1e6 * child / args.calls:.0f}; "
          f"wall {1e6 * wall / args.calls:.0f} µs per call")
    print(f"load average after: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
