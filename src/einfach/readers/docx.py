"""Read a Word .docx file into a :class:`~einfach.document.Document`.

Why not python-docx?  Its ``Document.paragraphs`` silently skips much of what a
reader of an authority letter actually sees: content controls (``w:sdt``,
used by nearly every letter template), text boxes, tracked insertions,
footnotes and endnotes.  A plain-language checker that misses the address
block in a text box or the legal notice in a footnote gives false comfort, so
this module reads the OOXML parts directly with a hardened lxml parser.

Offsets contract: the extracted text is the paragraphs' texts joined by
``"\\n\\n"`` (see :meth:`Document.from_paragraphs`), so for every paragraph
``doc.text[p.start:p.end] == p.text``.  Paragraph texts are kept exactly as
Word shows them (inner and outer spaces included); only paragraphs that are
empty or whitespace-only are dropped, which changes nothing else.

What Word shows, and only that (issue 21): hidden text (``w:vanish``,
``w:specVanish``, directly or through character and paragraph styles, resolved
by :mod:`.formatting`) is left out and counted in a note, one per continuous
hidden stretch of a paragraph; soft hyphens, zero-width spaces and word
joiners are dropped; a ``w:t`` without ``xml:space="preserve"`` loses its outer
whitespace, as Word renders it.  The main document is found through
``_rels/.rels`` and the content types (Word Online writes
``word/document2.xml``), and each part's relationships are read from its own
``_rels`` file, relative to the part.  Pieces Word imports when it opens the
file (``w:altChunk``) are read at their place: an embedded .docx (its body,
one level deep, under the same limits) and HTML (:mod:`.html_chunk`); RTF, MHT
and embedded objects (``w:object``: spreadsheets, ...) are named in a note.

Order of the extracted text: body paragraphs and table cells in document
order (a text box's paragraphs right after the paragraph that anchors it),
then headers, then footers (each distinct part once, in the order sections
reference them; only parts some section displays: after inheritance from the
previous section, the first-page part only with ``w:titlePg``, the even-page
part only with ``w:evenAndOddHeaders`` in the settings), then footnotes, then
endnotes.  :func:`iter_paragraphs` exposes this walk with each paragraph's
``w:p`` element (the Word-comment annotator uses it, so its paragraph numbers
and texts are the reader's).

Paragraph fields: ``lead_bold`` counts the leading characters shown bold;
``table``/``row``/``cell`` number the outermost table of the paragraph's part
(tables counted per part in document order), its row and its cell (``w:tc``
in the row); a paragraph of a nested table keeps the outer table's row and
cell, the place a caseworker finds in Word.  Text boxes of the body are part
"textbox" (in headers, footers and notes they keep that part).

The file is untrusted input: every XML part is parsed without DTDs, entity
expansion or network access, parts with a DOCTYPE are refused outright, and
each part's decompressed size is capped (zip bombs).  Every failure becomes
an :class:`~einfach.errors.InputError` with a German message.
"""

from __future__ import annotations

import io
import os
import posixpath
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple
from urllib.parse import unquote

from lxml import etree

from einfach.document import INVISIBLE_CHARACTERS, Document
from einfach.errors import InputError

from . import html_chunk
from .formatting import Formatting, RunFormat, ShownText, hidden_note, on_off
from .safe_xml import TOO_DEEP, hardened_parser, parse_part, read_part, size_text

#: Largest decompressed size of one XML part that is read (zip-bomb guard).
MAX_PART_SIZE = 50 * 1024 * 1024
#: Deepest table nesting that is read; deeper is refused as malicious.
MAX_TABLE_DEPTH = 50

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_CONTENT_TYPES = "[Content_Types].xml"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_XML_WHITESPACE = " \t\r\n"
_DROP_INVISIBLE = str.maketrans("", "", INVISIBLE_CHARACTERS)
#: Content types of a main document part (document, template, with macros).
_MAIN_TYPES = frozenset(
    f"application/vnd.{kind}.main+xml"
    for kind in (
        "openxmlformats-officedocument.wordprocessingml.document",
        "openxmlformats-officedocument.wordprocessingml.template",
        "ms-word.document.macroenabled",
        "ms-word.template.macroenabledtemplate",
    )
)
_DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
#: altChunk pieces whose text is not read, named in a note.
_CHUNK_KINDS = {
    "application/rtf": "RTF", "text/rtf": "RTF", "message/rfc822": "MHT", "multipart/related": "MHT",
    "application/xml": "XML", "text/xml": "XML",
}
_CHUNK_EXTENSIONS = {".rtf": "RTF", ".mht": "MHT", ".mhtml": "MHT", ".xml": "XML"}
#: Embedded OLE objects by the start of their ProgID.
_OBJECT_KINDS = (("excel", "Excel-Tabelle"), ("word", "Word-Dokument"), ("powerpoint", "PowerPoint-Folie"),
                 ("visio", "Visio-Zeichnung"), ("acroexch", "PDF-Dokument"), ("package", "eingebettete Datei"))
_O_OLE_OBJECT = "{urn:schemas-microsoft-com:office:office}OLEObject"


def _w(name: str) -> str:
    return f"{{{_W}}}{name}"


W_DOCUMENT, W_BODY, W_P, W_TBL, W_TR = map(_w, ("document", "body", "p", "tbl", "tr"))
W_T, W_TAB, W_PTAB, W_BR, W_CR = map(_w, ("t", "tab", "ptab", "br", "cr"))
W_NO_BREAK_HYPHEN, W_FLD_CHAR, W_INSTR_TEXT = map(_w, ("noBreakHyphen", "fldChar", "instrText"))
W_FLD_SIMPLE, W_TXBX_CONTENT, W_PPR, W_PSTYLE = map(_w, ("fldSimple", "txbxContent", "pPr", "pStyle"))
W_NUMPR, W_NUMID, W_TRPR, W_DEL, W_INS = map(_w, ("numPr", "numId", "trPr", "del", "ins"))
W_MOVE_FROM, W_MOVE_TO, W_SECTPR = map(_w, ("moveFrom", "moveTo", "sectPr"))
W_HEADER_REF, W_FOOTER_REF, W_STYLE, W_NAME = map(_w, ("headerReference", "footerReference", "style", "name"))
W_FOOTNOTE, W_ENDNOTE = _w("footnote"), _w("endnote")
W_R, W_TC, W_ALT_CHUNK, W_OBJECT, W_TITLE_PG = map(_w, ("r", "tc", "altChunk", "object", "titlePg"))
W_EVEN_AND_ODD = _w("evenAndOddHeaders")
W_COMMENT, W_COMMENT_START, W_COMMENT_END, W_ID = map(_w, ("comment", "commentRangeStart", "commentRangeEnd", "id"))
_CUSTOM_PROPERTIES = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
W_VAL, W_TYPE, W_STYLE_ID = _w("val"), _w("type"), _w("styleId")
W_FLD_CHAR_TYPE, W_INSTR = _w("fldCharType"), _w("instr")
R_ID = f"{{{_R}}}id"
MC_ALTERNATE, MC_CHOICE, MC_FALLBACK = (f"{{{_MC}}}{n}" for n in ("AlternateContent", "Choice", "Fallback"))
M_T = f"{{{_M}}}t"

#: Inside a paragraph: subtrees that hold no visible text (properties,
#: deletions, deleted field codes, symbol-font glyphs, ruby annotations).
_INLINE_SKIP = frozenset(
    map(
        _w,
        (
            "pPr", "rPr", "sdtPr", "sdtEndPr", "del", "moveFrom", "delText",
            "delInstrText", "sym", "softHyphen", "rt", "fldData",
        ),
    )
)
#: Between paragraphs: property and section elements, and deletions.
_BLOCK_SKIP = frozenset(
    map(_w, ("sectPr", "tblPr", "tblGrid", "trPr", "tcPr", "sdtPr", "sdtEndPr", "del", "moveFrom"))
)
_NOTE_SEPARATORS = frozenset({"separator", "continuationSeparator", "continuationNotice"})
_MERGEFIELD = re.compile(r'\s*MERGEFIELD\s+(?:"([^"]*)"|([^\s\\]+))', re.IGNORECASE)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARKERS = (b"EncryptedPackage", "EncryptedPackage".encode("utf-16-le"))

_INVALID = "ist keine gültige .docx-Datei (beschädigt oder kein Word-Dokument)"
_TOO_DEEP = TOO_DEEP
_TABLES_TOO_DEEP = "ist zu tief verschachtelt (Tabellen in mehr als {} Ebenen); aus Sicherheitsgründen nicht gelesen"


class DocxParagraph(NamedTuple):
    """One paragraph of the walk: its ``w:p`` element, the zip part it lives in
    (``word/document.xml``, ``word/header1.xml``, ...; ``PART!PIECE`` for the
    paragraphs of an altChunk piece, whose element is None for HTML and text
    pieces), its extracted text, its :class:`~einfach.document.Paragraph`
    attributes (``part``, ``style``, ``kind``, ...), the document's
    :class:`~einfach.readers.formatting.Formatting` with the paragraph's style
    id (what says whether a run is hidden), and whether the paragraph lives in
    the main document part."""

    element: object
    part_name: str
    text: str
    attributes: dict
    formatting: Formatting | None = None
    style_id: str | None = None
    main: bool = False


def read_docx(path: str) -> Document:
    """Read a .docx file and return its extracted text as a Document.

    Raises :class:`InputError` (German message) for a missing, corrupt,
    encrypted, legacy (.doc), oversized or malicious file; no other
    exception escapes.
    """
    return _walk(os.fspath(path)).document()


def iter_paragraphs(path: str, roots: dict | None = None) -> Iterator[DocxParagraph]:
    """The paragraphs of a .docx file in extracted-text order (the walk
    :func:`read_docx` does), each with its element.

    ``roots`` maps zip part names (``word/document.xml``) to elements that are
    walked instead of parsing that part from the file, e.g. the trees of a
    python-docx ``Document`` that is about to be changed and saved.  Raises
    :class:`InputError` like :func:`read_docx`.
    """
    yield from _walk(os.fspath(path), roots).paragraphs


def _walk(path: str, roots: dict | None = None) -> "_Reader":
    _check_file(path)
    try:
        with zipfile.ZipFile(path) as archive:
            reader = _Reader(path, archive, roots)
            reader.walk()
            return reader
    except InputError:
        raise
    except RecursionError as exc:  # before RuntimeError, its base class
        raise InputError(path, _TOO_DEEP) from exc
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        raise InputError(path, _INVALID) from exc
    except ValueError as exc:  # a damaged file or a reader bug: the same message, with the type
        raise _unexpected(path, exc, _INVALID) from exc
    except RuntimeError as exc:  # zipfile: "File ... is encrypted, password required"
        if "encrypted" in str(exc):
            raise InputError(path, "ist passwortgeschützt (verschlüsselt); bitte ohne Kennwort speichern") from exc
        raise _unexpected(path, exc, "konnte nicht gelesen werden") from exc
    except OSError as exc:
        raise InputError(path, f"kann nicht gelesen werden: {exc.strerror or exc}") from exc
    except Exception as exc:  # never show a traceback for a bad input file
        raise _unexpected(path, exc, "konnte nicht gelesen werden") from exc


def _unexpected(path: str, exc: Exception, problem: str) -> InputError:
    """The error for an exception no known kind of bad input causes (perhaps a reader bug):
    the user's message, naming the exception's type.  The tests fail on any (tests/conftest.py)."""
    return InputError(path, f"{problem} ({type(exc).__name__}: {exc})")


def _check_file(path: str) -> None:
    """Refuse missing files, directories and OLE files (.doc, encrypted .docx)."""
    if not os.path.exists(path):
        raise InputError(path, "Datei nicht gefunden")
    if os.path.isdir(path):
        raise InputError(path, "ist ein Verzeichnis, keine Datei")
    try:
        with open(path, "rb") as handle:
            if handle.read(len(_OLE_MAGIC)) != _OLE_MAGIC:
                return
            encrypted = _contains_any(handle, _ENCRYPTED_MARKERS)
    except OSError as exc:
        raise InputError(path, f"kann nicht gelesen werden: {exc.strerror or exc}") from exc
    if encrypted:
        raise InputError(path, "ist passwortgeschützt (verschlüsselt); bitte ohne Kennwort speichern")
    raise InputError(
        path,
        "ist ein altes Word-Format (.doc); bitte in Word oder LibreOffice als .docx speichern "
        "(libreoffice --headless --convert-to docx DATEI)",
    )


def _contains_any(handle, markers: tuple[bytes, ...], chunk_size: int = 1 << 20) -> bool:
    """Scan a binary file chunk by chunk for any of the markers."""
    overlap = max(map(len, markers)) - 1
    tail = b""
    while chunk := handle.read(chunk_size):
        window = tail + chunk
        if any(marker in window for marker in markers):
            return True
        tail = window[-overlap:]
    return False


@dataclass
class _Field:
    """One open Word field: its instruction and how much result text it showed."""

    instruction: list[str] = field(default_factory=list)
    in_result: bool = False
    result_length: int = 0


class _Line(ShownText):
    """The shown text of one paragraph (:class:`~.formatting.ShownText`) and the
    formatting of the run being read."""

    def __init__(self, style_id: str | None, base: RunFormat) -> None:
        super().__init__()
        self.style_id = style_id
        self.format = base  # the formatting of the run being read


class _Fields:
    """Complex-field state of one story (body, header, note, text box).

    Fields may span runs and paragraphs (a table of contents does), so the
    state lives as long as the story.  Text is visible only while every open
    field is in its result part; field instructions are never shown.
    """

    def __init__(self) -> None:
        self.stack: list[_Field] = []
        self.hidden = 0  # open fields still in their instruction part

    def emit(self, out: _Line, text: str) -> None:
        if out.format.hidden:
            out.hide(text)
        else:
            out.add(text, out.format.bold)
        for open_field in self.stack:  # a hidden result is a result too: no «Name» for it
            open_field.result_length += len(text)

    def begin(self, instruction: str | None = None) -> None:
        if instruction is None:
            self.stack.append(_Field())
            self.hidden += 1
        else:  # w:fldSimple: instruction known, children are the result
            self.stack.append(_Field([instruction], in_result=True))

    def separate(self) -> None:
        if self.stack and not self.stack[-1].in_result:
            self.stack[-1].in_result = True
            self.hidden -= 1

    def instruction(self, text: str) -> None:
        if self.stack and not self.stack[-1].in_result:
            self.stack[-1].instruction.append(text)

    def end(self, out: _Line) -> None:
        if not self.stack:
            return
        closed = self.stack.pop()
        if not closed.in_result:
            self.hidden -= 1
        if closed.result_length == 0 and not self.hidden:
            name = _mergefield_name("".join(closed.instruction))
            if name:
                self.emit(out, f"«{name}»")


def _mergefield_name(instruction: str) -> str | None:
    match = _MERGEFIELD.match(instruction)
    return (match.group(1) or match.group(2)) if match else None


def rendered_text(t) -> str:
    """The text Word shows for a ``w:t`` (or ``m:t``): without ``xml:space="preserve"``
    its leading and trailing whitespace is not shown, and soft hyphens, zero-width
    spaces and word joiners (:data:`~einfach.document.INVISIBLE_CHARACTERS`) never are."""
    text = t.text or ""
    if text and t.get(XML_SPACE) != "preserve":
        text = text.strip(_XML_WHITESPACE)
    return text if text.isascii() else text.translate(_DROP_INVISIBLE)


class _Reader:
    """Walks the parts of one open .docx archive and collects paragraphs.

    ``chunk`` is set for the reader of an embedded .docx (``w:altChunk``): it reads
    only that document's body, into the paragraphs of the outer reader.
    """

    def __init__(self, path: str, archive: zipfile.ZipFile, roots: dict | None = None,
                 chunk: "_Reader | None" = None) -> None:
        self.path = path
        self.archive = archive
        self.roots = dict(roots or {})
        self.parser = hardened_parser()
        self.outer = chunk
        self.context: tuple = ("body", None, None)  # part, kind and cell of the body's paragraphs
        self.paragraphs: list[DocxParagraph] = chunk.paragraphs if chunk else []
        self.main_part = "word/document.xml"
        self.part_name = self.main_part  # the zip part being walked
        self.notes: list[str] = []
        self.formatting = Formatting()
        self.tracked_changes = False
        self.hidden_stretches = 0
        self.unread_pieces: list[str] = []  # altChunk pieces and embedded objects not read
        self.table_counts: dict[str, int] = {}
        self.names: dict[str, str] = {}  # lowercased part name -> name in the zip
        self._rels: dict[str, dict[str, tuple[str, str]]] = {}  # part -> its relationships
        self.content_types: tuple[dict[str, str], dict[str, str]] = ({}, {})
        # Word comment ranges: id -> (paragraph number, offset in its text) for start and end
        self.comment_starts: dict[str, tuple[int, int]] = {}
        self.comment_ends: dict[str, tuple[int, int]] = {}
        self.comment_texts: dict[str, str] = {}
        self.properties: dict[str, str] = {}

    # -- parts -------------------------------------------------------------

    def document(self) -> Document:
        items = [(p.text, p.attributes) for p in self.paragraphs]
        document = Document.from_paragraphs(self.path, items, self.notes)
        document.properties = dict(self.properties)
        for comment_id, (start_paragraph, start_offset) in self.comment_starts.items():
            end = self.comment_ends.get(comment_id)
            text = self.comment_texts.get(comment_id)
            if end is None or text is None or not document.paragraphs:
                continue
            start = _offset(document, start_paragraph, start_offset)
            stop = _offset(document, end[0], end[1])
            if start < stop:
                document.comments.append((start, stop, text))
        return document

    def walk(self) -> None:
        root = self._open_package()
        rels = self._relationships(self.main_part)
        styles_part = next((t for t, k in rels.values() if k.endswith("/styles")),
                           posixpath.join(posixpath.dirname(self.main_part), "styles.xml"))
        if self._exists(styles_part):
            self.formatting = Formatting(self._parse(styles_part))

        body = root.find(W_BODY)
        if body is not None:
            part, kind, cell = self.context
            self._blocks(body, part, kind, _Fields(), 0, cell)
        if self.outer is not None:  # an embedded document: only its body is imported
            return
        settings_part = next((t for t, k in rels.values() if k.endswith("/settings")), None)
        even_and_odd = False
        if settings_part is not None and self._exists(settings_part):
            even_and_odd = bool(on_off(self._parse(settings_part).find(W_EVEN_AND_ODD)))
        headers, footers = _displayed_header_footer_ids(root, even_and_odd)
        for part, ids in (("header", headers), ("footer", footers)):
            for target in _unique_targets(ids, rels):
                self._story_part(target, part)
        for part, suffix, tag in (("footnote", "/footnotes", W_FOOTNOTE), ("endnote", "/endnotes", W_ENDNOTE)):
            for target, kind in rels.values():
                if kind.endswith(suffix):
                    self._notes_part(target, part, tag)
        for target, kind in rels.values():
            if kind.endswith("/comments") and self._exists(target):
                self._comments(self._name(target))
        properties = next((t for t, k in self._relationships("").values() if k.endswith("/custom-properties")),
                          "docProps/custom.xml")
        if self._exists(properties):
            self._custom_properties(self._name(properties))
        self._add_notes()

    def _add_notes(self) -> None:
        if self.tracked_changes:
            self.notes.append(
                "Das Dokument enthält nachverfolgte Änderungen; geprüft wird die Fassung "
                "mit allen Änderungen angenommen."
            )
        if self.hidden_stretches:
            self.notes.append(hidden_note(self.hidden_stretches))
        if self.unread_pieces:
            pieces = Counter(self.unread_pieces)
            listed = ", ".join(f"{n} × {what}" if n > 1 else what for what, n in pieces.items())
            count = len(self.unread_pieces)
            self.notes.append(
                f"{count} eingebettete{'r' if count == 1 else ''} Inhalt{'e' if count != 1 else ''} "
                f"nicht geprüft: {listed}."
            )

    def _open_package(self):
        """Find the main document part through the package relationships and the content
        types (not by a fixed name) and parse it."""
        self.names = {name.lower(): name for name in self.archive.namelist()}
        self.content_types = self._read_content_types()
        candidates = [target for target, kind in self._relationships("").values()
                      if kind.endswith("/officeDocument") and self._exists(target)]
        overrides, _ = self.content_types
        main = next((c for c in candidates if self._content_type(c) in _MAIN_TYPES), None)
        main = main or next((self.names[n] for n, t in overrides.items() if t in _MAIN_TYPES and n in self.names), None)
        main = main or (candidates[0] if candidates else None)
        if main is None and self._exists("word/document.xml"):
            main = "word/document.xml"
        if main is None:
            raise InputError(self.path, "enthält kein Word-Dokument (word/document.xml fehlt)")
        self.main_part = self.part_name = self._name(main)
        root = self._parse(self.main_part)
        if root.tag == f"{{{_W_STRICT}}}document":
            raise InputError(
                self.path,
                "ist im Format „Strict Open XML“ gespeichert; bitte als normales Word-Dokument (.docx) speichern",
            )
        if root.tag != W_DOCUMENT:
            raise InputError(self.path, _INVALID)
        return root

    def _read_content_types(self) -> tuple[dict[str, str], dict[str, str]]:
        """(part name lowercased -> content type, extension -> content type) from
        ``[Content_Types].xml``."""
        if not self._exists(_CONTENT_TYPES):
            return {}, {}
        overrides, defaults = {}, {}
        for entry in self._parse(self._name(_CONTENT_TYPES)):
            if entry.tag == f"{{{_CT}}}Override" and entry.get("PartName"):
                overrides[unquote(entry.get("PartName")).lstrip("/").lower()] = (entry.get("ContentType") or "").lower()
            elif entry.tag == f"{{{_CT}}}Default" and entry.get("Extension"):
                defaults[entry.get("Extension").lower()] = (entry.get("ContentType") or "").lower()
        return overrides, defaults

    def _content_type(self, name: str) -> str:
        overrides, defaults = self.content_types
        if name.lower() in overrides:
            return overrides[name.lower()]
        return defaults.get(posixpath.splitext(name)[1].lstrip(".").lower(), "")

    def _exists(self, name: str) -> bool:
        return name in self.roots or name.lower() in self.names

    def _name(self, name: str) -> str:
        """The name of a part as the zip spells it (part names are case-insensitive)."""
        return name if name in self.roots else self.names.get(name.lower(), name)

    def _story_part(self, name: str, part: str) -> None:
        if not self._exists(name):
            self.notes.append(f"Teil {name} fehlt in der Datei und wurde übersprungen.")
            return
        self.part_name = self._name(name)
        self._blocks(self._parse(self.part_name), part, None, _Fields(), 0)

    def _notes_part(self, name: str, part: str, tag: str) -> None:
        if not self._exists(name):
            self.notes.append(f"Teil {name} fehlt in der Datei und wurde übersprungen.")
            return
        self.part_name = self._name(name)
        for note in self._parse(self.part_name).iterchildren(tag):
            if note.get(W_TYPE) not in _NOTE_SEPARATORS:
                self._blocks(note, part, None, _Fields(), 0)

    def _comments(self, name: str) -> None:
        """Comment texts by id (used for suppressions: "einfach: ignore ...")."""
        for comment in self._parse(name).iterchildren(W_COMMENT):
            paragraphs = ["".join(rendered_text(t) for t in p.iter(W_T)) for p in comment.iter(W_P)]
            self.comment_texts[comment.get(W_ID)] = "\n".join(paragraphs)

    def _custom_properties(self, name: str) -> None:
        """Custom document properties (name -> text), e.g. ``einfach`` = "ignore: passiv"."""
        for prop in self._parse(name).iterchildren(f"{{{_CUSTOM_PROPERTIES}}}property"):
            value = "".join(child.text or "" for child in prop)
            if prop.get("name"):
                self.properties[prop.get("name")] = value

    def _relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """Map relationship id -> (part name in the zip, relationship type) for the part
        ``part`` ("" for the package): read from the part's own ``_rels/NAME.rels``, targets
        resolved relative to the part's folder."""
        if part in self._rels:
            return self._rels[part]
        folder, base = posixpath.split(part)
        name = posixpath.join(folder, "_rels", base + ".rels")
        result: dict[str, tuple[str, str]] = {}
        self._rels[part] = result
        if not self._exists(name):
            return result
        for rel in self._parse(self._name(name)).iterchildren(f"{{{_PKG_REL}}}Relationship"):
            target = unquote(rel.get("Target") or "")
            if rel.get("TargetMode") == "External" or not target:
                continue
            if target.startswith("/"):
                resolved = target[1:]
            else:
                resolved = posixpath.normpath(posixpath.join(folder, target))
            result[rel.get("Id")] = (self._name(resolved.lstrip("/")), rel.get("Type") or "")
        return result

    def _read_part(self, name: str) -> bytes:
        return read_part(self.archive, name, self.path, MAX_PART_SIZE)

    def _parse(self, name: str) -> etree._Element:
        """Parse one part with the hardened parser (see :mod:`.safe_xml`)."""
        if name in self.roots:
            return self.roots[name]
        return parse_part(self.archive, name, self.path, MAX_PART_SIZE, self.parser)

    # -- content -----------------------------------------------------------

    def _blocks(self, container, part: str, kind: str | None, fields: _Fields, depth: int,
                cell: tuple[int, int, int] | None = None) -> None:
        """Emit the paragraphs of a block container (body, cell, text box, note).

        ``cell`` is the (table, row, cell) of the outermost table cell the container is in.
        """
        for child in container:
            tag = child.tag
            if tag == W_P:
                self._paragraph(child, part, kind, fields, depth, cell)
            elif tag == W_TBL:
                if depth >= MAX_TABLE_DEPTH:
                    raise InputError(self.path, _TABLES_TOO_DEEP.format(MAX_TABLE_DEPTH))
                self._table(child, "table" if part == "body" else part, fields, depth, cell)
            elif tag in _BLOCK_SKIP:
                self.tracked_changes |= tag in (W_DEL, W_MOVE_FROM)
            elif tag == W_TR and _is_deleted_row(child):
                self.tracked_changes = True
            elif tag == MC_ALTERNATE:
                branch = _choose_branch(child)
                if branch is not None:
                    self._blocks(branch, part, kind, fields, depth, cell)
            elif tag == W_ALT_CHUNK:
                self._alt_chunk(child, part, kind, cell)
            else:  # sdt, sdtContent, customXml, ...
                self._blocks(child, part, kind, fields, depth, cell)

    def _table(self, tbl, part: str, fields: _Fields, depth: int, cell: tuple[int, int, int] | None) -> None:
        """A table's cells row by row; the outermost table numbers the rows and cells."""
        if cell is not None:  # a nested table: its paragraphs keep the outer cell's position
            self._blocks(tbl, part, "cell", fields, depth + 1, cell)
            return
        key = self.outer.part_name if self.outer else self.part_name
        counts = self.outer.table_counts if self.outer else self.table_counts
        counts[key] = number = counts.get(key, 0) + 1
        for row_number, row in enumerate(_rows(tbl), start=1):
            for cell_number, tc in enumerate(_cells(row), start=1):
                self._blocks(tc, part, "cell", fields, depth + 1, (number, row_number, cell_number))
        self.tracked_changes |= any(_is_deleted_row(tr) for tr in tbl.iter(W_TR))

    def _paragraph(self, p, part: str, kind: str | None, fields: _Fields, depth: int,
                   cell: tuple[int, int, int] | None) -> None:
        style_id = self.formatting.paragraph_style(p)
        line = _Line(style_id, self.formatting.paragraph_default(style_id))
        boxes: list = []
        self._inline(p, line, boxes, fields)
        self.hidden_stretches += line.hidden_stretches
        text = line.text()
        style, style_kind = self._style(p, style_id)
        if text and not text.isspace():
            attributes = {"part": part, "style": style, "kind": kind or style_kind}
            if line.lead_bold:
                attributes["lead_bold"] = line.lead_bold
            if cell is not None:
                attributes.update(zip(("table", "row", "cell"), cell))
            part_name = self.part_name if self.outer is None else f"{self.outer.part_name}!{self.part_name}"
            main = self.outer is None and self.part_name == self.main_part
            self.paragraphs.append(
                DocxParagraph(p, part_name, text, attributes, self.formatting, style_id, main)
            )
        box_part = "textbox" if part in ("body", "table") else part
        for box in boxes:
            self._blocks(box, box_part, "textbox", _Fields(), depth)

    def _inline(self, element, out: _Line, boxes: list, fields: _Fields) -> None:
        """Collect the visible text below a paragraph into ``out``.

        Text boxes are not part of their host paragraph's text; their
        ``w:txbxContent`` elements are collected in ``boxes`` instead.
        """
        for child in element:
            tag = child.tag
            if tag == W_T or tag == M_T:
                if not fields.hidden:
                    text = rendered_text(child)
                    if text:
                        fields.emit(out, text)
            elif tag == W_R:
                outer_format = out.format
                out.format = self.formatting.run(out.style_id, child)
                self._inline(child, out, boxes, fields)
                out.format = outer_format
            elif tag in _INLINE_SKIP:
                self.tracked_changes |= tag in (W_DEL, W_MOVE_FROM)
            elif tag == W_TAB or tag == W_PTAB:
                if not fields.hidden:
                    fields.emit(out, "\t")
            elif tag == W_BR or tag == W_CR:
                if not fields.hidden:
                    fields.emit(out, "\n")
            elif tag == W_NO_BREAK_HYPHEN:
                if not fields.hidden:
                    fields.emit(out, "-")
            elif tag == W_FLD_CHAR:
                kind = child.get(W_FLD_CHAR_TYPE)
                if kind == "begin":
                    fields.begin()
                elif kind == "separate":
                    fields.separate()
                elif kind == "end":
                    fields.end(out)
            elif tag == W_INSTR_TEXT:
                fields.instruction(child.text or "")
            elif tag == W_FLD_SIMPLE:
                fields.begin(child.get(W_INSTR) or "")
                self._inline(child, out, boxes, fields)
                fields.end(out)
            elif tag == W_TXBX_CONTENT:
                if not out.format.hidden:
                    boxes.append(child)
            elif tag == W_COMMENT_START or tag == W_COMMENT_END:
                marks = self.comment_starts if tag == W_COMMENT_START else self.comment_ends
                marks[child.get(W_ID)] = (len(self.paragraphs), out.length)
            elif tag == MC_ALTERNATE:
                branch = _choose_branch(child)
                if branch is not None:
                    self._inline(branch, out, boxes, fields)
            elif tag == W_OBJECT:
                if not out.format.hidden:
                    self.unread_pieces.append(_object_kind(child))
            else:  # ins, moveTo, hyperlink, sdt, sdtContent, smartTag, drawing, pict, ...
                self.tracked_changes |= tag == W_INS or tag == W_MOVE_TO
                self._inline(child, out, boxes, fields)

    def _style(self, p, style_id: str | None) -> tuple[str | None, str | None]:
        """Return the paragraph's style name and the kind it implies."""
        ppr = p.find(W_PPR)
        own_style = ppr.find(W_PSTYLE) if ppr is not None else None
        name = self.formatting.style_name(style_id) if own_style is not None else None
        folded = (name or "").casefold()
        if folded.startswith(("heading", "überschrift")) or folded in ("title", "titel"):
            return name, "heading"
        level = self.formatting.outline_level(p, style_id)
        if level is not None and 0 <= level <= 8:
            return name, "heading"
        numpr = ppr.find(W_NUMPR) if ppr is not None else None
        numid = numpr.find(W_NUMID) if numpr is not None else None
        if numpr is not None and (numid is None or numid.get(W_VAL) != "0"):
            return name, "list"
        if folded.startswith("list"):  # also "Liste..." and "Listenabsatz"
            return name, "list"
        return name, None

    # -- altChunk: pieces imported by Word when it opens the file ----------

    def _alt_chunk(self, element, part: str, kind: str | None, cell) -> None:
        rel = self._relationships(self.part_name).get(element.get(R_ID))
        if rel is None or not self._exists(rel[0]):
            return
        target = self._name(rel[0])
        content_type = self._content_type(target)
        extension = posixpath.splitext(target)[1].lower()
        if content_type == _DOCX_TYPE or (not content_type and extension in (".docx", ".docm", ".dotx")):
            if self.outer is not None:  # one level deep only
                self.unread_pieces.append("Word-Dokument in einem eingefügten Word-Dokument")
                return
            self._docx_chunk(target, part, kind, cell)
        elif content_type in _HTML_TYPES or extension in (".htm", ".html", ".xhtml"):
            items = html_chunk.paragraphs(self._read_part(target))
            self._add_chunk_items(target, items, part, kind, cell)
        elif content_type == "text/plain" or extension == ".txt":
            text = self._read_part(target).decode("utf-8", "replace").translate(_DROP_INVISIBLE)
            items = [(line, {}) for line in text.splitlines() if line.strip()]
            self._add_chunk_items(target, items, part, kind, cell)
        else:
            what = _CHUNK_KINDS.get(content_type) or _CHUNK_EXTENSIONS.get(extension) or "unbekanntes Format"
            self.unread_pieces.append(f"eingefügtes Stück ({what})")

    def _add_chunk_items(self, target: str, items, part: str, kind: str | None, cell) -> None:
        for text, attributes in items:
            own = {"part": part, "style": None, "kind": kind or attributes.get("kind")}
            if attributes.get("lead_bold"):
                own["lead_bold"] = attributes["lead_bold"]
            if cell is not None:
                own.update(zip(("table", "row", "cell"), cell))
            self.paragraphs.append(DocxParagraph(None, f"{self.part_name}!{target}", text, own))

    def _docx_chunk(self, target: str, part: str, kind: str | None, cell) -> None:
        data = self._read_part(target)
        if data.startswith(_OLE_MAGIC):
            self.unread_pieces.append("verschlüsseltes oder altes Word-Dokument")
            return
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inner = _Reader(self.path, archive, chunk=self)
            inner.context = (part, kind, cell)
            inner.walk()
        self.tracked_changes |= inner.tracked_changes
        self.hidden_stretches += inner.hidden_stretches
        self.unread_pieces.extend(inner.unread_pieces)


def _offset(document: Document, paragraph: int, offset: int) -> int:
    """Offset in the extracted text of a position in paragraph number ``paragraph`` (0-based);
    a position in a paragraph that was dropped (empty) falls on the next one."""
    if paragraph >= len(document.paragraphs):
        return len(document.text)
    target = document.paragraphs[paragraph]
    return target.start + min(offset, len(target.text))


def _choose_branch(alternate):
    """Take mc:Choice if present, else mc:Fallback: never both (no doubled text)."""
    choice = alternate.find(MC_CHOICE)
    return choice if choice is not None else alternate.find(MC_FALLBACK)


def _is_deleted_row(tr) -> bool:
    trpr = tr.find(W_TRPR)
    return trpr is not None and trpr.find(W_DEL) is not None


def _rows(tbl) -> Iterator:
    """The rows of a table in order (also inside content controls), without deleted rows."""
    for child in tbl:
        if child.tag == W_TR:
            if not _is_deleted_row(child):
                yield child
        elif isinstance(child.tag, str) and child.tag not in _BLOCK_SKIP and child.tag != W_TBL:
            yield from _rows(child)


def _cells(row) -> Iterator:
    """The cells of a row in order (also inside content controls)."""
    for child in row:
        if child.tag == W_TC:
            yield child
        elif isinstance(child.tag, str) and child.tag not in _BLOCK_SKIP and child.tag != W_TBL:
            yield from _cells(child)


def _object_kind(obj) -> str:
    """A German name for an embedded OLE object (``w:object``) by its ProgID."""
    ole = next(obj.iter(_O_OLE_OBJECT), None)
    prog_id = (ole.get("ProgID") or "").lower() if ole is not None else ""
    return next((name for prefix, name in _OBJECT_KINDS if prog_id.startswith(prefix)), "eingebettetes Objekt")


_HEADER_FOOTER_TYPES = ("default", "first", "even")


def _displayed_header_footer_ids(root, even_and_odd: bool) -> tuple[list[str], list[str]]:
    """Relationship ids of the headers and footers some section displays, section by section.

    A section without a reference of a type inherits the previous section's (Word's
    "link to previous"); the first-page one is shown only where the section has
    ``w:titlePg``, the even-page one only with ``w:evenAndOddHeaders`` in the settings.
    Within a section the section's own references come first, in their XML order.
    """
    result: dict[str, list[str]] = {W_HEADER_REF: [], W_FOOTER_REF: []}
    current: dict[str, dict[str, str]] = {W_HEADER_REF: {}, W_FOOTER_REF: {}}
    for sectpr in root.iter(W_SECTPR):
        if sectpr.getparent().tag != W_PPR and sectpr.getparent().tag != W_BODY:
            continue  # old properties inside w:sectPrChange
        shown = {"default", "first"} if on_off(sectpr.find(W_TITLE_PG)) else {"default"}
        if even_and_odd:
            shown.add("even")
        own: dict[str, list[str]] = {W_HEADER_REF: [], W_FOOTER_REF: []}
        for ref in sectpr:
            if ref.tag in own and ref.get(R_ID):
                kind = ref.get(W_TYPE) or "default"
                current[ref.tag][kind] = ref.get(R_ID)
                if kind in shown:
                    own[ref.tag].append(ref.get(R_ID))
        for tag, ids in own.items():
            inherited = [current[tag][k] for k in _HEADER_FOOTER_TYPES if k in shown and k in current[tag]]
            result[tag].extend(ids + [i for i in inherited if i not in ids])
    return result[W_HEADER_REF], result[W_FOOTER_REF]


def _unique_targets(ids: list[str], rels: dict[str, tuple[str, str]]) -> list[str]:
    """Part names for relationship ids, each part once (shared headers)."""
    seen: dict[str, None] = {}
    for rel_id in ids:
        if rel_id in rels:
            seen.setdefault(rels[rel_id][0])
    return list(seen)


_size = size_text
