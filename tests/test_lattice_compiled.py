"""The compiled letter lattice (``src/einfach/nlp/_lattice.c``) computes what the Python loops do.

The C extension is built at installation when a compiler is there (``hatch_build.py``);
without it :func:`einfach.nlp.hanta_fast.fill_lattice` runs.  Both must fill the same dicts,
in the same order, with the same floats to the last bit: the tagger's results are checked
against plain HanTa in ``test_tagger_identity.py`` with whichever is installed, and here the
pure-Python version against plain HanTa and the two against each other.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from einfach.nlp import hanta_fast

LETTERS = "abcdefghijklmnopqrstuvwxyzäöüß-0123456789"
WORDS = [
    "aufenthaltserlaubnis", "aufenthaltserlaubnisse", "antragstellerinnen", "verpflichtungserklärung",
    "bescheinigen", "xylofrumpel", "glorpenbachs", "schnurzelbrummer", "zurückverwiesen", "a", "ab",
    "abc", "abcd", "ung", "ss", "e-mail", "covid-19", "kindergeldfestsetzungsbehörde", "s", "ßß",
    "antrag😀", "𝔄𝔫𝔱𝔯𝔞𝔤", "straße\x00x", "überweisungsträger" * 6,  # beyond the BMP, NUL, 108 letters
]
needs_compiled = pytest.mark.skipif(
    hanta_fast.compiled_fill_lattice is None,
    reason="the optional C extension einfach.nlp._lattice was not built (no C compiler at installation)",
)


@pytest.fixture(scope="module")
def model():
    return hanta_fast.HanTaModel("morphmodel_ger.pgz")


@pytest.fixture(scope="module")
def plain():
    from HanTa import HanoverTagger

    return HanoverTagger.HanoverTagger("morphmodel_ger.pgz")


def _lattices(fast: hanta_fast.FastHanta, word: str) -> list[str]:
    """Every lattice the tagger fills for ``word``: the forward pass in both modes, and the
    lemma pass (with back pointers) towards three target tags, as exact text; and the lemma
    pass's best paths towards six target tags (the compiled version returns only the path)."""
    found = [repr(fast.analyze_viterbi(word, target)) for target in sorted(fast.tagger.reachability)[:6]]
    for strict in (True, False):
        found.append(repr([list(row.items()) for row in fast._lattice(word, strict, fast._followers, None)]))
        for target in sorted(fast.tagger.reachability)[:3]:
            backpointer = [{} for _ in range(len(word) + 2)]
            table = fast._lattice(word, strict, fast._followers_to(target), backpointer)
            found.append(repr(([list(row.items()) for row in table], [list(row.items()) for row in backpointer])))
    return found


def test_python_version_gives_plain_analyses(model, plain):
    """Without the extension, the Python loops alone give plain HanTa's analyses."""
    fast = hanta_fast.FastHanta(model, compiled=False)
    assert fast._fill is hanta_fast.fill_lattice
    for word in WORDS:
        assert fast.analyze_forward(word) == plain.analyze_forward(word), word
        for tag, _ in plain.analyze_forward(word)[:3]:
            assert fast.analyze_viterbi(word, -tag) == plain.analyze_viterbi(word, -tag), (word, tag)


@needs_compiled
def test_compiled_version_is_used_when_built(model):
    assert hanta_fast.FastHanta(model)._fill is hanta_fast.compiled_fill_lattice


@needs_compiled
def test_compiled_and_python_lattices_are_identical(model):
    python = hanta_fast.FastHanta(model, compiled=False)
    compiled = hanta_fast.FastHanta(model)
    for word in WORDS:
        assert _lattices(compiled, word) == _lattices(python, word), word


@needs_compiled
@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=LETTERS, min_size=1, max_size=24))
def test_compiled_and_python_lattices_are_identical_for_any_letters(model, word):
    python = hanta_fast.FastHanta(model, compiled=False)
    compiled = hanta_fast.FastHanta(model)
    assert _lattices(compiled, word) == _lattices(python, word)


@needs_compiled
def test_compiled_version_shares_prefixes_and_plans_like_python(model, plain):
    """Forms sharing prefixes and memoised plans, in the order a text brings them."""
    compiled = hanta_fast.FastHanta(model)
    for word in WORDS + [w + "en" for w in WORDS] + WORDS:
        assert compiled.analyze_forward(word) == plain.analyze_forward(word), word
    assert compiled._prefixes and compiled._followers[1]


@needs_compiled
def test_compiled_version_rejects_wrong_arguments_with_an_exception(model):
    """Arguments of the wrong shape raise an exception (never a crash)."""
    fast = hanta_fast.FastHanta(model)
    fast.analyze_forward("wort")  # makes fast._tables
    fill, prepare = hanta_fast.compiled_fill_lattice, hanta_fast.compiled_prepare
    start = hanta_fast.EMPTY << hanta_fast.SHIFT | hanta_fast.START

    def good() -> list:  # the arguments as FastHanta passes them (fresh plans and rows each time)
        return ["wort", False, 0, [{start: 0.0}] + [{} for _ in range(5)], fast._code_followers(bool)[0], {},
                fast._tables, None]

    table = good()[3]
    fill(*good()[:3], table, *good()[4:])
    assert table[4]  # the lattice reached the last letter
    with pytest.raises(TypeError):
        fill(*good()[:5])
    for position, wrong in [(0, b"wort"), (3, [{}]), (3, ({},) * 6), (4, {}), (5, []), (6, ()), (7, [{}])]:
        arguments = good()
        arguments[position] = wrong
        with pytest.raises((TypeError, ValueError, KeyError)):
            fill(*arguments)
    for position, wrong in [(2, 9), (2, -1), (3, [{start: 0.0}, {5: 1.0}] + [{} for _ in range(4)]),
                            (3, [{70000: 0.0}] + [{} for _ in range(5)])]:
        arguments = good()
        arguments[position] = wrong
        with pytest.raises(ValueError):
            fill(*arguments)
    tables = (model.LP_m_t, fast._guessable, fast._morph_set(), fast._guess_base, model.LP_len_t,
              model.LP_s_t, fast._suffixes)
    prepare(*tables)
    with pytest.raises(TypeError):
        prepare(*tables[:6])
    with pytest.raises((TypeError, KeyError)):
        prepare(model.LP_m_t, fast._guessable, fast._morph_set(), {}, *tables[4:])
    with pytest.raises(ValueError):
        prepare(*tables[:4], {tag: [0.0] * 5 for tag in fast._guessable}, *tables[5:])


VOCABULARY = ["Ihr", "Antrag", "wurde", "abgelehnt", ".", ",", "Sie", "können", "Widerspruch", "einlegen",
              "die", "Frist", "beginnt", "mit", "der", "Bekanntgabe", "Xylofrumpel", "quarzt", "§", "24",
              "Abs.", "1", "VwVfG", "UND", "und", "schnell", "„", "“", "Hallo", "!", "Antragsteller:innen"]


@needs_compiled
@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(VOCABULARY) | st.text(alphabet=LETTERS + "ABCÄÖÜ.,", min_size=1, max_size=12),
                min_size=1, max_size=30))
def test_compiled_sentence_decoder_gives_the_python_tags(model, words):
    python = hanta_fast.FastHanta(model, compiled=False)
    compiled = hanta_fast.FastHanta(model)
    assert compiled.tag_ids(words) == python.tag_ids(words)
    assert compiled.tag_ids(tuple(words)) == python.tag_ids(words)


@needs_compiled
def test_compiled_sentence_decoder_rejects_wrong_arguments_with_an_exception(model):
    fast = hanta_fast.FastHanta(model)
    decode, start = hanta_fast.compiled_decode_sentence, hanta_fast.EMPTY << hanta_fast.SHIFT | hanta_fast.START
    good = [["Ihr", "Antrag"], {}, fast.emission, fast._sentence_model, start]
    assert decode(*good) == fast.tag_ids(["Ihr", "Antrag"])
    for position, wrong in [(0, ("Ihr",)), (1, []), (2, lambda word, flag: [(1, 0.0)]),
                            (2, lambda word, flag: ((1000, 0.0),)), (2, lambda word, flag: ((1,),)),
                            (3, fast._tables), (4, -1), (4, "start")]:
        arguments = list(good)
        arguments[position] = wrong
        with pytest.raises((TypeError, ValueError, KeyError)):
            decode(*arguments)
    with pytest.raises(TypeError):
        hanta_fast.compiled_prepare_sentences({1: 2})
    with pytest.raises(KeyError):
        hanta_fast.compiled_prepare_sentences(fast._trans, {})


@needs_compiled
def test_a_model_the_compiled_version_cannot_hold_falls_back_to_python(model, plain):
    """prepare() refuses a model of another shape (here: too short length tables); the tagger
    then runs the Python loops, with plain HanTa's results."""
    fast = hanta_fast.FastHanta(model)
    fast._prepare = lambda lp_m_t, guessable, morphs, guess_base, len_lp, suffix_lp, suffixes: (
        hanta_fast.compiled_prepare(lp_m_t, guessable, morphs, guess_base, {t: [0.0] for t in len_lp}, suffix_lp,
                                    suffixes))
    assert fast.analyze_forward("xylofrumpel") == plain.analyze_forward("xylofrumpel")
    assert fast._fill is hanta_fast.fill_lattice


def test_no_extensions_at_run_time_uses_the_python_loops():
    """EINFACH_NO_EXTENSIONS=1 (also read at installation) makes a process use the Python loops."""
    import os
    import subprocess
    import sys

    code = ("from einfach.nlp import hanta_fast; "
            "print(hanta_fast.compiled_fill_lattice is None, hanta_fast.compiled_decode_sentence is None)")
    environment = dict(os.environ, EINFACH_NO_EXTENSIONS="1")
    done = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "True"]


@needs_compiled
def test_compiled_best_path_rejects_wrong_arguments_with_an_exception(model):
    fast = hanta_fast.FastHanta(model)
    target = sorted(fast.tagger.reachability)[0]
    followers = fast._followers_to(target)
    good = ["wort", False, *followers, fast._lattice_tables(), fast._final_of, target,
            hanta_fast.EMPTY << hanta_fast.SHIFT | hanta_fast.START]
    assert hanta_fast.compiled_best_path(*good) in (None, fast.analyze_viterbi("wort", target))
    with pytest.raises(TypeError):
        hanta_fast.compiled_best_path(*good[:7])
    for position, wrong in [(0, 5), (3, []), (4, None), (5, []), (6, "x"), (7, -3)]:
        arguments = list(good)
        arguments[position] = wrong
        with pytest.raises((TypeError, ValueError)):
            hanta_fast.compiled_best_path(*arguments)
