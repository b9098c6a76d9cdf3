"""Text edits: replacements ``(start, end, text)`` over a document's extracted text.

An edit replaces ``text[start:end]`` with its new text (``start == end`` inserts,
an empty new text deletes).  Offsets are those of findings: indexes into the
extracted text (:attr:`einfach.document.Document.text`).  The edits of one call
must not overlap; two insertions at the same place overlap too (their order
would be a guess).  :func:`apply_edits` splices them into a plain text (.txt,
.md); :mod:`einfach.output.docx_tracked` writes them into a .docx as Word
tracked changes.

An edit may be given as a tuple, as a mapping with ``start``/``end``/``text``
keys (a JSON ``fix``), or as any object with those attributes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple


class Edit(NamedTuple):
    start: int
    end: int
    text: str


def as_edit(edit: Any) -> Edit:
    """One edit of any accepted form as an :class:`Edit`."""
    if isinstance(edit, Mapping):
        start, end, text = edit["start"], edit["end"], edit["text"]
    elif hasattr(edit, "start") and hasattr(edit, "end") and hasattr(edit, "text"):
        start, end, text = edit.start, edit.end, edit.text
    else:
        start, end, text = edit
    if not (isinstance(start, int) and isinstance(end, int) and isinstance(text, str)):
        raise ValueError(f"edit {edit!r}: start and end must be integers, text a string")
    return Edit(start, end, text)


def checked_edits(edits: Iterable[Any], length: int) -> list[Edit]:
    """The edits sorted by position; ValueError for a range outside ``0..length`` or an overlap."""
    result = sorted((as_edit(edit) for edit in edits), key=lambda e: (e.start, e.end))
    for edit in result:
        if not 0 <= edit.start <= edit.end <= length:
            raise ValueError(f"edit {tuple(edit)!r} lies outside the text (length {length})")
    for before, after in zip(result, result[1:]):
        if after.start < before.end or before.start == before.end == after.start == after.end:
            raise ValueError(f"edits overlap: {tuple(before)!r} and {tuple(after)!r}")
    return result


def apply_edits(text: str, edits: Iterable[Any]) -> str:
    """``text`` with every edit applied (plain string splice; ValueError on overlap)."""
    pieces = []
    position = 0
    for edit in checked_edits(edits, len(text)):
        pieces.append(text[position : edit.start])
        pieces.append(edit.text)
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces)
