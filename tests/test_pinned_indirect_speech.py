"""rules/kinds/indirect_speech.py (rule ``indirekte-rede``, profile leicht): which forms are Konjunktiv I,
the indicative suggested, and the imperatives and fixed phrases that stay quiet; one named behaviour per
test (docs/quality.md, "Mutation testing")."""

from __future__ import annotations

import pytest
from pinned_support import findings


def indirekte_rede(text: str) -> list[tuple[str, str]]:
    """(marked verb, the indicative part of the suggestion) per finding."""
    return [(f.text, f.suggestions[0].rpartition(": ")[2]) for f in findings("indirekte-rede", text, "leicht")]


@pytest.mark.parametrize(("text", "verb", "indicative"), [
    ("Sie sagt, die Kinder seien krank.", "seien", "„sind“ statt „seien“."),
    ("Er sagt, er habe keine Zeit.", "habe", "„hat“ statt „habe“."),
    ("Er sagt, sie könne kommen.", "könne", "„kann“ statt „könne“."),
    ("Er sagt, es gebe Geld.", "gebe", "„gibt“ statt „gebe“."),
    ("Er sagt, er werde kommen.", "werde", "„wird“ statt „werde“."),
    ("Er sagt, sie kaufe Brot.", "kaufe", "„kauft“ statt „kaufe“."),
    ("Er sagt, sie rufe morgen an.", "rufe", "„ruft“ statt „rufe“."),
    ("Er sei krank.", "sei", "„ist“ statt „sei“."),
])
def test_konjunktiv_one_and_the_indicative_of_its_person(text, verb, indicative):
    assert indirekte_rede(text) == [(verb, indicative)]


def test_message_and_suggestion_text():
    (found,) = findings("indirekte-rede", "Er sagt, er habe keine Zeit.", "leicht")
    assert found.message == "Indirekte Rede: „habe“ ist Konjunktiv I und in Leichter Sprache schwer zu verstehen"
    assert found.suggestions == ["Schreiben Sie wörtliche Rede („Er sagt: Ich habe …“) oder die Wirklichkeitsform: "
                                 "„hat“ statt „habe“."]


def test_one_finding_per_clause():
    assert [verb for verb, _ in indirekte_rede("Er sagt, er sei krank und sie sei müde.")] == ["sei"]


def test_each_clause_reported():
    assert [verb for verb, _ in indirekte_rede("Er sagt, er sei krank, sie sei müde.")] == ["sei", "sei"]


@pytest.mark.parametrize(("text", "why"), [
    ("Ich habe keine Zeit.", "first person: indicative"),
    ("Habe keine Angst!", "opens its clause: an imperative"),
    ("Seien Sie vorsichtig.", "imperative with Sie"),
    ("Sei leise!", "imperative"),
    ("Sei still!", "imperative"),
    ("Seid leise!", "imperative plural"),
    ("Sei", "alone"),
    ("Sie kommt, es sei denn, sie ist krank.", "es sei denn"),
    ("Sei es Geld oder Zeit, wir helfen.", "sei es"),
    ("Gott sei Dank!", "Gott sei Dank"),
    ("Wie dem auch sei, wir helfen.", "wie dem auch sei"),
    ("Wir haben Zeit.", "plural: the same form as the indicative"),
])
def test_forms_that_are_no_indirect_speech_are_quiet(text, why):
    assert indirekte_rede(text) == [], why


def test_a_sentence_without_finite_verb_does_not_end_the_search():
    """"Guten Tag." has no finite verb and is skipped; the next sentence is still read."""
    assert indirekte_rede("Guten Tag. Er sagt, er sei krank.") == [("sei", "„ist“ statt „sei“.")]


@pytest.mark.parametrize(("text", "verb", "indicative"), [
    ("Er sagt, du habest keine Zeit.", "habest", "„hast“ statt „habest“."),
    ("Er sagt, ihr seiet krank.", "seiet", "„seid“ statt „seiet“."),
])
def test_second_person_konjunktiv_one_gets_the_indicative_of_its_own_person(text, verb, indicative):
    assert indirekte_rede(text) == [(verb, indicative)]


def test_konjunktiv_one_before_sie_not_opening_its_clause_is_reported():
    # only a form of "sein" opening its clause before "Sie" is an imperative ("Seien Sie ...")
    assert indirekte_rede("Er sagt, morgen komme sie.") == [("komme", "„kommt“ statt „komme“.")]
