"""rules/kinds/numbers.py (rule ``zahlen``, profile leicht): number words, long numbers, Roman numerals,
dates, percentages and fractions, with the replacement each suggests; one named behaviour per test
(docs/quality.md, "Mutation testing").

The word tables are pinned word by word (each test names its word, so a word changed in a table fails
its test)."""

from __future__ import annotations

import pytest
from pinned_support import findings

from einfach.rules.kinds.numbers import group_digits, number_word_value, roman_value


def zahlen(text: str, **parameters) -> list[tuple[str, str]]:
    """(marked text, suggestion) per finding."""
    return [(f.text, f.suggestions[0]) for f in findings("zahlen", text, "leicht", **parameters)]


# --- number_word_value ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("word", "value"), [
    ("zwei", 2), ("drei", 3), ("vier", 4), ("fünf", 5), ("sechs", 6), ("sieben", 7), ("acht", 8), ("neun", 9),
    ("zehn", 10), ("elf", 11), ("zwölf", 12), ("dreizehn", 13), ("vierzehn", 14), ("fünfzehn", 15),
    ("sechzehn", 16), ("siebzehn", 17), ("achtzehn", 18), ("neunzehn", 19), ("zwanzig", 20), ("dreißig", 30),
    ("vierzig", 40), ("fünfzig", 50), ("sechzig", 60), ("siebzig", 70), ("achtzig", 80), ("neunzig", 90),
])
def test_value_of_a_simple_number_word(word, value):
    assert number_word_value(word) == value


@pytest.mark.parametrize(("word", "value"), [
    ("einundzwanzig", 21), ("sechsundsechzig", 66), ("siebenundsiebzig", 77), ("sechsunddreißig", 36),
    ("siebzehn", 17), ("hundert", 100), ("einhundert", 100), ("zweihundert", 200), ("hunderteins", 101),
    ("hundertein", 101), ("dreihundertzwölf", 312), ("tausend", 1000), ("eintausend", 1000),
    ("fünftausenddreihundert", 5300), ("siebentausend", 7000), ("sechshundert", 600), ("siebenhundert", 700),
    ("Zwanzig", 20),
])
def test_value_of_a_compound_number_word(word, value):
    assert number_word_value(word) == value


@pytest.mark.parametrize("word", ["eins", "ein", "Haus", "hausundgarten", "zehnhundert", "hundertfoo", "fooundzwanzig",
                                  "zweiundfoo", "undzwanzig"])
def test_word_that_is_no_number_word_from_two_has_no_value(word):
    assert number_word_value(word) is None


# --- roman_value and group_digits -----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "value"), [("I", 1), ("II", 2), ("III", 3), ("IV", 4), ("V", 5), ("VI", 6),
                                             ("IX", 9), ("X", 10), ("XIV", 14), ("XIX", 19), ("XXXIX", 39)])
def test_value_of_a_roman_numeral(text, value):
    assert roman_value(text) == value


@pytest.mark.parametrize("text", ["", "IIII", "XL", "VV", "ii", "ABC"])
def test_text_that_is_no_roman_numeral_up_to_39_has_no_value(text):
    assert roman_value(text) is None


@pytest.mark.parametrize(("digits", "grouped"), [("123", "123"), ("1234", "1.234"), ("11904", "11.904"),
                                                 ("120000", "120.000"), ("1234567", "1.234.567")])
def test_digits_are_grouped_by_three_from_the_right(digits, grouped):
    assert group_digits(digits) == grouped


# --- the rule --------------------------------------------------------------------------------------------

def test_number_word_before_a_noun_is_written_in_digits_with_the_noun():
    assert zahlen("Sie haben drei Wochen Zeit.") == [("drei", "Schreiben Sie „3 Wochen“.")]


def test_message_names_the_problem_and_the_text():
    (found,) = findings("zahlen", "Sie haben drei Wochen Zeit.", "leicht")
    assert found.message == "Zahl in Buchstaben: „drei“"


def test_number_word_without_a_noun_after_it_is_written_in_digits_alone():
    assert zahlen("Es sind drei.") == [("drei", "Schreiben Sie „3“.")]


def test_tausend_after_digits_is_the_way_to_write_large_numbers():
    assert zahlen("Die Stadt hat 30 Tausend Einwohner.") == []


def test_number_words_can_be_switched_off():
    assert zahlen("Sie haben drei Wochen Zeit.", number_words=False) == []


def test_ordinal_word_above_twelve_is_written_in_digits():
    assert zahlen("Das war im neunzehnten Jahrhundert.") == [("neunzehnten", "Schreiben Sie „19. Jahrhundert“.")]


def test_ordinal_word_up_to_twelve_is_quiet():
    assert zahlen("Das ist der zwölfte Teil.") == []


def test_long_amount_with_currency_is_grouped():
    assert zahlen("Sie bekommen 11904,00 EUR.") == [("11904,00 EUR", "Schreiben Sie „11.904 Euro“.")]


def test_long_amount_keeps_a_decimal_part_that_is_not_zero():
    assert zahlen("Sie bekommen 11904,50 Euro.") == [("11904,50 Euro", "Schreiben Sie „11.904,50 Euro“.")]


def test_long_number_with_a_decimal_part_and_no_currency_is_grouped():
    assert zahlen("Der Wert 11904,50 gilt.") == [("11904,50", "Schreiben Sie „11.904,50“.")]


def test_five_digits_without_currency_or_noun_are_a_code():
    assert zahlen("Ihre Nummer ist 12345.") == []


def test_long_count_before_a_plural_noun_is_grouped():
    assert zahlen("Es kamen 120000 Menschen.") == [("120000", "Schreiben Sie „120.000“.")]


def test_five_digits_before_a_place_name_are_a_postal_code():
    assert zahlen("Die Adresse ist 12345 Musterstadt.") == []


def test_five_digits_before_a_unit_noun_are_a_count():
    assert zahlen("Die Stadt hat 50000 Einwohner.") == [("50000", "Schreiben Sie „50.000“.")]


def test_counts_can_be_switched_off():
    assert zahlen("Es kamen 120000 Menschen.", counts=False) == []


@pytest.mark.parametrize(("text", "marked", "value"), [("Lesen Sie Kapitel IV.", "IV.", "4"),
                                                       ("Lesen Sie Teil II.", "II.", "2"),
                                                       ("Lesen Sie Anlage V.", "V.", "5")])
def test_roman_numeral_is_written_in_digits(text, marked, value):
    assert zahlen(text) == [(marked, f"Schreiben Sie „{value}“.")]


def test_single_roman_letter_without_a_trigger_word_is_quiet():
    assert zahlen("Das ist Vitamin C und V.") == []


def test_xx_is_an_anonymised_text():
    assert zahlen("Herr XX wohnt hier.") == []


@pytest.mark.parametrize(("text", "marked", "replacement"), [
    ("Am 01.10.2024 ist der Termin.", "01.10.2024", "1. Oktober 2024"),
    ("Am 1.10.24 ist der Termin.", "1.10.24", "1. Oktober 2024"),
    ("Er ist am 3.5.87 geboren.", "3.5.87", "3. Mai 1987"),
    ("Der Termin ist am 1.10.", "1.10.", "1. Oktober"),
])
def test_date_in_digits_is_written_out(text, marked, replacement):
    assert zahlen(text) == [(marked, f"Schreiben Sie „{replacement}“.")]


def test_date_without_year_after_another_word_is_a_room_number():
    assert zahlen("Gehen Sie in Raum 1.05.") == []


def test_impossible_date_is_quiet():
    assert zahlen("Der Termin ist am 32.13.2024.") == []


def test_iso_date_is_written_out():
    assert zahlen("Der Termin 2024-10-01 gilt.") == [("2024-10-01", "Schreiben Sie „1. Oktober 2024“.")]


@pytest.mark.parametrize(("text", "marked"), [("Das sind 5 % mehr.", "5 %"), ("Das sind 5 v. H. mehr.", "5 v. H."),
                                              ("Das sind 5 vom Hundert mehr.", "5 vom Hundert")])
def test_percentage_is_written_with_prozent(text, marked):
    assert zahlen(text) == [(marked, "Schreiben Sie „5 Prozent“.")]


@pytest.mark.parametrize(("text", "marked", "replacement"), [
    ("Sie zahlen 1/2 der Kosten.", "1/2", "die Hälfte"), ("Sie zahlen ½ der Kosten.", "½", "die Hälfte"),
    ("Sie zahlen 1/3 der Kosten.", "1/3", "ein Drittel"), ("Sie zahlen 2/3 der Kosten.", "2/3", "zwei Drittel"),
    ("Sie zahlen 1/4 der Kosten.", "1/4", "ein Viertel"), ("Sie zahlen ¾ der Kosten.", "¾", "drei Viertel"),
    ("Sie zahlen 3/5 der Kosten.", "3/5", "ein Teil"),
])
def test_fraction_is_written_in_words(text, marked, replacement):
    assert zahlen(text) == [(marked, f"Schreiben Sie „{replacement}“.")]


def test_school_year_is_no_fraction():
    assert zahlen("Im Schuljahr 2023/24 gilt das.") == []


def test_a_sentence_without_numbers_does_not_end_the_search():
    assert [t for t, _ in zahlen("Das ist gut. Sie haben drei Wochen Zeit.")] == ["drei"]


def test_hundert_in_vom_hundert_is_part_of_the_percentage():
    """"5 vom Hundert" is one finding (-> "5 Prozent"), not also "Hundert" -> "100"."""
    assert [t for t, _ in zahlen("Das sind 5 vom Hundert mehr.")] == ["5 vom Hundert"]
