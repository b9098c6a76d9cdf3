"""Readers turn input files into :class:`einfach.document.Document` objects.

:func:`read_document` picks the reader by the file's suffix after checking
that the path is a readable regular file and that its first bytes do not
betray another format (a PDF, an image or an RTF file renamed to .docx or
.txt): every problem becomes an :class:`InputError` with a German message.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..document import Document
from ..errors import InputError

SUPPORTED_SUFFIXES = (".docx", ".odt", ".txt", ".md")

_RTF = "eine RTF-Datei"

#: What a file is, by its first bytes (checked before the reader by suffix runs).
_MAGIC = (
    (b"%PDF-", "eine PDF-Datei"),
    (b"\x89PNG\r\n\x1a\n", "ein Bild (PNG)"),
    (b"\xff\xd8\xff", "ein Bild (JPEG)"),
    (b"GIF87a", "ein Bild (GIF)"),
    (b"GIF89a", "ein Bild (GIF)"),
    (b"II*\x00", "ein Bild (TIFF)"),
    (b"MM\x00*", "ein Bild (TIFF)"),
    (b"{\\rtf", _RTF),
)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_EXPECTED = {
    ".docx": "kein Word-Dokument (.docx)",
    ".odt": "kein OpenDocument-Text (.odt)",
    ".txt": "keine Textdatei",
    ".md": "keine Textdatei",
    "": "keine Textdatei",
}
_ONLY = "; einfach prüft .docx-, .odt-, .txt- und .md-Dateien"


def read_document(path: str) -> Document:
    """Read a supported file (or "-" for standard input) into a Document."""
    if path == "-":
        from .text import read_stdin

        return read_stdin()
    suffix = Path(path).suffix.lower()
    head = _head(path)
    kind = file_kind(head)
    if kind is None and suffix in (".txt", ".md", ""):
        kind = _container_kind(head)
    if kind and suffix in _EXPECTED:
        raise InputError(path, _foreign(kind, suffix))
    if suffix == ".docx":
        from .docx import read_docx

        return read_docx(path)
    if suffix == ".odt":
        from .odt import read_odt

        return read_odt(path)
    if suffix in (".txt", ".md", ""):
        from .text import read_text_file

        return read_text_file(path)
    if suffix == ".doc":
        return _read_doc(path, head, kind)
    if kind is None and _container_kind(head) is None:
        from .text import read_plain_text

        document = read_plain_text(path)  # an explicitly named file: text if it is plain text
        if document is not None:
            document.notes.insert(0, f"Dateityp „{suffix}“ unbekannt; als Text gelesen")
            return document
    raise InputError(path, unsupported(suffix))


def unsupported(suffix: str, short: bool = False) -> str:
    """Why a file of ``suffix`` is not checked: ".pdf wird nicht unterstützt" (``short``: without the list)."""
    if suffix == ".doc":
        return ".doc nur mit --convert (LibreOffice)"
    text = f"{suffix} wird nicht unterstützt" if suffix else "Datei ohne Endung wird nicht unterstützt"
    return text if short else f"{text} (unterstützt: .docx, .odt, .txt, .md)"


def file_kind(head: bytes) -> str | None:
    """A German description of a binary or foreign format recognised by its first bytes, else None."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    return None


def _container_kind(head: bytes) -> str | None:
    """Office containers, named only for files that should be text."""
    if head.startswith(_ZIP_MAGIC):
        return "ein ZIP-Archiv, z. B. ein Word- oder OpenDocument-Dokument"
    if head.startswith(_OLE_MAGIC):
        return "eine alte Office-Datei, z. B. .doc"
    return None


def _foreign(kind: str, suffix: str) -> str:
    """The message for a file whose content is another format than its suffix says."""
    if kind == _RTF:
        return f"ist {kind}, {_EXPECTED.get(suffix, 'kein Word-Dokument')}; bitte in Word oder LibreOffice als .docx speichern"
    if suffix in (".txt", ".md", ""):
        return f"ist keine Textdatei (Binärdaten: {kind}){_ONLY}"
    return f"ist {kind}, {_EXPECTED.get(suffix, 'kein Word-Dokument')}{_ONLY}"


def _head(path: str) -> bytes:
    """The first bytes of a regular, readable file; German errors for everything else."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(path, "Datei nicht gefunden") from None
    except PermissionError:
        raise InputError(path, "kein Zugriff (fehlende Berechtigung)") from None
    except OSError as exc:
        raise InputError(path, f"kann nicht gelesen werden ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, "ist ein Ordner, keine Datei")
    if not (stat.S_ISREG(info.st_mode) or stat.S_ISFIFO(info.st_mode)):
        raise InputError(path, "ist keine normale Datei (z. B. ein Gerät); nicht gelesen")
    if stat.S_ISFIFO(info.st_mode):
        return b""  # a pipe (<(...)) can be read once only: leave it to the reader
    try:
        with open(path, "rb") as handle:
            return handle.read(16)
    except PermissionError:
        raise InputError(path, "kann nicht gelesen werden (keine Leseberechtigung)") from None
    except OSError as exc:
        raise InputError(path, f"kann nicht gelesen werden ({exc.strerror or exc})") from None


def _read_doc(path: str, head: bytes, kind: str | None) -> Document:
    """A .doc file: converted with LibreOffice under ``--convert``, read as .docx if it
    is one under the wrong name, else refused with advice."""
    from . import convert

    if convert.enabled() and (head.startswith(_OLE_MAGIC) or kind == _RTF):
        return convert.convert_to_docx(path)
    if head.startswith(_ZIP_MAGIC):
        from .docx import read_docx

        document = read_docx(path)
        document.notes.append("Die Datei heißt .doc, ist aber ein Word-Dokument im .docx-Format; so gelesen.")
        return document
    if kind:
        raise InputError(path, _foreign(kind, ".doc"))
    raise InputError(path, "ist ein altes Word-Format (.doc); " + convert.advice())
