"""Kind ``abbreviation``: abbreviations from a list, and unexplained acronyms.

Two kinds of findings, both on token texts (abbreviations do not inflect, so
the surface form is what counts):

* **Abbreviations with a period** from the abbreviations lexicon
  (``rules/lexikon/abkuerzungen.yml``: "z. B.", "ggf.", "i. d. R.", "Nr.").
  The tokenizer splits "z. B." into "z." and "B." and "i. d. R." into three
  tokens; consecutive tokens joined by at most one space are compared with
  the term without spaces, so each abbreviation is one finding, written with
  or without spaces ("z.B."), and with a capital first letter at the start of
  a sentence ("Z. B.", "Ggf.").  The longest term wins ("u. v. m." before
  "u.").
* **Acronyms**: a token of two to six capital letters, or a lowercase letter
  and two to five capitals ("eAT"), tagged as a noun, name, foreign word or
  unknown word (NN, NE, FM, XY), that is not explained at its first use.
  Explained means: in brackets after the full form ("Ausländerbehörde (ABH)"),
  followed by a bracket or a colon ("ABH (Ausländerbehörde)", "ABH:
  Ausländerbehörde"), in a sentence that names it ("Man nennt sie auch eAT",
  "kurz ABH", "... heißt ...", "... steht für ...", "Abkürzung"), or in a
  sentence that also contains the full form from the lexicon, or with the long form right after
  it spelling it ("DHS Deutsche Hauptstelle für Suchtfragen").  Only the first
  unexplained use per paragraph is reported, and none after an explained use.

Not flagged: abbreviations inside a § reference ("§ 5 Abs. 1 Nr. 2", "i. V.
m.": the rule ``rechtsverweis`` reports the whole reference), law
abbreviations (``rules/lexikon/gesetze.yml``, "AufenthG"), acronyms
everybody knows (``rules/data/kurzwoerter.yml`` with a reason each, and ``known_acronyms``: EU,
HIV, FDP, IBAN ...), acronyms in a sentence in another language ("TIP:" in English text), Roman numerals
("SGB II"), all-caps headings (half the words or more in capitals), words
with digits or hyphens (file numbers "32.2-AT-2024/1033", "PIN-Brief"),
template placeholders, and words a writer cannot change: a URL
("…/SharedDocs/DE/Artikel/…"), the text of a Markdown link, a short
quotation or a fixed name (:mod:`einfach.nlp.protected`).

Decision on scope: einfach analyses each paragraph as a Doc of its own, so a
kind cannot see an explanation in an earlier paragraph of the same letter.
Explanations count within the paragraph; an acronym explained in paragraph 2
and used again in paragraph 5 is reported once in paragraph 5.  That is why
acronym findings have their own level (``acronym_level``, default ``info``),
while the listed abbreviations use the rule's level.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the pipeline, not by rule validation
    from spacy.tokens import Doc, Span, Token

from ..loader import LexiconEntry, load_lexicon, read_yaml
from ...nlp.view import DocView, doc_view
from ...resources import rules_dir
from .base import LEVEL_LABELS, Hit, foreign_sentence, join_alternatives, quote
from .legal_reference import is_law, laws, reference_chains

ACRONYM = re.compile(r"^(?:[A-ZÄÖÜ]{2,6}|[a-z][A-ZÄÖÜ]{2,5})$")
ROMAN = re.compile(r"^[IVXLC]+$")
ACRONYM_TAGS = {"NN", "NE", "FM", "XY", "NNE", "PROPN"}
NAMING_LEMMAS = {"nennen", "heißen", "bedeuten", "bezeichnen", "abkürzen", "abkürzung", "kurz", "abgekürzt"}
# All-caps words used for emphasis, not acronyms.
EMPHASIS = {
    "ACHTUNG", "BITTE", "NICHT", "NUR", "KEIN", "KEINE", "WICHTIG", "HINWEIS", "FRIST", "ENDE", "NEU",
    "JA", "NEIN", "UND", "ODER", "ALLE", "SOFORT", "HEUTE", "INFO", "EILT", "EILIG", "DRINGEND", "TERMIN",
}
MAX_TOKENS = 6


class Abbreviation:
    parameters = {"lexicon", "laws", "known_acronyms", "acronym_level"}
    values = {"text", "problem", "replacement"}

    def __init__(self, parameters: dict):
        lexicon = load_lexicon(parameters.get("lexicon", "abkuerzungen"))
        self.laws = laws(parameters.get("laws", "gesetze"))
        self.known = known_acronyms() | set(parameters.get("known_acronyms") or [])
        self.acronym_level = parameters.get("acronym_level", "info")
        self.dotted: dict[str, LexiconEntry] = {}
        self.expansions: dict[str, LexiconEntry] = {}
        for entry in lexicon.entries:
            if entry.term.endswith("."):
                compact = entry.term.replace(" ", "")
                self.dotted[compact] = entry
                self.dotted.setdefault(compact[:1].upper() + compact[1:], entry)
            else:
                self.expansions[entry.term] = entry
        # every prefix of a dotted form: a token sequence that is not one cannot become one
        self.prefixes = {key[:length] for key in self.dotted for length in range(1, len(key) + 1)}

    @staticmethod
    def grading(parameters: dict, level: str) -> str:
        """The graded levels in words, for ``einfach rules``."""
        acronym = LEVEL_LABELS[parameters.get("acronym_level", "info")]
        return f"Abkürzungen {LEVEL_LABELS[level]}, Kurzwörter {acronym}"

    def find(self, doc: Doc):
        view = doc_view(doc)
        # a URL ("/DE/Presse/"), a link text, a quotation or a fixed name: the writer cannot change them
        covered: set[int] = set(view.protected)
        for sentence in view.sents:
            for start, end in reference_chains(sentence, self.laws):
                covered.update(range(start, end))
        yield from self._dotted(view, covered)
        yield from self._acronyms(view, covered)

    # -- abbreviations with a period ------------------------------------------------------
    def _dotted(self, view: DocView, covered: set[int]):
        index = 0
        while index < len(view.tokens):
            match = self._longest(view, index, covered)
            if match is None:
                index += 1
                continue
            end, entry = match
            yield Hit(
                start=index,
                end=end,
                values={
                    "text": view.span_text(index, end),
                    "problem": entry.reason,
                    "replacement": join_alternatives(list(entry.alternatives)),
                },
            )
            index = end

    def _longest(self, view: DocView, index: int, covered: set[int]):
        if view.text[index] not in self.prefixes:
            return None  # most tokens: no abbreviation starts with them (the loop below would stop at once)
        if view.space[index] or index in view.placeholder or index in covered:
            return None
        if index and not view.whitespace[index - 1] and view.text[index - 1][-1:].isalnum():
            return None  # inside a longer word
        text = ""
        best = None
        for end in range(index, min(len(view.tokens), index + MAX_TOKENS)):
            if end in covered or end in view.placeholder or view.space[end]:
                break
            text += view.text[end]
            if text not in self.prefixes:
                break
            entry = self.dotted.get(text)
            if entry is not None and _ends_word(view, end) and not _legal_link(view, entry, end):
                if entry.term[:1].islower() and text[:1].isupper() and not _sentence_start(view, index):
                    pass  # "Ggf." only at the start of a sentence
                else:
                    best = (end + 1, entry)
            if view.whitespace[end] not in ("", " "):
                break
        return best

    # -- acronyms -----------------------------------------------------------------------------
    def _acronyms(self, view: DocView, covered: set[int]):
        explained: set[str] = set()
        reported: set[str] = set()
        for index, text in enumerate(view.text):
            if index in covered or index in view.placeholder or not ACRONYM.match(text):
                continue
            token = view.tokens[index]
            if text in self.known or text in EMPHASIS or ROMAN.match(text) or is_law(token, self.laws):
                continue
            sentence = view.sentence_of(index)
            if token.tag_ not in ACRONYM_TAGS or _heading(view, sentence) or foreign_sentence(view, sentence):
                continue  # an English passage: "TIP" is the word "tip", not an acronym to explain
            if text in explained or text in reported:
                continue
            if self._explained(view, token):
                explained.add(text)
                continue
            reported.add(text)
            entry = self.expansions.get(text)
            if entry is not None and entry.alternatives:
                full = entry.alternatives[0]
                replacement = (
                    f"beim ersten Mal das ganze Wort mit der Abkürzung in Klammern: {quote(f'{full} ({text})')}"
                    f" – oder nur {quote(full)}"
                )
            else:
                replacement = (
                    f"beim ersten Mal das ganze Wort mit der Abkürzung in Klammern ({quote(f'… ({text})')})"
                    " – oder nur das ganze Wort"
                )
            yield Hit(
                start=token.i,
                end=token.i + 1,
                values={
                    "text": text,
                    "problem": "die Abkürzung ist hier nicht erklärt, und viele Leserinnen und Leser kennen sie nicht.",
                    "replacement": replacement,
                },
                level=self.acronym_level,
            )

    def _explained(self, view: DocView, token: Token) -> bool:
        index = token.i
        before = view.text[index - 1] if index > 0 else None
        after = view.text[index + 1] if index + 1 < len(view.tokens) else None
        # the tokenizer keeps "):" together ("Unfallversicherung (GUV): Pflichten")
        if before is not None and after is not None and before == "(" and after[:1] == ")" and index > 1:
            return True  # "Ausländerbehörde (ABH)"
        if after is not None and after in {"(", ":", "="}:
            return True  # "ABH (Ausländerbehörde)", "ABH: Ausländerbehörde"
        if _spelled_after(view, index):
            return True  # "DHS Deutsche Hauptstelle für Suchtfragen"
        if _spelled_before(view, index):
            return True  # "Deutscher Gewerkschaftsbund DGB"
        sentence = view.sentence_of(index)
        for other in range(sentence.start, sentence.end):
            if view.lemma[other].lower() in NAMING_LEMMAS or view.lower[other] in NAMING_LEMMAS:
                return True
            if view.lower[other] == "für" and other > sentence.start and view.lemma[other - 1].lower() == "stehen":
                return True
        entry = self.expansions.get(token.text)
        if entry is not None:
            text = view.span_text(sentence.start, sentence.end).lower()
            return any(full.lower() in text for full in entry.alternatives)
        return False


@lru_cache(maxsize=1)
def known_acronyms() -> frozenset[str]:
    """The acronyms everybody knows (``rules/data/kurzwoerter.yml``, each with its reason there)."""
    return frozenset(str(word) for word in (read_yaml(rules_dir() / "data" / "kurzwoerter.yml").get("known") or {}))


# small words a long form may contain without a letter in its acronym ("Hauptstelle für Suchtfragen")
LINKING_WORDS = {"für", "und", "der", "die", "das", "des", "den", "dem", "von", "vom", "zur", "zum", "im", "in", "mit",
                 "am", "an", "auf", "bei"}


def _spelled_after(view: DocView, index: int) -> bool:
    """The long form follows the acronym right away, its capitalized words spelling it: "DHS Deutsche
    Hauptstelle für Suchtfragen" (seventh blind review, S132)."""
    letters = view.text[index].lower()
    initials = ""
    position = index + 1
    while position < len(view.tokens) and len(initials) < len(letters):
        word = view.text[position]
        if word[:1].isupper() and word.isalpha():
            initials += word[0].lower()
        elif word not in LINKING_WORDS:
            return False
        position += 1
    return initials == letters


def _spelled_before(view: DocView, index: int) -> bool:
    """The long form stands right before the acronym and spells it: "Deutscher Gewerkschaftsbund DGB"
    (tenth blind review, S114). The letters may come from inside a compound ("Gewerkschafts*b*und"), so
    they are matched as Schwartz and Hearst match a short form to its long form (PSB 2003): from the
    last letter backwards, each found further left, and the first one at the start of a capitalized word.
    The long form is at most one word per letter plus linking words, and only capitalized words or
    linking words; the acronym's own letters never come from a word before the long form."""
    letters = view.text[index].lower()
    words: list[str] = []
    position = index - 1
    while position >= 0 and len(words) < 2 * len(letters):
        word = view.text[position]
        if not (word.isalpha() and (word[:1].isupper() or word in LINKING_WORDS)):
            break
        words.insert(0, word)
        if word[:1].isupper() and word.lower().startswith(letters[0]) and _spells(letters, words):
            return True
        position -= 1
    return False


def _spells(letters: str, words: list[str]) -> bool:
    """``words`` (opening with the word whose initial is the first letter) hold ``letters`` in order, the
    first letter as that word's initial: the long form of an acronym."""
    text = " ".join(words).lower()
    at = len(text)
    for letter in reversed(letters[1:]):
        at = text.rfind(letter, 1, at)
        if at < 1:
            return False
    return True


def _ends_word(view: DocView, end: int) -> bool:
    """The match ends at a word boundary (not "z.B.-Liste")."""
    if end + 1 >= len(view.tokens) or view.whitespace[end]:
        return True
    return not view.text[end + 1][:1].isalnum()


def _legal_link(view: DocView, entry: LexiconEntry, end: int) -> bool:
    """"i. V." followed by "m." is the legal link "i. V. m.", not "in Vertretung"."""
    return entry.term == "i. V." and end + 1 < len(view.tokens) and view.text[end + 1] == "m."


def _sentence_start(view: DocView, index: int) -> bool:
    return view.tokens[index].is_sent_start or view.at_sentence_start(index)


def _heading(view: DocView, sentence: Span) -> bool:
    """Half the words or more in capitals (or a one-word segment in capitals): a heading."""
    words = [text for text in view.text[sentence.start : sentence.end] if any(ch.isalpha() for ch in text)]
    capitals = [text for text in words if text.isupper() and len(text) > 1]
    return bool(capitals) and len(capitals) * 2 >= len(words) and (len(capitals) >= 2 or len(words) == 1)
