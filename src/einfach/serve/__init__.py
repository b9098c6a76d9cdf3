"""``einfach serve``: the caseworkers' web page and the HTTP API (imported by that command only).

:mod:`.app` is the ASGI application (Starlette), :mod:`.engine` runs the checks
in a pool of check processes, :mod:`.page` renders the page; the API's
OpenAPI document is ``openapi.yml``.  Operating it: ``docs/server.md``.
"""
