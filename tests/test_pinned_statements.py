"""rules/kinds/statements.py (rule ``aussagen``, profile leicht): how statements are counted from STTS
tags, the limit and the finding; one named behaviour per test (docs/quality.md, "Mutation testing").

The counting is pinned on annotated one-sentence Docs ("word/TAG" pairs), so a test does not depend on
what the tagger makes of a sentence; the rule itself through einfach's pipeline at the end."""

from __future__ import annotations

import pytest
from pinned_support import findings, kind_hits, tagged_doc

from einfach.rules.kinds.statements import count_statements


def count(tagged: str, coordinated_nouns: bool = False) -> int:
    return count_statements(tagged_doc(tagged)[:], coordinated_nouns)


# --- finite verbs -------------------------------------------------------------------------------

def test_one_finite_verb_is_one_statement():
    assert count("Wir/PPER prüfen/VVFIN den/ART Antrag/NN ./$.") == 1


def test_a_second_finite_verb_after_und_is_a_second_statement():
    assert count("Wir/PPER prüfen/VVFIN den/ART Antrag/NN und/KON schicken/VVFIN ihn/PPER ./$.") == 2


def test_a_second_finite_verb_without_conjunction_is_a_tagging_error():
    """"möchten ... ablehnen" with "ablehnen" read as finite: one statement."""
    assert count("Wir/PPER möchten/VMFIN den/ART Antrag/NN ablehnen/VVFIN ./$.") == 1


@pytest.mark.parametrize("tagged", [
    "Wir/PPER prüfen/VVFIN ob/KOUS Sie/PPER kommen/VVFIN ./$.",
    "Das/PDS ist/VAFIN der/ART Antrag/NN den/PRELS Sie/PPER schicken/VVFIN ./$.",
    "Das/PDS ist/VAFIN die/ART Frau/NN deren/PRELAT Antrag/NN fehlt/VVFIN ./$.",
    "Wir/PPER wissen/VVFIN wann/PWAV Sie/PPER kommen/VVFIN ./$.",
    "Wir/PPER wissen/VVFIN was/PWS Sie/PPER brauchen/VVFIN ./$.",
    "Wir/PPER prüfen/VVFIN den/ART Antrag/NN –/XY Sie/PPER warten/VVFIN ./$.",
], ids=["KOUS", "PRELS", "PRELAT", "PWAV", "PWS", "dash"])
def test_a_finite_verb_after_a_clause_opener_without_comma_is_a_second_statement(tagged):
    assert count(tagged) == 2


def test_a_capitalised_verb_inside_the_sentence_is_a_noun():
    """"nach dem Stand" read as a finite verb: no statement of its own."""
    assert count("Nach/APPR dem/ART Stand/VVFIN der/ART Dinge/NN und/KON Fakten/NN ist/VAFIN es/PPER gut/ADJD ./$.") == 1


def test_a_capitalised_verb_opening_the_sentence_is_a_verb():
    assert count("Bringen/VVIMP Sie/PPER den/ART Pass/NN mit/PTKVZ und/KON schicken/VVFIN Sie/PPER ihn/PPER ./$.") == 2


def test_sie_read_as_a_verb_inside_the_sentence_still_counts():
    """The exception for "Sie" in ``_finite``: a capitalised "Sie" inside the sentence is no noun."""
    assert count("Wir/PPER prüfen/VVFIN und/KON Sie/VVFIN ./$.") == 2


# --- subordinate clauses and zu-infinitives -------------------------------------------------------

def test_relative_clause_whose_finite_verb_was_read_as_an_infinitive_counts():
    assert count("Wir/PPER brauchen/VVFIN die/ART Unterlagen/NN ,/$, die/PRELS Sie/PPER schicken/VVINF "
                 "müssen/VMINF ./$.") == 2


def test_subordinate_clause_with_its_own_finite_verb_counts_once():
    assert count("Wir/PPER prüfen/VVFIN den/ART Antrag/NN ,/$, weil/KOUS Sie/PPER umziehen/VVFIN ./$.") == 2


def test_subordinate_clause_over_two_chunks_with_one_finite_verb_counts_once():
    """"dass die Unterlagen, (inserted clause), fehlen": the dass-clause has its finite verb in its second chunk."""
    assert count("Wir/PPER sagen/VVFIN ,/$, dass/KOUS die/ART Unterlagen/NN ,/$, die/PRELS Sie/PPER haben/VAFIN ,/$, "
                 "fehlen/VVFIN ./$.") == 3


def test_zu_infinitive_after_a_comma_is_a_statement():
    assert count("Wir/PPER bitten/VVFIN Sie/PPER ,/$, den/ART Antrag/NN zu/PTKZU schicken/VVINF ./$.") == 2


def test_zu_infinitive_in_one_word_after_a_comma_is_a_statement():
    assert count("Wir/PPER bitten/VVFIN Sie/PPER ,/$, uns/PRF anzurufen/VVIZU ./$.") == 2


def test_zu_infinitive_opening_the_sentence_is_no_extra_statement():
    assert count("Den/ART Antrag/NN zu/PTKZU schicken/VVINF ,/$, ist/VAFIN wichtig/ADJD ./$.") == 1


def test_zu_before_a_word_that_is_no_verb_is_no_infinitive():
    assert count("Wir/PPER bitten/VVFIN Sie/PPER ,/$, zu/PTKZU Hause/NN ./$.") == 1


def test_zu_ending_a_chunk_is_no_infinitive():
    assert count("Wir/PPER bitten/VVFIN Sie/PPER ,/$, bitte/ADV zu/PTKZU ./$.") == 1


def test_zu_infinitive_in_a_chunk_with_a_finite_verb_counts_once():
    assert count("Wir/PPER prüfen/VVFIN ,/$, und/KON Sie/PPER haben/VAFIN nichts/PIS zu/PTKZU tun/VVINF ./$.") == 2


def test_um_zu_clause_counts_once_as_a_subordinate_clause():
    assert count("Wir/PPER brauchen/VVFIN den/ART Pass/NN ,/$, um/KOUI den/ART Antrag/NN zu/PTKZU "
                 "prüfen/VVINF ./$.") == 2


# --- verb groups coordinated without their own finite verb ------------------------------------------

@pytest.mark.parametrize("conjunction", ["und", "oder", "aber", "sowie", "sondern"])
def test_infinitives_coordinated_by_a_conjunction_are_two_statements(conjunction):
    assert count(f"Sie/PPER müssen/VMFIN den/ART Antrag/NN ausfüllen/VVINF {conjunction}/KON "
                 "unterschreiben/VVINF ./$.") == 2


def test_a_conjunction_that_is_no_coordinator_joins_no_statements():
    assert count("Sie/PPER müssen/VMFIN den/ART Antrag/NN ausfüllen/VVINF bzw./KON unterschreiben/VVINF ./$.") == 1


def test_und_not_tagged_as_conjunction_joins_no_statements():
    assert count("Sie/PPER müssen/VMFIN den/ART Antrag/NN ausfüllen/VVINF und/ADV unterschreiben/VVINF ./$.") == 1


@pytest.mark.parametrize(("before", "after"), [
    ("geprüft/VVPP", "abgelehnt/VVPP"),
    ("auszufüllen/VVIZU", "abzugeben/VVIZU"),
    ("sein/VAINF", "warten/VVINF"),
    ("gewesen/VAPP", "zurückgekommen/VVPP"),
    ("können/VMINF", "arbeiten/VVINF"),
    ("arbeiten/VVINF", "können/VMINF"),
])
def test_every_non_finite_form_makes_a_verb_group(before, after):
    assert count(f"Sie/PPER werden/VAFIN das/PDS {before} und/KON {after} ./$.") == 2


def test_a_non_finite_form_on_one_side_only_is_one_statement():
    assert count("Sie/PPER müssen/VMFIN den/ART Antrag/NN ausfüllen/VVINF und/KON schnell/ADJD ./$.") == 1


# --- coordinated nouns (count_coordinated_nouns) -------------------------------------------------------

def test_coordinated_nouns_count_twice_when_asked():
    assert count("Bringen/VVIMP Sie/PPER den/ART Pass/NN und/KON das/ART Foto/NN mit/PTKVZ ./$.", True) == 2


def test_coordinated_nouns_are_one_statement_by_default():
    assert count_statements(tagged_doc("Bringen/VVIMP Sie/PPER den/ART Pass/NN und/KON das/ART Foto/NN mit/PTKVZ ./$.")[:]) == 1


def test_coordinated_names_count_twice_when_asked():
    assert count("Wir/PPER fahren/VVFIN nach/APPR Berlin/NE und/KON Hamburg/NE ./$.", True) == 2


def test_a_noun_more_than_three_words_after_the_conjunction_is_not_coordinated():
    assert count("Bringen/VVIMP Sie/PPER den/ART Pass/NN und/KON ein/ART neues/ADJA großes/ADJA Foto/NN "
                 "mit/PTKVZ ./$.", True) == 1


def test_a_noun_three_words_after_the_conjunction_is_coordinated():
    assert count("Bringen/VVIMP Sie/PPER den/ART Pass/NN und/KON ein/ART neues/ADJA Foto/NN mit/PTKVZ ./$.", True) == 2


def test_conjunction_after_a_word_that_is_no_noun_coordinates_no_nouns():
    assert count("Bringen/VVIMP Sie/PPER den/ART Pass/NN gleich/ADV und/KON das/ART Foto/NN mit/PTKVZ ./$.", True) == 1


def test_conjunction_opening_a_chunk_coordinates_no_nouns():
    assert count("Und/KON Pässe/NN bringen/VVFIN Sie/PPER mit/PTKVZ ./$.", True) == 1


# --- the rule: limit, span, message ---------------------------------------------------------------------

TWO = "Wir/PPER prüfen/VVFIN den/ART Antrag/NN und/KON schicken/VVFIN ihn/PPER ./$."
THREE = "Wir/PPER prüfen/VVFIN ihn/PPER und/KON schicken/VVFIN ihn/PPER und/KON Sie/PPER warten/VVFIN ./$."


def test_two_statements_are_above_the_default_limit_of_one():
    assert kind_hits("statements", tagged_doc(TWO)) == [("Wir prüfen den Antrag und schicken ihn .",
                                                    {"statements": 2, "limit": 1})]


def test_one_statement_is_at_the_default_limit():
    assert kind_hits("statements", tagged_doc("Wir/PPER prüfen/VVFIN den/ART Antrag/NN ./$.")) == []


def test_two_statements_are_at_a_limit_of_two():
    assert kind_hits("statements", tagged_doc(TWO), {"max_statements": 2}) == []


def test_three_statements_are_above_a_limit_of_two():
    assert kind_hits("statements", tagged_doc(THREE), {"max_statements": 2}) == [
        ("Wir prüfen ihn und schicken ihn und Sie warten .", {"statements": 3, "limit": 2})]


def test_count_coordinated_nouns_is_read_from_the_parameters():
    doc = tagged_doc("Bringen/VVIMP Sie/PPER den/ART Pass/NN und/KON das/ART Foto/NN mit/PTKVZ ./$.")
    assert [values for _, values in kind_hits("statements", doc, {"count_coordinated_nouns": True})] == \
        [{"statements": 2, "limit": 1}]


def test_the_rule_leaves_coordinated_nouns_alone_by_default():
    assert kind_hits("statements", tagged_doc("Bringen/VVIMP Sie/PPER den/ART Pass/NN und/KON das/ART Foto/NN mit/PTKVZ ./$.")) \
        == []


def test_finding_marks_the_whole_sentence_and_names_the_count_and_limit():
    (found,) = findings("aussagen", "Wir haben Ihren Antrag geprüft, aber es fehlen noch Unterlagen.", "leicht")
    assert (found.text, found.message) == ("Wir haben Ihren Antrag geprüft, aber es fehlen noch Unterlagen.",
                                           "Satz mit etwa 2 Aussagen (empfohlen: höchstens 1)")


def test_a_quiet_sentence_does_not_end_the_search():
    assert [f.text for f in findings("aussagen", "Wir prüfen den Antrag. Wir prüfen ihn, aber es fehlen Unterlagen.",
                                     "leicht")] == ["Wir prüfen ihn, aber es fehlen Unterlagen."]


def test_zu_ending_a_text_without_full_stop_is_no_infinitive():
    assert count("Wir/PPER bitten/VVFIN Sie/PPER ,/$, bitte/ADV zu/PTKZU") == 1


def test_zu_infinitive_ending_a_text_without_full_stop_is_a_statement():
    assert count("Wir/PPER bitten/VVFIN Sie/PPER ,/$, den/ART Antrag/NN zu/PTKZU schicken/VVINF") == 2


def test_a_non_finite_form_after_the_conjunction_only_is_one_statement():
    """"schnell und genau ausfüllen": two adverbs joined, one verb group."""
    assert count("Sie/PPER müssen/VMFIN den/ART Antrag/NN schnell/ADJD und/KON genau/ADJD ausfüllen/VVINF ./$.") == 1


def test_a_conjunction_before_a_finite_verb_does_not_end_the_search_for_verb_groups():
    """The first "und" starts a clause of its own; the second joins two infinitives after it."""
    assert count("Wir/PPER prüfen/VVFIN und/KON Sie/PPER müssen/VMFIN den/ART Antrag/NN ausfüllen/VVINF und/KON "
                 "unterschreiben/VVINF ./$.") == 3
