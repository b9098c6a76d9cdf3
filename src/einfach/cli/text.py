"""``einfach text``: print a file's extracted text (the text offsets refer to)."""

from __future__ import annotations

import click

from ..errors import EinfachError
from .german import GermanCommand
from .options import fail


@click.command(cls=GermanCommand)
@click.argument("path", metavar="PFAD")
def text(path: str) -> None:
    """Zeigt den Text, den einfach in einer Datei prüft."""
    from ..readers import read_document

    try:
        document = read_document(path)
    except EinfachError as error:
        raise fail(error) from None
    click.echo(document.text)
