"""Kind ``sentence_bracket``: a wide Satzklammer in a main clause.

In a German main clause the finite verb stands second (or first), and the
part that completes it comes at the end: a separated particle ("reichen Sie
... ein"), a participle after haben/sein/werden ("haben ... geprüft"), an
infinitive after a modal verb or werden ("können ... einreichen"), or a
zu-infinitive after haben/sein ("sind ... vorzulegen").  Everything in
between must be held in memory.

How it is found without a parser (STTS tags, lemmas, commas only):

* main-clause chunks come from :func:`einfach.nlp.syntax.clause_structure`;
  words of subordinate clauses inserted between the two parts are counted
  (they lengthen the bracket) but never provide the closing part;
* a separated particle (PTKVZ) is joined to its verb by
  :func:`einfach.nlp.syntax.particle_verbs`;
* for auxiliaries and modals the closing part is the first participle or
  infinitive after the finite verb in the main clause; the search stops at
  another finite verb of the main clause (a new clause) and at a semicolon
  or colon;
* *sein* with an adjective or noun has no closing part and stays quiet.

Distances count words (tokens with a letter or digit) between the two parts.

The suggestion is concrete or absent (issue 17: the one stock advice was judged generic in
every blind review).  Two cases are safe without a parser:

* a legal reference brought in by "gemäß", "nach" or "laut" (:func:`movable_intro` of the kind
  ``legal_reference``) whose removal brings the bracket within the limit: it goes in brackets
  behind the closing verbs ("… als Ordnungswidrigkeit geahndet werden (§ 98 Abs. 2 AufenthG)");
* a verb-first conditional clause ("Möchten Sie … aufnehmen, kann …", "Ist die Partei … vertreten,
  muss …"): it becomes a "wenn" clause, which puts the finite verb next to its other part
  ("Wenn Sie … aufnehmen möchten, kann …"); with "sollten Sie" the modal is dropped
  ("Sollten Sie … beabsichtigen, …" -> "Wenn Sie … beabsichtigen, …").

Everywhere else (a passive, a perfect, a particle verb in a statement) the finding keeps its
message and gets no suggestion: a passive's advice comes from ``passiv``, and a reordering of
the middle needs a parser to know which phrases may move.
"""

from __future__ import annotations

from itertools import takewhile
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the pipeline, not by rule validation
    from spacy.tokens import Doc, Span, Token

from ...nlp.syntax import CLAUSE_BREAKS, FINITE, clause_structure, has_finite, is_word, particle_verbs
from ...nlp.view import DocView, doc_view
from .base import Hit, quote, spans_only
from .legal_reference import laws, movable_intro, reference_chains

PARTICIPLES = {"VVPP", "VAPP", "VMPP"}
INFINITIVES = {"VVINF", "VAINF", "VMINF"}
ZU_INFINITIVES = {"VVIZU"}
STOPS = {";", ":"}
KIND_TEXT = {
    "particle": "dem abgetrennten Teil des Verbs",
    "participle": "dem Partizip",
    "infinitive": "dem Infinitiv",
}


class SentenceBracket:
    parameters = {"max_distance"}
    values = {"finite", "closing", "distance", "limit", "part", "advice"}

    def __init__(self, parameters: dict):
        self.max_distance = int(parameters.get("max_distance", 10))
        self.laws = laws("gesetze")

    def find(self, doc: Doc):
        view = doc_view(doc)
        for sentence in view.sents:
            yield from self._find_in(view, sentence)

    def _find_in(self, view: DocView, sentence: Span):
        if not has_finite(sentence):
            return  # no finite verb, no bracket
        chunks = clause_structure(sentence)
        main: set[int] = {t.i for chunk in chunks if not chunk.subordinate for t in chunk.tokens}
        joined = particle_verbs(sentence)
        tokens = view.non_space(sentence)
        for position, token in enumerate(tokens):
            if token.i not in main or view.tag[token.i] not in FINITE:
                continue
            closing, part = _closing_part(token, _until_boundary(tokens[position + 1 :]), main, joined)
            if closing is None:
                continue
            distance = sum(1 for t in tokens[position + 1 :] if t.i < closing.i and is_word(t))
            if distance <= self.max_distance:
                continue
            advice = "" if spans_only(view.doc) else self._advice(view, sentence, tokens, position, closing)
            yield Hit(
                start=token.i,
                end=closing.i + 1,
                values={
                    "finite": quote(token.text),
                    "closing": quote(closing.text),
                    "distance": distance,
                    "limit": self.max_distance,
                    "part": KIND_TEXT[part],
                    "advice": advice,
                },
                suggest=bool(advice),
            )

    def _advice(self, view: DocView, sentence: Span, tokens: list[Token], position: int, closing: Token) -> str:
        """A concrete way to close the bracket in this sentence, or "" (see the module doc)."""
        after = tokens.index(closing) + 1
        verbs = [closing] + list(takewhile(lambda t: view.tag[t.i].startswith("V"), tokens[after:]))
        return self._reference_out(view, sentence, tokens, position, closing, verbs) or _conditional(
            view, tokens, position, verbs
        )

    def _reference_out(self, view: DocView, sentence: Span, tokens: list[Token], position: int, closing: Token,
                       verbs: list[Token]) -> str:
        """"Setzen Sie „gemäß § 98 AufenthG“ als „(§ 98 AufenthG)“ hinter „geahndet werden“ …" when the
        bracket is then within the limit."""
        finite = tokens[position]
        for start, end in reference_chains(sentence, self.laws):
            if not finite.i < start < end <= closing.i:
                continue
            intro = movable_intro(view, sentence, start)
            if intro is None or intro <= finite.i:
                continue
            inside = [t for t in tokens[position + 1 :] if t.i < closing.i and is_word(t)]
            left = sum(1 for t in inside if not intro <= t.i < end)
            if left > self.max_distance:
                continue
            reference = view.span_text(start, end)
            phrase = view.span_text(intro, end)
            behind = " ".join(view.text[t.i] for t in verbs)
            return (f"Setzen Sie {quote(phrase)} als {quote('(' + reference + ')')} hinter {quote(behind)}: "
                    f"Dann stehen zwischen {quote(finite.text)} und {quote(closing.text)} nur noch {left} Wörter.")
        return ""


def _conditional(view: DocView, tokens: list[Token], position: int, verbs: list[Token]) -> str:
    """„Wenn Sie … aufnehmen möchten, kann …“ for a verb-first conditional „Möchten Sie … aufnehmen, kann …“.

    Only a finite auxiliary or modal verb as the first word (never a full verb: „Füllen Sie … aus,
    schicken Sie …“ are two requests), its verbs right before a comma, and the main clause's finite
    verb right after that comma („so“ or „dann“ may stand before it).  „Sollten Sie“ loses the
    modal when its infinitive goes with „Sie“ („Wenn Sie … beabsichtigen“)."""
    finite = tokens[position]
    if position != _first_word(view, tokens) or view.tag[finite.i] not in {"VAFIN", "VMFIN"}:
        return ""
    if tokens[-1].text == "?":
        return ""
    after = tokens.index(verbs[-1]) + 1
    rest = tokens[after:]
    if len(rest) < 3 or rest[0].text != ",":
        return ""
    main = rest[1:]
    if view.lower[main[0].i] in {"so", "dann"}:
        main = main[1:]
    if not main or view.tag[main[0].i] not in {"VAFIN", "VMFIN", "VVFIN"}:
        return ""
    middle = tokens[position + 1 : tokens.index(verbs[0])]
    if not middle or view.tag[middle[0].i] not in SUBJECT_STARTS:
        return ""
    if _coordinated(view, middle, main):
        return ""
    word = view.lower[finite.i]
    verb_group = [view.text[t.i] for t in verbs]
    drop_modal = word == "sollten" and view.lower[middle[0].i] == "sie" and len(verbs) == 1 and (
        view.tag[verbs[0].i] == "VVINF")
    if not drop_modal:
        verb_group.append(word)
    clause = " ".join(["Wenn", view.span_text(middle[0].i, middle[-1].i + 1), *verb_group])
    shown = f"{clause}, {view.text[rest[1].i]} …"
    return f"Schreiben Sie den ersten Teil als Satz mit „wenn“: {quote(shown)}"


# words that join the clause after the comma to the condition, not to a main clause
# („Wird … zwar … ausgeübt, erfüllt sie jedoch nicht …, sind …“; fifth blind review, S066)
CONTRASTS = {"zwar", "jedoch", "aber", "allerdings", "hingegen", "dagegen", "trotzdem", "dennoch"}


def _coordinated(view: DocView, middle: list[Token], main: list[Token]) -> bool:
    """Whether the clause after the comma is not the main clause but a second part of the condition:
    „zwar“ in the condition or a contrast word in that clause, or another comma followed by a finite
    verb after it (then only the first part would become „wenn“ and the sentence breaks)."""
    if any(view.lower[t.i] == "zwar" for t in middle):
        return True
    for number, token in enumerate(main):
        if token.text in {",", ";"}:
            following = main[number + 1 :]
            if following and view.lower[following[0].i] in {"so", "dann"}:
                following = following[1:]
            return bool(following) and view.tag[following[0].i] in {"VAFIN", "VMFIN", "VVFIN"}
        if view.lower[token.i] in CONTRASTS:
            return True
    return False


# words that may start the subject right after a verb-first conditional's finite verb
SUBJECT_STARTS = {"PPER", "ART", "PPOSAT", "PDAT", "PIAT", "NN", "NE", "PIS", "PDS"}


def _first_word(view: DocView, tokens: list[Token]) -> int:
    """The position of the first word of the sentence (after a list bullet or a quotation mark)."""
    return next((p for p, t in enumerate(tokens) if is_word(t)), 0)


BOUNDARY_STARTS = {"PPER", "ART", "PDS", "PPOSAT", "PDAT", "KOUS", "PWAV", "PWS", "ADV", "PIS"}


def _until_boundary(tokens: list[Token]) -> list[Token]:
    """Cut at a likely missed sentence end: a number ending in "." before a capitalised
    pronoun, article or adverb ("in Raum 1.12. Wir bewahren ..."), so that two
    sentences are never taken as one bracket."""
    for position, token in enumerate(tokens[:-1]):
        following = tokens[position + 1]
        if (
            token.text.endswith(".")
            and any(ch.isdigit() for ch in token.text)
            and following.text[:1].isupper()
            and following.tag_ in BOUNDARY_STARTS
        ):
            return tokens[: position + 1]
    return tokens


def _closing_part(finite: Token, following: list[Token], main: set[int], joined: dict[int, str]):
    """The token that completes ``finite`` and what kind of part it is.

    A zu-infinitive completes haben/sein only in the same chunk ("sind ... bis
    Montag vorzulegen"); after a comma it starts an infinitive clause of its
    own ("Sie haben das Recht, Widerspruch einzulegen").
    """
    lemma = finite.lemma_.lower()
    if finite.tag_ in {"VVFIN", "VVIMP"}:
        if finite.i not in joined:
            return None, ""
        for token in following:
            if token.tag_ == "PTKVZ" and joined.get(token.i) == joined[finite.i]:
                return token, "particle"
            if token.i in main and token.tag_ in FINITE:
                return None, ""  # another clause's verb first: the particle is not this verb's
        return None, ""
    if finite.tag_ == "VMFIN" or lemma == "werden":
        wanted = INFINITIVES | PARTICIPLES
    elif lemma in {"haben", "sein"}:
        wanted = PARTICIPLES
    else:
        return None, ""
    same_chunk = True
    for position, token in enumerate(following):
        if token.text in STOPS:
            return None, ""
        if token.text in CLAUSE_BREAKS and token.tag_.startswith("$"):
            same_chunk = False
            continue
        if token.i not in main:
            continue
        if token.tag_ in FINITE:
            return None, ""
        zu_infinitive = token.tag_ in ZU_INFINITIVES or (
            token.tag_ == "VVINF" and position > 0 and following[position - 1].tag_ == "PTKZU"
        )
        if lemma in {"haben", "sein"} and finite.tag_ == "VAFIN" and zu_infinitive:
            return (token, "infinitive") if same_chunk else (None, "")
        if token.tag_ in wanted:
            return token, "participle" if token.tag_ in PARTICIPLES else "infinitive"
    return None, ""
