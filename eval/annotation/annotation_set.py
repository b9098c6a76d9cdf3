"""Turn annotation notes into exact offsets, and verify every span.

Run from the project root:

    python eval/annotation/annotation_set.py NOTES_DIR [NOTES_DIR ...]   # write dev.jsonl / test.jsonl
    python eval/annotation/annotation_set.py --half dev3 NOTES_DIR      # write only dev3.jsonl
    python eval/annotation/annotation_set.py --second dev4 NOTES_DIR    # write dev4-second.jsonl
    python eval/annotation/annotation_set.py --verify                     # check the stored spans
    python eval/annotation/annotation_set.py --show FILE NOTES_DIR        # print the spans of one text

The notes are the annotator's working format: one file per text, named after the text
(``termineinladung.txt.ann``, ``Steuern.md.ann``), one annotation per line::

    # a comment
    A: im Hinblick auf          amtsdeutsch
    P: wird ... geprüft         passiv (``...`` spans any text in between, at most 1,500 characters)
    S: Im Hinblick ... werden.  satzlaenge
    A: sowie @2                 the second match after the previous one of the same label

Whitespace in a phrase matches any run of whitespace (a line break, too). A phrase is
matched as whole words, and each label is searched from the end of its previous match,
so the lines of a label follow the text order. The notes of the corpus letters are
committed in ``notes/``; the notes of Amt24 pages quote the shared data and stay outside
the repository: only the offsets are stored (``{"file", "start", "end", "label"}``).

The text is the one einfach checks (``einfach text FILE``, ``einfach.readers.read_document``).
Verification: known file, label and half; 0 <= start < end <= len(text); a span neither
starts nor ends inside a word; spans of one label in one text do not overlap; a
``satzlaenge`` span has more than 20 words (``reader_words``).

A second, independent annotation of one half (for inter-annotator agreement,
``eval/agreement.py``) is stored next to the first as ``HALF-second.jsonl`` and verified
the same way, against the texts of that half.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DATA = ROOT.parent / "shared" / "data"
TEXTS = HERE / "texts.jsonl"
HALVES = ("dev", "dev2", "dev3", "dev4", "test")
SECOND = ("dev4",)  # halves annotated a second time, independently: HALF-second.jsonl
LABELS = {"A": "amtsdeutsch", "P": "passiv", "S": "satzlaenge"}
LONG = 20
GAP = 1500
_LINE = re.compile(r"^([APS]):\s*(.+?)(?:\s+@(\d+))?\s*$")


def read_rows(path: Path) -> list[dict]:
    """The rows of a JSON-lines file (``texts.jsonl``, an annotation file)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def texts() -> list[dict]:
    """The annotated texts: {"file", "source", "half"} in a fixed order."""
    return read_rows(TEXTS)


def path_of(file: str) -> Path:
    """Where a text lives: corpus letters in the repository, Amt24 pages in ../shared/data."""
    return ROOT / file if file.startswith("corpus/") else DATA / file


def read_text(file: str) -> str:
    """The text as einfach reads it (offsets index this string)."""
    from einfach.readers import read_document

    return read_document(str(path_of(file))).text


def reader_words(span: str) -> int:
    """Words as a reader counts them: whitespace-separated tokens with a letter or digit."""
    return sum(1 for token in span.split() if any(ch.isalnum() for ch in token))


def cuts_word(text: str, position: int) -> bool:
    """True when ``position`` lies between two word characters."""
    return 0 < position < len(text) and text[position - 1].isalnum() and text[position].isalnum()


def _pattern(phrase: str) -> re.Pattern[str]:
    parts = [r"\s+".join(re.escape(word) for word in part.split()) for part in phrase.split("...")]
    body = rf"[\s\S]{{0,{GAP}}}?".join(parts)
    return re.compile(rf"(?<!\w){body}(?!\w)")


def locate(text: str, notes: str, where: str) -> list[tuple[int, int, str]]:
    """The spans a notes file describes; raises ValueError naming the line that fails."""
    cursor = dict.fromkeys(LABELS.values(), 0)
    spans = []
    for number, line in enumerate(notes.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _LINE.match(line.strip())
        if not match:
            raise ValueError(f"{where}:{number}: not 'A|P|S: phrase [@n]': {line!r}")
        label, phrase, nth = LABELS[match[1]], match[2], int(match[3] or 1)
        found = None
        for _ in range(nth):
            found = _pattern(phrase).search(text, found.end() if found else cursor[label])
            if not found:
                raise ValueError(f"{where}:{number}: {phrase!r} not found after offset {cursor[label]}")
        spans.append((found.start(), found.end(), label))
        cursor[label] = found.end()
    return spans


def problems(text: str, rows: list[dict]) -> list[str]:
    """What is wrong with the spans of one text (an empty list when nothing is)."""
    found = []
    by_label: dict[str, list[tuple[int, int]]] = {}
    for row in rows:
        start, end, label = row["start"], row["end"], row["label"]
        where = f"{row['file']}:{start}-{end} {label}"
        if label not in LABELS.values():
            found.append(f"{where}: unknown label")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            found.append(f"{where}: span outside the text or empty")
            continue
        if cuts_word(text, start) or cuts_word(text, end) or text[start].isspace() or text[end - 1].isspace():
            found.append(f"{where}: span cuts a word or starts/ends with whitespace")
        if label == "satzlaenge" and reader_words(text[start:end]) <= LONG:
            found.append(f"{where}: only {reader_words(text[start:end])} words")
        by_label.setdefault(label, []).append((start, end))
    for label, spans in by_label.items():
        spans.sort()
        found += [f"{rows[0]['file']}: {label} spans {a} and {b} overlap" for a, b in zip(spans, spans[1:]) if b[0] < a[1]]
    return found


def annotation_path(half: str, second: bool = False) -> Path:
    return HERE / f"{half}{'-second' if second else ''}.jsonl"


def load(half: str, second: bool = False) -> list[dict]:
    return read_rows(annotation_path(half, second))


def build(notes_dirs: list[Path], halves: tuple[str, ...] = HALVES, second: bool = False) -> int:
    if not DATA.is_dir():
        print(f"cannot build: {DATA} is absent (the Amt24 pages are needed)", file=sys.stderr)
        return 1
    out: dict[str, list[dict]] = {half: [] for half in halves}
    errors = []
    for entry in texts():
        if entry["half"] not in halves:
            continue
        name = Path(entry["file"]).name
        candidates = [d / f"{name}.ann" for d in notes_dirs if (d / f"{name}.ann").is_file()]
        if not candidates:
            errors.append(f"{entry['file']}: no notes file {name}.ann")
            continue
        text = read_text(entry["file"])
        try:
            spans = locate(text, candidates[0].read_text(encoding="utf-8"), str(candidates[0]))
        except ValueError as error:
            errors.append(str(error))
            continue
        rows = []
        for start, end, label in sorted(spans):
            row = {"file": entry["file"], "start": start, "end": end, "label": label}
            if entry["source"] == "corpus":
                row["text"] = text[start:end]
            rows.append(row)
        errors += problems(text, rows)
        out[entry["half"]] += rows
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    for half, rows in out.items():
        annotation_path(half, second).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        print(f"{annotation_path(half, second).stem}: {len(rows)} annotations")
    return 0


def verify() -> int:
    halves = {entry["file"]: entry["half"] for entry in texts()}
    errors, checked, skipped = [], 0, set()
    sets = [(half, False) for half in HALVES] + [(half, True) for half in SECOND if annotation_path(half, True).is_file()]
    for half, second in sets:
        rows = load(half, second)
        by_file: dict[str, list[dict]] = {}
        for row in rows:
            if halves.get(row["file"]) != half:
                errors.append(f"{row['file']}: not a text of the {half} half ({annotation_path(half, second).name})")
            by_file.setdefault(row["file"], []).append(row)
        for file, file_rows in by_file.items():
            if not path_of(file).is_file():
                skipped.add(file)
                continue
            text = read_text(file)
            errors += problems(text, file_rows)
            errors += [f"{file}:{r['start']}: stored text differs" for r in file_rows if "text" in r and text[r["start"]:r["end"]] != r["text"]]
            checked += len(file_rows)
    print("\n".join(errors) or f"{checked} spans verified" + (f", {len(skipped)} texts absent" if skipped else ""))
    return 1 if errors else 0


def show(file: str, notes_dir: Path) -> int:
    name = Path(file).name
    text = read_text(file)
    try:
        spans = locate(text, (notes_dir / f"{name}.ann").read_text(encoding="utf-8"), name)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    for start, end, label in spans:
        span = " ".join(text[start:end].split())
        extra = f" [{reader_words(text[start:end])} words]" if label == "satzlaenge" else ""
        print(f"{start:6d} {end:6d} {label:12s} {span}{extra}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notes", nargs="*", type=Path, help="folders with the notes files")
    parser.add_argument("--verify", action="store_true", help="check dev.jsonl, dev2.jsonl, dev3.jsonl, dev4.jsonl, test.jsonl and dev4-second.jsonl")
    parser.add_argument("--half", choices=HALVES, action="append", help="build only this half (repeatable)")
    parser.add_argument("--second", choices=SECOND, help="build the second annotation of this half (HALF-second.jsonl)")
    parser.add_argument("--show", metavar="FILE", help="print the spans of one text (e.g. amt24/docs/Steuern.md)")
    args = parser.parse_args()
    if args.verify:
        return verify()
    if args.show:
        return show(args.show, args.notes[0])
    if args.second:
        return build(args.notes, (args.second,), second=True)
    return build(args.notes, tuple(args.half or HALVES))


if __name__ == "__main__":
    sys.exit(main())
