"""rules/kinds/rhetorical_question.py (rule ``rhetorische-frage``, profile leicht): which questions are
rhetorical, the problem the message names and what the finding marks; one named behaviour per test
(docs/quality.md, "Mutation testing")."""

from __future__ import annotations

import pytest
from pinned_support import annotated_doc, findings, kind_hits

NEGATED = "eine Frage mit „nicht“, auf die „ja“ erwartet wird"
TAG = "eine Frage, die nur Zustimmung erwartet"
ETWA = "eine Frage mit „etwa“, auf die „nein“ erwartet wird"
SCHON = "eine Frage, deren Antwort „niemand“ oder „nichts“ ist"


def rhetorisch(text: str) -> list[tuple[str, str]]:
    """(marked text, problem named in the message) per finding."""
    return [(f.text, f.message.partition("“ ist ")[2]) for f in findings("rhetorische-frage", text, "leicht")]


@pytest.mark.parametrize(("text", "problem"), [
    ("Ist das nicht schön?", NEGATED),
    ("Haben Sie nicht auch genug?", NEGATED),
    ("Kommen Sie nicht doch?", NEGATED),
    ("Das ist doch klar, nicht wahr?", TAG),
    ("Sie kommen, oder etwa nicht?", TAG),
    ("Das ist gut, oder?", TAG),
    ("Glauben Sie etwa, das ist billig?", ETWA),
    ("Kommen Sie etwa?", ETWA),
    ("Wer will das schon?", SCHON),
    ("Was ist schon billig?", SCHON),
])
def test_rhetorical_question_and_the_problem_named(text, problem):
    assert rhetorisch(text) == [(text, problem)]


def test_message_quotes_the_whole_question():
    (found,) = findings("rhetorische-frage", "Ist das nicht schön?", "leicht")
    assert found.message == "Rhetorische Frage: „Ist das nicht schön?“ ist " + NEGATED


def test_only_the_question_of_a_text_is_marked():
    assert rhetorisch("Wir kommen. Ist das nicht schön? Ja.") == [("Ist das nicht schön?", NEGATED)]


@pytest.mark.parametrize(("text", "why"), [
    ("Ist das nicht schön.", "no question mark"),
    ("Ist gut, oder?", "'oder' at the end of a question of three words is a real question"),
    ("Können Sie nicht kommen?", "a plain negated question asks"),
    ("Ist das nicht ein Haus?", "'sein' with 'nicht' but a noun, not an adjective, at the end"),
    ("Das Haus ist nicht schön?", "'nicht' without 'auch'/'doch' in a question not opening with its verb"),
    ("Das ist etwa so?", "'etwa' in a question not opening with its verb"),
    ("Wann kommt er schon?", "'schon' after another question word"),
    ("Wer hilft mir beim Antrag?", "'wer' without 'schon'"),
    ("Was ist ein Antrag?", "a question as a heading"),
    ("?", "no words at all"),
])
def test_real_questions_are_quiet(text, why):
    assert rhetorisch(text) == [], why


def test_whitespace_after_the_question_mark_keeps_it_a_question():
    """A line break token after "?" (another pipeline, ``--model``) belongs to the sentence."""
    words = [("Ist", "VAFIN", "sein"), ("das", "PDS", "der"), ("nicht", "PTKNEG", "nicht"), ("schön", "ADJD", "schön"),
             ("?", "$.", "?"), ("\n", "_SP", "\n")]
    assert [values["problem"] for _, values in kind_hits("rhetorical_question", annotated_doc(words))] == [NEGATED]
