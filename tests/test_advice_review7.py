"""Advice that fits (issue 17): the kinds of wrong suggestion the seventh blind review found
(`eval/review/suggestions-7-verdicts.jsonl`), each pinned by the behaviour it names. A suggestion
is concrete and fitting for its sentence, or absent; a false alarm is removed at its cause."""

from __future__ import annotations

import pytest
from review_support import findings_about as _about, findings_of as _of


# -- amtsdeutsch „im Sinne“: „nach“ only before a law, a § or a rule word -------------------------

@pytest.mark.parametrize("text", [
    "Im Sinne der Vorbeugung berät die Ärztin auch die Eltern.",
    "Bei älteren Menschen treten eher Probleme im Sinne einer Abhängigkeit auf.",
])
def test_in_the_sense_of_a_purpose_gets_no_nach(check_text, text):
    (found,) = _about(check_text, "amtsdeutsch", text, "im Sinne")
    assert found.suggestions == []


def test_in_the_sense_of_a_law_gets_nach(check_text):
    text = "Sie sind ein Angehöriger im Sinne des § 30a des Gesetzes."
    (found,) = _about(check_text, "amtsdeutsch", text, "im Sinne")
    assert "„nach“" in found.suggestions[0]


# -- amtsdeutsch „aus Gründen“: „Aus diesen Gründen“ is everyday German ---------------------------

def test_for_these_reasons_is_no_finding(check_text):
    text = "Aus diesen Gründen muss der Eigentümer das dulden."
    assert not any("gründen" in f.text.lower() for f in _of(check_text, "amtsdeutsch", text))


def test_for_reasons_of_safety_is_still_found(check_text):
    text = "Aus Gründen der Sicherheit ist der Eingang geschlossen."
    assert any("gründen" in f.text.lower() for f in _of(check_text, "amtsdeutsch", text))


# -- amtsdeutsch: wrong senses get no suggestion ----------------------------------------------------

def test_vorrangig_as_an_adjective_gets_no_zuerst(check_text):
    text = "Der Nachbar muss die Vorschriften anderer vorrangiger Gesetze einhalten."
    (found,) = _about(check_text, "amtsdeutsch", text, "vorrangiger")
    assert found.suggestions == []


def test_vorrangig_as_an_adverb_keeps_zuerst(check_text):
    text = "Wir bearbeiten vorrangig die Anträge von Familien."
    (found,) = _about(check_text, "amtsdeutsch", text, "vorrangig")
    assert "„zuerst“" in found.suggestions[0]


def test_costs_imposed_gets_no_geben(check_text):
    text = "Das Gericht kann dem Kläger nach einem Hinweis Kosten auferlegen."
    (found,) = _about(check_text, "amtsdeutsch", text, "auferlegen")
    assert found.suggestions == []


# -- abkuerzung: an acronym explained in the same sentence is no finding ---------------------------

@pytest.mark.parametrize("text", [
    # the tokenizer keeps "):" together
    "Es gelten die Regeln der Gesetzlichen Unfallversicherung (GUV): Pflichten des Unternehmers.",
    # the long form right after the acronym spells it
    "Quelle: eine Broschüre der DHS Deutsche Hauptstelle für Suchtfragen aus dem Jahr 2017.",
])
def test_acronym_explained_in_the_sentence_is_no_finding(check_text, text):
    assert _of(check_text, "abkuerzung", text) == []


def test_acronym_followed_by_other_words_is_still_found(check_text):
    text = "Bitte melden Sie sich bei der GVS Berlin Mitte."
    assert [f.text for f in _of(check_text, "abkuerzung", text)] == ["GVS"]
