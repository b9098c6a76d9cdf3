"""``--format html``: one self-contained page to read a letter with its findings.

The page shows each file's extracted text with the flagged words highlighted
in their rule's colour, a legend per rule, the file's metrics and a details
panel: clicking a highlighted passage (or focusing it with Tab and pressing
Enter) shows the message and the suggestions of every finding there; hovering
shows them as a tooltip.  Overlapping findings stay reachable because the
text is cut at every finding boundary: each piece is one ``<mark>`` that
names all findings covering it, and stripes under the text show every rule
involved.  A list of all findings (collapsed) links each finding to its
passage.

Self-contained: inline CSS and a small inline script, no external assets, and
a Content-Security-Policy that forbids any network access.  The template
(``templates/report.html``) is rendered by Jinja2 with autoescaping, so the
letter's text can never become markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from .. import __version__
from ..findings import CheckResult, FileResult, Finding
from ..document import is_word_processor
from ..wording import fix_label, position

SEVERITY_LABEL = {"info": "Hinweis", "warning": "Warnung", "error": "Fehler"}

#: (background, stripe) per rule: dark text (#1b1b1b) on every background has a
#: contrast ratio of at least 7:1, every stripe at least 3:1 against its background
#: and against white (tests/test_output_formats.py checks both).
PALETTE = (
    ("#ffe08a", "#8a5a00"),
    ("#bfe3ff", "#005a9c"),
    ("#ffc9d1", "#a1133a"),
    ("#c9efc0", "#1e6b1e"),
    ("#e4d4ff", "#5b2aa8"),
    ("#ffd6b0", "#9a4100"),
    ("#bdeee8", "#00665e"),
    ("#e6f2a2", "#4d5c00"),
    ("#ffd0ec", "#a0106e"),
    ("#c4d4ff", "#2a3f9e"),
    ("#eadcc4", "#6b4e1f"),
    ("#e2e2e2", "#444444"),
)
TEXT_COLOUR = "#1b1b1b"

METRIC_LABELS = {
    "words": "Wörter",
    "sentences": "Sätze",
    "segments": "Abschnitte (Sätze und Satzteile)",
    "avg_sentence_words": "Wörter pro Satz (Durchschnitt)",
    # further metrics get a German label when known; any other key is shown as it is
    "syllables_per_word": "Silben pro Wort",
    "flesch_amstad": "Flesch-Lesbarkeit (Amstad)",
    "wiener_sachtextformel": "Wiener Sachtextformel",
    "lix": "LIX",
    "passive_share": "Anteil Passiv",
    "nominal_density": "Nominalstil-Dichte",
    "rare_word_share": "Anteil seltener Wörter",
    "findings_per_100_words": "Befunde je 100 Wörter",
    "index": "Verständlichkeits-Index",
    "value": "Wert",
    "band": "Stufe",
    "index_version": "Version",
}

# technical figures: shown behind "Details", each with a one-line explanation for caseworkers
DETAIL_EXPLANATIONS = {
    "syllables_per_word": "Durchschnitt über die Wörter mit Silben; lange Wörter sind schwerer zu lesen.",
    "flesch_amstad": "Flesch-Lesbarkeit für Deutsch (Amstad) aus Satzlänge und Silben pro Wort: "
                     "0 bis 100, höher ist leichter.",
    "wiener_sachtextformel": "Schulstufe aus Satzlänge, langen und mehrsilbigen Wörtern: "
                             "etwa 4 (leicht) bis 15 (sehr schwer).",
    "lix": "Lesbarkeitsindex: Wörter pro Satz plus Prozent der Wörter mit mehr als sechs Buchstaben; "
           "unter 40 leicht, über 60 schwer.",
    "passive_share": "Anteil der vollständigen Sätze mit Passiv (0 bis 1); Passiv verschweigt oft, wer handelt.",
    "nominal_density": "Hauptwörter im Nominalstil (-ung, -heit, -keit, -ion …) je 100 Wörter; "
                       "viele davon machen einen Text schwer.",
    "rare_word_share": "Anteil seltener Wörter (seltener als etwa einmal in einer Million Wörter), "
                       "Namen ausgenommen (0 bis 1).",
}


@dataclass
class _Piece:
    text: str
    ids: list[str] = field(default_factory=list)
    first: list[str] = field(default_factory=list)
    colour: int = 0
    stripes: str = ""
    title: str = ""


def render(result: CheckResult) -> str:
    from ..rules.loader import load_rules

    rules = load_rules()
    # colours go to the rules that occur, in rule order, so that up to len(PALETTE) rules never share one
    found = {finding.rule for file in result.files for finding in file.findings}
    order = [rule_id for rule_id in rules if rule_id in found] + sorted(found - set(rules))
    colours = {rule_id: number % len(PALETTE) for number, rule_id in enumerate(order)}
    files = [_file_view(file, number, rules, colours) for number, file in enumerate(result.files, start=1)]
    return _template().render(
        files=files,
        errors=result.errors,
        version=__version__,
        palette=list(enumerate(PALETTE)),
        text_colour=TEXT_COLOUR,
        fix_label=fix_label,
    )


def jinja_environment(package: str):
    """The Jinja2 set-up of every einfach page: templates from ``package/templates``,
    autoescaping on (letter text is untrusted), undefined names are errors."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader(package, "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


@lru_cache(maxsize=1)
def _template():
    environment = jinja_environment("einfach.output")
    environment.filters["number"] = format_number
    return environment.get_template("report.html")


def format_number(value) -> str:
    """German number format: 19,4; True/False as ja/nein."""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",") if value % 1 else f"{value:.0f}"
    if value is None:
        return "–"
    return str(value)


def _colour(rule: str, colours: dict[str, int]) -> int:
    return colours[rule]


def _file_view(file: FileResult, number: int, rules: dict, colours: dict[str, int]) -> dict:
    from ..bands import sentence_for_profile

    prefix = f"d{number}"
    findings = []
    for index, finding in enumerate(file.findings, start=1):
        rule = rules.get(finding.rule)
        findings.append(
            {
                "id": f"{prefix}-f{index}",
                "finding": finding,
                "title": rule.title if rule else finding.rule,
                "colour": _colour(finding.rule, colours),
                "severity": SEVERITY_LABEL.get(finding.severity, finding.severity),
                "where": _where(file, finding),
            }
        )
    legend = []
    for rule_id in sorted({f.rule for f in file.findings}, key=lambda r: (colours.get(r, 99), r)):
        rule = rules.get(rule_id)
        legend.append(
            {
                "id": rule_id,
                "title": rule.title if rule else rule_id,
                "summary": rule.summary if rule else "",
                "colour": _colour(rule_id, colours),
                "count": sum(1 for f in file.findings if f.rule == rule_id),
            }
        )
    return {
        "prefix": prefix,
        "path": file.path,
        "pieces": _pieces(file.text, findings),
        "findings": findings,
        "legend": legend,
        "metrics": _metrics({k: v for k, v in file.metrics.items() if k not in DETAIL_EXPLANATIONS}),
        "details": [
            {"label": METRIC_LABELS[key], "value": format_number(file.metrics[key]), "explanation": explanation}
            for key, explanation in DETAIL_EXPLANATIONS.items() if key in file.metrics
        ],
        "index_meaning": sentence_for_profile((file.metrics.get("index") or {}).get("band"), file.profile),
        "notes": list(file.notes),
    }


def _where(file: FileResult, finding: Finding) -> str:
    return position(finding.location, is_word_processor(file.path))


def _pieces(text: str, findings: list[dict]) -> list[_Piece]:
    """Cut ``text`` at every finding boundary; each covered piece lists its findings."""
    spans = [(entry, entry["finding"].start, entry["finding"].end) for entry in findings]
    spans = [(entry, start, end) for entry, start, end in spans if 0 <= start < end <= len(text)]
    cuts = sorted({0, len(text), *(s for _, s, _ in spans), *(e for _, _, e in spans)})
    pieces: list[_Piece] = []
    seen: set[str] = set()
    for left, right in zip(cuts, cuts[1:]):
        covering = [entry for entry, start, end in spans if start <= left and end >= right]
        if not covering:
            pieces.append(_Piece(text[left:right]))
            continue
        # The most specific finding (shortest span) gives the background colour.
        covering.sort(key=lambda e: (e["finding"].end - e["finding"].start, e["finding"].start, e["id"]))
        rule_colours: list[int] = []
        for entry in covering:
            if entry["colour"] not in rule_colours:
                rule_colours.append(entry["colour"])
        stripes = ", ".join(
            f"inset 0 -{3 * (depth + 1)}px 0 {PALETTE[colour][1]}" for depth, colour in enumerate(rule_colours)
        )
        first = [e["id"] for e in covering if e["id"] not in seen]
        seen.update(first)
        title = "\n".join(
            " ".join(
                [f"{e['title']} ({e['severity']}): {e['finding'].message}"]
                + [f"→ {s}" for s in e["finding"].suggestions]
            )
            for e in covering
        )
        pieces.append(
            _Piece(
                text[left:right],
                ids=[e["id"] for e in covering],
                first=first,
                colour=covering[0]["colour"],
                stripes=stripes,
                title=title,
            )
        )
    return pieces


def _metrics(metrics: dict) -> list[dict]:
    """Rows ``{label, value, children}``; a nested dict becomes child rows."""
    rows = []
    for key, value in metrics.items():
        label = METRIC_LABELS.get(key, str(key).replace("_", " "))
        if isinstance(value, dict):
            rows.append({"label": label, "value": "", "children": _metrics(value)})
            continue
        if isinstance(value, (list, tuple)):
            value = ", ".join(format_number(v) for v in value)
        else:
            value = format_number(value)
        rows.append({"label": label, "value": value, "children": []})
    return rows
