"""rules/kinds/dash_range.py (rule ``von-bis``, profile leicht): which dashes are ranges, what they mark
and the "von ... bis" they suggest; one named behaviour per test (docs/quality.md, "Mutation testing")."""

from __future__ import annotations

import pytest
from pinned_support import findings

from einfach.rules.kinds.dash_range import day_or_month


def von_bis(text: str) -> list[tuple[str, str]]:
    """(marked text, suggestion) per finding."""
    return [(f.text, f.suggestions[0]) for f in findings("von-bis", text, "leicht")]


@pytest.mark.parametrize(("text", "marked", "replacement"), [
    ("Wir sind 9–12 Uhr für Sie da.", "9–12", "„von 9 bis 12 Uhr“"),
    ("Das kostet 9—12 Euro.", "9—12", "„von 9 bis 12 Euro“"),
    ("Lesen Sie die Seiten 3-5 im Heft.", "3-5", "„von 3 bis 5“"),
    ("Die Sprechzeit ist 14:00–16:00 Uhr.", "14:00–16:00", "„von 14:00 bis 16:00 Uhr“"),
    ("Das kostet 14,50–16,00 Euro.", "14,50–16,00", "„von 14,50 bis 16,00 Euro“"),
])
def test_number_range_in_one_token(text, marked, replacement):
    assert von_bis(text) == [(marked, f"Schreiben Sie {replacement}.")]


@pytest.mark.parametrize(("text", "marked", "replacement"), [
    ("Die Sprechzeit ist 14.00 - 16.00 Uhr.", "14.00 - 16.00", "„von 14.00 bis 16.00 Uhr“"),
    ("Das Angebot gilt für 9 - 12 Jahre.", "9 - 12", "„von 9 bis 12 Jahre“"),
    ("Das Angebot gilt ab 9 - 12 Jahren.", "9 - 12", "„von 9 bis 12 Jahren“"),
])
def test_number_range_in_three_tokens_with_its_unit(text, marked, replacement):
    assert von_bis(text) == [(marked, f"Schreiben Sie {replacement}.")]


def test_number_range_whose_end_carries_the_full_stop():
    """"16.00." at the end of a sentence: the full stop is no part of the number (it used to crash)."""
    assert von_bis("Die Sprechzeit ist 14.00 - 16.00.") == \
        [("14.00 - 16.00.", "Schreiben Sie „von 14.00 bis 16.00“.")]


@pytest.mark.parametrize(("text", "suggestion"), [("Wir sind von 9–12 Uhr da.", "Schreiben Sie „9 bis 12 Uhr“."),
                                                  ("Das kostet von 9 - 12 Euro.", "Schreiben Sie „9 bis 12 Euro“.")])
def test_von_before_the_range_is_not_repeated(text, suggestion):
    assert [s for _, s in von_bis(text)] == [suggestion]


@pytest.mark.parametrize(("text", "why"), [
    ("Das Spiel ist 3-1 ausgegangen.", "a score goes down"),
    ("Das Spiel ist 3 - 1 ausgegangen.", "a score goes down, in three tokens"),
    ("Die Klasse 5-B macht einen Ausflug.", "a number-letter code"),
    ("Ihre Nummer ist 0351-4488.", "leading zero and four digits: a phone number"),
    ("Ihre Nummer ist 035-4488.", "leading zero and three digits: a phone number"),
    ("Rufen Sie uns an: Telefon 351-400.", "after Telefon"),
    ("Rufen Sie Tel. 351 - 400 an.", "after Tel., in three tokens"),
    ("Rufen Sie Nr. 351-400 an.", "after Nr."),
    ("Der Termin ist am 2024 - 10 - 01.", "an ISO date"),
    ("Das ist 1 – 2 – 3.", "a list of numbers with dashes"),
    ("Das ist 10 - 12345 weit.", "five digits: no number of a range"),
    ("Das ist 9 -", "nothing after the dash"),
])
def test_dashes_between_numbers_that_are_no_range_are_quiet(text, why):
    assert von_bis(text) == [], why


def test_phone_number_check_counts_the_digits_before_the_decimal_separator():
    """"0,50": a leading zero but one digit before the comma, so a range of prices."""
    assert von_bis("Das kostet 0,50–1,50 Euro.") == [("0,50–1,50", "Schreiben Sie „von 0,50 bis 1,50 Euro“.")]


@pytest.mark.parametrize(("text", "marked", "replacement"), [
    ("Das Büro ist Mo–Fr geöffnet.", "Mo–Fr", "„von Montag bis Freitag“"),
    ("Das Büro ist Mo.-Fr. geöffnet.", "Mo.-Fr.", "„von Montag bis Freitag“"),
    ("Der Kurs läuft Januar-März.", "Januar-März", "„von Januar bis März“"),
    ("Der Kurs läuft Jan-Mär.", "Jan-Mär", "„von Januar bis März“"),
    ("Der Kurs läuft Sept-Dez.", "Sept-Dez", "„von September bis Dezember“"),
    ("Wir sind Montag – Freitag im Büro.", "Montag – Freitag", "„von Montag bis Freitag“"),
    ("Wir sind Mo. – Fr. im Büro.", "Mo. – Fr.", "„von Montag bis Freitag“"),
    ("Wir sind Sonnabend – Montag im Büro.", "Sonnabend – Montag", "„von Sonnabend bis Montag“"),
])
def test_range_of_weekdays_or_months_is_written_out(text, marked, replacement):
    assert von_bis(text) == [(marked, f"Schreiben Sie {replacement}.")]


@pytest.mark.parametrize("text", ["Wir sind montag – freitag im Büro.", "Wir sind Haus–Garten im Büro.",
                                  "Wir sind Haus – Garten im Büro."])
def test_lowercase_names_or_other_words_with_a_dash_are_quiet(text):
    assert von_bis(text) == []


def test_message_quotes_the_range():
    (found,) = findings("von-bis", "Wir sind 9–12 Uhr für Sie da.", "leicht")
    assert found.message == "Bereich mit Strich: „9–12“"


@pytest.mark.parametrize("before", ["Tel.", "Tel", "Telefon", "Fax", "Nr.", "Nummer", "Az.", "Aktenzeichen", "Durchwahl",
                                    "Mobil"])
def test_numbers_after_a_word_for_a_phone_or_file_number_are_no_range(before):
    assert von_bis(f"Das ist {before} 351-400.") == []


def test_leading_zero_with_two_digits_is_a_range():
    """A phone number has three or more digits after its leading zero; "09–12" is a time."""
    assert von_bis("Wir sind 09–12 Uhr da.") == [("09–12", "Schreiben Sie „von 09 bis 12 Uhr“.")]


@pytest.mark.parametrize("text", ["Das Spiel ist 2-2 ausgegangen.", "Das Spiel ist 2 - 2 ausgegangen."])
def test_two_equal_numbers_are_no_range(text):
    assert von_bis(text) == []


def test_dotted_day_without_a_full_stop_after_it_marks_one_token():
    assert von_bis("Das Büro ist Mo.-Fr geöffnet.") == [("Mo.-Fr", "Schreiben Sie „von Montag bis Freitag“.")]


@pytest.mark.parametrize("text", ["Wir sind Montag – freitag im Büro.", "Wir sind montag – Freitag im Büro."])
def test_day_range_in_three_tokens_needs_both_names_capitalised(text):
    assert von_bis(text) == []


@pytest.mark.parametrize(("word", "name"), [
    ("Mo", "Montag"), ("Di", "Dienstag"), ("Mi", "Mittwoch"), ("Do", "Donnerstag"), ("Fr", "Freitag"),
    ("Sa", "Samstag"), ("So", "Sonntag"), ("Jan", "Januar"), ("Feb", "Februar"), ("Mär", "März"), ("Apr", "April"),
    ("Mai", "Mai"), ("Jun", "Juni"), ("Jul", "Juli"), ("Aug", "August"), ("Sep", "September"), ("Sept", "September"),
    ("Okt", "Oktober"), ("Nov", "November"), ("Dez", "Dezember"), ("MO", "Montag"),
])
def test_abbreviated_day_or_month_is_written_out(word, name):
    assert day_or_month(word) == name


@pytest.mark.parametrize("name", ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag",
                                  "Sonnabend", "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                                  "September", "Oktober", "November", "Dezember"])
def test_full_day_or_month_name_is_itself(name):
    assert day_or_month(name.lower()) == name


def test_other_word_is_no_day_or_month():
    assert day_or_month("Haus") is None


def test_a_number_after_tel_does_not_end_the_search():
    assert von_bis("Tel. 351-400, Sprechzeit 9–12 Uhr.") == [("9–12", "Schreiben Sie „von 9 bis 12 Uhr“.")]


def test_dotted_day_range_ending_the_text():
    assert von_bis("Das Büro ist offen Mo.-Fr") == [("Mo.-Fr", "Schreiben Sie „von Montag bis Freitag“.")]


def test_day_and_another_word_with_a_dash_are_quiet():
    assert von_bis("Das Büro ist Mo–Haus offen.") == []


def test_number_range_in_three_tokens_ending_the_text():
    assert von_bis("Die Sprechzeit ist 9 - 12") == [("9 - 12", "Schreiben Sie „von 9 bis 12“.")]


def test_two_hyphens_are_no_dash():
    assert von_bis("Die Sprechzeit ist 9 -- 12 Uhr.") == []


def test_every_range_of_a_sentence_is_reported():
    assert von_bis("Das Büro ist Mo-Di offen, Sa-So zu.") == [("Mo-Di", "Schreiben Sie „von Montag bis Dienstag“."),
                                                             ("Sa-So", "Schreiben Sie „von Samstag bis Sonntag“.")]


@pytest.mark.parametrize("text", ["Das Zimmer ist 3 x 4 Meter groß.", "Das sind 3 + 4 Seiten."])
def test_two_numbers_joined_by_another_character_are_no_range(text):
    assert von_bis(text) == []


@pytest.mark.parametrize("text", ["Die Modelle 3 - 5X sind neu.", "Wir sind MoX - Fr im Büro.", "Wir sind Mo - FrX im Büro."])
def test_only_a_full_stop_is_stripped_from_the_words_of_a_range(text):
    """"5X" or "FrX" is no number or day: only the full stop may stay on the last word."""
    assert von_bis(text) == []
