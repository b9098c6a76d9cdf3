"""The memory-mapped word tables give exactly the answers of the packages they are derived from."""

from __future__ import annotations

import os
from functools import lru_cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from einfach import lookup_cache
from einfach.nlp import compounds, frequency

WORDS = [
    "Aufenthaltserlaubnis", "Niederlassungserlaubnis", "Mitwirkungspflicht", "Wohnsitzauflage",
    "Krankenversicherungsnachweis", "Verpflichtungserklärung", "Ausländerbehörde", "Antrag",
    "Bundesverfassungsgericht", "Lebensunterhaltssicherung", "Staatsangehörigkeitsausweis",
    "Abschiebungsandrohung", "Meldebescheinigung", "Fiktionsbescheinigung", "E-Mail-Adresse",
    "Gebührenbescheid", "Arbeitsmarktzulassung", "Haus", "Straße", "STRASSE", "Ärztin", "Übersetzung",
]
ODD = [
    "z.B.", "z. B.", "i.V.m.", "d.h.", "Abs.", "Nr.", "abs.-x", "E-Mail", "Covid-19", "2024", "1995",
    "2045", "0815", "07", "82", "5", "01.10.2024", "100,00", "10.30", "§", "-", "--", "a-", "-a",
    "Antragsteller:innen", "Antragsteller*innen", "l'amour", "naïve", "œuvre", "ẞ", "3D", "www.bamf.de",
    "Ǆemal", "İstanbul", "ﬁnden", "Ｆｒａｕ", "Straße\u0301", "Aufnahme-", "-Methoden", "Abs.-", "-2024-",
]


@lru_cache(maxsize=1)
def _charsplit():
    from split_words import Splitter

    return Splitter()


def test_compound_scores_are_charsplits():
    for word in WORDS + ODD + [word.lower() for word in WORDS]:
        assert [tuple(split) for split in compounds.split_scores(word)] == [
            tuple(split) for split in _charsplit().split_compound(word)
        ], word


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aeinrstulhgäößbkmz", min_size=4, max_size=22))
def test_compound_scores_are_charsplits_on_any_word(word):
    """Letter strings that contain many of the n-grams the table knows, and many it does not."""
    assert [tuple(split) for split in compounds.split_scores(word)] == [
        tuple(split) for split in _charsplit().split_compound(word)
    ]


def test_zipf_is_wordfreqs():
    from wordfreq import zipf_frequency

    for word in WORDS + ODD + [word.upper() for word in WORDS]:
        assert frequency.zipf(word) == zipf_frequency(word, "de"), word


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aäbeßsStTÄÜ-.0129 'é:ǅİ", min_size=1, max_size=12))
def test_zipf_is_wordfreqs_on_any_string(text):
    from wordfreq import zipf_frequency

    assert frequency.zipf(text) == zipf_frequency(text, "de")


def test_table_is_built_once_and_then_mapped(tmp_path, monkeypatch):
    monkeypatch.setenv("EINFACH_CACHE_DIR", str(tmp_path))
    calls = []

    def items():
        calls.append(1)
        return [("antrag", (7,)), ("haus", (3,))]

    first = lookup_cache.record_trie("test", "abc", items, "<H")
    second = lookup_cache.record_trie("test", "abc", items, "<H")
    assert calls == [1]
    assert first.get("antrag") == second.get("antrag") == [(7,)]
    assert second.get("fehlt") is None
    assert [path.name for path in tmp_path.iterdir()] == ["test-abc.marisa"]


def test_a_damaged_cache_file_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("EINFACH_CACHE_DIR", str(tmp_path))
    (tmp_path / "test-abc.marisa").write_bytes(b"kein Trie")
    trie = lookup_cache.record_trie("test", "abc", lambda: [("antrag", (7,))], "<H")
    assert trie.get("antrag") == [(7,)]
    again = lookup_cache.record_trie("test", "abc", lambda: pytest.fail("not rebuilt twice"), "<H")
    assert again.get("antrag") == [(7,)]


@pytest.mark.parametrize("setting", ["off", "file"])
def test_without_a_usable_cache_folder_the_table_lives_in_memory(tmp_path, monkeypatch, setting):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("EINFACH_CACHE_DIR", "off" if setting == "off" else str(blocker / "sub"))
    trie = lookup_cache.record_trie("test", "abc", lambda: [("antrag", (7,))], "<H")
    assert trie.get("antrag") == [(7,)]
    assert sorted(os.listdir(tmp_path)) == ["a-file"]


def test_the_fingerprint_changes_with_the_source(tmp_path):
    source = tmp_path / "data.json"
    source.write_text("{}")
    before = lookup_cache.fingerprint("pkg", "1.0", lookup_cache.file_identity(source))
    assert before == lookup_cache.fingerprint("pkg", "1.0", lookup_cache.file_identity(source))
    assert before != lookup_cache.fingerprint("pkg", "1.1", lookup_cache.file_identity(source))
    source.write_text('{"a": 1}')
    assert before != lookup_cache.fingerprint("pkg", "1.0", lookup_cache.file_identity(source))


@pytest.mark.parametrize("setting", ["off", "file"])
def test_an_optional_table_is_not_built_without_a_usable_cache_folder(tmp_path, monkeypatch, setting):
    """A table that only saves time (the lemma table) must not cost every process its build."""
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("EINFACH_CACHE_DIR", "off" if setting == "off" else str(blocker / "sub"))
    calls = []
    assert lookup_cache.optional_bytes_trie("test", "abc", lambda: calls.append(1) or [("a", b"b")]) is None
    assert not calls


def test_an_optional_table_is_built_once_and_then_mapped(tmp_path, monkeypatch):
    monkeypatch.setenv("EINFACH_CACHE_DIR", str(tmp_path / "cache"))
    calls = []

    def items():
        calls.append(1)
        return [("antrag\t7", "Antrag".encode())]

    assert lookup_cache.optional_bytes_trie("test", "abc", items).get("antrag\t7") == [b"Antrag"]
    assert lookup_cache.optional_bytes_trie("test", "abc", items).get("antrag\t7") == [b"Antrag"]
    assert calls == [1]
