"""Nothing leaves the machine: the commands run with the network blocked.

Each command runs in a subprocess whose ``PYTHONPATH`` starts with a folder
holding a ``sitecustomize.py`` that replaces ``socket.socket`` with a class
whose AF_INET/AF_INET6 sockets refuse to connect, send or bind (other than to
loopback), blocks name lookups, and records every attempt in a file.  Python runs ``sitecustomize`` at start-up, so the guard is in the
command's process and in every worker process it starts (``einfach report
--jobs 2``): spawned workers inherit ``PYTHONPATH`` and run it again, forked
workers inherit the patched module.  The commands must succeed and the file
must stay empty.  Where ``unshare -rn`` works, the same commands also run in
a network namespace of their own (no network for any program at all).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest

BAD = "Ihr Antrag wurde von der Behörde abgelehnt, weil die Unterlagen nicht fristgerecht vorgelegt worden sind."

SITECUSTOMIZE = '''
import os, socket, traceback

_LOG = os.environ["EINFACH_TEST_NETWORK_LOG"]
_BLOCKED = {socket.AF_INET, socket.AF_INET6}
_Socket = socket.socket


def _record(what):
    with open(_LOG, "a", encoding="utf-8") as log:
        log.write(f"pid {os.getpid()}: {what}\\n{''.join(traceback.format_stack(limit=12))}\\n")


class GuardedSocket(_Socket):
    """Creating a socket is allowed (urllib3, imported with spaCy, probes IPv6 support by binding
    one to ::1); connecting, sending and binding to anything but loopback are refused."""

    def _refuse(self, what, address):
        if self.family in _BLOCKED:
            _record(f"{what}({address!r}) on {self.family!r}")
            raise OSError(13, "network blocked by tests/test_no_network.py")

    def connect(self, address):
        self._refuse("connect", address)
        return super().connect(address)

    def connect_ex(self, address):
        self._refuse("connect_ex", address)
        return super().connect_ex(address)

    def sendto(self, data, *args):
        self._refuse("sendto", args[-1])
        return super().sendto(data, *args)

    def sendmsg(self, buffers, ancdata=(), flags=0, address=None):
        if address is not None:
            self._refuse("sendmsg", address)
        return super().sendmsg(buffers, ancdata, flags, *([address] if address is not None else []))

    def bind(self, address):
        if address[0] not in ("127.0.0.1", "::1", "localhost"):
            self._refuse("bind", address)
        return super().bind(address)


def _blocked_lookup(name):
    def lookup(*args, **kwargs):
        _record(f"{name}{args!r}")
        raise OSError(13, "name lookup blocked by tests/test_no_network.py")
    return lookup


socket.socket = GuardedSocket
for _name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr", "create_connection"):
    setattr(socket, _name, _blocked_lookup(_name))
with open(os.environ["EINFACH_TEST_NETWORK_LOG"] + ".loaded", "a", encoding="utf-8") as _loaded:
    _loaded.write(f"{os.getpid()}\\n")
'''


def _unshare_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    try:
        return subprocess.run(["unshare", "-rn", "true"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


@pytest.fixture(scope="module")
def letters(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("briefe")
    (folder / "brief.txt").write_text(BAD + "\n", encoding="utf-8")
    document = docx.Document()
    document.add_paragraph("Sehr geehrte Frau Muster,")
    document.add_paragraph(BAD)
    document.sections[0].header.paragraphs[0].text = "Stadt Musterstadt"
    document.save(folder / "brief.docx")
    return folder


def _commands(letters: Path, out: Path, annotate: bool = True) -> list[tuple[list[str], set[int]]]:
    """(arguments of ``python -m einfach``, accepted exit codes)."""
    commands = [(["check", str(letters / "brief.txt"), str(letters / "brief.docx")], {1})]
    if annotate:
        commands.append((["check", "--annotate", str(out / "kommentiert.docx"), str(letters / "brief.docx")], {1}))
    commands.append((["report", "--jobs", "2", "--out", str(out / "bericht"),
                      "--history", str(out / "history.sqlite"), str(letters)], {0}))  # findings never fail a report
    return commands


def _run_guarded(letters: Path, tmp_path: Path, prefix: list[str], annotate: bool = True) -> Path:
    """Run the commands with the network guard; the folder of their outputs."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    log = tmp_path / "netz.log"
    out = tmp_path / "aus"
    out.mkdir()
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(site), env.get("PYTHONPATH")]))
    env["EINFACH_TEST_NETWORK_LOG"] = str(log)
    commands = _commands(letters, out, annotate)
    for arguments, accepted in commands:
        done = subprocess.run([*prefix, sys.executable, "-m", "einfach", *arguments], env=env, cwd=tmp_path,
                              capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
        assert done.returncode in accepted, (arguments, done.returncode, done.stdout[-2000:], done.stderr[-2000:])
        assert "Traceback" not in done.stderr, done.stderr
    assert not log.exists(), log.read_text()
    loaded = (tmp_path / "netz.log.loaded").read_text().split()
    assert len(loaded) >= len(commands)  # the guard was active in every command
    return out


def test_guard_records_an_attempt(tmp_path):
    """The guard itself works: a connection attempt is refused and recorded."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    log = tmp_path / "netz.log"
    env = {**os.environ, "PYTHONPATH": str(site), "EINFACH_TEST_NETWORK_LOG": str(log)}
    code = ("import socket, multiprocessing as mp\n"
            "def child():\n    socket.socket(socket.AF_INET6).connect(('::1', 9))\n"
            "if __name__ == '__main__':\n"
            "    mp.set_start_method('spawn')\n"
            "    p = mp.Process(target=child); p.start(); p.join()\n"
            "    socket.socket(socket.AF_UNIX).close()\n"
            "    socket.create_connection(('example.org', 80))\n")
    script = tmp_path / "versuch.py"  # a file: spawned workers import their target from it
    script.write_text(code, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0 and "blocked by tests/test_no_network.py" in done.stderr
    attempts = [line for line in log.read_text().splitlines() if line.startswith("pid ")]
    assert len(attempts) == 2 and attempts[0].endswith("connect(('::1', 9)) on <AddressFamily.AF_INET6: 10>")
    assert attempts[1].endswith("create_connection(('example.org', 80),)")


def test_commands_make_no_network_connection(letters, tmp_path):
    out = _run_guarded(letters, tmp_path, [])
    assert (out / "kommentiert.docx").is_file()
    assert (out / "bericht" / "report.html").is_file()


@pytest.mark.skipif(not _unshare_works(), reason="unshare -rn (a user and network namespace) is not available here")
def test_commands_work_without_any_network(letters, tmp_path):
    out = _run_guarded(letters, tmp_path, ["unshare", "-rn"], annotate=False)
    assert (out / "bericht" / "report.html").is_file()
