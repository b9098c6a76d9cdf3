"""Kind ``sentence_length``: words per segment against level thresholds.

The suggestion offers a concrete split only where both parts stand as
sentences (:func:`splits`): it names the word after which to cut, quotes the
end of the first sentence and the start of the new one.  A sentence without
such a place gets no suggestion (the rule's ``why`` keeps the general advice):
a place that leaves a fragment is worse than none (docs/quality.md, "Split
advice that fits").

Not every long stretch of words is a sentence: a table row ("Amtshandlung |
Datum | Gebühr"), a list of names, a run of headings or links has no verb at
all and is not reported (:func:`not_a_sentence`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the pipeline, not by rule validation
    from spacy.tokens import Doc, Span

from ...nlp.list_sentences import running_sentences
from ...nlp.syntax import FINITE, clause_structure, is_word_text, word_count
from ...nlp.view import DocView, doc_view
from .base import LEVEL_LABELS, Hit, quote, spans_only
from .wordinfo import SEPARABLE_PARTICLES

LEVEL_ORDER = ("info", "warning", "error")
MAX_SPLITS = 2
MIN_PART_WORDS = 4  # a cut that leaves fewer words on one side shortens nothing
SHOWN_WORDS = 10  # words of each new sentence quoted in the suggestion
TERMINAL_TEXT = re.compile(r"^[.!?…]+$")
CLOSING = {"“", "”", "\"", "'", "’", ")", "»", "«"}

# Coordinating conjunctions between two main clauses and how the second sentence begins
# ("" = the conjunction is dropped: "…, und wir helfen Ihnen" -> "Wir helfen Ihnen.").
CLAUSE_CONJUNCTIONS = {"und": "", "aber": "Aber", "denn": "Denn", "oder": "Oder", "doch": "Doch",
                       "jedoch": "Jedoch"}
# Tags of words that a conjunction joins into one phrase when it stands between two of a
# kind: "Kosten und Gebühren", "gelesen und verstanden", "schnell und einfach".
PHRASE_TAGS = ({"NN", "NE"}, {"ADJA"}, {"ADJD"}, {"ADV"}, {"CARD"}, {"VVPP", "VAPP", "VMPP"},
               {"VVINF", "VAINF", "VMINF"}, {"VVIZU"})
# A subordinate clause after the main clause becomes a main clause of its own when its
# opener has a main-clause twin that takes the verb right after it (verb second):
# "…, wobei eine Ablehnung nicht ausgeschlossen werden kann" -> "Dabei kann eine Ablehnung
# nicht ausgeschlossen werden."  Openers not listed ("dass", "ob", "wenn", "falls", "obwohl",
# "wie", …) belong to the clause before: no split there.
FRONTED = {"wobei": "Dabei", "was": "Das", "damit": "So", "sodass": "Deshalb", "weshalb": "Deshalb",
           "weswegen": "Deswegen", "wodurch": "Dadurch"}
# relative pronouns -> the demonstrative that opens the new sentence
DEMONSTRATIVES = {"der": "dieser", "die": "diese", "das": "dieses", "den": "diesen", "dem": "diesem",
                  "denen": "diesen", "welcher": "dieser", "welche": "diese", "welches": "dieses",
                  "welchen": "diesen", "welchem": "diesem"}
# "weil"/"da" + a personal pronoun: "…, weil wir Fragen haben" -> "Denn wir haben Fragen."
CAUSAL = {"weil", "da"}
# Verbs after which "was", "weshalb" … ask an indirect question ("Teilen Sie uns mit, was
# Sie brauchen"), which is no clause of its own: no split there.
QUESTION_VERBS = {"fragen", "wissen", "mitteilen", "sagen", "erklären", "angeben", "klären", "prüfen",
                  "überlegen", "entscheiden", "zeigen", "beschreiben", "erläutern", "darlegen", "bedenken",
                  "nachweisen", "schreiben", "hinweisen", "informieren", "verstehen", "beantworten",
                  "festlegen", "bestimmen", "feststellen", "überprüfen", "ermitteln", "benennen"}
INFINITE_AT_END = {"VVINF", "VAINF", "VMINF"}  # a clause-final plural finite verb the tagger read as infinitive


class SentenceLength:
    parameters = {"thresholds"}
    values = {"words", "limit", "split_points", "grade"}

    def __init__(self, parameters: dict):
        self.thresholds = _thresholds(parameters)

    @staticmethod
    def grading(parameters: dict, level: str) -> str:
        """The graded levels in words, for ``einfach rules`` ("Hinweis ab 16, Warnung ab 21, ...")."""
        return ", ".join(f"{LEVEL_LABELS[name]} ab {limit + 1}" for limit, name in _thresholds(parameters)) + " Wörtern"

    def find(self, doc: Doc):
        view = doc_view(doc)
        limit_of = {name: limit for limit, name in self.thresholds}
        for sentence in running_sentences(doc):  # a sentence over list items counts as one
            count = word_count(sentence)
            level = None
            for limit, name in self.thresholds:
                if count > limit:
                    level = name
            if level is None or not_a_sentence(view, sentence):
                continue
            tokens = view.non_space(sentence)
            advice = "" if spans_only(doc) else describe_splits(sentence)  # only the text needs it
            yield Hit(
                start=tokens[0].i,
                end=tokens[-1].i + 1,
                values={
                    "words": count,
                    "limit": self.thresholds[0][0],
                    "split_points": advice,
                },
                level=level,
                grade=f"; {LEVEL_LABELS[level]} ab {limit_of[level] + 1}",
                suggest=bool(advice),
            )


def _thresholds(parameters: dict) -> list[tuple[int, str]]:
    """(words, level) from the lowest limit up: a sentence with more words than a limit has its level."""
    thresholds = parameters.get("thresholds") or {"info": 15, "warning": 20, "error": 30}
    unknown = sorted(set(thresholds) - set(LEVEL_LABELS))
    if unknown:
        raise ValueError(f"thresholds: unbekannte Stufe {unknown[0]!r} (bekannt: {', '.join(LEVEL_LABELS)})")
    if not all(isinstance(limit, int) and not isinstance(limit, bool) for limit in thresholds.values()):
        raise ValueError("thresholds: die Grenzen müssen ganze Zahlen (Wörter) sein")
    return sorted(((limit, level) for level, limit in thresholds.items()), key=lambda item: item[0])


def not_a_sentence(view: DocView, sentence: Span) -> bool:
    """A row of a text table, a list of names or addresses, or a run of lines without a verb
    (headings, links, a letterhead) is no sentence to shorten.

    * a text table row: cells between "|" (the .docx/.odt readers give every table cell a
      paragraph of its own, so their rows never join);
    * without any verb: an enumeration without final punctuation (three or more parts joined by
      commas, "und", "oder": "Gründernetzwerk … der TU Chemnitz, der Hochschule Zwickau und …"),
      or lines joined into one segment (a line break inside it).

    A long phrase without a verb that ends like a sentence (a list item "Nachweis über …;") or
    a long subject line stays a sentence (the annotation guide of #17 counts them).
    """
    indices = range(sentence.start, sentence.end)
    text = view.text
    if sum(1 for i in indices if text[i] == "|") >= 2:
        return True
    if any(view.tag[i].startswith("V") for i in indices):
        return False
    words = [i for i in indices if not view.space[i]]
    if any(view.space[i] and "\n" in text[i] for i in range(words[0], words[-1])):
        return True
    last = words[-1]
    while last > words[0] and text[last] in CLOSING:
        last -= 1
    separators = sum(1 for i in words if text[i] == "," or view.lower[i] in {"und", "oder", "sowie"})
    return not (TERMINAL_TEXT.match(text[last]) or text[last] in {";", ":"}) and separators >= 3


@dataclass(frozen=True)
class Split:
    """A place to cut a sentence: after ``after`` (a word), giving ``first`` and ``second``."""

    after: str
    first: str
    second: str


def _words(view: DocView, indices) -> int:
    return sum(1 for i in indices if is_word_text(view.text[i]))


def _text(view: DocView, indices: list[int]) -> str:
    """The tokens as written, on one line: their own spacing, one space where tokens were
    left out or a whitespace token stood between them."""
    if not indices:
        return ""
    text, whitespace = view.text, view.whitespace
    joined = "".join(text[i] + (whitespace[i] if j == i + 1 else " ") for i, j in zip(indices, indices[1:]))
    joined += text[indices[-1]]
    return re.sub(r" ([,;:.!?)])", r"\1", re.sub(r"\s+", " ", joined)).strip()


def _strip_end(view: DocView, indices: list[int]) -> tuple[list[int], str]:
    """The tokens without the sentence-final punctuation, and that punctuation ("." if none)."""
    end = len(indices)
    while end and view.text[indices[end - 1]] in CLOSING:
        end -= 1
    mark = "."
    if end and TERMINAL_TEXT.match(view.text[indices[end - 1]]):
        mark = view.text[indices[end - 1]][0]
        end -= 1
    else:
        end = len(indices)  # no final punctuation: keep closing quotes and brackets
        if view.text[indices[-1]] == ":":
            mark = ":"  # a lead-in to a list stays one
    while end and view.text[indices[end - 1]] in {",", ";", ":", "–", "—"}:
        end -= 1
    return indices[:end], mark


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _coordinated_phrase(view: DocView, indices: list[int], position: int) -> bool:
    """The conjunction joins two words of one phrase ("Vor- und Nachname"), not two clauses."""
    before = view.tag[indices[position - 1]]
    if before == "TRUNC":
        return True
    after = view.tag[indices[position + 1]] if position + 1 < len(indices) else None
    return any(before in tags and after in tags for tags in PHRASE_TAGS)


def _separable(view: DocView, index: int) -> bool:
    """A verb that may have a separable particle ("anfallen", "zurückschicken"): moving it to
    second place would need the particle split off ("fallen … an"), which is not done."""
    word = view.lower[index]
    return view.tag[index].startswith("VV") and any(
        word.startswith(particle) and len(word) > len(particle) + 3 for particle in SEPARABLE_PARTICLES
    )


def splits(sentence: Span) -> list[Split]:
    """The places where ``sentence`` can be cut so that both parts stand as sentences.

    * a semicolon, a comma or a coordinating conjunction ("und", "aber", "denn", …) between
      two main clauses, each with its finite verb (the second one not left without its
      subject: "… geprüft und können ihn nicht …" is no place);
    * a subordinate clause at the end of the sentence whose opener has a main-clause twin
      (:data:`FRONTED`, a relative pronoun -> "Diese …", "weil wir" -> "Denn wir"): the new
      sentence moves the finite verb to second place.

    Never inside a coordinated phrase, before a clause that belongs to the clause before
    ("dass", "ob", "wenn", an indirect question), inside a subordinate clause or before a
    word that only looks like a relative pronoun ("deren" as a possessive, "die" as an article).
    """
    view = doc_view(sentence.doc)
    return view.cached("splits", sentence, lambda s: _splits(view, s))


def _question(view: DocView, indices: list[int]) -> bool:
    """A question: a cut would turn its first part into a statement."""
    words = [i for i in indices if view.text[i] not in CLOSING]
    return bool(words) and view.text[words[-1]].endswith("?")


def nested_splits(sentence: Span) -> list[Split]:
    """:func:`splits`, and also where the first part ends with a subordinate clause that its verb
    closes ("Es wird darauf hingewiesen, dass Ihnen … erteilt wird, mit welcher …"): the places
    to take a clause out of a Schachtelsatz (kind ``nesting``).  Every clause before the cut is
    closed there: the cut stands in the main clause, or before a clause of depth 1.  After a
    subordinate clause a relative clause is split off only with "welch-" (the office's way to go
    on: "…, mit welcher …"); "…, die … festgelegt ist" there mostly defines its noun, and "Diese
    ist … festgelegt." would state something else."""
    view = doc_view(sentence.doc)
    return view.cached("nested_splits", sentence, lambda s: _splits(view, s, after_subordinate=True))


def _splits(view: DocView, sentence: Span, after_subordinate: bool = False) -> list[Split]:
    text, tag, lower = view.text, view.tag, view.lower
    indices = [t.i for t in view.non_space(sentence)]
    if _question(view, indices):
        return []
    chunks = clause_structure(sentence)
    depth = {token.i: chunk.depth for chunk in chunks for token in chunk.tokens}  # 0 = main clause
    starts = {chunk.tokens[0].i: number for number, chunk in enumerate(chunks)}
    found: list[tuple[int, Split]] = []

    def first_part(cut: int) -> list[int] | None:
        """The tokens before the cut if they form a sentence: a main clause with its finite
        verb, no subordinate clause still waiting for its verb, no bracket left open."""
        left = indices[:cut]
        words = [i for i in left if i in depth and is_word_text(text[i])]
        if len(words) < MIN_PART_WORDS:
            return None
        if depth[words[-1]] != 0 and not (after_subordinate and tag[words[-1]].startswith("V")):
            return None
        if sum(text[i] == "(" for i in left) > sum(text[i] == ")" for i in left):
            return None
        if tag[words[0]] in {"PWS", "PWAV"}:  # "Wer … kann, dem …": the main clause starts after the comma
            commas = [i for i in left if text[i] == ","]
            words = [i for i in words if commas and i > commas[0]]
        if not any(tag[i] in FINITE and depth[i] == 0 for i in words):
            return None
        return left

    def add(cut: int, left: list[int], second: str) -> None:
        body, _ = _strip_end(view, left)
        words = [i for i in body if is_word_text(text[i])]
        shown = words[-SHOWN_WORDS:]
        prefix = "" if len(shown) == len(words) else "… "
        first = prefix + _text(view, body[body.index(shown[0]) :]) + "."
        found.append((cut, Split(after=text[body[-1]], first=first, second=second)))

    # 1. between two main clauses: a semicolon, a conjunction, a comma before pronoun + verb
    for position, index in enumerate(indices[1:], start=1):
        if depth.get(index, 0) != 0:
            continue
        opener = None
        if text[index] == ";":
            right_start, opener = position + 1, ""
        elif tag[index] == "KON" and lower[index] in CLAUSE_CONJUNCTIONS:
            if _coordinated_phrase(view, indices, position):
                continue
            right_start, opener = position + 1, CLAUSE_CONJUNCTIONS[lower[index]]
        elif (text[indices[position - 1]] == "," and index in starts and chunks[starts[index]].opener is None
              and tag[index] in {"PPER", "PDS"} and position + 1 < len(indices)
              and tag[indices[position + 1]] in FINITE):
            right_start, opener = position, ""  # "…, es sind damit … gemeint"
        if opener is None:
            continue
        clause = up_to_break(view, indices[right_start:])  # the second main clause
        if not main_clause(view, clause) or any(depth.get(i, 0) for i in clause):
            continue
        if lower[index] == "oder" and any(lower[i] == "entweder" for i in indices[:position]):
            continue  # "Entweder …, oder …" is one thought
        left = first_part(position)
        rest = indices[right_start:]
        if left is None or _words(view, rest) < MIN_PART_WORDS:
            continue
        body, mark = _strip_end(view, rest)
        start = _text(view, body[:1])
        start = f"{opener} {start}" if opener else _capitalised(start)
        add(position, left, _sentence(view, start, body[1:], mark))

    # 2. a subordinate clause at the end of the sentence that can become a main clause
    for number, chunk in enumerate(chunks):
        if chunk.opener is None or chunk.depth != 1 or chunk.break_before != ",":
            continue
        position = indices.index(chunk.tokens[0].i)
        rest = indices[position:]
        if any(later.depth < 2 and later.clause != chunk.clause for later in chunks[number + 1 :]):
            continue  # the main clause goes on after it (an inserted clause), or another clause follows
        left = first_part(position)
        if left is None or _words(view, rest) < MIN_PART_WORDS:
            continue
        last = [i for i in left if i in depth and is_word_text(text[i])][-1]
        if depth[last] != 0 and tag[chunk.opener.i] == "PRELS" and not lower[chunk.opener.i].startswith("welch"):
            continue  # "…, wenn … eingereicht werden, die … umfassen": a defining clause, "Diese …" changes it
        second = _restructured(view, chunks[number:], rest, left)
        if second:
            add(position, left, second)
    found.sort(key=lambda item: item[0])
    return [split for _, split in found]


def _clause_verb(view: DocView, chunks) -> int | None:
    """The finite verb that closes the clause opened by ``chunks[0]`` (its last word), or None:
    also when the clause holds a second finite verb ("in denen … hat oder sich … befindet") or
    ends with a zu-infinitive (", die … Beitragspflichten zu erfüllen": "die" was an article)."""
    clause = chunks[0].clause
    tag = view.tag
    finite = 0  # finite verbs before the last word
    for chunk in chunks:
        if chunk.clause != clause:
            continue
        words = [t.i for t in chunk.tokens if is_word_text(view.text[t.i])]
        finite += sum(1 for i in words[:-1] if tag[i] in FINITE)
        if words and tag[words[-1]].startswith("V"):
            last = words[-1]
            if tag[last] not in FINITE | INFINITE_AT_END or _separable(view, last) or finite:
                return None
            if len(words) > 1 and tag[words[-2]] == "PTKZU":
                return None
            return last
    return None


RIGHT_BREAKS = {",", ";", ":", "–", "—", "(", ")"}
SUBJECT_TAGS = {"PPER", "PDS", "PIS", "NN", "NE"}
OPENERS_OF_SUBORDINATE = {"KOUS", "KOUI", "PRELS", "PWS", "PWAV"}


def up_to_break(view: DocView, tokens: list[int]) -> list[int]:
    """The leading ``tokens`` up to the next break (a comma, a semicolon, a bracket, a full stop …)."""
    clause = []
    for i in tokens:
        if view.text[i] in RIGHT_BREAKS or TERMINAL_TEXT.match(view.text[i]):
            break
        clause.append(i)
    return clause


def main_clause(view: DocView, clause: list[int]) -> bool:
    """A main clause of its own: the finite verb in second place (after one part, before any
    other verb or conjunction, not last) and a subject near it; not "und können …" (no
    subject), "oder nicht über … verfügt" (verb last), "oder Ihr Studium abgeschlossen und sind …"
    or "… kümmern und fristgerecht kündigen sowie …" (infinitives and participles)."""
    tag = view.tag
    if not clause or tag[clause[0]] in FINITE | OPENERS_OF_SUBORDINATE:
        return False
    finite = next((p for p, i in enumerate(clause) if tag[i] in FINITE), None)
    if finite is None or finite == len(clause) - 1:
        return False
    before = clause[:finite]
    if any(tag[i].startswith("V") or tag[i] == "KON" for i in before):
        return False
    return any(tag[i] in SUBJECT_TAGS for i in before + clause[finite + 1 : finite + 3])


def _restructured(view: DocView, chunks, rest: list[int], left: list[int]) -> str | None:
    """The subordinate clause ``rest`` as a main clause, or None when no safe restructure is known."""
    text, tag, lower, lemma = view.text, view.tag, view.lower, view.lemma
    chunk = chunks[0]
    opener, first = chunk.opener, chunk.tokens[0]
    verb = _clause_verb(view, chunks)
    if verb is None:
        return None
    word = lower[opener.i]
    after = chunk.tokens[chunk.tokens.index(opener) + 1] if opener.i != chunk.tokens[-1].i else None
    if after is None or tag[after.i] == "KON":
        return None  # "…, die oder der Betroffene …": an article
    if word.startswith("welch") and tag[after.i] in {"NN", "ADJA"}:
        return None  # "besprechen Sie, welche Gutachten …": a question
    if tag[opener.i] == "PRELS" and word in DEMONSTRATIVES and (first.i == opener.i or tag[first.i] == "APPR"):
        if not _describing(view, left):
            return None  # a defining clause: "Diese …" would state it of every such thing
        fronted = [first.i, opener.i] if first.i != opener.i else [opener.i]
        lead = " ".join(DEMONSTRATIVES[word] if i == opener.i else text[i] for i in fronted)
    elif word in FRONTED and first.i == opener.i:
        words = [i for i in left if is_word_text(text[i])]
        if word != "wobei" and tag[opener.i] in {"PWS", "PWAV"} and (
            any(lemma[i] in QUESTION_VERBS for i in words[-4:]) or tag[words[-1]] in {"PIS", "PDS", "PTKVZ"}
        ):
            return None  # an indirect question ("Teilen Sie uns mit, was …") or "alles, was …"
        fronted, lead = [opener.i], FRONTED[word]
    elif word in CAUSAL and first.i == opener.i and (subject := _subject_after(view, chunk.tokens)):
        fronted = [opener.i, *subject]
        lead = "Denn " + _text(view, subject)
    else:
        return None
    body, mark = _strip_end(view, rest)
    remaining = [i for i in body if i not in fronted and i != verb]
    return _sentence(view, _capitalised(lead) + " " + text[verb], remaining, mark)


# what may stand between a noun and its determiner ("die Stadt- oder Gemeindeverwaltung")
NOUN_PHRASE_INSIDE = {"ADJA", "ADJD", "ADV", "CARD", "TRUNC", "KON", "PTKNEG"}
# words after the antecedent that make an indefinite noun non-specific: a relative clause after
# "einen Vertrag zu schließen, der …" says which one is meant (so does one after a modal verb
# anywhere before the comma: "kann … eine Frist setzen, die …")
NON_SPECIFIC = {"PTKZU", "VVIZU"}


def _describing(view: DocView, left: list[int]) -> bool:
    """The relative clause after ``left`` only adds to a noun already known, so it can stand as
    a sentence of its own ("den Antrag Ihres Sohnes, der …", "eine Gebühr erhoben, die …").
    A noun with a definite article, a quantifier ("allen Angelegenheiten, von denen …"),
    "derjenige" or no determiner, or an indefinite one in a zu-infinitive or after a modal
    verb, is restricted by the clause: it says which one is meant (a defining clause).  The
    antecedent is taken as the last noun or pronoun before the comma; when unsure: defining."""
    text, tag, lower = view.text, view.tag, view.lower
    words = [i for i in left if is_word_text(text[i])]
    if not words:
        return False
    if tag[words[-1]] == "PPER" and lower[words[-1]] in {"sie", "ihnen"}:
        return True  # "… schreiben wir an Sie, die …": a person already known
    nouns = [p for p, i in enumerate(words) if tag[i] in {"NN", "NE"}]
    if not nouns:
        return False
    position = nouns[-1]
    noun = words[position]
    if tag[noun] == "NE":
        return True
    before = position - 1
    while before >= 0 and tag[words[before]] in NOUN_PHRASE_INSIDE:
        before -= 1
    if before < 0:
        return False
    determiner = words[before]
    if tag[determiner] == "PPOSAT":
        return True
    if tag[determiner] == "PDAT":
        return lower[determiner].startswith("dies")
    if tag[determiner] == "ART" and lower[determiner].startswith("ein"):
        return not any(tag[i] in NON_SPECIFIC for i in words[position + 1 :]) and \
            not any(tag[i].startswith("VM") for i in words)  # "möglich" + zu-infinitive, "kann"
    return False


DETERMINERS = {"ART", "PPOSAT", "PDAT", "PIAT"}
# what may follow a noun phrase that is the whole subject ("weil die Frist abgelaufen ist",
# "da etwaige Fehler, sofern …"); a genitive, a preposition or a conjunction may go on with it
AFTER_SUBJECT = {"PTKNEG", "ADV", "ADJD", "PPER", "PRF", "PROAV", "VAFIN", "VMFIN", "VVFIN", "VVPP", "$,"}


def _subject_after(view: DocView, tokens) -> list[int] | None:
    """The subject right after "weil"/"da": a personal pronoun, or a noun phrase (determiner,
    adjectives, one noun) that plainly ends before the rest; None when unsure."""
    tag = view.tag
    if len(tokens) < 3:
        return None
    if tag[tokens[1].i] == "PPER":
        return [tokens[1].i]
    position = 1
    if tag[tokens[position].i] in DETERMINERS:
        position += 1
    while position < len(tokens) and tag[tokens[position].i] == "ADJA":
        position += 1
    if position + 1 >= len(tokens) or tag[tokens[position].i] != "NN":
        return None
    if tag[tokens[position + 1].i] not in AFTER_SUBJECT:
        return None
    return [t.i for t in tokens[1 : position + 1]]


def _sentence(view: DocView, start: str, remaining: list[int], mark: str) -> str:
    """The new sentence: ``start`` and the remaining tokens, shortened to :data:`SHOWN_WORDS` words."""
    words = [i for i in remaining if is_word_text(view.text[i])]
    if len(words) + len(start.split()) > SHOWN_WORDS + 2:
        cut = words[SHOWN_WORDS - len(start.split())]
        return f"{start} {_text(view, remaining[: remaining.index(cut)])} …"
    body = _text(view, remaining)
    return f"{start} {body}{'' if body.endswith(mark) else mark}"


def describe_splits(sentence: Span, places=splits) -> str:
    """The suggestion's places to split ("" when there is none that leaves two sentences)."""
    found = places(sentence)[:MAX_SPLITS]
    parts = [f"nach {quote(split.after)}: {quote(split.first)} Neuer Satz: {quote(split.second)}" for split in found]
    return " Oder ".join(parts)
