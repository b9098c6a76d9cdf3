"""rules/kinds/cross_reference.py (rule ``verweis``, profile leicht): what is a reference, what it marks,
and the problem the message names; one named behaviour per test (docs/quality.md, "Mutation testing")."""

from __future__ import annotations

import pytest
from pinned_support import findings, kind_on_words, texts

REFERENCE = "ein Verweis auf eine andere Stelle im Text"
NOTE = "ein Hinweis auf eine Fußnote"
MARK = "ein Fußnoten-Zeichen"


def verweis(text: str) -> list[str]:
    return texts("verweis", text, "leicht")


def _problem(text: str) -> str:
    (finding,) = findings("verweis", text, "leicht")
    return finding.message.partition(" ist ")[2]


def test_siehe_marks_itself_and_the_word_it_points_to():
    assert verweis("Die Kosten stehen auf Seite 4, siehe Seite 4.") == ["siehe Seite"]


def test_siehe_message_names_a_reference():
    assert _problem("Die Kosten stehen auf Seite 4, siehe Seite 4.") == REFERENCE


@pytest.mark.parametrize("text", ["Das steht in der Tabelle, siehe.", "Mehr dazu siehe"])
def test_siehe_before_punctuation_or_at_the_end_is_quiet(text):
    assert verweis(text) == []


def test_wie_oben_with_a_participle_marks_all_three_words():
    assert verweis("Wie oben erklärt, brauchen Sie einen Pass.") == ["Wie oben erklärt"]


def test_wie_oben_without_a_participle_marks_two_words():
    assert verweis("Die Regeln stehen wie oben.") == ["wie oben"]


def test_weiter_unten_is_a_reference():
    assert verweis("Die Regeln stehen weiter unten.") == ["weiter unten"]
    assert _problem("Die Regeln stehen weiter unten.") == REFERENCE


@pytest.mark.parametrize("text", ["Die Regeln stehen ganz oben.", "Oben steht Ihr Name."])
def test_oben_without_wie_or_weiter_is_quiet(text):
    assert verweis(text) == []


@pytest.mark.parametrize(("text", "word"), [("Mehr dazu steht in den Endnoten.", "Endnoten"),
                                            ("Das steht unter Randnummer 5.", "Randnummer")])
def test_note_words_are_a_note(text, word):
    assert verweis(text) == [word]
    assert _problem(text) == NOTE


def test_superscript_digit_on_a_word_is_a_footnote_mark():
    assert verweis("Das Geld¹ bekommen Sie jeden Monat.") == ["Geld¹"]
    assert _problem("Das Geld¹ bekommen Sie jeden Monat.") == MARK


def test_superscript_digit_standing_alone_is_quiet():
    assert verweis("Das Geld ¹ bekommen Sie jeden Monat.") == []


def test_star_glued_to_a_word_is_a_footnote_mark():
    assert verweis("Der Preis* gilt nur für Kinder.") == ["Preis*"]
    assert _problem("Der Preis* gilt nur für Kinder.") == MARK


@pytest.mark.parametrize("text", ["Der Preis * gilt nur für Kinder.", "Der Preis 5* gilt nur für Kinder.",
                                  "Der Preis *gilt nur für Kinder."])
def test_star_not_glued_to_a_word_or_not_followed_by_a_space_is_quiet(text):
    assert verweis(text) == []


def test_bracketed_number_is_a_template_placeholder_in_einfachs_pipeline():
    """einfach's token merger reads "[2]" as a placeholder of a letter template ("[Name]"): quiet."""
    assert verweis("Die Kosten [2] sind hoch.") == []


# --- the kind on a Doc from another spaCy pipeline (--model), which keeps "[", "2", "]" and "Preis*" --------

def _kind_on_words(words: list[str], spaces: list[bool] | None = None) -> list[str]:
    doc, hits = kind_on_words("cross_reference", words, spaces)
    return [doc[h.start : h.end].text for h in hits]


def test_number_in_square_brackets_after_a_word_is_a_footnote_mark():
    assert _kind_on_words(["Die", "Kosten", "[", "2", "]", "sind", "hoch", "."],
                          [True, True, False, False, True, True, False, False]) == ["[2]"]


@pytest.mark.parametrize(("words", "why"), [
    (["[", "2", "]", "Die", "Kosten", "."], "at the start: no word before it"),
    (["Kosten", ",", "[", "2", "]", "sind", "."], "after punctuation"),
    (["Die", "Kosten", "[", "a", "]", "."], "a letter, not a number"),
    (["Die", "Kosten", "[", "2", ")", "."], "not closed by ]"),
    (["Die", "Kosten", "[", "2"], "the text ends before the ]"),
])
def test_square_brackets_that_are_no_footnote_mark_are_quiet(words, why):
    assert _kind_on_words(words) == [], why


def test_word_ending_in_a_star_as_one_token_is_a_footnote_mark():
    assert _kind_on_words(["Der", "Preis*", "gilt", "."]) == ["Preis*"]


@pytest.mark.parametrize("word", ["a*", "5a*", "**", "a5*", "Ab5*"])
def test_short_or_non_letter_word_with_a_star_as_one_token_is_quiet(word):
    assert _kind_on_words(["Der", word, "gilt", "."]) == []


def test_three_letter_word_with_a_star_as_one_token_is_a_footnote_mark():
    assert _kind_on_words(["Der", "Ab*", "gilt", "."]) == ["Ab*"]


def test_star_glued_to_both_words_is_quiet():
    """"Preis*gilt": a star between two words is no footnote mark (gender forms are the other rule's)."""
    assert _kind_on_words(["Der", "Preis", "*", "gilt", "."], [True, False, False, False, False]) == []


def test_star_opening_the_text_is_quiet():
    assert _kind_on_words(["*", "Der", "Preis", "gilt", "."]) == []


def test_message_quotes_the_marked_words():
    (found,) = findings("verweis", "Die Kosten stehen auf Seite 4, siehe Seite 4.", "leicht")
    assert found.message == f"Verweis: „siehe Seite“ ist {REFERENCE}"


def test_message_quotes_a_one_word_mark():
    (found,) = findings("verweis", "Das Geld¹ bekommen Sie jeden Monat.", "leicht")
    assert found.message == f"Verweis: „Geld¹“ ist {MARK}"


def test_number_in_square_brackets_ending_the_text_is_a_footnote_mark():
    assert _kind_on_words(["Die", "Kosten", "[", "2", "]"], [True, False, False, False, False]) == ["[2]"]
