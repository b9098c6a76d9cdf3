"""Accuracy of einfach on UD German GSD: passive detection, segmentation, tagging.

Run from the project root:  python eval/evaluate.py [--errors FILE]

Reads ../shared/data/ud_german/de_gsd-ud-{dev,test}.conllu and skips cleanly
when that folder is absent (a user's clone does not have it).

* passiv: sentence-level precision/recall.  Gold: the sentence has an
  ``aux:pass`` token whose lemma is *werden*.  Each sentence is checked on its
  own.  Precision is reported with and without the sein + zu-infinitive hits,
  which the treebank does not mark as passive.
* segmentation: the sentences of a file are joined by a single space in
  chunks of 40; boundary precision/recall/F1 against the gold sentence starts,
  for einfach's full segmentation (character rules before the tagger, then
  the tag-aware ``einfach_clause_segmenter``), with the character rules alone
  and the missed boundaries by the character before them as a breakdown.
* tagging: STTS accuracy of the default tagger on the gold tokens.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "ud_german"
FILES = {"dev": "de_gsd-ud-dev.conllu", "test": "de_gsd-ud-test.conllu"}
CHUNK = 40


def read_conllu(path: Path) -> list[dict]:
    """Sentences as {"text", "tokens": [(form, lemma, xpos, deprel, space_after)]}."""
    sentences, tokens, text = [], [], ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# text = "):
            text = line[len("# text = "):]
        elif not line.strip():
            if tokens:
                sentences.append({"text": text, "tokens": tokens})
            tokens, text = [], ""
        elif not line.startswith("#"):
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            tokens.append((cols[1], cols[2], cols[4], cols[7], "SpaceAfter=No" not in cols[9]))
    if tokens:
        sentences.append({"text": text, "tokens": tokens})
    return sentences


def wilson(successes: int, total: int, z: float = 1.96) -> tuple[float, float]:
    """95 % Wilson score interval of a proportion."""
    if total == 0:
        return (0.0, 0.0)
    p = successes / total
    centre = (p + z * z / (2 * total)) / (1 + z * z / total)
    margin = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / (1 + z * z / total)
    return (max(0.0, centre - margin), min(1.0, centre + margin))


def fmt(successes: int, total: int) -> str:
    low, high = wilson(successes, total)
    value = successes / total if total else 0.0
    return f"{value:.3f} [{low:.3f}, {high:.3f}] ({successes}/{total})"


def evaluate_passive(nlp, sentences: list[dict], errors: list[str], split: str) -> dict:
    gold = [any(t[3] == "aux:pass" and t[1] == "werden" for t in s["tokens"]) for s in sentences]
    texts = [s["text"] for s in sentences]
    predicted_any, predicted_werden = [], []
    for sentence, doc in zip(sentences, nlp.pipe(texts, batch_size=64)):
        forms = [span._.einfach["values"]["form"] for span in doc.spans["einfach"] if span.label_ == "passiv"]
        predicted_any.append(bool(forms))
        predicted_werden.append(any("sein" not in form for form in forms))
        hits = "; ".join(f"{span.text} [{span._.einfach['values']['form']}]" for span in doc.spans["einfach"])
        index = len(predicted_any) - 1
        if gold[index] != predicted_werden[index]:
            kind = "FN" if gold[index] else "FP"
            errors.append(f"{split}\t{kind}\t{sentence['text']}\t{hits}")
    def scores(predicted):
        tp = sum(g and p for g, p in zip(gold, predicted))
        return {"precision": fmt(tp, sum(predicted)), "recall": fmt(tp, sum(gold))}
    result = {"sentences": len(sentences), "gold_passive": sum(gold)}
    result["with_sein_zu"] = scores(predicted_any)
    result["werden_only"] = scores(predicted_werden)
    return result


def evaluate_segmentation(nlp, sentences: list[dict]) -> dict:
    """Boundary P/R/F1 of the full segmentation (character rules, then the tag-aware pass).

    Also the figures of the character rules alone (``einfach_segmenter`` before the
    tagger) and the missed boundaries by the character before them.
    """
    full, characters = [0, 0, 0], [0, 0, 0]
    missed: dict[str, int] = {}
    for begin in range(0, len(sentences), CHUNK):
        chunk = [s["text"] for s in sentences[begin:begin + CHUNK]]
        text = " ".join(chunk)
        gold, offset = set(), 0
        for sentence in chunk[:-1]:
            offset += len(sentence) + 1
            gold.add(offset)
        doc = nlp.make_doc(text)
        for name in ("einfach_tokens", "einfach_segmenter"):
            doc = nlp.get_pipe(name)(doc)
        _count(characters, gold, {token.idx for token in doc if token.is_sent_start and token.idx > 0})
        for name in ("einfach_tagger", "einfach_clause_segmenter"):
            doc = nlp.get_pipe(name)(doc)
        predicted = {token.idx for token in doc if token.is_sent_start and token.idx > 0}
        _count(full, gold, predicted)
        for offset in gold - predicted:
            kind = _kind(text[offset - 2])
            missed[kind] = missed.get(kind, 0) + 1
    return {**_scores(full), "characters_only": _scores(characters), "missed_after": missed}


def _count(counts: list[int], gold: set[int], predicted: set[int]) -> None:
    counts[0] += len(gold & predicted)
    counts[1] += len(predicted - gold)
    counts[2] += len(gold - predicted)


def _scores(counts: list[int]) -> dict:
    tp, fp, fn = counts
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": f"{precision:.4f}", "recall": f"{recall:.4f}", "f1": f"{f1:.4f}", "boundaries": tp + fn}


def _kind(char: str) -> str:
    """What precedes a missed boundary: a letter or digit (headline), a colon, a quote, ..."""
    if char.isalnum():
        return "letter/digit"
    if char in "\"'`“”»«’‘":
        return "quote"
    return char


def evaluate_tagging(nlp, sentences: list[dict]) -> dict:
    from spacy.tokens import Doc

    tagger = nlp.get_pipe("einfach_tagger")
    correct = total = 0
    for sentence in sentences:
        words = [t[0] for t in sentence["tokens"]]
        spaces = [t[4] for t in sentence["tokens"]]
        doc = Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=[True] + [False] * (len(words) - 1))
        tagger(doc)
        for token, gold in zip(doc, sentence["tokens"]):
            total += 1
            correct += token.tag_ == gold[2]
    return {"accuracy": f"{correct / total:.4f}", "tokens": total}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", help="write the passive disagreements (TSV) to this file")
    parser.add_argument("--skip-tagging", action="store_true")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} not found (evaluation data is not part of the repository)")
        return 0
    sys.path.insert(0, str(ROOT / "src"))
    from einfach.checker import make_pipeline

    nlp = make_pipeline("einfach", settings={"select": ["passiv"]})
    errors: list[str] = []
    for split, name in FILES.items():
        sentences = read_conllu(DATA / name)
        print(f"== GSD {split} ({len(sentences)} sentences)")
        passive = evaluate_passive(nlp, sentences, errors, split)
        print(f"passiv: gold passive sentences {passive['gold_passive']}")
        for variant in ("werden_only", "with_sein_zu"):
            scores = passive[variant]
            print(f"  {variant:13} precision {scores['precision']}  recall {scores['recall']}")
        segmentation = evaluate_segmentation(nlp, sentences)
        print(f"segmentation: precision {segmentation['precision']} recall {segmentation['recall']} "
              f"F1 {segmentation['f1']} ({segmentation['boundaries']} boundaries)")
        alone = segmentation["characters_only"]
        print(f"  character rules alone: precision {alone['precision']} recall {alone['recall']} F1 {alone['f1']}")
        by_kind = sorted(segmentation["missed_after"].items(), key=lambda item: -item[1])
        missed = ", ".join(f"{kind} {count}" for kind, count in by_kind)
        print(f"  missed boundaries by the character before them: {missed}")
        if not args.skip_tagging:
            tagging = evaluate_tagging(nlp, sentences)
            print(f"tagging (STTS, gold tokens): accuracy {tagging['accuracy']} ({tagging['tokens']} tokens)")
    if args.errors:
        Path(args.errors).write_text("split\ttype\tsentence\tfindings\n" + "\n".join(errors) + "\n", encoding="utf-8")
        print(f"{len(errors)} passive disagreements written to {args.errors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
