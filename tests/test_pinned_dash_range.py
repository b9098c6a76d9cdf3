"""rules/kinds/dash_range.py (rule ``von-bis``, profile leicht): which dashes are ranges, what they mark
and the "von ... bis" they suggest; one named behaviour per test (docs/quality.md, "Mutation testing")."""

from __future__ import annotations

import pytest
from pinned_support import findings


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
