"""rules/kinds/genitive_chain.py (rule ``genitivkette``): which determiners make a genitive attribute,
how long a chain must be, what stays quiet (a dative, a name, an association), and the verb and
„von“ rewrites the finding suggests; one named behaviour per test (docs/quality.md, "Mutation testing")."""

from __future__ import annotations

import pytest
from pinned_support import findings


def chains(text: str, **parameters) -> list[tuple[str, str]]:
    """(marked chain, suggestion or "") per finding."""
    return [(f.text, f.suggestions[0] if f.suggestions else "") for f in findings("genitivkette", text, **parameters)]


def test_message_names_the_chain_and_its_length():
    (found,) = findings("genitivkette", "Die Prüfung des Antrags des Ehegatten dauert noch an.")
    assert found.message == "Genitivkette mit 2 Genitiven hintereinander: „Prüfung des Antrags des Ehegatten“"
    assert found.severity == "warning"


def test_one_genitive_is_below_the_limit():
    assert chains("Die Prüfung des Antrags dauert noch an.") == []


def test_one_genitive_is_reported_with_a_limit_of_one():
    assert chains("Die Prüfung des Antrags dauert noch an.", min_chain=1) == [
        ("Prüfung des Antrags",
         "Machen Sie aus „Prüfung“ ein Verb: „den Antrag prüfen“. Oder: "
         "Schreiben Sie „von“ statt des Genitivs: „Prüfung vom Antrag“.")]


@pytest.mark.parametrize(("text", "chain", "advice"), [
    ("Die Prüfung des Antrags des Ehegatten dauert noch an.", "Prüfung des Antrags des Ehegatten",
     "Machen Sie aus „Prüfung“ ein Verb: „den Antrag des Ehegatten prüfen“. Oder: "
     "Schreiben Sie „von“ statt des letzten Genitivs: „Prüfung des Antrags vom Ehegatten“."),
    ("Die Prüfung des Antrags des Ehegatten der Antragstellerin dauert noch an.",
     "Prüfung des Antrags des Ehegatten der Antragstellerin",
     "Machen Sie aus „Prüfung“ ein Verb: „den Antrag des Ehegatten von der Antragstellerin prüfen“. Oder: "
     "Schreiben Sie „von“ statt des letzten Genitivs: „Prüfung des Antrags des Ehegatten von der Antragstellerin“."),
    ("Die Prüfung eines Antrags einer Frau dauert noch an.", "Prüfung eines Antrags einer Frau",
     "Machen Sie aus „Prüfung“ ein Verb: „einen Antrag einer Frau prüfen“. Oder: "
     "Schreiben Sie „von“ statt des letzten Genitivs: „Prüfung eines Antrags von einer Frau“."),
    ("Die Prüfung der Unterlagen der Antragstellerin dauert noch an.", "Prüfung der Unterlagen der Antragstellerin",
     "Machen Sie aus „Prüfung“ ein Verb: „die Unterlagen der Antragstellerin prüfen“. Oder: "
     "Schreiben Sie „von“ statt des letzten Genitivs: „Prüfung der Unterlagen von der Antragstellerin“."),
    ("Die Prüfung des Nachweises ausreichender Kenntnisse dauert noch an.",
     "Prüfung des Nachweises ausreichender Kenntnisse",
     "Machen Sie aus „Prüfung“ ein Verb: „den Nachweis ausreichender Kenntnisse prüfen“. Oder: "
     "Schreiben Sie „von“ statt des letzten Genitivs: „Prüfung des Nachweises von ausreichenden Kenntnissen“."),
    ("Die Prüfung des Antrags unseres Amtes dauert an.", "Prüfung des Antrags unseres Amtes",
     "Machen Sie aus „Prüfung“ ein Verb: „den Antrag unseres Amtes prüfen“. Oder: "
     "Schreiben Sie „von“ statt des letzten Genitivs: „Prüfung des Antrags von unserem Amt“."),
    ("Die Prüfung der Unterlagen unserer Kunden dauert an.", "Prüfung der Unterlagen unserer Kunden",
     "Machen Sie aus „Prüfung“ ein Verb: „die Unterlagen unserer Kunden prüfen“. Oder: "
     "Schreiben Sie „von“ statt des letzten Genitivs: „Prüfung der Unterlagen von unseren Kunden“."),
    ("Die Prüfung der Unterlagen dieser Kunden dauert an.", "Prüfung der Unterlagen dieser Kunden",
     "Machen Sie aus „Prüfung“ ein Verb: „die Unterlagen dieser Kunden prüfen“. Oder: "
     "Schreiben Sie „von“ statt des letzten Genitivs: „Prüfung der Unterlagen von diesen Kunden“."),
])
def test_chain_with_verb_and_von_rewrites(text, chain, advice):
    assert chains(text) == [(chain, advice)]


@pytest.mark.parametrize(("text", "chain", "von"), [
    # a noun of unknown gender: no verb phrase
    ("Die Nutzung des Grundstückes des Nachbarn ist verboten.", "Nutzung des Grundstückes des Nachbarn",
     "„Nutzung des Grundstückes vom Nachbarn“"),
    # a possessive in -er after the head: its accusative is not sure
    ("Die Prüfung Ihres Antrags Ihrer Ehefrau dauert noch an.", "Prüfung Ihres Antrags Ihrer Ehefrau",
     "„Prüfung Ihres Antrags von Ihrer Ehefrau“"),
    ("Die Prüfung dieses Antrags dieses Jahres dauert noch an.", "Prüfung dieses Antrags dieses Jahres",
     "„Prüfung dieses Antrags von diesem Jahr“"),
    ("Die Prüfung keines Antrags keines Mannes dauert an.", "Prüfung keines Antrags keines Mannes",
     "„Prüfung keines Antrags von keinem Mann“"),
    # a name after the last noun is skipped
    ("Die Kopie des Passes der Stadt Musterstadt fehlt.", "Kopie des Passes der Stadt", "„Kopie des Passes von der Stadt“"),
])
def test_chain_with_von_rewrite_only(text, chain, von):
    assert chains(text) == [(chain, f"Schreiben Sie „von“ statt des letzten Genitivs: {von}.")]


def test_name_as_last_attribute_keeps_its_genitive():
    assert chains("Die Prüfung des Antrags der Europäischen Union dauert an.") == [
        ("Prüfung des Antrags der Europäischen Union",
         "Machen Sie aus „Prüfung“ ein Verb: „den Antrag der Europäischen Union prüfen“.")]


@pytest.mark.parametrize(("text", "chain"), [
    ("Im Rahmen der Prüfung des Antrags haben wir Fragen.", "Rahmen der Prüfung des Antrags"),  # "im Rahmen"
    ("Die Verordnung des Sächsischen Staatsministeriums des Innern gilt.",
     "Verordnung des Sächsischen Staatsministeriums des Innern"),  # a name
])
def test_chain_without_a_rewrite_has_no_suggestion(text, chain):
    assert chains(text) == [(chain, "")]


@pytest.mark.parametrize("text", [
    "Das ist der Verein zur Förderung des Schutzes des Lebens e.V. in Berlin.",  # an association's name
    "Er gibt die Kopie des Passes der Behörde unverzüglich.",  # a dative before an adverb
    "Die Prüfung des Antrags dieses Schreiben dauert an.",  # "dieses" before a noun without -s
    "Die Prüfung des Antrags der Bescheid dauert an.",  # "der" before a masculine singular
])
def test_not_a_chain(text):
    assert chains(text) == []
