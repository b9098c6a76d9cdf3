"""The caseworkers' page: one HTML document, one style sheet, one script, all served by einfach.

The HTML and the style sheet are Jinja2 templates (``templates/``; autoescaped,
see :func:`einfach.output.html.jinja_environment`): the style sheet takes the
rule colours from the HTML report's palette, so both outputs colour a rule
alike.  The script (``static/einfach.js``) calls the API and renders the result
in the page; it uses only standard DOM APIs.  Nothing is fetched from
elsewhere, and the Content-Security-Policy (see :mod:`einfach.serve.app`)
forbids inline scripts and styles, so every style is a class.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from .. import __version__

#: The API features the page offers; ``fix``: the plainer copy with the accepted rewrites
#: (``POST /api/fix``; a .docx with tracked changes, text as text).
FEATURES = {"fix": True}

PROFILE_LABELS = {"einfach": "Einfache Sprache", "leicht": "Leichte Sprache", "buergernah": "Bürgernahe Sprache"}

_STATIC = {"einfach.js": "text/javascript; charset=utf-8"}


def _environment():
    from ..output.html import jinja_environment

    return jinja_environment("einfach.serve")


@lru_cache(maxsize=1)
def render_page() -> str:
    from ..output.html import PALETTE
    from ..rules.loader import available_profiles, load_profile

    names = sorted(available_profiles(), key=lambda n: (list(PROFILE_LABELS).index(n) if n in PROFILE_LABELS else 99, n))
    profiles = [(name, PROFILE_LABELS.get(name, name), load_profile(name).description) for name in names]
    return _environment().get_template("index.html").render(
        version=__version__, profiles=profiles, features=FEATURES, palette_size=len(PALETTE)
    )


@lru_cache(maxsize=1)
def _style() -> str:
    from ..output.html import PALETTE, TEXT_COLOUR

    return _environment().get_template("einfach.css").render(palette=list(enumerate(PALETTE)), text_colour=TEXT_COLOUR)


def static_file(name: str) -> tuple[str, str] | None:
    """(content, media type) of a static file of the page, or None."""
    if name == "einfach.css":
        return _style(), "text/css; charset=utf-8"
    if name in _STATIC:
        return (files("einfach.serve") / "static" / name).read_text(encoding="utf-8"), _STATIC[name]
    return None
