"""LibreOffice's side of baocao.writers.pdf.WarmConverter: a script run by a Python that has the UNO bridge.

It must not import baocao (that Python is LibreOffice's or the system's, not baocao's). Usage:
`python pdf_uno.py PIPE`: connects to the LibreOffice listening on the named pipe (retrying while it
starts), says "ready", then for each line of stdin, a JSON array [document, pdf], stores the PDF
and answers "ok" or "error <why>". When stdin closes it asks LibreOffice to quit.
"""

import json
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

STARTUP_SECONDS = 120


def _property(name, value):
    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def _desktop(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        except NoConnectException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def main():
    try:
        desktop = _desktop(sys.argv[1])
    except Exception as exc:  # noqa: BLE001 (told to the parent, which explains it)
        print(f"error {exc}".replace("\n", " "), flush=True)
        return
    print("ready", flush=True)
    for line in sys.stdin:
        source, target = json.loads(line)
        try:
            url = uno.systemPathToFileUrl(source)
            document = desktop.loadComponentFromURL(url, "_blank", 0, (_property("Hidden", True),))
            try:
                document.storeToURL(uno.systemPathToFileUrl(target), (_property("FilterName", "writer_pdf_Export"),))
            finally:
                document.close(True)
            print("ok", flush=True)
        except Exception as exc:  # noqa: BLE001 (one document's failure is told, the next may work)
            print(f"error {exc}".replace("\n", " "), flush=True)
    try:
        desktop.terminate()
    except Exception:  # noqa: BLE001,S110 (LibreOffice may already be gone; the parent ends it anyway)
        pass


if __name__ == "__main__":
    main()
