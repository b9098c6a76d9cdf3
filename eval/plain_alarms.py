"""Findings of amtsdeutsch, funktionsverbgefuege, passiv and seltenes-wort on text that is already plain.

Run from the project root:  python eval/plain_alarms.py [--list]

Checks the plain letters of ``corpus/einfach/*.txt``, 1,000 Hurraki sentences
(``../shared/data/stage_hurraki/train.csv``, drawn with seed 17) and 1,000 DEplain-web
simplifications (``../shared/data/deplain_web/sentence/*.csv``, seed 17) with the default
profile and prints the number of findings per text and rule (with ``--list`` every finding).
Every finding on plain text is a candidate false alarm (issue #17 reports these counts in
``docs/quality.md``). Without ``../shared/data`` only the corpus letters are checked.
"""

from __future__ import annotations

import argparse
import csv
import random
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
RULES = ("amtsdeutsch", "funktionsverbgefuege", "passiv", "seltenes-wort")
SAMPLE = 1000


def sample(paths: list[Path], column: str) -> str:
    rows = [row for path in paths for row in csv.DictReader(path.open(encoding="utf-8"))]
    random.Random(17).shuffle(rows)
    return "\n\n".join(row[column] for row in rows[:SAMPLE])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print every finding")
    args = parser.parse_args()

    from einfach.checker import check_document, make_pipeline
    from einfach.readers import read_document
    from einfach.readers.text import document_from_text

    nlp = make_pipeline("einfach")
    documents = [("corpus/einfach", read_document(str(p))) for p in sorted((ROOT / "corpus" / "einfach").glob("*.txt"))]
    hurraki = DATA / "stage_hurraki" / "train.csv"
    deplain = sorted((DATA / "deplain_web" / "sentence").glob("*.csv"))
    if hurraki.is_file() and deplain:
        documents.append(("Hurraki", document_from_text("<hurraki>", sample([hurraki], "phrase"))))
        documents.append(("DEplain-web", document_from_text("<deplain>", sample(deplain, "simplification"))))
    else:
        print("note: ../shared/data is absent, only the corpus letters are checked\n")
    counts: Counter = Counter()
    for source, document in documents:
        result = check_document(document, nlp)
        for finding in result.findings:
            if finding.rule in RULES:
                counts[(source, finding.rule)] += 1
                if args.list:
                    print(f"{source} | {finding.rule} | {finding.text}")
    print("| text | " + " | ".join(RULES) + " |\n|---|" + "---|" * len(RULES))
    for source in dict.fromkeys(source for source, _ in documents):
        print(f"| {source} | " + " | ".join(str(counts[(source, rule)]) for rule in RULES) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
