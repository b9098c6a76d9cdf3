"""rules/kinds/light_verb.py (rule ``funktionsverbgefuege``): the clause checks that keep a noun and a
light verb in one sentence from counting as a Funktionsverbgefüge; one named behaviour per test
(docs/quality.md, "Mutation testing").

Pinned on annotated one-sentence Docs ("word/TAG" or "word/TAG/lemma"), so a test does not depend on
what the tagger makes of a sentence; the rule through einfach's pipeline at the end."""

from __future__ import annotations

import pytest
from pinned_support import findings, kind_hits, tagged_doc


def hits(tagged: str) -> list[str]:
    """The text each hit marks."""
    return [marked for marked, _ in kind_hits("light_verb", tagged_doc(tagged), {"lexicon": "funktionsverben"})]


ANTRAG = "einen/ART/ein Antrag/NN/Antrag auf/APPR Wohngeld/NN/Wohngeld"


def test_noun_and_light_verb_in_one_clause_are_reported():
    assert hits(f"Wir/PPER stellen/VVFIN {ANTRAG} schnell/ADJD ./$.") == ["stellen einen Antrag"]


# --- adjective particles ("stellen Sie sicher" = "sicherstellen") ------------------------------------------

@pytest.mark.parametrize("adjective", ["sicher", "klar", "richtig", "fest", "bereit", "fertig", "frei", "dar",
                                       "zufrieden", "gleich"])
def test_adjective_particle_ending_the_clause_makes_another_verb(adjective):
    assert hits(f"Wir/PPER stellen/VVFIN {ANTRAG} {adjective}/ADJD ./$.") == []


@pytest.mark.parametrize("tag", ["ADV", "PTKVZ"])
def test_adjective_particle_tagged_as_adverb_or_particle_makes_another_verb(tag):
    assert hits(f"Wir/PPER stellen/VVFIN {ANTRAG} gleich/{tag} ./$.") == []


def test_adjective_particle_after_an_imperative_makes_another_verb():
    assert hits(f"Stellen/VVIMP/stellen Sie/PPER/sie {ANTRAG} sicher/ADJD !/$.") == []


def test_adjective_particle_after_an_infinitive_is_no_verb_particle():
    """Only a finite verb (or an imperative) has its particle at the clause's end."""
    assert hits(f"Wir/PPER wollen/VMFIN {ANTRAG} stellen/VVINF gleich/ADV ./$.") == ["Antrag auf Wohngeld stellen"]


def test_adjective_particle_inside_the_clause_is_no_verb_particle():
    assert hits(f"Wir/PPER stellen/VVFIN sicher/ADJD {ANTRAG} ./$.") == ["stellen sicher einen Antrag"]


# --- one clause -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("tag", ["VVFIN", "VAFIN", "VMFIN", "VVINF", "VVIZU", "VVPP", "VAINF", "VMINF", "VVIMP"])
def test_noun_in_a_clause_with_a_verb_of_its_own_is_quiet(tag):
    assert hits(f"Wir/PPER stellen/VVFIN es/PPER so/ADV ,/$, dass/KOUS ein/ART Antrag/NN auf/APPR Wohngeld/NN "
                f"fehlt/{tag}/fehlen ./$.") == []


def test_noun_and_light_verb_in_one_subordinate_clause_are_reported():
    assert hits("Wir/PPER sagen/VVFIN es/PPER so/ADV ,/$, dass/KOUS ein/ART Antrag/NN auf/APPR Wohngeld/NN "
                "gestellt/VVPP/stellen ist/VAFIN ./$.") == ["Antrag auf Wohngeld gestellt"]


def test_noun_in_a_clause_without_a_verb_of_its_own_belongs_to_the_light_verb():
    """"Den Antrag auf Wohngeld, den Sie gestellt haben, …": the noun's chunk has no verb."""
    assert hits("Den/ART/der Antrag/NN auf/APPR Wohngeld/NN ,/$, den/PRELS/der Sie/PPER gestellt/VVPP/stellen "
                "haben/VAFIN ,/$, prüfen/VVFIN wir/PPER ./$.") == ["Antrag auf Wohngeld , den Sie gestellt"]


# --- "kommen"/"bringen" with a purpose phrase -------------------------------------------------------------

@pytest.mark.parametrize(("word", "tag"), [("der", "ART"), ("ihrer", "PPOSAT"), ("dieser", "PDAT"),
                                           ("jeder", "PIAT")])
def test_prepositional_noun_with_an_attribute_before_bringen_is_a_purpose_phrase(word, tag):
    assert hits(f"Zum/APPRART/zu Abschluss/NN/Abschluss {word}/{tag} Prüfung/NN/Prüfung bringen/VVFIN wir/PPER "
                "den/ART Fall/NN ./$.") == []


def test_prepositional_noun_without_an_attribute_before_bringen_is_reported():
    assert hits("Zum/APPRART/zu Abschluss/NN/Abschluss bringen/VVFIN wir/PPER den/ART Fall/NN ./$.") == \
        ["Zum Abschluss bringen"]


def test_prepositional_noun_with_an_attribute_before_kommen_is_a_purpose_phrase():
    assert hits("Zur/APPRART/zu Durchführung/NN/Durchführung einer/ART/ein Anhörung/NN kommt/VVFIN/kommen "
                "das/ART Verfahren/NN ./$.") == []


def test_purpose_phrase_check_is_only_for_kommen_and_bringen():
    assert hits("In/APPR/in Kenntnis/NN/Kenntnis der/ART Lage/NN setzen/VVFIN wir/PPER Sie/PPER ./$.") == \
        ["In Kenntnis der Lage setzen"]


def test_prepositional_noun_ending_the_text_is_reported():
    assert hits("Das/ART Verfahren/NN kommt/VVFIN/kommen zur/APPRART/zu Durchführung/NN/Durchführung") == \
        ["kommt zur Durchführung"]


def test_attribute_ending_the_text_after_the_prepositional_noun_is_a_purpose_phrase():
    assert hits("Das/ART Verfahren/NN kommt/VVFIN/kommen zur/APPRART/zu Durchführung/NN/Durchführung der/ART") == []


# --- genitive attributes ("eine Kopie der Mitteilung") ------------------------------------------------------

PRUEFUNG = "Wir/PPER nehmen/VVFIN/nehmen {} Prüfung/NN/Prüfung vor/PTKVZ ./$."


def test_noun_with_its_light_verb_is_reported():
    assert hits(PRUEFUNG.format("eine/ART/ein")) == ["nehmen eine Prüfung vor"]


@pytest.mark.parametrize("determiner", ["der", "des", "eines", "einer", "ihrer", "ihres", "seiner", "seines",
                                        "unserer", "unseres", "dieser", "dieses", "meiner", "meines", "jener",
                                        "jenes"])
def test_noun_after_another_noun_and_a_genitive_determiner_is_an_attribute(determiner):
    assert hits(PRUEFUNG.format(f"eine/ART Kopie/NN {determiner}/ART")) == []


@pytest.mark.parametrize("between", ["neuen/ADJA", "drei/CARD", "drei/CARD neuen/ADJA"])
def test_adjectives_and_numbers_between_determiner_and_noun_keep_it_an_attribute(between):
    assert hits(PRUEFUNG.format(f"eine/ART Kopie/NN der/ART {between}")) == []


def test_genitive_attribute_of_a_name_is_an_attribute():
    assert hits(PRUEFUNG.format("Meier/NE seiner/PPOSAT")) == []


def test_genitive_determiner_after_a_word_that_is_no_noun_is_no_attribute():
    assert hits(PRUEFUNG.format("gleich/ADV der/ART")) == ["nehmen gleich der Prüfung vor"]


def test_dative_term_after_a_noun_is_no_genitive_attribute():
    """"einer Prüfung unterziehen": "den Antrag einer Prüfung" is the dative the term asks for."""
    assert hits("Wir/PPER unterziehen/VVFIN/unterziehen den/ART Antrag/NN einer/ART/ein Prüfung/NN/Prüfung ./$.") == \
        ["unterziehen den Antrag einer Prüfung"]


# --- "zu ... kommen" with a person as subject is a visit -----------------------------------------------------

@pytest.mark.parametrize(("verb", "person"), [("kommen", "Sie/PPER/sie"), ("kommen", "wir/PPER"), ("komme", "ich/PPER"),
                                              ("kommst", "du/PPER"), ("kommt", "ihr/PPER"), ("kommen", "Sie/PRF/sie")])
def test_zur_auszahlung_kommen_with_a_person_as_subject_is_a_visit(verb, person):
    assert hits(f"Zur/APPRART/zu Auszahlung/NN/Auszahlung {verb}/VVFIN/kommen {person} am/APPRART Montag/NN ./$.") == []


def test_zur_auszahlung_kommen_with_a_thing_as_subject_is_reported():
    assert hits("Zur/APPRART/zu Auszahlung/NN/Auszahlung kommen/VVFIN sie/PPER am/APPRART Montag/NN ./$.") == \
        ["Zur Auszahlung kommen"]


def test_person_subject_check_is_only_for_zu_kommen():
    assert hits("Sie/PPER/sie kommen/VVFIN für/APPR die/ART Stelle/NN nicht/PTKNEG in/APPR Betracht/NN/Betracht "
                "./$.") == ["kommen für die Stelle nicht in Betracht"]


# --- through einfach's pipeline ---------------------------------------------------------------------------

def test_bitte_stellen_sie_sicher_dass_is_quiet():
    assert findings("funktionsverbgefuege", "Bitte stellen Sie sicher, dass Ihr Antrag auf Wohngeld vollständig ist.") \
        == []


def test_finding_names_the_simple_verb():
    (found,) = findings("funktionsverbgefuege", "Die neue Regel kommt ab Januar zur Anwendung.")
    assert (found.text, found.suggestions) == ("kommt ab Januar zur Anwendung",
                                               ["Schreiben Sie das einfache Verb: „gelten“ oder „angewendet werden“."])


def test_genitive_attribute_of_the_first_word_is_an_attribute():
    """"Kopien der Prüfung nehmen wir vor": the noun the attribute belongs to opens the sentence."""
    assert hits("Kopien/NN der/ART Prüfung/NN/Prüfung nehmen/VVFIN/nehmen wir/PPER vor/PTKVZ ./$.") == []


def test_separated_particle_is_not_the_noun_of_the_term():
    """"nehmen es vor, dass die Prüfung fehlt": the noun stands in a clause with its own verb; the particle
    "vor" in the light verb's clause does not make the two one clause."""
    assert hits("Wir/PPER nehmen/VVFIN/nehmen es/PPER vor/PTKVZ ,/$, dass/KOUS die/ART Prüfung/NN/Prüfung "
                "fehlt/VVFIN/fehlen ./$.") == []


def test_noun_read_as_a_verb_is_still_the_noun_of_the_term():
    """A capitalised noun the tagger read as a verb ("Prüfung/VVFIN") keeps its genitive check."""
    assert hits("Wir/PPER nehmen/VVFIN/nehmen eine/ART Kopie/NN der/ART Prüfung/VVFIN/Prüfung vor/PTKVZ ./$.") == []


def test_alternative_fitting_the_sentence_is_chosen_through_the_pipeline():
    # the sense of "in Anspruch nehmen" with a span of time: "dauern", not "nutzen"
    (found,) = findings("funktionsverbgefuege", "Die Prüfung nimmt einige Wochen in Anspruch.")
    assert found.suggestions == ["Schreiben Sie das einfache Verb: „dauern“."]
