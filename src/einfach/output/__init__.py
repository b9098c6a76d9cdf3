"""Output formats: each module has ``render(result, **options) -> str``.

``FORMATS`` maps a ``--format`` name to its module, so adding a format means
adding a module and one line here; the CLI reads its choices from this table.
A format that can be written piece by piece also has a ``WRITER`` class
(:class:`einfach.output.stream.Writer`), which the CLI feeds with the check
as it runs; ``junit`` and ``html`` have none and render the collected result.
"""

from __future__ import annotations

from importlib import import_module

FORMATS: dict[str, str] = {
    "human": "einfach.output.human",
    "json": "einfach.output.json",
    "jsonl": "einfach.output.jsonl",
    "sarif": "einfach.output.sarif",
    "github": "einfach.output.github",
    "junit": "einfach.output.junit",
    "html": "einfach.output.html",
}


def renderer(name: str):
    """The ``render`` function of the format ``name``."""
    return import_module(FORMATS[name]).render


def writer(name: str):
    """The streaming writer class of the format ``name``, or None if it has none."""
    return getattr(import_module(FORMATS[name]), "WRITER", None)
