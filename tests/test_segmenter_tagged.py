"""Sentence boundaries that need POS tags (``einfach_clause_segmenter``, after the tagger)."""

from __future__ import annotations

import pytest


def segments(check_text, text):
    result = check_text(text)
    return [text[s.start : s.end] for s in result.segments]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a colon between two complete main clauses
        (
            "Mickey Kantor äußerte sich zufrieden: Die USA haben viel erreicht.",
            ["Mickey Kantor äußerte sich zufrieden:", "Die USA haben viel erreicht."],
        ),
        ("Das heißt: Sie müssen bis Montag zahlen.", ["Das heißt:", "Sie müssen bis Montag zahlen."]),
        # a heading without punctuation before a verb-second clause
        (
            "Rekord in Wall Street Die Kurse stiegen am Montag stark.",
            ["Rekord in Wall Street", "Die Kurse stiegen am Montag stark."],
        ),
        (
            "Entscheidung über Arbeitszeit aufgeschoben Im Gegenzug verlangt die Gewerkschaft mehr Geld.",
            ["Entscheidung über Arbeitszeit aufgeschoben", "Im Gegenzug verlangt die Gewerkschaft mehr Geld."],
        ),
        # a complete main clause without final punctuation
        (
            "Die Junta fühlt sich missverstanden Die Kampagne geht weiter.",
            ["Die Junta fühlt sich missverstanden", "Die Kampagne geht weiter."],
        ),
        # a period after a verb before a lowercase word
        ("Das hat mich verwundert. das sind lange Minuten.", ["Das hat mich verwundert.", "das sind lange Minuten."]),
        # an emoticon before a capitalised word
        ("Alles bestens :-) Wir kommen wieder.", ["Alles bestens :-)", "Wir kommen wieder."]),
    ],
)
def test_tagged_boundary(check_text, text, expected):
    assert segments(check_text, text) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # a list after the colon: no finite verb in its first clause
        "Bitte bringen Sie mit: Ihren Pass, den Sie im Mai erhalten haben.",
        "Wir benötigen folgende Unterlagen: Pass, Foto und Meldebescheinigung.",
        # a label before the colon has no finite verb
        "Wichtig: Sie müssen den Termin einhalten.",
        "Hinweis: Die Frist endet am Montag.",
        # a quotation or a code after the colon
        "Er sagte: „Das ist gut.“",
        "Die IBAN ist: DE00 1234 5678 0000 4711 00.",
        # no split inside one clause
        "Ihr Sachbearbeiter Herr Müller wird Sie anrufen.",
        "Wenn Sie den Antrag Ihrer Tochter haben, rufen Sie uns an.",
        "Wir wissen dass am Montag Ihre Mutter kommt.",
        "Wir werden morgen Ihre Unterlagen prüfen.",
        "Sehen Sie bitte davon ab, persönlich vorzusprechen.",
        "Das regelt § 25 Abs. 2 Satz 1 AufenthG für Sie.",
        "Bitte senden Sie uns bis Montag Ihre Unterlagen für den Antrag zu.",
    ],
)
def test_no_tagged_split(check_text, sentence):
    assert segments(check_text, sentence) == [sentence]


def test_clause_segmenter_needs_tags(nlp):
    """Without tags (a blank pipeline) the component leaves the Doc alone."""
    import spacy

    blank = spacy.blank("de")
    blank.add_pipe("einfach_clause_segmenter")
    doc = blank("Rekord in Wall Street Die Kurse stiegen.")
    assert not any(token.is_sent_start for token in doc[1:])
