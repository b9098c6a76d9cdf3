"""Fit the Einfach-Index on TextComplexityDE and write src/einfach/data/index_model.json.

Run from the project root:

    python eval/fit_index.py              # cross-validate, fit, write the model
    python eval/fit_index.py --dry-run    # cross-validate and print only
    python eval/fit_index.py --compare    # also: plain vs. original texts (DEplain-web, Klexikon)

Data: ../shared/data/textcomplexityde/ratings.csv (710 sentences from 18
articles, rated by learners on a 1–7 complexity scale, column MOS_Complexity).
The script skips cleanly when the folder is absent (a user's clone has no data).

Every sentence runs through einfach's default pipeline (HanTa tagger, einfach's
tokens and segmenter), and its features are computed by einfach.metrics exactly
as at run time.  The model is ordinary least squares on standardised features;
it is cross-validated leave-one-article-out (grouped by Article_ID) and then
fitted on all sentences.  Baselines: the word count alone, einfach's
Flesch-Amstad, and textstat's Flesch reading ease (German) if textstat is
installed (it is not a dependency of einfach).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
RATINGS = DATA / "textcomplexityde" / "ratings.csv"
MODEL_PATH = ROOT / "src" / "einfach" / "data" / "index_model.json"

FEATURES = ["word_load", "nominal", "log_words"]
MAPPING = {"rating_easiest": 1.0, "rating_hardest": 7.0}
BANDS = [[80, "sehr leicht"], [60, "leicht"], [40, "mittel"], [20, "schwer"], [0, "sehr schwer"]]


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


def fit(X: np.ndarray, y: np.ndarray):
    """Least squares on standardised columns: (means, scales, coefficients, intercept)."""
    means = X.mean(axis=0)
    scales = X.std(axis=0)
    scales[scales == 0] = 1.0
    Z = np.c_[np.ones(len(X)), (X - means) / scales]
    weights, *_ = np.linalg.lstsq(Z, y, rcond=None)
    return means, scales, weights[1:], float(weights[0])


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


# -- cross-validation ----------------------------------------------------------
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dry-run", action="store_true", help="do not write the model file")
    parser.add_argument("--output", type=Path, default=MODEL_PATH)
    parser.add_argument("--compare", action="store_true", help="plain vs. original texts (DEplain-web, Klexikon)")
    parser.add_argument("--features", help="comma-separated feature names (ablation; implies --dry-run)")
    args = parser.parse_args(argv)
    if args.features:
        FEATURES[:] = args.features.split(",")
        args.dry_run = True

    if not RATINGS.is_file():
        print(f"skipped: {RATINGS} not found (the evaluation data is not part of the repository)")
        return 0

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
    from einfach.metrics import readability

    flesch = np.array([readability(c)["flesch_amstad"] for c in whole])
    ts_flesch = textstat_flesch(texts)

    print(f"TextComplexityDE: {len(rows)} sentences, {len(set(groups))} articles; "
          f"features: {', '.join(FEATURES)}")
    print("\nLeave-one-article-out cross-validation, Spearman rho with MOS_Complexity")
    print("(index = − predicted rating; word count and Flesch signs flipped so that higher = agrees)\n")
    header = f"{'article':<44} {'n':>3} {'index':>6} {'words':>6} {'Flesch':>6}"
    if ts_flesch is not None:
        header += f" {'textstat':>8}"
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
    print(f"index (held-out, pooled over all folds): rho = {summary['index_pooled']:.3f} "
          f"[95 % article bootstrap {low:.3f}, {high:.3f}]; "
          f"mean over folds {summary['index_fold_mean']:.3f} (lowest {summary['index_fold_min']:.3f})")
    print(f"index as at run time (sentences of each text, word-weighted; {known.sum()} texts with a complete sentence): "
          f"rho = {summary['index_runtime_pooled']:.3f}")
    print(f"word count alone: rho = {summary['words_pooled']:.3f} (fold mean {summary['words_fold_mean']:.3f})")
    print(f"einfach Flesch-Amstad: |rho| = {summary['flesch_amstad_pooled']:.3f} "
          f"(fold mean {summary['flesch_amstad_fold_mean']:.3f})")
    if ts_flesch is not None:
        print(f"textstat Flesch (de): |rho| = {summary['textstat_flesch_pooled']:.3f} "
              f"(fold mean {summary['textstat_flesch_fold_mean']:.3f})")
    else:
        print("textstat baseline skipped: textstat is not installed (pip install textstat)")

    print("\nsingle features, Spearman rho with MOS_Complexity (all sentences, no fitting):")
    for name in ("log_words", "word_load", "nominal", "syllables_per_word", "long_word_share", "rare_word_share", "passive"):
        print(f"  {name:<20} {spearman(feature_matrix(whole, [name])[:, 0], y):+.3f}")

    means, scales, coefficients, intercept = fit(X, y)
    model = build_model(means, scales, coefficients, intercept, summary, len(rows), len(set(groups)))
    print("\nmodel fitted on all sentences (standardised coefficients, rating points per standard deviation):")
    for name, mean, scale, coefficient in zip(FEATURES, model["means"], model["scales"], model["coefficients"]):
        print(f"  {name:<12} mean {mean:8.4f}  scale {scale:8.4f}  coefficient {coefficient:+.4f}")
    print(f"  intercept {model['intercept']:.4f}; index_version {model['index_version']}")
    fitted = predict(X, means, scales, coefficients, intercept)
    print(f"  in-sample rho {spearman(fitted, y):.3f}; predicted ratings {fitted.min():.2f} … {fitted.max():.2f}")

    if args.dry_run:
        print("\n--dry-run: model not written")
    else:
        args.output.write_text(json.dumps(model, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"\nwritten: {args.output}")
    if args.compare:
        compare_plain(args.output if not args.dry_run else None)
    return 0


def build_model(means, scales, coefficients, intercept, summary, sentences, articles) -> dict:
    import einfach
    from einfach.metrics import FEATURE_VERSION

    core = {
        "features": FEATURES,
        "means": [round(float(v), 6) for v in means],
        "scales": [round(float(v), 6) for v in scales],
        "coefficients": [round(float(v), 6) for v in coefficients],
        "intercept": round(float(intercept), 6),
        "mapping": MAPPING,
        "bands": BANDS,
        "feature_version": FEATURE_VERSION,
    }
    digest = hashlib.sha256(json.dumps(core, sort_keys=True).encode("utf-8")).hexdigest()[:8]
    return {
        "index_version": f"{FEATURE_VERSION}.{digest}",
        **core,
        "description": (
            "Predicted complexity rating (1 = very easy ... 7 = very hard) = intercept + sum of "
            "coefficient * (feature - mean) / scale; index = 100 * (7 - rating) / 6, clipped to 0..100. "
            "Features per sentence: log_words = ln(words); word_load = ln(1 + sum over words with "
            "syllables, names excluded, of max(0, 6 - Zipf frequency)); nominal = nouns in -ung, -heit, "
            "-keit, -ion, -nis, -tät and nominalised infinitives."
        ),
        "training": {
            "data": "TextComplexityDE ratings.csv (MOS_Complexity)",
            "sentences": sentences,
            "articles": articles,
            "method": "ordinary least squares on standardised features (numpy)",
            "cross_validation": "leave-one-article-out (grouped by Article_ID)",
            "spearman": {key: round(value, 3) if isinstance(value, float) else value for key, value in summary.items()},
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


# -- plain vs. original ----------------------------------------------------------
def compare_plain(model_path: Path | None) -> None:
    """Mean document index of plain texts and their originals (DEplain-web, Klexikon)."""
    import einfach.metrics

    if model_path is None:
        print("\ncomparison uses the installed model file (the fitted one was not written)")
    einfach.metrics.index_model.cache_clear()
    pairs = {"DEplain-web (documents, all splits)": _deplain_pairs(), "Klexikon vs. Wikipedia (test)": _klexikon_pairs()}
    for name, items in pairs.items():
        if items is None:
            print(f"\n{name}: skipped (data not found)")
            continue
        plain, original = [], []
        for simple_text, complex_text in items:
            a, b = _document_figures(simple_text), _document_figures(complex_text)
            if a[0] is not None and b[0] is not None:
                plain.append(a)
                original.append(b)
        plain_arr, original_arr = np.array(plain, dtype=float), np.array(original, dtype=float)
        easier = float(np.mean(plain_arr[:, 0] > original_arr[:, 0]))
        flesch_easier = float(np.mean(plain_arr[:, 1] > original_arr[:, 1]))
        print(f"\n{name}: {len(plain)} pairs")
        print(f"  Einfach-Index: mean plain {plain_arr[:, 0].mean():.1f}, original {original_arr[:, 0].mean():.1f}; "
              f"plain easier in {easier:.1%} of pairs")
        print(f"  Flesch-Amstad: mean plain {plain_arr[:, 1].mean():.1f}, original {original_arr[:, 1].mean():.1f}; "
              f"plain easier in {flesch_easier:.1%} of pairs")


def _document_figures(text: str):
    """(Einfach-Index, Flesch-Amstad) of a document, as ``einfach check`` computes them."""
    from einfach.checker import check_document, make_pipeline
    from einfach.readers.text import document_from_text

    metrics = check_document(document_from_text("<text>", text), make_pipeline("einfach")).metrics
    return metrics["index"]["value"], metrics["flesch_amstad"]


def _deplain_pairs():
    folder = DATA / "deplain_web" / "document"
    if not folder.is_dir():
        return None
    csv.field_size_limit(sys.maxsize)
    pairs = []
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                pairs.append((row["simplification"], row["original"]))
    return pairs


def _klexikon_pairs():
    folder = DATA / "klexikon" / "test"
    if not (folder / "klexikon").is_dir():
        return None
    pairs = []
    for path in sorted((folder / "klexikon").glob("*.txt")):
        wiki = folder / "wiki" / path.name
        if wiki.is_file():
            pairs.append((path.read_text(encoding="utf-8"), wiki.read_text(encoding="utf-8")))
    return pairs


if __name__ == "__main__":
    sys.exit(main())
