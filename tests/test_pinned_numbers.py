"""rules/kinds/numbers.py (rule ``zahlen``, profile leicht): number words, long numbers, Roman numerals,
dates, percentages and fractions, with the replacement each suggests; one named behaviour per test
(docs/quality.md, "Mutation testing").

The word tables are pinned word by word (each test names its word, so a word changed in a table fails
its test)."""

from __future__ import annotations

import pytest
from pinned_support import annotated_doc, findings, kind_hits, kind_on_words, tagged_doc

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


# --- the kind on tagged sentences: tags, text boundaries, parameters -----------------------------------------

def hits(tagged: str, **parameters) -> list[tuple[str, str]]:
    """(marked text, replacement) per hit of the kind (every part on unless switched off) on a tagged text."""
    return [(text, values["replacement"].strip("„“")) for text, values in
            kind_hits("numbers", tagged_doc(tagged), parameters)]


def test_every_part_is_on_by_default():
    assert hits("Sie/PPER haben/VAFIN drei/CARD Wochen/NN ./$.") == [("drei", "3 Wochen")]


def test_number_word_opening_the_text_is_reported():
    assert hits("Drei/CARD Wochen/NN sind/VAFIN genug/ADV ./$.") == [("Drei", "3 Wochen")]


def test_number_word_ending_the_text_is_reported_alone():
    assert hits("Es/PPER sind/VAFIN drei/CARD") == [("drei", "3")]


def test_number_word_and_noun_ending_the_text_keep_the_noun():
    assert hits("Es/PPER sind/VAFIN drei/CARD Wochen/NN") == [("drei", "3 Wochen")]


@pytest.mark.parametrize("tag", ["CARD", "ADV", "ADJD", "ADJA"])
def test_number_word_with_a_number_or_adjective_tag_is_reported(tag):
    assert hits(f"Es/PPER sind/VAFIN drei/{tag} ./$.") == [("drei", "3")]


def test_number_word_tagged_as_a_noun_is_quiet():
    assert hits("Die/ART Drei/NN ist/VAFIN eine/ART Zahl/NN ./$.") == []


def test_hundert_without_digits_before_it_is_reported():
    assert hits("Es/PPER kamen/VVFIN hundert/CARD Leute/NN ./$.") == [("hundert", "100 Leute")]


@pytest.mark.parametrize("word", ["Hundert", "Tausend"])
def test_hundert_or_tausend_after_digits_at_the_second_word_is_quiet(word):
    assert hits(f"30/CARD {word}/CARD Einwohner/NN leben/VVFIN hier/ADV ./$.") == []


def test_number_word_after_digits_is_reported():
    assert hits("Seite/NN 5/CARD drei/CARD Zeilen/NN ./$.") == [("drei", "3 Zeilen")]


def test_a_word_after_a_finding_does_not_end_the_search():
    """"5 vom Hundert" covers "Hundert"; "drei" after it is still reported."""
    assert [t for t, _ in zahlen("Das sind 5 vom Hundert mehr als vor drei Jahren.")] == ["5 vom Hundert", "drei"]


@pytest.mark.parametrize(("text", "message"), [
    ("Sie bekommen 11904,00 EUR.", "lange Zahl ohne Punkte: „11904,00 EUR“"),
    ("Es kamen 120000 Menschen.", "lange Zahl ohne Punkte: „120000“"),
    ("Das war im neunzehnten Jahrhundert.", "Ordnungszahl in Buchstaben: „neunzehnten“"),
    ("Der Termin 2024-10-01 gilt.", "Datum nur in Ziffern: „2024-10-01“"),
    ("Am 01.10.2024 ist der Termin.", "Datum nur in Ziffern: „01.10.2024“"),
    ("Lesen Sie Kapitel IV.", "römische Zahl: „IV.“"),
    ("Das sind 5 % mehr.", "Prozent-Zeichen: „5 %“"),
    ("Das sind 5 v. H. mehr.", "Prozent als „v. H.“: „5 v. H.“"),
    ("Sie zahlen 1/2 der Kosten.", "Bruchzahl: „1/2“"),
])
def test_message_names_the_problem(text, message):
    assert [f.message for f in findings("zahlen", text, "leicht")] == [message]


# --- long numbers and counts ---------------------------------------------------------------------------------

def test_long_number_ending_the_text_is_grouped():
    assert hits("Der/ART Betrag/NN ist/VAFIN 11904,50/CARD") == [("11904,50", "11.904,50")]


def test_long_count_before_an_adjective_is_grouped():
    assert hits("Es/PPER fehlen/VVFIN 120000/CARD neue/ADJA Wohnungen/NN ./$.") == [("120000", "120.000")]


def test_five_digits_before_a_plural_by_its_lemma_are_a_count():
    assert zahlen("Es kamen 50000 Menschen.") == [("50000", "Schreiben Sie „50.000“.")]


def test_six_digits_before_a_singular_noun_are_a_count():
    assert hits("Es/PPER waren/VAFIN 123456/CARD Mann/NN ./$.") == [("123456", "123.456")]


# --- ordinal number words ------------------------------------------------------------------------------------

def test_dreizehnte_is_the_first_ordinal_above_twelve():
    assert zahlen("Das war im dreizehnten Jahrhundert.") == [("dreizehnten", "Schreiben Sie „13. Jahrhundert“.")]


@pytest.mark.parametrize("tag", ["ADJA", "ADJD", "ADV"])
def test_ordinal_word_with_an_adjective_or_adverb_tag_is_reported(tag):
    assert hits(f"Das/PDS war/VAFIN der/ART neunzehnte/{tag} ./$.") == [("neunzehnte", "19.")]


def test_ordinal_word_tagged_as_a_noun_is_quiet():
    assert hits("Der/ART Neunzehnte/NN kommt/VVFIN ./$.") == []


def test_ordinal_word_is_switched_off_with_number_words():
    assert hits("Das/PDS war/VAFIN im/APPRART neunzehnten/ADJA Jahrhundert/NN ./$.", number_words=False) == []


def test_ordinal_word_ending_the_text_is_reported_alone():
    assert hits("Das/PDS war/VAFIN der/ART neunzehnte/ADJA") == [("neunzehnte", "19.")]


def test_ordinal_word_and_noun_ending_the_text_keep_the_noun():
    assert hits("Das/PDS war/VAFIN im/APPRART neunzehnten/ADJA Jahrhundert/NN") == [("neunzehnten", "19. Jahrhundert")]


def test_ordinal_word_before_a_verb_is_reported_without_it():
    assert hits("Der/ART neunzehnte/ADJA ist/VAFIN frei/ADJD ./$.") == [("neunzehnte", "19.")]


def test_number_word_with_another_ending_is_no_ordinal():
    """"dreißigmal" ends in no ordinal suffix; cut by one it would be "dreißig"."""
    assert hits("Ich/PPER war/VAFIN dreißigmal/ADV da/ADV ./$.", number_words=True) == []


# --- ISO dates ------------------------------------------------------------------------------------------------

def test_iso_date_ending_a_sentence_keeps_its_full_stop_out_of_the_day():
    assert [s for _, s in zahlen("Der Termin ist am 2024-10-01.")] == ["Schreiben Sie „1. Oktober 2024“."]


def test_iso_date_ending_the_text_is_written_out():
    assert hits("Termin/NN 2024/CARD -/$( 10/CARD -/$( 01/CARD") == [("2024 - 10 - 01", "1. Oktober 2024")]


@pytest.mark.parametrize("tagged", ["Ab/APPR 2024/CARD -/$( 10/CARD -/$(", "Ab/APPR 2024/CARD -/$( 10/CARD"])
def test_iso_date_cut_off_by_the_end_of_the_text_is_quiet(tagged):
    assert hits(tagged) == []


def test_iso_dates_can_be_switched_off():
    assert hits("Termin/NN 2024/CARD -/$( 10/CARD -/$( 01/CARD ./$.", dates=False) == []


def test_numbers_after_a_year_without_hyphens_are_no_iso_date():
    assert zahlen("Seit 2024 sind 10 von 12 Plätzen belegt.") == []


def test_hyphen_only_before_the_day_makes_no_iso_date():
    assert hits("Zimmer/NN 12/CARD und/KON 10/CARD -/$( 11/CARD ./$.") == []


def test_iso_date_needs_a_month_of_two_digits():
    assert hits("Am/APPRART 2024/CARD -/$( 1/CARD -/$( 01/CARD ./$.") == []


@pytest.mark.parametrize(("date", "written"), [("2024-10-31", "31. Oktober 2024"), ("2024-01-15", "15. Januar 2024"),
                                               ("2024-12-01", "1. Dezember 2024")])
def test_iso_date_at_the_bounds_of_day_and_month_is_written_out(date, written):
    year, month, day = date.split("-")
    assert hits(f"Am/APPRART {year}/CARD -/$( {month}/CARD -/$( {day}/CARD ./$.") == [(f"{year} - {month} - {day}", written)]


@pytest.mark.parametrize("date", ["2024-10-32", "2024-13-01", "2024-00-10", "2024-10-00"])
def test_iso_date_with_an_impossible_day_or_month_is_quiet(date):
    year, month, day = date.split("-")
    assert hits(f"Am/APPRART {year}/CARD -/$( {month}/CARD -/$( {day}/CARD ./$.") == []


# --- fractions -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("fraction", "words"), [("1/2", "die Hälfte"), ("3/4", "drei Viertel"), ("2/3", "zwei Drittel")])
def test_fraction_as_one_token_is_written_in_words(fraction, words):
    """Another spaCy pipeline (``--model``) keeps "1/2" one token."""
    doc, found = kind_on_words("numbers", ["Sie", "zahlen", fraction, "der", "Kosten"])
    assert [(doc[h.start : h.end].text, h.values["replacement"]) for h in found] == [(fraction, f"„{words}“")]


def fraction_hits(words: list[str]) -> list[str]:
    """The marked texts of the kind on a Doc of ``words`` ("/" one token), tagged as numbers and nouns."""
    doc = annotated_doc([(w, "CARD" if w.isdigit() else "$(" if w == "/" else "NN", w.lower()) for w in words])
    return [text for text, _ in kind_hits("numbers", doc)]


def test_slash_after_a_word_is_no_fraction():
    assert fraction_hits(["Zimmer", "Nr", "/", "2"]) == []


def test_number_and_slash_ending_the_text_are_no_fraction():
    assert fraction_hits(["Sie", "zahlen", "1", "/"]) == []


def test_number_slash_number_as_three_tokens_is_a_fraction():
    assert fraction_hits(["Sie", "zahlen", "1", "/", "2"]) == ["1 / 2"]


@pytest.mark.parametrize(("words", "marked"), [
    (["Seite", "1", "/", "Absatz"], []),
    (["Seite", "1", "/", "2024"], []),
    (["Sie", "zahlen", "1", "/", "10"], ["1 / 10"]),
    (["Sie", "zahlen", "1", "/", "100"], []),
    (["Sie", "zahlen", "10", "/", "12"], ["10 / 12"]),
    (["Sie", "zahlen", "0", "/", "2"], []),
    (["Sie", "zahlen", "2", "/", "2"], []),
])
def test_fraction_needs_two_numbers_of_at_most_two_digits_the_first_smaller(words, marked):
    assert fraction_hits(words) == marked


# --- Roman numerals ----------------------------------------------------------------------------------------------

def test_roman_numeral_without_full_stop_is_read_whole():
    assert hits("Lesen/VVIMP Sie/PPER Kapitel/NN IV/CARD ./$.") == [("IV", "4")]


def test_xxx_is_an_anonymised_text():
    assert zahlen("Herr XXX wohnt hier.") == []


def test_roman_numeral_opening_the_text_is_reported():
    assert hits("IV/CARD ist/VAFIN neu/ADJD ./$.") == [("IV", "4")]


def test_single_roman_letter_after_a_trigger_tagged_as_a_name_is_quiet():
    assert hits("Lesen/VVIMP Sie/PPER Teil/NE V/CARD ./$.") == []


def test_two_roman_letters_after_a_trigger_tagged_as_a_name_are_reported():
    assert hits("Lesen/VVIMP Sie/PPER Teil/NE IV/CARD ./$.") == [("IV", "4")]


# --- dates -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("date", "written"), [("31.10.2024", "31. Oktober 2024"), ("15.01.2024", "15. Januar 2024"),
                                               ("1.12.2024", "1. Dezember 2024")])
def test_date_at_the_bounds_of_day_and_month_is_written_out(date, written):
    assert zahlen(f"Der Termin ist am {date} um 10 Uhr.") == [(date, f"Schreiben Sie „{written}“.")]


@pytest.mark.parametrize("date", ["32.10.2024", "15.13.2024", "15.00.2024", "00.10.2024"])
def test_date_with_an_impossible_day_or_month_is_quiet(date):
    assert zahlen(f"Der Termin ist am {date} um 10 Uhr.") == []


def test_date_with_four_digit_year_needs_no_word_before_it():
    assert hits("Termin/NN 01.10.2024/CARD gilt/VVFIN ./$.") == [("01.10.2024", "1. Oktober 2024")]


def test_date_with_two_digit_year_after_another_word_is_quiet():
    assert hits("Raum/NN 1.10.24/CARD ist/VAFIN frei/ADJD ./$.") == []


def test_date_without_year_opening_the_text_is_quiet():
    assert hits("1.10./CARD ist/VAFIN frei/ADJD ./$.") == []


@pytest.mark.parametrize(("date", "year"), [("1.10.50", "2050"), ("1.10.51", "1951")])
def test_two_digit_year_up_to_50_is_in_this_century(date, year):
    assert hits(f"am/APPRART {date}/CARD ./$.") == [(date, f"1. Oktober {year}")]


# --- percentages -------------------------------------------------------------------------------------------------

def test_percentage_with_a_decimal_comma_is_written_with_prozent():
    assert zahlen("Das sind 5,5 % mehr.") == [("5,5 %", "Schreiben Sie „5,5 Prozent“.")]


def test_percentages_can_be_switched_off():
    assert hits("Das/PDS sind/VAFIN 5/CARD %/NN mehr/ADV ./$.", percent=False) == []


def test_percent_sign_after_a_word_is_quiet():
    assert hits("Der/ART Zins/NN x/XY %/NN gilt/VVFIN ./$.") == []


def test_number_ending_the_text_is_no_percentage():
    assert hits("Es/PPER sind/VAFIN 5/CARD") == []


def test_percentage_after_the_fourth_word_is_written_with_prozent():
    """The two words after the number are read wherever it stands (not only near the start of the text)."""
    assert zahlen("Die Miete steigt ab Mai um 5 % im Jahr.") == [("5 %", "Schreiben Sie „5 Prozent“.")]
