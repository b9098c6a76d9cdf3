"""Behaviour of rule logic pinned one named behaviour per test, so that breaking it fails a test
(mutation testing found these unguarded: docs/quality.md, "Mutation testing")."""

from __future__ import annotations

import pytest

from einfach.checker import check_document, make_pipeline
from einfach.readers.text import document_from_text
from einfach.rules.kinds.sentence_length import split_points


@pytest.fixture(scope="module")
def wortlaenge():
    nlp = make_pipeline("einfach", settings={"select": ["wortlaenge"]})

    def run(text: str) -> list[tuple[str, str]]:
        result = check_document(document_from_text("<test>", text), nlp)
        return [(f.text, f.suggestions[0]) for f in result.findings]

    return run


@pytest.fixture(scope="module")
def points(nlp):
    def run(text: str) -> list[tuple[int, str]]:
        (sentence,) = nlp(text).sents
        return split_points(sentence)

    return run


# --- satzlaenge: split points ----------------------------------------------------------------

def test_split_before_conjunction_after_comma_without_second_verb(points):
    """After a comma, "und" is a split point even when no verb follows it."""
    assert points("Bitte bringen Sie den Pass mit, und zwar bis Montag.") == [(7, "vor „und“")]


def test_no_split_before_conjunction_joining_nouns(points):
    """Without a comma, "und" between nouns (one finite verb in all) is no split point."""
    assert points("Bitte bringen Sie den Pass und das Foto und die Meldebescheinigung mit.") == []


def test_split_before_conjunction_joining_two_clauses(points):
    """Without a comma, "und" between two clauses, each with a finite verb, is a split point."""
    assert points("Wir haben Ihren Antrag geprüft und Sie bekommen bald den Bescheid.") == [(6, "vor „und“")]


def test_split_before_subordinating_conjunction_after_comma(points):
    assert points("Bitte kommen Sie zu uns, weil wir Fragen haben.") == [(6, "vor „weil“")]


def test_no_split_before_subordinating_conjunction_opening_the_sentence(points):
    assert points("Weil wir Fragen haben, kommen Sie bitte zu uns.") == []


def test_split_before_relative_clause_after_comma(points):
    assert points("Bitte bringen Sie den Pass mit, den Sie von der Botschaft bekommen haben.") == \
        [(7, "vor dem Relativsatz mit „den“")]


def test_split_before_relative_clause_after_preposition(points):
    assert points("Das ist der Ort, an dem wir uns treffen.") == [(6, "vor dem Relativsatz mit „dem“")]


def test_split_at_semicolon(points):
    assert points("Bitte rufen Sie an; wir helfen Ihnen.") == [(4, "am Semikolon")]


# --- wortlaenge: street names ----------------------------------------------------------------

def test_long_street_name_is_not_reported(wortlaenge):
    """A street name is an address: "Krankenversicherungsstraße" (26 letters) stays quiet."""
    assert wortlaenge("Bitte kommen Sie in die Krankenversicherungsstraße 5 in Berlin.") == []


def test_same_compound_without_street_ending_is_reported(wortlaenge):
    """The control: the same first part as an ordinary long compound is split."""
    assert wortlaenge("Bitte bringen Sie Ihren Krankenversicherungsnachweis mit.") == \
        [("Krankenversicherungsnachweis", "Schreiben Sie „Krankenversicherungs-Nachweis“ oder umschreiben Sie das Wort.")]


def test_min_part_zipf_is_read(wortlaenge):
    """Both parts of a split must be at least ``min_part_zipf`` frequent: at 7.0 (only the most
    frequent words, "und", "die") no split is good enough, so the word stays quiet."""
    nlp = make_pipeline("einfach", settings={"select": ["wortlaenge"],
                                             "parameters": {"wortlaenge": {"min_part_zipf": 7.0}}})
    result = check_document(document_from_text("<test>", "Bitte bringen Sie Ihren Krankenversicherungsnachweis mit."), nlp)
    assert result.findings == []
    assert wortlaenge("Bitte bringen Sie Ihren Krankenversicherungsnachweis mit.") != []  # the default splits it


@pytest.fixture(scope="module")
def wortlaenge_with():
    def run(text: str, profile: str = "einfach", **parameters) -> list[tuple[str, str]]:
        nlp = make_pipeline(profile, settings={"select": ["wortlaenge"], "parameters": {"wortlaenge": parameters}})
        return [(f.text, f.suggestions[0]) for f in check_document(document_from_text("<test>", text), nlp).findings]

    return run


def test_message_names_the_word_its_letters_and_the_limit():
    nlp = make_pipeline("einfach", settings={"select": ["wortlaenge"]})
    result = check_document(document_from_text("<test>", "Bitte bringen Sie Ihren Krankenversicherungsnachweis mit."), nlp)
    assert [f.message for f in result.findings] == \
        ["Langes Wort: „Krankenversicherungsnachweis“ hat 28 Buchstaben (empfohlen: höchstens 20)"]


def test_hyphenated_word_with_a_piece_at_the_limit_is_quiet(wortlaenge):
    """"Krankenversicherungs" has exactly 20 letters (the limit): not over it, so not split."""
    assert wortlaenge("Bitte bringen Sie den Krankenversicherungs-Nachweis mit.") == []


def test_hyphenated_word_with_a_long_piece_is_split_part_by_part(wortlaenge_with):
    assert wortlaenge_with("Bitte bringen Sie den Krankenversicherungs-Nachweis mit.", "leicht") == \
        [("Krankenversicherungs-Nachweis", "Schreiben Sie „Kranken·versicherungs·nachweis“ oder umschreiben Sie das Wort.")]


def test_three_parts_joined_with_hyphens(wortlaenge_with):
    assert wortlaenge_with("Bitte bringen Sie Ihren Krankenversicherungsnachweis mit.", max_letters=12) == \
        [("Krankenversicherungsnachweis", "Schreiben Sie „Kranken-Versicherungs-Nachweis“ oder umschreiben Sie das Wort.")]


@pytest.mark.parametrize(("first", "why"), [
    ("Antragsteller:innen", "a gender form"),
    ("Aufenthaltserlaubnis", "a protected legal term"),
    ("Krankenversicherungs-Nachweis", "hyphenated, pieces short enough"),
])
def test_a_quiet_word_does_not_end_the_search(wortlaenge, first, why):
    """Words after a word that is left alone are still checked."""
    text = f"Die {first} und der Bundesverfassungsgericht fehlen."
    assert [found for found, _ in wortlaenge(text)] == ["Bundesverfassungsgericht"], why
