"""Which files a command line names: files as given, folders searched for readable files.

Path expansion belongs with the readers (it decides which suffixes einfach
can read); the checker, the output writers (which refuse to overwrite an
input) and the report's scan all use it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from . import SUPPORTED_SUFFIXES


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files as given; folders searched recursively for supported files."""
    for path in paths:
        folder = Path(path)
        if path != "-" and folder.is_dir():
            found = sorted(
                p for p in folder.rglob("*")
                if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES and not p.name.startswith(("~$", "."))
            )
            yield from (str(p) for p in found)
        else:
            yield path
