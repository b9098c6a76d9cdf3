"""rules/kinds/numbers.py (rule ``zahlen``, profile leicht): number words, long numbers, Roman numerals,
dates, percentages and fractions, with the replacement each suggests; one named behaviour per test
(docs/quality.md, "Mutation testing").

The word tables are pinned word by word (each test names its word, so a word changed in a table fails
its test)."""

from __future__ import annotations

from pinned_support import findings


def zahlen(text: str, **parameters) -> list[tuple[str, str]]:
    """(marked text, suggestion) per finding."""
    return [(f.text, f.suggestions[0]) for f in findings("zahlen", text, "leicht", **parameters)]


def test_hundert_in_vom_hundert_is_part_of_the_percentage():
    """"5 vom Hundert" is one finding (-> "5 Prozent"), not also "Hundert" -> "100"."""
    assert [t for t, _ in zahlen("Das sind 5 vom Hundert mehr.")] == ["5 vom Hundert"]
