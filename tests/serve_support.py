"""A real ``einfach serve`` process on a free port, for the server's tests and benchmarks.

Not a test module: ``tests/test_serve_*.py`` import it.  The process gets the
test session's environment (``EINFACH_CACHE_DIR`` from conftest.py); its
standard error is kept in a file, so tests can read the server's log.
"""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

READY_TIMEOUT = 300  # seconds: the first start in a fresh cache folder builds the word tables


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """``einfach serve`` with ``arguments`` on 127.0.0.1 and a free port; waits for ``/healthz``."""

    def __init__(self, log_path: Path, *arguments: str, environment: dict | None = None,
                 own_group: bool = False) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self._log = open(log_path, "wb")
        command = [sys.executable, "-m", "einfach", "serve", "--port", str(self.port), *arguments]
        # own_group: a process group of its own, as a terminal gives a command (Ctrl+C reaches the whole group)
        self.process = subprocess.Popen(command, stdout=self._log, stderr=subprocess.STDOUT,
                                        env={**os.environ, **(environment or {})}, start_new_session=own_group)
        try:
            self.wait_until_ready()
        except BaseException:  # never leave a server behind (an interrupted run included)
            self.stop()
            raise

    def wait_until_ready(self) -> None:
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"einfach serve ended with {self.process.returncode}: {self.log()}")
            try:
                if requests.get(self.url + "/healthz", timeout=5).status_code == 200:
                    return
            except requests.RequestException:  # not listening yet, or busy loading (a long read holds the GIL)
                pass
            time.sleep(0.3)
        raise RuntimeError(f"einfach serve was not ready after {READY_TIMEOUT} s: {self.log()}")

    def log(self) -> str:
        self._log.flush()
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        """Terminate the server (by its process id) and wait for it."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (Linux: /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            if parent == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    """``pid`` is a running process (not gone, not a zombie waiting for its parent)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def make_docx(*paragraphs: str) -> bytes:
    """A small .docx with these paragraphs (python-docx), as bytes."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
