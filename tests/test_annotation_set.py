"""The annotated set of issue #17 (eval/annotation): well-formed files and a working locator.

The annotation files are checked as stored; the corpus letters are in the repository, so
their spans are checked against the letters' text.  The Amt24 pages live in ../shared/data
and are not needed here.
"""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "eval" / "annotation"
LABELS = {"amtsdeutsch", "passiv", "satzlaenge"}
HALVES = ("dev", "dev2", "dev3", "dev4", "test")


def _module():
    spec = importlib.util.spec_from_file_location("annotation_set", FOLDER / "annotation_set.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


annotation_set = _module()


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (FOLDER / name).read_text(encoding="utf-8").splitlines() if line.strip()]


TEXTS = _rows("texts.jsonl")
HALF_OF = {entry["file"]: entry["half"] for entry in TEXTS}


def test_texts_are_the_letters_and_28_amt24_pages_split_by_source_and_20_pages_each_of_dev2_to_dev4():
    assert all(set(entry) == {"file", "source", "half"} for entry in TEXTS)
    letters = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "corpus" / "original").glob("*.txt"))
    assert sorted(e["file"] for e in TEXTS if e["source"] == "corpus") == letters
    pages = [e["file"] for e in TEXTS if e["source"] == "amt24"]
    assert len(pages) >= 28 and all(p.startswith("amt24/docs/") and p.endswith(".md") for p in pages)
    assert len(set(HALF_OF)) == len(TEXTS)
    for source in ("corpus", "amt24"):
        halves = Counter(e["half"] for e in TEXTS if e["source"] == source)
        assert {"dev", "test"} <= set(halves) <= set(HALVES) and abs(halves["dev"] - halves["test"]) <= 1
    # dev2, dev3, dev4: 20 more Amt24 pages each, drawn later as development data only
    for half in ("dev2", "dev3", "dev4"):
        assert Counter(e["half"] for e in TEXTS if e["source"] == "corpus")[half] == 0
        assert Counter(e["half"] for e in TEXTS if e["source"] == "amt24")[half] == 20


@pytest.mark.parametrize("half", HALVES + tuple(f"{half}-second" for half in annotation_set.SECOND))
def test_annotation_file_is_well_formed(half):
    rows = _rows(f"{half}.jsonl")
    half = half.removesuffix("-second")  # a second annotation covers the texts of its half
    assert rows, f"{half}.jsonl is empty"
    spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for row in rows:
        corpus = row["file"].startswith("corpus/")
        # Amt24 rows hold offsets only, never text of the shared data
        assert set(row) == ({"file", "start", "end", "label", "text"} if corpus else {"file", "start", "end", "label"})
        assert HALF_OF.get(row["file"]) == half
        assert row["label"] in LABELS
        assert isinstance(row["start"], int) and isinstance(row["end"], int) and 0 <= row["start"] < row["end"]
        spans.setdefault((row["file"], row["label"]), []).append((row["start"], row["end"]))
    for (file, label), ranges in spans.items():
        assert ranges == sorted(ranges), f"{file} {label}: spans not in text order"
        overlapping = [(a, b) for a, b in zip(ranges, ranges[1:]) if b[0] < a[1]]
        assert not overlapping, f"{file} {label}: overlapping spans {overlapping}"
    assert {row["label"] for row in rows} == LABELS


@pytest.mark.parametrize("half", ("dev", "test"))  # dev2 to dev4 have Amt24 pages only
def test_corpus_spans_lie_inside_the_letter_on_word_boundaries(half):
    from einfach.readers import read_document

    by_file: dict[str, list[dict]] = {}
    for row in _rows(f"{half}.jsonl"):
        if row["file"].startswith("corpus/"):
            by_file.setdefault(row["file"], []).append(row)
    assert by_file
    for file, rows in by_file.items():
        text = read_document(str(ROOT / file)).text
        assert annotation_set.problems(text, rows) == []
        for row in rows:
            assert row["end"] <= len(text)
            assert text[row["start"]:row["end"]] == row["text"]


def test_locate_follows_text_order_per_label_and_spans_gaps():
    text = "Es wird gebeten, die Unterlagen\nsowie den Pass vorzulegen. Ferner sowie zuletzt wird geprüft."
    notes = "# comment\nP: Es wird gebeten\nA: sowie\nP: wird geprüft\nA: sowie\nS: Es wird ... vorzulegen."
    spans = annotation_set.locate(text, notes, "<notes>")
    assert [(text[s:e], label) for s, e, label in spans] == [
        ("Es wird gebeten", "passiv"),
        ("sowie", "amtsdeutsch"),
        ("wird geprüft", "passiv"),
        ("sowie", "amtsdeutsch"),
        ("Es wird gebeten, die Unterlagen\nsowie den Pass vorzulegen.", "satzlaenge"),
    ]
    assert spans[1][0] < spans[3][0]


def test_locate_matches_whole_words_and_counts_occurrences():
    text = "Antragsteller stellen den Antrag; der Antrag ist da."
    spans = annotation_set.locate(text, "A: Antrag @2", "<notes>")
    assert spans == [(text.rindex("Antrag"), text.rindex("Antrag") + len("Antrag"), "amtsdeutsch")]
    with pytest.raises(ValueError, match="not found"):
        annotation_set.locate(text, "A: Antragstell", "<notes>")
    with pytest.raises(ValueError, match="phrase"):
        annotation_set.locate(text, "X: Antrag", "<notes>")


def test_problems_reports_cut_words_overlaps_and_short_sentences():
    text = "Die Vorsprache ist nötig. " + " ".join(["Wort"] * 21) + "."
    row = {"file": "t"}
    found = annotation_set.problems(text, [
        {**row, "start": 5, "end": 9, "label": "amtsdeutsch"},  # "Vors" cuts "Vorsprache"
        {**row, "start": 0, "end": 14, "label": "passiv"},
        {**row, "start": 4, "end": 24, "label": "passiv"},  # overlaps the passiv span before
        {**row, "start": 0, "end": 25, "label": "satzlaenge"},  # only 4 words
        {**row, "start": 26, "end": len(text), "label": "satzlaenge"},  # 21 words: fine
        {**row, "start": 20, "end": len(text) + 1, "label": "amtsdeutsch"},
    ])
    assert any("cuts a word" in p for p in found)
    assert any("overlap" in p for p in found)
    assert any("only 4 words" in p for p in found)
    assert any("outside the text" in p for p in found)
    assert len(found) == 4
    assert annotation_set.reader_words("z. B. § 81 – Vor- und Nachname") == 6


def _recall():
    import sys

    sys.path[:0] = [str(ROOT / "eval"), str(FOLDER)]
    try:
        spec = importlib.util.spec_from_file_location("recall", ROOT / "eval" / "recall.py")
        recall = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(recall)
    finally:
        del sys.path[:2]
    return recall


def test_recall_counts_each_development_half_in_the_totals_that_contain_it():
    recall = _recall()
    assert recall.report_halves("dev4") == ("dev4", "dev+dev2+dev3+dev4")
    assert recall.report_halves("dev3") == ("dev3", "dev+dev2+dev3", "dev+dev2+dev3+dev4")
    assert recall.report_halves("dev") == ("dev", "dev+dev2", "dev+dev2+dev3", "dev+dev2+dev3+dev4")
    assert recall.report_halves("test") == ("test",)  # the test half never enters a development total


def test_a_second_annotation_is_stored_next_to_its_half():
    assert annotation_set.annotation_path("dev4") == FOLDER / "dev4.jsonl"
    assert annotation_set.annotation_path("dev4", second=True) == FOLDER / "dev4-second.jsonl"
    assert set(annotation_set.SECOND) <= set(HALVES)


def test_recall_names_a_missing_alternative_annotation_file(tmp_path, monkeypatch, capsys):
    recall = _recall()
    monkeypatch.setattr("sys.argv", ["recall.py", "--annotations", str(tmp_path / "missing.jsonl")])
    assert recall.main() == 1
    assert "missing.jsonl does not exist" in capsys.readouterr().err
