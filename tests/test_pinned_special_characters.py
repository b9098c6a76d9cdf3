"""rules/kinds/special_characters.py (rule ``sonderzeichen``, profile leicht): which signs are reported,
the problem the message names and the replacement it suggests; one named behaviour per test
(docs/quality.md, "Mutation testing")."""

from __future__ import annotations

import pytest
from pinned_support import findings, kind_on_words, texts

from einfach.errors import RuleFileError

SLASH = "Schreiben Sie „und“, „oder“ oder „pro“ – je nachdem, was gemeint ist."


def sonderzeichen(text: str, **parameters) -> list[tuple[str, str, str]]:
    """(marked text, problem named in the message, suggestion) per finding."""
    return [(f.text, f.message.partition(" ist ")[2], f.suggestions[0])
            for f in findings("sonderzeichen", text, "leicht", **parameters)]


def test_ampersand_standing_alone_suggests_und():
    assert sonderzeichen("Bitte bringen Sie Pass & Meldebescheinigung mit.") == \
        [("&", "das Zeichen „&“", "Schreiben Sie „und“.")]


def test_ampersand_inside_a_name_is_quiet():
    assert sonderzeichen("Wir kaufen Kleidung bei H&M.") == []


def test_semicolon_suggests_two_sentences():
    assert sonderzeichen("Der Termin ist am Montag; bitte kommen Sie pünktlich.") == \
        [(";", "ein Semikolon", "Schreiben Sie einen Punkt: Machen Sie zwei Sätze daraus.")]


def test_slash_between_two_words():
    assert sonderzeichen("Sie können uns anrufen und/oder schreiben.") == [("/", "ein Schrägstrich", SLASH)]


def test_slash_before_a_word_carrying_the_full_stop():
    """"km/h." : the tokenizer may keep the full stop on "h."; it is still a word."""
    assert texts("sonderzeichen", "Er fährt 50 km/h.", "leicht") == ["/"]


@pytest.mark.parametrize(("text", "why"), [
    ("Im Schuljahr 2023/24 gibt es neue Bücher.", "between numbers"),
    ("/ Montag", "nothing before it"),
    ("Am Montag /", "nothing after it"),
])
def test_slash_not_between_two_words_is_quiet(text, why):
    assert sonderzeichen(text) == [], why


@pytest.mark.parametrize(("text", "pair"), [
    ("Alle Bürger*innen dürfen wählen.", "„Bürgerinnen und Bürger“"),
    ("Alle Lehrer_innen dürfen wählen.", "„Lehrerinnen und Lehrer“"),
    ("Jeder Antragsteller/in darf wählen.", "„Antragstellerin und Antragsteller“"),
    ("Alle LehrerInnen dürfen wählen.", "„Lehrerinnen und Lehrer“"),
    ("Jeder Bürger*in darf wählen.", "„Bürgerin und Bürger“"),
    ("Alle Enkel*innen dürfen kommen.", "„Enkelinnen und Enkel“"),
    ("Alle Christen*innen dürfen kommen.", "„Christeninnen und Christen“"),
])
def test_gender_form_with_a_masculine_base_suggests_both_forms(text, pair):
    (found,) = sonderzeichen(text)
    assert found[1:] == ("eine Gender-Form mit Sonderzeichen", f"Schreiben Sie {pair}.")


def test_gender_form_with_another_base_suggests_both_forms_by_example():
    assert sonderzeichen("Alle Kolleg:innen dürfen wählen.") == \
        [("Kolleg:innen", "eine Gender-Form mit Sonderzeichen",
          "Schreiben Sie beide Formen, zum Beispiel „Kolleginnen und …“.")]


@pytest.mark.parametrize("text", ["Alle Bürger*innen dürfen wählen.", "Jeder Antragsteller/in darf wählen.",
                                  "Alle LehrerInnen dürfen wählen."])
def test_gender_forms_quiet_with_keep(text):
    assert sonderzeichen(text, gender_form="keep") == []


def test_slash_between_words_reported_with_keep():
    assert sonderzeichen("Sie können uns anrufen und/oder schreiben.", gender_form="keep") == \
        [("/", "ein Schrägstrich", SLASH)]


def test_bad_gender_form_names_the_allowed_values():
    with pytest.raises(RuleFileError, match=r"gender_form muss einer der Werte keep, paarform sein"):
        findings("sonderzeichen", "Text.", "leicht", gender_form="stern")


# --- the kind itself, on a Doc from another spaCy pipeline (--model), which keeps "und/oder" one token -----

def _kind_on_words(words: list[str], parameters: dict) -> list[str]:
    _, hits = kind_on_words("special_characters", words, parameters=parameters)
    return [h.values["replacement"] for h in hits]


def test_gender_forms_kept_by_default():
    """The kind's own default is ``keep`` (rules/sonderzeichen.yml sets ``paarform`` for leicht)."""
    assert _kind_on_words(["Alle", "Bürger*innen", "wählen", "."], {}) == []


def test_word_slash_word_as_one_token_is_a_slash():
    assert _kind_on_words(["Sie", "können", "anrufen", "und/oder", "schreiben", "."], {"gender_form": "keep"}) == \
        ["„und“, „oder“ oder „pro“ – je nachdem, was gemeint ist"]


def test_gender_form_with_slash_as_one_token_quiet_with_keep():
    assert _kind_on_words(["Jeder", "Antragsteller/in", "wählt", "."], {"gender_form": "keep"}) == []


def test_gender_form_with_slash_as_one_token_is_a_pair_form_with_paarform():
    assert _kind_on_words(["Jeder", "Antragsteller/in", "wählt", "."], {"gender_form": "paarform"}) == \
        ["„Antragstellerin und Antragsteller“"]


def test_slash_between_one_letter_words():
    """"X/Y" (axis labels, sizes): a word of one letter is a word, also the letter X."""
    assert _kind_on_words(["Achsen", "X", "/", "Y", "."], {"gender_form": "keep"}) == \
        ["„und“, „oder“ oder „pro“ – je nachdem, was gemeint ist"]
