"""rules/kinds/negated_antonym.py (rule ``positiv``, profile leicht): "nicht" before a word with a plain
opposite, what it marks and the opposite it suggests; one named behaviour per test (docs/quality.md,
"Mutation testing")."""

from __future__ import annotations

import pytest
from pinned_support import annotated_doc, findings, kind_hits


def positiv(text: str) -> list[tuple[str, str]]:
    """(marked text, suggestion) per finding."""
    return [(f.text, f.suggestions[0]) for f in findings("positiv", text, "leicht")]


def test_one_opposite_is_suggested_instead_of_the_negation():
    assert positiv("Peter ist nicht krank.") == [("nicht krank", "Schreiben Sie „gesund“ statt „nicht krank“.")]


def test_two_opposites_are_joined_with_oder():
    assert positiv("Das Essen ist nicht teuer.") == \
        [("nicht teuer", "Schreiben Sie „billig“ oder „günstig“ statt „nicht teuer“.")]


def test_message_quotes_the_negation():
    (found,) = findings("positiv", "Peter ist nicht krank.", "leicht")
    assert found.message == "Verneinung: „nicht krank“ kann man positiv sagen"


def test_inflected_word_found_by_its_lemma():
    assert positiv("Das ist ein nicht teures Auto.") == \
        [("nicht teures", "Schreiben Sie „billig“ oder „günstig“ statt „nicht teures“.")]


def test_nicht_zu_with_an_opposite_marks_three_words():
    assert positiv("Bitte kommen Sie nicht zu spät.") == \
        [("nicht zu spät", "Schreiben Sie „pünktlich“ statt „nicht zu spät“.")]


def test_nicht_zu_without_an_opposite_is_quiet():
    """"zu oft" has no entry, though "oft" might: the "zu" belongs to the word."""
    assert positiv("Bitte kommen Sie nicht zu oft.") == []


@pytest.mark.parametrize("text", ["Das ist nicht", "Das ist nicht zu"])
def test_nicht_at_the_end_is_quiet(text):
    assert positiv(text) == []


@pytest.mark.parametrize("text", ["Das Essen ist nicht teurer als das Brot.", "Das ist nicht zu spät als Termin."])
def test_comparison_with_als_is_quiet(text):
    assert positiv(text) == []


def test_contrast_with_sondern_silences_only_its_own_sentence():
    assert [t for t, _ in positiv("Das Haus ist nicht groß, sondern riesig. Das Essen ist nicht teuer.")] == \
        ["nicht teuer"]


def test_every_negation_of_a_sentence_is_reported():
    assert [t for t, _ in positiv("Das ist nicht gut und nicht teuer.")] == ["nicht gut", "nicht teuer"]


def test_verb_after_nicht_is_quiet():
    assert positiv("Er geht nicht zu Fuß. Er kommt nicht.") == []


def test_whitespace_between_nicht_and_the_word_is_skipped():
    assert [t for t, _ in positiv("Das Essen ist nicht  teuer.")] == ["nicht  teuer"]


def test_nicht_in_capitals_is_a_negation_too():
    assert [t for t, _ in positiv("Er ist NICHT krank.")] == ["NICHT krank"]


def test_negation_ending_a_text_without_full_stop():
    """"nicht krank" as the last two words (a list item, a heading): the word after "nicht" is the last."""
    assert [t for t, _ in positiv("Peter ist nicht krank")] == ["nicht krank"]


def test_nicht_not_tagged_as_negation_particle_is_quiet():
    """Only "nicht" tagged PTKNEG is a negation: a tagger that reads it as an adverb reports nothing."""
    words = [("Das", "PDS", "der"), ("ist", "VAFIN", "sein"), ("nicht", "ADV", "nicht"), ("teuer", "ADJD", "teuer"),
             (".", "$.", ".")]
    assert kind_hits("negated_antonym", annotated_doc(words)) == []
    words[2] = ("nicht", "PTKNEG", "nicht")
    assert [text for text, _ in kind_hits("negated_antonym", annotated_doc(words))] == ["nicht teuer"]


def test_nicht_zu_ending_a_text_without_full_stop():
    """"nicht zu spät" as the last three words: the word after "zu" is the last one and still looked up."""
    assert positiv("Bitte kommen Sie nicht zu spät") == \
        [("nicht zu spät", "Schreiben Sie „pünktlich“ statt „nicht zu spät“.")]


def test_nicht_zu_without_an_opposite_does_not_end_the_sentence():
    """A "nicht zu" with no entry is skipped; a later negation in the same sentence is still reported."""
    assert [t for t, _ in positiv("Er kommt nicht zu oft und ist nicht krank.")] == ["nicht krank"]


def test_comparison_with_als_ending_a_text_is_quiet():
    """"als" as the very last word (a cut-off line of a table) still makes it a comparison."""
    assert positiv("Die Miete ist nicht teurer als") == []


def test_a_negation_without_target_does_not_end_the_sentence():
    """"nicht und" (no word with an opposite after it) is skipped; the next "nicht krank" is reported."""
    assert [t for t, _ in positiv("Er arbeitet nicht und ist nicht krank.")] == ["nicht krank"]


def test_a_word_without_opposite_does_not_end_the_sentence():
    """"nicht müde" has no entry in gegenteile.yml; the next "nicht krank" of the sentence is reported."""
    assert [t for t, _ in positiv("Er ist nicht müde und nicht krank.")] == ["nicht krank"]
