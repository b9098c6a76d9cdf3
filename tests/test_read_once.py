"""The per-Doc readings that the CPU savings of issue 15 rewrote give what the plain readings gave.

Each test keeps the plain way (as the code read before) and compares it with the code on varied
texts: the lexicon's per-sentence words (``Words``, ``_singular``), the protected words
(``protected_indices``) and the lexicon hits the safety check asks for (``spans_only``).
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right

import pytest

from einfach.nlp import protected
from einfach.nlp.syntax import particle_verbs
from einfach.nlp.view import doc_view, release
from einfach.rules.kinds import lexicon
from einfach.rules.kinds.wordinfo import zu_participle_verb

from test_lexicon_index import SENTENCES

TEXTS = SENTENCES + [
    "Sehr geehrte Frau Muster, Ihr Antrag wurde von der Architektenkammer Sachsen geprüft.",
    "Am Buß- und Bettag und am Tag der Deutschen Einheit bleibt die Ausländerbehörde Berlin geschlossen.",
    "Die Gesellschaft mit beschränkter Haftung legt die „Bescheinigung über die Wirkung der Antragstellung“ vor.",
    "Lesen Sie [Gemeinsame Verwaltungsvorschrift über Apostillen](https://www.example.de/a?b=1) und www.amt.de/x.",
    'Er schrieb "Zur Kenntnis genommen" und »Vorsprachen entfallen« unter {{Name}} am 01.10.2026.',
    "Die Antragsteller:innen müssen die beizubringenden Nachweise der Vorsprachen vorlegen.",
    "Wir sehen von einer Anhörung ab. Die Unterlagen reichen Sie bitte bis Montag ein.",
    "Die Unterlagn liegen vor, Prüfen wir sie morgen.",
]


def _plain_singular(lemma: str, lower: str) -> tuple[str, ...]:
    if lemma != lower:
        return ()
    return tuple(lower[: -len(ending)] for ending in ("n", "en") if lower.endswith(ending) and len(lower) > len(ending) + 3)


def test_singular_written_out_equals_the_generator():
    words = ["".join(p) for n in range(8) for p in itertools.product("aenx", repeat=n)]
    for word in words + ["vorsprachen", "anträgen", "praxis", "kosten", "bein", "ben"]:
        assert lexicon._singular(word, word) == _plain_singular(word, word), word
        assert lexicon._singular(word + "e", word) == _plain_singular(word + "e", word) == ()


def _plain_words(sentence) -> dict:
    """``Words`` as it read the sentence before: over the view's Token objects."""
    view = doc_view(sentence.doc)
    joined = particle_verbs(sentence)
    tokens = [t for t in view.tokens[sentence.start : sentence.end]
              if not view.space[t.i] and not t.is_punct and t.i not in view.placeholder]
    indices = [t.i for t in tokens]
    lemmas = [joined.get(i) or view.key[i] for i in indices]
    lower = [view.lower[i] for i in indices]
    tags = [view.tag[i] for i in indices]
    nominal = set()
    for position, tag in enumerate(tags):
        index = indices[position]
        if tag.startswith("V") and view.text[index][:1].isupper() and not view.at_sentence_start(index):
            lemmas[position] = lower[position]
            nominal.add(position)
        if tag in {"ADJA", "ADJD"}:
            verb = zu_participle_verb(lower[position])
            if verb:
                lemmas[position] = verb
    singular = [_plain_singular(lemma, form) if tag == "NN" else () for lemma, form, tag in zip(lemmas, lower, tags)]
    return {"tokens": [t.i for t in tokens], "lemmas": lemmas, "lower": lower, "tags": tags, "joined": joined,
            "singular": singular, "vocabulary": set(lemmas) | set(lower) | {f for forms in singular for f in forms},
            "verbs": {lemma for lemma, tag in zip(lemmas, tags) if tag.startswith("V")}, "nominal": frozenset(nominal)}


def test_words_equal_the_plain_reading(nlp):
    compared = changed = 0
    for doc in nlp.pipe(TEXTS):
        for sentence in doc_view(doc).sents:
            words = lexicon.Words(sentence)
            read = {name: getattr(words, name) for name in lexicon.Words.__slots__}
            read["tokens"] = [t.i for t in words.tokens]
            plain = _plain_words(sentence)
            assert read == plain, sentence.text
            compared += 1
            changed += plain["lemmas"] != [plain["joined"].get(i) or doc_view(doc).key[i] for i in plain["tokens"]]
        release(doc)
    assert compared >= 25 and changed >= 2  # zu-participles and capitalised "verbs" among them


def _plain_protected(view) -> frozenset[int]:
    """``protected_indices`` as it read the Doc before: ``doc.text`` and the word forms of every token."""
    text = view.doc.text
    starts = [token.idx for token in view.tokens]
    indices: set[int] = set()
    patterns = [protected.URL, protected.LINK_TEXT, protected.QUOTATION, protected.fixed_names()]
    for pattern in patterns:
        for match in pattern.finditer(text):
            indices.update(range(max(0, bisect_right(starts, match.start()) - 1), bisect_left(starts, match.end())))
    tag, whitespace, words = view.tag, view.whitespace, view.word
    for index in range(len(starts) - 1):
        if tag[index] == "NN" and tag[index + 1] == "NE" and whitespace[index] \
                and protected._plain_name_word(words[index]) and protected._plain_name_word(words[index + 1]):
            indices.update((index, index + 1))
    return frozenset(indices)


def test_protected_indices_equal_the_plain_reading(nlp):
    found = 0
    for doc in nlp.pipe(TEXTS + ["Die Architektenkammer\u00adSachsen und die Kammer Sachsen-Anhalt."]):
        view = doc_view(doc)
        assert protected.protected_indices(view) == _plain_protected(view), doc.text
        found += bool(_plain_protected(view))
        release(doc)
    assert found >= 5


@pytest.mark.parametrize("rules", [{"amtsdeutsch"}, {"funktionsverbgefuege"}, {"amtsdeutsch", "seltenes-wort"}])
def test_lexicon_hits_for_the_safety_check_are_the_full_run_s(nlp, rules):
    """With ``spans_only`` the lexicon kinds leave out the alternatives (they only fill the texts):
    the same spans and the same text and term, which the yielding rules and ``allow`` read."""
    only = nlp.get_pipe("einfach_rules").closure(rules)
    hits = 0
    for text in TEXTS:
        full = nlp(text, component_cfg={"einfach_rules": {"only": only}})
        lean = nlp(text, component_cfg={"einfach_rules": {"only": only, "spans_only": True}})

        def read(doc):
            return [(s.start, s.end, s.label_, s._.einfach["values"].get("text"), s._.einfach["values"].get("term"))
                    for s in doc.spans["einfach"]]

        assert read(lean) == read(full), text
        hits += len(read(full))
    assert hits >= 5


def test_protected_text_is_the_doc_text(nlp):
    doc = nlp("Ein Satz  mit\tLeerraum,\nZeilen und „Zitat“ am Ende. ")
    view = doc_view(doc)
    joined = "".join(t + w for t, w in zip(view.text, view.whitespace))
    assert joined == doc.text and re.search(r"\s\s", joined)


def _corpus_texts() -> list[str]:
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "corpus"
    return [p.strip() for path in sorted(root.glob("*/*.txt")) for p in path.read_text("utf-8").split("\n\n") if p.strip()]


SEGMENTER_TEXTS = [
    "Sehr geehrte Frau Muster,\nIhr Antrag ist da. Raum 2.14. Danach :-) Wir kommen z. B. am 01.10.2024. Um 10 Uhr usw. Ende!!! „Ja.“ Gut",
    "Betreff: Ihr Antrag\n- erstens\n1. zweitens\nEr hat es verwundert hat. das sind wir… Und?! Nein.",
    "Rechtsbehelfsbelehrung\nGegen diesen Bescheid ... kann Widerspruch erhoben werden; Anl. beigefügt. ;-) Ende",
]


def test_the_segmenters_skip_only_tokens_their_rules_pass_over(nlp):
    """``sentence_starts`` passes over a word of letters that may not end a sentence without
    testing it, and ``tagged_starts`` asks ``_period_after_verb`` only after a period: on every
    token of the corpus letters and of texts made for the edges, the tests they skip are false."""
    from einfach.nlp import segmenter
    from einfach.nlp.tokens import abbreviations

    _, may_end = abbreviations()
    skipped = asked = 0
    for doc in nlp.pipe(_corpus_texts() + SEGMENTER_TEXTS):
        tokens = list(doc)
        for token in tokens:
            if token.text.isalpha() and token.text not in may_end:
                assert not (token.is_space or segmenter.TERMINAL.match(token.text)
                            or segmenter.DOTTED_NUMBER_END.match(token.text) or token.text == ","
                            or segmenter.EMOTICON.match(token.text)), token.text
                skipped += 1
        for sentence in doc.sents:
            words = [t for t in sentence if not t.is_space]
            for position in range(1, len(words)):
                if words[position - 1].text != ".":
                    assert not segmenter._period_after_verb(words, position)
                    asked += 1
    assert skipped > 2000 and asked > 2000
