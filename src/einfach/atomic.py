"""Write output files atomically, and never onto an input.

A report or an annotated letter is first written to a temporary file in the
target's folder, flushed to disk (``fsync``) and then renamed over the target
with :func:`os.replace`, so readers of the target see either the old file or
the complete new one, never half of it.  A target that is one of the call's
input files (compared as resolved paths, so ``./brief.docx``, an absolute path
and a symlink to it are the same file) is refused: overwriting the letter that
is being checked would destroy it.  :func:`open_atomic` does the same for a
report written while the check runs.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from .errors import EinfachError


class OutputError(EinfachError):
    """An output file cannot or must not be written (exit code 2)."""

    code = "E400"


def _resolved(path: str | os.PathLike) -> Path:
    return Path(os.path.abspath(os.fspath(path))).resolve()


def refuse_inputs(target: str | os.PathLike, inputs: Iterable[str | os.PathLike], what: str = "Ausgabedatei") -> None:
    """Raise :class:`OutputError` if ``target`` is one of ``inputs``.

    ``inputs`` are paths as given on the command line; folders are expanded
    to the files einfach would check in them, ``-`` (standard input) is
    ignored.
    """
    from .readers.paths import expand_paths

    given = [os.fspath(p) for p in inputs if os.fspath(p) != "-"]
    resolved_target = _resolved(target)
    for candidate in list(given) + [p for p in expand_paths(given) if p not in given]:
        if _resolved(candidate) == resolved_target:
            raise OutputError(
                f"{os.fspath(target)}: {what} ist zugleich eine Eingabedatei ({candidate}); "
                "einfach überschreibt keine geprüfte Datei. Bitte einen anderen Dateinamen wählen."
            )


def check_target(target: str | os.PathLike, inputs: Iterable[str | os.PathLike] = (), what: str = "Ausgabedatei") -> None:
    """Raise :class:`OutputError` unless ``target`` can be written: not an input,
    not a folder, in a folder that exists.  Called before checking, so a wrong
    call fails at once."""
    refuse_inputs(target, inputs, what)
    target_path = Path(os.fspath(target))
    if target_path.is_dir():
        raise OutputError(f"{os.fspath(target)}: {what} ist ein Verzeichnis; bitte einen Dateinamen angeben.")
    if not target_path.parent.is_dir():
        raise OutputError(f"{os.fspath(target)}: den Ordner {target_path.parent} gibt es nicht; {what} nicht geschrieben.")


def write_atomic(
    target: str | os.PathLike,
    data: str | bytes,
    inputs: Iterable[str | os.PathLike] = (),
    what: str = "Ausgabedatei",
) -> None:
    """Write ``data`` (text as UTF-8) to ``target`` atomically.

    Refuses (``OutputError``) a target that is one of ``inputs``; every
    operating-system failure also becomes an ``OutputError`` with a German
    message, and the temporary file is removed.  A file that is replaced
    keeps its permission bits; a new file gets the usual ones (0666 minus the
    umask), not the 0600 of a temporary file.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    with open_atomic(target, inputs, what, binary=True) as stream:
        stream.write(payload)


@contextmanager
def open_atomic(
    target: str | os.PathLike,
    inputs: Iterable[str | os.PathLike] = (),
    what: str = "Ausgabedatei",
    binary: bool = False,
) -> Iterator[IO]:
    """:func:`write_atomic` for output written piece by piece: a stream onto the temporary file.

    Text is written as UTF-8 without newline translation.  When the block
    ends normally the file is synced and renamed over ``target``; when it
    raises, the temporary file is removed and ``target`` stays as it was.
    An ``OSError`` inside the block (a full disk) becomes an ``OutputError``.
    """
    check_target(target, inputs, what)
    target_path = Path(os.fspath(target))
    folder = target_path.parent
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target_path.name}.", suffix=".tmp")
        opened = os.fdopen(handle, "wb") if binary else os.fdopen(handle, "w", encoding="utf-8", newline="")
        with opened as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(target_path))
        os.replace(temporary, target_path)
        temporary = None
        _sync_folder(folder)
    except OSError as exc:
        raise OutputError(
            f"{os.fspath(target)}: {what} kann nicht geschrieben werden: {exc.strerror or exc}"
        ) from None
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    """Make the rename durable (POSIX); harmless where folders cannot be opened."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
