"""Kind ``numbers``: numbers that are hard to read in Leichte Sprache.

Found by the form of a token (tags only help: HanTa tags "fünfundzwanzig"
as an adverb and "II" as a name):

* number words ("drei Wochen" -> "3 Wochen"): the words zwei to
  neunundneunzig, hundert, tausend and their compounds; "ein/eine/eins" are
  left alone (mostly the article);
* long numbers: five or more digits without grouping, as an amount
  ("11904,00 EUR" -> "11.904 Euro"; a decimal part or a currency after
  it); postal codes, phone and file numbers are not amounts and stay quiet;
* Roman numerals: II to XXXIX in capitals, and I, V, X only after a word
  such as "Kapitel", "Teil", "Band", "Anlage", "Stufe";
* dates in numeric form ("01.10.2024" -> "1. Oktober 2024"; day and month
  must be valid; two-digit years are left alone; a date without a year only
  after "am", "bis", "vom", ..., since "Raum 1.05." is a room number);
* percentages written "v. H." or "vom Hundert" ("5 v. H." -> "5 Prozent").

Placeholders are never reported.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the pipeline, not by rule validation
    from spacy.tokens import Doc, Token

from .base import Hit, quote

UNITS = {"zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9}
UNIT_PREFIX = {**UNITS, "ein": 1, "sech": 6, "sieb": 7}
TEENS = {"zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16,
         "siebzehn": 17, "achtzehn": 18, "neunzehn": 19}
TENS = {"zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80,
        "neunzig": 90}
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember"]
CURRENCIES = {"eur": "Euro", "euro": "Euro", "€": "Euro", "cent": "Cent"}
ROMAN = re.compile(r"^(X{0,3})(IX|IV|V?I{0,3})$")
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
ROMAN_TRIGGERS = {"kapitel", "teil", "band", "abschnitt", "anlage", "stufe", "buch", "titel", "klasse", "nr.", "nummer", "artikel", "art."}
DATE_CONTEXT = {"am", "vom", "bis", "zum", "ab", "seit", "dem", "den", "zwischen", "und", "nach", "vor"}
DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})?\.?$")
LONG_NUMBER = re.compile(r"^([1-9]\d{4,})(,(\d+))?$")


def number_word_value(word: str) -> int | None:
    """The value of a German number word from 2 to 9999, or None."""
    word = word.lower()
    if word in UNITS:
        return UNITS[word]
    if word in TEENS:
        return TEENS[word]
    if word in TENS:
        return TENS[word]
    for thousands_word, factor in (("tausend", 1000), ("hundert", 100)):
        if thousands_word in word:
            head, _, tail = word.partition(thousands_word)
            multiplier = 1 if head in {"", "ein"} else UNIT_PREFIX.get(head)
            if multiplier is None:
                return None
            rest = 0
            if tail:
                rest = number_word_value(tail) if tail not in {"eins", "ein"} else 1
                if rest is None:
                    return None
            return multiplier * factor + rest
    if "und" in word:
        unit, _, tens = word.partition("und")
        if unit in UNIT_PREFIX and tens in TENS:
            return UNIT_PREFIX[unit] + TENS[tens]
    return None


def roman_value(text: str) -> int | None:
    match = ROMAN.match(text)
    if not text or not match:
        return None
    total = 0
    previous = 0
    for char in reversed(text):
        value = ROMAN_VALUES[char]
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total or None


def group_digits(digits: str) -> str:
    """"11904" -> "11.904"."""
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return ".".join([digits] + groups)


class Numbers:
    parameters = {"number_words", "long_numbers", "roman", "dates", "percent"}
    values = {"text", "problem", "replacement"}

    def __init__(self, parameters: dict):
        self.enabled = {name: bool(parameters.get(name, True)) for name in self.parameters}

    def find(self, doc: Doc):
        tokens = [t for t in doc if not t.is_space]
        for position, token in enumerate(tokens):
            if token._.einfach_placeholder:
                continue
            following = tokens[position + 1] if position + 1 < len(tokens) else None
            previous = tokens[position - 1] if position else None
            hit = (
                self._number_word(token)
                or self._long_number(token, following)
                or self._roman(token, previous)
                or self._date(token)
                or self._percent(token, tokens[position + 1 : position + 3])
            )
            if hit is not None:
                yield hit

    def _hit(self, first: Token, last: Token, problem: str, replacement: str) -> Hit:
        doc = first.doc
        return Hit(
            start=first.i,
            end=last.i + 1,
            values={"text": quote(doc[first.i : last.i + 1].text), "problem": problem, "replacement": quote(replacement)},
        )

    def _number_word(self, token: Token):
        if not self.enabled["number_words"] or token.tag_ not in {"CARD", "ADV", "ADJD", "ADJA"} or not token.text.isalpha():
            return None
        value = number_word_value(token.text)
        if value is None:
            return None
        following = token.nbor(1) if token.i + 1 < len(token.doc) else None
        replacement = f"{value} {following.text}" if following is not None and following.tag_ == "NN" else str(value)
        return self._hit(token, token, "Zahl in Buchstaben", replacement)

    def _long_number(self, token: Token, following: Token | None):
        if not self.enabled["long_numbers"]:
            return None
        match = LONG_NUMBER.match(token.text)
        if not match:
            return None
        currency = CURRENCIES.get(following.lower_) if following is not None else None
        if match.group(2) is None and currency is None:
            return None  # postal code, file or phone number
        digits, decimals = match.group(1), match.group(3)
        number = group_digits(digits)
        if decimals and set(decimals) != {"0"}:
            number += "," + decimals
        replacement = f"{number} {currency}" if currency else number
        last = following if currency else token
        return self._hit(token, last, "lange Zahl ohne Punkte", replacement)

    def _roman(self, token: Token, previous: Token | None):
        if not self.enabled["roman"]:
            return None
        text = token.text[:-1] if token.text.endswith(".") and len(token.text) > 1 else token.text
        value = roman_value(text)
        if value is None:
            return None
        if text in {"XX", "XXX"}:
            return None  # anonymised text, not a number
        if len(text) == 1 and (previous is None or previous.lower_ not in ROMAN_TRIGGERS):
            return None
        if previous is not None and previous.text[:1].isupper() and previous.tag_ == "NE" and len(text) == 1:
            return None
        return self._hit(token, token, "römische Zahl", str(value))

    def _date(self, token: Token):
        if not self.enabled["dates"]:
            return None
        match = DATE.match(token.text)
        if not match:
            return None
        day, month, year = int(match.group(1)), int(match.group(2)), match.group(3)
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return None
        if year is None:
            previous = token.nbor(-1) if token.i > 0 else None
            if previous is None or previous.lower_ not in DATE_CONTEXT:
                return None  # "Raum 1.05." is a room, not the first of May
        replacement = f"{day}. {MONTHS[month - 1]}" + (f" {year}" if year else "")
        return self._hit(token, token, "Datum nur in Ziffern", replacement)

    def _percent(self, token: Token, following: list[Token]):
        if not self.enabled["percent"] or not token.text.replace(",", "").isdigit() or len(following) < 2:
            return None
        pair = (following[0].lower_, following[1].lower_)
        if pair in {("v.", "h."), ("vom", "hundert")}:
            return self._hit(token, following[1], "Prozent als „v. H.“", f"{token.text} Prozent")
        return None
