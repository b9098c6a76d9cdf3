"""Kind ``negated_antonym``: "nicht" before a word that has a plain opposite ("nicht teuer" -> "billig").

Leichte Sprache says things positively.  A negation particle ("nicht",
STTS ``PTKNEG``) directly before an adjective, adverb or participle whose
lemma has an everyday opposite in ``rules/data/gegenteile.yml`` is reported,
with the opposite as suggestion.  Not reported: a contrast ("nicht groß,
sondern riesig": the sentence has "sondern"), "nicht nur", "nicht so/sehr/
ganz ..." (an intensifier between: "nicht sehr groß" is not "klein"), and
comparisons ("nicht älter als").  Double negation is the rule ``verneinung``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the pipeline, not by rule validation
    from spacy.tokens import Doc

from ...resources import rules_dir
from ..loader import read_yaml
from .base import Hit, join_alternatives, quote

TARGET_TAGS = {"ADJD", "ADJA", "ADV", "VVPP", "PIAT", "PIS", "PIDAT"}


@lru_cache(maxsize=1)
def opposites() -> dict[str, tuple[str, ...]]:
    data = read_yaml(rules_dir() / "data" / "gegenteile.yml")
    return {str(word).lower(): tuple(str(v) for v in values) for word, values in data.items()}


class NegatedAntonym:
    parameters: set[str] = set()
    values = {"text", "positive"}

    def __init__(self, parameters: dict):
        self.opposites = opposites()

    def find(self, doc: Doc):
        for sentence in doc.sents:
            words = [t for t in sentence if not t.is_space]
            if any(t.lower_ == "sondern" for t in words):
                continue
            for position, token in enumerate(words[:-1]):
                if token.lower_ != "nicht" or token.tag_ != "PTKNEG":
                    continue
                index = position + 1
                first = words[index]
                if first.lower_ == "zu" and index + 1 < len(words):  # "nicht zu spät" -> "pünktlich"
                    index += 1
                    if f"zu {words[index].lower_}" not in self.opposites:
                        continue
                target = words[index]
                after = words[index + 1] if index + 1 < len(words) else None
                if target.tag_ not in TARGET_TAGS or (after is not None and after.lower_ == "als"):
                    continue
                lemma = (target.lemma_ or target.text).lower()
                prefix = "zu " if first is not target else ""
                positive = self.opposites.get(prefix + target.lower_) or self.opposites.get(prefix + lemma)
                if positive is None:
                    continue
                yield Hit(
                    start=token.i,
                    end=target.i + 1,
                    values={
                        "text": quote(doc[token.i : target.i + 1].text),
                        "positive": f"{join_alternatives(list(positive))} statt {quote(doc[token.i : target.i + 1].text)}",
                    },
                )
