"""Options and error handling shared by several commands."""

from __future__ import annotations

import click

from ..errors import EXIT_ERROR, EinfachError


class CommandError(click.ClickException):
    """One clear line on standard error and exit code 2."""

    exit_code = EXIT_ERROR

    def format_message(self) -> str:
        return self.message

    def show(self, file=None) -> None:
        """The message alone: it is complete German, without click's "Error:" prefix."""
        click.echo(self.format_message(), file=file, err=file is None)


def fail(error: EinfachError) -> CommandError:
    return CommandError(str(error))


def split_ids(values: tuple[str, ...]) -> list[str]:
    """``--select a,b --select c`` -> [a, b, c]."""
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


def _profile(ctx, param, value: str | None) -> str | None:
    """Profile names are case-insensitive; an unknown one is named with the known ones."""
    if value is None:
        return None
    from ..rules.loader import available_profiles

    known = available_profiles()
    if value.lower() not in known:
        raise CommandError(f"Unbekanntes Profil „{value}“; bekannt sind: {', '.join(known)}.")
    return value.lower()


profile_option = click.option(
    "--profile", default=None, metavar="PROFIL", callback=_profile,
    help="Regelprofil: einfach (Standard), leicht oder buergernah.",
)
