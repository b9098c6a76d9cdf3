"""Accept every tracked change of a .docx in LibreOffice and save the result as .docx.

Run with the *system* Python that has Debian's ``python3-uno`` (not the venv):

    /usr/bin/python3 tests/uno_accept_all.py SOFFICE IN.docx OUT.docx PROFILE_URL

Starts a private headless LibreOffice (its own user profile, a pipe of its own),
opens IN.docx hidden, records the tracked changes LibreOffice sees (type and
author), accepts them all with ``.uno:AcceptAllTrackedChanges`` and stores the
document as OUT.docx.  Prints one JSON object: ``redlines`` (before accepting),
``remaining`` (after).  Used by tests/test_docx_tracked.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid

import uno
from com.sun.star.beans import PropertyValue


def _property(name, value):
    result = PropertyValue()
    result.Name, result.Value = name, value
    return result


def _redlines(document) -> list[dict]:
    found = []
    enumeration = document.getRedlines().createEnumeration()
    while enumeration.hasMoreElements():
        redline = enumeration.nextElement()
        found.append({"type": redline.getPropertyValue("RedlineType"), "author": redline.getPropertyValue("RedlineAuthor")})
    return found


def main(soffice: str, source: str, target: str, profile: str) -> None:
    pipe = f"einfach_{uuid.uuid4().hex}"
    office = subprocess.Popen(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--invisible", "--norestore", "--nologo",
         "--nodefault", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    desktop = None
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + 150
        while True:
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                if time.monotonic() > deadline or office.poll() is not None:
                    raise
                time.sleep(0.5)
        manager = context.ServiceManager
        desktop = manager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        url = uno.systemPathToFileUrl(os.path.abspath(source))
        document = desktop.loadComponentFromURL(url, "_blank", 0, (_property("Hidden", True),))
        before = _redlines(document)
        dispatcher = manager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        dispatcher.executeDispatch(document.getCurrentController().getFrame(), ".uno:AcceptAllTrackedChanges", "", 0, ())
        remaining = len(_redlines(document))
        document.storeToURL(uno.systemPathToFileUrl(os.path.abspath(target)), (_property("FilterName", "MS Word 2007 XML"),))
        document.close(True)
        print(json.dumps({"redlines": before, "remaining": remaining}))
    finally:
        if desktop is not None:
            try:
                desktop.terminate()
            except Exception:  # the office may already be gone: the bridge then raises DisposedException
                pass
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
            office.wait()


if __name__ == "__main__":
    main(*sys.argv[1:5])
