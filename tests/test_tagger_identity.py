"""The fast path over HanTa's model gives exactly plain HanTa's tags and lemmas.

Plain HanTa here is a fresh ``HanoverTagger('morphmodel_ger.pgz')`` that
einfach never touches; the sentences are written by this test (varied on
purpose: passives, separable verbs, compounds, numbers, punctuation, unknown
words, capitalised first words, one-token and empty sentences).  The same
comparison over all UD German GSD sentences is ``benchmarks/identity_gsd.py``.
"""

from __future__ import annotations

import itertools
import random

import pytest

HANDWRITTEN = """\
Ihr Antrag wurde abgelehnt.
Der Bescheid wird Ihnen zugestellt.
Die Unterlagen sind bis zum 31.12.2024 einzureichen.
Bitte reichen Sie die Unterlagen bis Freitag ein.
Wir sehen von einer Anhörung ab.
Sie können gegen diesen Bescheid innerhalb eines Monats Widerspruch einlegen.
Gemäß § 24 Abs. 1 VwVfG wird Ihnen hiermit Gelegenheit zur Stellungnahme gegeben.
Die Aufenthaltserlaubnis kann verlängert werden, wenn die Voraussetzungen vorliegen.
Es wurde festgestellt, dass die Frist versäumt worden ist.
Das Einreichen der Nachweise ist zwingend erforderlich.
Die Antragstellerin hat die Zahlung in Höhe von 1.250,00 Euro geleistet.
Rufen Sie uns an!
Kommen Sie bitte um 10.30 Uhr in Zimmer 2.14.
Die Kindergeldfestsetzungsbehörde prüft den Sachverhalt von Amts wegen.
Für Rückfragen stehen wir Ihnen gern zur Verfügung.
Mit freundlichen Grüßen
Sehr geehrte Damen und Herren,
Betreff: Ihr Antrag vom 01.10.2024, Az. 123-45/2024
Der Antrag ist unvollständig; es fehlen die Gehaltsnachweise (Anlage 3).
Wer nicht mitwirkt, dem kann die Leistung ganz oder teilweise versagt werden.
Die Behörde hat den Bescheid aufgehoben und die Sache zurückverwiesen.
Hiermit wird der Bescheid vom 3. März 2024 zurückgenommen.
Ob die Voraussetzungen erfüllt sind, wird derzeit geprüft.
Es ist davon auszugehen, dass der Antrag fristgerecht gestellt wurde.
Nach Prüfung der Sach- und Rechtslage ergeht folgende Entscheidung:
Er schlug vor, das Verfahren einzustellen.
Die Frist beginnt mit der Bekanntgabe dieses Bescheides.
Laut Schreiben vom 12. Mai teilten Sie mit, umgezogen zu sein.
Hallo!
Ja.
Nein
123
.
„Bitte beachten Sie die Hinweise“, sagte die Sachbearbeiterin.
Die E-Mail an info@example.org ist angekommen, siehe https://www.example.org/antrag.
Xylofrumpel quarzt blimpfig über den Glorpenbach.
Der Schnurzelbrummer wurde gestern verglimpft.
Antragsteller:innen und Bürger*innen können Formulare herunterladen.
UND DIE ÜBERSCHRIFT IST IN GROSSBUCHSTABEN GESCHRIEBEN.
die kleinschreibung am satzanfang kommt auch vor.
``Zitat'' mit alten 'Anführungszeichen' und ´Akzenten´.
Das 2. Kapitel beginnt auf S. 45 ff.
Das Haus, das Verb „laufen“ und das Laufen sind drei Dinge.
Sie lief schnell, aber er lief schneller – am schnellsten lief das Kind.
z. B. u. a. d. h. i. V. m. usw.
Wir bitten um Verständnis.
Der Zuschuss beträgt 50 % bzw. höchstens 300 €.
Teilen Sie uns bitte mit, ob Sie einverstanden sind.
Legen Sie den Ausweis vor.
Das Amt stellt die Zahlungen zum 1. Januar ein.
Ich rufe morgen an und sage dann zu.
Die Verwaltungsvorschrift zur Durchführung des Aufenthaltsgesetzes ist zu beachten.
"""

SUBJECTS = ["Die Behörde", "Das Jobcenter", "Wir", "Sie", "Der Antrag", "Frau Müller", "Die Kinder"]
PREDICATES = [
    "wird geprüft",
    "wurde bewilligt",
    "ist abzulehnen",
    "hat den Bescheid erlassen",
    "sieht von weiteren Maßnahmen ab",
    "teilt das Ergebnis mit",
    "muss die Unterlagen nachreichen",
    "kann nicht berücksichtigt werden",
    "gibt die Unterlagen zurück",
]
ENDINGS = [".", " bis zum 15. Juni.", ", weil Nachweise fehlen.", " im Rahmen der Mitwirkungspflicht?", "!"]

SYLLABLES = ["ver", "an", "ge", "be", "ung", "keit", "lich", "schr", "ein", "aus", "tr", "a", "o", "e",
             "st", "en", "er", "heit", "zu", "ab", "ä", "ü", "ß", "pf", "qu", "x", "1", "-"]


def _pseudo_words(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    words = []
    for _ in range(count):
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 6)))
        if rng.random() < 0.4:
            word = word.capitalize()
        words.append(word)
    return words


def _sentences() -> list[list[str]]:
    import spacy

    tokenizer = spacy.blank("de").tokenizer
    sentences = [[t.text for t in tokenizer(line)] for line in HANDWRITTEN.splitlines()]
    for subject, predicate, ending in itertools.product(SUBJECTS, PREDICATES, ENDINGS):
        sentences.append([t.text for t in tokenizer(f"{subject} {predicate}{ending}")])
    pseudo = _pseudo_words(400, seed=7)
    for start in range(0, len(pseudo), 8):
        sentences.append(pseudo[start:start + 8])
    sentences += [[word] for word in pseudo[:40]]  # one-token sentences
    sentences += [[], ["."], ["Die"], ["die"], ["§"], ["2024"], ["''"], ["´´"]]
    return sentences


SENTENCES = _sentences()


@pytest.fixture(scope="module")
def plain():
    """Plain HanTa, never patched or memoised by einfach."""
    from HanTa import HanoverTagger

    return HanoverTagger.HanoverTagger("morphmodel_ger.pgz")


@pytest.fixture(scope="module")
def fresh_fast():
    """A fast path with empty caches over its own model instance."""
    from einfach.nlp.hanta_fast import FastHanta, HanTaModel

    return FastHanta(HanTaModel("morphmodel_ger.pgz"))


def test_enough_varied_sentences():
    assert len(SENTENCES) >= 300
    assert [] in SENTENCES and any(len(s) == 1 for s in SENTENCES)


def test_fast_path_is_supported(fresh_fast):
    assert fresh_fast.supported and fresh_fast.words_supported


def test_faster_model_set_up_gives_hanta_tables(plain):
    """HanTaModel computes reachability differently; the sets must be HanTa's."""
    from einfach.nlp.hanta_fast import HanTaModel

    model = HanTaModel("morphmodel_ger.pgz")
    assert model.reachability == plain.reachability
    assert model.atomic_class == plain.atomic_class


def test_same_tags_and_lemmas_as_plain_hanta(plain, fresh_fast):
    mismatches = []
    for words in SENTENCES:
        expected = plain.tag_sent(words, taglevel=1)
        if fresh_fast.tag_sent(words) != expected:
            mismatches.append((words, expected, fresh_fast.tag_sent(words)))
    assert not mismatches, mismatches[:3]


def test_same_result_from_warm_caches(plain, fresh_fast):
    """Second pass, in reverse order: everything now comes from the memo tables."""
    for words in reversed(SENTENCES):
        assert fresh_fast.tag_sent(words) == plain.tag_sent(words, taglevel=1)


def test_shared_tagger_of_the_pipeline_agrees(plain):
    from einfach.nlp.tagger import load_fast_hanta

    fast = load_fast_hanta()
    for words in SENTENCES[::3]:
        assert fast.tag_sent(words) == plain.tag_sent(words, taglevel=1)


def test_word_analyses_are_identical(plain, fresh_fast):
    """analyze_forward (POS distribution) and analyze_viterbi (morphemes) for every tag."""
    words = sorted({w.lower() for s in SENTENCES for w in s} | {""})[:250]
    pos_tags = sorted(-t for t in plain.int2tag if t < 0 and -t in plain.int2tag)
    for word in words:
        assert fresh_fast.analyze_forward(word) == plain.analyze_forward(word), word
    for word in words[::5]:
        for pos in pos_tags[::4]:
            assert fresh_fast.analyze_viterbi(word, pos) == plain.analyze_viterbi(word, pos), (word, pos)


def test_emissions_match_tag_word(plain, fresh_fast):
    """The decoder's emission list is _tag_word(cutoff=5, conditional=True) in row order."""
    for word in ["Antrag", "antrag", "wurde", "Xylofrumpel", "''", "1.250,00", "Die", "die"]:
        for casesensitive in (False, True):
            expected = dict(plain._tag_word(word, cutoff=5, casesensitive=casesensitive, conditional=True))
            got = dict(fresh_fast.emission(word, casesensitive))
            if got == dict(fresh_fast._any_tag):
                assert not expected or set(expected) == {3}  # UNKNOWN only: any tag goes
            else:
                assert got == {tag: p for tag, p in expected.items() if tag in got}
                assert set(expected) - set(got) <= {2, 3}  # END and UNKNOWN are never decoded


def test_pipeline_tags_match_plain_hanta(nlp, plain):
    """The spaCy component (tags mapped to STTS) agrees with plain HanTa per sentence."""
    from einfach.nlp.stts import from_hanta
    from einfach.nlp.tagger import _hanta_form

    text = "\n\n".join(HANDWRITTEN.splitlines()[:25])
    for paragraph in text.split("\n\n"):
        doc = nlp(paragraph)
        for sentence in doc.sents:
            tokens = [t for t in sentence if not t.is_space and not t._.einfach_placeholder]
            forms = [_hanta_form(t.text) for t in tokens]
            expected = plain.tag_sent(forms, taglevel=1)
            assert [(t.lemma_, t.tag_) for t in tokens] == [
                (lemma, from_hanta(tag).stts) for _, lemma, tag in expected
            ]


def test_hanta_api_of_the_shared_tagger_matches_plain(plain):
    """Rules call load_hanta().tag_word / .analyze: same answers as plain HanTa."""
    from einfach.nlp.tagger import load_hanta

    shared = load_hanta()
    for word in ["Antrag", "Säumniszuschlag", "eingereicht", "Xylofrumpel", "ablehnen", "Aufenthaltserlaubnis"]:
        assert shared.tag_word(word) == plain.tag_word(word)
        assert shared.analyze(word) == plain.analyze(word)
        assert shared.analyze(word, taglevel=3) == plain.analyze(word, taglevel=3)


def test_tiny_memo_tables_give_the_same_result(plain, monkeypatch):
    """Memo tables are emptied when full; results must not depend on what is memoised."""
    from einfach.nlp import hanta_fast
    from einfach.nlp.hanta_fast import FastHanta, HanTaModel

    monkeypatch.setattr(hanta_fast, "PLAN_CACHE_SIZE", 1500)
    fast = FastHanta(HanTaModel("morphmodel_ger.pgz"), cache_size=40)
    for words in SENTENCES[::2]:
        assert fast.tag_sent(words) == plain.tag_sent(words, taglevel=1)
    assert len(fast._forward_memo) <= 40


STEMS = ["aufenthaltserlaubnis", "antragsteller", "verpflichtungserklärung", "bescheinig", "xylofrumpel"]
ENDINGS_OF_FORMS = ["", "se", "sen", "ses", "ung", "ungen", "in", "innen", "s", "e", "inhaber"]


def _forms_sharing_prefixes() -> list[str]:
    forms = [stem + ending for stem in STEMS for ending in ENDINGS_OF_FORMS]
    forms += [stem[:cut] for stem in STEMS for cut in (4, 5, 7)]  # prefixes themselves, and short words
    forms += ["abc", "ab", "a", "abcd", "abcde"]
    return forms


def test_shared_lattice_prefixes_give_plain_analyses(plain, monkeypatch):
    """Words that start like an earlier word reuse its lattice rows (FastHanta._lattice);
    the POS distribution must be plain HanTa's in either order, and rows must really be shared."""
    from einfach.nlp.hanta_fast import FastHanta, HanTaModel

    forms = _forms_sharing_prefixes()
    for order in (forms, list(reversed(forms))):
        fast = FastHanta(HanTaModel("morphmodel_ger.pgz"))
        shared = []
        keep = fast._keep_prefixes
        monkeypatch.setattr(fast, "_keep_prefixes", lambda strict, word, start, table:
                            (shared.append(start), keep(strict, word, start, table)))
        for form in order:
            assert fast.analyze_forward(form) == plain.analyze_forward(form), form
        assert sum(1 for start in shared if start > 0) >= len(STEMS) * 5


def test_tiny_prefix_memo_gives_the_same_result(plain, monkeypatch):
    from einfach.nlp import hanta_fast
    from einfach.nlp.hanta_fast import FastHanta, HanTaModel

    monkeypatch.setattr(hanta_fast, "PREFIX_CACHE_SIZE", 25)
    fast = FastHanta(HanTaModel("morphmodel_ger.pgz"))
    for form in _forms_sharing_prefixes():
        assert fast.analyze_forward(form) == plain.analyze_forward(form), form
    assert len(fast._prefixes) <= 25 + max(len(form) for form in _forms_sharing_prefixes())


def test_known_lemma_table_holds_plain_hanta_lemmas(plain):
    """The cached lemmas of the model's known forms (nlp/tagger._known_lemmas) are plain HanTa's."""
    from einfach.nlp.tagger import load_fast_hanta

    table = load_fast_hanta().known_lemmas
    assert table is not None  # the tests run with a cache folder (conftest)
    entries = sorted((form, tag) for form, found in plain.cache.items() for tag, _ in found)
    assert len(table) == len(entries)
    for form, tag in random.Random(3).sample(entries, 400) + [("die", tag) for tag, _ in plain.cache["die"]]:
        assert table.get(f"{form}\t{tag}")[0].decode("utf-8") == plain._analyze(form, tag, taglevel=1)[0]


def test_no_lemma_table_without_cache_folder(monkeypatch):
    """Building the table per process would cost more than it saves: without a cache, none."""
    from einfach.nlp.tagger import _known_lemmas, load_fast_hanta

    monkeypatch.setenv("EINFACH_CACHE_DIR", "off")
    assert _known_lemmas(load_fast_hanta()) is None


def test_forms_with_nul_do_not_reach_the_lemma_table(plain):
    """MARISA ends a key at NUL, so "die\\x00x" would find the lemmas of "die"."""
    from einfach.nlp.tagger import load_fast_hanta

    fast = load_fast_hanta()
    for words in (["die\x00x", "Frau"], ["\x00¢"], ["Antrag\x00", "abc"]):
        assert fast.tag_sent(words) == plain.tag_sent(words, taglevel=1)
