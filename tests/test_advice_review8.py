"""Advice that fits (issue 17): the kinds of wrong suggestion the eighth blind review found
(`eval/review/suggestions-8-verdicts.jsonl`) and the entries audited for the same risk, each pinned
by the behaviour it names. A suggestion is concrete and fitting for its sentence, or absent."""

from __future__ import annotations

import pytest


def _of(check_text, rule: str, text: str):
    return [f for f in check_text(text).findings if f.rule == rule]


def _about(check_text, rule: str, text: str, words: str):
    return [f for f in _of(check_text, rule, text) if f.text.lower() == words.lower()]


# -- amtsdeutsch: an alternative must not blur a legal term -----------------------------------------

@pytest.mark.parametrize(("text", "words"), [
    # enforceable: „gültig“ changes the meaning, „durchsetzbar ausreisepflichtig“ is no German (S070)
    ("Sie sind seit dem 14.03.2023 vollziehbar ausreisepflichtig.", "vollziehbar"),
    # the study follows its rules, „richtig“ is not what the law says (S106)
    ("Die Voraussetzung eines ordnungsgemäßen Studienverlaufs ist nicht erfüllt.", "ordnungsgemäßen"),
    # at an appointment the Anliegen is the matter, not a „Frage“ or a „Wunsch“ (S119)
    ("Bei verspätetem Erscheinen ist eine Bearbeitung Ihres Anliegens nicht möglich.", "Anliegens"),
    # „Leistung“ is the legal word for benefits (S092)
    ("Sofern Sie zum Zeitpunkt der Vornahme der Amtshandlungen Leistungen nach dem SGB II bezogen haben, "
     "entfällt die Gebühr.", "Amtshandlungen"),
    # a remedy is admissible, not „erlaubt“
    ("Die Berufung ist nur zulässig, wenn das Gericht sie zugelassen hat.", "zulässig"),
    ("Der Widerspruch ist unzulässig, weil die Frist abgelaufen ist.", "unzulässig"),
    # a list of kinds of permit: „Erlaubnis“ names another of them
    ("Dafür ist eine Genehmigung, Konzession, Bewilligung oder Zulassung nötig.", "Bewilligung"),
    # a guardian has the right too
    ("Wenn Sie noch nicht volljährig sind, müssen Ihre Erziehungsberechtigten unterschreiben.",
     "Erziehungsberechtigten"),
    # „trotz“ would override the rule that stays in force
    ("Das gilt unbeschadet der Rechte Dritter.", "unbeschadet"),
    # credible is less than proven: beside „nachgewiesen“ no word keeps them apart
    ("Die Fahrten zahlen wir, soweit sie nachgewiesen oder glaubhaft gemacht werden.", "glaubhaft gemacht"),
    # to report a crime, not to pay back
    ("Sie können bei der Polizei auch Strafanzeige erstatten.", "erstatten"),
])
def test_legal_term_gets_only_the_advice(check_text, text, words):
    (found,) = _about(check_text, "amtsdeutsch", text, words)
    assert found.suggestions == []


def test_vollziehbar_is_explained_in_the_message(check_text):
    (found,) = _about(check_text, "amtsdeutsch", "Die Ausreisepflicht ist vollziehbar.", "vollziehbar")
    assert "durchsetzen" in found.message and "gültig" not in found.message


def test_ordnungsgemaess_as_an_adverb_becomes_wie_vorgeschrieben(check_text):
    text = "Die Bauherren müssen ihre Pflichten ordnungsgemäß erfüllen."
    (found,) = _about(check_text, "amtsdeutsch", text, "ordnungsgemäß")
    assert "wie vorgeschrieben erfüllen" in found.suggestions[0]
    assert "richtig" not in found.suggestions[0]


def test_zulaessig_outside_a_remedy_keeps_erlaubt(check_text):
    (found,) = _about(check_text, "amtsdeutsch", "Das zulässige Gesamtgewicht beträgt 3,5 Tonnen.", "zulässige")
    assert "„erlaubt" in found.suggestions[0]


def test_glaubhaft_machen_alone_gets_zeigen_not_belegen(check_text):
    text = "Wer ein rechtliches Interesse glaubhaft macht, darf das Testament einsehen."
    (found,) = _about(check_text, "amtsdeutsch", text, "glaubhaft macht")
    assert "„zeigen“" in found.suggestions[0] and "belegen" not in found.suggestions[0]


@pytest.mark.parametrize(("text", "words", "wrong"), [
    ("Die Beitragspflicht geht nicht auf den Erwerber des Grundstücks über.", "Erwerber", "Besitzer"),
    ("Die Zustellung des Beschlusses erfolgt durch das Gericht.", "Zustellung", "Lieferung"),
    ("Bitte reichen Sie den Vertrag in zweifacher Ausfertigung ein.", "Ausfertigung", "Kopie"),
    ("Sie können gegen das Urteil Rechtsmittel einlegen.", "Rechtsmittel einlegen", "widersprechen"),
])
def test_alternative_that_names_another_legal_thing_is_gone(check_text, text, words, wrong):
    found = [f for f in _of(check_text, "amtsdeutsch", text) if words.split()[0].lower() in f.text.lower()]
    assert found
    assert all(wrong not in suggestion for f in found for suggestion in f.suggestions)
