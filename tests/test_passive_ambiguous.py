"""Participles that look like their infinitive ("beraten", "erhalten") after werden."""

from __future__ import annotations

import pytest


def passives(check_text, text):
    return [f.text for f in check_text(text).findings if f.rule == "passiv"]


@pytest.mark.parametrize(
    "text",
    [
        "Bei der Suche wurden wir kompetent beraten.",  # preterite: no future reading
        "Sie wurden gestern beraten.",
        "Die Unterlagen wurden vollständig erhalten.",
        "Hier wird wirklich gut beraten.",  # no subject: impersonal passive
        "Man wird beraten und bekommt Proben.",  # "man" without an object
        "Sein Vermögen wird auf zehn Milliarden Dollar taxiert -- so heißt es.",  # VVFIN before a dash
    ],
)
def test_participle_found(check_text, text):
    assert passives(check_text, text), text


@pytest.mark.parametrize(
    "text",
    [
        "Wir werden Sie gerne beraten.",  # future tense with an object
        "Man wird Sie beraten.",
        "Sie werden Ihr Geld erhalten.",
        "Morgen wird man sich beraten.",  # reflexive: active
        "Der Ausschuss wird morgen beraten.",  # a subject: future tense
        "Der Ausschuss, der heute tagt, wird morgen beraten.",
        "Sie würden gern beraten.",  # Konjunktiv II + infinitive
        "Sie werden bald Post erhalten und können dann kommen.",
    ],
)
def test_future_stays_quiet(check_text, text):
    assert not passives(check_text, text), text


def test_unambiguous_participle_preferred(check_text):
    text = "Früher wurde dies auch „Aufgebot bestellen“ genannt."
    assert passives(check_text, text) == ["wurde dies auch „Aufgebot bestellen“ genannt"]


# -- issue #17, third step: patterns of the dev2 Amt24 pages -------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Die Wahlleiter werden vom Ministerium berufen.",  # agent phrase: no future reading
        "Die Helfer werden durch die Gemeinde berufen.",
        "Angezeigt wird der Verbrauch auf einer Skala.",  # fronted participle tagged ADJD
        "Die Regel wird mit dem Gesetz (EnEV) 2006 (novelliert 2013) umgesetzt.",  # verb in brackets
    ],
)
def test_dev2_passives_found(check_text, text):
    assert passives(check_text, text), text


@pytest.mark.parametrize(
    "text",
    [
        "Sie werden von uns erfahren, wann der Termin ist.",  # "von" names a source
        "Wir werden von der Stadt beraten und entscheiden dann.",  # first person: a promise
        "Das wird ausgezeichnet schmecken.",  # participle-shaped adverb before an infinitive
        "Er wird den Anforderungen gerecht.",
    ],
)
def test_dev2_lookalikes_stay_quiet(check_text, text):
    assert not passives(check_text, text), text


# -- issue #17, fourth step: patterns of the dev3 Amt24 pages -------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Der Begriff ist dabei wörtlich zu nehmen.",  # "dabei" = in doing so
        # a participle tagged ADJD that closes the first conjunct of "weder … noch"
        "Gründe, die eine Aufhebung rechtfertigen würden, wurden jedoch weder vorgetragen noch sind solche ersichtlich.",
        "Parteien sind dabei nach Möglichkeit zu berücksichtigen.",
        # an enumeration and a bracket between werden and the participle
        "Zunächst werden Daten, zum Beispiel Name, Geburtsdatum und Anschrift sowie Angaben zur "
        "Versicherung, wie die Nummer und der Status (Mitglied, Familienversicherter oder Rentner) gespeichert.",
    ],
)
def test_dev3_passives_found(check_text, text):
    assert passives(check_text, text), text


@pytest.mark.parametrize(
    "text",
    [
        "Wir sind dabei, Ihren Antrag zu prüfen.",  # progressive "dabei sein": active
        "Wir sind gerade dabei Ihren Antrag zu prüfen.",
        "Wir sind noch dabei zu prüfen, ob das geht.",
        "Die Behörde ist nicht in der Lage, im Ausland Maßnahmen einzuleiten.",  # a blocker of three words
        "Er ist darauf aus, Geld zu verdienen.",
    ],
)
def test_dev3_lookalikes_stay_quiet(check_text, text):
    assert not passives(check_text, text), text
