"""rules/kinds/negation.py (rule ``verneinung``): litotes, "nicht ohne", negated negative verbs and two
negations in one clause, with the positive each suggests; one named behaviour per test
(docs/quality.md, "Mutation testing").

The word lists are pinned word by word (the tests name each word, so a word changed in the list fails
its test), the patterns through einfach's pipeline."""

from __future__ import annotations

import pytest
from pinned_support import findings, kind_hits, tagged_doc

from einfach.rules.kinds.negation import Negation, _negation_kind, _pronoun_lemma

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


# --- which words negate: _negation_kind and _pronoun_lemma on tagged words ----------------------------------

def kind_of(tagged: str) -> str | None:
    """The negation kind of the one word "word/TAG" or "word/TAG/lemma"."""
    (token,) = tagged_doc(tagged)
    return _negation_kind(token)


@pytest.mark.parametrize("tagged", ["nicht/PTKNEG", "nie/ADV", "niemals/ADV"])
def test_negation_particle_tagged_as_negation_or_adverb_is_a_particle(tagged):
    assert kind_of(tagged) == "particle"


@pytest.mark.parametrize("tagged", ["nicht/PTKA", "oft/ADV", "gern/PTKNEG"])
def test_particle_needs_both_its_word_and_its_tag(tagged):
    assert kind_of(tagged) is None


@pytest.mark.parametrize("tag", ["PIAT", "PIS", "PIDAT", "ADV", "PTKNEG", "NN"])
def test_form_of_kein_with_a_determiner_or_pronoun_tag_is_a_pronoun(tag):
    """"keinen" is no word of NEGATIVE_PRONOUNS, so its tag decides."""
    assert kind_of(f"keinen/{tag}") == "pronoun"


def test_form_of_kein_with_a_verb_tag_is_no_negation():
    assert kind_of("keinen/VVFIN") is None


def test_negative_pronoun_is_a_pronoun_whatever_its_tag():
    assert kind_of("nirgends/VVFIN") == "pronoun"


def test_word_whose_lemma_is_a_negative_pronoun_is_a_pronoun():
    assert kind_of("niemandem/PIS/niemand") == "pronoun"


def test_word_whose_lemma_is_no_negative_pronoun_is_no_negation():
    assert kind_of("jemandem/PIS/jemand") is None


@pytest.mark.parametrize(("tagged", "lemma"), [("keinen/PIAT", "kein"), ("Keinem/PIS", "kein"),
                                               ("niemandem/PIS", "niemand"), ("Niemanden/PIS", "niemand"),
                                               ("nichts/PIS", "nichts")])
def test_pronoun_lemma_joins_the_forms_of_kein_and_niemand(tagged, lemma):
    (token,) = tagged_doc(tagged)
    assert _pronoun_lemma(token) == lemma


# --- a participle that grades the next adjective: _negates_the_clause on tagged sentences ----------------------

def hits(tagged: str, **parameters) -> list[tuple[str, str]]:
    """(marked text, positive) per hit of the kind on a tagged sentence."""
    return [(text, values["positive"]) for text, values in kind_hits("negation", tagged_doc(tagged), parameters)]


def test_nicht_before_an_un_participle_grading_an_adjective_negates_the_clause():
    assert hits("Damit/KOUS nicht/PTKNEG ungewollt/ADJD hohe/ADJA Kosten/NN entstehen/VVFIN ./$.") == []


def test_nicht_opening_the_clause_before_a_grading_participle_negates_the_clause():
    assert hits("Nicht/PTKNEG ungewollt/ADJD hohe/ADJA Kosten/NN entstehen/VVFIN ./$.") == []


def test_un_participle_before_a_verb_is_a_litote():
    assert hits("Das/PDS ist/VAFIN nicht/PTKNEG ungewollt/ADJD passiert/VVPP ./$.") == \
        [("nicht ungewollt", "„gewollt“ statt „nicht ungewollt“")]


def test_un_adjective_that_is_no_participle_before_an_adjective_is_a_litote():
    """"nicht unerheblich hohe Kosten": a degree word stays a litote."""
    assert hits("Damit/KOUS nicht/PTKNEG unerheblich/ADJD hohe/ADJA Kosten/NN entstehen/VVFIN ./$.") == \
        [("nicht unerheblich", "„erheblich“ statt „nicht unerheblich“")]


def test_determiner_before_nicht_keeps_the_grading_participle_a_litote():
    """"eine nicht ungewollt hohe Gebühr": "nicht" belongs to the noun phrase's participle."""
    assert hits("Das/PDS ist/VAFIN eine/ART nicht/PTKNEG ungewollt/ADJD hohe/ADJA Gebühr/NN ./$.") == \
        [("nicht ungewollt", "„gewollt“ statt „nicht ungewollt“")]


def test_un_participle_ending_a_text_without_full_stop_is_a_litote():
    assert hits("Das/PDS ist/VAFIN nicht/PTKNEG ungeklärt/ADJD") == [("nicht ungeklärt", "„geklärt“ statt „nicht ungeklärt“")]


def test_grading_participle_with_the_adjective_ending_the_text_negates_the_clause():
    assert hits("Damit/KOUS nicht/PTKNEG ungewollt/ADJD hohe/ADJA") == []


def test_no_swap_is_read_from_the_parameters():
    """The rule's own word list, in any case: "nicht unverhältnismäßig" gets no swapped positive."""
    assert hits("Das/PDS ist/VAFIN nicht/PTKNEG unverhältnismäßig/ADJD ./$.", no_swap=["Unverhältnismäßig"]) == \
        [("nicht unverhältnismäßig", "nennen Sie direkt, was gilt – „verhältnismäßig“ allein heißt etwas anderes")]


def test_without_no_swap_the_positive_is_swapped():
    assert hits("Das/PDS ist/VAFIN nicht/PTKNEG unverhältnismäßig/ADJD ./$.") == \
        [("nicht unverhältnismäßig", "„verhältnismäßig“ statt „nicht unverhältnismäßig“")]


@pytest.mark.parametrize("tagged", ["Das/PDS stimmt/VVFIN nicht/PTKNEG", "Das/PDS stimmt/VVFIN nicht/PTKNEG ganz/ADV"])
def test_nicht_or_its_intensifier_ending_a_text_without_full_stop_is_quiet(tagged):
    assert hits(tagged) == []


def test_miss_word_with_a_stem_of_exactly_five_letters_and_a_suffix_is_negative():
    assert negative("missmutig")


def test_un_word_with_a_stem_of_exactly_five_letters_and_a_suffix_is_negative():
    assert negative("unfähig")


def test_inflected_word_whose_lemma_is_in_no_swap_gets_no_positive():
    assert hits("Das/PDS ist/VAFIN kein/PIAT unverhältnismäßiger/ADJA/unverhältnismäßig Aufwand/NN ./$.",
                no_swap=["unverhältnismäßig"]) == \
        [("kein unverhältnismäßiger", "nennen Sie direkt, was gilt – „verhältnismäßiger“ allein heißt etwas anderes")]


# --- "nicht ohne" and its fixed phrases ------------------------------------------------------------------------

def test_nicht_ohne_ending_a_text_without_full_stop_is_a_double_negation():
    assert [text for text, _ in hits("Das/PDS geht/VVFIN nicht/PTKNEG ohne/APPR", fixed_ohne=["weiteres"])] == \
        ["nicht ohne"]


def test_nicht_ohne_weiteres_is_a_fixed_phrase():
    assert verneinung("Das geht nicht ohne Weiteres.") == []


def test_fixed_phrase_ending_a_text_without_full_stop_is_quiet():
    assert hits("Das/PDS geht/VVFIN nicht/PTKNEG ohne/APPR Weiteres/NN", fixed_ohne=["weiteres"]) == []


def test_nicht_ohne_before_a_word_not_in_fixed_ohne_is_a_double_negation():
    assert [text for text, _ in hits("Das/PDS geht/VVFIN nicht/PTKNEG ohne/APPR Weiteres/NN ./$.", fixed_ohne=["grund"])] \
        == ["nicht ohne"]


def test_a_fixed_phrase_does_not_end_the_search_in_its_clause():
    assert hits("Das/PDS ist/VAFIN nicht/PTKNEG ohne/APPR Weiteres/NN nicht/PTKNEG unwichtig/ADJD ./$.",
                fixed_ohne=["weiteres"]) == [("nicht unwichtig", "„wichtig“ statt „nicht unwichtig“")]


# --- litote words: a comparison, "keiner" ----------------------------------------------------------------------

def test_nicht_geringer_als_is_a_comparison():
    assert hits("Die/ART Kosten/NN sind/VAFIN nicht/PTKNEG geringer/ADJD als/KOKOM im/APPRART Vorjahr/NN ./$.") == []


def test_nicht_geringer_without_als_is_a_litote():
    assert hits("Die/ART Kosten/NN sind/VAFIN nicht/PTKNEG geringer/ADJD ./$.") == \
        [("nicht geringer", "„hoher“ statt „nicht geringer“")]


def test_litote_word_ending_a_text_without_full_stop_is_a_litote():
    assert [text for text, _ in hits("Die/ART Kosten/NN sind/VAFIN nicht/PTKNEG gering/ADJD")] == ["nicht gering"]


def test_comparison_with_als_ending_a_text_is_quiet():
    assert hits("Die/ART Kosten/NN sind/VAFIN nicht/PTKNEG geringer/ADJD als/KOKOM") == []


@pytest.mark.parametrize("form", ["unwichtigen", "unwichtiger"])
def test_keiner_before_an_un_adjective_is_a_ban(form):
    assert hits(f"Das/PDS gilt/VVFIN in/APPR keiner/PIAT {form}/ADJA/unwichtig Sache/NN ./$.") == []


# --- negated verbs, two negations, clauses ---------------------------------------------------------------------

def test_negated_negative_verb_message_names_the_problem():
    (found,) = findings("verneinung", "Wir können das nicht ausschließen.")
    assert found.message == "Doppelte Verneinung: „nicht ausschließen“ – ein verneintes Verb, das selbst etwas Negatives sagt."


def test_two_negations_with_weder_are_quiet():
    assert hits("Weder/KON niemand/PIS noch/ADV nichts/PIS ist/VAFIN da/ADV ./$.") == []


def test_two_negations_without_weder_are_a_double_negation():
    assert [text for text, _ in hits("Hier/ADV niemand/PIS noch/ADV nichts/PIS ist/VAFIN da/ADV ./$.")] == \
        ["niemand noch nichts"]


def test_three_negations_are_marked_from_the_first_to_the_last():
    assert [text for text, _ in hits("Niemand/PIS darf/VMFIN nie/ADV nichts/PIS sagen/VVINF ./$.")] == \
        ["Niemand darf nie nichts"]


def test_article_before_an_un_adjective_is_no_negation():
    assert hits("Er/PPER hat/VAFIN nie/ADV eine/ART unwichtige/ADJA/unwichtig Sache/NN gemacht/VVPP ./$.") == []


@pytest.mark.parametrize("tag", ["PIAT", "PIDAT", "ART", "DET"])
def test_kein_with_a_determiner_tag_makes_a_litote(tag):
    assert [text for text, _ in hits(f"Das/PDS ist/VAFIN kein/{tag} unerheblicher/ADJA/unerheblich Betrag/NN ./$.")] \
        == ["kein unerheblicher"]


@pytest.mark.parametrize("tagged", [
    "Sie/PPER zahlen/VVFIN nicht/PTKNEG weil/KOUS Sie/PPER kein/PIAT Geld/NN haben/VAFIN ./$.",
    "Er/PPER kam/VVFIN nicht/PTKNEG um/KOUI nichts/PIS zu/PTKZU sagen/VVINF ./$.",
])
def test_subordinating_conjunction_without_comma_splits_the_clause(tagged):
    assert hits(tagged) == []


def test_doch_as_an_adverb_does_not_split_the_clause():
    assert [text for text, _ in hits("Niemand/PIS kommt/VVFIN doch/ADV nicht/PTKNEG ./$.")] == ["Niemand kommt doch nicht"]


def test_determiner_opening_the_clause_before_nicht_keeps_the_grading_participle_a_litote():
    assert hits("Eine/ART nicht/PTKNEG ungewollt/ADJD hohe/ADJA Gebühr/NN fällt/VVFIN an/PTKVZ ./$.") == \
        [("nicht ungewollt", "„gewollt“ statt „nicht ungewollt“")]
