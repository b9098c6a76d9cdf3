"""click's own texts in German, whatever the locale says.

click writes "Usage:", "Options:", "Show this message and exit." and its error
messages through :mod:`gettext` (``from gettext import gettext as _`` in each
of its modules).  The locale cannot force a language (gettext reads LANGUAGE,
LC_ALL, LANG), and no German catalogue ships with click, so einfach gives the
click modules a translation of its own: :class:`GermanTranslations`, a
``gettext.NullTranslations`` over the table below.  :class:`GermanCommand` and
:class:`GermanGroup` install it when they run and write the usage metavars
("[OPTIONEN]", "BEFEHL [ARGUMENTE]...") in German.

The table holds every message of click 8.1 to 8.5 a user of einfach can see
(``tests/test_cli_german.py`` fails on any English click text that is left);
a message click adds later stays English until it is added here.
"""

from __future__ import annotations

import gettext
import sys

import click

GERMAN = {
    # help pages
    "Usage:": "Aufruf:",
    "Options": "Optionen",
    "Commands": "Befehle",
    "Positional arguments": "Argumente",
    "Show this message and exit.": "Diese Hilfe zeigen und beenden.",
    "Show the version and exit.": "Die Version zeigen und beenden.",
    "%(prog)s, version %(version)s": "%(prog)s, Version %(version)s",
    "default: {default}": "Standard: {default}",
    "env var: {var}": "Umgebungsvariable: {var}",
    "required": "erforderlich",
    "(dynamic)": "(dynamisch)",
    "deprecated": "veraltet",
    "Choose from:\n\t{choices}": "Zur Wahl:\n\t{choices}",
    "Choice({choices})": "Auswahl({choices})",
    # errors
    "Error: {message}": "Fehler: {message}",
    "Try '{command} {option}' for help.": "Hilfe: „{command} {option}“.",
    "Missing argument": "Argument fehlt",
    "Missing option": "Option fehlt",
    "Missing parameter": "Angabe fehlt",
    "Missing {param_type}": "{param_type} fehlt",
    "Missing parameter: {param_name}": "Angabe fehlt: {param_name}",
    "Missing command.": "Befehl fehlt.",
    "No such option: {name}": "Unbekannte Option: {name}",
    "No such option {name!r}.": "Unbekannte Option „{name}“.",
    "No such command {name!r}.": "Unbekannter Befehl „{name}“.",
    "No such command '{name}'.": "Unbekannter Befehl „{name}“.",
    "Did you mean {possibility}?": "Meinten Sie {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Meinten Sie eine davon: {possibilities}?)",
    "Invalid value: {message}": "Ungültiger Wert: {message}",
    "Invalid value for {param_hint}: {message}": "Ungültiger Wert für {param_hint}: {message}",
    "Got unexpected extra argument ({args})": "Unerwartetes zusätzliches Argument ({args})",
    "Got unexpected extra arguments ({args})": "Unerwartete zusätzliche Argumente ({args})",
    "Option {name!r} requires an argument.": "Option „{name}“ braucht einen Wert.",
    "Option {name!r} requires {nargs} arguments.": "Option „{name}“ braucht {nargs} Werte.",
    "Option {name!r} does not take a value.": "Option „{name}“ nimmt keinen Wert.",
    "Argument {name!r} takes {nargs} values.": "Argument „{name}“ braucht {nargs} Werte.",
    "Takes {nargs} values but 1 was given.": "Braucht {nargs} Werte, aber 1 wurde angegeben.",
    "Takes {nargs} values but {len} were given.": "Braucht {nargs} Werte, aber {len} wurden angegeben.",
    "Value must be an iterable.": "Der Wert muss eine Liste sein.",
    "{value!r} is not {choice}.": "„{value}“ ist nicht {choice}.",
    "{value!r} is not one of {choices}.": "„{value}“ ist keiner von {choices}.",
    "{value!r} is not a valid {number_type}.": "„{value}“ ist keine gültige Zahl.",
    "{value} is not in the range {range}.": "{value} liegt nicht im Bereich {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "„{value}“ ist kein Wahrheitswert. Erlaubt: {states}",
    "{value!r} is not a valid UUID.": "„{value}“ ist keine gültige UUID.",
    "{value!r} does not match the format {format}.": "„{value}“ passt nicht zum Format {format}.",
    "{value!r} does not match the formats {formats}.": "„{value}“ passt zu keinem der Formate {formats}.",
    "{len_type} values are required, but {len_value} was given.":
        "{len_type} Werte nötig, aber {len_value} angegeben.",
    "{len_type} values are required, but {len_value} were given.":
        "{len_type} Werte nötig, aber {len_value} angegeben.",
    "file": "Datei",
    "directory": "Ordner",
    "path": "Pfad",
    "{name} {filename!r} does not exist.": "{name} „{filename}“ gibt es nicht.",
    "{name} {filename!r} is a file.": "{name} „{filename}“ ist eine Datei.",
    "{name} {filename!r} is a directory.": "{name} „{filename}“ ist ein Ordner.",
    "{name} {filename!r} is not readable.": "{name} „{filename}“ ist nicht lesbar.",
    "{name} {filename!r} is not writable.": "{name} „{filename}“ ist nicht schreibbar.",
    "{name} {filename!r} is not executable.": "{name} „{filename}“ ist nicht ausführbar.",
    "Could not open file {filename!r}: {message}": "Datei „{filename}“ kann nicht geöffnet werden: {message}",
    "unknown error": "unbekannter Fehler",
    "Invalid start character for option ({option})": "Ungültiges erstes Zeichen der Option ({option})",
    "Aborted!": "Abgebrochen.",
    "Error: invalid input": "Fehler: ungültige Eingabe",
    "Error: The two entered values do not match.": "Fehler: Die beiden Eingaben stimmen nicht überein.",
    "Repeat for confirmation": "Zur Bestätigung wiederholen",
    "Do you want to continue?": "Fortfahren?",
    "Press any key to continue...": "Weiter mit einer beliebigen Taste …",
}

# click's modules that call gettext through module globals ``_`` and ``ngettext``
CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui", "utils",
                 "shell_completion", "_termui_impl")
OPTIONS_METAVAR = "[OPTIONEN]"
SUBCOMMAND_METAVAR = "BEFEHL [ARGUMENTE]..."


class GermanTranslations(gettext.NullTranslations):
    """A gettext translation from the table above (unknown messages stay as they are)."""

    def gettext(self, message: str) -> str:
        return GERMAN.get(message, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)


_TRANSLATIONS = GermanTranslations()


def install() -> None:
    """Give click's modules the German translation (idempotent; only einfach's commands call it)."""
    for name in CLICK_MODULES:
        module = sys.modules.get(f"click.{name}")
        if module is None:
            continue
        if hasattr(module, "_"):
            module._ = _TRANSLATIONS.gettext
        if hasattr(module, "ngettext"):
            module.ngettext = _TRANSLATIONS.ngettext


class _German:
    """German usage metavars, and the translation installed when the command runs."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("options_metavar", OPTIONS_METAVAR)
        super().__init__(*args, **kwargs)

    def main(self, *args, **kwargs):
        install()
        return super().main(*args, **kwargs)


class GermanCommand(_German, click.Command):
    """A click command whose help and errors are German (see the module docstring)."""


class GermanGroup(_German, click.Group):
    """The ``einfach`` group: German like :class:`GermanCommand`."""

    command_class = GermanCommand

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("subcommand_metavar", SUBCOMMAND_METAVAR)
        super().__init__(*args, **kwargs)
