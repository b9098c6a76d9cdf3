"""``einfach text``: print a file's extracted text (the text offsets refer to)."""

from __future__ import annotations

import click

from ..errors import EinfachError
from .options import fail


@click.command()
@click.argument("path")
def text(path: str) -> None:
    """Zeigt den Text, den einfach in einer Datei prüft."""
    from ..readers import read_document

    try:
        document = read_document(path)
    except EinfachError as error:
        raise fail(error) from None
    click.echo(document.text)
