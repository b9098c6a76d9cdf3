"""rules/kinds/typos.py: the candidates at edit distance 1 that the typo check ranks; one named behaviour
per test (docs/quality.md, "Mutation testing"; ``likely_typo`` is lru_cached, which mutmut leaves alone)."""

from __future__ import annotations

from einfach.rules.kinds.typos import _edits


def test_deletes():
    assert {"bc", "ac", "ab"} <= _edits("abc")


def test_swaps_of_neighbours():
    assert {"bac", "acb"} <= _edits("abc")


def test_no_swap_of_letters_that_are_not_neighbours():
    assert "cba" not in _edits("abc")


def test_replaces_at_every_position_with_umlauts_and_eszett():
    assert {"xbc", "axc", "abx", "äbc", "abß"} <= _edits("abc")


def test_inserts_at_every_position_including_both_ends():
    assert {"xabc", "axbc", "abxc", "abcx", "üabc", "abcß"} <= _edits("abc")


def test_the_word_itself_is_no_candidate():
    assert "abc" not in _edits("abc")


def test_every_candidate_counted_once():
    """3 deletes + 2 swaps + 3 x 29 replaces + (4 x 30 inserts - 3 inserted next to the same letter) = 209."""
    assert len(_edits("abc")) == 209
