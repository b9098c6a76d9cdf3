"""``einfach rules`` and ``einfach explain``: rule documentation from the YAML files."""

from __future__ import annotations

import click

from ..errors import EinfachError
from .german import GermanCommand
from .options import fail


@click.command(cls=GermanCommand)
@click.option("--markdown", is_flag=True, help="Die Regeldokumentation (docs/rules.md) ausgeben.")
@click.option("--config", "config_file", default=None, metavar="DATEI",
              help="Diese Konfigurationsdatei statt einfach.toml/pyproject.toml über dem aktuellen Ordner.")
def rules(markdown: bool, config_file: str | None = None) -> None:
    """Listet alle Regeln mit ihrer Stufe in jedem Profil, wie die Konfiguration sie einstellt."""
    from ..config import config_for
    from ..rules.loader import available_profiles, load_profile, load_rules

    try:
        all_rules = load_rules()
        profiles = {name: load_profile(name) for name in available_profiles()}
        config = None if markdown else config_for("-", config_file)
    except EinfachError as error:
        raise fail(error) from None
    if markdown:
        from ..rules.docs import render_markdown

        click.echo(render_markdown(all_rules, profiles), nl=False)
        return
    _print_levels(all_rules, list(profiles), config)


def _print_levels(all_rules, profiles: list[str], config) -> None:
    """The effective level of each rule per profile under ``config``; graded levels below the table."""
    from ..rules.active import active_rules
    from ..rules.kinds import kind_class
    from ..rules.kinds.base import LEVEL_LABELS

    settings = config.base
    shown = {profile: {active.rule.id: active for active in active_rules(profile, settings.rule_settings())}
             for profile in profiles}
    if config.path:
        click.echo(f"Konfiguration: {config.path} (Profil {settings.profile})")
    else:
        click.echo("Keine Konfiguration gefunden: die Stufen der Profile.")
    width = max(len(rule_id) for rule_id in all_rules) + 2
    click.echo(f"{'Regel':<{width}}" + "".join(f"{name:<12}" for name in profiles) + "Beschreibung")
    graded: list[str] = []
    for rule_id, rule in all_rules.items():
        cells = []
        grading = getattr(kind_class(rule.kind), "grading", None)
        for profile in profiles:
            active = shown[profile].get(rule_id)
            if active is None:
                cells.append("–")
            elif grading is not None and not active.configured:
                cells.append("gestuft")
                graded.append(f"  {rule_id} ({profile}): {grading(active.parameters, active.level)}")
            else:
                cells.append(LEVEL_LABELS[active.level])
        click.echo(f"{rule_id:<{width}}" + "".join(f"{cell:<12}" for cell in cells) + rule.summary)
    if graded:
        click.echo("\nGestufte Stufen (nach dem gemessenen Wert):")
        for line in graded:
            click.echo(line)


@click.command(cls=GermanCommand)
@click.argument("rule_id", metavar="REGEL")
def explain(rule_id: str) -> None:
    """Erklärt eine Regel: was sie prüft, warum, Beispiele und Quelle."""
    from ..rules.loader import load_rules

    try:
        all_rules = load_rules()
    except EinfachError as error:
        raise fail(error) from None
    rule = all_rules.get(rule_id)
    if rule is None:
        raise click.BadParameter(f"unbekannte Regel '{rule_id}' (bekannt: {', '.join(all_rules)})", param_hint="RULE_ID")
    click.echo(f"{rule.id} – {rule.title}\n\n{rule.summary}\n\nWarum?\n{rule.why}\n")
    click.echo("Schlechte Beispiele:")
    for example in rule.examples["bad"]:
        click.echo(f"  ✗ {example}")
    click.echo("Gute Beispiele:")
    for example in rule.examples["good"]:
        click.echo(f"  ✓ {example}")
    click.echo(f"\nQuelle: {rule.source}")
