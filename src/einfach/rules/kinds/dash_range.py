"""Kind ``dash_range``: a range written with a dash ("9–10 Uhr", "Mo–Fr"), where Leichte Sprache writes "von ... bis".

Reported, on word forms (the tokenizer keeps "9–10" and "Mo.-Fr" as one
token and splits "9 - 10"; both are read):

* two numbers joined by a hyphen, en or em dash: times, years, pages
  ("9.00–12.00 Uhr" -> "von 9.00 bis 12.00 Uhr", "Seite 3-5");
* two weekdays or two months ("Mo–Fr" -> "von Montag bis Freitag",
  "Januar-März" -> "von Januar bis März").

Not reported: phone and file numbers ("0351-12345": a first number with a
leading zero and three or more digits, or a second one with five or more),
dates in ISO form ("2024-10-01"), numbers after "Tel.", "Fax", "Nr." or
"Az.", and number-letter codes ("B-12").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the pipeline, not by rule validation
    from spacy.tokens import Doc, Token

from .base import Hit, neighbours, quote, visible_tokens

DASHES = "-–—"
NUMBER = r"\d{1,4}(?:[.:,]\d{2})?"
NUMBER_RANGE = re.compile(rf"^({NUMBER})[{DASHES}]({NUMBER})$")
WEEKDAYS = {
    "mo": "Montag", "di": "Dienstag", "mi": "Mittwoch", "do": "Donnerstag", "fr": "Freitag", "sa": "Samstag",
    "so": "Sonntag",
}
MONTHS = {
    "jan": "Januar", "feb": "Februar", "mär": "März", "apr": "April", "mai": "Mai", "jun": "Juni", "jul": "Juli",
    "aug": "August", "sep": "September", "sept": "September", "okt": "Oktober", "nov": "November", "dez": "Dezember",
}
FULL_NAMES = {name.lower(): name for name in (*WEEKDAYS.values(), *MONTHS.values(), "Sonnabend")}
NAME_RANGE = re.compile(rf"^([A-Za-zÄÖÜäöü]+)\.?\s?[{DASHES}]\s?([A-Za-zÄÖÜäöü]+)\.?$")
NO_RANGE_BEFORE = {"tel.", "tel", "telefon", "fax", "nr.", "nummer", "az.", "aktenzeichen", "durchwahl", "mobil"}


def day_or_month(word: str) -> str | None:
    """"Mo" -> "Montag", "Jan" -> "Januar", "März" -> "März"; None for any other word."""
    lowered = word.lower()
    return WEEKDAYS.get(lowered) or MONTHS.get(lowered) or FULL_NAMES.get(lowered)


def _value(number: str) -> float:
    return float(re.sub(r"[.:,]", ".", number))


def _numbers_fit(first: str, second: str) -> bool:
    """A range goes up ("9–12", not the score "3-1"); a leading zero with 3+ digits is a phone number."""
    if first.startswith("0") and len(re.split(r"[.:,]", first)[0]) >= 3:
        return False
    return _value(second) > _value(first)


class DashRange:
    parameters: set[str] = set()
    values = {"text", "replacement"}

    def __init__(self, parameters: dict):
        pass

    def find(self, doc: Doc):
        tokens = visible_tokens(doc)
        for position, token, previous, _ in neighbours(tokens):
            if previous is not None and previous.lower_ in NO_RANGE_BEFORE:
                continue
            following = tokens[position + 1 : position + 4]
            hit = self._one_token(token, following) or self._three_tokens(token, following, previous)
            if hit is not None:
                if previous is not None and previous.lower_ == "von":  # "von 9–12 Uhr": "von" is there already
                    hit.values["replacement"] = hit.values["replacement"].replace("„von ", "„", 1)
                yield hit

    def _one_token(self, token: Token, following: list[Token]) -> Hit | None:
        match = NUMBER_RANGE.match(token.text)
        if match and _numbers_fit(*match.groups()):
            return _hit(token, token, match.group(1), match.group(2), following)
        match = NAME_RANGE.match(token.text)
        if match:
            first, second = day_or_month(match.group(1)), day_or_month(match.group(2))
            if first and second:
                dotted = "." in token.text  # "Mo.-Fr" + "." : the abbreviation's dot, not the full stop
                last = following[0] if dotted and following and following[0].text == "." else token
                return _hit(token, last, first, second, [])
        return None

    def _three_tokens(self, token: Token, following: list[Token], previous: Token | None) -> Hit | None:
        if len(following) < 2 or len(following[0].text) != 1 or following[0].text not in DASHES:
            return None
        second = following[1]
        after = following[2] if len(following) > 2 else None
        end = second.text.rstrip(".")  # "bis 16.00." : the full stop may stay on the number
        if re.fullmatch(NUMBER, token.text) and re.fullmatch(NUMBER, end):
            if after is not None and after.text in DASHES:
                return None  # ISO date "2024-10-01"
            if previous is not None and previous.text in DASHES:
                return None
            if not _numbers_fit(token.text, end):
                return None
            return _hit(token, second, token.text, end, following[2:])
        first_name, second_name = day_or_month(token.text.rstrip(".")), day_or_month(second.text.rstrip("."))
        if first_name and second_name and (token.text[:1].isupper() and second.text[:1].isupper()):
            return _hit(token, second, first_name, second_name, [])
        return None


def _hit(first: Token, last: Token, start: str, end: str, after: list[Token]) -> Hit:
    unit = f" {after[0].text}" if after and after[0].text in {"Uhr", "Euro", "Jahre", "Jahren"} else ""
    doc = first.doc
    return Hit(
        start=first.i,
        end=last.i + 1,
        values={"text": quote(doc[first.i : last.i + 1].text), "replacement": quote(f"von {start} bis {end}{unit}")},
    )
