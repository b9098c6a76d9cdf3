"""The passiv rule beyond its YAML examples: tenses, quiet cases, suggestions."""

from __future__ import annotations

import pytest


def passives(check_text, text):
    return [f for f in check_text(text).findings if f.rule == "passiv"]


@pytest.mark.parametrize(
    "text",
    [
        "Ihr Antrag wird geprüft.",
        "Ihr Antrag wurde geprüft.",
        "Ihr Antrag ist geprüft worden.",
        "Ihr Antrag war geprüft worden.",
        "Ihr Antrag wird geprüft werden.",
        "Der Antrag muss bis Montag eingereicht werden.",
        "Wir teilen Ihnen mit, dass die Unterlagen nicht vorgelegt wurden.",
        "Ihr Antrag wird, sobald alle Unterlagen vorliegen, geprüft.",
        "Es wird darauf hingewiesen, dass die Frist abläuft.",
        "Sie werden um Rückmeldung gebeten.",
        "Die Gebühr ist innerhalb eines Monats zu zahlen.",
        "Bis Montag sind die folgenden Unterlagen vorzulegen.",
    ],
)
def test_passive_found(check_text, text):
    assert passives(check_text, text), text


@pytest.mark.parametrize(
    "text",
    [
        "Wir werden Ihnen den Bescheid schicken.",
        "Es wird bald kalt.",
        "Ihr Kind wird Schüler der Grundschule.",
        "Die Ausländerbehörde ist am Mittwoch geschlossen.",
        "Sie sind gestern nach Musterstadt gezogen.",
        "Ihre Unterlagen sind vollständig eingegangen.",
        "Sie sind bereit, die Kosten zu tragen.",
        "Wir haben Ihre Unterlagen geprüft und werden bald entscheiden.",
        "Es war schön, mit Ihnen zu sprechen.",
        "Bitte kommen Sie, um den Antrag zu unterschreiben.",
    ],
)
def test_passive_quiet(check_text, text):
    assert not passives(check_text, text), text


def test_span_covers_auxiliary_and_participle(check_text):
    text = "Ihr Antrag wurde gestern abgelehnt."
    (finding,) = passives(check_text, text)
    assert finding.text == "wurde gestern abgelehnt"
    assert text[finding.start : finding.end] == finding.text


def test_agent_from_sentence_is_used(check_text):
    (finding,) = passives(check_text, "Die Unterlagen sind von Ihnen vorzulegen.")
    assert "Sie" in finding.suggestions[0] and "vorlegen" in finding.suggestions[0]
    (finding,) = passives(check_text, "Ihr Antrag wurde von der Ausländerbehörde abgelehnt.")
    assert "„Die Ausländerbehörde hat … abgelehnt.“" in finding.suggestions[0]


def test_suggestion_without_agent_offers_wir_and_sie(check_text):
    (finding,) = passives(check_text, "Ihr Antrag wird geprüft.")
    assert "„Wir prüfen …“" in finding.suggestions[0]


def test_separable_verb_in_suggestion(check_text):
    (finding,) = passives(check_text, "Die Unterlagen sind bis Montag vorzulegen.")
    assert "„Bitte legen Sie … vor.“" in finding.suggestions[0]


def test_request_passive_suggests_bitte(check_text):
    (finding,) = passives(check_text, "Sie werden gebeten, pünktlich zu sein.")
    assert "„Bitte …“" in finding.suggestions[0]
