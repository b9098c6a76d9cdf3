"""Which files a command line names: files as given, folders searched for readable files.

Path expansion belongs with the readers (it decides which suffixes einfach
can read); the checker, the output writers (which refuse to overwrite an
input) and the report's scan all use it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from . import SUPPORTED_SUFFIXES


def skipped_files(paths: Iterable[str], convert: bool = False) -> list[tuple[str, str]]:
    """(file, why) for every file in the named folders that einfach does not read.

    Hidden files and Word's lock files ("~$brief.docx") are not named: nobody
    means to check them; ``convert``: .doc files are read (``--convert``)."""
    from . import unsupported

    skipped = []
    for path in paths:
        folder = Path(path)
        if path == "-" or not folder.is_dir():
            continue
        for file in sorted(folder.rglob("*")):
            if (file.is_file() and file.suffix.lower() not in SUPPORTED_SUFFIXES
                    and not (convert and file.suffix.lower() == ".doc")
                    and not file.name.startswith(("~$", ".")) and not _hidden(file, folder)):
                skipped.append((str(file), unsupported(file.suffix.lower(), short=True)))
    return skipped


def _hidden(file: Path, folder: Path) -> bool:
    return any(part.startswith(".") for part in file.relative_to(folder).parts[:-1])


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
