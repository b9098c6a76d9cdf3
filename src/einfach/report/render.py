"""The corpus report: what the history says about one run compared with another.

:func:`build_report` reads two runs (the *current* one and the one *before*
it, by default the previous run) plus the first run from the history and
returns plain data (also the content of ``report.json``).  The renderers
turn it into ``report.html`` (self-contained, printable, readable without
JavaScript), ``report.md`` (a summary for a wiki or a merge request) and
``documents.csv`` (the per-document table).

Headline: the corpus's Einfach-Index, the word-weighted mean of the
document indexes.  Runs without an index (an older einfach, or documents
without a complete sentence) fall back to findings per 1,000 words, and the
report says so.
"""

from __future__ import annotations

import csv
import io
import json
from functools import lru_cache

from .. import __version__
from ..bands import sentence_for_profile
from . import charts
from .history import History, utc_now
from .scan import display_key
from .worker import all_buckets, bucket_label

REPORT_SCHEMA = "einfach-report/1"
CHART_RULES = 6  # lines in the rules chart (all rules are in its table)
TABLE_RUNS = 8  # runs shown as columns of the rules table (else first, before, now)
TOP_TERMS = 20
HTML_DOCUMENTS = 2000  # rows of the page's document table (all rows are in documents.csv and report.json)
MARKDOWN_DOCUMENTS = 10


# -- data ----------------------------------------------------------------------
def when(stamp: str | None) -> str:
    """2026-01-31T09:05:00Z -> 2026-01-31 09:05 UTC."""
    if not stamp:
        return "–"
    return stamp.replace("T", " ")[:16] + " UTC"


def run_label(run: dict | None) -> str:
    if run is None:
        return "–"
    return f"Lauf {run['id']}" + (f" „{run['label']}“" if run.get("label") else "")


def _short_label(run: dict) -> str:
    return run["label"] or f"Lauf {run['id']}"


def _run_view(run: dict | None) -> dict | None:
    if run is None:
        return None
    keys = ("id", "label", "started_at", "finished_at", "einfach_version", "profile", "model", "settings_hash",
            "index_version", "root", "pseudonymised", "snippets", "group_by", "documents", "failed", "skipped",
            "words", "sentences", "findings", "corpus_index", "findings_per_1000", "corpus_band", "skipped_files")
    view = {key: run.get(key) for key in keys}
    view["name"] = run_label(run)
    return view


def _per_1000(findings, words):
    return round(1000.0 * findings / words, 1) if words else None


def _change(now, before):
    return None if now is None or before is None else round(now - before, 1)


@lru_cache(maxsize=1)
def _rule_titles() -> dict[str, str]:
    try:
        from ..rules.loader import load_rules

        return {rule_id: rule.title for rule_id, rule in load_rules().items()}
    except Exception:  # pragma: no cover - titles are a nicety
        return {}


def build_report(history: History, current: dict, before: dict | None = None, *, compare: bool = False,
                 group_of=None, shared: bool = False) -> dict:
    """The report data for ``current`` against ``before`` (default: the previous run of the same folder).

    ``shared``: the history was named with ``--history`` (shared on purpose):
    when it holds no earlier run of this folder, the run before is compared,
    with a note that it scanned another folder (the before/after demo of
    ``docs/report.md``).  ``group_of``: recompute groups from the (plain)
    document keys; otherwise each document keeps the group recorded in the
    current run.
    """
    other_folder = False
    if before is None and not compare:
        # a history may hold runs of other folders (--history, or one written before issue 16)
        before = history.previous_run(current["id"], current.get("root_key"))
        if before is None and shared:
            before = history.previous_run(current["id"])
            other_folder = before is not None
    first = history.first_run(None if compare or other_folder else current.get("root_key"))
    all_runs = [run for run in history.runs() if run["id"] <= max(current["id"], before["id"] if before else 0)]
    has_index = current["corpus_index"] is not None
    report: dict = {
        "schema": REPORT_SCHEMA,
        "generated_at": utc_now(),
        "einfach_version": __version__,
        "history": str(history.path),
        "current": _run_view(current),
        "before": _run_view(before),
        "first": _run_view(first),
        "compare": compare,
        "warnings": [],
    }
    report["headline"] = _headline(current, before, first, has_index)
    run_versions_differ = bool(has_index and before is not None and before["index_version"]
                               and before["index_version"] != current["index_version"])
    if other_folder:
        report["warnings"].append(
            f"Verglichen wird mit {run_label(before)}, einem Lauf über einen anderen Ordner"
            f"{' (' + before['root'] + ')' if before.get('root') else ''}: die Historie enthält noch keinen "
            "früheren Lauf dieses Ordners."
        )
    if before is not None:
        # a run without documents has no document settings to differ in: no note then
        if before["settings_hash"] != current["settings_hash"] and before["documents"] and current["documents"]:
            report["warnings"].append(
                "Die beiden Läufe wurden mit unterschiedlichen Einstellungen, Regeln oder einfach-Versionen "
                "geprüft; ein Teil der Unterschiede kann daher kommen."
            )
        if run_versions_differ:
            report["warnings"].append(
                f"Der Einfach-Index stammt aus verschiedenen Modellversionen ({before['index_version']} und "
                f"{current['index_version']}); die Werte sind nur bedingt vergleichbar."
            )
        if before.get("key_id") != current.get("key_id") and (before["pseudonymised"] or current["pseudonymised"]):
            report["warnings"].append(
                "Die Dokumentnamen der beiden Läufe sind verschieden (mit und ohne --pseudonymise-paths oder mit "
                "verschiedenen Schlüsseln); Dokumente lassen sich daher nicht einander zuordnen."
            )
    report["rules"] = _rules(history, all_runs, current, before, first)
    report["sentence_lengths"] = _lengths(current, before)
    documents, removed, failures = _documents(history, current, before, has_index, group_of)
    spans = sorted({(d["_before_index_version"], d["_index_version"]) for d in documents
                    if d["_before_index_version"] and d["_index_version"]
                    and d["_before_index_version"] != d["_index_version"]})
    if spans and not run_versions_differ:  # the runs' own warning covers their documents
        versions = sorted({version for pair in spans for version in pair})
        report["warnings"].append(
            f"Der Einfach-Index mancher Dokumente stammt aus verschiedenen Modellversionen ({' und '.join(versions)}); "
            "ihre Änderungen sind nur bedingt vergleichbar."
        )
    report["documents"] = documents
    report["removed"] = removed
    report["failures"] = failures
    report["groups"] = _groups(documents, removed) if any(d["group"] for d in documents) else []
    report["terms"] = _terms(history, current, before)
    report["has_index"] = has_index
    return report


def _headline(current: dict, before: dict | None, first: dict | None, has_index: bool) -> dict:
    field = "corpus_index" if has_index else "findings_per_1000"
    now = current[field]
    previous = before[field] if before else None
    first_value = first[field] if first and first["id"] != current["id"] else None
    band = current.get("corpus_band") if has_index else None
    return {
        "band": band,
        "meaning": sentence_for_profile(band, current.get("profile")),
        "kind": "index" if has_index else "findings_per_1000",
        "title": "Einfach-Index des Korpus" if has_index else "Befunde je 1.000 Wörter",
        "higher_is_better": has_index,
        "now": now,
        "before": previous,
        "first": first_value,
        "change_before": _change(now, previous),
        "change_first": _change(now, first_value),
        "findings_per_1000": current["findings_per_1000"],
        "note": None if has_index else (
            "Für diesen Lauf gibt es keinen Einfach-Index (keine vollständigen Sätze oder eine einfach-Version "
            "ohne Index); die Hauptkennzahl sind daher die Befunde je 1.000 Wörter (weniger ist besser)."
        ),
    }


def _rules(history: History, runs: list[dict], current: dict, before: dict | None, first: dict | None) -> dict:
    totals = history.rule_totals()
    rules = sorted({rule for run in runs for rule in totals.get(run["id"], {})})
    now = totals.get(current["id"], {})
    series = {
        rule: [_per_1000(totals.get(run["id"], {}).get(rule, 0), run["words"]) for run in runs] for rule in rules
    }
    # highest rate in any run first: the chart shows both what improved and what is left
    ranked = sorted(rules, key=lambda r: (-max(v or 0 for v in series[r]), -now.get(r, 0), r))
    titles = _rule_titles()
    return {
        "runs": [{"id": run["id"], "label": run["label"], "name": _short_label(run)} for run in runs],
        "rules": [{"id": rule, "title": titles.get(rule, rule)} for rule in ranked],
        "series": series,
        "chart_rules": ranked[:CHART_RULES],
        "table_runs": [run["id"] for run in runs] if len(runs) <= TABLE_RUNS else sorted(
            {run["id"] for run in (first, before, current) if run is not None}),
    }


def _lengths(current: dict, before: dict | None) -> dict:
    buckets = all_buckets()
    now = [int(current["sentence_lengths"].get(b, 0)) for b in buckets]
    previous = [int(before["sentence_lengths"].get(b, 0)) for b in buckets] if before else None

    def shares(counts):
        total = sum(counts)
        return [round(100.0 * c / total, 1) if total else 0.0 for c in counts]

    return {
        "buckets": [bucket_label(b) for b in buckets],
        "now": now,
        "before": previous,
        "now_percent": shares(now),
        "before_percent": shares(previous) if previous else None,
    }


def _documents(history: History, current: dict, before: dict | None, has_index: bool, group_of):
    previous = {row["key"]: row for row in history.documents(before["id"], metrics=False)} if before else {}
    by_rule = history.findings_by_document(current["id"])
    rows, failures, seen = [], [], set()
    for row in history.documents(current["id"], metrics=False):
        key = row["key"]
        group = group_of(key) if group_of else row["group_name"]
        if row["status"] != "ok":
            failures.append({"key": key, "display": display_key(key), "group": group, "message": row["error"]})
            seen.add(key)
            continue
        old = previous.get(key)
        moved_from = None
        if old is None and row["moved_from"] and row["moved_from"] in previous:
            moved_from = row["moved_from"]
            old = previous[moved_from]
        seen.add(key)
        if moved_from:
            seen.add(moved_from)
        if old is not None and old["status"] != "ok":
            old = None
        fp_now = _per_1000(row["findings"], row["words"])
        fp_before = _per_1000(old["findings"], old["words"]) if old else None
        if before is None:
            status = "erster Lauf"
        elif moved_from:
            status = "verschoben"
        elif key not in previous:
            status = "neu"
        elif old is None:
            status = "neu lesbar"
        elif old["content_hash"] != row["content_hash"]:
            status = "geändert"
        else:
            status = "unverändert"
        rows.append({
            "key": key,
            "display": display_key(key),
            "group": group,
            "status": status,
            "version": row["version"],
            "content_hash": row["content_hash"],
            "moved_from": moved_from or row["moved_from"],
            "words": row["words"],
            "sentences": row["sentences"],
            "index": row["index_value"],
            "band": row["index_band"],
            "index_before": old["index_value"] if old else None,
            "index_change": _change(row["index_value"], old["index_value"] if old else None),
            "findings": row["findings"],
            "findings_per_1000": fp_now,
            "findings_per_1000_before": fp_before,
            "findings_per_1000_change": _change(fp_now, fp_before),
            "findings_by_rule": by_rule.get(row["document_id"], {}),
            "_before_words": old["words"] if old else None,
            "_before_findings": old["findings"] if old else None,
            "_before_index": old["index_value"] if old else None,
            "_index_version": row["index_version"],
            "_before_index_version": old["index_version"] if old else None,
        })
    removed = [
        {"key": key, "display": display_key(key),
         "group": (group_of(key) if group_of else old["group_name"]),
         "words": old["words"], "findings": old["findings"], "index": old["index_value"]}
        for key, old in previous.items() if key not in seen and old["status"] == "ok"
    ]
    if has_index:
        rows.sort(key=lambda d: (d["index_change"] is None, d["index_change"] if d["index_change"] is not None else 0,
                                 d["index"] if d["index"] is not None else 101, d["key"]))
    else:
        rows.sort(key=lambda d: (d["findings_per_1000_change"] is None, -(d["findings_per_1000_change"] or 0),
                                 -(d["findings_per_1000"] or 0), d["key"]))
    return rows, removed, failures


def _groups(documents: list[dict], removed: list[dict]) -> list[dict]:
    groups: dict[str, dict] = {}

    def entry(name):
        return groups.setdefault(name or "(ohne Gruppe)", {
            "group": name or "(ohne Gruppe)", "documents": 0, "words": 0, "findings": 0, "iw": 0, "isum": 0.0,
            "documents_before": 0, "words_before": 0, "findings_before": 0, "iw_before": 0, "isum_before": 0.0,
        })

    def add(g: dict, suffix: str, words, findings, index) -> None:
        """Count one document into a group's figures now (suffix "") or before ("_before")."""
        g["documents" + suffix] += 1
        g["words" + suffix] += words or 0
        g["findings" + suffix] += findings or 0
        if index is not None and words:
            g["iw" + suffix] += words
            g["isum" + suffix] += words * index

    for d in documents:
        g = entry(d["group"])
        add(g, "", d["words"], d["findings"], d["index"])
        if d["_before_words"] is not None:
            add(g, "_before", d["_before_words"], d["_before_findings"], d["_before_index"])
    for d in removed:
        add(entry(d["group"]), "_before", d["words"], d["findings"], d["index"])
    result = []
    for g in sorted(groups.values(), key=lambda g: g["group"]):
        index = round(g["isum"] / g["iw"], 1) if g["iw"] else None
        index_before = round(g["isum_before"] / g["iw_before"], 1) if g["iw_before"] else None
        fp = _per_1000(g["findings"], g["words"])
        fp_before = _per_1000(g["findings_before"], g["words_before"])
        result.append({
            "group": g["group"], "documents": g["documents"], "documents_before": g["documents_before"],
            "words": g["words"], "index": index, "index_before": index_before,
            "index_change": _change(index, index_before), "findings_per_1000": fp,
            "findings_per_1000_before": fp_before, "findings_per_1000_change": _change(fp, fp_before),
        })
    return result


def _terms(history: History, current: dict, before: dict | None) -> list[dict]:
    now = history.term_totals(current["id"])
    previous = history.term_totals(before["id"]) if before else {}
    terms = sorted(set(now) | set(previous), key=lambda t: (-max(now.get(t, 0), previous.get(t, 0)), -now.get(t, 0), t))
    return [
        {"term": term, "now": now.get(term, 0), "before": previous.get(term, 0) if before else None,
         "change": now.get(term, 0) - previous.get(term, 0) if before else None}
        for term in terms[:TOP_TERMS]
    ]


def public(report: dict) -> dict:
    """The report without helper fields (for report.json)."""
    clean = dict(report)
    clean["documents"] = [{k: v for k, v in d.items() if not k.startswith("_")} for d in report["documents"]]
    return clean


# -- formatting -------------------------------------------------------------------
def de(value, digits: int = 1, sign: bool = False) -> str:
    """German number: 1.234,5; None as –; optional sign (+3,2 / −1,0)."""
    if value is None:
        return "–"
    if isinstance(value, int) and not sign:
        return f"{value:,}".replace(",", ".")
    text = charts.number(abs(value) if sign else value, digits, strip=False)
    if sign:
        text = ("+" if value > 0 else "−" if value < 0 else "±") + text
    return text


def verdict(change, higher_is_better: bool) -> str:
    """Words, not colour: besser / schlechter / gleich."""
    if change is None:
        return ""
    if change == 0:
        return "gleich"
    better = change > 0 if higher_is_better else change < 0
    return "besser" if better else "schlechter"


# -- JSON, CSV ------------------------------------------------------------------------
def render_json(report: dict) -> str:
    return json.dumps(public(report), ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = (
    "document", "group", "status", "version", "content_sha256", "moved_from", "words", "sentences",
    "index", "index_before", "index_change", "band", "findings", "findings_per_1000_words",
    "findings_per_1000_words_before", "findings_per_1000_words_change", "error",
)


def _cell(value):
    """Text cells that a spreadsheet would run as a formula get a leading apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def render_csv(report: dict) -> str:
    """One row per document (unreadable ones last), in the report's order; per-rule counts at the end."""
    rules = [rule["id"] for rule in report["rules"]["rules"]]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(list(CSV_COLUMNS) + [f"findings.{rule}" for rule in rules])
    for d in report["documents"]:
        writer.writerow([_cell(v) for v in (
            d["key"], d["group"], d["status"], d["version"], d["content_hash"], d["moved_from"], d["words"],
            d["sentences"], d["index"], d["index_before"], d["index_change"], d["band"], d["findings"],
            d["findings_per_1000"], d["findings_per_1000_before"], d["findings_per_1000_change"], None,
        )] + [d["findings_by_rule"].get(rule, 0) for rule in rules])
    for failure in report["failures"]:
        writer.writerow([_cell(v) for v in (failure["key"], failure["group"], "nicht lesbar")]
                        + [""] * (len(CSV_COLUMNS) - 4) + [_cell(failure["message"])] + [""] * len(rules))
    for path, why in report["current"].get("skipped_files") or []:
        writer.writerow([_cell(path), None, "übersprungen"] + [""] * (len(CSV_COLUMNS) - 4) + [_cell(why)]
                        + [""] * len(rules))
    return buffer.getvalue()


def _n(number, singular: str, plural: str) -> str:
    """The noun for ``number`` (``de`` writes the number itself)."""
    return singular if number == 1 else plural


def skipped_names(run: dict) -> str:
    """": scan.pdf (.pdf wird nicht unterstützt), …" for the skipped files a run recorded ("" when none are known)."""
    names = [f"{path} ({why})" for path, why in run.get("skipped_files") or []]
    if not names:
        return ""
    more = (run.get("skipped") or 0) - len(names)
    return ": " + ", ".join(names) + (f" und {de(more)} weitere" if more > 0 else "")


# -- Markdown ----------------------------------------------------------------------------
def _md(text) -> str:
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("*", "\\*").replace("_", "\\_")


def render_markdown(report: dict) -> str:
    head = report["headline"]
    current, before, first = report["current"], report["before"], report["first"]
    lines = [f"# einfach – Korpusbericht: {_md(current['name'])}", ""]
    lines.append(
        f"{de(current['documents'])} {_n(current['documents'], 'Dokument', 'Dokumente')}, "
        f"{de(current['words'])} {_n(current['words'], 'Wort', 'Wörter')}, geprüft "
        f"{when(current['finished_at'])} mit einfach {current['einfach_version']} (Profil {current['profile'] or '–'})."
        + (f" Verglichen mit {_md(before['name'])}." if before else " Erster Lauf: noch kein Vergleich.")
    )
    lines.append("")
    for warning in report["warnings"]:
        lines += [f"> **Hinweis:** {warning}", ""]
    lines += [f"## {head['title']}", ""]
    if head["note"]:
        lines += [head["note"], ""]
    lines += ["| | Wert | Änderung |", "|---|---:|---|"]
    lines.append(f"| jetzt ({_md(current['name'])}) | {de(head['now'])} | |")
    if before:
        lines.append(f"| vorher ({_md(before['name'])}) | {de(head['before'])} | "
                     f"{de(head['change_before'], sign=True)} {verdict(head['change_before'], head['higher_is_better'])} |")
    if first and first["id"] != current["id"] and (not before or first["id"] != before["id"]):
        lines.append(f"| erster Lauf ({_md(first['name'])}) | {de(head['first'])} | "
                     f"{de(head['change_first'], sign=True)} {verdict(head['change_first'], head['higher_is_better'])} |")
    lines.append("")
    if head["meaning"]:
        lines += [head["meaning"], ""]
    if head["kind"] == "index":
        lines += [f"Befunde je 1.000 Wörter: {de(current['findings_per_1000'])}"
                  + (f" (vorher {de(before['findings_per_1000'])})" if before else "") + ".", ""]
    rules = report["rules"]
    run_ids = [r["id"] for r in rules["runs"]]
    now_i = run_ids.index(current["id"])
    before_i = run_ids.index(before["id"]) if before else None
    if rules["rules"]:
        lines += ["## Befunde je 1.000 Wörter nach Regel", "", "| Regel | jetzt | vorher | Änderung |", "|---|---:|---:|---:|"]
        for rule in rules["rules"]:
            values = rules["series"][rule["id"]]
            now = values[now_i]
            old = values[before_i] if before_i is not None else None
            lines.append(f"| {_md(rule['title'])} (`{rule['id']}`) | {de(now)} | {de(old)} | {de(_change(now, old), sign=True)} |")
        lines.append("")
    if report["groups"]:
        lines += ["## Gruppen", "", "| Gruppe | Dokumente | Einfach-Index | vorher | Befunde je 1.000 Wörter | vorher |",
                  "|---|---:|---:|---:|---:|---:|"]
        for g in report["groups"]:
            lines.append(f"| {_md(g['group'])} | {de(g['documents'])} | {de(g['index'])} | {de(g['index_before'])} | "
                         f"{de(g['findings_per_1000'])} | {de(g['findings_per_1000_before'])} |")
        lines.append("")
    changed = [d for d in report["documents"] if (d["index_change"] if report["has_index"] else d["findings_per_1000_change"]) is not None]
    if changed:
        worst = [d for d in changed if verdict(d["index_change"] if report["has_index"] else d["findings_per_1000_change"],
                                                report["has_index"]) == "schlechter"][:MARKDOWN_DOCUMENTS]
        lines += ["## Größte Verschlechterungen", ""]
        if worst:
            lines += ["| Dokument | Einfach-Index | vorher | Änderung | Befunde je 1.000 Wörter | vorher |",
                      "|---|---:|---:|---:|---:|---:|"]
            for d in worst:
                lines.append(f"| {_md(d['display'])} | {de(d['index'])} | {de(d['index_before'])} | "
                             f"{de(d['index_change'], sign=True)} | {de(d['findings_per_1000'])} | "
                             f"{de(d['findings_per_1000_before'])} |")
        else:
            lines.append("Kein Dokument ist schwerer geworden.")
        lines.append("")
    if report["terms"]:
        lines += ["## Häufigste Amtsdeutsch-Wörter", "", "| Wort | jetzt | vorher | Änderung |", "|---|---:|---:|---:|"]
        for t in report["terms"]:
            lines.append(f"| {_md(t['term'])} | {de(t['now'])} | {de(t['before'])} | {de(t['change'], 0, sign=True) if t['change'] is not None else '–'} |")
        lines.append("")
    if report["failures"] or current["skipped"]:
        lines += ["## Nicht geprüft", ""]
        for failure in report["failures"]:
            lines.append(f"- {_md(failure['display'])}: {_md(failure['message'])}")
        if current["skipped"]:
            lines.append(f"- {de(current['skipped'])} {_n(current['skipped'], 'Datei', 'Dateien')} übersprungen "
                         f"(kein unterstütztes Format){_md(skipped_names(current))}.")
        lines.append("")
    lines.append(f"Alle Dokumente: `documents.csv`; erzeugt mit einfach {report['einfach_version']}.")
    return "\n".join(lines) + "\n"


# -- HTML -----------------------------------------------------------------------------
def render_html(report: dict) -> str:
    head = report["headline"]
    current, before = report["current"], report["before"]
    rules = report["rules"]
    run_ids = [r["id"] for r in rules["runs"]]
    titles = {rule["id"]: rule["title"] for rule in rules["rules"]}
    chart_series = [(f"{titles[r]} ({r})", rules["series"][r]) for r in rules["chart_rules"]]
    x_labels = [r["name"] for r in rules["runs"]]
    desc_parts = []
    for r in rules["chart_rules"]:
        values = rules["series"][r]
        desc_parts.append(f"{titles[r]}: " + " → ".join(de(v) for v in values))
    rule_chart = None
    if chart_series:
        rule_chart = charts.line_chart(
            "rules-chart",
            "Befunde je 1.000 Wörter nach Regel über alle Läufe",
            f"Liniendiagramm mit {len(chart_series)} Regeln über {len(x_labels)} Läufe "
            f"({', '.join(x_labels)}). " + "; ".join(desc_parts) + ".",
            x_labels, chart_series, "Befunde je 1.000 Wörter",
        )
    lengths = report["sentence_lengths"]
    series = []
    if lengths["before"] is not None:
        series.append((f"vorher: {before['name']}", lengths["before_percent"]))
    series.append((f"jetzt: {current['name']}", lengths["now_percent"]))
    length_desc = "; ".join(
        f"{label} Wörter: " + " / ".join(f"{de(s[1][i])} %" for s in series)
        for i, label in enumerate(lengths["buckets"]) if any(s[1][i] for s in series)
    )
    length_chart = charts.bar_chart(
        "lengths-chart",
        "Satzlängen: Anteil der vollständigen Sätze je Länge" + (", vorher und jetzt" if before else ""),
        "Säulendiagramm" + (" (vorher schraffiert, jetzt gefüllt)" if before else "") + ". " + length_desc + ".",
        lengths["buckets"], series, "Anteil der Sätze", " %",
    )
    documents = report["documents"][:HTML_DOCUMENTS]
    return _template().render(
        report=report,
        head=head,
        current=current,
        before=before,
        first=report["first"],
        rules=rules,
        run_ids=run_ids,
        table_runs=[r for r in rules["runs"] if r["id"] in rules["table_runs"]],
        rule_chart=_markup(rule_chart) if rule_chart else None,
        length_chart=_markup(length_chart),
        lengths=lengths,
        documents=documents,
        documents_cut=len(report["documents"]) - len(documents),
        de=de,
        verdict=verdict,
        when=when,
        has_index=report["has_index"],
    )


def _markup(svg: str):
    from markupsafe import Markup

    return Markup(svg)  # built from escaped parts in charts.py


@lru_cache(maxsize=1)
def _template():
    from ..output.html import jinja_environment

    return jinja_environment("einfach.report").get_template("corpus.html")
