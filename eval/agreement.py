"""Agreement of two annotators on the same texts, per label (issue #17).

Run from the project root:

    python eval/agreement.py eval/annotation/dev4.jsonl eval/annotation/dev4-second.jsonl

Both files hold rows ``{"file", "start", "end", "label"}`` as in ``eval/annotation/``. Spans
are matched as ``eval/recall.py`` matches annotations and findings: a span of A is *found in B*
when B has a span of the same label in the same text that shares at least one character with
it, and the other way round. Per label (and over all labels) the script prints the spans of
A and of B, A's spans found in B, B's spans found in A, the two "recalls" (A found in B / A:
how much of A's reading B shares; B found in A / B: the same seen from B) with 95 % Wilson
intervals, their F1 (their harmonic mean, the usual pairwise agreement of span
annotations; Cohen's kappa needs a fixed set of units, which free spans lack), and how many
spans the two files share exactly (same start and end: agreement on the boundaries too).

Only the two files are read, never the texts, so the script runs also when
``../shared/data`` is absent. Texts that only one file annotates are named; they count
(a text with no span of a label in one file is a text that annotator left unmarked).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "annotation"))

from annotation_set import read_rows  # noqa: E402
from recall import RULES, overlaps, rate  # noqa: E402

LABELS = tuple(RULES)


class Agreement:
    """Counts of one label: spans of A and B, and how many of each the other file overlaps."""

    def __init__(self) -> None:
        self.a = self.b = self.a_in_b = self.b_in_a = self.same = 0

    def add(self, other: "Agreement") -> None:
        self.a += other.a
        self.b += other.b
        self.a_in_b += other.a_in_b
        self.b_in_a += other.b_in_a
        self.same += other.same

    def f1(self) -> float:
        """Harmonic mean of the two recalls (0 when either is 0 or undefined)."""
        if not (self.a and self.b and self.a_in_b and self.b_in_a):
            return 0.0
        first, second = self.a_in_b / self.a, self.b_in_a / self.b
        return 2 * first * second / (first + second)


def found_in(spans: list[tuple[int, int]], others: list[tuple[int, int]]) -> int:
    """How many of ``spans`` share at least one character with one of ``others``."""
    return sum(any(overlaps(start, end, o_start, o_end) for o_start, o_end in others) for start, end in spans)


def agree(rows_a: list[dict], rows_b: list[dict]) -> dict[str, Agreement]:
    """Per label, the counts of two annotations of the same texts."""
    spans: dict[tuple[int, str, str], list[tuple[int, int]]] = defaultdict(list)  # (which, file, label) -> spans
    for which, rows in enumerate((rows_a, rows_b)):
        for row in rows:
            spans[(which, row["file"], row["label"])].append((row["start"], row["end"]))
    result = {label: Agreement() for label in LABELS}
    for file in sorted({row["file"] for row in rows_a + rows_b}):
        for label in LABELS:
            a, b = spans.get((0, file, label), []), spans.get((1, file, label), [])
            counts = result[label]
            counts.a += len(a)
            counts.b += len(b)
            counts.a_in_b += found_in(a, b)
            counts.b_in_a += found_in(b, a)
            counts.same += len(set(a) & set(b))
    return result


def table(result: dict[str, Agreement]) -> str:
    head = ["label", "spans A", "spans B", "A found in B", "B found in A",
            "A found in B / A [95 % CI]", "B found in A / B [95 % CI]", "F1", "same span"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    total = Agreement()
    for counts in result.values():
        total.add(counts)
    for label, counts in [*result.items(), ("all", total)]:
        cells = [label, str(counts.a), str(counts.b), str(counts.a_in_b), str(counts.b_in_a),
                 rate(counts.a_in_b, counts.a), rate(counts.b_in_a, counts.b), f"{counts.f1():.3f}", str(counts.same)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a", type=Path, help="the first annotation file (JSON lines)")
    parser.add_argument("b", type=Path, help="the second annotation file of the same texts")
    args = parser.parse_args(argv)
    for path in (args.a, args.b):
        if not path.is_file():
            print(f"cannot compare: {path} does not exist", file=sys.stderr)
            return 1
    rows_a, rows_b = read_rows(args.a), read_rows(args.b)
    files_a, files_b = {row["file"] for row in rows_a}, {row["file"] for row in rows_b}
    print(f"A: {args.a} ({len(files_a)} texts); B: {args.b} ({len(files_b)} texts)")
    for name, only in (("A", files_a - files_b), ("B", files_b - files_a)):
        if only:
            print(f"note: {len(only)} texts annotated only in {name}: {', '.join(sorted(only))}")
    print()
    print(table(agree(rows_a, rows_b)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
