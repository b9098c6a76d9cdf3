"""Helpers shared by the blind-review scripts (``rewrites.py``, ``suggestions.py``, ``review_*.py``).

``eval/`` is not a package; the scripts run as ``python eval/NAME.py``, so ``eval/`` is on
``sys.path`` and they import this module as ``_common``.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
AMT24 = DATA / "amt24" / "docs"
REVIEW = ROOT / "eval" / "review"  # the blind-review files and their verdicts


def check_text(nlp, name: str, text: str):
    """The check result of ``text`` as if read from a file called ``name``."""
    from einfach.checker import check_document
    from einfach.readers.text import document_from_text

    return check_document(document_from_text(name, text), nlp)


def sentence_of(result, finding) -> tuple[int, int]:
    """The offsets of the segment (sentence) holding the finding's start, else the finding's own."""
    for segment in result.segments:
        if segment.start <= finding.start < segment.end:
            return segment.start, segment.end
    return finding.start, finding.end


def corpus_texts():
    """("corpus", name, text) of each letter in ``corpus/original`` (.txt)."""
    for path in sorted((ROOT / "corpus" / "original").glob("*.txt")):
        yield "corpus", f"corpus/original/{path.name}", path.read_text(encoding="utf-8")


def amt24_texts(pages: int, seed: int):
    """("amt24", name, text) of ``pages`` Amt24 pages sampled with ``seed``; none when the data is absent."""
    if not AMT24.is_dir():
        return
    files = sorted(AMT24.rglob("*.md"))
    for path in random.Random(seed).sample(files, min(pages, len(files))):
        yield "amt24", str(path.relative_to(DATA)), path.read_text(encoding="utf-8")


def load_jsonl(path: Path) -> dict[str, dict]:
    """The rows of a JSON-lines review file by their ``id``."""
    with path.open(encoding="utf-8") as handle:
        return {row["id"]: row for row in map(json.loads, filter(str.strip, handle))}


def review_round(kind: str, doc: str) -> tuple[dict[str, dict], dict[str, dict]]:
    """(items, verdicts) of the review round named by ``--round`` on the command line: ``eval/review/KIND.jsonl``
    and ``KIND-verdicts.jsonl`` for the first round, ``KIND-N.jsonl`` and ``KIND-N-verdicts.jsonl`` for round N.
    Says which items have no verdict yet."""
    import argparse

    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--round", default="", help=f"review round: '' for the first, '2' for {kind}-2*.jsonl, ...")
    suffix = parser.parse_args().round
    suffix = f"-{suffix}" if suffix else ""
    items = load_jsonl(REVIEW / f"{kind}{suffix}.jsonl")
    verdicts = load_jsonl(REVIEW / f"{kind}{suffix}-verdicts.jsonl")
    missing = sorted(set(items) - set(verdicts))
    if missing:
        print(f"{len(missing)} items have no verdict: {', '.join(missing[:10])}")
    return items, verdicts
