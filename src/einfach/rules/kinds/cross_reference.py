"""Kind ``cross_reference``: footnote marks and references to other places in the text.

Reported, on word forms (a reference is a form, not a grammatical pattern):

* "siehe" / "Siehe" followed by what it points to ("siehe Seite 4", "siehe
  oben", "(siehe Anlage)"); the abbreviations "vgl." and "s. o." are reported
  by the rule ``abkuerzung`` and skipped here;
* "wie oben/unten beschrieben", "weiter oben/unten";
* the words "Fußnote", "Endnote", "Randnummer";
* footnote marks: superscript digits ("Kosten¹"), a digit in square
  brackets ("[2]"), and an asterisk that ends a word ("Preis*"; a star inside
  a word is a gender form, see ``sonderzeichen``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the pipeline, not by rule validation
    from spacy.tokens import Doc

from .base import Hit, neighbours, quote, visible_tokens

SUPERSCRIPT = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]")
NOTE_WORDS = {"fußnote", "fußnoten", "fussnote", "fussnoten", "endnote", "endnoten", "randnummer", "randnummern"}
DIRECTIONS = {"oben", "unten"}
DESCRIBED = {"beschrieben", "genannt", "erklärt", "erwähnt", "dargestellt", "aufgeführt", "ausgeführt"}
TEXTS = {
    "siehe": "ein Verweis auf eine andere Stelle im Text",
    "direction": "ein Verweis auf eine andere Stelle im Text",
    "note": "ein Hinweis auf eine Fußnote",
    "mark": "ein Fußnoten-Zeichen",
}


class CrossReference:
    parameters: set[str] = set()
    values = {"text", "problem"}

    def __init__(self, parameters: dict):
        pass

    def find(self, doc: Doc):
        tokens = visible_tokens(doc)
        for position, token, previous, following in neighbours(tokens):
            lowered = token.lower_
            if lowered == "siehe" and following is not None and not following.is_punct:
                yield _hit(token, following, "siehe")
            elif lowered in DIRECTIONS and previous is not None and previous.lower_ in {"wie", "weiter"}:
                last = following if following is not None and following.lower_ in DESCRIBED else token
                yield _hit(previous, last, "direction")
            elif lowered in NOTE_WORDS:
                yield _hit(token, token, "note")
            elif SUPERSCRIPT.search(token.text) and any(ch.isalnum() for ch in SUPERSCRIPT.sub("", token.text)):
                yield _hit(token, token, "mark")
            elif _bracket_number(tokens, position):
                yield _hit(token, tokens[position + 2], "mark")
            elif len(token.text) > 2 and token.text.endswith("*") and token.text[:-1].isalpha():
                yield _hit(token, token, "mark")
            elif token.text == "*" and _attached_star(previous, token):
                yield _hit(previous, token, "mark")


def _attached_star(previous, star) -> bool:
    """"Preis *" split by the tokenizer: a star glued to the word before it and followed by a space."""
    return previous is not None and previous.text.isalpha() and previous.whitespace_ == "" and star.whitespace_ != ""


def _bracket_number(tokens, position: int) -> bool:
    """"[2]" as three tokens, right after a word."""
    if tokens[position].text != "[" or position + 2 >= len(tokens) or not position:
        return False
    return tokens[position + 1].text.isdigit() and tokens[position + 2].text == "]" and not tokens[position - 1].is_punct


def _hit(first, last, key: str) -> Hit:
    doc = first.doc
    return Hit(start=first.i, end=last.i + 1, values={"text": quote(doc[first.i : last.i + 1].text), "problem": TEXTS[key]})
