"""rules/kinds/nesting.py (rule ``schachtelsatz``): the limits on subordinate clauses and their depth,
the structure and openers the message names, and the split point it suggests; one named behaviour per
test (docs/quality.md, "Mutation testing").

Limits and values are pinned on annotated one-sentence Docs ("word/TAG" pairs), so they do not depend
on the tagger; message and suggestion through einfach's pipeline."""

from __future__ import annotations

import pytest
from pinned_support import findings, kind_hits, tagged_doc

from einfach.rules.kinds.nesting import describe


MAIN = "Wir/PPER prüfen/VVFIN den/ART Antrag/NN"
WEIL = ",/$, weil/KOUS Sie/PPER umziehen/VVFIN"
WENN = ",/$, wenn/KOUS Sie/PPER kommen/VVFIN"
DAMIT = ",/$, damit/KOUS wir/PPER zahlen/VVFIN"
# depth 2: the relative clause starts while the dass-clause waits for its verb
INSERTED = ("Wir/PPER sagen/VVFIN ,/$, dass/KOUS die/ART Unterlagen/NN ,/$, die/PRELS Sie/PPER geschickt/VVPP "
            "haben/VAFIN ,/$, fehlen/VVFIN ./$.")


def values(tagged: str, **parameters) -> list[dict]:
    return [v for _, v in kind_hits("nesting", tagged_doc(tagged), parameters)]


def test_two_subordinate_clauses_are_at_the_default_limit():
    assert values(f"{MAIN} {WEIL} {WENN} ./$.") == []


def test_three_subordinate_clauses_are_above_the_default_limit():
    (found,) = values(f"{MAIN} {WEIL} {WENN} {DAMIT} ./$.")
    assert (found["clauses"], found["depth"], found["limit"]) == (3, 1, 2)


def test_max_clauses_is_read_from_the_parameters():
    assert [v["clauses"] for v in values(f"{MAIN} {WEIL} {WENN} ./$.", max_clauses=1)] == [2]
    assert values(f"{MAIN} {WEIL} {WENN} {DAMIT} ./$.", max_clauses=3) == []


def test_limit_value_is_the_clause_limit():
    assert [v["limit"] for v in values(f"{MAIN} {WEIL} {WENN} ./$.", max_clauses=1)] == [1]


def test_one_inserted_clause_is_above_the_default_depth():
    (found,) = values(INSERTED)
    assert (found["clauses"], found["depth"]) == (2, 2)


def test_max_depth_is_read_from_the_parameters():
    assert values(INSERTED, max_depth=2) == []


def test_a_sentence_without_subordinate_clause_is_quiet_at_every_limit():
    assert values(f"{MAIN} ./$.", max_clauses=0, max_depth=0) == []


def test_structure_counts_the_inserted_clauses():
    (found,) = values(INSERTED)
    assert found["structure"] == "Satz mit zwei Nebensätzen, davon einer in einen anderen eingeschoben"


def test_openers_name_the_word_that_opens_each_clause():
    (found,) = values(INSERTED)
    assert found["openers"] == "dass …, die …"


def test_opener_after_a_preposition_is_named_with_it():
    (found,) = values(f"{MAIN} ,/$, in/APPR dem/PRELS Sie/PPER wohnen/VVFIN {WEIL} {WENN} ./$.")
    assert found["openers"] == "in dem …, weil …, wenn …"


def test_opener_text_stops_at_the_opener():
    """"und weil Sie umziehen": the words up to the opener, not the last two words of the clause."""
    (found,) = values(f"{MAIN} ,/$, und/KON weil/KOUS Sie/PPER umziehen/VVFIN {WENN} {DAMIT} ./$.")
    assert found["openers"] == "und weil …, wenn …, damit …"


def test_opener_text_is_at_most_the_opener_and_the_word_before_it():
    """"und zwar weil Sie umziehen": "zwar weil …", not "und zwar weil …"."""
    (found,) = values(f"{MAIN} ,/$, und/KON zwar/ADV weil/KOUS Sie/PPER umziehen/VVFIN {WENN} {DAMIT} ./$.")
    assert found["openers"] == "zwar weil …, wenn …, damit …"


def test_finding_marks_the_whole_sentence():
    doc = tagged_doc(f"{MAIN} {WEIL} {WENN} {DAMIT} ./$.")
    (marked, _), = kind_hits("nesting", doc)
    assert marked == doc.text.strip()


def test_a_quiet_sentence_does_not_end_the_search():
    text = ("Wir prüfen den Antrag. Wir teilen Ihnen mit, dass die Unterlagen, die Sie uns geschickt haben, "
            "nicht vollständig sind.")
    assert [f.text for f in findings("schachtelsatz", text)] == [text.partition(". ")[2]]


# --- describe: the structure in words -------------------------------------------------------------------

@pytest.mark.parametrize(("count", "text"), [(1, "Satz mit einem Nebensatz"), (2, "Satz mit zwei Nebensätzen"),
                                             (3, "Satz mit drei Nebensätzen"), (4, "Satz mit vier Nebensätzen"),
                                             (5, "Satz mit fünf Nebensätzen"), (6, "Satz mit sechs Nebensätzen"),
                                             (7, "Satz mit 7 Nebensätzen")])
def test_describe_names_the_number_of_clauses(count, text):
    assert describe(count, 0, 1) == text


def test_describe_names_one_inserted_clause():
    assert describe(3, 1, 2) == "Satz mit drei Nebensätzen, davon einer in einen anderen eingeschoben"


@pytest.mark.parametrize(("inserted", "word"), [(2, "zwei"), (3, "drei"), (4, "vier"), (5, "fünf"), (6, "sechs"),
                                                (7, "7")])
def test_describe_names_several_inserted_clauses(inserted, word):
    assert describe(8, inserted, 2) == f"Satz mit 8 Nebensätzen, davon {word} in andere eingeschoben"


def test_describe_names_a_depth_above_two():
    assert describe(3, 2, 3) == "Satz mit drei Nebensätzen, davon zwei in andere eingeschoben (bis zu 3 Ebenen tief)"


def test_describe_leaves_out_a_depth_of_two():
    assert describe(2, 1, 2) == "Satz mit zwei Nebensätzen, davon einer in einen anderen eingeschoben"


# --- through einfach's pipeline: message and suggestion ---------------------------------------------------

def test_message_names_structure_and_openers():
    (found,) = findings("schachtelsatz", "Wenn Sie nicht kommen können, rufen Sie uns bitte an, damit wir einen neuen "
                                         "Termin finden, der Ihnen passt.")
    assert found.message == "Satz mit drei Nebensätzen: Wenn …, damit …, der …"


def test_sentence_with_a_split_point_gets_it_as_suggestion():
    (found,) = findings("schachtelsatz", "Wir weisen Sie darauf hin, dass Ihnen, wenn Sie keinen Pass vorlegen, eine "
                                         "Duldung erteilt wird, mit welcher Sie nicht arbeiten dürfen.")
    assert found.suggestions == ["Teilen Sie den Satz nach „wird“: „… Ihnen, wenn Sie keinen Pass vorlegen, eine "
                                 "Duldung erteilt wird.“ Neuer Satz: „Mit dieser dürfen Sie nicht arbeiten.“"]


def test_sentence_without_a_split_point_gets_no_suggestion():
    (found,) = findings("schachtelsatz", "Wir teilen Ihnen mit, dass die Unterlagen, die Sie uns geschickt haben, "
                                         "nicht vollständig sind.")
    assert found.suggestions == []
