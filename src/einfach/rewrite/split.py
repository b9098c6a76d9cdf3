"""A long sentence split at a semicolon between two main clauses (rule kind ``sentence_length``).

"…, gilt … als fortbestehend; dies umfasst auch …" -> "… als fortbestehend. Dies umfasst
auch …": the semicolon becomes a full stop and the next word takes a capital.  Every word
stays; only one punctuation mark and one letter change, so the fix is two one-character
edits (a Word tracked change of ";" -> "." and "d" -> "D").

This is the one split that needs no restructuring.  The general splitting of long
sentences (a conjunction dropped, a subordinate clause turned into a main clause, a verb
moved) is left to a later issue: its places stay advice (:func:`sentence_length.splits`).

A semicolon is a place only where

* the part before it is a complete sentence: a finite verb of the main clause, every
  subordinate clause closed by its verb, no bracket or quotation left open, no colon that
  the semicolons may continue as a list ("Es gilt: …; …");
* the part after it opens with a main clause of its own (or with a subordinate clause and then
  the main clause, its verb first: "…; sofern Sie …, kann …"): its finite verb in second place
  and a subject or an impersonal construction ("dies umfasst …", "Gleiches gilt für …",
  "zum Nachweis … ist … vorzulegen"; :func:`sentence_length.main_clause`), not a list item
  or an elliptic part without a verb ("Pass; Foto", "…; bei Eilfällen drei Tage");
* the next word may take a capital without changing its meaning: not "sie", "ihr",
  "ihre", "ihnen" … (the capital makes them the polite "Sie", "Ihr"), not a word that
  does not start with a letter (a quotation, a number);
* it is not followed by a conjunction that needs the clause before (:data:`OPENING_CONJUNCTIONS`);
* it ends no line (a list item's semicolon belongs to the list's layout).

The fix is ``review``: a person should look whether the two thoughts read well apart.
When another rewrite of the same sentence changes the words after the semicolon,
:func:`einfach.rewrite.compose` capitalises whatever text ends up first after the full stop.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..edits import Edit
from ..nlp.syntax import FINITE, clause_structure, is_word_text
from ..nlp.view import doc_view
from ..rules.kinds.sentence_length import MIN_PART_WORDS, SUBJECT_TAGS, main_clause, up_to_break
from .edits import REVIEW, Proposal

if TYPE_CHECKING:
    from spacy.tokens import Doc

SEMICOLON = ";"
FULL_STOP = "."
# Lowercase words whose capital form is another word: "sie müssen" (they) -> "Sie müssen" (you),
# "ihre Unterlagen" (their) -> "Ihre Unterlagen" (your).  At a sentence start German cannot tell
# them apart, so a split before one of them would change who is meant.
CASE_CHANGES_MEANING = frozenset({"sie", "ihr", "ihre", "ihrem", "ihren", "ihrer", "ihres", "ihnen"})
# Conjunctions that may open the new sentence: each links the sentence to the one before by its
# meaning ("Denn wir brauchen …", "Aber Sie können …", "Doch …", "Jedoch …"), and the sentence
# after them has its verb in second place.  "und", "oder", "sowie" (the split would leave a
# sentence that opens with a bare "und"; dropping it would be a restructuring), "sondern" (it
# needs the negation of the clause before: "nicht A, sondern B"; "Sondern B." is no German
# sentence), "bzw." and "weder"/"noch" (parts of one statement) refuse the split.  "also",
# "deshalb", "dennoch" are adverbs (tag ADV), which stand in first place anyway.
OPENING_CONJUNCTIONS = frozenset({"denn", "aber", "doch", "jedoch"})
OPENING = {"(": ")", "[": "]", "„": "“", "»": "«", "‚": "‘"}


def rewrite_sentence_split(doc: "Doc", start: int, end: int, kind, parameters: dict) -> Proposal | None:
    """The finding's sentence (tokens ``start``..``end``) with each semicolon between two main
    clauses made a full stop and the next word capitalised, or None where there is no such place."""
    view = doc_view(doc)
    sentence = view.sentence_of(start)
    if end > sentence.end:
        return None  # a sentence over list items (running_sentences): its parts are items
    indices = [t.i for t in view.non_space(sentence)]
    cuts = [i for i in indices if view.text[i] == SEMICOLON]
    if not cuts:
        return None
    text, tag, lower = view.text, view.tag, view.lower
    chunks = clause_structure(sentence)
    depth = {token.i: chunk.depth for chunk in chunks for token in chunk.tokens}
    # the parts between the semicolons (the last one up to the end of the sentence)
    bounds = [indices[0] - 1, *cuts, indices[-1] + 1]
    parts = [[i for i in indices if low < i < high] for low, high in zip(bounds, bounds[1:])]
    edits: list[Edit] = []
    words: list[str] = []
    for number, cut in enumerate(cuts):
        before, after = parts[number], parts[number + 1]
        if not (_open_marks_closed(view, indices, cut) and _complete(view, before, depth)):
            continue
        if not _opens_main_clause(view, after, depth) or "\n" in doc.text[doc[cut].idx + 1 : doc[after[0]].idx]:
            continue
        if any(text[i] == ":" for i in indices if i < cut):
            continue  # "Es gilt: …; …": the semicolons may continue what the colon opened
        first = after[0]
        if refuses_capital(text[first]):
            continue
        if tag[first] == "KON" and lower[first] not in OPENING_CONJUNCTIONS:
            continue
        at = doc[cut].idx
        edits.append(Edit(at, at + 1, FULL_STOP))
        if text[first][0].islower():
            edits.append(Edit(doc[first].idx, doc[first].idx + 1, text[first][0].upper()))
        words += [FULL_STOP, text[first][:1].upper() + text[first][1:]]
    if not edits:
        return None
    return Proposal(start, end, words, REVIEW, edits=edits, added_sentences=sum(e.text == FULL_STOP for e in edits))


def refuses_capital(word: str) -> bool:
    """``word`` may not open the new sentence a split makes: it does not start with a letter (a
    quotation, a number), or its capital form is another word (:data:`CASE_CHANGES_MEANING`)."""
    if not word[:1].isalpha():
        return True
    return word[0].islower() and word.lower().rstrip(",.;:") in CASE_CHANGES_MEANING


def _open_marks_closed(view, indices: list[int], cut: int) -> bool:
    """No bracket or quotation opened before the semicolon is still open there."""
    waiting: list[str] = []
    for i in indices:
        if i >= cut:
            break
        word = view.text[i]
        if word in OPENING:
            waiting.append(OPENING[word])
        elif waiting and word == waiting[-1]:
            waiting.pop()
        elif word == '"':  # a straight quotation mark opens and closes
            if waiting and waiting[-1] == '"':
                waiting.pop()
            else:
                waiting.append('"')
    return not waiting


def _complete(view, part: list[int], depth: dict[int, int]) -> bool:
    """The part before a semicolon stands as a sentence: enough words, a finite verb of the main
    clause, and its last word in the main clause or the verb that closes a subordinate clause
    ("…, dass … mitzuteilen ist;", "…, um … zu prüfen;")."""
    words = [i for i in part if i in depth and is_word_text(view.text[i])]
    if len(words) < MIN_PART_WORDS:
        return False
    if not any(view.tag[i] in FINITE and depth[i] == 0 for i in words):
        return False
    last = words[-1]
    return depth[last] == 0 or view.tag[last].startswith("V")


def _opens_main_clause(view, part: list[int], depth: dict[int, int]) -> bool:
    """The part after a semicolon has enough words and opens with a main clause (up to its next
    break), after a conjunction of :data:`OPENING_CONJUNCTIONS` where one stands first, or after
    a subordinate clause that opens it (:func:`_after_leading_clause`)."""
    if sum(1 for i in part if is_word_text(view.text[i])) < MIN_PART_WORDS:
        return False
    if view.tag[part[0]] == "KOUS":
        return _after_leading_clause(view, part, depth)
    clause = up_to_break(view, part)
    if clause and view.tag[clause[0]] == "KON" and view.lower[clause[0]] in OPENING_CONJUNCTIONS:
        clause = clause[1:]
    return main_clause(view, clause) and not any(depth.get(i, 0) for i in clause)


def _after_leading_clause(view, part: list[int], depth: dict[int, int]) -> bool:
    """"…; sofern Sie … beziehen, kann die Übernahme … beantragt werden": a subordinate clause
    opened by a conjunction stands first, closed by its verb before a comma, and the main clause
    follows with its finite verb first and a subject within the next two words."""
    position = 0
    while position < len(part) and depth.get(part[position], 0) > 0:
        position += 1
    if position < 3 or position >= len(part) or view.text[part[position]] != ",":
        return False
    if not view.tag[part[position - 1]].startswith("V"):
        return False  # the clause must be closed by its verb
    clause = up_to_break(view, part[position + 1 :])
    if len(clause) < 2 or view.tag[clause[0]] not in FINITE or any(depth.get(i, 0) for i in clause):
        return False
    return any(view.tag[i] in SUBJECT_TAGS for i in clause[1:3])
