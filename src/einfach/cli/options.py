"""Options and error handling shared by several commands."""

from __future__ import annotations

import click

from ..errors import EXIT_ERROR, EinfachError


class CommandError(click.ClickException):
    """One clear line on standard error and exit code 2."""

    exit_code = EXIT_ERROR

    def format_message(self) -> str:
        return self.message


def fail(error: EinfachError) -> CommandError:
    return CommandError(str(error))


def split_ids(values: tuple[str, ...]) -> list[str]:
    """``--select a,b --select c`` -> [a, b, c]."""
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


profile_option = click.option(
    "--profile", default=None, help="Regelprofil: einfach (Standard), leicht oder buergernah."
)
