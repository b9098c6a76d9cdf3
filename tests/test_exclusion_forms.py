"""Issue 16: the default exclusions in every form a letter writes their heading.

Every default pattern (config.DEFAULT_EXCLUDE_HEADINGS), headed alone, with a
colon, with the text on the next line, opening the paragraph plain or bold,
in .txt, .md and in Word documents (the reader's ``kind``/``lead_bold``).
"""

from __future__ import annotations

import fnmatch

import pytest

from einfach.config import DEFAULT_EXCLUDE_HEADINGS
from einfach.document import Document
from einfach.readers.text import document_from_text
from einfach.suppress import block_exclusions
from einfach.wording import excluded_text

BODY = "Gegen diesen Bescheid kann innerhalb eines Monats Widerspruch erhoben werden."
HEADINGS = ["Rechtsbehelfsbelehrung", "Rechtsmittelbelehrung", "Datenschutzhinweise", "Datenschutz",
            "Hinweis zum Datenschutz"]
TEXT_FORMS = {
    "alone": "{h}\n\n{b}",
    "colon": "{h}:\n\n{b}",
    "next line": "{h}\n{b}",
    "colon, next line": "{h}:\n{b}",
    "opens paragraph": "{h}: {b}",
}
MARKDOWN_FORMS = {
    "bold opens paragraph": "**{h}:** {b}",
    "bold without colon": "**{h}** {b}",
    "bold alone": "**{h}**\n\n{b}",
    "bold, next line": "__{h}:__\n{b}",
    "heading": "## {h}\n\n{b}",
    "heading, next line": "## {h}\n{b}",
}


def test_every_default_pattern_is_covered():
    for pattern in DEFAULT_EXCLUDE_HEADINGS:
        assert any(fnmatch.fnmatch(h.lower(), pattern.lower()) for h in HEADINGS), pattern


def _excluded(path: str, form: str, heading: str) -> tuple[str, list]:
    text = "Wir haben entschieden.\n\n" + form.format(h=heading, b=BODY) + "\n\nMit freundlichen Grüßen\n\nIhr Amt"
    exclusions = block_exclusions(document_from_text(path, text), (), DEFAULT_EXCLUDE_HEADINGS)
    return text, exclusions


@pytest.mark.parametrize("heading", HEADINGS)
@pytest.mark.parametrize(("path", "form"), [("brief.txt", f) for f in TEXT_FORMS.values()]
                         + [("brief.md", f) for f in [*TEXT_FORMS.values(), *MARKDOWN_FORMS.values()]])
def test_text_and_markdown_forms(path, form, heading):
    text, exclusions = _excluded(path, form, heading)
    (exclusion,) = exclusions
    excluded = text[exclusion.start:exclusion.end]
    assert heading in excluded and excluded.endswith(BODY)
    assert "entschieden" not in excluded and "Grüßen" not in excluded
    assert exclusion.reason == f"Abschnitt „{heading}“"


@pytest.mark.parametrize("heading", HEADINGS)
@pytest.mark.parametrize("form", ["styled", "bold alone", "bold opens paragraph", "plain colon"])
def test_word_forms(form, heading):
    head = {
        "styled": [(heading, {"kind": "heading", "style": "Überschrift 2"}), (BODY, {})],
        "bold alone": [(heading, {"lead_bold": len(heading)}), (BODY, {})],
        "bold opens paragraph": [(f"{heading}: {BODY}", {"lead_bold": len(heading) + 1})],
        "plain colon": [(f"{heading}:", {}), (BODY, {})],
    }[form]
    document = Document.from_paragraphs(
        "brief.docx", [("Wir haben entschieden.", {}), *head, ("Mit freundlichen Grüßen", {})]
    )
    (exclusion,) = block_exclusions(document, (), DEFAULT_EXCLUDE_HEADINGS)
    assert document.text[exclusion.start:exclusion.end].endswith(BODY)
    assert exclusion.start == document.paragraphs[1].start


@pytest.mark.parametrize("text", [
    "Datenschutz ist uns wichtig. Wir speichern Ihre Daten nur so lange wie nötig.",
    "Im Bescheid steht eine Rechtsbehelfsbelehrung: Bitte lesen Sie sie genau.",
    "Sie finden die Rechtsbehelfsbelehrung am Ende des Briefes.",
    "**Wichtig:** Die Rechtsbehelfsbelehrung steht unten.",
])
def test_a_mention_is_not_a_heading(text):
    assert block_exclusions(document_from_text("x.md", text), (), DEFAULT_EXCLUDE_HEADINGS) == []


def test_block_ends_at_a_short_line_with_text_below():
    text = f"Rechtsbehelfsbelehrung:\n{BODY}\n\nMit freundlichen Grüßen\nIhr Bürgeramt"
    (exclusion,) = block_exclusions(document_from_text("x.txt", text), (), DEFAULT_EXCLUDE_HEADINGS)
    assert text[exclusion.start:exclusion.end].endswith(BODY)


@pytest.mark.parametrize("after", ["Ansprechpartnerin: Frau Muster, Zimmer 3.", "**Hinweis:** Bitte bringen Sie den Pass mit.",
                                   "Ihre Unterlagen: " + "Pass, Foto, " * 30 + "Meldebescheinigung."])
def test_block_ends_at_a_paragraph_with_its_own_label(after):
    text = f"Datenschutz: Wir verarbeiten Ihre Daten. Das Gesetz erlaubt uns das.\n\n{after}"
    (exclusion,) = block_exclusions(document_from_text("x.md", text), (), DEFAULT_EXCLUDE_HEADINGS)
    assert text[exclusion.start:exclusion.end] == "Datenschutz: Wir verarbeiten Ihre Daten. Das Gesetz erlaubt uns das."


def test_a_following_known_block_is_its_own_section():
    text = f"Rechtsbehelfsbelehrung:\n{BODY}\n\nHinweis zum Datenschutz: Informationen finden Sie im Internet.\n\nIhr Amt"
    exclusions = block_exclusions(document_from_text("x.txt", text), (), DEFAULT_EXCLUDE_HEADINGS)
    assert [e.reason for e in exclusions] == ["Abschnitt „Rechtsbehelfsbelehrung“", "Abschnitt „Hinweis zum Datenschutz“"]
    assert text[exclusions[1].start:exclusions[1].end].endswith("im Internet.")


def test_a_long_text_before_a_colon_stays_in_the_block():
    text = f"Rechtsbehelfsbelehrung\n\n{BODY}\n\nDer Widerspruch ist zu richten an: Stadt Musterstadt, Marktplatz 1."
    (exclusion,) = block_exclusions(document_from_text("x.txt", text), (), DEFAULT_EXCLUDE_HEADINGS)
    assert text[exclusion.start:exclusion.end].endswith("Marktplatz 1.")


def test_a_line_before_a_list_is_no_heading_end():
    text = f"Rechtsbehelfsbelehrung\n\n{BODY}\n\nDer Widerspruch ist zu richten an\n- die Stadt Musterstadt\n- Marktplatz 1"
    (exclusion,) = block_exclusions(document_from_text("x.txt", text), (), DEFAULT_EXCLUDE_HEADINGS)
    assert text[exclusion.start:exclusion.end].endswith("Marktplatz 1")


def test_summary_names_what_was_excluded():
    assert excluded_text([{"start": 0, "end": 9, "reason": "Abschnitt „Rechtsbehelfsbelehrung“"}]) == (
        "1 Bereich ausgenommen: Rechtsbehelfsbelehrung")
    assert excluded_text([
        {"start": 0, "end": 9, "reason": "Abschnitt „Rechtsbehelfsbelehrung“"},
        {"start": 20, "end": 29, "reason": "Formatvorlage „Briefkopf“"},
        {"start": 30, "end": 40, "reason": "Steuerkommentar"},
    ]) == "2 Bereiche ausgenommen: Rechtsbehelfsbelehrung, Formatvorlage „Briefkopf“"
    assert excluded_text([]) == ""


@pytest.mark.parametrize("path", ["brief.txt", "brief.md"])
def test_check_leaves_the_notice_alone(nlp, path):
    from einfach.checker import check_document
    from einfach.output.human import render

    text = ("Sehr geehrte Frau Muster,\nwir haben Ihren Antrag geprüft.\n\nRechtsbehelfsbelehrung\n"
            "Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Widerspruch erhoben werden. "
            "Der Widerspruch ist schriftlich oder zur Niederschrift bei der Stadt einzulegen.\n\n"
            "Mit freundlichen Grüßen\nIhr Bürgeramt\n")
    result = check_document(document_from_text(path, text), nlp)
    assert not [f for f in result.findings if f.start > text.index("Rechtsbehelfsbelehrung")
                and f.end < text.index("Mit freundlichen")]
    assert "1 Bereich ausgenommen: Rechtsbehelfsbelehrung" in render(_as_result(result))


def _as_result(file_result):
    from einfach.findings import CheckResult

    return CheckResult(files=[file_result])


def test_heading_line_ends_its_sentence(check_text):
    text = ("Ihr Antrag vom 1. März\nWir haben Ihren Antrag erhalten.\n\nDer Widerspruch ist schriftlich oder\n"
            "zur Niederschrift einzulegen.\n\nBitte senden Sie uns Ihre\nUnterlagen bis Ende März.")
    result = check_text(text)
    assert [text[s.start:s.end] for s in result.segments] == [
        "Ihr Antrag vom 1. März", "Wir haben Ihren Antrag erhalten.",
        "Der Widerspruch ist schriftlich oder\nzur Niederschrift einzulegen.",
        "Bitte senden Sie uns Ihre\nUnterlagen bis Ende März.",
    ]


# -- locations (issue 16: "Locations a Word user can find") ----------------------------------------

def test_place_in_german():
    from einfach.findings import Location
    from einfach.wording import place, position

    cell = Location(part="table", paragraph=7, line=1, column=4, table=2, row=3, cell=1)
    footer = Location(part="footer", paragraph=40, line=1, column=1, part_paragraph=1)
    body = Location(part="body", paragraph=12, line=1, column=5)
    assert place(cell) == "Tabelle 2, Zeile 3, Spalte 1"
    assert place(footer) == "Fußzeile, Absatz 1"
    assert place(body) == "Absatz 12" and place(body, paragraph=False) == ""
    assert place({"part": "textbox", "paragraph": 3}) == "Textfeld, Absatz 3"
    assert place({"part": "header", "paragraph": 2, "table": 1, "row": 1, "cell": 2}) == "Kopfzeile, Tabelle 1, Zeile 1, Spalte 2"
    assert position(cell, True) == "Tabelle 2, Zeile 3, Spalte 1, Zeichen 4"
    assert position(body, False) == "Zeile 1, Spalte 5"
    assert cell.to_dict() == {"part": "table", "paragraph": 7, "line": 1, "column": 4, "table": 2, "row": 3, "cell": 1}
    assert body.to_dict() == {"part": "body", "paragraph": 12, "line": 1, "column": 5}


def _word_result(nlp):
    from einfach.checker import check_document
    from einfach.findings import CheckResult

    document = Document.from_paragraphs("brief.docx", [
        ("Wir haben Ihren Antrag geprüft.", {}),
        ("Ihr Antrag wurde abgelehnt.", {"part": "table", "kind": "cell", "table": 2, "row": 3, "cell": 1}),
        ("Musterstadt, Marktplatz 1", {"part": "footer"}),
        ("Der Antrag wurde abgelehnt.", {"part": "footer"}),
        ("Die Unterlagen wurden geprüft.", {"part": "textbox"}),
    ])
    result = check_document(document, nlp)
    return CheckResult(files=[result]), result


def test_locations_in_json_human_html_and_comments(nlp):
    from einfach.output.docx_comments import comment_text
    from einfach.output.html import render as render_html
    from einfach.output.human import render as render_human
    from einfach.output.json import render as render_json
    import json

    checked, result = _word_result(nlp)
    passives = {f.location.part: f for f in result.findings if f.rule == "passiv"}
    assert set(passives) == {"table", "footer", "textbox"}
    data = json.loads(render_json(checked))
    locations = [f["location"] for f in data["files"][0]["findings"] if f["rule"] == "passiv"]
    assert {"part": "table", "paragraph": 2, "line": 3, "column": 12, "table": 2, "row": 3, "cell": 1} in locations
    assert all("table" not in loc for loc in locations if loc["part"] != "table")
    human = render_human(checked)
    assert "(Tabelle 2, Zeile 3, Spalte 1)" in human and "(Fußzeile, Absatz 2)" in human and "(Textfeld, Absatz 1)" in human
    page = render_html(checked)
    assert "Tabelle 2, Zeile 3, Spalte 1" in page and "Fußzeile, Absatz 2" in page
    assert comment_text(passives["footer"]).startswith("Fußzeile, Absatz 2: Vorgangspassiv")
    assert comment_text(passives["textbox"]).startswith("Vorgangspassiv")  # Word comments sit in text boxes too
    assert comment_text(passives["table"]).startswith("Vorgangspassiv")  # the comment sits on the cell


# -- .docx end to end (the reader fills kind, lead_bold and table/row/cell) ------------------------

def _letter(tmp_path, heading_form: str, heading: str):
    import docx

    document = docx.Document()
    document.add_paragraph("Wir haben Ihren Antrag geprüft.")
    if heading_form == "styled":
        document.add_heading(heading, level=2)
        document.add_paragraph(BODY)
    elif heading_form == "bold alone":
        document.add_paragraph().add_run(heading).bold = True
        document.add_paragraph(BODY)
    elif heading_form == "bold opens paragraph":
        paragraph = document.add_paragraph()
        paragraph.add_run(heading + ":").bold = True
        paragraph.add_run(" " + BODY)
    else:  # plain colon
        document.add_paragraph(f"{heading}: {BODY}")
    document.add_paragraph("Mit freundlichen Grüßen")
    path = tmp_path / "brief.docx"
    document.save(path)
    return str(path)


@pytest.mark.parametrize("heading", HEADINGS)
@pytest.mark.parametrize("form", ["styled", "bold alone", "bold opens paragraph", "plain colon"])
def test_docx_forms_end_to_end(tmp_path, nlp, form, heading):
    from einfach.checker import check_document
    from einfach.readers import read_document

    result = check_document(read_document(_letter(tmp_path, form, heading)), nlp)
    assert not [f for f in result.findings if f.rule == "passiv"], result.findings  # "erhoben werden" excluded
    assert [e["reason"] for e in result.excluded] == [f"Abschnitt „{heading}“"]


def test_docx_table_location_end_to_end(tmp_path, nlp):
    import docx

    from einfach.checker import check_document
    from einfach.output.human import render
    from einfach.findings import CheckResult
    from einfach.readers import read_document

    document = docx.Document()
    document.add_paragraph("Wir haben Ihren Antrag geprüft.")
    document.add_table(rows=1, cols=1).cell(0, 0).text = "Termin"
    table = document.add_table(rows=3, cols=2)
    table.cell(2, 0).text = "Ihr Antrag wurde abgelehnt."
    document.sections[0].footer.paragraphs[0].text = "Die Unterlagen wurden geprüft."
    path = tmp_path / "tabelle.docx"
    document.save(path)
    result = check_document(read_document(str(path)), nlp)
    passives = {f.location.part: f for f in result.findings if f.rule == "passiv"}
    cell = passives["table"].location
    assert (cell.table, cell.row, cell.cell) == (2, 3, 1)
    human = render(CheckResult(files=[result]))
    assert "(Tabelle 2, Zeile 3, Spalte 1)" in human and "(Fußzeile, Absatz 1)" in human
