"""Kind ``rhetorical_question``: questions that expect no answer ("Ist das nicht schön?").

Only rhetorical questions are reported, not questions as such: Leichte
Sprache uses real questions as headings and to guide the reader ("Was ist
ein Antrag?"), and LanguageTool's check that flags every question is off by
default for that reason.  A rhetorical question implies its answer, and a
reader who takes it literally looks for an answer that is not there.

A sentence ending in "?" is reported when it has one of these markers:

* "nicht" in a question that opens with its finite verb, with "auch" or
  "doch", or with "sein" and an adjective at the end ("Ist das nicht
  schön?", "Haben Sie nicht auch ...?"): the speaker expects "yes"; a plain
  negated question ("Können Sie nicht kommen?") asks and stays quiet;
* a tag question: "..., nicht wahr?", "..., oder etwa nicht?", "..., oder?";
* "etwa" in a question that opens with its finite verb ("Glauben Sie etwa,
  ...?");
* "wer"/"was" with "schon" ("Wer will das schon?"): the answer is "no one".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the pipeline, not by rule validation
    from spacy.tokens import Doc

from .base import Hit, quote

FINITE = {"VVFIN", "VAFIN", "VMFIN"}
PROBLEMS = {
    "negated": "eine Frage mit „nicht“, auf die „ja“ erwartet wird",
    "tag": "eine Frage, die nur Zustimmung erwartet",
    "etwa": "eine Frage mit „etwa“, auf die „nein“ erwartet wird",
    "schon": "eine Frage, deren Antwort „niemand“ oder „nichts“ ist",
}


class RhetoricalQuestion:
    parameters: set[str] = set()
    values = {"text", "problem"}

    def __init__(self, parameters: dict):
        pass

    def find(self, doc: Doc):
        for sentence in doc.sents:
            words = [t for t in sentence if not t.is_space and not t.is_punct]
            if not words or not sentence.text.rstrip().endswith("?"):
                continue
            lower = [t.lower_ for t in words]
            verb_first = words[0].tag_ in FINITE
            kind = None
            if lower[-2:] == ["nicht", "wahr"] or lower[-3:] == ["oder", "etwa", "nicht"] or (
                lower[-1] == "oder" and len(lower) > 3
            ):
                kind = "tag"
            elif verb_first and "nicht" in lower and (
                "auch" in lower or "doch" in lower or (words[0].lemma_ == "sein" and words[-1].tag_ == "ADJD")
            ):
                kind = "negated"
            elif verb_first and "etwa" in lower:
                kind = "etwa"
            elif lower[0] in {"wer", "was"} and "schon" in lower:
                kind = "schon"
            if kind is not None:
                text = sentence.text.strip()
                yield Hit(start=sentence.start, end=sentence.end, values={"text": quote(text), "problem": PROBLEMS[kind]})
