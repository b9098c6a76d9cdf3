"""Recall and precision of amtsdeutsch, passiv and satzlaenge on the annotated set of #17.

Run from the project root:  python eval/recall.py [--profile einfach] [--missed N] [--half H ...]

Checks every text of ``eval/annotation/texts.jsonl`` with einfach (default profile)
and matches its findings against the hand annotations in ``eval/annotation/{dev,dev2,dev3,dev4,test}.jsonl``
by the rule of ``eval/annotation/GUIDE.md``:

* an annotation is *found* when a finding of its rule(s) overlaps it (at least one
  shared character): ``amtsdeutsch`` by ``amtsdeutsch`` or ``funktionsverbgefuege``,
  ``passiv`` by ``passiv``, ``satzlaenge`` by ``satzlaenge`` at level warning or error
  (more than 20 words, the guide's threshold; the info level is not counted);
* a finding is *correct* when it overlaps an annotation of its label.

Prints, per label and half (and per source), annotations, found, recall, findings,
correct, precision, with 95 % Wilson intervals (``dev+dev2`` is the development data of the
third step: the dev half and the 20 Amt24 pages drawn then; ``dev+dev2+dev3`` adds the 20
pages drawn in the fourth step; ``dev+dev2+dev3+dev4`` adds the 20 pages drawn in the fifth step,
the whole development data); then, per label and half, how many
missed annotations lie in text einfach excludes by design (the Rechtsbehelfsbelehrung
and data-protection blocks, ``result.excluded``) or are reported by ``abkuerzung``
("bzw.", "ggf."); then the most frequent missed
Amtsdeutsch annotations of the development data, grouped by lemma (surface phrases only for
the corpus letters: the Amt24 pages are not ours to quote).  The Amt24 pages are read
from ``../shared/data``; when that folder is absent only the corpus letters are checked.
``--half dev --half dev2 --half dev3 --half dev4`` checks only the development texts (for tuning: the test half
is looked at only for the final figures).  ``--list alarms`` / ``--list misses`` print the wrong
findings / the missed annotations one by one with their context, by rule or lemma, for the
development halves only (never for the test half: its individual findings are not looked at); the
listing goes to the terminal, not into the docs (the Amt24 pages are not ours to quote).
``--annotations FILE`` reads the annotations from another file of the same format instead of
``HALF.jsonl`` (e.g. ``eval/annotation/dev4-second.jsonl``, a second annotator's reading of the
dev4 pages) and checks the texts of the halves it covers.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "annotation"))

from evaluate import wilson  # noqa: E402
from annotation_set import HALVES, load, path_of, read_rows, texts  # noqa: E402

RULES = {
    "amtsdeutsch": ("amtsdeutsch", "funktionsverbgefuege"),
    "passiv": ("passiv",),
    "satzlaenge": ("satzlaenge",),
}
LABEL_OF = {rule: label for label, rules in RULES.items() for rule in rules}
LEVELS = {"satzlaenge": ("warning", "error")}
DEV = ("dev", "dev2", "dev3", "dev4")
# the development totals a half counts in: the data of the third step (dev+dev2), of the fourth
# (dev+dev2+dev3) and all of it (dev+dev2+dev3+dev4)
TOTALS = ("dev+dev2", "dev+dev2+dev3", "dev+dev2+dev3+dev4")
DEV_TOTALS = {half: tuple(t for t in TOTALS if half in t.split("+")) for half in DEV}


def report_halves(half: str) -> tuple[str, ...]:
    """The rows a text of ``half`` counts in: its half, and the development totals for dev texts."""
    return (half, *DEV_TOTALS.get(half, ()))


def counted(finding) -> bool:
    """Findings that take part in the evaluation (rule of a label, level the guide counts)."""
    label = LABEL_OF.get(finding.rule)
    return label is not None and finding.severity in LEVELS.get(finding.rule, (finding.severity,))


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def match(annotations: list[dict], findings: list) -> tuple[list[bool], list[bool]]:
    """(found per annotation, correct per finding) for one text."""
    found = [
        any(f.rule in RULES[a["label"]] and overlaps(a["start"], a["end"], f.start, f.end) for f in findings)
        for a in annotations
    ]
    correct = [
        any(a["label"] == LABEL_OF[f.rule] and overlaps(a["start"], a["end"], f.start, f.end) for a in annotations)
        for f in findings
    ]
    return found, correct


class Tally:
    def __init__(self) -> None:
        self.annotations = self.found = self.findings = self.correct = 0

    def row(self) -> list[str]:
        return [str(self.annotations), str(self.found), rate(self.found, self.annotations),
                str(self.findings), str(self.correct), rate(self.correct, self.findings)]


def rate(successes: int, total: int) -> str:
    if not total:
        return "–"
    low, high = wilson(successes, total)
    return f"{successes / total:.3f} [{low:.2f}, {high:.2f}]"


def table(tallies: dict[tuple, Tally], keys: list[tuple]) -> str:
    head = ["label", "half", "source", "annotations", "found", "recall [95 % CI]", "findings", "correct", "precision [95 % CI]"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for key in keys:
        if key in tallies:
            lines.append("| " + " | ".join([*key, *tallies[key].row()]) + " |")
    return "\n".join(lines)


def miss_reason(row: dict, result) -> str:
    """Why an annotation was not found: excluded text, another rule's finding, or a real miss."""
    if any(overlaps(row["start"], row["end"], e["start"], e["end"]) for e in result.excluded):
        return "excluded"
    if row["label"] == "amtsdeutsch" and any(f.rule == "abkuerzung" and overlaps(row["start"], row["end"], f.start, f.end) for f in result.findings):
        return "abkuerzung"
    return "other"


def lemmas(nlp, phrase: str) -> str:
    return " ".join(token.lemma_ or token.text for token in nlp(phrase) if not token.is_space)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default="einfach")
    parser.add_argument("--missed", type=int, default=20, help="how many missed Amtsdeutsch lemmas of the development data to list")
    parser.add_argument("--half", choices=HALVES, action="append", help="check only the texts of this half (repeatable; default: all)")
    parser.add_argument("--list", choices=("alarms", "misses"), action="append", default=[],
                        help="print each false alarm / missed annotation of the development halves with its context")
    parser.add_argument("--annotations", type=Path, metavar="FILE",
                        help="read the annotations from FILE instead of HALF.jsonl (e.g. eval/annotation/dev4-second.jsonl)")
    args = parser.parse_args()
    chosen = tuple(args.half or HALVES)
    alternative = None
    if args.annotations:
        if not args.annotations.is_file():
            print(f"cannot evaluate: {args.annotations} does not exist", file=sys.stderr)
            return 1
        alternative = read_rows(args.annotations)
        half_of = {entry["file"]: entry["half"] for entry in texts()}
        chosen = tuple(args.half or sorted({half_of[row["file"]] for row in alternative}, key=HALVES.index))

    from einfach.checker import check_document, make_pipeline
    from einfach.readers import read_document

    selected = [e for e in texts() if e["half"] in chosen]
    entries = [e for e in selected if path_of(e["file"]).is_file()]
    absent = len(selected) - len(entries)
    if absent:
        print(f"note: {absent} texts skipped, ../shared/data is absent (only the corpus letters are checked)\n")
    annotations = defaultdict(list)
    for row in alternative if alternative is not None else [row for half in chosen for row in load(half)]:
        annotations[row["file"]].append(row)

    nlp = make_pipeline(args.profile)
    tallies: dict[tuple, Tally] = defaultdict(Tally)
    reasons: dict[tuple, Counter] = defaultdict(Counter)  # (label, half) -> why missed
    missed: dict[str, Counter] = defaultdict(Counter)
    surfaces: dict[str, Counter] = defaultdict(Counter)
    listed: dict[str, list[tuple[str, str, str]]] = defaultdict(list)  # "alarms"/"misses" -> (key, half, context)
    for entry in entries:
        result = check_document(read_document(str(path_of(entry["file"]))), nlp)
        findings = [f for f in result.findings if counted(f)]
        rows = annotations[entry["file"]]
        found, correct = match(rows, findings)
        halves = report_halves(entry["half"])
        for row, hit in zip(rows, found):
            for half in halves:
                for source in (entry["source"], "all"):
                    tally = tallies[(row["label"], half, source)]
                    tally.annotations += 1
                    tally.found += hit
                if not hit:
                    reasons[(row["label"], half)][miss_reason(row, result)] += 1
            if not hit and row["label"] == "amtsdeutsch" and entry["half"] in DEV:
                phrase = " ".join(result.text[row["start"]:row["end"]].split())
                key = lemmas(nlp, phrase).lower()
                if "misses" in args.list:
                    listed["misses"].append((f"{key} ({miss_reason(row, result)})", entry["half"],
                                             context(result.text, row["start"], row["end"])))
                missed[key][entry["source"]] += 1
                if entry["source"] == "corpus":
                    surfaces[key][phrase] += 1
        for finding, ok in zip(findings, correct):
            if not ok and "alarms" in args.list and entry["half"] in DEV:
                listed["alarms"].append((f"{finding.rule}: {finding.data.get('term') or finding.text}",
                                         entry["half"], context(result.text, finding.start, finding.end)))
            for half in halves:
                for source in (entry["source"], "all"):
                    tally = tallies[(LABEL_OF[finding.rule], half, source)]
                    tally.findings += 1
                    tally.correct += ok

    order = ("dev", "dev2", "dev+dev2", "dev3", "dev+dev2+dev3", "dev4", "dev+dev2+dev3+dev4", "test")
    shown_halves = [h for h in order if any(h in report_halves(c) for c in chosen)]
    keys = [(label, half, source) for label in RULES for half in shown_halves for source in ("all", "corpus", "amt24")]
    source = f"; annotations: {args.annotations}" if args.annotations else ""
    print(f"profile: {args.profile}; texts: {len(entries)}{source}\n")
    print(table(tallies, keys))
    print("\nMissed annotations by reason (excluded: in text einfach does not check by design):\n")
    print("| label | half | missed | in excluded text | reported by abkuerzung | other |\n|---|---|---|---|---|---|")
    for label in RULES:
        for half in shown_halves:
            count = reasons.get((label, half), Counter())
            print(f"| {label} | {half} | {sum(count.values())} | {count['excluded']} | {count['abkuerzung']} | {count['other']} |")
    ranked = sorted(missed.items(), key=lambda item: (-sum(item[1].values()), item[0]))[: args.missed]
    print(f"\nMost frequent missed Amtsdeutsch annotations, development data ({sum(sum(c.values()) for c in missed.values())} missed):\n")
    print("| lemmas | missed | corpus | amt24 | phrases in the corpus letters |\n|---|---|---|---|---|")
    for key, count in ranked:
        shown = key if len(key.split()) <= 4 else " ".join(key.split()[:3]) + " …"
        phrases = ", ".join(f"„{p}“" for p, _ in surfaces[key].most_common(3))
        print(f"| {shown} | {sum(count.values())} | {count['corpus']} | {count['amt24']} | {phrases} |")
    for kind in args.list:
        print(f"\n{kind} of the development halves ({len(listed[kind])}):\n")
        for key, half, text in sorted(listed[kind]):
            print(f"{key} [{half}]: {text}")
    return 0


def context(text: str, start: int, end: int, width: int = 50) -> str:
    """The span in [brackets] with ``width`` characters either side, on one line."""
    return " ".join(f"{text[max(0, start - width):start]}[{text[start:end]}]{text[end:end + width]}".split())


if __name__ == "__main__":
    sys.exit(main())
