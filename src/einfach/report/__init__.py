"""``einfach report``: check a whole corpus, keep a history, show the trend.

Modules:

* :mod:`.scan` — which files are documents, their keys (relative paths or
  keyed hashes) and groups;
* :mod:`.worker` — check one document, return a small summary (no text);
* :mod:`.run` — parallel checking and recording one run, all or nothing;
* :mod:`.history` — the SQLite history: schema, migrations, queries;
* :mod:`.render` — report data and its HTML, Markdown, JSON and CSV forms;
  :mod:`.charts` — the SVG charts.

docs/report.md describes the command, the files and the schema.
"""

from __future__ import annotations

from pathlib import Path

OUTPUT_FILES = ("report.html", "report.md", "report.json", "documents.csv")


def write_outputs(report: dict, out_dir: str | None, csv_path: str | None, inputs=()) -> list[str]:
    """Write the report files (each atomically); returns their paths."""
    from ..atomic import OutputError, write_atomic
    from .render import render_csv, render_html, render_json, render_markdown

    written = []
    if out_dir:
        folder = Path(out_dir)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{out_dir}: Ordner kann nicht angelegt werden ({exc.strerror or exc})") from None
        for name, render in zip(OUTPUT_FILES, (render_html, render_markdown, render_json, render_csv)):
            target = folder / name
            write_atomic(target, render(report), inputs=inputs, what="Berichtsdatei")
            written.append(str(target))
    if csv_path:
        write_atomic(csv_path, render_csv(report), inputs=inputs, what="CSV-Datei")
        written.append(csv_path)
    return written
