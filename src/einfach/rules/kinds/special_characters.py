"""Kind ``special_characters``: signs in running text that many readers cannot read aloud.

Reported, on word forms:

* "&" standing alone ("Müller & Söhne" -> "und"; inside a name such as
  "H&M" it stays quiet);
* "/" between two words ("und/oder", "Euro/Monat", "Antragsteller/in");
  between two numbers it is a fraction or a school year and left to ``zahlen``;
  inside web and e-mail addresses it stays quiet;
* ";" (a semicolon joins two sentences; Leichte Sprache writes two);
* gender forms with star, colon, underscore, slash or capital I ("Bürger*innen",
  "Kolleg:innen", "Lehrer_innen", "Antragsteller/in", "LehrerInnen") when ``gender_form`` is
  ``paarform``: the profile asks for both forms written out ("Bürgerinnen
  und Bürger").  With ``gender_form: keep`` (default) they stay quiet, as an
  authority may use them on purpose.

"%" is left to ``zahlen`` ("5 %" -> "5 Prozent"), and "§" to ``rechtsverweis``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the pipeline, not by rule validation
    from spacy.tokens import Doc, Token

from .base import Hit, neighbours, quote, visible_tokens

GENDER = re.compile(r"^(?P<base>[A-ZÄÖÜ][a-zäöüß]+)(?:[*:_/](?P<ending>innen|in)|(?P<capital>Innen|In))$")
SLASH_WORD = re.compile(r"^[A-Za-zÄÖÜäöüß]+/[A-Za-zÄÖÜäöüß]+$")
GENDER_FORMS = {"keep", "paarform"}
TEXTS = {
    "&": ("das Zeichen „&“", "„und“"),
    "/": ("ein Schrägstrich", "„und“, „oder“ oder „pro“ – je nachdem, was gemeint ist"),
    ";": ("ein Semikolon", "einen Punkt: Machen Sie zwei Sätze daraus"),
}


class SpecialCharacters:
    parameters = {"gender_form"}
    values = {"text", "problem", "replacement"}

    def __init__(self, parameters: dict):
        self.gender_form = parameters.get("gender_form", "keep")
        if self.gender_form not in GENDER_FORMS:
            raise ValueError(f"gender_form muss einer der Werte {', '.join(sorted(GENDER_FORMS))} sein")

    def find(self, doc: Doc):
        for _, token, previous, following in neighbours(visible_tokens(doc)):
            text = token.text
            if text in {"&", ";"}:
                yield _hit(token, *TEXTS[text])
            elif text == "/" and _word(previous) and _word(following):
                yield _hit(token, *TEXTS["/"])
            elif self.gender_form == "paarform" and (match := GENDER.match(text)):
                yield _hit(token, "eine Gender-Form mit Sonderzeichen", _pair_form(match))
            elif SLASH_WORD.match(text) and not (self.gender_form == "keep" and GENDER.match(text)):
                yield _hit(token, *TEXTS["/"])


def _word(token: Token | None) -> bool:
    """A word; the tokenizer may keep the full stop on it ("km/h." -> "km", "/", "h.")."""
    return token is not None and token.text.rstrip(".").isalpha()


def _pair_form(match: re.Match) -> str:
    base = match.group("base")
    ending = (match.group("ending") or match.group("capital")).lower()
    female = f"{base}{ending}"
    if base.endswith(("er", "el", "en")):  # "Bürger*innen" -> "Bürgerinnen und Bürger"
        return quote(f"{female} und {base}")
    return f"beide Formen, zum Beispiel {quote(female + ' und …')}"


def _hit(token: Token, problem: str, replacement: str) -> Hit:
    return Hit(start=token.i, end=token.i + 1, values={"text": quote(token.text), "problem": problem, "replacement": replacement})
