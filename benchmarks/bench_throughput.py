"""Throughput of the default check, whole and per stage (issue 7).

    python benchmarks/bench_throughput.py [--runs 3] [--amt24-limit N]

Corpora: the AufenthG (``../shared/data/gesetze/aufenthg_2004.md``) and the
Amt24 pages (``../shared/data/amt24/docs/*.md``, each page checked as a file
of its own).  Every run is a fresh Python process (so the tagger's memo
tables start empty, as in a real ``einfach check``); the figure is the median
of ``--runs`` runs; the fastest run and each run are printed too (this VM's speed
varies by about 25 % between runs).

* full check: ``check_document(read_text_file(path), make_pipeline())`` for
  every file, after the pipeline is built and has tagged one warm-up
  sentence (model loading is start-up, see ``bench_startup.py``);
* stages: the same check in another fresh process with a stopwatch around
  reading, the tokenizer, every pipeline component and every rule's
  ``find``; "checker" is the rest of ``check_document`` (chunks, segments,
  metrics, findings, locations); "output" renders the JSON of the result.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import AMT24, AUFENTHG, corpora, corpus_files, machine, median, require, table  # noqa: E402


def worker_full(files: list[str]) -> dict:
    from einfach.checker import check_document, make_pipeline
    from einfach.findings import CheckResult
    from einfach.output import renderer
    from einfach.readers.text import read_text_file

    nlp = make_pipeline()
    nlp("Ihr Antrag wurde abgelehnt.")
    results = []
    failed = []
    start, cpu = time.perf_counter(), time.process_time()
    for path in files:
        try:
            results.append(check_document(read_text_file(path), nlp))
        except Exception as error:  # a rule's bug must not hide the other files' figures
            failed.append(f"{Path(path).name}: {type(error).__name__}: {error}")
    elapsed, elapsed_cpu = time.perf_counter() - start, time.process_time() - cpu
    start = time.perf_counter()
    renderer("json")(CheckResult(files=results))
    output = time.perf_counter() - start
    return {
        "check": elapsed,
        "check_cpu": elapsed_cpu,
        "output": output,
        "words": sum(s.words for r in results for s in r.segments),
        "findings": sum(len(r.findings) for r in results),
        "failed": failed,
    }


def worker_stages(files: list[str]) -> dict:
    """The full check once more, with a stopwatch around every stage.

    The tokenizer, each pipeline component and each rule's ``find`` are
    wrapped in timers; "checker" is what ``check_document`` spends outside
    the pipeline (chunks, segments, metrics, findings, locations).
    """
    from einfach.checker import check_document, make_pipeline
    from einfach.readers.text import read_text_file

    nlp = make_pipeline()
    nlp("Ihr Antrag wurde abgelehnt.")
    times: dict[str, float] = {}
    cpu: dict[str, float] = {}
    rules: dict[str, float] = {}

    def timer(name, function, into=times, cpu_into=cpu):
        into.setdefault(name, 0.0)
        if cpu_into is not None:
            cpu_into.setdefault(name, 0.0)

        def timed(*args, **kwargs):
            start, start_cpu = time.perf_counter(), time.process_time()
            value = function(*args, **kwargs)
            if into is rules:
                value = list(value)  # find() may be a generator: time the work, not its creation
            into[name] += time.perf_counter() - start
            if cpu_into is not None:
                cpu_into[name] += time.process_time() - start_cpu
            return value

        return timed

    nlp.tokenizer = timer("tokenizer", nlp.tokenizer)
    components = nlp._components  # spaCy keeps (name, component) pairs here
    for index, (name, component) in enumerate(components):
        components[index] = (name, timer(name, component))
        runner = component
        for active, kind in zip(getattr(runner, "rules", ()), getattr(runner, "kinds", ())):
            kind.find = timer(active.rule.id, kind.find, rules, None)
    read = timer("reading", read_text_file)
    start, start_cpu = time.perf_counter(), time.process_time()
    for path in files:
        try:
            check_document(read(path), nlp)
        except Exception:  # reported by the full-check worker
            pass
    total, total_cpu = time.perf_counter() - start, time.process_time() - start_cpu
    times["checker"] = total - sum(times.values())
    cpu["checker"] = total_cpu - sum(cpu.values())
    times["total"], cpu["total"] = total, total_cpu
    return {"stages": times, "cpu": cpu, "rules": rules}


def run_worker(mode: str, corpus: str, limit: int | None) -> dict:
    command = [sys.executable, __file__, "--worker", mode, "--corpus", corpus]
    if limit:
        command += ["--amt24-limit", str(limit)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def rate(words: int, seconds: float) -> str:
    return f"{words / seconds:,.0f}" if seconds > 0 else "–"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--amt24-limit", type=int, default=None, help="only the first N Amt24 pages")
    parser.add_argument("--corpus", choices=["aufenthg", "amt24", "both"], default="both")
    parser.add_argument("--worker", choices=["full", "stages"], help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        files = corpus_files(args.corpus, args.amt24_limit)
        result = worker_full(files) if args.worker == "full" else worker_stages(files)
        print(json.dumps(result))
        return 0

    require(AUFENTHG, AMT24)
    print(machine())
    print(f"runs: median of {args.runs}, each a fresh process; load average {os.getloadavg()[0]:.2f} at start\n")
    for corpus in corpora(args.corpus):
        files = corpus_files(corpus, args.amt24_limit)
        full = [run_worker("full", corpus, args.amt24_limit) for _ in range(args.runs)]
        stages = [run_worker("stages", corpus, args.amt24_limit) for _ in range(args.runs)]
        words = full[0]["words"]
        check = median([r["check"] for r in full])
        output = median([r["output"] for r in full])
        label = "AufenthG" if corpus == "aufenthg" else f"Amt24 ({len(files)} pages)"
        print(f"### {label}: {words:,} words, {full[0]['findings']:,} findings\n")
        for failure in full[0]["failed"]:
            print(f"**not counted** (the check raised an error): {failure}\n")
        check_cpu = median([r["check_cpu"] for r in full])
        # this VM's speed varies by about 25 % between runs: the fastest run is the least disturbed
        fastest, fastest_cpu = min(r["check"] for r in full), min(r["check_cpu"] for r in full)
        print(table(
            ["what", "seconds (median)", "words/s", "CPU s (median)", "words per CPU s"],
            [
                ["**full check** (read + check_document)", f"{check:.2f}", f"**{rate(words, check)}**",
                 f"{check_cpu:.2f}", rate(words, check_cpu)],
                ["full check + JSON output", f"{check + output:.2f}", rate(words, check + output), "", ""],
                [f"full check, fastest of {args.runs} runs", f"{fastest:.2f}", rate(words, fastest),
                 f"{fastest_cpu:.2f}", rate(words, fastest_cpu)],
            ],
        ))
        each_run = " / ".join(f"{r['check']:.2f}" for r in full)
        print(f"\nfull check, each run (s): {each_run}")
        print()
        names = list(stages[0]["stages"])
        rows = []
        for name in names:
            seconds = median([r["stages"][name] for r in stages])
            seconds_cpu = median([r["cpu"][name] for r in stages])
            rows.append([name, f"{seconds:.2f}", rate(words, seconds), f"{seconds_cpu:.2f}"])
        rows.append(["output (JSON render)", f"{output:.2f}", rate(words, output), ""])
        print(table(["stage", "seconds (median)", "words/s", "CPU s (median)"], rows))
        print()
        rule_rows = []
        for rule in stages[0]["rules"]:
            seconds = median([r["rules"][rule] for r in stages])
            rule_rows.append([rule, f"{seconds:.3f}", rate(words, seconds)])
        print(table(["rule (its find, inside einfach_rules)", "seconds (median)", "words/s"], rule_rows))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
