"""Findings per 100 words per rule: original texts vs their plain versions, and false alarms.

Run from the project root:  python eval/plain_vs_original.py [--profile einfach] [--limit N]

* DEplain-web (``../shared/data/deplain_web/document/*.csv``): original web texts and
  their plain-language versions, by document.
* Klexikon vs. Wikipedia (``../shared/data/klexikon/test/{wiki,klexikon}/*.txt``).
* Leichte Sprache sentences (``../shared/data/stage_hurraki/*.csv``): text that is
  already easy; findings at warning level or above per 100 words are false alarms
  (target: at most 3 in the default profile).

Plain versions must come out clearly lower than their originals.  Skips cleanly when
the data folder is absent.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


def per_100(counts: Counter, words: int) -> dict[str, float]:
    return {rule: 100 * count / words for rule, count in counts.items()} if words else {}


class Tally:
    """Words and findings per rule (all levels, and warning or above)."""

    def __init__(self) -> None:
        self.words = 0
        self.documents = 0
        self.rules: Counter[str] = Counter()
        self.serious = 0

    def add(self, result) -> None:
        self.documents += 1
        self.words += result.metrics["words"]
        for finding in result.findings:
            self.rules[finding.rule] += 1
            if finding.severity in ("warning", "error"):
                self.serious += 1


def check_texts(nlp, texts) -> Tally:
    from einfach.checker import check_document
    from einfach.readers.text import document_from_text

    tally = Tally()
    for text in texts:
        tally.add(check_document(document_from_text("<eval>", text), nlp))
    return tally


def deplain(limit: int | None):
    csv.field_size_limit(10**9)
    originals, plains = [], []
    for path in sorted((DATA / "deplain_web" / "document").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                originals.append(row["original"])
                plains.append(row["simplification"])
    return originals[:limit], plains[:limit]


def klexikon(limit: int | None):
    folder = DATA / "klexikon" / "test"
    names = sorted(p.name for p in (folder / "klexikon").glob("*.txt") if (folder / "wiki" / p.name).exists())
    names = names[:limit]
    wiki = [(folder / "wiki" / n).read_text(encoding="utf-8") for n in names]
    kids = [(folder / "klexikon" / n).read_text(encoding="utf-8") for n in names]
    return wiki, kids


def hurraki(limit: int | None):
    sentences = []
    for path in sorted((DATA / "stage_hurraki").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            sentences += [row["phrase"] for row in csv.DictReader(handle) if row.get("phrase")]
    return sentences[:limit]


def table(title: str, pairs: list[tuple[str, Tally]]) -> str:
    rules = sorted({rule for _, tally in pairs for rule in tally.rules})
    header = "| rule | " + " | ".join(f"{name} ({tally.documents} docs, {tally.words} words)" for name, tally in pairs) + " |"
    lines = [f"### {title}", "", "findings per 100 words", "", header, "|---" * (len(pairs) + 1) + "|"]
    for rule in rules:
        cells = [f"{per_100(tally.rules, tally.words).get(rule, 0.0):.2f}" for _, tally in pairs]
        lines.append(f"| {rule} | " + " | ".join(cells) + " |")
    totals = [f"**{100 * sum(t.rules.values()) / t.words:.2f}**" if t.words else "-" for _, t in pairs]
    lines.append("| all rules | " + " | ".join(totals) + " |")
    serious = [f"{100 * t.serious / t.words:.2f}" if t.words else "-" for _, t in pairs]
    lines.append("| warning or above | " + " | ".join(serious) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default="einfach")
    parser.add_argument("--limit", type=int, default=None, help="at most N documents/sentences per corpus")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} not found (evaluation data is not part of the repository)")
        return 0
    sys.path.insert(0, str(ROOT / "src"))
    from einfach.checker import make_pipeline

    nlp = make_pipeline(args.profile)
    print(f"profile: {args.profile}\n")
    if (DATA / "deplain_web").is_dir():
        original, plain = deplain(args.limit)
        print(table("DEplain-web", [("original", check_texts(nlp, original)), ("plain", check_texts(nlp, plain))]))
        print()
    if (DATA / "klexikon").is_dir():
        wiki, kids = klexikon(args.limit)
        print(table("Wikipedia vs. Klexikon", [("Wikipedia", check_texts(nlp, wiki)), ("Klexikon", check_texts(nlp, kids))]))
        print()
    if (DATA / "stage_hurraki").is_dir():
        easy = check_texts(nlp, hurraki(args.limit))
        print(table("Leichte Sprache sentences (Hurraki)", [("Hurraki", easy)]))
        rate = 100 * easy.serious / easy.words if easy.words else 0.0
        print(f"\nfalse alarms (warning or above) per 100 words: {rate:.2f} (target: at most 3)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
