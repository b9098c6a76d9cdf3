"""Kind ``legal_reference``: § and Art. references inside a sentence.

A reference chain starts at "§", "§§", "Art." or "Artikel" followed by a
number and runs through numbers ("12a"), the parts of a provision ("Abs.",
"Absatz", "Satz", "S.", "Nr.", "Nummer", "Buchst." + letter, "Alt.",
"Halbsatz", "ff."), links ("und", "oder", "bis", "sowie", ",", "-", "i. V. m.",
"in Verbindung mit") that are followed by another part of the chain, and the
law: an abbreviation from the laws lexicon (``rules/lexikon/gesetze.yml``) or
shaped like one ("AufenthG", "VwGO"), or a law's name ("des
Aufenthaltsgesetzes", "Zweites Buch Sozialgesetzbuch (SGB II)").  So "nach
§ 81 Abs. 4 Satz 1 AufenthG i. V. m. § 5 AufenthV" is one finding.  The kind
reads only token texts and STTS tags (sentence boundaries for the context).

The suggestion is concrete or absent: a reference that a preposition brings into the
middle of its clause („… wird Ihnen hiermit gemäß § 81 Abs. 5 AufenthG eine Bescheinigung
ausgestellt“) is to leave the clause and stand in brackets at the sentence end, which
changes nothing else; at the start of a sentence or clause, or without a preposition, the
sentence has to be rewritten, which only the writer can do: no suggestion, the message
names the reference and the law (issue 17's blind review found the one template for all
references generic).

Not flagged (decisions documented in ``rules/rechtsverweis.yml``):

* a reference that stands in brackets at the end of its sentence ("Sie
  müssen mitwirken (§ 82 AufenthG)."): that is where the rule asks it to be;
* a segment that lists legal bases ("Rechtsgrundlagen: § 50 AufenthG"), or a
  fragment that holds nothing but references (a list item, a table cell, also
  a cell of a plain-text table row "... | § 47 Abs. 1 AufenthV | ...").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the pipeline, not by rule validation
    from spacy.tokens import Doc, Span, Token

from ...nlp.syntax import clauses, is_word_text
from ..loader import load_lexicon
from ...nlp.view import DocView, doc_view
from .base import Hit, quote

SECTION_SIGNS = {"§", "§§"}
ARTICLE_WORDS = {"Art.", "Artikel", "Art"}
NUMBER = re.compile(r"^\d{1,4}[a-z]?$")
ROMAN = re.compile(r"^(?=[IVXL])X{0,3}(IX|IV|V?I{0,3})$")
PARTS = {
    "abs.", "absatz", "absätze", "abs", "s.", "satz", "sätze", "nr.", "nummer", "nrn.", "nummern",
    "buchst.", "buchstabe", "buchstaben", "lit.", "ziff.", "ziffer", "alt.", "alternative", "var.",
    "variante", "hs.", "halbsatz", "unterabs.", "uabs.", "unterabsatz", "anh.", "anhang",
}
LETTER_PARTS = {"buchst.", "buchstabe", "buchstaben", "lit."}
TRAILERS = {"ff.", "f."}
LINKS = {
    ",", "und", "oder", "bis", "sowie", "-", "–", "/", "i.", "v.", "m.", "i.v.m.", "ivm", "in", "verbindung", "mit",
}
LAW_SHAPE = re.compile(r"^[A-ZÄÖÜ][A-Za-zÄÖÜäöü]{0,10}(G|V|VO|O|GB)$")
LAW_NAME_ENDINGS = (
    "gesetz", "gesetzes", "gesetzbuch", "gesetzbuches", "gesetzbuchs", "verordnung", "gerichtsordnung",
    "prozessordnung", "abgabenordnung", "konvention", "abkommen", "abkommens",
)
LAW_NAME_LEADERS = {"des", "der", "dem", "den", "das", "buch", "buches", "buchs"}
CHAIN_STARTS = SECTION_SIGNS | ARTICLE_WORDS  # the words :func:`_starts` looks for
INTRO_WORDS = {"vgl.", "siehe", "s.", "nach", "gemäß", "gem.", "laut", "lt.", "i.", "v.", "m.", "i.v.m.", "und", ","}
LEGAL_BASES = (
    "rechtsgrundlage", "rechtsgrundlagen", "gesetzliche grundlage", "gesetzliche grundlagen", "grundlage", "grundlagen",
)
SENTENCE_END = {".", "!", "?", "…"}
# prepositions that introduce a reference phrase which can leave its clause as it is (_move_advice)
MOVABLE_INTROS = {"gemäß", "gem.", "nach", "laut", "lt.", "entsprechend"}
ARTICLES_AFTER_INTRO = {"den", "dem", "des"}
FINITE_TAGS = {"VVFIN", "VAFIN", "VMFIN"}


@lru_cache(maxsize=8)
def laws(name: str) -> dict[str, str]:
    """Law abbreviation -> name of the law, from a lexicon file (``gesetze``)."""
    lexicon = load_lexicon(name)
    return {entry.term: (entry.alternatives[0] if entry.alternatives else "") for entry in lexicon.entries}


def is_law(token: Token, known: dict[str, str]) -> bool:
    """A law abbreviation; at the end of a sentence the tokenizer may keep the period ("AufenthV.")."""
    text = token.text[:-1] if token.text.endswith(".") and len(token.text) > 2 else token.text
    return text in known or (bool(LAW_SHAPE.match(text)) and any(c.islower() for c in text[1:]))


def _law_name(token: Token) -> bool:
    lowered = token.text.lower()
    return token.text[:1].isupper() and lowered.endswith(LAW_NAME_ENDINGS)


def _starts(texts: list[str], position: int) -> bool:
    """A chain starts here: "§" or "Art." followed by a number (``texts``: the token texts)."""
    text = texts[position]
    following = texts[position + 1] if position + 1 < len(texts) else None
    if text in SECTION_SIGNS:
        return following is not None and (NUMBER.match(following) is not None or following in SECTION_SIGNS)
    if text in ARTICLE_WORDS:
        return following is not None and NUMBER.match(following) is not None
    return False


def _part_of_chain(
    view: DocView, tokens: list[Token], texts: list[str], position: int, previous: Token | None, known: dict[str, str]
) -> str | None:
    """What the token at ``position`` is inside a chain: 'core', 'link' or None (chain ends)."""
    token = tokens[position]
    text = texts[position]
    lowered = text.lower()
    if token.i in view.placeholder:
        return None
    if text in SECTION_SIGNS or _starts(texts, position):
        return "core"
    if NUMBER.match(text) or lowered in PARTS or lowered in TRAILERS:
        return "core"
    if previous is not None and previous.text.lower() in LETTER_PARTS and re.fullmatch(r"[a-z]{1,2}", text):
        return "core"
    if is_law(token, known) or _law_name(token):
        return "core"
    if previous is not None and ROMAN.match(text) and (previous.text == "SGB" or _law_name(previous)):
        return "core"
    if previous is not None and previous.text == "/" and text == "EU":
        return "core"
    if lowered in LINKS or lowered in LAW_NAME_LEADERS or token.tag_ == "ADJA" or text in {"(", ")"}:
        return "link"
    return None


def reference_chains(sentence: Span, known: dict[str, str]) -> list[tuple[int, int]]:
    """(first token index, last token index + 1) of every reference chain in a sentence.

    A link is kept only if the chain goes on after it; a bracket is kept only
    around a law abbreviation right after a law ("Aufenthaltsgesetz (AufenthG)").
    Computed once per sentence and table of laws: the kinds ``abbreviation`` and
    ``legal_reference`` both ask.  The table is a long-lived memoised dict of
    :func:`laws`, so its ``id`` names it.
    """
    return doc_view(sentence.doc).cached(f"reference_chains:{id(known)}", sentence, lambda s: _chains(s, known))


def _chains(sentence: Span, known: dict[str, str]) -> list[tuple[int, int]]:
    view = doc_view(sentence.doc)
    if not any(text in CHAIN_STARTS for text in view.text[sentence.start : sentence.end]):
        return []  # no "§" and no "Art.": no chain (most sentences of a letter)
    tokens = view.non_space(sentence)
    texts = [view.text[t.i] for t in tokens]
    chains: list[tuple[int, int]] = []
    position = 0
    while position < len(tokens):
        if not _starts(texts, position):
            position += 1
            continue
        start = position
        last_core = position
        after_law = False
        index = position + 1
        while index < len(tokens):
            kind = _part_of_chain(view, tokens, texts, index, tokens[index - 1], known)
            if kind is None:
                break
            token = tokens[index]
            law = is_law(token, known) or _law_name(token) or (token.text == "EU" and tokens[index - 1].text == "/")
            new_section = _starts(texts, index) or token.text in SECTION_SIGNS
            if kind == "core" and after_law and not law and not new_section and not ROMAN.match(token.text):
                break  # after the law only a new § or Art. goes on: "AufenthG i. V. m. § 5 AufenthV"
            if tokens[index].text == "(":
                # "Aufenthaltsgesetz (AufenthG)": a bracketed abbreviation after a law's name
                close = index + 2
                if close < len(tokens) and ROMAN.match(tokens[close].text):
                    close += 1  # "(SGB II)"
                if close < len(tokens) and tokens[close].text == ")" and is_law(tokens[index + 1], known):
                    last_core = close
                    index = close + 1
                    continue
                break
            if tokens[index].text == ")":
                break
            if kind == "core":
                last_core = index
                after_law = law or (after_law and bool(ROMAN.match(token.text)))
            index += 1
        chains.append((tokens[start].i, tokens[last_core].i + 1))
        position = last_core + 1
    return chains


class LegalReference:
    parameters = {"laws", "bracketed_at_end", "instrument_nouns"}
    values = {"text", "law_note", "advice"}

    def __init__(self, parameters: dict):
        self.laws = laws(parameters.get("laws", "gesetze"))
        self.bracketed_at_end = bool(parameters.get("bracketed_at_end", True))
        self.instruments = tuple(str(n).lower() for n in parameters.get("instrument_nouns") or ())

    def find(self, doc: Doc):
        view = doc_view(doc)
        for sentence in view.sents:
            chains = reference_chains(sentence, self.laws)
            if not chains or _lists_legal_bases(view, sentence, chains):
                continue
            for start, end in chains:
                if self.bracketed_at_end and _bracketed_at_end(view, sentence, start, end):
                    continue
                if _alone_in_cell(view, sentence, start, end):
                    continue
                text = view.span_text(start, end)
                if view.text[end - 1].endswith(".") and is_law(view.tokens[end - 1], self.laws):
                    text = text[:-1]  # "AufenthV." keeps the sentence's period
                yield Hit(start=start, end=end, values={
                    "text": text, "law_note": self._note(view, start, end),
                    "advice": _move_advice(view, sentence, start, text, self.instruments),
                })

    def _note(self, view: DocView, start: int, end: int) -> str:
        named = []
        chain_text = view.span_text(start, end).lower()
        for text in view.text[start:end]:
            abbreviation = text.rstrip(".")
            name = self.laws.get(abbreviation)
            if name and abbreviation not in named and name.lower() not in chain_text:
                named.append(abbreviation)
        return "".join(f" {quote(abbreviation)} steht für {quote(self.laws[abbreviation])}." for abbreviation in named)


def _move_advice(view: DocView, sentence: Span, start: int, text: str, instruments: tuple[str, ...] = ()) -> str:
    """"Nehmen Sie „gemäß § 10 StAG“ aus dem Satz …" where that is all the sentence needs and the place
    is certain, else "".

    Right after a noun that names what the provision regulates (``instruments``, compared by the end of
    the word: „eine Verpflichtungserklärung gemäß § 68 AufenthG“, „eine Aufenthaltserlaubnis gemäß § 25
    AufenthG“) the reference belongs to it: it stays there, in brackets.  After another noun it may
    belong to that noun or to the statement („eine Beendigung des Beschäftigungsverhältnisses gemäß § 82
    Abs. 6 AufenthG … mitzuteilen ist“; „… mit Berufsausbildung gemäß § 18a AufenthG ist … eingegangen“):
    no certain place, no suggestion.

    Only a reference inside its clause that a preposition introduces („…, wird Ihnen hiermit
    gemäß § 81 Abs. 5 AufenthG eine Bescheinigung ausgestellt“): such a phrase can leave the
    clause without any other change.  At the start of a sentence or clause („Gemäß § 3 AufenthG
    unterliegen Sie …“) the verb would have to move too, and a reference without a preposition
    („§ 10 StAG regelt …“) is part of what the sentence says: there the message alone stands.
    It goes to the end of its own clause (fourth blind review: at the sentence end it stood behind
    another statement, „…, sodass nach Aktenlage zu entscheiden war (§ 28 VwVfG)“): the sentence end
    when its clause is the last one, else behind the verb that closes its clause; a clause that goes
    on after a comma without its verb, or a second finite verb after „und“/„oder“ (which conjunct the
    reference belongs to is unsure), is no certain place: no suggestion.
    """
    intro = movable_intro(view, sentence, start)
    if intro is None:
        return ""
    phrase = view.span_text(intro, start) + view.whitespace[start - 1] + text
    noun = next(i for i in range(intro - 1, sentence.start - 1, -1) if not view.space[i])
    if view.tag[noun] == "NN":
        if not (instruments and view.lower[noun].endswith(instruments)):
            return ""  # it may belong to the noun or to the statement: no certain place
        word = view.text[noun]
        return f"Schreiben Sie {quote(f'{word} ({text})')} statt {quote(f'{word} {phrase}')}."
    place = _clause_end(view, sentence, start)
    if place is None:
        return ""
    return f"Nehmen Sie {quote(phrase)} aus dem Satz und setzen Sie {quote('(' + text + ')')} {place}."


def _clause_end(view: DocView, sentence: Span, start: int) -> str | None:
    """Where the reference at ``start`` goes: "an das Satzende" when its clause is the sentence's last,
    "hinter „mitzuteilen ist“" when a verb closes its clause before a comma or semicolon, else None."""
    parts = clauses(sentence)
    for position, clause in enumerate(parts):
        if not any(t.i == start for t in clause):
            continue
        after = [t for t in clause if t.i > start]
        if any(view.tag[t.i] == "KON" and any(view.tag[u.i] in FINITE_TAGS for u in after if u.i > t.i) for t in after):
            return None  # "sind gemäß … zu tragen und können … geltend gemacht werden": which conjunct is unsure
        if position == len(parts) - 1:
            return "an das Satzende"
        verbs = []
        for token in reversed(clause):
            if not view.tag[token.i].startswith("V") and not (verbs and view.tag[token.i] == "PTKZU"):
                break
            verbs.insert(0, token)
        if not verbs or len(verbs) == len(clause) or all(view.tag[t.i] in {"VAFIN", "VMFIN"} for t in verbs):
            # a finite auxiliary or modal alone before the comma may go on after an inserted clause („Die Gebühr …
            # ist, sofern …, bei Aushändigung zu entrichten“): it closes no clause for sure
            return None
        return "hinter " + quote(" ".join(t.text for t in verbs))
    return None


def movable_intro(view: DocView, sentence: Span, start: int) -> int | None:
    """The preposition ("gemäß", "nach", "laut") that brings the reference starting at token ``start``
    into the middle of its clause, or None: at the start of a sentence or clause, or without such a
    preposition, the phrase cannot leave the clause as it is (:func:`_move_advice`)."""
    words = [i for i in range(sentence.start, start) if not view.space[i]]
    if words and view.lower[words[-1]] in ARTICLES_AFTER_INTRO:
        words.pop()
    if not words or view.lower[words[-1]] not in MOVABLE_INTROS:
        return None
    before = words[:-1]
    if not before or not is_word_text(view.text[before[-1]]):
        return None  # the first words of a sentence, or after a comma: the verb would have to move
    return words[-1]


def _lists_legal_bases(view: DocView, sentence: Span, chains: list[tuple[int, int]]) -> bool:
    """"Rechtsgrundlagen: ..." or a segment made of nothing but references."""
    words = [t for t in view.tokens[sentence.start : sentence.end] if is_word_text(t.text)]
    if not words:
        return True
    opening = " ".join(t.text.lower() for t in words[:2])
    if words[0].text.lower() in LEGAL_BASES or opening in LEGAL_BASES:
        return True
    covered = {i for start, end in chains for i in range(start, end)}
    rest = [t for t in words if t.i not in covered and t.lower_ not in {"und", "sowie", "oder"}]
    return not rest


def _alone_in_cell(view: DocView, sentence: Span, start: int, end: int) -> bool:
    """A table row in plain text ("Ausstellung | 02.08.2024 | § 47 Abs. 1 AufenthV | 13,00 EUR"):
    the reference fills its cell, like a column "Rechtsgrundlage"."""
    before = [i for i in range(sentence.start, start) if not view.space[i]]
    after = [i for i in range(end, sentence.end) if not view.space[i]]
    left = view.text[before[-1]] if before else None
    right = view.text[after[0]] if after else None
    return "|" in {left, right} and left in {"|", None} and right in {"|", None}


def _bracketed_at_end(view: DocView, sentence: Span, start: int, end: int) -> bool:
    """"... (§ 82 AufenthG)." – the chain fills a bracket that closes the sentence."""
    text = view.text
    index = start - 1
    while index >= sentence.start and text[index].lower() in INTRO_WORDS:
        index -= 1
    if index < sentence.start or text[index] != "(":
        return False
    after = end
    while after < sentence.end and text[after] != ")":
        if text[after].lower() not in INTRO_WORDS and not view.space[after]:
            return False
        after += 1
    if after >= sentence.end:
        return False
    rest = [text[i] for i in range(after + 1, sentence.end) if not view.space[i]]
    return all(word in SENTENCE_END or word in {"“", "\"", "'"} for word in rest)
