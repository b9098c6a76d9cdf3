"""Load on ``einfach serve``: 20 concurrent clients for 60 s against 1 and 2 workers (issue 15).

    python benchmarks/bench_serve.py [--clients 20] [--seconds 60] [--workers 1 2] [--fresh-connections]

One light asyncio client process (httpx, HTTP/1.1 keep-alive on loopback) runs
``--clients`` concurrent loops; each sends ``POST /api/check`` with a distinct
one-page letter (the twelve letters of ``corpus/original/*.txt``, each made
distinct by a serial number in the file reference and the salutation) and waits
for the answer before sending the next (after ``--think`` seconds, default 0: a closed
loop without pauses, so the latency is about clients / throughput).  Per worker count: requests per second,
p50/p95/max latency, errors (any answer but 200, or a failed request), the
peak resident memory of the HTTP process and of each check process, and the CPU time per
answer of the HTTP process and of the check processes together, and each check process's CPU
time during the run (which shows how the work was spread; all sampled from /proc every 0.5 s),
and the client's own CPU time.  The CPU time per answer does not depend much on
what else runs on the machine: 2 cores / that time is about the throughput two check processes
reach on an idle 2-core machine.  Goal: p95 under 1 s with 2 workers on 2 cores.

``einfach serve --workers N`` is one HTTP process with N check processes; a request goes to
whichever check process is free, whatever connection it came on.  ``--fresh-connections``
opens a new connection for every request (as a reverse proxy in front of ``einfach serve`` does by
default towards its upstream, ``docs/server.md``) instead of keep-alive.

The letters are part of the repository, so the script needs no ``../shared/data``.
Needs ``httpx`` (``pip install httpx``).  Run it on an idle machine: every figure
depends on what else uses the cores.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import resource
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, machine, table  # noqa: E402
from bench_startup import einfach_command  # noqa: E402

LETTERS = sorted((ROOT / "corpus" / "original").glob("*.txt"))


def letter(number: int) -> str:
    """The ``number``-th distinct letter: a corpus letter with a serial number of its own."""
    text = LETTERS[number % len(LETTERS)].read_text(encoding="utf-8")
    return f"Aktenzeichen 2026-{number:06d}\n\n" + re.sub(r"(Sehr geehrte[r]? [^\n,]*)", rf"\1 (Nr. {number})", text, count=1)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def workers_of(pid: int) -> list[int]:
    """The check processes: children of ``pid`` started by multiprocessing's spawn
    (not its resource tracker)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                command = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if int(fields[1]) == pid and b"spawn_main" in command:
                found.append(int(entry.name))
    return found


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far (/proc/PID/stat)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Sampler(threading.Thread):
    """Peak RSS and CPU time per process (the HTTP process and its check processes), sampled every 0.5 s."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak: dict[int, int] = {}
        self.cpu_start: dict[int, float] = {}
        self.cpu_end: dict[int, float] = {}
        self.stop = threading.Event()

    def run(self) -> None:
        while True:
            for pid in [self.pid, *workers_of(self.pid)]:
                self.peak[pid] = max(self.peak.get(pid, 0), rss_kib(pid))
                self.cpu_start.setdefault(pid, cpu_seconds(pid))
                self.cpu_end[pid] = cpu_seconds(pid)
            if self.stop.wait(0.5):
                break

    def cpu(self, pids) -> float:
        return sum(self.cpu_end[pid] - self.cpu_start[pid] for pid in pids)


def start_server(workers: int) -> tuple[subprocess.Popen, str]:
    port = free_port()
    command = einfach_command() + ["serve", "--port", str(port), "--workers", str(workers)]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return process, f"http://127.0.0.1:{port}"


async def wait_until_ready(url: str) -> None:
    """/healthz answers 200: every check process has checked its warm-up letter."""
    import httpx

    deadline = time.monotonic() + 300
    while True:
        if time.monotonic() > deadline:
            raise SystemExit("einfach serve did not get ready within 300 s")
        try:
            async with httpx.AsyncClient() as client:
                if (await client.get(url + "/healthz", timeout=5)).status_code == 200:
                    return
        except httpx.HTTPError:
            pass
        await asyncio.sleep(0.3)


async def load(url: str, clients: int, seconds: float, think: float,
               fresh: bool = False) -> tuple[list[float], int, int, float]:
    """(latencies of the successful requests, errors, requests sent, wall seconds); ``fresh``: a new
    connection for every request instead of keep-alive."""
    import httpx

    latencies: list[float] = []
    errors = 0
    counter = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=0 if fresh else clients)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=120) as client:
        start = time.perf_counter()
        end = start + seconds

        async def one_client() -> None:
            nonlocal errors, counter
            while time.perf_counter() < end:
                counter += 1
                body = {"text": letter(counter)}
                sent = time.perf_counter()
                try:
                    response = await client.post("/api/check", json=body)
                    ok = response.status_code == 200 and response.json()["files"][0]["findings"] is not None
                except (httpx.HTTPError, ValueError, KeyError):
                    ok = False
                if ok:
                    latencies.append(time.perf_counter() - sent)
                else:
                    errors += 1
                if think:
                    await asyncio.sleep(think)

        await asyncio.gather(*(one_client() for _ in range(clients)))
        wall = time.perf_counter() - start
    return latencies, errors, counter, wall


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))] if ordered else float("nan")


def run(workers: int, clients: int, seconds: float, think: float, fresh: bool = False) -> list[object]:
    process, url = start_server(workers)
    try:
        asyncio.run(wait_until_ready(url))
        sampler = Sampler(process.pid)
        sampler.start()
        time.sleep(0.3)  # the first sample: CPU time before the load
        before = resource.getrusage(resource.RUSAGE_SELF)
        latencies, errors, sent, wall = asyncio.run(load(url, clients, seconds, think, fresh))
        after = resource.getrusage(resource.RUSAGE_SELF)
        sampler.stop.set()
        sampler.join()
    finally:
        process.terminate()
        process.wait(timeout=60)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    checkers = sorted(pid for pid in sampler.peak if pid != process.pid)
    memory = ", ".join(f"{sampler.peak[pid] / 1024:.0f}" for pid in checkers)
    shares = ", ".join(f"{sampler.cpu([pid]):.1f}" for pid in checkers)  # both busy: the dispatch spreads the work
    answers = max(1, len(latencies))
    http_ms, check_ms = (1000 * sampler.cpu(pids) / answers for pids in ([process.pid], checkers))
    return [
        workers, clients, f"{think:g}", f"{wall:.0f}", len(latencies), f"{len(latencies) / wall:.2f}",
        f"{statistics.median(latencies):.3f}" if latencies else "–", f"{percentile(latencies, 0.95):.3f}",
        f"{max(latencies):.3f}" if latencies else "–", errors, f"{sampler.peak[process.pid] / 1024:.0f}", memory, shares,
        f"{http_ms:.1f} + {check_ms:.1f} = {http_ms + check_ms:.0f}", f"{cpu:.1f} ({100 * cpu / wall:.1f} %)",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--think", type=float, default=0.0,
                        help="seconds each client waits after an answer before its next letter (default: none)")
    parser.add_argument("--fresh-connections", action="store_true",
                        help="a new connection per request instead of keep-alive (as behind a reverse proxy)")
    args = parser.parse_args()
    try:
        import httpx  # noqa: F401
    except ImportError:
        print("skipped: the load client needs httpx (pip install httpx)")
        return 0
    words = [len(path.read_text(encoding="utf-8").split()) for path in LETTERS]
    print(machine())
    print(f"load average before: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    print(f"letters: {len(LETTERS)} from corpus/original, {min(words)}-{max(words)} words, each request distinct")
    print(f"connections: {'a new one per request' if args.fresh_connections else 'keep-alive'}")
    rows = [run(workers, args.clients, args.seconds, args.think, args.fresh_connections) for workers in args.workers]
    print(table(["workers", "clients", "think s", "seconds", "answers", "req/s", "p50 s", "p95 s", "max s", "errors",
                 "peak RSS HTTP process (MiB)", "peak RSS per check process (MiB)", "CPU s per check process",
                 "CPU ms per answer: HTTP + checks = server", "client CPU s (% of wall)"], rows))
    print(f"load average after: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
