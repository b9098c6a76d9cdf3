"""Which texts form the annotated set of issue #17, and which half each belongs to.

Run from the project root:  python eval/annotation/sample_texts.py [--check]

Prints the selection as JSON lines {"file", "source", "half"} (or, with --check,
compares it with eval/annotation/texts.jsonl and exits 1 on a difference).

* corpus letters: all 12 ``corpus/original/*.txt``.
* Amt24: 28 pages of ``../shared/data/amt24/docs/`` drawn with ``random.Random(SEED)``
  from the eligible pages, sorted by name.  A page is eligible when it is German
  (more German than English function words) and has 120 to 450 words of prose, counted
  as whitespace tokens after dropping lines that are only a link (``* [..](..)``) and
  the link targets of the remaining lines.  The upper bound keeps the hand annotation
  feasible; the lower bound drops the many pages that are only a list of links.
* halves: within each source, the sorted names are shuffled with
  ``random.Random(SEED)`` and the first half is ``dev``, the second ``test``.
* ``dev2`` (added later, when the 20 dev texts proved too small): 20 more eligible Amt24
  pages, drawn with ``random.Random(SEED_DEV2)`` from the eligible pages not yet selected,
  sorted by name.  They are development data like ``dev``; ``test`` stays untouched.
* ``dev3`` (added in the fourth step, when dev2 showed that the Amt24 pages are a long tail):
  20 more eligible Amt24 pages, drawn with ``random.Random(SEED_DEV3)`` from the eligible
  pages in none of the halves above, sorted by name; development data too.
* ``dev4`` (added in the fifth step, issue #17 "Figures"): 20 more eligible Amt24 pages, drawn
  with ``random.Random(SEED_DEV4)`` from the eligible pages in none of the halves above, sorted
  by name; development data too.

The selection is stored in texts.jsonl (names only, never the text), so the
annotations stay valid when the shared data is absent.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT.parent / "shared" / "data" / "amt24" / "docs"
TEXTS = Path(__file__).with_name("texts.jsonl")
SEED = 17
N_AMT24 = 28
SEED_DEV2 = 1703
N_DEV2 = 20
SEED_DEV3 = 1704
N_DEV3 = 20
SEED_DEV4 = 1705
N_DEV4 = 20
MIN_WORDS, MAX_WORDS = 120, 450

GERMAN = {"und", "der", "die", "das", "ist", "sie", "mit", "für", "von", "nicht", "werden", "ein", "eine"}
ENGLISH = {"and", "the", "is", "you", "with", "for", "of", "not", "are", "a", "an", "to"}
LINK_LINE = re.compile(r"^\s*[*-]\s*\[[^\]]*\]\([^)]*\)\s*$")
LINK_TARGET = re.compile(r"\]\([^)]*\)")


def prose_words(text: str) -> list[str]:
    lines = [line for line in text.splitlines() if not LINK_LINE.match(line)]
    return LINK_TARGET.sub("]", "\n".join(lines)).split()


def eligible(text: str) -> bool:
    words = prose_words(text)
    lower = [w.lower() for w in words]
    german = sum(w in GERMAN for w in lower)
    english = sum(w in ENGLISH for w in lower)
    return german > english and MIN_WORDS <= len(words) <= MAX_WORDS


def split(names: list[str]) -> dict[str, str]:
    order = sorted(names)
    random.Random(SEED).shuffle(order)
    half = (len(order) + 1) // 2
    return {name: ("dev" if i < half else "test") for i, name in enumerate(order)}


def selection() -> list[dict]:
    letters = sorted(f"corpus/original/{p.name}" for p in (ROOT / "corpus" / "original").glob("*.txt"))
    pages = sorted(p.name for p in DOCS.glob("*.md") if eligible(p.read_text(encoding="utf-8")))
    sample = sorted(random.Random(SEED).sample(pages, N_AMT24))
    rows = []
    for source, names in (("corpus", letters), ("amt24", [f"amt24/docs/{n}" for n in sample])):
        halves = split(names)
        rows += [{"file": n, "source": source, "half": halves[n]} for n in names]
    rest = sorted(set(pages) - set(sample))
    for half, seed, count in (("dev2", SEED_DEV2, N_DEV2), ("dev3", SEED_DEV3, N_DEV3), ("dev4", SEED_DEV4, N_DEV4)):
        drawn = sorted(random.Random(seed).sample(rest, count))
        rows += [{"file": f"amt24/docs/{n}", "source": "amt24", "half": half} for n in drawn]
        rest = sorted(set(rest) - set(drawn))
    return rows


def main() -> int:
    if not DOCS.is_dir():
        print(f"skipped: {DOCS} is absent", file=sys.stderr)
        return 0
    rows = selection()
    if "--check" in sys.argv:
        stored = [json.loads(line) for line in TEXTS.read_text(encoding="utf-8").splitlines()]
        if stored != rows:
            print("texts.jsonl differs from the selection", file=sys.stderr)
            return 1
        print(f"texts.jsonl matches the selection ({len(rows)} texts)")
        return 0
    for row in rows:
        print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
