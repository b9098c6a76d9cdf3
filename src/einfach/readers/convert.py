"""``einfach check --convert``: legacy Word files (.doc) through LibreOffice.

LibreOffice converts a *copy* of the file to .docx in a private temporary
folder, which the .docx reader then reads (the input file is never touched,
and the temporary folder is removed afterwards)::

    unshare --net --map-root-user soffice -env:UserInstallation=file:///TMP/profil \\
        --headless --norestore --convert-to docx --outdir TMP/aus TMP/ein/dokument.doc

Safeguards: LibreOffice runs without network access (``unshare --net``: its
own network namespace, in which no interface but an unconfigured loopback
exists), so a document that links to remote content cannot make it load
anything; conversion is refused where that isolation is not available.  It
runs with a fresh, throwaway user profile (so it never attaches to a running
LibreOffice of the user and uses default security settings: no macros), no
standard input, and a time limit (``TIMEOUT`` seconds, after which its whole
process group is killed).

Conversion is only ever done when asked for (``--convert``); without it a .doc
file gets a message that says how to convert it.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..document import Document
from ..errors import InputError

#: Seconds LibreOffice may take for one file.
TIMEOUT = 120

_ENABLED: contextvars.ContextVar[bool] = contextvars.ContextVar("einfach_convert", default=False)
_ISOLATION = ["unshare", "--net", "--map-root-user"]


@contextlib.contextmanager
def conversion(enabled: bool = True) -> Iterator[None]:
    """Within this block, :func:`einfach.readers.read_document` converts .doc files."""
    token = _ENABLED.set(enabled)
    try:
        yield
    finally:
        _ENABLED.reset(token)


def enabled() -> bool:
    return _ENABLED.get()


def soffice() -> str | None:
    """The LibreOffice program, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


@functools.lru_cache(maxsize=1)
def isolation() -> tuple[str, ...] | None:
    """The command prefix that runs a program without network, or None where it is not available."""
    if shutil.which("unshare") is None:
        return None
    try:
        probe = subprocess.run([*_ISOLATION, "true"], stdin=subprocess.DEVNULL, capture_output=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return tuple(_ISOLATION) if probe.returncode == 0 else None


def advice() -> str:
    """How to get a .docx from a .doc file (ends the message for a .doc file)."""
    text = "bitte in Word oder LibreOffice als .docx speichern (libreoffice --headless --convert-to docx DATEI)"
    if soffice() is not None:
        text += " oder mit „einfach check --convert“ prüfen"
    return text


def convert_to_docx(path: str) -> Document:
    """Convert a copy of ``path`` with LibreOffice and read the result; the Document keeps ``path``."""
    from .docx import read_docx

    office = soffice()
    if office is None:
        raise InputError(path, "kann nicht umgewandelt werden: LibreOffice (soffice) ist nicht installiert; "
                               "bitte in Word oder LibreOffice als .docx speichern")
    prefix = isolation()
    if prefix is None:
        raise InputError(path, "kann nicht umgewandelt werden: --convert startet LibreOffice nur ohne "
                               "Netzzugang (unshare --net), und das ist hier nicht möglich; bitte in Word "
                               "oder LibreOffice als .docx speichern")
    with tempfile.TemporaryDirectory(prefix="einfach-convert-") as folder:
        base = Path(folder)
        source, target, profile = base / "ein", base / "aus", base / "profil"
        source.mkdir()
        target.mkdir()
        copy = source / "dokument.doc"  # a fixed, harmless name: never mistaken for an option
        try:
            shutil.copyfile(path, copy)
        except OSError as exc:
            raise InputError(path, f"kann nicht gelesen werden ({exc.strerror or exc})") from None
        command = [
            *prefix, office, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
            "--nologo", "--nodefault", "--nolockcheck", "--convert-to", "docx", "--outdir", str(target), str(copy),
        ]
        _run(command, path)
        converted = target / "dokument.docx"
        if not converted.is_file():
            raise InputError(path, "LibreOffice konnte die Datei nicht in .docx umwandeln "
                                   "(beschädigt oder passwortgeschützt?)")
        try:
            document = read_docx(str(converted))
        except InputError as error:
            raise InputError(path, f"nach der Umwandlung in .docx: {error.problem}") from None
    document.path = path
    document.notes.insert(0, "Mit LibreOffice in .docx umgewandelt; geprüft wird der Text der umgewandelten "
                             "Kopie (Absatznummern beziehen sich auf sie).")
    return document


def _run(command: list[str], path: str) -> None:
    """Run LibreOffice in its own process group; kill the whole group after TIMEOUT seconds."""
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, start_new_session=True)
    except OSError as exc:
        raise InputError(path, f"kann nicht umgewandelt werden: LibreOffice startet nicht ({exc.strerror or exc})") \
            from None
    try:
        process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(OSError):
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise InputError(path, f"Umwandlung mit LibreOffice abgebrochen: Zeitlimit ({TIMEOUT} s) überschritten") \
            from None
    finally:
        if process.poll() is None:  # interrupted (Ctrl+C): leave no LibreOffice behind
            with contextlib.suppress(OSError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
