"""rules/kinds/senses.py (the ``senses`` of a lexicon entry, docs/lexicons.md): which condition makes a
sense fit the sentence, which placeholders it fills, and when the entry's own alternatives stay; one
named behaviour per test, on tagged Docs, so a test does not depend on the tagger or on the shipped
lexicon (docs/quality.md, "Mutation testing")."""

from __future__ import annotations

import pytest
from pinned_support import annotated_doc, tagged_doc

from einfach.rules.kinds.lexicon import Words
from einfach.rules.kinds.senses import fitting_alternatives, names_any
from einfach.rules.loader import LexiconEntry, Sense

OWN = ("eigene",)


def advice(doc, first: int, last: int, **sense) -> tuple[str, ...]:
    """The alternatives shown for the term at tokens ``first`` to ``last`` of ``doc`` (one sentence), for
    an entry with ``OWN`` alternatives and one sense ``("passt",)`` with the conditions ``sense``."""
    alternatives = sense.pop("alternatives", ("passt",))
    entry = LexiconEntry(term="x", alternatives=OWN, senses=(Sense(alternatives=alternatives, **sense),))
    return fitting_alternatives(entry, Words(doc[0 : len(doc)]), [doc[i] for i in range(first, last + 1)])


def on(tagged: str, first: int, last: int | None = None, **sense) -> tuple[str, ...]:
    return advice(tagged_doc(tagged), first, first if last is None else last, **sense)


WOCHEN = "Die/ART Prüfung/NN nimmt/VVFIN einige/PIAT Wochen/NN/Woche in/APPR Anspruch/NN ./$."


# --- the order of senses and the entry's own alternatives ---------------------------------------------------

def test_entry_without_senses_keeps_its_alternatives():
    doc = tagged_doc(WOCHEN)
    entry = LexiconEntry(term="x", alternatives=OWN)
    assert fitting_alternatives(entry, Words(doc[0 : len(doc)]), [doc[5]]) == OWN


def test_sense_without_conditions_always_fits():
    assert on(WOCHEN, 5, 6) == ("passt",)


def test_first_fitting_sense_wins():
    doc = tagged_doc(WOCHEN)
    entry = LexiconEntry(term="x", alternatives=OWN, senses=(
        Sense(alternatives=("erste",), if_words=frozenset({"monat"})),
        Sense(alternatives=("zweite",), if_words=frozenset({"woche"})),
        Sense(alternatives=("dritte",)),
    ))
    assert fitting_alternatives(entry, Words(doc[0 : len(doc)]), [doc[5], doc[6]]) == ("zweite",)


def test_no_fitting_sense_keeps_the_entrys_alternatives():
    assert on(WOCHEN, 5, 6, if_words=frozenset({"monat"})) == OWN


def test_sense_with_no_alternatives_shows_none():
    assert on(WOCHEN, 5, 6, alternatives=()) == ()


# --- the conditions -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("word", "fits"), [("woche", True), ("wochen", True), ("monat", False)])
def test_if_words_by_lemma_or_form(word, fits):
    assert on(WOCHEN, 5, 6, if_words=frozenset({word})) == (("passt",) if fits else OWN)


@pytest.mark.parametrize(("before", "fits"), [(frozenset({"wochen"}), True), (frozenset({"einige"}), False)])
def test_if_before_reads_the_word_right_before_the_term(before, fits):
    assert on(WOCHEN, 5, 6, if_before=before) == (("passt",) if fits else OWN)


def test_if_before_at_the_start_of_the_sentence_sees_no_word():
    assert on(WOCHEN, 0, 1, if_before=frozenset({"", "die", "."})) == ("passt",)
    assert on(WOCHEN, 0, 1, if_before=frozenset({"die", "."})) == OWN


@pytest.mark.parametrize(("inside", "fits"), [
    (frozenset({"in"}), True), (frozenset({"anspruch"}), True), (frozenset({"wochen"}), False)])
def test_if_inside_reads_every_matched_word(inside, fits):
    assert on(WOCHEN, 5, 6, if_inside=inside) == (("passt",) if fits else OWN)


@pytest.mark.parametrize(("following", "fits"), [(frozenset({"wochen"}), True), (frozenset({"anspruch"}), False)])
def test_if_next_reads_the_word_right_after_the_term(following, fits):
    assert on(WOCHEN, 2, 3, if_next=following) == (("passt",) if fits else OWN)


def test_if_next_at_the_end_of_the_sentence_sees_no_word():
    # the full stop is no word: nothing follows "Anspruch"
    assert on(WOCHEN, 5, 6, if_next=frozenset({""})) == ("passt",)
    assert on(WOCHEN, 5, 6, if_next=frozenset({"."})) == OWN


BZW = "14/CARD bzw./KON 18/CARD Jahre/NN/Jahr für/APPR Kinder/NN/Kind bzw./KON Jugendliche/NN ./$."


def test_if_parallel_when_the_terms_word_stands_twice():
    assert on(BZW, 1, if_parallel=True) == ("passt",)


def test_if_parallel_not_when_the_word_stands_once():
    assert on("Kinder/NN/Kind bzw./KON Jugendliche/NN zahlen/VVFIN ./$.", 1, if_parallel=True) == OWN


def test_if_parallel_between_two_brackets():
    tagged = "aus/APPR Berichten/NN/Bericht (/$( Bau/NN )/$( beziehungsweise/KON Zahlen/NN/Zahl (/$( Ausbau/NN )/$( ./$."
    assert on(tagged, 5, if_parallel=True) == ("passt",)


@pytest.mark.parametrize(("between", "fits"), [(6, True), (7, False)])
def test_if_parallel_the_second_bracket_within_seven_words(between, fits):
    # ") beziehungsweise w1 … wn (": the "(" is the 7th word after the term, or the 8th
    words = " ".join(f"W{n}/NN" for n in range(between))
    tagged = f"aus/APPR Berichten/NN/Bericht (/$( Bau/NN )/$( beziehungsweise/KON {words} (/$( Ausbau/NN )/$( ./$."
    assert on(tagged, 5, if_parallel=True) == (("passt",) if fits else OWN)


def test_if_parallel_needs_a_closing_bracket_right_before_the_term():
    tagged = "aus/APPR Berichten/NN/Bericht (/$( Bau/NN )/$( Text/NN beziehungsweise/KON Zahlen/NN/Zahl (/$( Ausbau/NN )/$( ./$."
    assert on(tagged, 6, if_parallel=True) == OWN


def test_if_parallel_needs_a_word_before_the_term():
    assert on("beziehungsweise/KON Zahlen/NN/Zahl (/$( Ausbau/NN )/$( ./$.", 0, if_parallel=True) == OWN


def test_if_parallel_skips_a_space_before_the_term():
    doc = annotated_doc([("Berichten", "NN", "bericht"), ("(", "$(", "("), ("Bau", "NN", "bau"), (")", "$(", ")"),
                         (" ", "_SP", " "), ("beziehungsweise", "KON", "beziehungsweise"), ("Zahlen", "NN", "zahl"),
                         ("(", "$(", "("), ("Ausbau", "NN", "ausbau"), (")", "$(", ")")])
    assert advice(doc, 5, 5, if_parallel=True) == ("passt",)


RECHTSANWAELTE = "Rechtsanwälte/NN/Rechtsanwalt (/$( beziehungsweise/KON Mitglieder/NN/Mitglied )/$( ./$."


@pytest.mark.parametrize("bracket", ["(", "["])
def test_if_bracket_when_the_term_opens_a_bracket(bracket):
    assert on(RECHTSANWAELTE.replace("(/", f"{bracket}/"), 2, if_bracket=True) == ("passt",)


def test_if_bracket_not_after_a_word():
    assert on("Rechtsanwälte/NN/Rechtsanwalt beziehungsweise/KON Mitglieder/NN/Mitglied ./$.", 1, if_bracket=True) == OWN


def test_if_bracket_not_at_the_start():
    assert on("beziehungsweise/KON Mitglieder/NN/Mitglied ./$.", 0, if_bracket=True) == OWN


def test_if_bracket_skips_a_space_before_the_term():
    doc = annotated_doc([("Rechtsanwälte", "NN", "rechtsanwalt"), ("(", "$(", "("), (" ", "_SP", " "),
                         ("beziehungsweise", "KON", "beziehungsweise"), ("Mitglieder", "NN", "mitglied")])
    assert advice(doc, 3, 3, if_bracket=True) == ("passt",)


AUSZAHLUNG = "Die/ART Auszahlung/NN erfolgt/VVFIN am/APPRART Montag/NN ./$."


def test_if_verb_names_the_verb_of_the_clauses_ung_noun():
    assert on(AUSZAHLUNG, 2, if_verb=frozenset({"auszahlen"})) == ("passt",)
    assert on(AUSZAHLUNG, 2, if_verb=frozenset({"zahlen"})) == OWN


def test_if_verb_without_an_ung_noun_does_not_fit():
    assert on("Die/ART Miete/NN erfolgt/VVFIN ./$.", 2, if_verb=frozenset({"mieten"})) == OWN


LETTER = "Sehr/ADV geehrte/ADJA Frau/NN Müller/NE ,/$, wir/PPER prüfen/VVFIN ./$."


def test_if_letter_in_a_letter():
    assert on(LETTER, 5, if_letter=True) == ("passt",)


def test_if_letter_not_outside_a_letter():
    assert on("Wir/PPER prüfen/VVFIN ./$.", 0, if_letter=True) == OWN


def test_if_reflexive_in_the_terms_clause():
    assert on("Es/PPER hat/VAFIN sich/PRF ein/ART Wandel/NN vollzogen/VVPP ./$.", 5, if_reflexive=True) == ("passt",)


def test_if_reflexive_not_in_another_clause():
    tagged = "Er/PPER freut/VVFIN sich/PRF ,/$, ein/ART Wandel/NN wurde/VAFIN vollzogen/VVPP ./$."
    assert on(tagged, 7, if_reflexive=True) == OWN


@pytest.mark.parametrize(("nouns", "fits"), [
    (frozenset({"angabe"}), True),  # the lemma
    (frozenset({"angaben"}), True),  # the form
    (frozenset({"-gabe"}), True),  # an ending
    (frozenset({"krankheit"}), False),
])
def test_if_noun_reads_the_first_noun_after_the_term(nouns, fits):
    tagged = "aufgrund/APPR Ihrer/PPOSAT Angaben/NN/Angabe zur/APPRART Krankheit/NN zahlen/VVFIN wir/PPER ./$."
    assert on(tagged, 0, if_noun=nouns) == (("passt",) if fits else OWN)


def test_if_noun_takes_a_name_and_a_paragraph_sign():
    assert on("gemäß/APPR Meyer/NE zahlen/VVFIN wir/PPER ./$.", 0, if_noun=frozenset({"meyer"})) == ("passt",)
    assert on("gemäß/APPR §/XY 5/CARD zahlen/VVFIN wir/PPER ./$.", 0, if_noun=frozenset({"§"})) == ("passt",)
    assert on("gemäß/APPR §§/XY 5/CARD zahlen/VVFIN wir/PPER ./$.", 0, if_noun=frozenset({"§§"})) == ("passt",)


def test_if_noun_without_a_noun_after_the_term():
    assert on("Wir/PPER zahlen/VVFIN aufgrund/APPR dessen/PDS ./$.", 2, if_noun=frozenset({"dessen"})) == OWN


def test_if_noun_not_a_noun_before_the_term():
    assert on("Angaben/NN/Angabe aufgrund/APPR dessen/PDS ./$.", 1, if_noun=frozenset({"angabe"})) == OWN


# --- names_any ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("seen", "wanted", "expected"), [
    ({"antrag"}, {"antrag"}, True),
    ({"meldebescheinigung"}, {"-bescheinigung"}, True),
    ({"bescheinigung"}, {"-bescheinigung"}, True),
    ({"antrag"}, {"-bescheinigung"}, False),
    ({"antrag"}, {"-"}, False),  # a hyphen alone names no ending
    ({"antrag-"}, {"-"}, False),
    ({"-antrag"}, {"-antrag"}, True),
    ({"antrag"}, set(), False),
    ({"habe"}, {"-gabe"}, False),  # the whole ending, not its last letters
    ({"frauen"}, {"-n"}, True),  # an ending of one letter
])
def test_names_any(seen, wanted, expected):
    assert names_any(seen, wanted) is expected


# --- the placeholders -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("article", "dies"), [
    ("der", "dieser"), ("die", "diese"), ("das", "dieses"), ("den", "diesen"), ("dem", "diesem"), ("des", "dieses")])
def test_dies_takes_the_ending_of_the_article(article, dies):
    tagged = f"Wir/PPER prüfen/VVFIN {article}/ART oben/ADV genannten/ADJA Antrag/NN ./$."
    assert on(tagged, 3, 4, alternatives=("{dies}",)) == (dies,)


def test_dies_without_an_article_skips_the_sense():
    assert on("Wir/PPER prüfen/VVFIN oben/ADV genannten/ADJA Antrag/NN ./$.", 2, 3, alternatives=("{dies}",)) == OWN
    assert on("oben/ADV genannten/ADJA Antrag/NN prüfen/VVFIN wir/PPER ./$.", 0, 1, alternatives=("{dies}",)) == OWN


def test_noun_names_the_first_noun_after_the_term():
    tagged = "Wir/PPER prüfen/VVFIN die/ART oben/ADV genannten/ADJA Unterlagen/NN/Unterlage des/ART Antrags/NN ./$."
    assert on(tagged, 3, 4, alternatives=("diese {noun}",)) == ("diese Unterlagen",)


def test_noun_without_a_noun_after_the_term_skips_the_sense():
    assert on("Wir/PPER prüfen/VVFIN das/PDS oben/ADV genannte/ADJA ./$.", 3, 4, alternatives=("{noun}",)) == OWN


def test_noun_skips_a_name_after_the_term():
    tagged = "Wir/PPER prüfen/VVFIN oben/ADV genannte/ADJA Meyer/NE Unterlagen/NN/Unterlage ./$."
    assert on(tagged, 2, 3, alternatives=("{noun}",)) == ("Unterlagen",)


@pytest.mark.parametrize(("tagged", "term", "verb"), [
    (AUSZAHLUNG, 2, "zahlen … aus"),  # a separable particle at the end
    ("Die/ART Auszahlung/NN erfolgt/VVFIN nicht/PTKNEG ./$.", 2, "zahlen … nicht aus"),
    ("Es/PPER erfolgt/VVFIN keine/PIAT Erstattung/NN ./$.", 1, "erstatten … nicht"),
    # "kein" in another clause does not negate the term's
    ("Es/PPER erfolgt/VVFIN kein/PIAT Ausgleich/NN ,/$, eine/ART Erstattung/NN erfolgt/VVFIN ./$.", 7, "erstatten …"),
])
def test_verb_of_the_ung_noun_in_the_terms_clause(tagged, term, verb):
    assert on(tagged, term, alternatives=("Wir {verb}",)) == (f"Wir {verb}",)


def test_verb_prefers_the_ung_noun_before_the_term():
    tagged = "Die/ART Prüfung/NN erfolgt/VVFIN nach/APPR der/ART Zahlung/NN ./$."
    assert on(tagged, 2, alternatives=("{verb}",)) == ("prüfen …",)


def test_verb_takes_the_nearest_ung_noun_before_the_term():
    tagged = "Die/ART Zahlung/NN der/ART Prüfung/NN erfolgt/VVFIN ./$."
    assert on(tagged, 4, alternatives=("{verb}",)) == ("prüfen …",)


def test_verb_takes_an_ung_noun_after_the_term_without_one_before():
    tagged = "Es/PPER erfolgt/VVFIN eine/ART Prüfung/NN ./$."
    assert on(tagged, 1, alternatives=("{verb}",)) == ("prüfen …",)


def test_verb_takes_the_nearest_ung_noun_after_the_term():
    tagged = "Es/PPER erfolgt/VVFIN eine/ART Prüfung/NN der/ART Zahlung/NN ./$."
    assert on(tagged, 1, alternatives=("{verb}",)) == ("prüfen …",)


def test_verb_not_from_the_term_itself():
    assert on("Die/ART Prüfung/NN dauert/VVFIN ./$.", 1, alternatives=("{verb}",)) == OWN


def test_verb_not_from_a_noun_without_ung():
    assert on("Die/ART Miete/NN erfolgt/VVFIN ./$.", 2, alternatives=("{verb}",)) == OWN


def test_verb_not_from_an_ung_noun_whose_verb_means_something_else():
    assert on("Die/ART Bevölkerung/NN erfolgt/VVFIN ./$.", 2, alternatives=("{verb}",)) == OWN


def test_verb_not_from_an_ung_noun_of_another_clause():
    tagged = "Die/ART Frist/NN endet/VVFIN ,/$, wenn/KOUS die/ART Prüfung/NN erfolgt/VVFIN ./$."
    assert on(tagged, 2, alternatives=("{verb}",)) == OWN
    tagged = "Die/ART Prüfung/NN endet/VVFIN ;/$. die/ART Frist/NN erfolgt/VVFIN ./$."
    assert on(tagged, 6, alternatives=("{verb}",)) == OWN
    tagged = "Die/ART Prüfung/NN endet/VVFIN :/$. die/ART Frist/NN erfolgt/VVFIN ./$."
    assert on(tagged, 6, alternatives=("{verb}",)) == OWN


def test_verb_from_the_first_word_of_the_clause_after_a_comma():
    tagged = "Wir/PPER zahlen/VVFIN ,/$, Prüfung/NN erfolgt/VVFIN ./$."
    assert on(tagged, 4, alternatives=("{verb}",)) == ("prüfen …",)


@pytest.mark.parametrize("agent", [
    "von/APPR allen/PIAT Gesellschaftern/NN/Gesellschafter",
    "durch/APPR die/ART Mitglieder/NN/Mitglied",
    "seitens/APPR der/ART Bank/NN",
    "von/APPR allen/PIAT neuen/ADJA Mitgliedern/NN/Mitglied",
    "von/APPR der/ART Stadt/NN",
    "von/APPR der/ART Meyer/NE",
    "von/APPR allen/PIAT anderen/PIS",
])
def test_verb_not_when_the_clause_names_an_agent(agent):
    tagged = f"Die/ART Anmeldung/NN muss/VMFIN {agent} erfolgen/VVINF ./$."
    assert on(tagged, len(tagged.split()) - 2, alternatives=("{verb}",)) == OWN


@pytest.mark.parametrize("words", [
    "von/APPR 8/CARD bis/APPR 12/CARD Uhr/NN",  # a time, no agent
    "von/APPR jetzt/ADV an/PTKVZ",
])
def test_verb_when_von_names_no_agent(words):
    tagged = f"Die/ART Anmeldung/NN kann/VMFIN {words} erfolgen/VVINF ./$."
    assert on(tagged, len(tagged.split()) - 2, alternatives=("{verb}",)) == ("melden … an",)


def test_verb_when_the_agent_is_in_another_clause():
    tagged = "Die/ART Anmeldung/NN muss/VMFIN erfolgen/VVINF ,/$, wie/KOUS von/APPR allen/PIAT Mitgliedern/NN/Mitglied verlangt/VVPP ./$."
    assert on(tagged, 3, alternatives=("{verb}",)) == ("melden … an",)


def test_if_verb_fits_an_ung_noun_and_verb_fills_it():
    assert on(AUSZAHLUNG, 2, if_verb=frozenset({"auszahlen"}), alternatives=("Wir {verb}",)) == ("Wir zahlen … aus",)


def test_if_letter_reads_the_whole_document_and_decides_once():
    from einfach.rules.kinds.base import DocumentState
    from einfach.rules.kinds.senses import in_letter

    doc = tagged_doc("Wir/PPER prüfen/VVFIN ./$.")
    state = DocumentState("Sehr geehrte Frau Müller,\n\nwir prüfen.")
    doc._.einfach_document = state
    assert advice(doc, 0, 0, if_letter=True) == ("passt",)
    assert state.of(in_letter, lambda: "not decided") is True
    other = tagged_doc("Wir/PPER prüfen/VVFIN ./$.")
    other._.einfach_document = DocumentState("Wir prüfen.")
    assert advice(other, 0, 0, if_letter=True) == OWN


# --- after the first mutation run (docs/mutation/senses.py.survivors.md) -------------------------------------

def test_if_parallel_with_the_closing_bracket_as_the_first_token():
    assert on(")/$( beziehungsweise/KON Zahlen/NN/Zahl (/$( Ausbau/NN )/$(", 1, if_parallel=True) == ("passt",)


def test_if_parallel_at_the_start_does_not_wrap_around_to_the_last_token():
    # the text ends with ")": nothing stands before the term
    assert on("beziehungsweise/KON Zahlen/NN/Zahl (/$( Ausbau/NN )/$(", 0, if_parallel=True) == OWN


def test_if_parallel_with_the_opening_bracket_right_after_the_term():
    assert on("Berichte/NN/Bericht (/$( Bau/NN )/$( beziehungsweise/KON (/$( Ausbau/NN )/$(", 4, if_parallel=True) == (
        "passt",)


def test_if_bracket_at_the_start_does_not_wrap_around_to_the_last_token():
    assert on("beziehungsweise/KON Mitglieder/NN/Mitglied (/$(", 0, if_bracket=True) == OWN


def test_if_noun_skips_a_noun_of_the_term_itself():
    tagged = "Wir/PPER zahlen/VVFIN in/APPR Höhe/NN von/APPR 50/CARD Euro/NN ./$."
    assert on(tagged, 2, 3, if_noun=frozenset({"euro"})) == ("passt",)
    assert on(tagged, 2, 3, if_noun=frozenset({"höhe"})) == OWN


def test_a_term_outside_the_words_takes_the_clause_of_the_first_word():
    # a matched punctuation mark has no position among the words: the verb comes from the first word on
    tagged = "Zahlung/NN Prüfung/NN erfolgt/VVFIN ,/$, sofort/ADV"
    assert on(tagged, 3, alternatives=("{verb}",)) == ("zahlen …",)


@pytest.mark.parametrize("words", [
    "von/APPR Montag/NN an/PTKVZ",  # a bare noun right after "von": a time
    "von/APPR Montag/NN Mittag/NN an/PTKVZ",
    "von/APPR den/ART 8/CARD Wochen/NN/Woche an/PTKVZ",  # an article before a number
])
def test_verb_when_von_before_a_bare_noun_or_a_number_names_no_agent(words):
    tagged = f"Die/ART Anmeldung/NN kann/VMFIN {words} erfolgen/VVINF ./$."
    assert on(tagged, len(tagged.split()) - 2, alternatives=("{verb}",)) == ("melden … an",)


def test_a_sentence_of_one_word_is_its_own_clause():
    assert on("Prüfung/NN", 0, if_reflexive=True) == OWN


@pytest.mark.parametrize(("tagged", "term"), [
    ("Zahlung/NN ,/$, erfolgt/VVFIN", 2),  # the comma right before the term
    ("Zahlung/NN ,/$, es/PPER erfolgt/VVFIN", 3),
    ("Es/PPER erfolgt/VVFIN ,/$, Zahlung/NN", 1),  # the comma right before the last word
])
def test_verb_not_from_an_ung_noun_across_a_comma(tagged, term):
    assert on(tagged, term, alternatives=("{verb}",)) == OWN


def test_verb_from_the_clause_that_opens_with_the_term():
    tagged = "Wenn/KOUS Sie/PPER warten/VVFIN ,/$, erfolgt/VVFIN die/ART Zahlung/NN ./$."
    assert on(tagged, 4, alternatives=("{verb}",)) == ("zahlen …",)


@pytest.mark.parametrize("condition", [
    {"if_words": frozenset({"monat"})}, {"if_before": frozenset({"x"})}, {"if_inside": frozenset({"x"})},
    {"if_next": frozenset({"x"})}, {"if_parallel": True}, {"if_bracket": True}, {"if_verb": frozenset({"x"})},
    {"if_letter": True}, {"if_reflexive": True}, {"if_noun": frozenset({"x"})},
], ids=lambda condition: next(iter(condition)))
def test_a_sense_whose_condition_fails_does_not_end_the_search(condition):
    doc = tagged_doc(WOCHEN)
    entry = LexiconEntry(term="x", alternatives=OWN, senses=(
        Sense(alternatives=("erste",), **condition), Sense(alternatives=("zweite",))))
    assert fitting_alternatives(entry, Words(doc[0 : len(doc)]), [doc[5], doc[6]]) == ("zweite",)


def test_if_before_reads_the_first_word_of_the_sentence():
    assert on(WOCHEN, 1, if_before=frozenset({"die"})) == ("passt",)


def test_if_inside_does_not_read_the_word_after_the_term():
    assert on(WOCHEN, 2, 3, if_inside=frozenset({"wochen"})) == OWN


def test_if_next_reads_the_last_word_of_the_sentence():
    assert on(WOCHEN, 5, if_next=frozenset({"anspruch"})) == ("passt",)


@pytest.mark.parametrize(("tagged", "first", "last", "dies"), [
    ("den/ART oben/ADV genannten/ADJA Antrag/NN prüfen/VVFIN wir/PPER ./$.", 1, 2, "diesen"),  # the first word
    ("Wir/PPER prüfen/VVFIN den/ART genannten/ADJA Antrag/NN ./$.", 3, 3, "diesen"),  # a term of one word
])
def test_dies_reads_the_word_right_before_the_term(tagged, first, last, dies):
    assert on(tagged, first, last, alternatives=("{dies}",)) == (dies,)


def test_dies_for_a_term_opening_the_sentence_reads_no_word():
    # the last word is an article, but nothing stands before the term
    assert on("Oben/ADV genannte/ADJA Unterlagen/NN prüft/VVFIN der/ART", 0, 1, alternatives=("{dies}",)) == OWN


def test_noun_not_from_before_the_term():
    tagged = "Die/ART Behörde/NN prüft/VVFIN die/ART oben/ADV genannten/ADJA Unterlagen/NN/Unterlage ./$."
    assert on(tagged, 4, 5, alternatives=("{noun}",)) == ("Unterlagen",)


def test_noun_not_from_the_term_itself():
    tagged = "Wir/PPER zahlen/VVFIN in/APPR Höhe/NN von/APPR 50/CARD Euro/NN ./$."
    assert on(tagged, 2, 3, alternatives=("{noun}",)) == ("Euro",)
    tagged = "Wir/PPER zahlen/VVFIN zu/APPR Lasten/NN/Last Dritter/NN Geld/NN ./$."
    assert on(tagged, 2, 4, alternatives=("{noun}",)) == ("Geld",)


@pytest.mark.parametrize(("alternative", "expected"), [
    ("{noun}", ("Antrag",)),  # the first noun of the sentence
    ("{dies}", OWN),  # no article before
])
def test_placeholders_of_a_term_outside_the_words(alternative, expected):
    assert on("Antrag/NN Bescheid/NN ,/$, Geld/NN", 2, alternatives=(alternative,)) == expected
