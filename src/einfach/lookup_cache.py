"""Look-up tables derived from installed packages, kept as memory-mapped tries.

Two resources of the rules are big dictionaries that their packages read in
full on every start: the compound splitter's n-gram probabilities
(``split_words``, a 40 MB JSON file: about 2 s and 360 MB per process) and
wordfreq's German word list (about 0.5 s and 80 MB).  A check of a one-page
letter needs a few hundred of their entries.  A third table is computed, not
read: the lemmas of the 37,000 word forms HanTa's model knows (see
``nlp/tagger._known_lemmas``), which a cold process would otherwise work out
one by one (0.08 s of a one-page letter).

So einfach converts each of them once into a MARISA trie (``marisa-trie``) in
the user's cache folder and afterwards maps that file into memory: opening it
takes well under a millisecond, a look-up about 2 µs, and the operating system
shares the pages between processes (``einfach report --jobs``).

Why not ship the tries in the wheel: the data belongs to other packages
(wordfreq's word list is CC BY-SA 4.0) and changes with their versions.  A
table is rebuilt when the source package's version or data file changes (the
file name holds a fingerprint of them).  The cache holds only these public
word lists and what is derived from HanTa's model, never text of a checked
letter.

Where: ``$EINFACH_CACHE_DIR``, else ``$XDG_CACHE_HOME/einfach``, else
``~/.cache/einfach``.  ``EINFACH_CACHE_DIR=off`` (or a folder that cannot be
written) keeps everything in memory: the tables are then built per process,
which is slower but gives the same answers (the lemma table is then not built
at all: lemmas are worked out as they are needed).
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

FORMAT_VERSION = "1"
"""Bump when the layout of a table changes, so old cache files are not read."""

log = logging.getLogger(__name__)


def cache_folder() -> Path | None:
    """The folder for derived tables, or None when caching is switched off."""
    configured = os.environ.get("EINFACH_CACHE_DIR")
    if configured is not None:
        if configured.strip().lower() in {"", "off", "0", "none"}:
            return None
        return Path(configured)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "einfach"
    try:
        return Path.home() / ".cache" / "einfach"
    except (RuntimeError, KeyError):  # no home folder (e.g. a service account without one)
        return None


def fingerprint(*parts: object) -> str:
    """A short hash of the things a table is derived from (versions, file sizes and times)."""
    digest = hashlib.sha256(repr((FORMAT_VERSION,) + parts).encode("utf-8"))
    return digest.hexdigest()[:16]


def file_identity(path: str | os.PathLike) -> tuple[str, int, int]:
    """(name, size, mtime in ns) of a source data file: changes when the package is reinstalled differently."""
    stat = os.stat(path)
    return (os.path.basename(path), stat.st_size, stat.st_mtime_ns)


def record_trie(name: str, source_fingerprint: str, items: Callable[[], Iterable[tuple[str, tuple]]], fmt: str):
    """A ``marisa_trie.RecordTrie`` of ``items()``, memory-mapped from the cache when possible.

    ``items`` is only called when the table has to be built: the first time,
    after the source changed, or when there is no usable cache folder.
    """
    import marisa_trie

    return _cached_trie(name, source_fingerprint, lambda: marisa_trie.RecordTrie(fmt), lambda: marisa_trie.RecordTrie(fmt, items()))


def optional_bytes_trie(name: str, source_fingerprint: str, items: Callable[[], Iterable[tuple[str, bytes]]]):
    """A ``marisa_trie.BytesTrie`` of ``items()`` (key → bytes), cached like :func:`record_trie`,
    or None when it could not be kept in the cache folder.

    For tables that only save time (the answers are also computed without them): building one
    in every process would cost more than it saves.
    """
    import marisa_trie

    folder = cache_folder()
    if folder is None:
        return None
    if not (folder / _file_name(name, source_fingerprint)).is_file() and not _writable(folder):
        return None  # it would have to be built, and could not be kept
    return _cached_trie(name, source_fingerprint, marisa_trie.BytesTrie, lambda: marisa_trie.BytesTrie(items()))


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK | os.X_OK)


def _file_name(name: str, source_fingerprint: str) -> str:
    return f"{name}-{source_fingerprint}.marisa"


def _cached_trie(name: str, source_fingerprint: str, empty: Callable, build: Callable):
    folder = cache_folder()
    path = folder / _file_name(name, source_fingerprint) if folder is not None else None
    if path is not None and path.is_file():
        trie = empty()
        try:
            trie.mmap(os.fspath(path))
            return trie
        except Exception as exc:  # a damaged cache file: rebuild it below
            log.warning("einfach: cache file %s unreadable (%s); rebuilding it", path, exc)
    if path is not None and sys.stderr is not None and sys.stderr.isatty():
        print(f"einfach: Wortdaten werden einmalig vorbereitet ({path.parent}) …", file=sys.stderr)
    trie = build()
    if path is not None:
        _save(trie, path)
    return trie


def _save(trie, path: Path) -> None:
    """Save atomically (:func:`einfach.atomic.open_atomic`): a parallel process sees no file or the whole one."""
    from .atomic import open_atomic
    from .errors import EinfachError

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open_atomic(path, what="Wortdaten-Cache", binary=True) as stream:
            stream.write(trie.tobytes())
    except (OSError, EinfachError) as exc:  # read-only home, full disk: the in-memory table still works
        log.info("einfach: cannot write cache file %s (%s); using the table in memory", path, exc)
