"""``einfach report`` as real processes: a worker pool (--jobs 2), Ctrl-C, two writers at once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

LETTER = (
    "Sehr geehrte Damen und Herren,\n\n"
    "hiermit wird Ihnen mitgeteilt, dass Ihr Antrag gemäß § 5 abgelehnt wurde, da die erforderlichen "
    "Unterlagen nicht fristgerecht vorgelegt worden sind.\n\n"
    "Wir helfen Ihnen gern. Bitte rufen Sie uns an.\n"
)


def corpus(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True)
    for number in range(count):
        (folder / f"brief-{number:03d}.txt").write_text(LETTER + f"\nAktenzeichen {number}\n", encoding="utf-8")
    return folder


def einfach(*args, **options) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "einfach", *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, preexec_fn=_default_interrupt, **options)


def _default_interrupt() -> None:
    """Let Ctrl-C reach einfach as in a terminal, however pytest was started: a shell starts
    background jobs with SIGINT ignored, and Python keeps an ignored SIGINT ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def workers(pid: int) -> list[str]:
    """The child processes of ``pid`` (Linux /proc)."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    return children.read_text().split() if children.exists() else []


def rows(db: Path, query: str):
    connection = sqlite3.connect(db)
    try:
        return connection.execute(query).fetchall()
    finally:
        connection.close()


def test_two_runs_write_to_one_history_at_once(tmp_path):
    """Both succeed (WAL, busy timeout, staging outside the write lock); --jobs 2 and --jobs 1 agree."""
    letters = corpus(tmp_path / "briefe", 6)
    db = tmp_path / "shared" / "history.sqlite"  # neither process finds it: both create and migrate it at once
    first = einfach("report", letters, "--history", db, "--jobs", 2, "--label", "zwei")
    second = einfach("report", letters, "--history", db, "--jobs", 1, "--label", "eins")
    outputs = [process.communicate(timeout=300) for process in (first, second)]
    assert first.returncode == 0, outputs[0]
    assert second.returncode == 0, outputs[1]
    runs = rows(db, "SELECT label, documents, corpus_index, findings_per_1000 FROM runs ORDER BY label")
    assert [run[0] for run in runs] == ["eins", "zwei"]
    assert runs[0][1:] == runs[1][1:] and runs[0][1] == 6  # the pool gives the same figures as one process
    assert rows(db, "SELECT COUNT(*) FROM documents") == [(6,)]
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]


@pytest.mark.skipif(not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists(),
                    reason="needs Linux /proc to see the worker processes")
def test_ctrl_c_stops_the_workers_and_stores_nothing(tmp_path):
    letters = corpus(tmp_path / "briefe", 1000)
    db = tmp_path / "h" / "history.sqlite"
    process = einfach("report", letters, "--history", db, "--jobs", 2, start_new_session=True)
    deadline = time.monotonic() + 120
    while not workers(process.pid) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    time.sleep(1)  # the workers are checking
    assert process.poll() is None, process.communicate()
    assert len(workers(process.pid)) == 2
    os.killpg(process.pid, signal.SIGINT)  # like Ctrl-C in a terminal: the whole process group
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130, (out, err)
    assert err.strip().splitlines()[-1] == "Abgebrochen: Der Lauf wurde nicht gespeichert; die Historie ist unverändert."
    assert "Traceback" not in err
    assert rows(db, "SELECT COUNT(*) FROM runs") == [(0,)]
    assert rows(db, "SELECT COUNT(*) FROM run_documents") == [(0,)]
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]
    time.sleep(0.5)
    try:  # no worker outlives the run
        os.killpg(process.pid, 0)
        alive = True
    except ProcessLookupError:
        alive = False
    assert not alive
