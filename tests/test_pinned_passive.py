"""rules/kinds/passive.py (rule ``passiv``): the active skeleton each passive gets (the actor named in the
sentence, the actor of the verb lists in a letter, none outside one), the message's problem text, and the
verb lists read from the parameters; one named behaviour per test (docs/quality.md, "Mutation testing").
The detection itself is :mod:`einfach.nlp.passive`'s (tests/test_passive.py)."""

from __future__ import annotations

import pytest
from pinned_support import findings

ADVICE = "Schreiben Sie aktiv und nennen Sie, wer handelt: "
LETTER = "Sehr geehrte Frau Muster,\n\n{}\n\nMit freundlichen Grüßen\nIhre Stadtverwaltung"


def advice(text: str, **parameters) -> list[tuple[str, str]]:
    """(marked text, suggestion without the fixed opening, or "") per finding."""
    return [(f.text, f.suggestions[0].removeprefix(ADVICE) if f.suggestions else "")
            for f in findings("passiv", text, **parameters)]


def test_agent_ich_gets_the_first_person_of_the_verb():
    assert advice("Ihr Antrag wird von mir geprüft.") == [("wird von mir geprüft", "„Ich prüfe …“")]


def test_agent_ich_with_a_separable_verb_gets_its_particle_at_the_end():
    assert advice("Der Antrag wird von mir vorgelegt.") == [("wird von mir vorgelegt", "„Ich lege … vor.“")]


def test_recipient_passive_of_a_verb_without_particle_ends_in_the_ellipsis():
    # „Wir schicken Ihnen …“, not „Wir schicken Ihnen ….“
    assert advice(LETTER.format("Sie bekommen den Bescheid geschickt.")) == [
        ("bekommen den Bescheid geschickt", "„Wir schicken Ihnen …“")]
