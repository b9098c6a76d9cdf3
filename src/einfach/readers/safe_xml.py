"""Reading XML parts of untrusted zip containers (.docx, .odt) safely.

One place for the defences both readers need (see SECURITY.md): a parser with
entity resolution, DTD loading and network access off; refusal of any part
that declares a DOCTYPE (this blocks "billion laughs" and XXE before parsing);
a cap on the decompressed size of each part that is enforced while reading,
not only from the zip directory (zip bombs); and a clear message when the XML
is nested deeper than the parser allows.
"""

from __future__ import annotations

import zipfile

from lxml import etree

from ..errors import InputError

DOCTYPE_MARKERS = tuple("<!DOCTYPE".encode(enc) for enc in ("ascii", "utf-16-le", "utf-16-be"))
TOO_DEEP = "ist zu tief verschachtelt; aus Sicherheitsgründen nicht gelesen"


def hardened_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
        remove_comments=True, remove_pis=True,
    )


def size_text(limit: int) -> str:
    mib = 1024 * 1024
    return f"{limit // mib} MB" if limit >= mib and limit % mib == 0 else f"{limit} Bytes"


def read_part(archive: zipfile.ZipFile, name: str, path: str, limit: int) -> bytes:
    """Read one zip member, refusing anything above ``limit`` bytes decompressed."""
    too_big = f"Teil {name} ist zu groß entpackt (mehr als {size_text(limit)}); aus Sicherheitsgründen nicht gelesen"
    if archive.getinfo(name).file_size > limit:
        raise InputError(path, too_big)
    with archive.open(name) as member:
        data = member.read(limit + 1)  # the directory's size may lie
    if len(data) > limit:
        raise InputError(path, too_big)
    return data


def parse_part(archive: zipfile.ZipFile, name: str, path: str, limit: int, parser: etree.XMLParser):
    """Parse one part with the hardened parser; refuse DTDs and excessive depth."""
    data = read_part(archive, name, path, limit)
    doctype = f"Teil {name} enthält eine DTD (DOCTYPE); aus Sicherheitsgründen nicht gelesen"
    if any(marker in data for marker in DOCTYPE_MARKERS):
        raise InputError(path, doctype)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if "Excessive depth" in message:
            raise InputError(path, TOO_DEEP) from exc
        raise InputError(path, f"enthält fehlerhaftes XML in {name}: {message[:200]}") from exc
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise InputError(path, doctype)
    return root
