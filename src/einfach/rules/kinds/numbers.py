"""Kind ``numbers``: numbers that are hard to read in Leichte Sprache.

Found by the form of a token (tags only help: HanTa tags "fünfundzwanzig"
as an adverb and "II" as a name):

* number words ("drei Wochen" -> "3 Wochen"): the words zwei to
  neunundneunzig, hundert, tausend and their compounds; "ein/eine/eins" are
  left alone (mostly the article), and so is "Tausend"/"Hundert" after
  digits ("30 Tausend": how Leichte Sprache writes large numbers);
* long numbers: five or more digits without grouping, as an amount
  ("11904,00 EUR" -> "11.904 Euro"; a decimal part or a currency after
  it) or as a count before a noun (``counts``: "120000 Menschen" ->
  "120.000 Menschen"; the noun must be plural by its form, a unit such as
  "Einwohner" or "Meter", or the number six digits or longer, so the postal
  code in "12345 Musterstadt" stays quiet); phone and file numbers are not
  amounts and stay quiet;
* Roman numerals: II to XXXIX in capitals, and I, V, X only after a word
  such as "Kapitel", "Teil", "Band", "Anlage", "Stufe";
* ordinal number words above twelve (``number_words``: "im neunzehnten
  Jahrhundert" -> "im 19. Jahrhundert"); "erste" to "zwölfte" stay quiet;
* dates in numeric form ("01.10.2024" -> "1. Oktober 2024"; day and month
  must be valid; a date without a year or with a two-digit year only
  after "am", "bis", "vom", ..., since "Raum 1.05." is a room number), and
  ISO dates ("2024-10-01");
* percentages written "v. H.", "vom Hundert" or "%" ("5 v. H." -> "5 Prozent");
* fractions in digits (``fractions``: "1/2", "½", "3/4" -> "die Hälfte",
  "drei Viertel"); "2023/24" (a second number larger than the first) is a
  school year, not a fraction.

Placeholders are never reported.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the pipeline, not by rule validation
    from spacy.tokens import Doc, Token

from .base import Hit, neighbours, quote, visible_tokens

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
DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?\.?$")
LONG_NUMBER = re.compile(r"^([1-9]\d{4,})(,(\d+))?$")
# nouns after a count whose plural looks like the singular ("50000 Einwohner")
COUNT_NOUNS = {
    "einwohner", "einwohnerinnen", "euro", "meter", "kilometer", "quadratmeter", "kilogramm", "gramm", "liter",
    "dollar", "franken", "mitarbeiter", "besucher", "teilnehmer", "zuschauer", "arbeiter", "bürger", "lehrer",
    "schüler", "kilo", "tonnen", "stück", "mal",
}
ORDINAL_SUFFIXES = ("sten", "ster", "stes", "stem", "ste", "ten", "ter", "tes", "tem", "te")
VULGAR_FRACTIONS = {"½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4)}
FRACTION_WORDS = {(1, 2): "die Hälfte", (1, 3): "ein Drittel", (2, 3): "zwei Drittel", (1, 4): "ein Viertel",
                  (3, 4): "drei Viertel"}
FRACTION = re.compile(r"^(\d{1,2})/(\d{1,2})$")


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
    parameters = {"number_words", "long_numbers", "counts", "roman", "dates", "percent", "fractions"}
    values = {"text", "problem", "replacement"}

    def __init__(self, parameters: dict):
        self.enabled = {name: bool(parameters.get(name, True)) for name in self.parameters}

    def find(self, doc: Doc):
        tokens = visible_tokens(doc)
        covered = 0  # a word inside a finding is not reported again ("5 vom Hundert": not "Hundert" -> "100")
        for position, token, previous, following in neighbours(tokens):
            if token.i < covered:
                continue
            hit = (
                self._number_word(token)
                or self._ordinal_word(token)
                or self._long_number(token, following)
                or self._count(token, following)
                or self._roman(token, previous)
                or self._date(token)
                or self._iso_date(tokens, position)
                or self._percent(token, tokens[position + 1 : position + 3])
                or self._fraction(tokens, position)
            )
            if hit is not None:
                covered = hit.end
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
        previous = token.nbor(-1) if token.i > 0 else None
        if value in {100, 1000} and previous is not None and previous.text.isdigit():
            return None  # "30 Tausend Einwohner": digits already, the way Leichte Sprache writes large numbers
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

    def _ordinal_word(self, token: Token):
        """"neunzehnten" -> "19." (only above twelve: "der dritte Teil" stays quiet)."""
        if not self.enabled["number_words"] or token.tag_ not in {"ADJA", "ADJD", "ADV"} or not token.text.isalpha():
            return None
        lowered = token.lower_
        for suffix in ORDINAL_SUFFIXES:
            if lowered.endswith(suffix) and len(lowered) > len(suffix) + 3:
                value = number_word_value(lowered[: -len(suffix)])
                if value is not None and value > 12:
                    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
                    noun = f" {following.text}" if following is not None and following.tag_ == "NN" else ""
                    return self._hit(token, token, "Ordnungszahl in Buchstaben", f"{value}.{noun}")
        return None

    def _count(self, token: Token, following: Token | None):
        """"120000 Menschen" -> "120.000 Menschen"; "12345 Musterstadt" (a postal code) stays quiet."""
        if not (self.enabled["counts"] and self.enabled["long_numbers"]) or following is None:
            return None
        if not re.fullmatch(r"[1-9]\d{4,}", token.text) or following.tag_ not in {"NN", "ADJA"}:
            return None
        plural = following.lower_ != (following.lemma_ or following.text).lower() or following.lower_ in COUNT_NOUNS
        if not plural and len(token.text) < 6:
            return None
        return self._hit(token, token, "lange Zahl ohne Punkte", group_digits(token.text))

    def _iso_date(self, tokens: list[Token], position: int):
        """"2024-10-01" (five tokens) -> "1. Oktober 2024"."""
        if not self.enabled["dates"] or position + 4 >= len(tokens):
            return None
        parts = tokens[position : position + 5]
        if not (re.fullmatch(r"(19|20)\d\d", parts[0].text) and parts[1].text == "-" and parts[3].text == "-"):
            return None
        day_text = parts[4].text.rstrip(".")  # the tokenizer keeps a full stop on "01."
        if not (re.fullmatch(r"\d{2}", parts[2].text) and re.fullmatch(r"\d{2}", day_text)):
            return None
        month, day = int(parts[2].text), int(day_text)
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return None
        return self._hit(parts[0], parts[4], "Datum nur in Ziffern", f"{day}. {MONTHS[month - 1]} {parts[0].text}")

    def _fraction(self, tokens: list[Token], position: int):
        """"1/2", "1 / 2", "½" -> "die Hälfte"."""
        if not self.enabled["fractions"]:
            return None
        token = tokens[position]
        last = token
        pair = VULGAR_FRACTIONS.get(token.text)
        match = FRACTION.match(token.text)
        if match:
            pair = (int(match.group(1)), int(match.group(2)))
        elif pair is None and token.text.isdigit() and position + 2 < len(tokens) and tokens[position + 1].text == "/":
            second = tokens[position + 2]
            if second.text.isdigit() and len(second.text) <= 2 and len(token.text) <= 2:
                pair, last = (int(token.text), int(second.text)), second
        if pair is None or not 0 < pair[0] < pair[1]:
            return None
        replacement = FRACTION_WORDS.get(pair, "ein Teil")
        return self._hit(token, last, "Bruchzahl", replacement)

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
        if year is None or len(year) == 2:
            previous = token.nbor(-1) if token.i > 0 else None
            if previous is None or previous.lower_ not in DATE_CONTEXT:
                return None  # "Raum 1.05." is a room, not the first of May
        if year is not None and len(year) == 2:
            year = ("20" if int(year) <= 50 else "19") + year  # "1.10.24" -> 2024, "3.5.87" -> 1987
        replacement = f"{day}. {MONTHS[month - 1]}" + (f" {year}" if year else "")
        return self._hit(token, token, "Datum nur in Ziffern", replacement)

    def _percent(self, token: Token, following: list[Token]):
        if not self.enabled["percent"] or not token.text.replace(",", "").isdigit() or not following:
            return None
        if following[0].text == "%":
            return self._hit(token, following[0], "Prozent-Zeichen", f"{token.text} Prozent")
        if len(following) < 2:
            return None
        pair = (following[0].lower_, following[1].lower_)
        if pair in {("v.", "h."), ("vom", "hundert")}:
            return self._hit(token, following[1], "Prozent als „v. H.“", f"{token.text} Prozent")
        return None
