"""Documents of known difficulty for fitting and checking the Einfach-Index (eval/fit_index.py).

Five classes, hardest first, each built from ``../shared/data`` (and the
letters in ``corpus/``) by a fixed, stated rule; samples use the seed
:data:`SEED`, so every run sees the same documents:

* ``gesetz`` -- laws: ``gesetze/*.md`` split into sections at their "§"
  headings; sections of at least 40 words; :data:`LAW_SECTIONS` sections per
  law, sampled.
* ``dicht`` -- dense authority letters: the originals in ``corpus/original/``
  (``.txt``) and the densest Amt24 pages.  "Densest" is measured on the raw
  Markdown, without einfach and without the index: words (runs of letters)
  per sentence, where a sentence ends at ``.``, ``!``, ``?``, ``:`` or ``;``
  before white space, or at a line break; pages of at least 150 words; the
  :data:`AMT24_DENSEST` pages with the highest figure (ties by file name).
* ``standard`` -- standard informative German: DEplain-web originals and
  Wikipedia articles (Klexikon's ``wiki/``), sampled pairs.
* ``einfach`` -- Einfache Sprache: the DEplain-web simplifications and the
  Klexikon articles of the same sampled pairs, and ``corpus/einfach/``.
* ``leicht`` -- Leichte Sprache: the Hurraki sentences of StaGE, grouped into
  one pseudo-document per ``topic`` (all four files, sentences in file
  order, joined by a space); topics with at least 3 sentences.

Every document runs through einfach's checker exactly as ``einfach check``
reads a text file (``check_document`` of ``document_from_text``), and the
raw counts of its sentences (``Segment.counts``) are cached in
``.einfach/index-cache/`` (git-ignored), keyed by the text and the count
definitions; ``--no-cache`` recomputes.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import random
import re
import sys
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
CACHE = ROOT / ".einfach" / "index-cache"
SEED = 19
LAW_SECTIONS = 8
LAW_MIN_WORDS = 40
AMT24_DENSEST = 40
AMT24_MIN_WORDS = 150
DEPLAIN_PAIRS = 100
KLEXIKON_PAIRS = 20
KLEXIKON_PAIR_SAMPLE = 60  # for the share of pairs scored easier (Wikipedia articles are long)
HURRAKI_MIN_SENTENCES = 3

CLASSES = ("gesetz", "dicht", "standard", "einfach", "leicht")
CLASS_NAMES = {
    "gesetz": "laws (§ sections)",
    "dicht": "dense letters (corpus/original, densest Amt24 pages)",
    "standard": "standard German (DEplain originals, Wikipedia)",
    "einfach": "Einfache Sprache (DEplain plain, Klexikon, corpus/einfach)",
    "leicht": "Leichte Sprache (Hurraki topics)",
}

_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_END = re.compile(r"[.!?:;](?=\s)|\n")
_SECTION = re.compile(r"^#+ *§+ *\d", re.MULTILINE)


# -- documents -------------------------------------------------------------------
def law_sections() -> list[tuple[str, str]]:
    rng = random.Random(SEED)
    result = []
    for path in sorted((DATA / "gesetze").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        starts = [m.start() for m in _SECTION.finditer(text)] + [len(text)]
        sections = [text[a:b].strip() for a, b in zip(starts, starts[1:])]
        sections = [s for s in sections if len(_WORD.findall(s)) >= LAW_MIN_WORDS]
        for number, section in sorted(rng.sample(list(enumerate(sections)), min(LAW_SECTIONS, len(sections)))):
            result.append((f"gesetze/{path.stem}#{number}", section))
    return result


def raw_density(text: str) -> tuple[int, float]:
    """(words, words per sentence) of raw text: the selection rule for the densest Amt24 pages."""
    words = len(_WORD.findall(text))
    pieces = [p for p in _SENTENCE_END.split(text) if _WORD.search(p)]
    return words, words / max(len(pieces), 1)


def amt24_densest() -> list[tuple[str, str]]:
    pages = []
    for path in sorted((DATA / "amt24" / "docs").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        words, density = raw_density(text)
        if words >= AMT24_MIN_WORDS:
            pages.append((-density, path.name, text))
    pages.sort()
    return [(f"amt24/{name}", text) for _, name, text in pages[:AMT24_DENSEST]]


def corpus_letters(folder: str) -> list[tuple[str, str]]:
    return [(f"corpus/{folder}/{p.name}", p.read_text(encoding="utf-8"))
            for p in sorted((ROOT / "corpus" / folder).glob("*.txt"))]


def deplain_pairs(limit: int | None = DEPLAIN_PAIRS) -> list[tuple[str, str, str]]:
    """(name, plain, original) of DEplain-web document pairs; ``limit`` sampled with the seed, None = all."""
    folder = DATA / "deplain_web" / "document"
    csv.field_size_limit(sys.maxsize)
    pairs = []
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for number, row in enumerate(csv.DictReader(handle)):
                pairs.append((f"deplain/{path.stem}#{number}", row["simplification"], row["original"]))
    if limit is not None and limit < len(pairs):
        pairs = sorted(random.Random(SEED).sample(pairs, limit))
    return pairs


def klexikon_pairs(limit: int | None = KLEXIKON_PAIRS) -> list[tuple[str, str, str]]:
    """(name, Klexikon article, Wikipedia article); ``limit`` sampled with the seed, None = all."""
    folder = DATA / "klexikon" / "test"
    names = sorted(p.name for p in (folder / "klexikon").glob("*.txt") if (folder / "wiki" / p.name).is_file())
    if limit is not None and limit < len(names):
        names = sorted(random.Random(SEED).sample(names, limit))
    return [(f"klexikon/{n}", (folder / "klexikon" / n).read_text(encoding="utf-8"),
             (folder / "wiki" / n).read_text(encoding="utf-8")) for n in names]


def hurraki_topics() -> list[tuple[str, str]]:
    topics: dict[str, list[str]] = {}
    for name in ("trial", "train", "eval", "test"):
        path = DATA / "stage_hurraki" / f"{name}.csv"
        if not path.is_file():
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row.get("phrase"):
                    topics.setdefault(row["topic"], []).append(row["phrase"].strip())
    return [(f"hurraki/{topic}", " ".join(sentences))
            for topic, sentences in topics.items() if len(sentences) >= HURRAKI_MIN_SENTENCES]


def available() -> bool:
    return all((DATA / name).is_dir() for name in ("gesetze", "amt24", "deplain_web", "klexikon", "stage_hurraki"))


def classes() -> dict[str, list[tuple[str, str]]]:
    """{class: [(name, text)]} by the rules in the module docstring."""
    deplain = deplain_pairs()
    klexikon = klexikon_pairs()
    return {
        "gesetz": law_sections(),
        "dicht": corpus_letters("original") + amt24_densest(),
        "standard": [(n, o) for n, _, o in deplain] + [(n + "/wiki", w) for n, _, w in klexikon],
        "einfach": [(n, p) for n, p, _ in deplain] + [(n + "/klexikon", k) for n, k, _ in klexikon]
        + corpus_letters("einfach"),
        "leicht": hurraki_topics(),
    }


# -- features --------------------------------------------------------------------
def _stamp() -> str:
    """What the cached counts depend on: einfach's count code, the checker's loop and the pipeline modules."""
    import inspect

    import einfach
    from einfach import checker, metrics

    digest = hashlib.sha256()
    for function in (metrics.counts_in, metrics._profile, metrics.is_nominal, metrics.zipf, checker.check_stream):
        digest.update(inspect.getsource(function).encode("utf-8"))
    for module in ("nlp/segmenter.py", "nlp/tagger.py", "nlp/tokens.py", "nlp/syllables.py", "rules/kinds/passive.py"):
        digest.update((Path(einfach.__file__).parent / module).read_bytes())
    constants = [getattr(metrics, name) for name in dir(metrics) if name.isupper()]
    # sets print in an order that changes with the hash seed of each process: sort them
    constants = [sorted(value) if isinstance(value, (set, frozenset)) else value for value in constants]
    digest.update(repr((metrics.FEATURE_VERSION, constants)).encode("utf-8"))
    return digest.hexdigest()[:12]


def neutral_model() -> dict:
    """A model without features (every sentence and document in the middle): enough to run the checker."""
    from einfach.metrics import FEATURE_VERSION

    def part(level, mapping):
        return {"features": [], "means": [], "scales": [], "coefficients": [], "intercept": level, "mapping": mapping}

    return {"index_version": "unfitted", "feature_version": FEATURE_VERSION,
            "sentence": part(4.0, {"intercept": 50.0, "slope": 0.0}),
            "document": part(3.0, {"easiest": 1.0, "hardest": 5.0}), "bands": [[0, "mittel"]]}


class SegmentCache:
    """Per-document segments ``[words, fragment, counts]`` as the checker computes them, cached on disk."""

    def __init__(self, use_cache: bool = True):
        self.use_cache = use_cache
        self.path = CACHE / f"{_stamp()}.json.gz"
        self.data: dict[str, list] = {}
        if use_cache and self.path.is_file():
            with gzip.open(self.path, "rt", encoding="utf-8") as handle:
                self.data = json.load(handle)
        self.dirty = False
        self._nlp = None

    def segments(self, text: str) -> list:
        key = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if key not in self.data:
            from einfach import metrics
            from einfach.checker import check_document, make_pipeline
            from einfach.readers.text import document_from_text

            if self._nlp is None:
                self._nlp = make_pipeline("einfach")
            # The counts do not depend on the index model, and the model may not exist yet (a refit
            # after a change of the features): the checker runs with a neutral stand-in.
            with mock.patch.object(metrics, "index_model", neutral_model):
                result = check_document(document_from_text("<eval>", text), self._nlp)
            self.data[key] = [[s.words, s.fragment, s.counts] for s in result.segments]
            self.dirty = True
        return self.data[key]

    def save(self) -> None:
        if not (self.use_cache and self.dirty):
            return
        from einfach.atomic import write_atomic

        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, gzip.compress(json.dumps(self.data).encode("utf-8")))
        self.dirty = False
        for stale in self.path.parent.glob("*.json.gz"):  # counts of older code: never read again
            if stale != self.path:
                stale.unlink()
