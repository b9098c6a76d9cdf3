"""Fit the Einfach-Index and its bands; write src/einfach/data/index_model.json.

Run from the project root:

    python eval/fit_index.py              # cross-validate, fit, compute the bands, write the model
    python eval/fit_index.py --dry-run    # the same, print only
    python eval/fit_index.py --features word_load,nominal   # a sentence-model ablation (never writes)
    python eval/fit_index.py --document-features rating,passive_share   # a document-model ablation

Two linear models, both on features computed by einfach.metrics from the
checker's own analysis (the spaCy Doc), exactly as at run time:

1. **Sentence model** (:data:`FEATURES`): ordinary least squares of the
   TextComplexityDE rating (``../shared/data/textcomplexityde/ratings.csv``,
   710 sentences from 18 articles, ``MOS_Complexity`` 1–7) on standardised
   sentence features; cross-validated leave-one-article-out.  The sentence
   index maps the rating 1..7 linearly to 100..0.
2. **Document model** (:data:`DOCUMENT_FEATURES`): weighted least squares of
   the level of five classes of documents (eval/index_corpus.py: 5 = laws,
   4 = dense authority letters, 3 = standard German, 2 = Einfache Sprache,
   1 = Leichte Sprache; every class weighs the same) on document features,
   the first of which is the word-weighted mean of the sentence model's
   ratings.  The document index maps the level 1..5 linearly to 100..0.
   Held-out figures: 5 folds of source groups (a DEplain or Klexikon pair
   stays in one fold), seed :data:`SEED`.

**Bands** (:func:`band_cuts`): from the document indices of the classes, by
this rule, each cut a whole number:

* "sehr schwer" below c1 = the 80th percentile of the laws, rounded up;
* "schwer" below c2 = the 80th percentile of the dense letters, rounded up,
  but at least c1 + 10;
* "sehr verständlich" from c4 = the 20th percentile of Leichte Sprache,
  rounded down, but at most 90;
* "verständlich" from c3 = the 20th percentile of Einfache Sprache, rounded
  down, but at most c4 - 10;
* "mittel" between c2 and c3.  If c3 - c2 < 10, both move apart from their
  midpoint to 10 points and the script says which class loses by it.

So at least 80 % of the laws fall into "sehr schwer", of the dense letters
into "schwer" or harder, of Einfache Sprache into "verständlich" or easier and
of Leichte Sprache into "sehr verständlich" (unless a width rule moves a cut;
the confusion table shows what happens).  Standard German is not used for
the cuts; where it falls is reported.

The script skips cleanly when ``../shared/data`` is absent.  Document
features are cached (eval/index_corpus.py), so a refit takes seconds once
every document has been analysed (about a minute on an idle machine).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import math
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import index_corpus  # noqa: E402  (eval/ is not a package)
from einfach.bands import BAND_NAMES as BANDS_HARDEST_FIRST  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
RATINGS = DATA / "textcomplexityde" / "ratings.csv"
MODEL_PATH = ROOT / "src" / "einfach" / "data" / "index_model.json"

FEATURES = ["word_load", "nominal", "subordinators"]
DOCUMENT_FEATURES = ["rating", "log_sentence_words", "passive_share", "commas_per_sentence", "compound_share"]
LEVELS = {"leicht": 1, "einfach": 2, "standard": 3, "dicht": 4, "gesetz": 5}
BAND_NAMES = list(reversed(BANDS_HARDEST_FIRST))  # easiest first, as in the model file
TARGETS = {  # the class -> the bands it should fall into (issue 19)
    "gesetz": {"sehr schwer"},
    "dicht": {"sehr schwer", "schwer"},
    "standard": {"mittel"},
    "einfach": {"verständlich", "sehr verständlich"},
    "leicht": {"sehr verständlich"},
}
MIN_WIDTH = 10
SHARE = 0.8
SEED = index_corpus.SEED
FOLDS = 5


# -- statistics --------------------------------------------------------------
def ranks(values) -> np.ndarray:
    """Ranks with ties averaged (1-based)."""
    values = np.asarray(values, dtype=float)
    order = values.argsort(kind="mergesort")
    result = np.empty(len(values))
    result[order] = np.arange(1, len(values) + 1)
    _, inverse, counts = np.unique(values, return_inverse=True, return_counts=True)
    sums = np.bincount(inverse, weights=result)
    return (sums / counts)[inverse]


def spearman(a, b) -> float:
    return float(np.corrcoef(ranks(a), ranks(b))[0, 1])


def fit(X: np.ndarray, y: np.ndarray, weights: np.ndarray | None = None):
    """(Weighted) least squares on standardised columns: (means, scales, coefficients, intercept)."""
    means = X.mean(axis=0)
    scales = X.std(axis=0)
    scales[scales == 0] = 1.0
    Z = np.c_[np.ones(len(X)), (X - means) / scales]
    root = np.sqrt(weights if weights is not None else np.ones(len(X)))
    solution, *_ = np.linalg.lstsq(Z * root[:, None], y * root, rcond=None)
    return means, scales, solution[1:], float(solution[0])


def predict(X: np.ndarray, means, scales, coefficients, intercept) -> np.ndarray:
    return intercept + ((X - means) / scales) @ coefficients


def bootstrap_interval(predicted, y, groups, rounds: int = 1000, seed: int = 4) -> tuple[float, float]:
    """95 % interval of the pooled rho, resampling whole articles (the unit of the grouped CV)."""
    rng = np.random.default_rng(seed)
    names = sorted(set(groups))
    members = {name: np.flatnonzero(np.array(groups) == name) for name in names}
    values = []
    for _ in range(rounds):
        chosen = np.concatenate([members[name] for name in rng.choice(names, size=len(names), replace=True)])
        values.append(spearman(predicted[chosen], y[chosen]))
    return float(np.percentile(values, 2.5)), float(np.percentile(values, 97.5))


# -- data --------------------------------------------------------------------
def load_ratings() -> list[dict]:
    with RATINGS.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def analyse(texts: list[str]):
    """Per text: (counts of the whole text, [(words, counts) per complete sentence])."""
    from einfach.checker import FINITE, make_pipeline
    from einfach.metrics import add_counts, passive_sentences, sentence_counts

    nlp = make_pipeline("einfach")
    result = []
    for doc in nlp.pipe(texts, batch_size=64):
        passive = passive_sentences(doc)
        per_sentence = []
        for sentence in doc.sents:
            counts = sentence_counts(sentence, sentence.start in passive)
            if not counts["words"]:
                continue
            complete = any(t.tag_ in FINITE for t in sentence)
            per_sentence.append((counts, complete))
        whole = add_counts(c for c, _ in per_sentence)
        whole["passive"] = min(whole["passive"], 1)
        whole["sentences"] = 1
        result.append((whole, [(c["words"], c) for c, complete in per_sentence if complete]))
    return result


def feature_matrix(counts_list, names) -> np.ndarray:
    from einfach.metrics import features

    return np.array([[features(c)[n] for n in names] for c in counts_list], dtype=float)


def textstat_flesch(texts: list[str]):
    try:
        import textstat
    except ImportError:
        return None
    textstat.set_lang("de")
    return np.array([textstat.flesch_reading_ease(t) for t in texts], dtype=float)


# -- sentence model ------------------------------------------------------------------
def grouped_cv(X, y, groups, runtime_units):
    """Leave-one-article-out predictions: per text, and as at run time (per sentence, word-weighted)."""
    from einfach.metrics import features

    pooled = np.empty(len(y))
    runtime = np.full(len(y), np.nan)
    folds = []
    for group in sorted(set(groups), key=lambda g: int(g) if g.isdigit() else g):
        test = np.array([g == group for g in groups])
        model = fit(X[~test], y[~test])
        pooled[test] = predict(X[test], *model)
        for position in np.flatnonzero(test):
            units = runtime_units[position]
            if units:
                Xs = np.array([[features(c)[n] for n in FEATURES] for _, c in units])
                predicted = predict(Xs, *model)
                weights = np.array([w for w, _ in units], dtype=float)
                runtime[position] = float((predicted * weights).sum() / weights.sum())
        folds.append((group, int(test.sum()), model, test))
    return pooled, runtime, folds


def sentence_part(verbose: bool = True) -> tuple[dict, dict]:
    """Cross-validate and fit the sentence model: (part of the model file, summary figures)."""
    from einfach.metrics import readability

    rows = load_ratings()
    texts = [r["Sentence"] for r in rows]
    y = np.array([float(r["MOS_Complexity"]) for r in rows])
    groups = [r["Article_ID"] for r in rows]
    titles = {r["Article_ID"]: r["Article"] for r in rows}
    analysed = analyse(texts)
    whole = [w for w, _ in analysed]
    units = [u for _, u in analysed]
    X = feature_matrix(whole, FEATURES)
    pooled, runtime, folds = grouped_cv(X, y, groups, units)
    words = np.array([c["words"] for c in whole], dtype=float)
    flesch = np.array([readability(c)["flesch_amstad"] for c in whole])
    ts_flesch = textstat_flesch(texts)

    print(f"TextComplexityDE: {len(rows)} sentences, {len(set(groups))} articles; "
          f"sentence features: {', '.join(FEATURES)}")
    print("\nLeave-one-article-out cross-validation, Spearman rho with MOS_Complexity")
    print("(index = - predicted rating; word count and Flesch signs flipped so that higher = agrees)\n")
    header = f"{'article':<44} {'n':>3} {'index':>6} {'words':>6} {'Flesch':>6}"
    if ts_flesch is not None:
        header += f" {'textstat':>8}"
    if verbose:
        print(header)
    fold_rows = []
    for group, n, _, test in folds:
        line = (group, titles[group], n, spearman(pooled[test], y[test]), spearman(words[test], y[test]),
                -spearman(flesch[test], y[test]),
                -spearman(ts_flesch[test], y[test]) if ts_flesch is not None else None)
        fold_rows.append(line)
        text = f"{group + ' ' + line[1][:40]:<44} {n:>3} {line[3]:>6.3f} {line[4]:>6.3f} {line[5]:>6.3f}"
        if ts_flesch is not None:
            text += f" {line[6]:>8.3f}"
        if verbose:
            print(text)
    summary = {
        "index_pooled": spearman(pooled, y),
        "index_fold_mean": float(np.mean([f[3] for f in fold_rows])),
        "index_fold_min": float(np.min([f[3] for f in fold_rows])),
        "words_pooled": spearman(words, y),
        "words_fold_mean": float(np.mean([f[4] for f in fold_rows])),
        "flesch_amstad_pooled": -spearman(flesch, y),
        "flesch_amstad_fold_mean": float(np.mean([f[5] for f in fold_rows])),
    }
    if ts_flesch is not None:
        summary["textstat_flesch_pooled"] = -spearman(ts_flesch, y)
        summary["textstat_flesch_fold_mean"] = float(np.mean([f[6] for f in fold_rows]))
    low, high = bootstrap_interval(pooled, y, groups)
    summary["index_pooled_ci95"] = [round(low, 3), round(high, 3)]
    known = ~np.isnan(runtime)
    summary["index_runtime_pooled"] = spearman(runtime[known], y[known])
    summary["runtime_sentences"] = int(known.sum())
    print()
    print(f"sentence index (held-out, pooled over all folds): rho = {summary['index_pooled']:.3f} "
          f"[95 % article bootstrap {low:.3f}, {high:.3f}]; "
          f"mean over folds {summary['index_fold_mean']:.3f} (lowest {summary['index_fold_min']:.3f})")
    print(f"as at run time (sentences of each text, word-weighted; {known.sum()} texts with a complete sentence): "
          f"rho = {summary['index_runtime_pooled']:.3f}")
    print(f"word count alone: rho = {summary['words_pooled']:.3f} (fold mean {summary['words_fold_mean']:.3f})")
    print(f"einfach Flesch-Amstad: |rho| = {summary['flesch_amstad_pooled']:.3f} "
          f"(fold mean {summary['flesch_amstad_fold_mean']:.3f})")
    if ts_flesch is not None:
        print(f"textstat Flesch (de): |rho| = {summary['textstat_flesch_pooled']:.3f} "
              f"(fold mean {summary['textstat_flesch_fold_mean']:.3f})")
    if verbose:
        from einfach.metrics import features

        print("\nsingle sentence features, Spearman rho with MOS_Complexity (all sentences, no fitting):")
        for name in features(whole[0]):
            print(f"  {name:<20} {spearman(feature_matrix(whole, [name])[:, 0], y):+.3f}")
    means, scales, coefficients, intercept = fit(X, y)
    part = _part(FEATURES, means, scales, coefficients, intercept, None)  # mapping: sentence_mapping()
    fitted = predict(X, means, scales, coefficients, intercept)
    print(f"\nsentence model fitted on all {len(y)} sentences (in-sample rho {spearman(fitted, y):.3f}):")
    _print_part(part)
    summary["sentences"] = len(rows)
    summary["articles"] = len(set(groups))
    part["_held_out"] = (pooled, y)  # for the figure on the final index scale (removed before writing)
    return part, summary


def sentence_mapping(rows: list[dict], index: np.ndarray) -> dict:
    """The sentence index line: least squares of the documents' index on their mean sentence rating,
    each class weighted equally (the rule of docs/index.md)."""
    labels = np.array([r["label"] for r in rows])
    weights = np.array([1.0 / (labels == label).sum() for label in labels])
    ratings = np.array([r["rating"] for r in rows])
    Z = np.c_[np.ones(len(ratings)), ratings] * np.sqrt(weights)[:, None]
    (intercept, slope), *_ = np.linalg.lstsq(Z, index * np.sqrt(weights), rcond=None)
    return {"intercept": round(float(intercept), 4), "slope": round(float(slope), 4)}


def _part(names, means, scales, coefficients, intercept, mapping) -> dict:
    return {
        "features": list(names),
        "means": [round(float(v), 6) for v in means],
        "scales": [round(float(v), 6) for v in scales],
        "coefficients": [round(float(v), 6) for v in coefficients],
        "intercept": round(float(intercept), 6),
        "mapping": mapping,
    }


def _print_part(part: dict) -> None:
    for name, mean, scale, coefficient in zip(part["features"], part["means"], part["scales"], part["coefficients"]):
        print(f"  {name:<28} mean {mean:9.4f}  scale {scale:9.4f}  coefficient {coefficient:+.4f}")
    print(f"  intercept {part['intercept']:.4f}")


# -- document model ------------------------------------------------------------------
def document_rows(cache, model: dict) -> list[dict]:
    """Per document of the classes: name, class, group, summed counts and mean sentence rating."""
    rows = []
    for label, documents in index_corpus.classes().items():
        for name, text in documents:
            row = summarise(cache.segments(text), model)
            if row is not None:
                row.update(name=name, label=label, group=_group(name))
                rows.append(row)
    cache.save()
    return rows


def summarise(segments: list, model: dict) -> dict | None:
    """The sums :class:`einfach.metrics.MetricsAccumulator` keeps: counts of the complete sentences and
    their word-weighted mean rating; None without a complete sentence."""
    from einfach.metrics import add_counts, predict_rating

    complete = [(words, counts) for words, fragment, counts in segments if not fragment and counts is not None]
    if not complete:
        return None
    total = sum(words for words, _ in complete)
    rating = sum(words * predict_rating(counts, model) for words, counts in complete) / total
    return {"counts": add_counts(counts for _, counts in complete), "rating": rating}


def _source(name: str) -> str:
    """"corpus/original", "amt24", "deplain", "klexikon/wiki", ...: where a document of a class comes from."""
    parts = name.split("/")
    if parts[0] == "corpus":
        return "/".join(parts[:2])
    if parts[0] == "klexikon":
        return "klexikon/" + parts[-1]
    return parts[0]


def _group(name: str) -> str:
    for suffix in ("/wiki", "/klexikon"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def document_matrix(rows: list[dict], names: list[str]) -> np.ndarray:
    from einfach.metrics import document_features

    return np.array([[document_features(r["counts"], r["rating"])[n] for n in names] for r in rows], dtype=float)


def to_index(level: np.ndarray, mapping: dict) -> np.ndarray:
    easiest, hardest = mapping["easiest"], mapping["hardest"]
    return np.clip(100.0 * (hardest - level) / (hardest - easiest), 0.0, 100.0)


def document_part(rows: list[dict]) -> tuple[dict, np.ndarray, np.ndarray]:
    """Fit the document model on all rows: (part of the model file, in-sample index, held-out index).

    The mapping to 0..100 puts level 1 (Leichte Sprache) at 100 and level 5 (laws) at 0: a class
    step is 25 points.  Documents beyond the typical law or Leichte Sprache text are clipped.
    (Mapping the easiest and hardest fitted document instead was tried: one outlier at each end
    squeezed the classes into 7 points apart, too close for bands of 10 points.)
    """
    X = document_matrix(rows, DOCUMENT_FEATURES)
    labels = np.array([r["label"] for r in rows])
    y = np.array([LEVELS[label] for label in labels], dtype=float)
    weights = np.array([1.0 / (labels == label).sum() for label in labels])
    means, scales, coefficients, intercept = fit(X, y, weights)
    fitted = predict(X, means, scales, coefficients, intercept)
    mapping = {"easiest": float(LEVELS["leicht"]), "hardest": float(LEVELS["gesetz"])}
    groups = sorted({r["group"] for r in rows})
    fold_of = dict(zip(groups, np.random.default_rng(SEED).permutation(len(groups)) % FOLDS))
    folds = np.array([fold_of[r["group"]] for r in rows])
    held_out = np.empty(len(rows))
    for fold in range(FOLDS):
        test = folds == fold
        held_out[test] = to_index(predict(X[test], *fit(X[~test], y[~test], weights[~test])), mapping)
    part = _part(DOCUMENT_FEATURES, means, scales, coefficients, intercept, mapping)
    return part, to_index(fitted, mapping), held_out


# -- bands ---------------------------------------------------------------------------
def band_cuts(index: np.ndarray, labels: np.ndarray) -> tuple[list[list], list[str]]:
    """The rule of the module docstring: ([[lower, name], ...] easiest first, notes)."""
    def percentile(label, q):
        return float(np.percentile(index[labels == label], q))

    notes = []
    c1 = math.ceil(percentile("gesetz", 100 * SHARE))
    c1 = min(max(c1, MIN_WIDTH), 100 - 4 * MIN_WIDTH)
    c2 = max(math.ceil(percentile("dicht", 100 * SHARE)), c1 + MIN_WIDTH)
    c4 = min(math.floor(percentile("leicht", 100 * (1 - SHARE))), 100 - MIN_WIDTH)
    c3 = min(math.floor(percentile("einfach", 100 * (1 - SHARE))), c4 - MIN_WIDTH)
    if c3 - c2 < MIN_WIDTH:
        middle = (c2 + c3) / 2
        c2, c3 = math.floor(middle - MIN_WIDTH / 2), math.floor(middle - MIN_WIDTH / 2) + MIN_WIDTH
        c1, c4 = min(c1, c2 - MIN_WIDTH), max(c4, c3 + MIN_WIDTH)
        notes.append(f"'mittel' was narrower than {MIN_WIDTH} points: the cuts moved apart to {c1}, {c2}, {c3}, "
                     f"{c4}, so less than 80 % of a class may reach its band (see the table)")
    cuts = [c4, c3, c2, c1, 0]
    widths = [upper - lower for upper, lower in zip([100] + cuts, cuts)]
    if min(widths) < MIN_WIDTH:
        raise SystemExit(f"no bands of {MIN_WIDTH} points fit these classes (cuts {cuts}): the index does not "
                         "separate them; refit before writing a model")
    return [[cut, name] for cut, name in zip(cuts, BAND_NAMES)], notes


def band_of(value: float, bands: list[list]) -> str:
    for lower, name in bands:
        if value >= lower:
            return name
    return bands[-1][1]


def confusion(index: np.ndarray, labels: np.ndarray, bands: list[list]) -> list[dict]:
    table = []
    for label in index_corpus.CLASSES:
        values = index[labels == label]
        named = [band_of(round(float(v), 1), bands) for v in values]
        counts = {name: named.count(name) for name in reversed(BAND_NAMES)}
        table.append({
            "class": label,
            "documents": len(values),
            "median": round(float(np.median(values)), 1),
            "bands": counts,
            "in_target": round(sum(counts[name] for name in TARGETS[label]) / len(values), 3),
        })
    return table


def confusion_markdown(table: list[dict]) -> str:
    header = "| class | documents | median index | " + " | ".join(reversed(BAND_NAMES)) + " | in its target band |"
    lines = [header, "|---|---:|---:|" + "---:|" * len(BAND_NAMES) + "---:|"]
    for row in table:
        cells = " | ".join(f"{row['bands'][name]}" for name in reversed(BAND_NAMES))
        target = " or ".join(name for name in reversed(BAND_NAMES) if name in TARGETS[row["class"]])
        lines.append(f"| {index_corpus.CLASS_NAMES[row['class']]} | {row['documents']} | {row['median']:.1f} | {cells} | "
                     f"{100 * row['in_target']:.0f} % ({target}) |")
    return "\n".join(lines)


# -- simplification pairs -----------------------------------------------------------------
def pair_figures(cache, model: dict) -> dict:
    """Share of simplification pairs whose plain side gets the higher document index (as at run time)."""
    from einfach.metrics import document_index

    def value(text):
        row = summarise(cache.segments(text), model)
        return None if row is None else document_index(row["counts"], row["rating"], model)

    result = {}
    for name, pairs in (("DEplain-web documents (all pairs)", index_corpus.deplain_pairs(None)),
                        (f"Klexikon vs. Wikipedia ({index_corpus.KLEXIKON_PAIR_SAMPLE} sampled pairs)",
                         index_corpus.klexikon_pairs(index_corpus.KLEXIKON_PAIR_SAMPLE))):
        plain, original = [], []
        for _, simple_text, complex_text in pairs:
            a, b = value(simple_text), value(complex_text)
            if a is not None and b is not None:
                plain.append(a)
                original.append(b)
        cache.save()
        plain_arr, original_arr = np.array(plain), np.array(original)
        result[name] = {
            "pairs": len(plain), "of": len(pairs),
            "plain_easier": round(float(np.mean(plain_arr > original_arr)), 3),
            "mean_plain": round(float(plain_arr.mean()), 1), "mean_original": round(float(original_arr.mean()), 1),
        }
    return result


# -- main -------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dry-run", action="store_true", help="do not write the model file")
    parser.add_argument("--output", type=Path, default=MODEL_PATH)
    parser.add_argument("--features", help="comma-separated sentence features (ablation; implies --dry-run)")
    parser.add_argument("--document-features", help="comma-separated document features (ablation; implies --dry-run)")
    parser.add_argument("--no-cache", action="store_true", help="analyse every document again")
    parser.add_argument("--brief", action="store_true", help="leave out the per-article table")
    args = parser.parse_args(argv)
    if args.features:
        FEATURES[:] = args.features.split(",")
        args.dry_run = True
    if args.document_features:
        DOCUMENT_FEATURES[:] = args.document_features.split(",")
        args.dry_run = True
    if not RATINGS.is_file() or not index_corpus.available():
        print(f"skipped: {DATA} is incomplete (the evaluation data is not part of the repository)")
        return 0

    sentence, summary = sentence_part(verbose=not args.brief)
    cache = index_corpus.SegmentCache(use_cache=not args.no_cache)
    provisional = {"sentence": sentence}
    rows = document_rows(cache, provisional)
    document, fitted, held_out = document_part(rows)
    labels = np.array([r["label"] for r in rows])
    sentence["mapping"] = sentence_mapping(rows, fitted)
    pooled, y = sentence.pop("_held_out")
    on_scale = np.clip(sentence["mapping"]["intercept"] + sentence["mapping"]["slope"] * pooled, 0, 100)
    summary["index_pooled_on_scale"] = -spearman(on_scale, y)
    summary["clipped_share"] = float(np.mean((on_scale == 0) | (on_scale == 100)))
    print(f"\nsentence index = {sentence['mapping']['intercept']} + {sentence['mapping']['slope']} x rating, clipped "
          f"to 0..100; held-out rho on this scale (clipped ties included) {summary['index_pooled_on_scale']:.3f}; "
          f"{100 * summary['clipped_share']:.1f} % of the rated sentences at 0 or 100")
    print(f"\ndocument model: {len(rows)} documents "
          + ", ".join(f"{label} {int((labels == label).sum())}" for label in index_corpus.CLASSES)
          + f"; features: {', '.join(DOCUMENT_FEATURES)}")
    _print_part(document)
    bands, notes = band_cuts(fitted, labels)
    print("\nbands (lower bound, name): " + "; ".join(f"{lower} {name}" for lower, name in bands))
    for note in notes:
        print("note: " + note)
    table = confusion(fitted, labels, bands)
    print("\nclasses and bands (the fitted model, in-sample):\n")
    print(confusion_markdown(table))
    print("\nmedian document index per class and source:\n")
    print("| class | source | documents | median index | range |\n|---|---|---:|---:|---|")
    for label in index_corpus.CLASSES:
        sources = sorted({_source(r["name"]) for r, lab in zip(rows, labels) if lab == label})
        for source in sources:
            values = np.array([v for r, v, lab in zip(rows, fitted, labels) if lab == label and _source(r["name"]) == source])
            print(f"| {label} | {source} | {len(values)} | {np.median(values):.1f} | {values.min():.1f}–{values.max():.1f} |")
    held_table = confusion(held_out, labels, bands)
    print(f"\nthe same with held-out document indices ({FOLDS} folds of source groups, seed {SEED}):\n")
    print(confusion_markdown(held_table))
    model = build_model(sentence, document, bands, summary, table, held_table)
    pairs = pair_figures(cache, model)
    print("\nsimplification pairs, document index as at run time:")
    for name, figures in pairs.items():
        print(f"  {name}: {figures['pairs']} of {figures['of']} pairs with an index on both sides; plain easier in "
              f"{100 * figures['plain_easier']:.1f} %; mean plain {figures['mean_plain']}, "
              f"original {figures['mean_original']}")
    model["training"]["pairs"] = pairs
    print(f"\nindex_version {model['index_version']}")
    if args.dry_run:
        print("--dry-run: model not written")
    else:
        from einfach.atomic import write_atomic

        write_atomic(args.output, json.dumps(model, ensure_ascii=False, indent=2) + "\n")
        print(f"written: {args.output}")
    return 0


def build_model(sentence: dict, document: dict, bands: list, summary: dict, table: list, held_table: list) -> dict:
    import einfach
    from einfach.metrics import FEATURE_VERSION

    core = {"sentence": sentence, "document": document, "bands": bands, "feature_version": FEATURE_VERSION}
    digest = hashlib.sha256(json.dumps(core, sort_keys=True).encode("utf-8")).hexdigest()[:8]
    return {
        "index_version": f"{FEATURE_VERSION}.{digest}",
        **core,
        "description": (
            "Sentence index: predicted complexity rating (1 = very easy ... 7 = very hard) = intercept + sum of "
            "coefficient * (feature - mean) / scale over metrics.features(); sentence index = sentence.mapping "
            "intercept + slope * rating (least squares of the class documents' index on their mean rating), "
            "clipped to 0..100. Document index: predicted level (1 = Leichte Sprache ... 5 = laws) = the same "
            "linear form over metrics.document_features() of the complete sentences; index = 100 * (5 - level) / 4, "
            "clipped. "
            "Bands: [lower bound, name], easiest first, computed by eval/fit_index.py (band_cuts)."
        ),
        "training": {
            "sentence": {
                "data": "TextComplexityDE ratings.csv (MOS_Complexity)",
                "method": "ordinary least squares on standardised features (numpy)",
                "cross_validation": "leave-one-article-out (grouped by Article_ID)",
                "spearman": {k: round(v, 3) if isinstance(v, float) else v for k, v in summary.items()},
            },
            "document": {
                "data": "eval/index_corpus.py classes (../shared/data and corpus/), seed "
                        f"{SEED}: " + "; ".join(f"{LEVELS[c]} = {index_corpus.CLASS_NAMES[c]}"
                                               for c in index_corpus.CLASSES),
                "method": "least squares on standardised features, each class weighted equally (numpy)",
                "classes": table,
                "classes_held_out": held_table,
            },
            "fitted": dt.date.today().isoformat(),
            "einfach": einfach.__version__,
            "wordfreq": _version("wordfreq"),
            "HanTa": _version("HanTa"),
            "command": "python eval/fit_index.py",
        },
    }


def _version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "unknown"


if __name__ == "__main__":
    sys.exit(main())
