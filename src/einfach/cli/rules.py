"""``einfach rules`` and ``einfach explain``: rule documentation from the YAML files."""

from __future__ import annotations

import click

from ..errors import EinfachError
from .german import GermanCommand
from .options import fail


@click.command(cls=GermanCommand)
@click.option("--markdown", is_flag=True, help="Die Regeldokumentation (docs/rules.md) ausgeben.")
def rules(markdown: bool) -> None:
    """Listet alle Regeln mit ihrer Stufe in jedem Profil."""
    from ..rules.loader import available_profiles, load_profile, load_rules

    try:
        all_rules = load_rules()
        profiles = {name: load_profile(name) for name in available_profiles()}
    except EinfachError as error:
        raise fail(error) from None
    from ..rules.docs import profile_level, render_markdown

    if markdown:
        click.echo(render_markdown(all_rules, profiles), nl=False)
        return
    width = max(len(rule_id) for rule_id in all_rules) + 2
    header = f"{'Regel':<{width}}" + "".join(f"{name:<12}" for name in profiles) + "Beschreibung"
    click.echo(header)
    for rule_id, rule in all_rules.items():
        levels = [profile_level(rule, profile) for profile in profiles.values()]
        click.echo(f"{rule_id:<{width}}" + "".join(f"{level:<12}" for level in levels) + rule.summary)


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
