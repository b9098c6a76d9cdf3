"""Make the screenshot of the caseworkers' page for docs/anleitung.md (run by hand).

    python docs/screenshot.py                       # writes docs/images/einfach-serve.png
    python docs/screenshot.py --out /tmp/seite.png

Starts ``einfach serve``'s application in this process (uvicorn on a free
loopback port), opens the page in headless Chromium (Debian ``chromium`` and
``chromium-driver``, through Selenium), pastes an invented example letter,
checks it, opens the explanation of the passive finding and saves a PNG.
Needs the test extras (``pip install -e ".[test]"``); tests/test_serve_browser.py
checks that it runs.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

LETTER = """Sehr geehrte Frau Beispiel,

Ihr Antrag auf Verlängerung der Aufenthaltserlaubnis wurde im vorliegenden Verfahren geprüft. Zur abschließenden Bearbeitung sind die nachstehend aufgeführten Unterlagen bis zum 15. Oktober vorzulegen.

Sollten Sie Fragen haben, können Sie uns gerne anrufen.

Mit freundlichen Grüßen
Ihre Ausländerbehörde
"""
HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(HERE / "images" / "einfach-serve.png"))
    arguments = parser.parse_args()
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    if not (Path(chromium).exists() and Path(driver_path).exists()):
        print("screenshot.py: chromium and chromedriver are needed (apt-get install chromium chromium-driver)",
              file=sys.stderr)
        return 2
    server, url = start_server()
    try:
        shoot(url, chromium, driver_path, Path(arguments.out))
    finally:
        server.should_exit = True
    print(f"screenshot.py: {arguments.out}")
    return 0


def start_server():
    """The application with uvicorn in a thread on a free port; returns once /healthz says 200."""
    import uvicorn

    from einfach.serve.app import ServerConfig, create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(ServerConfig()), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    threading.Thread(target=server.run, daemon=True).start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=5) as answer:
                if answer.status == 200:
                    return server, url
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit("screenshot.py: the server did not get ready")


def shoot(url: str, chromium: str, driver_path: str, out: Path) -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    profile = tempfile.mkdtemp(prefix="einfach-screenshot-")
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                     "--window-size=1280,2300", f"--user-data-dir={profile}", "--lang=de-DE"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    try:
        driver.get(url + "/")
        driver.execute_script("document.getElementById('text').value = arguments[0];", LETTER)
        driver.find_element(By.ID, "start").click()
        deadline = time.monotonic() + 120
        while not driver.find_elements(By.CSS_SELECTOR, "#brief mark") and time.monotonic() < deadline:
            time.sleep(0.2)
        passive = driver.find_elements(By.CSS_SELECTOR, "#brief mark")
        target = next((m for m in passive if "Passiv" in (m.get_attribute("aria-label") or "")), passive[0])
        target.click()
        driver.execute_script("window.scrollTo(0, 0); document.activeElement.blur();")
        out.parent.mkdir(parents=True, exist_ok=True)
        partial = out.with_name(out.name + ".part")
        partial.write_bytes(driver.get_screenshot_as_png())
        partial.replace(out)
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
