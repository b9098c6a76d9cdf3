"""``einfach serve``'s check processes, against real server processes (issue 15).

One HTTP process hands every check to a free one of ``--workers`` check
processes.  Shown here: a request is served by an idle check process while
another one is busy (a test-only hold, ``einfach.serve.engine.HOLD_ENVIRONMENT``,
keeps a check waiting until the test releases it); a killed check process gives
a German 503 answer and a new pool; Ctrl+C and SIGTERM stop the check processes
too.  No timed assertion: the deadlines only keep a broken server from hanging
the suite.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from serve_support import Server, alive, children

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the processes from /proc")

LETTER = "Sehr geehrte Frau Quastenflosser,\n\nIhr Antrag wurde im vorliegenden Verfahren abgelehnt.\n"
DEADLINE = 300  # seconds; a check process may still be warming up on a busy machine


def held_letter() -> str:
    from einfach.serve.engine import HOLD_MARKER

    return HOLD_MARKER + LETTER


def check(server: Server, text: str) -> requests.Response:
    return requests.post(server.url + "/api/check", json={"text": text}, timeout=DEADLINE)


def wait_for(condition, what: str):
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"not within {DEADLINE} s: {what}")


def check_processes(server: Server) -> list[int]:
    """The server's check processes (its spawned children; not multiprocessing's resource tracker)."""
    return [pid for pid in children(server.process.pid)
            if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()]


@pytest.fixture(scope="module")
def hold(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("hold")


@pytest.fixture(scope="module")
def server(tmp_path_factory, hold):
    folder = tmp_path_factory.mktemp("serve-pool")
    running = Server(folder / "server.log", "--workers", "2", environment={"EINFACH_SERVE_TEST_HOLD": str(hold)})
    yield running
    (hold / "release").touch()
    running.stop()


def test_two_check_processes_warmed_before_healthz(server):
    assert requests.get(server.url + "/healthz", timeout=30).status_code == 200
    assert len(check_processes(server)) == 2
    assert check(server, LETTER).status_code == 200


def test_the_http_process_never_loads_the_pipeline(server):
    """The checks run in the check processes: spaCy's compiled modules are mapped there only."""
    assert check(server, LETTER).status_code == 200

    def loads_spacy(pid: int) -> bool:
        return "/spacy/" in Path(f"/proc/{pid}/maps").read_text()

    assert not loads_spacy(server.process.pid)
    assert all(loads_spacy(pid) for pid in check_processes(server))


def test_an_idle_check_process_takes_a_request_while_the_other_is_busy(server, hold):
    for old in hold.glob("held-*"):
        old.unlink()
    with ThreadPoolExecutor(max_workers=1) as background:
        held = background.submit(check, server, held_letter())
        busy = wait_for(lambda: list(hold.glob("held-*")), "the first check waits in its check process")
        busy_pid = int(busy[0].name.split("-")[1])
        assert busy_pid in check_processes(server)
        # the other check process answers while the first is still held (it waits for `release`)
        for number in range(3):
            answer = check(server, LETTER.replace("Quastenflosser", f"Nummer {number}"))
            assert answer.status_code == 200, answer.text
            assert f"Nummer {number}" in answer.json()["files"][0]["text"]
        assert not held.done()
        assert len(list(hold.glob("held-*"))) == 1  # no second check process was held
        (hold / "release").touch()
        first = held.result(timeout=DEADLINE)
    (hold / "release").unlink()
    assert first.status_code == 200 and first.json()["files"][0]["findings"]


def test_a_killed_check_process_is_a_german_503_and_the_pool_is_rebuilt(server, hold):
    for old in hold.glob("held-*"):
        old.unlink()
    before = check_processes(server)
    with ThreadPoolExecutor(max_workers=1) as background:
        held = background.submit(check, server, held_letter())
        busy = wait_for(lambda: list(hold.glob("held-*")), "the check waits in its check process")
        victim = int(busy[0].name.split("-")[1])
        os.kill(victim, signal.SIGKILL)  # as the kernel's out-of-memory killer does
        answer = held.result(timeout=DEADLINE)
    assert answer.status_code == 503, answer.text
    assert answer.headers["content-type"].startswith("application/json")
    assert answer.headers["retry-after"] == "10" and answer.headers["cache-control"] == "no-store"
    body = answer.json()
    assert body["error"] == "check_process_lost" and "neu gestartet" in body["message"]
    # a new pool: two new check processes, warmed up before /healthz says 200 again
    wait_for(lambda: requests.get(server.url + "/healthz", timeout=30).status_code == 200, "/healthz 200 again")
    after = check_processes(server)
    assert len(after) == 2 and not set(after) & set(before)
    assert not any(alive(pid) for pid in before)
    answer = check(server, LETTER)
    assert answer.status_code == 200 and answer.json()["files"][0]["findings"]
    log = server.log()
    assert "ended abruptly" in log and "Traceback" not in log and "Quastenflosser" not in log


def stops_cleanly(running: Server, send) -> None:
    """``send`` stops the server: it exits without a traceback and leaves no process behind."""
    ours = children(running.process.pid)
    assert len(check_processes(running)) >= 1 and ours
    send(running.process.pid)
    try:
        running.process.wait(timeout=DEADLINE)
    finally:
        running.stop()
    wait_for(lambda: not any(alive(pid) for pid in ours), "the check processes have ended")
    log = running.log_path.read_text(encoding="utf-8", errors="replace")
    assert "Application shutdown complete" in log and "Traceback" not in log


def test_ctrl_c_stops_the_check_processes_too(tmp_path):
    """Ctrl+C in a terminal sends SIGINT to the whole process group, check processes included."""
    running = Server(tmp_path / "server.log", "--workers", "2", own_group=True)
    stops_cleanly(running, lambda pid: os.killpg(pid, signal.SIGINT))


def test_sigterm_stops_the_check_processes_too(tmp_path):
    """systemd (KillMode=mixed) and `kill` send SIGTERM to the server's main process."""
    running = Server(tmp_path / "server.log")
    stops_cleanly(running, lambda pid: os.kill(pid, signal.SIGTERM))


def test_a_check_process_ends_when_its_server_is_killed(tmp_path):
    """SIGKILL gives the HTTP process no chance to stop its pool: the check processes notice."""
    running = Server(tmp_path / "server.log")
    ours = check_processes(running)
    assert ours
    running.process.kill()
    running.stop()
    wait_for(lambda: not any(alive(pid) for pid in ours), "the orphaned check process has ended")


def test_a_check_process_lost_during_its_warm_up_makes_healthz_say_failed():
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from einfach.serve.engine import Engine

    engine = Engine(2)
    engine._pool = current = object()  # stands for the pool that started the process
    finished = Future()
    finished.set_result(4711)
    engine._lost_in_warm_up(current, finished)
    assert engine.failed is None
    lost = Future()
    lost.set_exception(BrokenProcessPool("terminated abruptly"))
    engine._lost_in_warm_up(object(), lost)  # an old pool's: no matter
    assert engine.failed is None
    engine._lost_in_warm_up(current, lost)
    assert engine.failed == "BrokenProcessPool" and not engine.ready


def test_the_check_answer_is_rendered_as_starlette_renders_json():
    """The check process renders the body; the bytes are those JSONResponse would send."""
    from starlette.responses import JSONResponse

    from einfach.findings import SCHEMA
    from einfach.serve.engine import Options, check_body, check_source

    text = LETTER + "Die Gebühr beträgt 50 € (§ 69 AufenthG).\n"
    expected = JSONResponse({"schema": SCHEMA, "files": [check_source(text, Options())], "errors": []}).body
    assert check_body(text, Options()) == expected


def test_a_refused_rewrite_crosses_from_the_check_process_intact():
    import pickle

    from einfach.serve.engine import FixRefused, Unavailable, Upload

    refused = pickle.loads(pickle.dumps(FixRefused("fix_overlap", "Zwei übernommene Umformulierungen …")))
    assert refused.code == "fix_overlap" and str(refused) == "Zwei übernommene Umformulierungen …"
    lost = pickle.loads(pickle.dumps(Unavailable("check_process_lost", "neu gestartet")))
    assert lost.code == "check_process_lost" and str(lost) == "neu gestartet"
    with open(__file__, "rb") as handle:  # an open file never crosses, only the private copy's path
        upload = pickle.loads(pickle.dumps(Upload(name="Akte.docx", file=handle, path=Path("/tmp/x/brief.docx"))))
    assert upload.file is None and upload.path == Path("/tmp/x/brief.docx") and upload.suffix == ".docx"


def test_serve_help_names_the_check_processes():
    out = subprocess.run([sys.executable, "-m", "einfach", "serve", "--help"], capture_output=True, text=True).stdout
    assert "Prüfprozesse" in out
