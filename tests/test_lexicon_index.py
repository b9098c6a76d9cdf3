"""The lexicon kinds try at a position only the terms whose words all stand in the sentence
(``LexiconMatch._viable``): the same hits as a plain walk over every term starting with the
position's word (issue 15)."""

from __future__ import annotations

import pytest

from einfach.nlp.view import release
from einfach.rules.kinds import kind_class
from einfach.rules.kinds.lexicon import LexiconMatch
from einfach.rules.loader import load_rules

SENTENCES = [
    # inflected forms, plurals the tagger does not know, zu-participles
    "Bitte legen Sie zwei Lichtbilder bei.",
    "Die beizubringenden Unterlagen fehlen noch.",
    "Die Vorsprachen finden dienstags statt.",
    "Die Nachweise sind bis zum 1. März beizubringen.",
    # multi-word terms, with articles and possessives between their words, and a separated particle
    "Wir haben nach Aktenlage entschieden.",
    "Sehen Sie bitte davon ab, uns anzurufen.",
    "Bitte setzen Sie uns über jede Änderung unverzüglich in Kenntnis.",
    "Wir werden Ihrem Antrag entsprechen, sobald die Unterlagen vorliegen.",
    "Wir stellen Ihnen die Mittel zur Verfügung.",
    "Die Mittel finden zur Verwendung im nächsten Jahr keine Anwendung.",
    "Wir bringen den Bescheid zur Anwendung und nehmen auf Ihr Schreiben Bezug.",
    "Wir bitten Sie, binnen zwei Wochen vorzusprechen.",
    # conditions of the senses (if_words) and the same word twice
    "Die Gebühren werden jeweils zum Monatsende erhoben, jeweils im Voraus.",
    "Wir erstatten Ihnen die Kosten, sofern Sie Anzeige erstatten.",
    "Das Grundstück wird veräußert, die Veräußerung erfolgt im Rahmen der Zwangsversteigerung.",
    "Hinsichtlich der Zahlung und hinsichtlich der Frist gilt Folgendes.",
    # a quoted name and nothing to find
    "Das Programm „Zur Kenntnis nehmen“ läuft weiter.",
    "Heute scheint die Sonne.",
]


@pytest.fixture(scope="module")
def lexicon_kinds():
    rules = [rule for rule in load_rules().values() if rule.kind in {"lexicon", "light_verb"}]
    assert {rule.id for rule in rules} >= {"amtsdeutsch", "funktionsverbgefuege"}
    return [kind_class(rule.kind)(rule.parameters) for rule in rules]


@pytest.fixture(scope="module")
def texts(lexicon_kinds):
    """The sentences above, the rules' own examples and every seventh lexicon term in a sentence."""
    examples = [text for rule in load_rules().values() for texts in rule.examples.values() for text in texts]
    terms = [pattern.entry.term for kind in lexicon_kinds for pattern in kind.patterns[::7]]
    return SENTENCES + examples + [f"Wir bitten Sie, {term} zu beachten." for term in terms]


def _hits(kind, doc):
    return [(hit.start, hit.end, hit.values, hit.suggest) for hit in kind.find(doc)]


def test_indexed_matching_equals_a_plain_scan(nlp, lexicon_kinds, texts, monkeypatch):
    docs = list(nlp.pipe(texts))
    indexed = [[_hits(kind, doc) for kind in lexicon_kinds] for doc in docs]
    for doc in docs:
        release(doc)  # a fresh view and fresh per-sentence words for the plain scan
    # the plain scan: every term whose first word stands at the position, untested
    monkeypatch.setattr(LexiconMatch, "_viable", lambda self, words: self.by_first)
    plain = [[_hits(kind, doc) for kind in lexicon_kinds] for doc in docs]
    assert indexed == plain
    found = sum(len(hits) for per_doc in indexed for hits in per_doc)
    assert found > len(texts) // 3  # the texts give the matching something to do (216 hits in 480 texts)
    multi_word = {len(hit[2]["tokens"]) for per_doc in indexed for hits in per_doc for hit in hits}
    assert max(multi_word) >= 3
