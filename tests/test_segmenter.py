"""Sentence segmentation fit for letters."""

from __future__ import annotations

import pytest


def segments(check_text, text):
    result = check_text(text)
    return [text[s.start : s.end] for s in result.segments]


@pytest.mark.parametrize(
    "sentence",
    [
        "Bitte bringen Sie z. B. Ihren Pass mit.",
        "Bitte bringen Sie z.B. Ihren Pass mit.",
        "Sie können ggf. eine Kopie schicken.",
        "Das gilt nach § 82 Abs. 1 Satz 2 AufenthG auch für Sie.",
        "Das regelt Art. 3 Abs. 2 Nr. 4 der Verordnung.",
        "Das gilt nach § 5 Abs. 1 i. V. m. § 27 AufenthG.",
        "Ihr Termin ist am 01.10.2024 um 10.30 Uhr in Raum 2.14.",
        "Ihr Termin ist am 1. Oktober 2024 im 3. Stock.",
        "Die Gebühr beträgt 100,00 EUR bzw. 50,00 EUR.",
        "Schreiben Sie an abh@musterstadt.example oder besuchen Sie www.musterstadt.example/termine.",
        "Frau Dr. Yilmaz und Hr. Kovalenko kommen ca. um 9 Uhr.",
        "Das steht auf S. 4 u. a. im Merkblatt.",
    ],
)
def test_no_split_inside(check_text, sentence):
    assert segments(check_text, sentence) == [sentence]


def test_paragraph_break_is_boundary(check_text):
    text = "Wir haben Ihren Antrag erhalten\n\nBitte warten Sie"
    assert segments(check_text, text) == ["Wir haben Ihren Antrag erhalten", "Bitte warten Sie"]


def test_salutation_and_subject_are_fragments(check_text):
    text = "Betreff: Ihr Antrag vom 01.10.2024\n\nSehr geehrte Frau Yilmaz,\nwir haben Ihren Antrag erhalten."
    result = check_text(text)
    pieces = [(text[s.start : s.end], s.fragment) for s in result.segments]
    assert pieces == [
        ("Betreff: Ihr Antrag vom 01.10.2024", True),
        ("Sehr geehrte Frau Yilmaz,", True),
        ("wir haben Ihren Antrag erhalten.", False),
    ]


def test_salutation_on_same_line(check_text):
    text = "Sehr geehrte Damen und Herren, wir haben Ihren Brief erhalten."
    assert segments(check_text, text) == ["Sehr geehrte Damen und Herren,", "wir haben Ihren Brief erhalten."]


def test_list_items_are_segments(check_text):
    text = "Bitte bringen Sie mit:\n- Ihren Pass\n- ein Foto\n1. die Meldebescheinigung"
    assert segments(check_text, text) == [
        "Bitte bringen Sie mit:",
        "- Ihren Pass",
        "- ein Foto",
        "1. die Meldebescheinigung",
    ]


def test_wrapped_line_continues_sentence(check_text):
    text = "Wir haben Ihren Antrag auf\nVerlängerung erhalten."
    assert segments(check_text, text) == [text]


def test_sentence_ends(check_text):
    text = "Wir prüfen Ihren Antrag. Kommen Sie bitte am Montag! Haben Sie Fragen? Rufen Sie an."
    assert len(segments(check_text, text)) == 4


def test_abbreviation_at_sentence_end(check_text):
    text = "Bringen Sie Pass, Foto usw. mit. Wir freuen uns."
    assert segments(check_text, text) == ["Bringen Sie Pass, Foto usw. mit.", "Wir freuen uns."]


def test_closing_quote_stays_with_sentence(check_text):
    text = "Er sagte: „Das ist gut.“ Dann ging er."
    assert segments(check_text, text) == ["Er sagte: „Das ist gut.“", "Dann ging er."]


def test_dotted_number_ends_sentence(check_text):
    text = "Ihr Termin ist in Raum 2.14. Sie finden ihn im zweiten Stock."
    assert segments(check_text, text) == ["Ihr Termin ist in Raum 2.14.", "Sie finden ihn im zweiten Stock."]
    text = "Die Frist endet am 01.10.2024. Bitte denken Sie daran."
    assert len(segments(check_text, text)) == 2


def test_alternative_abbreviation_in_reference(check_text):
    sentence = "Das regelt § 25 Abs. 2 Satz 1 Alt. 1 AufenthG für Sie."
    assert segments(check_text, sentence) == [sentence]
