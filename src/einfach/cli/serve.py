"""``einfach serve``: the caseworkers' web page and the HTTP API (``einfach.serve``).

Imports Starlette and uvicorn only when it runs, so that ``check`` and
``--help`` do not start slower.
"""

from __future__ import annotations

import ipaddress

import click

from .german import GermanCommand
from .options import CommandError


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 and ``localhost``; every other name or address is reachable from outside."""
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@click.command(cls=GermanCommand)
@click.option("--host", default="127.0.0.1", show_default=True, metavar="ADRESSE",
              help="Adresse, an der der Server lauscht (Standard: nur dieser Rechner).")
@click.option("--port", type=click.IntRange(1, 65535), default=8080, show_default=True, metavar="PORT", help="TCP-Port.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, metavar="N",
              help="Anzahl der Prüfprozesse; jeder prüft einen Brief zur Zeit, eine Anfrage geht an einen freien.")
@click.option("--token-file", default=None, metavar="DATEI",
              help="Datei mit dem Zugangsschlüssel (erste Zeile); dann brauchen /api/* und /openapi.json "
                   "„Authorization: Bearer …“.")
@click.option("--no-auth", is_flag=True, help="Bewusst ohne Zugangsschlüssel an einer Adresse lauschen, die von außen erreichbar ist.")
@click.option("--max-upload-mb", type=click.FloatRange(0.01, 1024), default=20, show_default=True, metavar="MB",
              help="Größte erlaubte Anfrage (Datei oder Text) in MB.")
def serve(host, port, workers, token_file, no_auth, max_upload_mb) -> None:
    """Startet die Web-Seite für Sachbearbeiterinnen und die HTTP-Schnittstelle."""
    if token_file and no_auth:
        raise CommandError("--token-file und --no-auth schließen sich aus.")
    if not is_loopback(host) and not token_file and not no_auth:
        raise CommandError(
            f"{host} ist von anderen Rechnern erreichbar; bitte --token-file DATEI angeben "
            "oder mit --no-auth bewusst ohne Zugangsschlüssel starten."
        )
    import os

    from ..gc_pause import shared_process
    from ..serve.app import ENVIRONMENT, ServerConfig, read_token

    if token_file:
        try:
            read_token(token_file)
        except ValueError as error:
            raise CommandError(str(error)) from None
        token_file = os.path.abspath(token_file)
    _check_free(host, port)
    shared_process()  # a server keeps creating and dropping request objects: no gc.freeze() after loading
    config = ServerConfig(token_file=token_file, max_upload_mb=max_upload_mb, workers=workers)
    os.environ[ENVIRONMENT] = config.to_environment()  # read by einfach.serve.app.create_app
    import uvicorn

    shown = f"[{host}]" if ":" in host else host
    click.echo(f"einfach serve: http://{shown}:{port}/ ({workers} Prüfprozess{'e' if workers != 1 else ''}; "
               "Strg+C beendet)", err=True)
    # one HTTP process (no uvicorn workers): it hands each check to a free one of its `workers` check processes
    uvicorn.run(
        "einfach.serve.app:create_app", factory=True, host=host, port=port,
        access_log=False,  # einfach.serve.app.AccessLog logs method, path and status only
        log_config=LOG_CONFIG, server_header=False, proxy_headers=False,
    )


def _check_free(host: str, port: int) -> None:
    """One German line instead of uvicorn's bind error when the address is taken or unknown."""
    import socket

    try:
        infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise CommandError(f"Adresse {host} ist unbekannt.") from None
    family, kind, _, _, address = infos[0]
    with socket.socket(family, kind) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise CommandError(f"{host}:{port} ist nicht frei ({exc.strerror or exc}); "
                               "bitte einen anderen --port wählen.") from None


#: uvicorn's own messages and einfach's access lines on standard error, with a time stamp.
LOG_CONFIG = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stderr"}},
    "loggers": {
        "uvicorn": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "uvicorn.error": {"level": "INFO"},
        "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
        "einfach.serve": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
    },
}
