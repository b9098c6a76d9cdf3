"""Readers turn input files into :class:`einfach.document.Document` objects."""

from __future__ import annotations

from pathlib import Path

from ..document import Document
from ..errors import InputError

SUPPORTED_SUFFIXES = (".docx", ".txt", ".md")


def read_document(path: str) -> Document:
    """Read a supported file (or "-" for standard input) into a Document."""
    if path == "-":
        from .text import read_stdin

        return read_stdin()
    suffix = Path(path).suffix.lower()
    if suffix == ".docx":
        from .docx import read_docx

        return read_docx(path)
    if suffix in (".txt", ".md", ""):
        from .text import read_text_file

        return read_text_file(path)
    if suffix == ".doc":
        raise InputError(
            path,
            "ist ein altes Word-Format (.doc); bitte als .docx speichern "
            "(libreoffice --headless --convert-to docx DATEI)",
        )
    if suffix == ".odt":
        raise InputError(path, "OpenDocument (.odt) wird noch nicht unterstützt; bitte als .docx speichern")
    raise InputError(path, f"Dateityp '{suffix}' wird nicht unterstützt (unterstützt: .docx, .txt, .md)")
