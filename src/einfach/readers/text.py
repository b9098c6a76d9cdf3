"""Plain text and Markdown: the extracted text is the input exactly as given.

Paragraphs are the runs of text between blank lines; their offsets index the
unchanged text, so findings point at the original characters.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from ..document import Document, Paragraph
from ..errors import InputError

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")


_UTF16 = "ist als UTF-16 („Unicode“) gespeichert; bitte als UTF-8 speichern"


def decode(data: bytes, path: str) -> tuple[str, list[str]]:
    """UTF-8 (with or without BOM), else cp1252 with a note; binary data is refused.

    Text never contains a NUL byte, so one anywhere in the file marks it as
    binary (UTF-16 text, which is full of them, gets its own message)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(data[:4096]):
        raise InputError(path, _UTF16)
    if b"\x00" in data:
        raise InputError(path, "ist keine Textdatei (enthält Binärdaten)")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise InputError(
            path, f"Text ist weder UTF-8 noch Windows-1252 (ungültiges Byte 0x{data[exc.start]:02X} "
            f"an Position {exc.start}); bitte als UTF-8 speichern"
        ) from None
    return text, ["Datei ist nicht UTF-8; als Windows-1252 gelesen"]


def _looks_utf16(sample: bytes) -> bool:
    """UTF-16 without byte-order mark: mostly Latin text, so every second byte is NUL."""
    if len(sample) < 8:
        return False
    even, odd = sample[0::2], sample[1::2]
    return max(even.count(0), odd.count(0)) >= 0.4 * len(odd) and min(even.count(0), odd.count(0)) == 0


def split_paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs between blank lines, with offsets into ``text``."""
    paragraphs: list[Paragraph] = []
    position = 0
    for separator in [*_BLANK_LINE.finditer(text), None]:
        end = separator.start() if separator else len(text)
        chunk = text[position:end]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            start = position + lead
            paragraphs.append(Paragraph(text=stripped, start=start, index=len(paragraphs) + 1))
        if separator:
            position = separator.end()
    return paragraphs


def document_from_text(path: str, text: str, notes: list[str] | None = None) -> Document:
    return Document(path=path, text=text, paragraphs=split_paragraphs(text), notes=list(notes or []))


def read_text_file(path: str) -> Document:
    file = Path(path)
    if not file.exists():
        raise InputError(path, "Datei nicht gefunden")
    if file.is_dir():
        raise InputError(path, "ist ein Ordner, keine Datei")
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise InputError(path, f"kann nicht gelesen werden ({exc.strerror})") from None
    text, notes = decode(data, path)
    return document_from_text(path, text, notes)


# control characters that plain text does not contain (tab, LF and CR are text)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def read_plain_text(path: str) -> Document | None:
    """A file of unknown type read as text, or None when it is not plain text.

    Plain text: UTF-8 (or the Windows-1252 fallback of :func:`decode`) without
    NUL or other control characters except tab, CR and LF."""
    try:
        document = read_text_file(path)
    except InputError as error:
        if "Datei nicht gefunden" in error.problem or "kann nicht gelesen" in error.problem:
            raise
        return None
    if _CONTROL.search(document.text):
        return None
    return document


def read_stdin() -> Document:
    data = sys.stdin.buffer.read()
    text, notes = decode(data, "<stdin>")
    return document_from_text("-", text, notes)
