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

Order of the extracted text: body paragraphs and table cells in document
order (a text box's paragraphs right after the paragraph that anchors it),
then headers, then footers (each distinct part once, in the order sections
reference them), then footnotes, then endnotes.  :func:`iter_paragraphs`
exposes this walk with each paragraph's ``w:p`` element (the Word-comment
annotator uses it, so its paragraph numbers and texts are the reader's).

The file is untrusted input: every XML part is parsed without DTDs, entity
expansion or network access, parts with a DOCTYPE are refused outright, and
each part's decompressed size is capped (zip bombs).  Every failure becomes
an :class:`~einfach.errors.InputError` with a German message.
"""

from __future__ import annotations

import os
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from lxml import etree

from einfach.document import Document
from einfach.errors import InputError

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
    (``word/document.xml``, ``word/header1.xml``, ...), its extracted text and
    its :class:`~einfach.document.Paragraph` attributes (``part``, ``style``,
    ``kind``)."""

    element: object
    part_name: str
    text: str
    attributes: dict


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


class _Fields:
    """Complex-field state of one story (body, header, note, text box).

    Fields may span runs and paragraphs (a table of contents does), so the
    state lives as long as the story.  Text is visible only while every open
    field is in its result part; field instructions are never shown.
    """

    def __init__(self) -> None:
        self.stack: list[_Field] = []
        self.hidden = 0  # open fields still in their instruction part

    def emit(self, out: list[str], text: str) -> None:
        out.append(text)
        for open_field in self.stack:
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

    def end(self, out: list[str]) -> None:
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


class _Reader:
    """Walks the parts of one open .docx archive and collects paragraphs."""

    def __init__(self, path: str, archive: zipfile.ZipFile, roots: dict | None = None) -> None:
        self.path = path
        self.archive = archive
        self.roots = dict(roots or {})
        self.parser = hardened_parser()
        self.paragraphs: list[DocxParagraph] = []
        self.part_name = "word/document.xml"  # the zip part being walked
        self.notes: list[str] = []
        self.styles: dict[str, str] = {}
        self.tracked_changes = False
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
        names = set(self.archive.namelist())
        if "word/document.xml" not in names:
            raise InputError(self.path, "enthält kein Word-Dokument (word/document.xml fehlt)")
        root = self._parse("word/document.xml")
        if root.tag == f"{{{_W_STRICT}}}document":
            raise InputError(
                self.path,
                "ist im Format „Strict Open XML“ gespeichert; bitte als normales Word-Dokument (.docx) speichern",
            )
        if root.tag != W_DOCUMENT:
            raise InputError(self.path, _INVALID)
        rels = self._relationships("word/_rels/document.xml.rels", names)
        styles_part = next((t for t, k in rels.values() if k.endswith("/styles")), "word/styles.xml")
        if styles_part in names:
            self.styles = _style_names(self._parse(styles_part))

        body = root.find(W_BODY)
        if body is not None:
            self._blocks(body, "body", None, _Fields(), 0)
        headers, footers = _header_footer_ids(root)
        for part, ids in (("header", headers), ("footer", footers)):
            for target in _unique_targets(ids, rels):
                self._story_part(target, names, part)
        for part, suffix, tag in (("footnote", "/footnotes", W_FOOTNOTE), ("endnote", "/endnotes", W_ENDNOTE)):
            for target, kind in rels.values():
                if kind.endswith(suffix):
                    self._notes_part(target, names, part, tag)
        for target, kind in rels.values():
            if kind.endswith("/comments") and target in names:
                self._comments(target)
        if "docProps/custom.xml" in names:
            self._custom_properties("docProps/custom.xml")
        if self.tracked_changes:
            self.notes.append(
                "Das Dokument enthält nachverfolgte Änderungen; geprüft wird die Fassung "
                "mit allen Änderungen angenommen."
            )

    def _story_part(self, name: str, names: set[str], part: str) -> None:
        if name not in names:
            self.notes.append(f"Teil {name} fehlt in der Datei und wurde übersprungen.")
            return
        self.part_name = name
        self._blocks(self._parse(name), part, None, _Fields(), 0)

    def _notes_part(self, name: str, names: set[str], part: str, tag: str) -> None:
        if name not in names:
            self.notes.append(f"Teil {name} fehlt in der Datei und wurde übersprungen.")
            return
        self.part_name = name
        for note in self._parse(name).iterchildren(tag):
            if note.get(W_TYPE) not in _NOTE_SEPARATORS:
                self._blocks(note, part, None, _Fields(), 0)

    def _comments(self, name: str) -> None:
        """Comment texts by id (used for suppressions: "einfach: ignore ...")."""
        for comment in self._parse(name).iterchildren(W_COMMENT):
            paragraphs = ["".join(t.text or "" for t in p.iter(W_T)) for p in comment.iter(W_P)]
            self.comment_texts[comment.get(W_ID)] = "\n".join(paragraphs)

    def _custom_properties(self, name: str) -> None:
        """Custom document properties (name -> text), e.g. ``einfach`` = "ignore: passiv"."""
        for prop in self._parse(name).iterchildren(f"{{{_CUSTOM_PROPERTIES}}}property"):
            value = "".join(child.text or "" for child in prop)
            if prop.get("name"):
                self.properties[prop.get("name")] = value

    def _relationships(self, name: str, names: set[str]) -> dict[str, tuple[str, str]]:
        """Map relationship id -> (part name in the zip, relationship type)."""
        if name not in names:
            return {}
        result = {}
        for rel in self._parse(name).iterchildren(f"{{{_PKG_REL}}}Relationship"):
            target = rel.get("Target") or ""
            if rel.get("TargetMode") == "External" or not target:
                continue
            resolved = posixpath.normpath(posixpath.join("word", target)) if not target.startswith("/") else target[1:]
            result[rel.get("Id")] = (resolved, rel.get("Type") or "")
        return result

    def _read_part(self, name: str) -> bytes:
        return read_part(self.archive, name, self.path, MAX_PART_SIZE)

    def _parse(self, name: str) -> etree._Element:
        """Parse one part with the hardened parser (see :mod:`.safe_xml`)."""
        if name in self.roots:
            return self.roots[name]
        return parse_part(self.archive, name, self.path, MAX_PART_SIZE, self.parser)

    # -- content -----------------------------------------------------------

    def _blocks(self, container, part: str, kind: str | None, fields: _Fields, depth: int) -> None:
        """Emit the paragraphs of a block container (body, cell, text box, note)."""
        for child in container:
            tag = child.tag
            if tag == W_P:
                self._paragraph(child, part, kind, fields, depth)
            elif tag == W_TBL:
                if depth >= MAX_TABLE_DEPTH:
                    raise InputError(self.path, _TABLES_TOO_DEEP.format(MAX_TABLE_DEPTH))
                self._blocks(child, "table" if part == "body" else part, "cell", fields, depth + 1)
            elif tag in _BLOCK_SKIP:
                self.tracked_changes |= tag in (W_DEL, W_MOVE_FROM)
            elif tag == W_TR and _is_deleted_row(child):
                self.tracked_changes = True
            elif tag == MC_ALTERNATE:
                branch = _choose_branch(child)
                if branch is not None:
                    self._blocks(branch, part, kind, fields, depth)
            else:  # sdt, sdtContent, customXml, tr, tc, ...
                self._blocks(child, part, kind, fields, depth)

    def _paragraph(self, p, part: str, kind: str | None, fields: _Fields, depth: int) -> None:
        out: list[str] = []
        boxes: list = []
        self._inline(p, out, boxes, fields)
        text = "".join(out)
        style, style_kind = self._style(p)
        if text and not text.isspace():
            attributes = {"part": part, "style": style, "kind": kind or style_kind}
            self.paragraphs.append(DocxParagraph(p, self.part_name, text, attributes))
        for box in boxes:
            self._blocks(box, part, "textbox", _Fields(), depth)

    def _inline(self, element, out: list[str], boxes: list, fields: _Fields) -> None:
        """Collect the visible text below a paragraph into ``out``.

        Text boxes are not part of their host paragraph's text; their
        ``w:txbxContent`` elements are collected in ``boxes`` instead.
        """
        for child in element:
            tag = child.tag
            if tag == W_T or tag == M_T:
                if not fields.hidden and child.text:
                    fields.emit(out, child.text)
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
                boxes.append(child)
            elif tag == W_COMMENT_START or tag == W_COMMENT_END:
                marks = self.comment_starts if tag == W_COMMENT_START else self.comment_ends
                marks[child.get(W_ID)] = (len(self.paragraphs), sum(len(piece) for piece in out))
            elif tag == MC_ALTERNATE:
                branch = _choose_branch(child)
                if branch is not None:
                    self._inline(branch, out, boxes, fields)
            else:  # r, ins, moveTo, hyperlink, sdt, sdtContent, smartTag, drawing, pict, ...
                self.tracked_changes |= tag == W_INS or tag == W_MOVE_TO
                self._inline(child, out, boxes, fields)

    def _style(self, p) -> tuple[str | None, str | None]:
        """Return the paragraph's style name and the kind it implies."""
        ppr = p.find(W_PPR)
        if ppr is None:
            return None, None
        pstyle = ppr.find(W_PSTYLE)
        style_id = pstyle.get(W_VAL) if pstyle is not None else None
        name = self.styles.get(style_id, style_id) if style_id else None
        folded = (name or "").casefold()
        if folded.startswith(("heading", "überschrift")) or folded in ("title", "titel"):
            return name, "heading"
        numpr = ppr.find(W_NUMPR)
        numid = numpr.find(W_NUMID) if numpr is not None else None
        if numpr is not None and (numid is None or numid.get(W_VAL) != "0"):
            return name, "list"
        if folded.startswith("list"):  # also "Liste..." and "Listenabsatz"
            return name, "list"
        return name, None


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


def _style_names(styles_root) -> dict[str, str]:
    """Map paragraph style id -> style name (e.g. "berschrift1" -> "heading 1")."""
    names = {}
    for style in styles_root.iterchildren(W_STYLE):
        if style.get(W_TYPE, "paragraph") != "paragraph":
            continue
        name = style.find(W_NAME)
        style_id = style.get(W_STYLE_ID)
        if style_id and name is not None and name.get(W_VAL):
            names[style_id] = name.get(W_VAL)
    return names


def _header_footer_ids(root) -> tuple[list[str], list[str]]:
    """Relationship ids of headers and footers, section by section, in order."""
    headers: list[str] = []
    footers: list[str] = []
    for sectpr in root.iter(W_SECTPR):
        if sectpr.getparent().tag != W_PPR and sectpr.getparent().tag != W_BODY:
            continue  # old properties inside w:sectPrChange
        for ref in sectpr:
            if ref.tag == W_HEADER_REF:
                headers.append(ref.get(R_ID))
            elif ref.tag == W_FOOTER_REF:
                footers.append(ref.get(R_ID))
    return headers, footers


def _unique_targets(ids: list[str], rels: dict[str, tuple[str, str]]) -> list[str]:
    """Part names for relationship ids, each part once (shared headers)."""
    seen: dict[str, None] = {}
    for rel_id in ids:
        if rel_id in rels:
            seen.setdefault(rels[rel_id][0])
    return list(seen)


_size = size_text
