"""Peak memory (RSS) of checking a 5 MB text (issue 7; target <= 600 MB).

    python benchmarks/bench_memory.py [--megabytes 5]

The text is built by repeating the law texts of ``../shared/data/gesetze``
until it has the requested size; it is written to a temporary file and
checked in a fresh subprocess, once through the Python API
(``check_document``) and once through the command line
(``einfach check --format json``, output discarded).  The subprocess reports
its own peak RSS (``resource.getrusage(RUSAGE_SELF).ru_maxrss``) and CPU seconds (user + system,
including start-up), which depend less on the machine's load than the wall time.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import GESETZE, machine, require, table  # noqa: E402

API = """
import resource, sys, time
from einfach.checker import check_document, make_pipeline
from einfach.readers.text import read_text_file
ignore = [rule for rule in sys.argv[2].split(",") if rule]
nlp = make_pipeline(settings={"ignore": ignore} if ignore else None)
start = time.perf_counter()
result = check_document(read_text_file(sys.argv[1]), nlp)
words = sum(s.words for s in result.segments)
usage = resource.getrusage(resource.RUSAGE_SELF)
print(words, len(result.findings), time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)
"""

CLI = """
import contextlib, io, os, resource, sys, time
from einfach.cli import cli
start = time.perf_counter()
with open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink):
    try:
        cli.main(["check", sys.argv[1], "--format", "json"] + (["--ignore", sys.argv[2]] if sys.argv[2] else []),
                 standalone_mode=False)
    except SystemExit:
        pass
usage = resource.getrusage(resource.RUSAGE_SELF)
print(0, 0, time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)
"""


def build_text(megabytes: float) -> str:
    laws = [p.read_text(encoding="utf-8") for p in sorted(GESETZE.glob("*.md"))]
    target = int(megabytes * 1024 * 1024)
    parts, size = [], 0
    while size < target:
        for law in laws:
            parts.append(law)
            size += len(law.encode("utf-8"))
            if size >= target:
                break
    return "\n\n".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--ignore", default="", help="rules to leave out (comma-separated), e.g. one that fails")
    args = parser.parse_args()
    require(GESETZE)
    text = build_text(args.megabytes)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "gesetze.md"
        path.write_text(text, encoding="utf-8")
        size = path.stat().st_size / 1024 / 1024
        for name, code in (("API: check_document", API), ("CLI: einfach check --format json", CLI)):
            start = time.perf_counter()
            done = subprocess.run([sys.executable, "-c", code, str(path), args.ignore], capture_output=True, text=True)
            wall = time.perf_counter() - start
            if done.returncode != 0 or not done.stdout.strip():
                print(f"{name}: the check failed (exit {done.returncode}):\n{done.stderr[-2000:]}")
                return 1
            words, findings, seconds, cpu, peak_kb = done.stdout.split()[-5:]
            rows.append([name, f"{int(peak_kb) / 1024:.0f}", f"{float(seconds):.1f}", f"{float(cpu):.1f}", f"{wall:.1f}",
                         f"{int(words):,}" if int(words) else "–"])
    print(machine())
    left_out = f"; rules left out: {args.ignore}" if args.ignore else ""
    print(f"input: {size:.1f} MB of law texts (repeated {GESETZE}){left_out}")
    print()
    print(table(["path", "peak RSS MB", "check s", "process CPU s", "process wall s", "words"], rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
