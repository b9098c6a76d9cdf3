"""Issue 21: the readers read exactly what Word and LibreOffice show (and #16's reader side).

Every case is a document built here (raw OOXML/ODF with the builders of the reader
tests, python-docx, and LibreOffice-written files where ``soffice`` is installed):
the extracted text, the note, the findings, the new paragraph fields (``lead_bold``,
``table``/``row``/``cell``, part "textbox"), and that ``--annotate`` still anchors
each finding on exactly its words with no new skipped comments.
"""

from __future__ import annotations

import io
import subprocess
import zipfile

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from test_annotate import first_comment_id
from test_reader_docx import DECL, NS, make_docx, para, read, table, texts
from test_reader_odt import make_odt
from test_reader_odt import read as read_odt_checked

from einfach.checker import check_document
from einfach.document import INVISIBLE_CHARACTERS
from einfach.output.docx_comments import annotate
from einfach.readers import convert, read_document
from einfach.readers.docx import iter_paragraphs, read_docx, rendered_text

PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def hidden(text: str, rpr: str = "<w:vanish/>") -> str:
    return f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def styled(text: str, style: str) -> str:
    return f'<w:r><w:rPr><w:rStyle w:val="{style}"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def styles_part(*styles: str, defaults: str = "") -> str:
    return f"{DECL}<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr>{defaults}</w:rPr></w:rPrDefault>" \
           f"</w:docDefaults>{''.join(styles)}</w:styles>"


def style(kind: str, style_id: str, rpr: str = "", based_on: str = "", ppr: str = "", default: bool = False) -> str:
    flag = ' w:default="1"' if default else ""
    return (f'<w:style w:type="{kind}" w:styleId="{style_id}"{flag}>'
            f'<w:name w:val="{style_id}"/>' + (f'<w:basedOn w:val="{based_on}"/>' if based_on else "")
            + (f"<w:pPr>{ppr}</w:pPr>" if ppr else "") + (f"<w:rPr>{rpr}</w:rPr>" if rpr else "") + "</w:style>")


def with_styles(path, body: str, styles: str, **kwargs) -> str:
    rels = list(kwargs.pop("rels", [])) + [("rIdS", "styles", "styles.xml")]
    parts = dict(kwargs.pop("parts", {}), **{"word/styles.xml": styles})
    return make_docx(path, body, parts=parts, rels=rels, **kwargs)


def shown_ranges(path) -> dict[int, tuple[int, str]]:
    """comment id -> (paragraph number, the text Word shows between its range markers): like
    test_annotate's ``anchored``, without hidden runs, soft hyphens and unshown outer spaces."""
    result: dict[int, tuple[int, str]] = {}
    for number, paragraph in enumerate(iter_paragraphs(str(path)), start=1):
        open_ids: list[int] = []
        for element in paragraph.element.iter():
            if element.tag == qn("w:commentRangeStart"):
                open_ids.append(int(element.get(qn("w:id"))))
                result[open_ids[-1]] = (number, "")
            elif element.tag == qn("w:commentRangeEnd"):
                open_ids.remove(int(element.get(qn("w:id"))))
            elif element.tag in (qn("w:t"), qn("w:tab"), qn("w:br")) and element.getparent().tag == qn("w:r"):
                if paragraph.formatting.run(paragraph.style_id, element.getparent()).hidden:
                    continue
                tab = {qn("w:tab"): "\t"}
                piece = rendered_text(element) if element.tag == qn("w:t") else tab.get(element.tag, "\n")
                for comment_id in open_ids:
                    result[comment_id] = (number, result[comment_id][1] + piece)
    return result


@pytest.fixture()
def annotated_exactly(nlp, tmp_path):
    """Check a .docx, annotate it, and assert every finding got a comment on exactly its words."""

    def run_check(path: str):
        result = check_document(read_docx(path), nlp)
        out = tmp_path / "kopie.docx"
        report = annotate(result, str(out))
        assert report.skipped == 0 and report.written == len(result.findings) > 0
        got = sorted(shown_ranges(out).values())
        assert got == sorted((f.location.paragraph, f.text) for f in result.findings)
        assert read_docx(str(out)).text == result.text
        return result

    return run_check


# -- soft hyphens, zero-width spaces, word joiners ------------------------------------------

LETTER = ("Die Grundsicherungs\u00adleistungen werden monatlich überwiesen.",
          "Bitte senden Sie die Bewilligungs\u200bunterlagen und die Leistungs\u2060bescheide zurück.")


def _shown(text: str) -> str:
    return text.translate(str.maketrans("", "", INVISIBLE_CHARACTERS))


def _findings(document, nlp) -> list[tuple[str, str]]:
    result = check_document(document, nlp)
    return sorted((f.rule, f.message) for f in result.findings)


def test_soft_hyphens_are_dropped_and_the_same_letter_gives_the_same_findings(tmp_path, nlp, annotated_exactly):
    txt = tmp_path / "brief.txt"
    txt.write_text("\n\n".join(LETTER) + "\n", encoding="utf-8")
    docx_path = make_docx(tmp_path / "brief.docx", "".join(para(line) for line in LETTER))
    odt_path = make_odt(tmp_path / "brief.odt", "".join(f"<text:p>{line}</text:p>" for line in LETTER))

    from_txt, from_docx, from_odt = (read_document(str(p)) for p in (txt, docx_path, odt_path))
    assert "\u00ad" in from_txt.text  # .txt stays exactly as given
    assert texts(from_docx) == texts(from_odt) == [_shown(line) for line in LETTER]
    findings = _findings(from_txt, nlp)
    assert ("wortlaenge", ) in {(rule,) for rule, _ in findings}
    assert any("„Grundsicherungsleistungen“ hat 25 Buchstaben" in message for _, message in findings)
    assert findings == _findings(from_docx, nlp) == _findings(from_odt, nlp)
    annotated_exactly(docx_path)


def test_soft_hyphen_inside_a_run_is_split_without_losing_it(tmp_path, nlp):
    """A comment that starts or ends inside a w:t with a soft hyphen keeps the soft hyphen."""
    path = make_docx(tmp_path / "weich.docx", para("Ihr Antrag wurde im vorliegenden Ver\u00adfahren abgelehnt."))
    result = check_document(read_docx(path), nlp)
    out = tmp_path / "kopie.docx"
    report = annotate(result, str(out))
    assert report.written == len(result.findings) and report.skipped == 0
    copied = "".join(t.text for t in docx.Document(str(out)).element.body.iter(qn("w:t")))
    assert "Ver\u00adfahren" in copied


# -- hidden text ---------------------------------------------------------------------------


def test_hidden_text_in_word_is_left_out_with_a_note(tmp_path, annotated_exactly):
    styles = styles_part(
        style("character", "Versteckt", "<w:vanish/>"),
        style("character", "AuchVersteckt", based_on="Versteckt"),
        style("character", "Sichtbar", '<w:vanish w:val="0"/>', based_on="Versteckt"),
        style("paragraph", "Notiz", "<w:vanish/>"),
        style("paragraph", "NotizKind", based_on="Notiz"),
        style("paragraph", "Standard", default=True),
    )
    body = (
        para("Ihr Antrag wurde ", hidden("(Hinweis an Sachbearbeitung: prüfen!) "), "abgelehnt.")
        + para("Wir ", styled("[interner Vermerk] ", "AuchVersteckt"), styled("bitten ", "Sichtbar"),
               "Sie um Antwort.")
        + para("Diese Notiz sieht niemand.", style="NotizKind")
        + para("Ein ", hidden("x", '<w:vanish w:val="false"/>'), " Zeichen.")
        + para("Trenner", hidden("Stil", "<w:specVanish/>"), " folgt.")
        + para("Zwei ", hidden("eins "), hidden("zwei "), "Stellen ", hidden("drei"), ".")
    )
    path = with_styles(tmp_path / "versteckt.docx", body, styles)
    document = read(path)
    assert all("Hinweis" not in p.text and "Vermerk" not in p.text for p in document.paragraphs)
    assert texts(document) == [
        "Ihr Antrag wurde abgelehnt.",
        "Wir bitten Sie um Antwort.",
        "Ein x Zeichen.",
        "Trenner folgt.",
        "Zwei Stellen .",
    ]
    # one per continuous stretch: the note, the vermerk, the whole paragraph, "Stil", "eins zwei", "drei"
    assert "6 ausgeblendete Textstellen nicht geprüft." in document.notes
    result = annotated_exactly(path)
    assert ("passiv", "wurde abgelehnt") in {(f.rule, f.text) for f in result.findings}  # across the hidden note


def test_doc_defaults_and_toggles(tmp_path):
    """Document defaults count where no style speaks; bold in both paragraph and character style cancels."""
    styles = styles_part(
        style("paragraph", "Fett", '<w:b/><w:vanish w:val="0"/>'),
        style("paragraph", "FettKind", based_on="Fett"),
        style("character", "ZeichenFett", "<w:b/>"),
        style("paragraph", "Sichtbar", '<w:vanish w:val="off"/>'),
        defaults="<w:vanish/>",
    )
    body = (
        para("Unsichtbar durch die Vorgabe.")
        + para("Sichtbar durch den Stil.", style="Sichtbar")
        + para(styled("Nicht fett", "ZeichenFett"), " am Ende.", style="FettKind")
    )
    document = read(with_styles(tmp_path / "vorgaben.docx", body, styles))
    assert texts(document) == ["Sichtbar durch den Stil.", "Nicht fett am Ende."]
    assert document.notes == ["1 ausgeblendete Textstelle nicht geprüft."]
    assert [p.lead_bold for p in document.paragraphs] == [0, 0]


def test_lead_bold_from_direct_formatting_styles_and_chains(tmp_path):
    styles = styles_part(
        style("character", "Stark", "<w:b/>"),
        style("character", "SehrStark", based_on="Stark"),
        style("paragraph", "Kasten", "<w:b/>"),
    )
    bold = '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>'
    body = (
        para(bold.format("Rechtsbehelfsbelehrung:"), " Gegen diesen Bescheid können Sie Widerspruch einlegen.")
        + para(styled("Datenschutzhinweise:", "SehrStark"), " Ihre Daten sind sicher.")
        + para("Ganz fett.", style="Kasten")
        + para('<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>Nicht</w:t></w:r>', bold.format(" fett"))
        + para("Normal ", bold.format("dann fett"))
        + para(bold.format("Wichtig"), " ", bold.format("Hinweis:"), " Bitte lesen.")  # a plain space between
    )
    document = read(with_styles(tmp_path / "fett.docx", body, styles))
    assert [p.lead_bold for p in document.paragraphs] == [23, 20, 10, 0, 0, 16]


def test_headings_by_outline_level(tmp_path):
    styles = styles_part(style("paragraph", "Bescheidkopf", ppr='<w:outlineLvl w:val="1"/>'),
                         style("paragraph", "Unterkopf", based_on="Bescheidkopf"))
    body = (para("Geerbt", style="Unterkopf") + para("Direkt", ppr='<w:outlineLvl w:val="0"/>')
            + para("Textkörper", ppr='<w:outlineLvl w:val="9"/>'))
    document = read(with_styles(tmp_path / "ebenen.docx", body, styles))
    assert [p.kind for p in document.paragraphs] == ["heading", "heading", None]


# -- headers and footers that are displayed --------------------------------------------------


def _header(text: str) -> str:
    return f"{DECL}<w:hdr {NS}>{para(text)}</w:hdr>"


def test_only_displayed_headers_and_footers_are_read(tmp_path):
    section_one = ('<w:p><w:pPr><w:sectPr><w:headerReference w:type="default" r:id="rH1"/>'
                   '<w:headerReference w:type="first" r:id="rH2"/><w:headerReference w:type="even" r:id="rH3"/>'
                   "</w:sectPr></w:pPr></w:p>")
    section_two = '<w:sectPr><w:titlePg/></w:sectPr>'  # inherits all three, shows the first-page one
    parts = {f"word/header{n}.xml": _header(text) for n, text in
             ((1, "Kopf Standard"), (2, "Kopf erste Seite"), (3, "Kopf gerade Seiten"))}
    rels = [(f"rH{n}", "header", f"header{n}.xml") for n in (1, 2, 3)]
    path = make_docx(tmp_path / "kopf.docx", para("Text eins") + section_one + para("Text zwei") + section_two,
                     parts=parts, rels=rels)
    assert texts(read(path)) == ["Text eins", "Text zwei", "Kopf Standard", "Kopf erste Seite"]

    settings = f'{DECL}<w:settings {NS}><w:evenAndOddHeaders/></w:settings>'
    path = make_docx(tmp_path / "kopf2.docx", para("Text") + '<w:sectPr><w:headerReference w:type="even" r:id="rH3"/>'
                     '<w:headerReference w:type="first" r:id="rH2"/></w:sectPr>',
                     parts={**parts, "word/settings.xml": settings},
                     rels=rels + [("rSet", "settings", "settings.xml")])
    assert texts(read(path)) == ["Text", "Kopf gerade Seiten"]  # no w:titlePg: no first-page header


# -- the main part found through the relationships --------------------------------------------


def _package(path, files: dict[str, str]) -> str:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return str(path)


def test_main_part_outside_word_with_its_own_relationships(tmp_path, nlp):
    body = para("Ihr Antrag wurde abgelehnt.") + '<w:sectPr><w:headerReference w:type="default" r:id="rH"/></w:sectPr>'
    files = {
        "[Content_Types].xml": f'{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                               '<Default Extension="xml" ContentType="application/xml"/>'
                               f'<Override PartName="/inhalt/haupt.xml" ContentType="{MAIN_TYPE}"/></Types>',
        "_rels/.rels": f'{DECL}<Relationships xmlns="{PKG_REL}"><Relationship Id="r1" '
                       f'Type="{REL}/officeDocument" Target="inhalt/haupt.xml"/></Relationships>',
        "inhalt/haupt.xml": f"{DECL}<w:document {NS}><w:body>{body}</w:body></w:document>",
        "inhalt/_rels/haupt.xml.rels": f'{DECL}<Relationships xmlns="{PKG_REL}"><Relationship Id="rH" '
                                       f'Type="{REL}/header" Target="teile/kopf.xml"/></Relationships>',
        "inhalt/teile/kopf.xml": _header("Kopfzeile von Teilen"),
        "word/document.xml": f"{DECL}<w:document {NS}><w:body>{para('Alter Rest')}</w:body></w:document>",
    }
    document = read(_package(tmp_path / "anders.docx", files))
    assert texts(document) == ["Ihr Antrag wurde abgelehnt.", "Kopfzeile von Teilen"]
    result = check_document(document, nlp)
    report = annotate(result, str(tmp_path / "kopie.docx"))  # python-docx follows the relationships too
    assert report.written == 1 and report.skipped == 0


def test_word_online_document2_is_read_and_annotated(tmp_path, annotated_exactly):
    source = tmp_path / "quelle.docx"
    document = docx.Document()
    document.add_paragraph("Ihr Antrag wurde im vorliegenden Fall abgelehnt.")
    document.save(source)
    target = tmp_path / "online.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            name = item.filename.replace("word/document.xml", "word/document2.xml")
            name = name.replace("word/_rels/document.xml.rels", "word/_rels/document2.xml.rels")
            if item.filename in ("_rels/.rels", "[Content_Types].xml"):
                data = data.replace(b"document.xml", b"document2.xml")
            new.writestr(name, data)
    assert texts(read(target)) == ["Ihr Antrag wurde im vorliegenden Fall abgelehnt."]
    annotated_exactly(str(target))


# -- altChunk -------------------------------------------------------------------------------


def test_alt_chunks_docx_html_and_named_pieces(tmp_path):
    piece = io.BytesIO()
    inner = docx.Document()
    inner.add_paragraph("Eingefügter Absatz aus Word.")
    inner.save(piece)
    html = ("<html><head><style>p{}</style></head><body><h2>Hinweise</h2><p><b>Wichtig:</b> Bitte   "
            "melden Sie sich.</p><p style='display:none'>unsichtbar</p><ul><li>Punkt eins</li></ul></body></html>")
    body = (para("Vorher") + '<w:altChunk r:id="rA1"/>' + '<w:altChunk r:id="rA2"/>' + '<w:altChunk r:id="rA3"/>'
            + para("Nachher"))
    rels = [("rA1", "aFChunk", "stueck.docx"), ("rA2", "aFChunk", "stueck.html"), ("rA3", "aFChunk", "stueck.rtf")]
    path = make_docx(tmp_path / "chunk.docx", body, rels=rels,
                     parts={"word/stueck.docx": piece.getvalue(), "word/stueck.html": html,
                            "word/stueck.rtf": "{\\rtf1 Text}"})
    document = read(path)
    assert texts(document) == ["Vorher", "Eingefügter Absatz aus Word.", "Hinweise",
                               "Wichtig: Bitte melden Sie sich.", "Punkt eins", "Nachher"]
    assert [(p.kind, p.lead_bold) for p in document.paragraphs[2:5]] == [("heading", 0), (None, 8), ("list", 0)]
    assert "1 eingebetteter Inhalt nicht geprüft: eingefügtes Stück (RTF)." in document.notes


def test_alt_chunk_one_level_deep_and_embedded_objects_are_named(tmp_path):
    innermost = make_docx(tmp_path / "innen2.docx", para("Zu tief."))
    inner = make_docx(tmp_path / "innen.docx", para("Erste Ebene.") + '<w:altChunk r:id="rB"/>',
                      rels=[("rB", "aFChunk", "tief.docx")],
                      parts={"word/tief.docx": open(innermost, "rb").read()})
    excel = ('<w:r><w:object><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" ProgID="Excel.Sheet.12"/>'
             "</w:object></w:r>")
    body = para("Tabelle:", excel) + '<w:altChunk r:id="rA"/>'
    path = make_docx(tmp_path / "aussen.docx", body, rels=[("rA", "aFChunk", "stueck.docx")],
                     parts={"word/stueck.docx": open(inner, "rb").read()})
    document = read(path)
    assert texts(document) == ["Tabelle:", "Erste Ebene."]
    assert document.notes == ["2 eingebettete Inhalte nicht geprüft: Excel-Tabelle, "
                              "Word-Dokument in einem eingefügten Word-Dokument."]


# -- whitespace as Word renders it -----------------------------------------------------------


def test_outer_spaces_without_preserve_are_not_shown(tmp_path, annotated_exactly):
    body = para("<w:r><w:t>Ihr Antrag wurde im vorliegenden</w:t></w:r>", "<w:r><w:t> Ver</w:t></w:r>",
                "<w:r><w:t>fahren  abgelehnt. </w:t></w:r>")
    path = make_docx(tmp_path / "leer.docx", body)
    assert texts(read(path)) == ["Ihr Antrag wurde im vorliegendenVerfahren  abgelehnt."]
    annotated_exactly(path)


# -- tables and text boxes (#16) --------------------------------------------------------------


def test_table_row_cell_and_textbox(tmp_path):
    from test_reader_docx import _text_box

    body = (
        table([para("T1")])
        + para("Text", _text_box(para("Im Kasten")))
        + table([para("A1"), para("B1")], [table([para("Innen")]), para("B2")])
        + '<w:sectPr><w:headerReference w:type="default" r:id="rH"/></w:sectPr>'
    )
    header = f"{DECL}<w:hdr {NS}>{table([para('Kopfzelle')])}</w:hdr>"
    document = read(make_docx(tmp_path / "zellen.docx", body, parts={"word/header1.xml": header},
                              rels=[("rH", "header", "header1.xml")]))
    assert [(p.text, p.part, p.table, p.row, p.cell) for p in document.paragraphs] == [
        ("T1", "table", 1, 1, 1),
        ("Text", "body", None, None, None),
        ("Im Kasten", "textbox", None, None, None),
        ("A1", "table", 2, 1, 1),
        ("B1", "table", 2, 1, 2),
        ("Innen", "table", 2, 2, 1),  # a nested table: the outermost table's row and cell
        ("B2", "table", 2, 2, 2),
        ("Kopfzelle", "header", 1, 1, 1),  # tables count per part
    ]


# -- OpenDocument ------------------------------------------------------------------------------

ODT_STYLES = ('<style:style style:name="Versteckt" style:family="text"><style:text-properties text:display="none"/>'
              "</style:style>"
              '<style:style style:name="Fett" style:family="text"><style:text-properties fo:font-weight="bold"/>'
              "</style:style>"
              '<style:style style:name="SehrFett" style:family="text" style:parent-style-name="Fett"/>'
              '<style:style style:name="Notiz" style:family="paragraph">'
              '<style:text-properties text:display="none"/></style:style>')
FO = 'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
            '<manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
            + "".join(f'<manifest:file-entry manifest:full-path="{name}" manifest:media-type="text/xml"/>'
                      for name in ("content.xml", "styles.xml"))
            + "</manifest:manifest>")


def test_odt_hidden_text_bold_and_unused_page_styles(tmp_path, monkeypatch):
    import test_reader_odt

    monkeypatch.setattr(test_reader_odt, "NS", FO + test_reader_odt.NS)
    body = (
        '<text:p><text:span text:style-name="SehrFett">Rechtsbehelfsbelehrung:</text:span> Gegen diesen '
        '<text:span text:style-name="Versteckt">(intern) </text:span>Bescheid.</text:p>'
        '<text:p text:style-name="Notiz">Nur für uns.</text:p>'
        '<text:p>Feld <text:hidden-text text:condition="ooow:1" text:string-value="x" text:is-hidden="true">'
        "geheim</text:hidden-text>sichtbar "
        '<text:hidden-text text:condition="ooow:0" text:string-value="y" text:is-hidden="false">'
        "gezeigt</text:hidden-text>"
        "</text:p>"
        '<text:p>Absatz<text:hidden-paragraph text:condition="ooow:1" text:is-hidden="true"/> weg</text:p>'
        '<text:section text:name="S" text:display="none"><text:p>Abschnitt weg</text:p></text:section>'
        '<text:section text:name="C" text:display="condition" text:condition="ooow:1">'
        "<text:p>Bedingung nicht ausgewertet</text:p></text:section>"
        "<text:p>Grund\u00adsicherung</text:p>"
    )
    master = ('<style:master-page style:name="Standard"><style:header><text:p>Kopf benutzt</text:p></style:header>'
              '</style:master-page><style:master-page style:name="Unbenutzt"><style:header><text:p>Kopf nie</text:p>'
              "</style:header></style:master-page>")
    document = read_odt_checked(make_odt(tmp_path / "versteckt.odt", body, styles=ODT_STYLES, master=master))
    assert texts(document) == ["Rechtsbehelfsbelehrung: Gegen diesen Bescheid.", "Feld sichtbar gezeigt",
                               "Bedingung nicht ausgewertet", "Grundsicherung", "Kopf benutzt"]
    assert document.paragraphs[0].lead_bold == 23
    # "(intern)", the paragraph in style Notiz, "geheim", the hidden paragraph, the hidden section
    assert "5 ausgeblendete Textstellen nicht geprüft." in document.notes


def test_odt_page_style_started_by_a_paragraph_is_read(tmp_path, monkeypatch):
    automatic = ('<style:style style:name="P1" style:family="paragraph" style:master-page-name="Brief"/>')
    master = ('<style:master-page style:name="Standard"><style:header><text:p>Standardkopf</text:p></style:header>'
              '</style:master-page><style:master-page style:name="Brief" style:next-style-name="Folge">'
              '<style:header><text:p>Briefkopf</text:p></style:header></style:master-page>'
              '<style:master-page style:name="Folge"><style:footer><text:p>Folgeseite</text:p></style:footer>'
              "</style:master-page>")
    document = read_odt_checked(make_odt(tmp_path / "seiten.odt", '<text:p text:style-name="P1">Text</text:p>',
                                         automatic=automatic, master=master))
    assert texts(document) == ["Text", "Briefkopf", "Folgeseite"]


# -- LibreOffice-written files ------------------------------------------------------------------


def test_libreoffice_odt_of_a_word_letter_with_hidden_text_soft_hyphens_and_bold(tmp_path, nlp):
    if convert.soffice() is None:
        pytest.skip("LibreOffice (soffice) not installed")
    letters = {}
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("Rechtsbehelfsbelehrung:").bold = True
    paragraph.add_run(" Gegen diesen Bescheid können Sie Widerspruch einlegen.")
    paragraph = document.add_paragraph("Die Grundsicherungs\u00adleistungen werden ")
    paragraph.add_run("(Vermerk: Betrag prüfen) ").font.hidden = True
    paragraph.add_run("monatlich überwiesen.")
    section = document.sections[0]
    section.header.paragraphs[0].text = "Kopfzeile"
    section.first_page_header.paragraphs[0].text = "Nie gezeigt"  # no titlePg: never displayed
    letters["brief"] = document
    other = docx.Document()
    other.add_paragraph("Bitte beachten Sie den Hinweis.")
    other.paragraphs[0]._p.append(parse_xml(
        f'<w:r {nsdecls("w")}><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> Geheim.</w:t></w:r>'))
    letters["zweiter"] = other
    sources = []
    for name, letter in letters.items():
        letter.save(tmp_path / f"{name}.docx")
        sources.append(str(tmp_path / f"{name}.docx"))
    subprocess.run(  # one soffice call for all conversions
        [convert.soffice(), f"-env:UserInstallation={(tmp_path / 'profil').as_uri()}", "--headless", "--norestore",
         "--convert-to", "odt", "--outdir", str(tmp_path / "aus"), *sources],
        stdin=subprocess.DEVNULL, capture_output=True, timeout=240, check=True,
    )
    for name in letters:
        from_docx = read_document(str(tmp_path / f"{name}.docx"))
        from_odt = read_odt_checked(tmp_path / "aus" / f"{name}.odt")
        assert from_odt.text == from_docx.text, name
        assert [p.lead_bold for p in from_odt.paragraphs] == [p.lead_bold for p in from_docx.paragraphs], name
        assert from_odt.notes == from_docx.notes == ["1 ausgeblendete Textstelle nicht geprüft."], name
        assert _findings(from_odt, nlp) == _findings(from_docx, nlp), name
    assert "Nie gezeigt" not in read_document(sources[0]).text
    assert read_document(sources[0]).paragraphs[0].lead_bold == len("Rechtsbehelfsbelehrung:")


def test_first_comment_is_first_and_lists_what_could_not_be_anchored(tmp_path, nlp):
    document = docx.Document()
    document.sections[0].footer.paragraphs[0].text = "Die Unterlagen wurden von uns geprüft."
    document.add_paragraph("Sehr geehrte Frau Muster,")
    document.add_paragraph("Ihr Antrag wurde abgelehnt.")
    path = tmp_path / "brief.docx"
    document.save(path)
    result = check_document(read_docx(str(path)), nlp)
    out = tmp_path / "kopie.docx"
    report = annotate(result, str(out))
    assert report.skipped_story >= 1 and report.listed
    comments = {c.comment_id: c.text for c in docx.Document(str(out)).comments}
    listing = comments[first_comment_id(out)]
    assert listing.startswith(f"einfach: {report.skipped} Befund")
    assert "• Fußzeile, Absatz 1: „wurden von uns geprüft“" in listing
    assert "Kommentare: " in report.summary() and "aufgelistet im ersten Kommentar" in report.summary()


def test_findings_in_footnotes_are_listed_in_the_first_comment(tmp_path, nlp):
    """Word allows comments in footnotes, but LibreOffice 7.4 cannot open a copy with a comment
    reference there: such findings are listed in the first comment instead."""
    footnotes = (f'{DECL}<w:footnotes {NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r>'
                 '</w:p></w:footnote><w:footnote w:id="1">'
                 + para('<w:r><w:footnoteRef/></w:r>', " Der Antrag wurde im vorliegenden Fall abgelehnt.")
                 + "</w:footnote></w:footnotes>")
    body = para("Sehr geehrte Frau Muster,") + para("Hier steht es", '<w:r><w:footnoteReference w:id="1"/></w:r>', ".")
    path = make_docx(tmp_path / "fussnote.docx", body, parts={"word/footnotes.xml": footnotes},
                     rels=[("rF", "footnotes", "footnotes.xml")])
    result = check_document(read_docx(path), nlp)
    in_note = [f for f in result.findings if f.location.part == "footnote"]
    assert in_note and len(in_note) == len(result.findings)
    out = tmp_path / "kopie.docx"
    report = annotate(result, str(out))
    assert report.written == 0 and report.skipped_story == len(in_note) and report.listed
    comments = list(docx.Document(str(out)).comments)
    assert len(comments) == 1
    assert all(f"• Fußnote, Absatz {f.location.part_paragraph}: „{f.text}“ – {f.message}" in comments[0].text
               for f in in_note)  # wording.place


def test_libreoffice_docx_of_an_odt_with_hidden_styles_and_soft_hyphens(tmp_path, monkeypatch, nlp):
    """LibreOffice writes hidden text and bold as styles in .docx: the resolver reads them."""
    if convert.soffice() is None:
        pytest.skip("LibreOffice (soffice) not installed")
    import test_reader_odt

    monkeypatch.setattr(test_reader_odt, "NS", FO + test_reader_odt.NS)
    body = (
        '<text:p><text:span text:style-name="SehrFett">Datenschutzhinweise:</text:span> Ihre Daten '
        '<text:span text:style-name="Versteckt">(Vorlage 7b) </text:span>'
        "werden im vorliegenden Fall geschützt.</text:p>"
        '<text:p text:style-name="Notiz">Nur für uns.</text:p>'
        "<text:p>Die Grundsicherungs\u00adleistungen werden überwiesen.</text:p>"
    )
    source = make_odt(tmp_path / "vorlage.odt", body, styles=ODT_STYLES)
    with zipfile.ZipFile(source, "a") as archive:  # LibreOffice opens a package only with its manifest
        archive.writestr("META-INF/manifest.xml", MANIFEST)
    subprocess.run(  # one soffice call
        [convert.soffice(), f"-env:UserInstallation={(tmp_path / 'profil').as_uri()}", "--headless", "--norestore",
         "--convert-to", "docx", "--outdir", str(tmp_path / "aus"), source],
        stdin=subprocess.DEVNULL, capture_output=True, timeout=240, check=True,
    )
    from_odt = read_odt_checked(source)
    from_docx = read(tmp_path / "aus" / "vorlage.docx")
    assert texts(from_docx) == texts(from_odt) == [
        "Datenschutzhinweise: Ihre Daten werden im vorliegenden Fall geschützt.",
        "Die Grundsicherungsleistungen werden überwiesen."]
    assert from_docx.notes == from_odt.notes == ["2 ausgeblendete Textstellen nicht geprüft."]
    assert from_docx.paragraphs[0].lead_bold == from_odt.paragraphs[0].lead_bold == len("Datenschutzhinweise:")
    assert _findings(from_docx, nlp) == _findings(from_odt, nlp)
