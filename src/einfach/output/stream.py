"""Writing a format piece by piece, so a large check never sits in memory as one string.

A format that can stream has a :class:`Writer`: it gets the items of
:func:`einfach.checker.stream_paths` (per file a ``FileStart``, its
``Chunk`` objects and its ``FileSummary``, or an ``InputFailure``) and writes
to a text stream as it goes.  The same writer renders a collected
``CheckResult`` (:func:`render`, which feeds it one chunk per file), so the
streamed output and ``render(result)`` come from one piece of code and are
identical (tests/test_streaming.py).

Inputs that could not be read are written after all files, as in the
collected output, so writers keep them (they are short) until :meth:`Writer.close`.
JSON formats whose arrays are interleaved over a file's chunks (``sentences``
and ``findings`` of a file; SARIF's ``results`` after the ``invocations``)
collect the array elements in a temporary file (:class:`JsonArray`).
"""

from __future__ import annotations

import io
import json
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from typing import TextIO

from ..findings import CheckResult, Chunk, FileStart, FileSummary, InputFailure

INDENT = "  "  # json.dumps(..., indent=2)
_ENCODER = json.JSONEncoder(ensure_ascii=False, indent=2)
SPOOL_BYTES = 4 * 1024 * 1024  # a JsonArray stays in memory up to this size, then moves to a temporary file


class Writer:
    """Base class: override what the format needs.  ``out`` is a text stream."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.errors: list[InputFailure] = []

    def start_file(self, start: FileStart) -> None:
        pass

    def chunk(self, chunk: Chunk) -> None:
        pass

    def end_file(self, summary: FileSummary) -> None:
        pass

    def abort_file(self, failure: InputFailure) -> None:
        """The open file's check failed midway (an internal error); ``error`` follows."""

    def error(self, failure: InputFailure) -> None:
        self.errors.append(failure)

    def close(self) -> None:
        pass


def write(writer: Writer, items: Iterable[FileStart | Chunk | FileSummary | InputFailure]) -> None:
    """Feed a check stream to ``writer`` and close it."""
    open_file = False
    for item in items:
        if isinstance(item, FileStart):
            writer.start_file(item)
            open_file = True
        elif isinstance(item, Chunk):
            writer.chunk(item)
        elif isinstance(item, FileSummary):
            writer.end_file(item)
            open_file = False
        else:
            if open_file:
                writer.abort_file(item)
                open_file = False
            writer.error(item)
    writer.close()


def items_of(result: CheckResult) -> Iterator[FileStart | Chunk | FileSummary | InputFailure]:
    """A collected result as a stream: one chunk per file, the failures at the end."""
    for file in result.files:
        yield FileStart(path=file.path, text=file.text, notes=list(file.notes))
        yield Chunk(segments=file.segments, findings=file.findings)
        yield FileSummary.of(file)
    yield from result.errors


def render(writer_class: type[Writer], result: CheckResult, **options) -> str:
    """The whole output of a collected result as one string."""
    out = io.StringIO()
    write(writer_class(out, **options), items_of(result))
    return out.getvalue()


# -- JSON written in pieces, byte for byte as json.dumps(..., indent=2) -----------


def dump(value, level: int = 0) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` nested ``level`` deep."""
    return _ENCODER.encode(value).replace("\n", "\n" + INDENT * level)


def split_at(template: dict, level: int, *markers: str) -> list[str]:
    """``dump(template)`` cut where the values ``markers`` stand (each value is replaced by the caller)."""
    text = dump(template, level)
    pieces = []
    for marker in markers:
        before, text = text.split(_ENCODER.encode(marker), 1)
        pieces.append(before)
    return pieces + [text]


class JsonArray:
    """The elements of a JSON array at nesting ``level``, kept in a temporary file until written."""

    def __init__(self, level: int) -> None:
        self.level = level
        self.count = 0
        self.spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES, mode="w+", encoding="utf-8", newline="")

    def append(self, value) -> None:
        self.spool.write(("\n" if not self.count else ",\n") + INDENT * (self.level + 1) + dump(value, self.level + 1))
        self.count += 1

    def mark(self) -> tuple[int, int]:
        """Where the array ends now, for :meth:`rollback`."""
        return self.spool.tell(), self.count

    def rollback(self, mark: tuple[int, int]) -> None:
        """Drop the elements appended since ``mark``."""
        position, self.count = mark
        self.spool.seek(position)
        self.spool.truncate()

    def write_to(self, out: TextIO) -> None:
        if not self.count:
            out.write("[]")
            return
        out.write("[")
        self.spool.seek(0)
        shutil.copyfileobj(self.spool, out, 1024 * 1024)
        out.write("\n" + INDENT * self.level + "]")

    def close(self) -> None:
        self.spool.close()
