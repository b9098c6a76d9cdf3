"""rules/kinds/legal_reference.py (rule ``rechtsverweis``): which words a reference chain runs over, the law
note, the references left alone (in brackets at the sentence end, lists of legal bases, table cells) and
where the advice moves a reference; one named behaviour per test (docs/quality.md, "Mutation testing")."""

from __future__ import annotations

import pytest
from pinned_support import annotated_doc, findings, kind_hits

MOVE = "Nehmen Sie „{phrase}“ aus dem Satz und setzen Sie „({chain})“ {place}."


def found(text: str, **parameters) -> list[tuple[str, str, str]]:
    """(reference as the message quotes it, law note, suggestion or "") per finding."""
    result = []
    for finding in findings("rechtsverweis", text, **parameters):
        quoted, _, note = finding.message.partition("„")[2].partition("“.")
        result.append((quoted, note.strip(), finding.suggestions[0] if finding.suggestions else ""))
    return result


def chains(text: str) -> list[str]:
    """The reference each finding quotes."""
    return [quoted for quoted, _, _ in found(text)]


def word_chains(words: list[str]) -> list[str]:
    """The marked text of each hit on a one-sentence Doc of ``words`` (tokens as another tokenizer gives them)."""
    doc = annotated_doc([(word, "XY", word) for word in words])
    return [marked for marked, _ in kind_hits("legal_reference", doc, {"laws": "gesetze"})]


# --- the words of a chain ----------------------------------------------------------------------------------

@pytest.mark.parametrize("part", [
    "Abs. 2", "Absatz 2", "Absätze 2", "Abs 2", "S. 2", "Satz 2", "Sätze 2", "Nr. 2", "Nummer 2", "Nrn. 2",
    "Nummern 2", "Buchst. a", "Buchstabe a", "Buchstaben a", "lit. a", "Buchst. aa", "Ziff. 2", "Ziffer 2",
    "Alt. 2", "Alternative 2", "Var. 2", "Variante 2", "Hs. 2", "Halbsatz 2", "UAbs. 2", "Unterabsatz 2",
    "Anhang 2",
])
def test_part_of_a_provision_continues_the_chain(part):
    assert chains(f"Sie müssen nach § 5 {part} AufenthG mitwirken.") == [f"§ 5 {part} AufenthG"]


@pytest.mark.parametrize("part", ["Unterabs.", "Anh."])
def test_abbreviated_part_as_one_token_continues_the_chain(part):
    # einfach's tokenizer splits off their full stop; another tokenizer may keep it
    assert word_chains(["Nach", "§", "5", part, "2", "AufenthG", "gilt", "das", "."]) == [f"§ 5 {part} 2 AufenthG"]


@pytest.mark.parametrize("trailer", ["ff.", "f."])
def test_following_sections_continue_the_chain(trailer):
    assert word_chains(["Nach", "§", "5", trailer, "AufenthG", "gilt", "das", "."]) == [f"§ 5 {trailer} AufenthG"]


def test_letter_of_a_part_ending_the_chain_belongs_to_it():
    assert chains("Sie müssen nach § 5 Buchst. a mitwirken.") == ["§ 5 Buchst. a"]


def test_law_keeping_a_full_stop_as_one_token_is_a_law():
    # einfach's tokenizer splits "GG." at the sentence end; another tokenizer may keep it
    assert word_chains(["Das", "steht", "in", "Art.", "6", "GG."]) == ["Art. 6 GG."]


@pytest.mark.parametrize(("part", "chain"), [
    ("Abs. a", "§ 5 Abs."),  # a letter only after "Buchst.", "lit." and the like
    ("Buchst. abc", "§ 5 Buchst."),  # one or two letters
])
def test_letter_not_naming_a_part_ends_the_chain(part, chain):
    assert chains(f"Sie müssen nach § 5 {part} AufenthG mitwirken.") == [chain]


@pytest.mark.parametrize("link", [",", "und", "oder", "bis", "sowie", "-", "–", "i. V. m.", "i.V.m.", "iVm",
                                  "in Verbindung mit"])
def test_link_followed_by_another_section_continues_the_chain(link):
    text = f"Sie müssen nach § 5 {link} § 6 AufenthG mitwirken."
    assert chains(text) == [f"§ 5 {link} § 6 AufenthG"]


def test_slash_between_numbers_continues_the_chain():
    assert word_chains(["Nach", "§", "5", "/", "6", "AufenthG", "gilt", "das", "."]) == ["§ 5 / 6 AufenthG"]


def test_two_chains_in_one_sentence_are_two_findings():
    assert chains("Sie müssen nach § 5 AufenthG mitwirken und nach § 6 AufenthV zahlen.") == [
        "§ 5 AufenthG", "§ 6 AufenthV"]


def test_link_not_followed_by_a_part_of_the_chain_is_left_out():
    assert chains("Sie müssen nach § 5 und sofort mitwirken.") == ["§ 5"]


@pytest.mark.parametrize("start", ["§", "§§", "Art.", "Artikel", "Art"])
def test_section_sign_or_article_before_a_number_starts_a_chain(start):
    assert chains(f"Sie müssen nach {start} 6 GG mitwirken.") == [f"{start} 6 GG"]


@pytest.mark.parametrize("text", [
    "Das ist die Art und Weise.",  # "Art" without a number
    "Sie finden das unter §.",  # "§" ending the sentence
    "Sie müssen nach § 12345 AufenthG mitwirken.",  # five digits are no section number
])
def test_no_number_after_the_sign_is_no_chain(text):
    assert chains(text) == []


def test_section_and_number_ending_a_text_without_full_stop_are_a_chain():
    assert chains("Das regelt § 5") == ["§ 5"]


def test_section_number_with_a_letter():
    assert chains("Sie müssen nach § 12a KitaG mitwirken.") == ["§ 12a KitaG"]


def test_two_section_signs_start_a_chain():
    assert word_chains(["Nach", "§", "§", "5", "AufenthG", "gilt", "das", "."]) == ["§ § 5 AufenthG"]


# --- the law ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", [
    "des Aufenthaltsgesetzes", "dem Aufenthaltsgesetz", "der Aufenthaltsverordnung", "den Abkommen",
    "das Sozialgesetzbuch", "des Zweiten Buches Sozialgesetzbuch", "des Zweiten Buchs Sozialgesetzbuch",
    "Zweites Buch Sozialgesetzbuch", "des Sozialgesetzbuches", "des Sozialgesetzbuchs",
    "der Verwaltungsgerichtsordnung", "der Zivilprozessordnung", "der Abgabenordnung",
    "der Menschenrechtskonvention", "des Assoziierungsabkommens",
])
def test_name_of_a_law_ends_the_chain(name):
    assert chains(f"Sie müssen nach § 5 {name} mitwirken.") == [f"§ 5 {name}"]


def test_name_of_a_law_in_lowercase_is_no_law():
    assert chains("Sie müssen nach § 5 des aufenthaltsgesetzes mitwirken.") == ["§ 5"]


@pytest.mark.parametrize(("law", "chain"), [
    ("KitaG", "§ 5 KitaG"),  # shaped like a law: capital, lowercase letters, "G"
    ("KrWG", "§ 5 KrWG"),  # one lowercase letter, right after the first
    ("EU", "§ 5"),  # "EU" only after a slash
    ("ABCG", "§ 5"),  # capitals only: no law
    ("SGB II", "§ 5 SGB II"),  # a book of the Sozialgesetzbuch
    ("SGB XII", "§ 5 SGB XII"),
    ("Sozialgesetzbuch II", "§ 5 Sozialgesetzbuch II"),
    ("II", "§ 5"),  # a Roman numeral after no law
])
def test_law_abbreviation_and_book(law, chain):
    assert chains(f"Sie müssen nach § 5 {law} mitwirken.") == [chain]


@pytest.mark.parametrize(("rest", "chain"), [
    ("AufenthG 2004", "§ 5 AufenthG"),  # after the law only a new section goes on
    ("AufenthG i. V. m. § 6 AufenthV", "§ 5 AufenthG i. V. m. § 6 AufenthV"),
    ("AufenthG i. V. m. Art. 6 GG", "§ 5 AufenthG i. V. m. Art. 6 GG"),
    ("AufenthG (neu)", "§ 5 AufenthG"),  # a bracket around no law ends the chain
    ("Aufenthaltsgesetz (AufenthG)", "§ 5 Aufenthaltsgesetz (AufenthG)"),
    ("Zweites Buch Sozialgesetzbuch (SGB II)", "§ 5 Zweites Buch Sozialgesetzbuch (SGB II)"),
    ("[Gesetz]", "§ 5"),  # a template placeholder
])
def test_what_follows_the_law(rest, chain):
    assert chains(f"Sie müssen nach § 5 {rest} mitwirken.") == [chain]


def test_eu_after_a_slash_is_part_of_the_law():
    words = ["Nach", "Art.", "5", "DSGVO", "/", "EU", "gilt", "das", "."]
    assert word_chains(words) == ["Art. 5 DSGVO / EU"]


def test_closing_bracket_ends_the_chain():
    assert chains("Sie müssen mitwirken (§ 82 AufenthG) und zahlen.") == ["§ 82 AufenthG"]


def test_law_keeping_the_full_stop_of_its_sentence_is_quoted_without_it():
    assert found("Sie müssen mitwirken nach § 5 AufenthV.")[0][0] == "§ 5 AufenthV"


# --- the law note ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "note"), [
    ("Sie müssen nach § 5 AufenthG mitwirken.", "„AufenthG“ steht für „Aufenthaltsgesetz“."),
    # each law once, in the order of the chain
    ("Sie müssen nach § 5 AufenthG i. V. m. § 6 AufenthG mitwirken.", "„AufenthG“ steht für „Aufenthaltsgesetz“."),
    ("Sie müssen nach § 5 AufenthG i. V. m. Art. 6 GG mitwirken.",
     "„AufenthG“ steht für „Aufenthaltsgesetz“. „GG“ steht für „Grundgesetz“."),
    # the name written out in the chain: no note
    ("Sie müssen nach § 5 Aufenthaltsgesetz (AufenthG) mitwirken.", ""),
    # a law without a name in the lexicon
    ("Sie müssen nach § 5 KitaG mitwirken.", ""),
    ("Sie müssen mitwirken nach § 5 AufenthV.", "„AufenthV“ steht für „Aufenthaltsverordnung“."),
])
def test_law_note_names_each_abbreviation_once(text, note):
    ((_, written, _),) = found(text)
    assert written == note


def test_message_quotes_the_reference():
    (finding,) = findings("rechtsverweis", "Sie müssen nach § 5 AufenthG mitwirken.")
    assert finding.message == ("Verweis auf eine Vorschrift im Satz: „§ 5 AufenthG“. „AufenthG“ steht für "
                               "„Aufenthaltsgesetz“.")
    assert finding.severity == "info"


# --- references left alone ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Sie müssen mitwirken (§ 82 AufenthG).",
    "Sie müssen mitwirken (vgl. § 82 AufenthG).",
    "Sie müssen mitwirken (siehe § 82 AufenthG und § 5 AufenthV).",
    "Sie müssen mitwirken (s. § 82 AufenthG).",
    "Sie müssen mitwirken (nach § 82 AufenthG).",
    "Sie müssen mitwirken (gemäß § 82 AufenthG).",
    "Sie müssen mitwirken (gem. § 82 AufenthG).",
    "Sie müssen mitwirken (laut § 82 AufenthG).",
    "Sie müssen mitwirken (lt. § 82 AufenthG).",
    "Sie müssen mitwirken (i. V. m. § 82 AufenthG).",
    "Sie müssen mitwirken (i.V.m. § 82 AufenthG).",
    "Sie müssen mitwirken (§ 82 AufenthG)!",
    "Sie müssen mitwirken (§ 82 AufenthG)?",
    "Sie müssen mitwirken (§ 82 AufenthG)…",
    "Sie müssen mitwirken (§ 82 AufenthG).“",
    'Sie müssen mitwirken (§ 82 AufenthG)."',
    "Sie müssen mitwirken (§ 82 AufenthG).'",
    "Sie müssen mitwirken (§ 82 AufenthG und).",  # a link word left over before the closing bracket
    "(Siehe § 82 AufenthG).",  # the bracket opening the sentence
])
def test_reference_in_brackets_at_the_sentence_end_is_quiet(text):
    assert chains(text) == []


@pytest.mark.parametrize("text", [
    "Sie müssen mitwirken (§ 82 AufenthG) und zahlen.",  # words after the bracket
    "Sie müssen mitwirken (nach § 82 AufenthG sofort).",  # a word in the bracket after the reference
    "Sie müssen mitwirken (§ 82 AufenthG",  # the bracket not closed
    "Sie müssen mitwirken (§ 82 AufenthG) jetzt.",  # a word after the bracket
    "Sie müssen mitwirken (jetzt nach § 82 AufenthG).",  # a word in the bracket before the reference
])
def test_reference_in_brackets_not_closing_the_sentence_is_reported(text):
    assert chains(text) == ["§ 82 AufenthG"]


def test_bracketed_at_end_is_read_from_the_parameters():
    assert chains_with("Sie müssen mitwirken (§ 82 AufenthG).", bracketed_at_end=False) == ["§ 82 AufenthG"]


def chains_with(text: str, **parameters) -> list[str]:
    return [quoted for quoted, _, _ in found(text, **parameters)]


@pytest.mark.parametrize("text", [
    "Rechtsgrundlage: § 50 AufenthG",
    "Rechtsgrundlagen: § 50 AufenthG",
    "Gesetzliche Grundlage: § 50 AufenthG",
    "Gesetzliche Grundlagen: § 50 AufenthG",
    "Grundlage: § 50 AufenthG",
    "Grundlagen: § 50 AufenthG",
    "§ 50 AufenthG und § 5 AufenthV",
    "§ 50 AufenthG sowie § 5 AufenthV",
    "§ 50 AufenthG oder § 5 AufenthV",
    # the continuation line of a list of legal bases
    "und § 5 AufenthV",
    "sowie § 5 AufenthV",
    "oder § 5 AufenthV",
])
def test_list_of_legal_bases_is_quiet(text):
    assert chains(text) == []


@pytest.mark.parametrize("text", [
    "Ausstellung | 02.08.2024 | § 47 Abs. 1 AufenthV | 13,00 EUR",
    "Ausstellung | § 47 Abs. 1 AufenthV",
    "§ 47 Abs. 1 AufenthV | 13,00 EUR",
])
def test_reference_filling_a_table_cell_is_quiet(text):
    assert chains(text) == []


def test_reference_filling_a_cell_after_a_sentence_is_quiet():
    # the word before the reference is looked for in its own sentence only
    assert chains("Wir erheben Gebühren.\n§ 47 Abs. 1 AufenthV | 13,00 EUR") == []


def test_reference_after_a_cell_filled_by_a_reference_is_reported():
    assert chains("§ 47 AufenthV | Gebühr nach § 5 AufenthG") == ["§ 5 AufenthG"]


def test_sentence_without_a_reference_does_not_end_the_search():
    assert chains("Wir prüfen. Sie müssen nach § 5 AufenthG mitwirken.") == ["§ 5 AufenthG"]


def test_reference_sharing_its_cell_with_words_is_reported():
    assert chains("Ausstellung § 47 Abs. 1 AufenthV | 13,00 EUR") == ["§ 47 Abs. 1 AufenthV"]


# --- the advice --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("intro", ["gemäß", "gem.", "nach", "laut", "lt.", "entsprechend", "gemäß dem", "gemäß des",
                                   "gemäß den"])
def test_reference_after_a_preposition_inside_the_clause_moves_to_the_sentence_end(intro):
    suggestion = found(f"Die Kosten sind {intro} § 82 AufenthG zu tragen.")[0][2]
    assert suggestion == MOVE.format(phrase=f"{intro} § 82 AufenthG", chain="§ 82 AufenthG", place="an das Satzende")


@pytest.mark.parametrize("text", [
    "Die Kosten sind wegen § 82 AufenthG zu tragen.",  # no preposition that can leave the clause
    "Gemäß § 82 AufenthG sind die Kosten zu tragen.",  # the start of the sentence: the verb would move
    "Die Kosten sind, gemäß § 82 AufenthG, zu tragen.",  # the start of a clause
    "§ 10 StAG regelt die Einbürgerung.",  # no preposition: the reference is what the sentence says
    "Sie erhalten eine Beendigung gemäß § 68 AufenthG von uns.",  # after a noun: noun or statement?
    "Die Kosten sind gemäß § 82 AufenthG zu tragen und können geltend gemacht werden.",  # which conjunct?
    "Die Gebühr, die gemäß § 82 AufenthG fällig ist, zahlen Sie bar.",  # an auxiliary alone before the comma
    "Die Gebühr ist gemäß § 82 AufenthG, sofern Sie zahlen, fällig.",  # no verb before the comma
    "Wir prüfen, ob Sie das gemäß § 82 AufenthG dürfen, und melden uns.",  # a modal alone before the comma
])
def test_reference_without_a_certain_place_has_no_suggestion(text):
    ((_, _, suggestion),) = found(text)
    assert suggestion == ""


@pytest.mark.parametrize("text", [
    "Wir wissen, dass gemäß § 82 AufenthG Kosten entstehen.",  # one word between the comma and the preposition
    "Bitte gemäß § 82 AufenthG zahlen.",  # one word before the preposition
])
def test_one_word_before_the_preposition_makes_it_movable(text):
    ((_, _, suggestion),) = found(text)
    assert suggestion == MOVE.format(phrase="gemäß § 82 AufenthG", chain="§ 82 AufenthG", place="an das Satzende")


def test_reference_opening_a_sentence_after_a_heading_has_no_suggestion():
    # the word before the preposition is looked for in its own sentence only
    assert found("Hinweis\nGemäß § 82 AufenthG sind die Kosten zu tragen.")[0][2] == ""


@pytest.mark.parametrize(("text", "verbs"), [
    ("Wir teilen Ihnen mit, dass Sie gemäß § 82 AufenthG mitwirken müssen, und bitten um Antwort.",
     "mitwirken müssen"),
    ("Wir wissen, dass Sie gemäß § 82 AufenthG verpflichtet sind, und danken Ihnen.", "verpflichtet sind"),
    ("Die Kosten sind gemäß § 82 AufenthG zu tragen, wenn Sie zahlen.", "zu tragen"),
    ("Die Gebühr ist, sofern Sie gemäß § 82 AufenthG zahlen, sofort fällig.", "zahlen"),
])
def test_reference_in_a_clause_before_a_comma_moves_behind_its_verbs(text, verbs):
    ((_, _, suggestion),) = found(text)
    assert suggestion == MOVE.format(phrase="gemäß § 82 AufenthG", chain="§ 82 AufenthG", place=f"hinter „{verbs}“")


@pytest.mark.parametrize(("noun", "law"), [("Aufenthaltserlaubnis", "§ 25 AufenthG"),
                                           ("Verpflichtungserklärung", "§ 68 AufenthG")])
def test_reference_after_an_instrument_noun_stays_there_in_brackets(noun, law):
    ((_, _, suggestion),) = found(f"Sie erhalten eine {noun} gemäß {law} von uns.")
    assert suggestion == f"Schreiben Sie „{noun} ({law})“ statt „{noun} gemäß {law}“."


def test_reference_after_an_instrument_noun_and_two_spaces_stays_there_in_brackets():
    ((_, _, suggestion),) = found("Sie erhalten eine Aufenthaltserlaubnis  gemäß § 25 AufenthG von uns.")
    assert suggestion == ("Schreiben Sie „Aufenthaltserlaubnis (§ 25 AufenthG)“ statt „Aufenthaltserlaubnis gemäß "
                          "§ 25 AufenthG“.")


def test_phrase_in_the_advice_keeps_the_space_after_the_preposition():
    # "5/6": no space after the first number; the phrase joins "gemäß" and "§" with the space after "gemäß"
    ((_, _, suggestion),) = found("Die Kosten sind gemäß § 5/6 AufenthG zu tragen.")
    assert suggestion == MOVE.format(phrase="gemäß § 5/6 AufenthG", chain="§ 5/6 AufenthG", place="an das Satzende")


def test_instrument_nouns_are_read_from_the_parameters():
    text = "Sie erhalten eine Beendigung gemäß § 68 AufenthG von uns."
    ((_, _, suggestion),) = found(text, instrument_nouns=["beendigung"])
    assert suggestion == "Schreiben Sie „Beendigung (§ 68 AufenthG)“ statt „Beendigung gemäß § 68 AufenthG“."


def test_laws_are_read_from_the_parameters():
    doc = annotated_doc([(w, "XY", w) for w in ["Nach", "§", "5", "AufenthG", "gilt", "das", "."]])
    ((_, values),) = kind_hits("legal_reference", doc, {"laws": "gesetze"})
    assert values["law_note"] == " „AufenthG“ steht für „Aufenthaltsgesetz“."


def test_reference_before_a_coordination_of_nouns_still_moves():
    # only a second finite verb after "und"/"oder" makes the place unsure
    ((_, _, suggestion),) = found("Sie zahlen nach § 5 AufenthG Gebühren und Auslagen.")
    assert suggestion == MOVE.format(phrase="nach § 5 AufenthG", chain="§ 5 AufenthG", place="an das Satzende")


# --- the parameters, read by a rule object of the test's own (docs/quality.md: __init__ and the fork server) --

BRACKETED = [("Sie", "PPER"), ("müssen", "VMFIN"), ("mitwirken", "VVINF"), ("(", "$("), ("§", "NN"), ("82", "CARD"),
             ("AufenthG", "NE"), (")", "$("), (".", "$.")]
INSTRUMENT = [("Sie", "PPER"), ("erhalten", "VVFIN"), ("eine", "ART"), ("Beendigung", "NN"), ("gemäß", "APPR"),
              ("§", "NN"), ("68", "CARD"), ("AufenthG", "NE"), ("von", "APPR"), ("uns", "PPER"), (".", "$.")]


def values_of(words: list[tuple[str, str]], parameters: dict) -> list[dict]:
    doc = annotated_doc([(word, tag, word) for word, tag in words])
    return [values for _, values in kind_hits("legal_reference", doc, parameters)]


def test_defaults_bracketed_at_end_and_no_instrument_nouns_and_the_laws_lexicon():
    assert values_of(BRACKETED, {}) == []
    ((values),) = values_of(INSTRUMENT, {})
    assert values["advice"] == ""
    assert values["law_note"] == " „AufenthG“ steht für „Aufenthaltsgesetz“."


def test_bracketed_at_end_off_reports_the_bracketed_reference():
    assert [v["text"] for v in values_of(BRACKETED, {"bracketed_at_end": False})] == ["§ 82 AufenthG"]


def test_instrument_nouns_are_compared_in_lowercase():
    ((values),) = values_of(INSTRUMENT, {"instrument_nouns": ["Beendigung"]})
    assert values["advice"] == "Schreiben Sie „Beendigung (§ 68 AufenthG)“ statt „Beendigung gemäß § 68 AufenthG“."


def test_laws_lexicon_is_read_from_the_parameters():
    # another lexicon names no law: "AufenthG" is still a law by its shape, but without a note
    ((values),) = values_of(INSTRUMENT, {"laws": "funktionsverben"})
    assert (values["text"], values["law_note"]) == ("§ 68 AufenthG", "")


# --- chains around brackets and after the law (added for the survivors of the first run) -------------------

@pytest.mark.parametrize(("text", "expected"), [
    # a number after a slash is no law: the chain goes on after it
    ("Sie müssen nach § 5/6 Abs. 2 AufenthG mitwirken.", ["§ 5/6 Abs. 2 AufenthG"]),
    # a bracket opened before the last word of the text
    ("Das regelt § 5 Aufenthaltsgesetz (AufenthG", ["§ 5 Aufenthaltsgesetz"]),
    # the word after a bracketed abbreviation is read: a verb ends the chain, a link continues it
    ("Nach § 5 Aufenthaltsgesetz (AufenthG) gilt § 6 entsprechend.", ["§ 5 Aufenthaltsgesetz (AufenthG)", "§ 6"]),
    ("Nach § 5 Aufenthaltsgesetz (AufenthG) i. V. m. § 6 AufenthV gilt das.",
     ["§ 5 Aufenthaltsgesetz (AufenthG) i. V. m. § 6 AufenthV"]),
    # a closing bracket ends the chain even when another reference follows
    ("Sie müssen mitwirken (§ 82 AufenthG) und § 5 AufenthV beachten.", ["§ 82 AufenthG", "§ 5 AufenthV"]),
    # after the book of a law only a new section goes on
    ("Sie müssen nach § 5 SGB II 2004 mitwirken.", ["§ 5 SGB II"]),
])
def test_chain_around_brackets_and_after_the_law(text, expected):
    assert chains(text) == expected
