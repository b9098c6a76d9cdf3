"""rules/kinds/verbforms.py: the verb forms the Präteritum and Konjunktiv-I checks compare with,
one named behaviour per test (docs/quality.md, "Mutation testing")."""

from __future__ import annotations

import pytest

from einfach.rules.kinds.verbforms import verb_forms


def test_forms_of_a_weak_verb_in_ablaut_person_order():
    forms = verb_forms("kaufen")
    assert forms.present == ("kaufe", "kaufst", "kauft", "kaufen", "kauft", "kaufen")
    assert forms.preterite == ("kaufte", "kauftest", "kaufte", "kauften", "kauftet", "kauften")
    assert forms.konjunktiv1 == ("kaufe", "kaufest", "kaufe", "kaufen", "kaufet", "kaufen")
    assert forms.perfect == ("habe gekauft", "hast gekauft", "hat gekauft", "haben gekauft", "habt gekauft",
                             "haben gekauft")
    assert forms.participle == "gekauft"


def test_separable_verb_forms_lose_their_particle_and_are_lowercase():
    """"rief an" -> "rief": the finite verb alone, as the tagger sees it in the sentence."""
    forms = verb_forms("anrufen")
    assert forms.present[2] == "ruft"
    assert forms.preterite[2] == "rief"
    assert forms.konjunktiv1[2] == "rufe"
    assert forms.perfect[2] == "hat angerufen"


def test_auxiliary_corrected_from_the_data_file_in_every_person():
    """ablaut conjugates "bekommen" with "sein"; rules/data/hilfsverben.yml says "haben"."""
    assert verb_forms("bekommen").perfect == ("habe bekommen", "hast bekommen", "hat bekommen", "haben bekommen",
                                              "habt bekommen", "haben bekommen")


def test_auxiliary_sein_from_the_data_file():
    assert verb_forms("passieren").perfect[2] == "ist passiert"


@pytest.mark.parametrize("lemma", ["Kaufen", "kauf3n", "kaufe", "", "Haus"])
def test_no_forms_for_what_is_no_lowercase_infinitive(lemma):
    assert verb_forms(lemma) is None
