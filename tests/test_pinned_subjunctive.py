"""rules/kinds/subjunctive.py (rule ``konjunktiv``): which Konjunktiv II forms blur a letter, which stay
quiet (conditions, contrasts, subordinate clauses), reported speech, and the indicative each finding
suggests; one named behaviour per test (docs/quality.md, "Mutation testing")."""

from __future__ import annotations

import pytest
from pinned_support import findings

DIRECT = "Schreiben Sie direkt und in der Wirklichkeitsform: "


def marked(text: str, profile: str = "einfach") -> list[tuple[str, str]]:
    """(marked text, suggestion) per finding."""
    return [(f.text, f.suggestions[0] if f.suggestions else "") for f in findings("konjunktiv", text, profile)]


@pytest.mark.parametrize(("text", "span", "positive"), [
    ("Sollten Sie Fragen haben, rufen Sie uns bitte an.", "Sollten Sie", "„Wenn Sie …“ statt „Sollten Sie …“"),
    ("Sollten Fragen bestehen, rufen Sie uns bitte an.", "Sollten", "„Wenn Sie …“ statt „Sollten Sie …“"),
    ("Rufen Sie uns an, falls Sie Fragen haben sollten.", "sollten",
     "die Bedingung ohne „sollte“, zum Beispiel „falls Sie Fragen haben“ statt „falls Sie Fragen haben sollten“"),
    ("Könnten Sie uns eine Kopie schicken?", "Könnten Sie", "„Bitte …“ – zum Beispiel „Bitte schicken Sie uns …“"),
    ("Würden Sie uns bitte eine Kopie schicken.", "Würden Sie", "„Bitte …“ – zum Beispiel „Bitte schicken Sie uns …“"),
    ("Wären Sie so freundlich, uns eine Kopie zu schicken.", "Wären Sie",
     "„Bitte …“ – zum Beispiel „Bitte schicken Sie uns …“"),
    ("Wir würden Sie bitten, den Pass mitzubringen.", "würden Sie bitten", "„Bitte …“ statt „Wir würden Sie bitten …“"),
    ("Wir würden uns das gern ansehen.", "würden uns das gern ansehen", "„Wir möchten …“ statt „Wir würden gern …“"),
    ("Wir würden den Antrag ablehnen.", "würden den Antrag ablehnen", "„Wir lehnen … ab“ statt „Wir würden … ablehnen“"),
    ("Wir würden uns den Antrag ansehen.", "würden uns den Antrag ansehen",
     "„Wir sehen uns … an“ statt „Wir würden … ansehen“"),
    ("Sie würden den Antrag ablehnen.", "würden den Antrag ablehnen", "„Sie lehnen … ab“ statt „Sie würden … ablehnen“"),
    ("Er würde den Antrag ablehnen.", "würde den Antrag ablehnen",
     "die Wirklichkeitsform von „ablehnen“ statt „würde … ablehnen“"),
    ("Es wäre zu beachten, dass die Frist am Freitag endet.", "wäre zu beachten",
     "„Bitte beachten Sie …“ oder „Sie müssen …“"),
    ("Sie hätten den Pass vorzulegen.", "hätten den Pass vorzulegen", "„Bitte beachten Sie …“ oder „Sie müssen …“"),
    ("Wir wären Ihnen dankbar, wenn Sie den Pass schicken.", "wären Ihnen dankbar",
     "„Bitte …“ statt „Wir wären Ihnen dankbar, wenn Sie …“"),
    ("Wir wären Ihnen sehr verbunden.", "wären Ihnen sehr verbunden",
     "„Bitte …“ statt „Wir wären Ihnen dankbar, wenn Sie …“"),
    ("Sie müssten noch den Pass vorlegen.", "müssten", "„müssen“ statt „müssten“, wenn es gilt"),
    ("Ich müsste noch den Pass prüfen.", "müsste", "„muss“ statt „müsste“, wenn es gilt"),
    ("Das dürfte bekannt sein.", "dürfte", "eine klare Aussage statt „dürfte“: „ist“, „wird“ oder „ist wahrscheinlich“"),
])
def test_hedging_form_and_its_indicative(text, span, positive):
    assert marked(text) == [(span, f"{DIRECT}{positive}.")]


@pytest.mark.parametrize(("text", "span", "positive"), [
    ("Sie gaben an, Sie seien arbeitslos.", "seien", "„Sie haben uns gesagt: …“ oder „sind“ statt „seien“"),
    ("Ihr Arbeitgeber teilte mit, Sie hätten gekündigt.", "hätten",
     "„Ihr Arbeitgeber hat uns gesagt: …“ oder „haben“ statt „hätten“"),
    ("Die Arbeitgeber teilten mit, Sie hätten gekündigt.", "hätten",
     "„Die Arbeitgeber haben uns gesagt: …“ oder „haben“ statt „hätten“"),
    ("Sie sagten, es gebe keine Arbeit.", "gebe", "„Sie haben uns gesagt: …“ oder „gibt“ statt „gebe“"),
])
def test_reported_speech_gets_direct_speech_or_the_indicative(text, span, positive):
    assert marked(text) == [(span, f"{DIRECT}{positive}.")]


def test_message_names_the_form_and_the_problem():
    (found,) = findings("konjunktiv", "Das dürfte bekannt sein.")
    assert found.message == ("Konjunktiv: „dürfte“ – der Konjunktiv macht unklar, ob etwas gilt oder nur "
                             "vielleicht gilt.")


@pytest.mark.parametrize("text", [
    "Wenn Sie gründen wollen, sollten Sie vorher überlegen, was Sie brauchen.",  # after a subordinate clause
    "Rufen Sie uns an, falls Sie Fragen haben.",  # no "sollte"
    "Könnten Sie uns eine Kopie schicken, wäre das gut.",  # a condition, no request
    "Der Antrag würde angedroht werden.",  # a passive
    "Das ist eine Lösung, die mit Kosten verbunden wäre.",  # "verbunden" before the verb
    "Wir würden gern helfen, aber es geht nicht.",  # a contrast
    "Wir müssten sonst den Antrag ablehnen.",  # a condition word
])
def test_quiet(text):
    assert marked(text) == []
