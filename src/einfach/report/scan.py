"""Find the documents of a corpus and name them.

A document is identified by its path relative to the *scanned root*: the
folder given on the command line (for one file: its folder; for several
paths: their deepest common folder).  So ``corpus/original/brief.docx`` and
``corpus/einfach/brief.docx`` are the same letter in two runs.  Keys use
``/`` and Unicode NFC, so a corpus copied between Windows, macOS and Linux
keeps its identities.

Hidden files and folders (a name starting with ``.``, such as the history
folder ``.einfach`` or ``.git``) are passed over without being counted; every
other file that einfach cannot check (``.pdf``, ``.doc``, Word's ``~$`` lock
files, ...) is *skipped* and counted.  The scan keeps only paths in memory,
never text.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EinfachError
from ..readers import SUPPORTED_SUFFIXES

TOP_LEVEL = "(oberste Ebene)"  # group of files directly in the scanned root (--group-by top)
NO_GROUP = "(ohne Gruppe)"  # group of paths the --group-by pattern does not match


class ReportError(EinfachError):
    """A report call that cannot be carried out (exit code 2)."""

    code = "E500"


@dataclass(frozen=True)
class Task:
    """One document to check: where it is, and how the history names it."""

    path: str  # as found on disk (absolute)
    key: str  # relative path, or its keyed hash with --pseudonymise-paths
    group: str | None = None


@dataclass
class Scan:
    root: Path
    tasks: list[Task] = field(default_factory=list)
    skipped: int = 0
    skipped_examples: list[str] = field(default_factory=list)  # relative paths, at most 10

    @property
    def skipped_files(self) -> list[list[str]]:
        """[relative path, why] of the skipped files named in the report (at most 10)."""
        from ..readers import unsupported

        return [[key, unsupported(Path(key).suffix.lower(), short=True)] for key in self.skipped_examples]


def scan_root(paths: list[str]) -> Path:
    """The folder document keys are relative to."""
    folders = []
    for path in paths:
        candidate = Path(os.path.abspath(path))
        if not candidate.exists():
            raise ReportError(f"{path}: nicht gefunden")
        folders.append(candidate if candidate.is_dir() else candidate.parent)
    return Path(os.path.commonpath([str(folder) for folder in folders]))


def relative_key(path: Path, root: Path) -> str:
    return unicodedata.normalize("NFC", path.relative_to(root).as_posix())


def scan(paths: list[str], exclude: list[str | os.PathLike] = ()) -> Scan:
    """The supported documents under ``paths`` (sorted), and the count of skipped files.

    ``exclude``: folders never to scan (the report's output folder, the
    history's folder), if they lie inside the corpus.
    """
    root = scan_root(paths)
    excluded = {Path(os.path.abspath(os.fspath(folder))) for folder in exclude}
    result = Scan(root=root)
    seen: set[str] = set()

    def consider(file: Path) -> None:
        key = relative_key(file, root)
        if key in seen:
            return
        seen.add(key)
        if file.suffix.lower() in SUPPORTED_SUFFIXES and not file.name.startswith("~$"):
            result.tasks.append(Task(path=str(file), key=key))
        else:
            result.skipped += 1
            if len(result.skipped_examples) < 10:
                result.skipped_examples.append(key)

    for path in paths:
        start = Path(os.path.abspath(path))
        if not start.is_dir():
            consider(start)
            continue
        for folder, dirs, files in os.walk(start):
            here = Path(folder)
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and here / d not in excluded)
            for name in sorted(files):
                if not name.startswith("."):
                    consider(here / name)
    result.tasks.sort(key=lambda task: task.key)
    return result


# -- groups --------------------------------------------------------------------
def grouper(spec: str | None):
    """A function relative path -> group name for ``--group-by`` (None without grouping).

    ``top``: the first folder under the scanned root (files directly in it
    form the group "(oberste Ebene)").  Anything else is a regular expression
    with exactly one group, searched in the relative path; the group's text
    names the group ("(ohne Gruppe)" when the pattern does not match).
    """
    if not spec:
        return None
    if spec == "top":
        return lambda key: key.split("/", 1)[0] if "/" in key else TOP_LEVEL
    try:
        pattern = re.compile(spec)
    except re.error as exc:
        raise ReportError(f"--group-by: kein gültiger regulärer Ausdruck ({exc})") from None
    if pattern.groups != 1:
        raise ReportError(
            f"--group-by: der Ausdruck braucht genau eine Gruppe in Klammern (er hat {pattern.groups}), "
            "z. B. --group-by '^([^/]+)/'"
        )

    def group_of(key: str) -> str:
        match = pattern.search(key)
        return match.group(1) if match and match.group(1) else NO_GROUP

    return group_of


# -- pseudonyms ------------------------------------------------------------------
KEY_FILE = "key"
PSEUDONYM_PREFIX = "h:"


def pseudonym_key(folder: Path) -> bytes:
    """The secret for --pseudonymise-paths: ``folder/key``, created once (mode 0600).

    Created atomically (written to a private temporary file, then linked into
    place), so two runs starting at once agree on one key.
    """
    target = folder / KEY_FILE
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / f".{KEY_FILE}.{os.getpid()}.tmp"
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(descriptor, "w", encoding="ascii") as stream:
                stream.write(os.urandom(32).hex() + "\n")
                stream.flush()
                os.fsync(stream.fileno())
            try:
                os.link(temporary, target)
            except FileExistsError:
                pass  # another run created it first: use that one
        finally:
            os.unlink(temporary)
    try:
        text = target.read_text(encoding="ascii").strip()
        secret = bytes.fromhex(text)
    except (OSError, ValueError) as exc:
        raise ReportError(f"{target}: Schlüssel für --pseudonymise-paths nicht lesbar ({exc})") from None
    if len(secret) < 16:
        raise ReportError(f"{target}: Schlüssel für --pseudonymise-paths ist zu kurz")
    return secret


def pseudonym(secret: bytes, key: str) -> str:
    """A keyed hash (HMAC-SHA256) of a relative path: the same path always gives the same name."""
    return PSEUDONYM_PREFIX + hmac.new(secret, key.encode("utf-8"), hashlib.sha256).hexdigest()


def key_id(secret: bytes) -> str:
    """Identifies the key (not the key itself): runs with different keys cannot be matched."""
    return hmac.new(secret, b"einfach key id", hashlib.sha256).hexdigest()[:16]


def display_key(key: str) -> str:
    """Pseudonyms are shown shortened; paths as they are."""
    return key[:14] + "…" if key.startswith(PSEUDONYM_PREFIX) else key


def is_scanned(target: str | os.PathLike, paths: list[str], exclude: list[str | os.PathLike] = ()) -> bool:
    """Would :func:`scan` check ``target`` (compared as resolved paths)?  Output files must not be inputs."""
    resolved = Path(os.path.abspath(os.fspath(target))).resolve()
    excluded = [Path(os.path.abspath(os.fspath(folder))).resolve() for folder in exclude]
    for path in paths:
        start = Path(os.path.abspath(path)).resolve()
        if start == resolved:
            return True
        if not start.is_dir() or start not in resolved.parents:
            continue
        inside = resolved.relative_to(start).parts
        if any(part.startswith(".") for part in inside):
            continue
        if any(folder == resolved or folder in resolved.parents for folder in excluded):
            continue
        if resolved.suffix.lower() in SUPPORTED_SUFFIXES and not resolved.name.startswith("~$"):
            return True
    return False
