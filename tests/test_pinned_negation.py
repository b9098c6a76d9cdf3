"""rules/kinds/negation.py (rule ``verneinung``): litotes, "nicht ohne", negated negative verbs and two
negations in one clause, with the positive each suggests; one named behaviour per test
(docs/quality.md, "Mutation testing").

The word lists are pinned word by word (the tests name each word, so a word changed in the list fails
its test), the patterns through einfach's pipeline."""

from __future__ import annotations

import pytest
from pinned_support import findings

from einfach.rules.kinds.negation import Negation

LITOTE = "ein verneintes Wort mit „nicht“ oder „kein“ verneint – das muss man erst umdrehen."
TWO = "zwei Verneinungen in einem Satzteil heben sich auf und verwirren."


def verneinung(text: str, **parameters) -> list[tuple[str, str]]:
    """(marked text, suggestion) per finding."""
    return [(f.text, f.suggestions[0]) for f in findings("verneinung", text, **parameters)]


def positive(text: str) -> str:
    (found,) = findings("verneinung", text)
    return found.suggestions[0].removeprefix("Sagen Sie es positiv: ").removesuffix(".")


# --- litotes ----------------------------------------------------------------------------------------------

def test_nicht_before_an_un_adjective_suggests_the_positive():
    assert verneinung("Das ist nicht unwichtig.") == [("nicht unwichtig",
                                                       "Sagen Sie es positiv: „wichtig“ statt „nicht unwichtig“.")]


def test_litote_message_names_the_problem():
    (found,) = findings("verneinung", "Das ist nicht unwichtig.")
    assert found.message == f"Doppelte Verneinung: „nicht unwichtig“ – {LITOTE}"


def test_kein_before_an_un_adjective_suggests_ein():
    assert positive("Das ist kein unerheblicher Betrag.") == "„ein erheblicher“ statt „kein unerheblicher“"


def test_keine_before_a_singular_un_adjective_suggests_eine():
    assert positive("Das ist keine unwichtige Sache.") == "„eine wichtige“ statt „keine unwichtige“"


def test_keine_before_a_plural_un_adjective_is_a_ban():
    assert verneinung("Sie machen keine unvollständigen Angaben.") == []


def test_intensifier_between_nicht_and_the_adjective_is_part_of_the_litote():
    assert positive("Das ist nicht ganz unwichtig.") == "„wichtig“ statt „nicht ganz unwichtig“"


def test_miss_adjective_suggests_the_word_without_miss():
    assert positive("Das ist nicht missverständlich.") == "„verständlich“ statt „nicht missverständlich“"


@pytest.mark.parametrize(("text", "word"), [("Das kommt nicht selten vor.", "oft"),
                                            ("Die Kosten sind nicht gering.", "hoch")])
def test_nicht_selten_and_nicht_gering_suggest_the_opposite(text, word):
    assert positive(text).startswith(f"„{word}“ statt ")


def test_nicht_weniger_als_is_a_comparison():
    assert verneinung("Es waren nicht weniger als zehn.") == []


def test_word_in_no_swap_gets_no_positive():
    assert positive("Das ist nicht unverhältnismäßig.") == \
        "nennen Sie direkt, was gilt – „verhältnismäßig“ allein heißt etwas anderes"


def test_nicht_before_an_un_participle_before_a_noun_negates_the_clause():
    assert verneinung("Damit nicht ungewollt hohe Kosten entstehen, zahlen Sie.") == []


# --- which un-words are negative adjectives ---------------------------------------------------------------

def negative(lemma: str, **parameters) -> bool:
    return Negation(parameters)._negative_adjective(lemma)


@pytest.mark.parametrize("stem", ["angenehm", "echt", "elegant", "ernst", "fair", "fern", "frei", "genau", "gesund",
                                  "gleich", "gut", "interessant", "klar", "klug", "kompliziert", "nett", "normal",
                                  "passend", "recht", "reif", "relevant", "schön", "sicher", "typisch", "wahr",
                                  "wohl"])
def test_un_before_a_short_adjective_is_negative(stem):
    assert negative(f"un{stem}")


@pytest.mark.parametrize("word", ["unbürokratisch", "unhygienisch", "unkritisch", "unlogisch", "unpolitisch",
                                  "unpraktisch", "unproblematisch", "unrealistisch", "unsympathisch", "unökologisch",
                                  "unökonomisch"])
def test_listed_isch_adjective_is_negative(word):
    assert negative(word)


@pytest.mark.parametrize("word", ["unablässig", "unbedingt", "unbegrenzt", "unbeirrt", "unbeschadet", "unbändig",
                                  "unendlich", "unentbehrlich", "unentwegt", "unermesslich", "ungeachtet",
                                  "unheimlich", "unmittelbar", "unnötig", "unsagbar", "unsäglich", "unverhofft",
                                  "unvermittelt", "unverzüglich", "unweigerlich", "unwillkürlich", "unzählig"])
def test_un_word_whose_rest_is_not_the_positive_is_excluded(word):
    assert not negative(word)


@pytest.mark.parametrize("suffix", ["lich", "ig", "bar", "sam", "haft"])
def test_un_adjective_with_a_telling_suffix_is_negative(suffix):
    assert negative(f"unfried{suffix}")


@pytest.mark.parametrize("prefix", ["be", "ge", "er", "ver", "ent", "zer", "an", "auf", "aus", "ein", "zu"])
def test_un_participle_is_negative(prefix):
    assert negative(f"un{prefix}klärt")


@pytest.mark.parametrize("word", ["ungeklärtend", "ungeklären"])
def test_un_participle_endings_en_and_end_are_negative(word):
    assert negative(word)


@pytest.mark.parametrize("word", ["unterschiedlich", "universitätsmäßig", "uniformierbar", "unisonhaft", "unionsrechtlich"])
def test_words_starting_with_unter_univers_uniform_unison_union_are_no_un_words(word):
    assert not negative(word)


def test_short_stem_with_a_suffix_is_not_enough():
    """"unhaft": a stem of four letters or fewer with a suffix is no adjective."""
    assert not negative("unhaft")
    assert negative("unfraglich")


def test_miss_word_needs_a_stem_of_five_letters_with_a_suffix():
    assert negative("missverständlich")
    assert not negative("misslich")
    assert not negative("missgunst")


def test_un_word_of_four_letters_is_no_negative_adjective():
    assert not negative("unig")


def test_exceptions_parameter_excludes_more_words():
    assert not negative("unklar", exceptions=["Unklar"])


def test_word_not_starting_with_un_is_no_negative_adjective():
    assert not negative("klarlich")


# --- "nicht ohne", negated negative verbs, two negations ---------------------------------------------------

def test_nicht_ohne_is_a_double_negation():
    assert verneinung("Das ist nicht ohne Risiko.") == [
        ("nicht ohne", "Sagen Sie es positiv: „nur mit …“ oder „mit …“ statt „nicht ohne …“.")]


def test_ohne_without_nicht_is_a_condition():
    assert verneinung("Ohne Pass ist eine Abschiebung nicht möglich.") == []


@pytest.mark.parametrize(("text", "suggestion"), [
    ("Wir können das nicht ausschließen.", "„möglich“ oder „vielleicht“ statt „nicht … ausschließen“"),
    ("Sie dürfen die Zahlung nicht unterlassen.", "„tun Sie …“ statt „nicht … unterlassen“"),
    ("Sie dürfen die Frist nicht versäumen.", "„denken Sie an …“ statt „nicht … versäumen“"),
    ("Wir bestreiten das nicht.", "„zugeben“ oder „stimmt“ statt „nicht … bestreiten“"),
])
def test_negated_negative_verb_suggests_the_positive(text, suggestion):
    assert positive(text) == suggestion


def test_negated_negative_verb_marks_from_the_negation_to_the_verb():
    assert [t for t, _ in verneinung("Wir können das nicht ausschließen.")] == ["nicht ausschließen"]


def test_two_negative_pronouns_in_one_clause():
    assert verneinung("Niemand darf nichts sagen.") == [("Niemand darf nichts", f"Sagen Sie es positiv: nennen Sie "
                                                         "direkt, was gilt, zum Beispiel „Alle müssen …“ statt "
                                                         "„Niemand darf nicht …“.")]


def test_negative_pronoun_and_nicht_in_one_clause():
    (found,) = findings("verneinung", "Niemand darf das nicht.")
    assert (found.text, found.message) == ("Niemand darf das nicht", f"Doppelte Verneinung: „Niemand darf das nicht“ – {TWO}")


def test_negations_in_clauses_joined_by_und_are_quiet():
    assert verneinung("Sie haben keinen Pass und dürfen nicht reisen.") == []


def test_negations_in_main_and_subordinate_clause_are_quiet():
    assert verneinung("Sie müssen nicht zahlen, wenn Sie kein Einkommen haben.") == []


def test_weder_noch_is_quiet():
    assert verneinung("Weder er noch sie kommt nicht.") == []


def test_a_sentence_without_negation_does_not_end_the_search():
    assert [t for t, _ in verneinung("Das ist wichtig. Das ist nicht unwichtig.")] == ["nicht unwichtig"]
