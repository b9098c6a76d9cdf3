"""nlp/syntax.py: clause chunks, word counts, finite verbs, particle verbs and the clause structure the
kinds nesting, sentence_bracket and statements read; on tagged Docs (``pinned_support.tagged_doc``), so
a test does not depend on the tagger; one named behaviour per test (docs/quality.md, "Mutation testing")."""

from __future__ import annotations

import pytest
from pinned_support import annotated_doc, tagged_doc

from einfach.nlp import syntax


def sentence(tagged: str):
    doc = tagged_doc(tagged)
    return doc[0 : len(doc)]


def chunks_of(tagged: str) -> list[list[str]]:
    return [[t.text for t in clause] for clause in syntax.clauses(sentence(tagged))]


def structure(tagged: str) -> list[tuple[str, str | None, int | None, int]]:
    """(chunk text, opener, clause number, depth) per chunk."""
    return [(" ".join(t.text for t in c.tokens), c.opener.text if c.opener is not None else None, c.clause, c.depth)
            for c in syntax.clause_structure(sentence(tagged))]


# --- words and finite verbs -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [("Antrag", True), ("5", True), ("§", False), (",", False),
                                                ("-", False), ("a-", True)])
def test_is_word(text, expected):
    assert syntax.is_word(tagged_doc(f"{text}/XY")[0]) is expected


def test_word_count_leaves_out_punctuation_and_signs():
    assert syntax.word_count(sentence("Nach/APPR §/XY 5/CARD ,/$, Absatz/NN 2/CARD ./$.")) == 4


@pytest.mark.parametrize("tag", ["VVFIN", "VVIMP", "VAFIN", "VAIMP", "VMFIN"])
def test_every_finite_tag_is_a_finite_verb(tag):
    assert syntax.has_finite(sentence(f"Wir/PPER x/{tag} ./$."))


@pytest.mark.parametrize("tag", ["VVINF", "VVPP", "VAINF", "VMINF", "VVIZU", "NN"])
def test_non_finite_tags_are_no_finite_verb(tag):
    assert not syntax.has_finite(sentence(f"Wir/PPER x/{tag} ./$."))


def test_finite_verb_outside_the_sentence_does_not_count():
    doc = tagged_doc("Wir/PPER prüfen/VVFIN ./$. Der/ART Antrag/NN ./$.")
    assert not syntax.has_finite(doc[3:6])
    assert syntax.word_count(doc[3:6]) == 2


# --- clause chunks --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("mark", [",", ";", ":", "–", "—", "--", "(", ")", "-"])
def test_every_clause_break_splits_a_sentence(mark):
    assert chunks_of(f"Wir/PPER prüfen/VVFIN {mark}/$( Sie/PPER warten/VVFIN ./$.") == [
        ["Wir", "prüfen"], ["Sie", "warten", "."]]


def test_a_break_mark_not_tagged_as_punctuation_does_not_split():
    assert chunks_of("Wir/PPER prüfen/VVFIN -/XY Sie/PPER warten/VVFIN ./$.") == [
        ["Wir", "prüfen", "-", "Sie", "warten", "."]]


def test_a_full_stop_is_no_clause_break():
    assert chunks_of("Wir/PPER prüfen/VVFIN ./$. Sie/PPER warten/VVFIN") == [["Wir", "prüfen", ".", "Sie", "warten"]]


def test_breaks_in_a_row_and_at_both_ends_give_no_empty_chunk():
    assert chunks_of(",/$, Wir/PPER prüfen/VVFIN ,/$, (/$( Sie/PPER warten/VVFIN )/$(") == [
        ["Wir", "prüfen"], ["Sie", "warten"]]


def test_spaces_are_left_out_of_chunks():
    doc = annotated_doc([("Wir", "PPER", "wir"), (" ", "_SP", " "), ("prüfen", "VVFIN", "prüfen")])
    assert [[t.text for t in c] for c in syntax.clauses(doc[0:3])] == [["Wir", "prüfen"]]


# --- particle verbs -------------------------------------------------------------------------------------------

def test_particle_joins_its_finite_verb():
    span = sentence("Wir/PPER sehen/VVFIN/sehen davon/PAV ab/PTKVZ ./$.")
    assert syntax.particle_verbs(span) == {1: "absehen", 3: "absehen"}


def test_particle_joins_an_imperative():
    assert syntax.particle_verbs(sentence("Rufen/VVIMP/rufen Sie/PPER an/PTKVZ ./$.")) == {0: "anrufen", 2: "anrufen"}


def test_particle_joins_the_nearest_finite_verb_before_it():
    span = sentence("Wir/PPER prüfen/VVFIN/prüfen und/KON sehen/VVFIN/sehen davon/PAV ab/PTKVZ ./$.")
    assert syntax.particle_verbs(span) == {3: "absehen", 5: "absehen"}


def test_particle_skips_an_auxiliary_or_a_modal():
    span = sentence("Wir/PPER rufen/VVFIN/rufen Sie/PPER morgen/ADV an/PTKVZ ./$.")
    assert syntax.particle_verbs(span) == {1: "anrufen", 4: "anrufen"}
    assert syntax.particle_verbs(sentence("Wir/PPER werden/VAFIN/werden an/PTKVZ ./$.")) == {}
    assert syntax.particle_verbs(sentence("Wir/PPER können/VMFIN/können an/PTKVZ ./$.")) == {}


@pytest.mark.parametrize("after", [",/$,", "./$.", ";/$,", "-/$("])
def test_particle_skips_a_verb_final_finite_verb(after):
    # "…, weil wir gehen, an": the verb before a break or a full stop ends its own clause
    span = sentence(f"Wir/PPER gehen/VVFIN/gehen {after} an/PTKVZ")
    assert syntax.particle_verbs(span) == {}


def test_particle_skips_a_verb_ending_the_doc():
    doc = tagged_doc("an/PTKVZ Wir/PPER gehen/VVFIN/gehen")
    assert syntax.particle_verbs(doc[0:3]) == {}


def test_particle_skips_a_capitalised_verb_inside_the_sentence():
    span = sentence("Das/ART Sehen/VVFIN/sehen fällt/VVFIN/fallen ab/PTKVZ ./$.")
    assert syntax.particle_verbs(span) == {2: "abfallen", 3: "abfallen"}


def test_particle_joins_a_capitalised_verb_opening_the_sentence():
    assert syntax.particle_verbs(sentence("Sehen/VVFIN/sehen Sie/PPER ab/PTKVZ ./$.")) == {0: "absehen", 2: "absehen"}


def test_particle_without_a_verb_before_it_joins_nothing():
    assert syntax.particle_verbs(sentence("Ab/PTKVZ sehen/VVFIN/sehen wir/PPER ./$.")) == {}


def test_particle_does_not_join_a_verb_of_the_sentence_before():
    doc = tagged_doc("Wir/PPER sehen/VVFIN/sehen es/PPER ./$. Ab/PTKVZ ./$.")
    doc[4].is_sent_start = True
    assert syntax.particle_verbs(doc[4:6]) == {}


def test_particle_lemma_is_lowercased():
    span = sentence("Wir/PPER sehen/VVFIN/Sehen davon/PAV AB/PTKVZ/ab ./$.")
    assert syntax.particle_verbs(span) == {1: "absehen", 3: "absehen"}


def test_lemma_of_joined_lemma_or_lowercased_lemma_or_text():
    doc = annotated_doc([("Wir", "PPER", "Wir"), ("sehen", "VVFIN", "sehen"), ("Ab", "PTKVZ", "")])
    assert syntax.lemma_of(doc[1], {1: "absehen"}) == "absehen"
    assert syntax.lemma_of(doc[0], {1: "absehen"}) == "wir"
    assert syntax.lemma_of(doc[2], {}) == "ab"


# --- subordinate clauses ------------------------------------------------------------------------------------

def test_relative_clause_inside_a_dass_clause_is_one_deeper():
    tagged = ("Wir/PPER wissen/VVFIN ,/$, dass/KOUS die/ART Unterlagen/NN ,/$, die/PRELS Sie/PPER geschickt/VVPP "
              "haben/VAFIN ,/$, nicht/PTKNEG vollständig/ADJD sind/VAFIN ./$.")
    assert structure(tagged) == [
        ("Wir wissen", None, None, 0),
        ("dass die Unterlagen", "dass", 1, 1),
        ("die Sie geschickt haben", "die", 2, 2),
        ("nicht vollständig sind .", None, 1, 1),
    ]


def test_a_chunk_after_a_closed_clause_is_the_main_clause_again():
    tagged = "Wenn/KOUS Sie/PPER kommen/VVFIN ,/$, prüfen/VVFIN wir/PPER ,/$, was/PWS fehlt/VVFIN ./$."
    assert structure(tagged) == [("Wenn Sie kommen", "Wenn", 1, 1), ("prüfen wir", None, None, 0), ("was fehlt .", "was", 2, 1)]


def test_a_chunk_without_verb_continues_the_open_clause():
    tagged = "Wir/PPER wissen/VVFIN ,/$, dass/KOUS der/ART Antrag/NN ,/$, der/ART Bescheid/NN ,/$, fehlt/VVFIN ./$."
    assert structure(tagged) == [("Wir wissen", None, None, 0), ("dass der Antrag", "dass", 1, 1),
                                 ("der Bescheid", None, 1, 1), ("fehlt .", None, 1, 1)]


def test_a_clause_ended_by_a_verb_as_its_last_word():
    tagged = "Wir/PPER wissen/VVFIN ,/$, dass/KOUS wir/PPER prüfen/VVINF ,/$, der/ART Bescheid/NN kommt/VVFIN ./$."
    assert structure(tagged)[2] == ("der Bescheid kommt .", None, None, 0)


def test_a_clause_without_its_verb_stays_open():
    tagged = "Wir/PPER wissen/VVFIN ,/$, dass/KOUS wir/PPER heute/ADV ,/$, der/ART Bescheid/NN kommt/VVFIN ./$."
    assert structure(tagged)[2] == ("der Bescheid kommt .", None, 1, 1)


@pytest.mark.parametrize(("leaders", "opener"), [
    ("so/ADV", "dass"), ("und/KON", "dass"), ("auch/ADV", "dass"), ("ohne/APPR", "dass"), ("als/KOKOM", "dass"),
    ("zu/PTKA", "dass"), ("nicht/PTKNEG", "dass"), ("und/KON auch/ADV", "dass"),
])
def test_kous_after_up_to_two_leading_particles_opens_a_clause(leaders, opener):
    tagged = f"Wir/PPER prüfen/VVFIN ,/$, {leaders} dass/KOUS Sie/PPER warten/VVFIN ./$."
    assert structure(tagged)[1][1:] == (opener, 1, 1)


def test_kous_after_three_leading_words_opens_nothing():
    tagged = "Wir/PPER prüfen/VVFIN ,/$, und/KON so/ADV auch/ADV dass/KOUS Sie/PPER warten/VVFIN ./$."
    assert structure(tagged)[1][1:] == (None, None, 0)


def test_kous_after_another_word_opens_nothing():
    tagged = "Wir/PPER prüfen/VVFIN ,/$, Sie/PPER dass/KOUS warten/VVFIN ./$."
    assert structure(tagged)[1][1:] == (None, None, 0)


def test_kous_opening_the_sentence_opens_a_clause():
    assert structure("Weil/KOUS Sie/PPER warten/VVFIN ,/$, prüfen/VVFIN wir/PPER ./$.")[0] == (
        "Weil Sie warten", "Weil", 1, 1)


def test_koui_with_a_zu_infinitive_opens_a_clause():
    for infinitive in ("das/PDS zu/PTKZU klären/VVINF", "das/PDS abzuklären/VVIZU"):
        tagged = f"Wir/PPER prüfen/VVFIN ,/$, um/KOUI {infinitive} ./$."
        assert structure(tagged)[1][1:] == ("um", 1, 1)


def test_koui_without_a_zu_infinitive_opens_nothing():
    assert structure("Wir/PPER prüfen/VVFIN ,/$, um/KOUI 5/CARD Uhr/NN ./$.")[1][1:] == (None, None, 0)


def test_koui_not_first_opens_nothing():
    tagged = "Wir/PPER prüfen/VVFIN ,/$, und/KON um/KOUI das/PDS zu/PTKZU klären/VVINF ./$."
    assert structure(tagged)[1][1:] == (None, None, 0)


def test_koui_whose_zu_is_its_own_word_only():
    # "ohne zu": the zu-infinitive must come after the KOUI
    tagged = "Wir/PPER prüfen/VVFIN ,/$, ohne/KOUI zu/PTKZU warten/VVINF ./$."
    assert structure(tagged)[1][1:] == ("ohne", 1, 1)


@pytest.mark.parametrize("tag", ["PRELS", "PRELAT", "PWAV", "PWS", "PWAT"])
def test_relative_or_interrogative_after_a_comma_opens_a_clause(tag):
    tagged = f"Wir/PPER prüfen/VVFIN ,/$, deren/{tag} Antrag/NN fehlt/VVFIN ./$."
    assert structure(tagged)[1][1:] == ("deren", 1, 1)


def test_relative_after_a_semicolon_opens_nothing():
    assert structure("Wir/PPER prüfen/VVFIN ;/$, die/PRELS Sie/PPER kennen/VVFIN ./$.")[1][1:] == (None, None, 0)


def test_relative_after_a_preposition_after_a_comma():
    tagged = "Wir/PPER prüfen/VVFIN ,/$, in/APPR dem/PRELS Sie/PPER wohnen/VVFIN ./$."
    assert structure(tagged)[1][1:] == ("dem", 1, 1)


def test_preposition_alone_or_before_another_word_opens_nothing():
    assert structure("Wir/PPER prüfen/VVFIN ,/$, in/APPR ./$.")[1][1:] == (None, None, 0)
    assert structure("Wir/PPER prüfen/VVFIN ,/$, in/APPR dem/ART Haus/NN ./$.")[1][1:] == (None, None, 0)


def test_interrogative_with_its_verb_opens_a_clause():
    assert structure("Wir/PPER prüfen/VVFIN ,/$, wie/PWAV folgt/VVFIN ./$.")[1][1:] == ("wie", 1, 1)


def test_interrogative_without_a_verb_opens_nothing():
    assert structure("Wir/PPER prüfen/VVFIN ,/$, wie/PWAV oben/ADV ./$.")[1][1:] == (None, None, 0)


def test_interrogative_with_a_verb_as_its_last_word_opens_a_clause():
    assert structure("Wir/PPER prüfen/VVFIN ,/$, wie/PWAV wir/PPER vorgehen/VVINF ./$.")[1][1:] == ("wie", 1, 1)


@pytest.mark.parametrize("words", ["möglich/ADJD", "unbedingt/ADV nötig/ADJD"])
def test_elliptical_chunk_opens_nothing(words):
    assert structure(f"Wir/PPER kommen/VVFIN ,/$, wenn/KOUS {words} ./$.")[1][1:] == (None, None, 0)


def test_chunk_of_four_words_without_verb_opens_a_clause():
    tagged = "Wir/PPER kommen/VVFIN ,/$, wenn/KOUS heute/ADV und/KON morgen/ADV ./$."
    assert structure(tagged)[1][1:] == ("wenn", 1, 1)


@pytest.mark.parametrize("word", ["Unterlagen/NN", "Berlin/NE", "Sie/PPER", "das/PDS", "alle/PIS", "sich/PRF",
                                  "Ihres/PPOSS", "geht/VVFIN"])
def test_short_chunk_with_a_verb_noun_or_pronoun_opens_a_clause(word):
    assert structure(f"Wir/PPER wissen/VVFIN ,/$, dass/KOUS {word} ./$.")[1][1:] == ("dass", 1, 1)


def test_closes_on_a_finite_verb_anywhere():
    tagged = "Wir/PPER wissen/VVFIN ,/$, dass/KOUS Sie/PPER kommen/VVFIN ,/$, morgen/ADV ./$."
    assert structure(tagged)[2] == ("morgen .", None, None, 0)


def test_depth_counts_clauses_still_open():
    tagged = ("Wir/PPER wissen/VVFIN ,/$, dass/KOUS die/ART Frau/NN ,/$, die/PRELS den/ART Antrag/NN ,/$, "
              "den/PRELS Sie/PPER kennen/VVFIN ,/$, stellte/VVFIN ,/$, kommt/VVFIN ./$.")
    assert [row[2:] for row in structure(tagged)] == [(None, 0), (1, 1), (2, 2), (3, 3), (2, 2), (1, 1)]


def test_chunk_records_the_break_before_it():
    chunks = syntax.clause_structure(sentence("Wir/PPER prüfen/VVFIN ;/$, Sie/PPER warten/VVFIN ,/$, gut/ADJD"))
    assert [c.break_before for c in chunks] == ["", ";", ","]
    assert [c.subordinate for c in chunks] == [False, False, False]


# --- after the first mutation run (docs/mutation/syntax.py.survivors.md) ------------------------------------

def test_particle_does_not_join_the_nearest_verb_when_it_is_capitalised_inside_the_sentence():
    assert syntax.particle_verbs(sentence("Das/ART Sehen/VVFIN/sehen ab/PTKVZ")) == {}


def test_a_preposition_alone_after_a_comma_opens_nothing():
    assert structure("Wir/PPER prüfen/VVFIN ,/$, in/APPR")[1][1:] == (None, None, 0)


def test_interrogative_without_a_verb_but_with_a_noun_opens_nothing():
    assert structure("Wir/PPER prüfen/VVFIN ,/$, wie/PWAV im/APPRART Antrag/NN ./$.")[1][1:] == (None, None, 0)


def test_a_clause_closes_on_its_finite_verb_before_other_words():
    tagged = "Wir/PPER wissen/VVFIN ,/$, dass/KOUS Sie/PPER kommen/VVFIN heute/ADV ,/$, morgen/ADV ./$."
    assert structure(tagged)[2] == ("morgen .", None, None, 0)


def test_a_clause_closes_on_a_verb_right_after_its_opener():
    tagged = "Wir/PPER sehen/VVFIN Leute/NN ,/$, die/PRELS kommen/VVFIN ,/$, und/KON gehen/VVFIN ./$."
    assert structure(tagged) == [("Wir sehen Leute", None, None, 0), ("die kommen", "die", 1, 1),
                                 ("und gehen .", None, None, 0)]
