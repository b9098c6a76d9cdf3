"""Advice that fits (issue 17): the kinds of wrong suggestion the fifth blind review found
(`eval/review/suggestions-5-verdicts.jsonl`), each pinned by the behaviour it names. A suggestion
is concrete and fitting for its sentence, or absent; a false alarm is removed at its cause."""

from __future__ import annotations

import pytest

LETTER = "Sehr geehrte Frau Muster,\n\n"


def _of(check_text, rule: str, text: str):
    return [f for f in check_text(text).findings if f.rule == rule]


def _advice(check_text, rule: str, text: str, word: str) -> list[str]:
    found = [f for f in _of(check_text, rule, text) if word in f.text]
    assert found, f"no {rule} finding on {word!r}"
    return found[0].suggestions


# -- amtsdeutsch: „Unterrichtung“ is „Information“ only where it informs --------------------------

@pytest.mark.parametrize("text", [
    "Die Eltern werden zur inklusiven Unterrichtung in der Regelschule beraten.",
    "Es gibt Formen der gemeinsamen Erziehung und Unterrichtung von Kindern an verschiedenen Orten.",
    "Inklusive Unterrichtung",
])
def test_unterrichtung_as_teaching_gets_no_information(check_text, text):
    assert _advice(check_text, "amtsdeutsch", text, "Unterrichtung") == []


@pytest.mark.parametrize("text", [
    "Die Unterrichtung über Ihre Rechte steht auf der Rückseite.",
    LETTER + "Wir senden Ihnen dieses Schreiben zur Unterrichtung der Beteiligten.",
])
def test_unterrichtung_as_informing_gets_information(check_text, text):
    assert _advice(check_text, "amtsdeutsch", text, "Unterrichtung") == ["Schreiben Sie stattdessen „Information“."]


# -- false alarms removed at their cause ---------------------------------------------------------

def test_the_noun_mangel_in_the_genitive_is_not_the_preposition_mangels(check_text):
    text = "Für technische Fragen (zum Beispiel das Vorliegen eines Mangels) ist ein Sachverständiger nötig."
    assert not [f for f in _of(check_text, "amtsdeutsch", text) if f.text.lower() == "mangels"]


@pytest.mark.parametrize("text", [
    "Mangels ausreichender Unterlagen können wir nicht entscheiden.",
    "Wir lehnen den Antrag mangels Nachweisen ab.",
])
def test_the_preposition_mangels_is_still_found(check_text, text):
    assert [f for f in _of(check_text, "amtsdeutsch", text) if f.text.lower() == "mangels"]


def test_laut_before_a_survey_is_everyday_german(check_text):
    text = "Viele Eltern wünschen sich laut Umfrage mehr Angebote für ihre Kinder."
    assert not [f for f in _of(check_text, "amtsdeutsch", text) if f.text.lower() == "laut"]


@pytest.mark.parametrize("text", ["Laut Gesetz müssen Sie den Pass vorlegen.", "Laut Ihrem Schreiben sind Sie umgezogen."])
def test_laut_before_a_law_or_a_letter_is_still_found(check_text, text):
    assert [f for f in _of(check_text, "amtsdeutsch", text) if f.text.lower() == "laut"]


def test_antrag_stellen_without_what_is_applied_for_is_not_reported(check_text):
    text = "Beim Programm ist es möglich, den Antrag ohne eine finanzierende Hausbank zu stellen."
    assert not _of(check_text, "funktionsverbgefuege", text)


@pytest.mark.parametrize("text", [
    "Sie haben am 2. September einen Antrag auf Einbürgerung gestellt.",
    "Bitte stellen Sie einen Antrag für die Unterstützung.",
])
def test_antrag_stellen_with_what_is_applied_for_is_reported(check_text, text):
    assert _of(check_text, "funktionsverbgefuege", text)


# -- the first alternative fits the sense --------------------------------------------------------

def test_erwerb_of_a_degree_is_not_bought(check_text):
    text = "Der Bildungsgang führt zusätzlich zum Erwerb der allgemeinen Hochschulreife zu einem Abschluss."
    advice = _advice(check_text, "amtsdeutsch", text, "Erwerb")
    assert advice and "kaufen" not in advice[0]


def test_erwerb_of_land_may_be_bought(check_text):
    advice = _advice(check_text, "amtsdeutsch", "Der Erwerb eines Grundstücks kostet Steuern.", "Erwerb")
    assert advice == ["Schreiben Sie stattdessen „kaufen“ oder „bekommen“."]


def test_massgeblich_means_decisive_not_important(check_text):
    text = "Falls es mehrere Testamente gibt, ist das zuletzt errichtete maßgeblich."
    assert _advice(check_text, "amtsdeutsch", text, "maßgeblich") == ["Schreiben Sie stattdessen „entscheidend“."]


def test_betreffend_after_an_article_points_back(check_text):
    # no „zu“; and no „diesem Gebiet“ either, which would stand for the marked word alone and leave
    # „dem diesem Gebiet Gebiet“ (tenth blind review, S054: tests/test_advice_review10.py)
    text = "Wenn Sie aus dem betreffenden Gebiet wegziehen, geben Sie den Ausweis zurück."
    assert _advice(check_text, "amtsdeutsch", text, "betreffenden") == []


def test_in_diesem_falle_is_not_wenn(check_text):
    text = "In diesem Falle unterschreiben alle Bewohner den Mietvertrag."
    assert _advice(check_text, "amtsdeutsch", text, "Falle") == ["Schreiben Sie stattdessen „in diesem Fall“."]


def test_two_numbers_joined_by_beziehungsweise_get_no_oder(check_text):
    text = "Patienten, die in den letzten fünf beziehungsweise zehn Jahren jährlich beim Zahnarzt waren, erhalten einen Bonus."
    assert _advice(check_text, "amtsdeutsch", text, "beziehungsweise") == []


# -- an explanation is true wherever the term is reported ------------------------------------------

def test_zwangsgeld_explanation_fits_a_court_order_against_a_debtor(check_text):
    text = "Das Gericht kann den Schuldner auf Antrag des Gläubigers mit Zwangsgeld anhalten."
    advice = _advice(check_text, "seltenes-wort", text, "Zwangsgeld")
    explanation = advice[0].split(": ", 1)[1]
    assert "Bescheid" not in explanation and " Sie " not in explanation


# -- nominalstil: lexicalised nouns are not nominal style ------------------------------------------

def test_regulations_and_glazing_are_not_counted_as_nominal_style(check_text):
    text = ("Zur Sicherstellung der Erfüllung der Anforderungen gibt es Bestimmungen über Wände, Decken "
            "und Verglasungen.")
    for finding in _of(check_text, "nominalstil", text):
        assert "Bestimmungen" not in finding.message and "Verglasungen" not in finding.message


# -- satzklammer: a „wenn“ clause only where the clause after the comma is the main clause ----------

@pytest.mark.parametrize("text", [
    # a second, contrasting part of the condition follows, then the main clause
    "Wird eine nebenberufliche Tätigkeit zwar im Dienst oder im Auftrag eines steuerbegünstigten Vereins "
    "ausgeübt, erfüllt sie jedoch nicht die oben genannten Voraussetzungen, sind die Einnahmen steuerfrei.",
    "Wird eine nebenberufliche Tätigkeit im Dienst oder im Auftrag eines steuerbegünstigten großen Vereins "
    "ausgeübt, erfüllt sie die Voraussetzungen nicht, sind die Einnahmen steuerfrei.",
])
def test_no_wenn_clause_when_the_condition_goes_on_after_the_comma(check_text, text):
    for finding in _of(check_text, "satzklammer", text):
        assert not any("„wenn“" in s for s in finding.suggestions)


def test_wenn_clause_where_the_main_clause_follows_the_comma(check_text):
    text = ("Möchten Sie in Deutschland während Ihres Studiums neben den Vorlesungen eine Arbeit aufnehmen, "
            "brauchen Sie eine Erlaubnis.")
    found = _of(check_text, "satzklammer", text)
    assert found and any("„wenn“" in s for s in found[0].suggestions)


# -- wortlaenge: the hyphen at the main joint ----------------------------------------------------

@pytest.mark.parametrize(("word", "split"), [
    ("Rauchwarnmelderpflicht", "Rauchwarnmelder-Pflicht"),  # not „Rauch-Warnmelderpflicht“
    ("Einkommensteuerpflicht", "Einkommensteuer-Pflicht"),  # not „Einkommen-Steuerpflicht“
    ("Grunderwerbsteuerbescheid", "Grunderwerbsteuer-Bescheid"),  # not „Grund-Erwerbsteuerbescheid“
    # splits that were right stay as they were
    ("Schallschutzisolierermeister", "Schallschutz-Isolierermeister"),
    ("Verwaltungsvollstreckungsverfahren", "Verwaltungs-Vollstreckungs-Verfahren"),
    ("Aufenthaltserlaubnisverlängerung", "Aufenthaltserlaubnis-Verlängerung"),
    ("Hausaufgabenbetreuungsangebot", "Hausaufgaben-Betreuungsangebot"),
    ("Wohngeldberechtigungsnachweis", "Wohngeldberechtigungs-Nachweis"),
])
def test_long_word_is_split_at_its_main_joint(check_text, word, split):
    found = _of(check_text, "wortlaenge", f"Die {word} gilt hier.")
    assert found and f"„{split}“" in found[0].suggestions[0]
