"""rules/kinds/abbreviation.py (rule ``abkuerzung``): abbreviations with a period from the lexicon and
unexplained acronyms, what counts as an explanation, what is never flagged, and the replacement each
finding suggests; one named behaviour per test (docs/quality.md, "Mutation testing")."""

from __future__ import annotations

import pytest
from pinned_support import findings

from einfach.rules.kinds.abbreviation import Abbreviation, _heading, _spells


def marked(text: str, profile: str = "einfach", **parameters) -> list[str]:
    return [f.text for f in findings("abkuerzung", text, profile, **parameters)]


# --- abbreviations with a period ----------------------------------------------------------------------------

def test_abbreviation_message_and_suggestion_come_from_the_lexicon():
    (found,) = findings("abkuerzung", "Die Bearbeitung dauert i. d. R. drei Monate.")
    assert (found.text, found.severity) == ("i. d. R.", "warning")
    assert "in der Regel" in found.suggestions[0]


def test_abbreviation_written_without_spaces_is_one_finding():
    assert marked("Bitte bringen Sie Nachweise mit, z.B. Ihren Arbeitsvertrag.") == ["z.B."]


def test_longest_abbreviation_wins():
    assert marked("Wir brauchen u. a. Ihren Pass.") == ["u. a."]


def test_capitalised_abbreviation_at_the_start_of_a_sentence_is_found():
    assert marked("Ggf. schicken wir eine Kopie.") == ["Ggf."]


def test_capitalised_abbreviation_inside_a_sentence_is_no_abbreviation():
    assert marked("Wir schicken Ggf. eine Kopie.") == []


def test_abbreviation_inside_a_longer_word_is_quiet():
    assert marked("Bitte lesen Sie das Merkblattz.B. genau.") == []


def test_abbreviation_joined_to_the_next_word_is_quiet():
    assert marked("Die z.B.-Liste ist lang.") == []


def test_i_v_before_m_is_a_legal_link():
    assert marked("Das gilt nach § 5 AufenthG i. V. m. § 2 AufenthV.") == []


def test_i_v_alone_is_in_vertretung():
    assert marked("Mit freundlichen Grüßen, i. V. Müller") == ["i. V."]


def test_abbreviation_inside_a_legal_reference_is_quiet():
    assert marked("Nach § 5 Abs. 1 Nr. 2 AufenthG gilt das.") == []


def test_two_abbreviations_in_a_row_are_two_findings():
    assert marked("Bitte bringen Sie ggf. z. B. Ihren Pass mit.") == ["ggf.", "z. B."]


# --- acronyms -------------------------------------------------------------------------------------------------

def test_unexplained_acronym_from_the_lexicon_suggests_its_full_form():
    (found,) = findings("abkuerzung", "Die ABH prüft Ihren Antrag.")
    assert found.suggestions[0] == ("Schreiben Sie beim ersten Mal das ganze Wort mit der Abkürzung in "
                                    "Klammern: „Ausländerbehörde (ABH)“ – oder nur „Ausländerbehörde“.")


def test_unexplained_acronym_not_in_the_lexicon_gets_the_general_advice():
    (found,) = findings("abkuerzung", "Die XYZB prüft Ihren Antrag.")
    assert found.suggestions[0] == ("Schreiben Sie beim ersten Mal das ganze Wort mit der Abkürzung in "
                                    "Klammern („… (XYZB)“) – oder nur das ganze Wort.")


def test_acronym_finding_has_the_acronym_level():
    assert [f.severity for f in findings("abkuerzung", "Die ABH prüft Ihren Antrag.")] == ["info"]


def test_acronym_level_is_read_from_the_parameters():
    assert [f.severity for f in findings("abkuerzung", "Die ABH prüft Ihren Antrag.", acronym_level="error")] == \
        ["error"]


def test_acronym_is_reported_once_per_paragraph():
    assert marked("Die ABH prüft. Die ABH schreibt.") == ["ABH"]


def test_lowercase_letter_and_capitals_are_an_acronym():
    assert marked("Sie bekommen einen eAT.") == ["eAT"]


@pytest.mark.parametrize("text", [
    "Die Ausländerbehörde (ABH) prüft Ihren Antrag.",
    "Die ABH (Ausländerbehörde) prüft Ihren Antrag.",
    "ABH: Ausländerbehörde",
    "Die Behörde nennt man auch ABH.",
    "Die Ausländerbehörde heißt kurz ABH.",
    "Die Abkürzung ABH steht für Ausländerbehörde.",
    "Die ABH ist die Ausländerbehörde.",
    "Die DHS Deutsche Hauptstelle für Suchtfragen hilft.",
    "Der Deutsche Gewerkschaftsbund DGB hilft.",
])
def test_explained_acronym_is_quiet(text):
    assert marked(text) == []


def test_acronym_after_its_explained_use_is_quiet():
    assert marked("Die Ausländerbehörde (ABH) prüft. Die ABH schreibt.") == []


def test_spelled_long_form_needs_every_letter():
    assert marked("Die DHS Deutsche Hauptstelle hilft.") == ["DHS"]


@pytest.mark.parametrize("text", [
    "Bitte überweisen Sie 50 EUR, die IBAN steht unten.",
    "Leistungen nach dem SGB II bekommen Sie nicht.",
    "Das regelt das AufenthG.",
    "WICHTIG: BITTE NICHT VERGESSEN",
    "Ihren PIN-Brief bekommen Sie per Post.",
    "Lesen Sie Kapitel IV.",
    "ACHTUNG bitte lesen.",
])
def test_acronym_that_is_never_flagged(text):
    assert marked(text) == []


def test_known_acronyms_are_read_from_the_parameters():
    assert marked("Die XYZB prüft Ihren Antrag.", known_acronyms=["XYZB"]) == []


def test_acronym_in_an_english_sentence_is_quiet():
    assert marked("TIP: Please send us the form as soon as you can.") == []


# --- helpers -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("letters", "words", "spelled"), [
    ("dgb", ["Deutscher", "Gewerkschaftsbund"], True),
    ("dhs", ["Deutsche", "Hauptstelle", "für", "Suchtfragen"], True),
    ("dgx", ["Deutscher", "Gewerkschaftsbund"], False),
    ("dd", ["Deutsche"], False),
])
def test_spells_matches_the_letters_backwards(letters, words, spelled):
    assert _spells(letters, words) is spelled


def test_grading_names_both_levels():
    assert Abbreviation.grading({"acronym_level": "error"}, "warning") == "Abkürzungen Warnung, Kurzwörter Fehler"


def test_grading_default_acronym_level_is_info():
    assert Abbreviation.grading({}, "warning") == "Abkürzungen Warnung, Kurzwörter Hinweis"


def test_heading_in_capitals_is_a_heading():
    from einfach.nlp.view import doc_view
    from pinned_support import tagged_doc

    doc = tagged_doc("WICHTIG/ADJD HINWEIS/NN zum/APPRART Antrag/NN")
    assert _heading(doc_view(doc), doc[:])


def test_sentence_with_one_word_in_capitals_is_no_heading():
    from einfach.nlp.view import doc_view
    from pinned_support import tagged_doc

    doc = tagged_doc("Die/ART ABH/NN prüft/VVFIN den/ART Antrag/NN")
    assert not _heading(doc_view(doc), doc[:])


# --- explanations of an acronym the lexicon does not know ("GSS"): only the explanation keeps it quiet ---------

@pytest.mark.parametrize("text", [
    "Die Gemeinsame Servicestelle (GSS) hilft.",
    "Die GSS (Gemeinsame Servicestelle) hilft.",
    "GSS: Gemeinsame Servicestelle",
    "GSS = Gemeinsame Servicestelle",
    "Die GSS steht für Gemeinsame Servicestelle.",
    "Gemeinsame Servicestelle GSS hilft.",
])
def test_acronym_unknown_to_the_lexicon_explained_in_its_sentence_is_quiet(text):
    assert marked(text) == []


@pytest.mark.parametrize("text", [
    "Die GSS hilft Ihnen.",
    "(GSS) hilft Ihnen.",
    "Wir fragen die GSS",
    "Die GSS ist für Sie da.",
    "Die GSS Gemeinsame Ausgabe hilft.",
])
def test_acronym_unknown_to_the_lexicon_without_explanation_is_reported(text):
    assert marked(text) == ["GSS"]


def test_explanation_in_a_later_sentence_comes_too_late():
    assert marked("Die GSS hilft. Die Gemeinsame Servicestelle (GSS) hilft.") == ["GSS"]


def test_lexicon_is_read_from_the_parameters():
    assert marked("Bitte bringen Sie z. B. Ihren Pass mit.", lexicon="fachbegriffe") == []


def test_laws_are_read_from_the_parameters():
    assert marked("Das steht im BGB.") == []
    assert marked("Das steht im BGB.", laws="abkuerzungen") == ["BGB"]


def test_i_v_m_outside_a_legal_reference_is_no_abbreviation():
    assert marked("Das gilt i. V. m. der Satzung.") == []
