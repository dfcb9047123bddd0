"""A small driver for headless Chromium over the DevTools protocol (no browser download:
Debian's ``chromium``), enough for the browser tests and the report benchmark.

``Browser.start()`` launches Chromium with a fresh profile; ``browser.page()`` opens a tab
(a :class:`Page`) at 1280×900 that records Content-Security-Policy violations and console
errors, navigates, evaluates JavaScript, clicks, and saves screenshots.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import websocket

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--remote-debugging-port=0",
)
# Collects what the page itself reports going wrong, before any of its own code runs.
_WATCH = """
window.__problems = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__problems.push('CSP blocked ' + e.violatedDirective + ': ' + e.blockedURI));
window.addEventListener('error', e => window.__problems.push('error: ' + e.message), true);
"""


class BrowserError(RuntimeError):
    pass


@dataclass
class Page:
    ws: websocket.WebSocket
    timeout: float = 60.0
    _next: int = 0
    events: list[dict[str, Any]] = field(default_factory=list)

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        self._next += 1
        ident = self._next
        self.ws.send(json.dumps({"id": ident, "method": method, "params": params}))
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            message = json.loads(self.ws.recv())
            if message.get("id") == ident:
                if "error" in message:
                    raise BrowserError(f"{method}: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result
            self.events.append(message)
        raise BrowserError(f"{method}: no answer within {self.timeout} s")

    def wait_for(self, event: str) -> dict[str, Any]:
        for i, message in enumerate(self.events):
            if message.get("method") == event:
                del self.events[: i + 1]
                return message
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            message = json.loads(self.ws.recv())
            if message.get("method") == event:
                return message
        raise BrowserError(f"no {event} within {self.timeout} s")

    def open(self, url: str) -> float:
        """Navigate and wait for the load event; returns seconds from navigation start to
        the end of the load event, as the page measured it."""
        self.events.clear()
        answer = self.send("Page.navigate", url=url)
        if "errorText" in answer:
            raise BrowserError(f"{url}: {answer['errorText']}")
        if "loaderId" not in answer:  # same document, another fragment: nothing loads
            return 0.0
        self.wait_for("Page.loadEventFired")
        return float(
            self.js(
                "(() => { const n = performance.getEntriesByType('navigation')[0];"
                " return n ? n.loadEventEnd / 1000 : 0; })()"
            )
        )

    def js(self, expression: str) -> Any:
        result = self.send(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression[:80]}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def click(self, selector: str) -> None:
        """Click the element as a user would (scrolled into view, mouse events at its centre)."""
        box = self.js(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
            " if (!e) return null; e.scrollIntoView({block: 'center'});"
            " const r = e.getBoundingClientRect();"
            " return [r.left + r.width / 2, r.top + r.height / 2]; })()"
        )
        if box is None:
            raise BrowserError(f"nothing matches {selector!r}")
        for kind in ("mousePressed", "mouseReleased"):
            self.send(
                "Input.dispatchMouseEvent",
                type=kind,
                x=box[0],
                y=box[1],
                button="left",
                clickCount=1,
            )

    def key(self, name: str) -> None:
        """Press and release a key (``Tab``, ``Enter``...) as a user would."""
        codes = {"Tab": 9, "Enter": 13, "Escape": 27}
        text = {"Enter": "\r"}.get(name, "")
        for kind in ("keyDown", "keyUp"):
            self.send(
                "Input.dispatchKeyEvent",
                type=kind,
                key=name,
                code=name,
                windowsVirtualKeyCode=codes[name],
                text=text if kind == "keyDown" else "",
            )

    def problems(self) -> list[str]:
        return list(self.js("window.__problems || []"))

    def overflow(self) -> int:
        """How many pixels the page is wider than the window (0: no horizontal scrolling)."""
        return int(self.js("document.documentElement.scrollWidth - window.innerWidth"))

    def screenshot(self, path: Path, *, full_page: bool = False) -> Path:
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            height = min(int(self.js("document.documentElement.scrollHeight")), 12000)
            params["clip"] = {"x": 0, "y": 0, "width": 1280, "height": height, "scale": 1}
            params["captureBeyondViewport"] = True
        data = self.send("Page.captureScreenshot", **params)["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        return path


class Browser:
    def __init__(self, process: subprocess.Popen[bytes], port: int, profile: str) -> None:
        self.process = process
        self.port = port
        self.profile = profile

    @staticmethod
    def start(width: int = 1280, height: int = 900) -> Browser:
        if CHROMIUM is None:
            raise BrowserError("chromium is missing: apt-get install -y chromium")
        profile = tempfile.mkdtemp(prefix="dossier-chromium-")
        process = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port_file = Path(profile) / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not port_file.is_file() or not port_file.read_text().strip():
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise BrowserError("chromium did not start")
            time.sleep(0.05)
        return Browser(process, int(port_file.read_text().split()[0]), profile)

    def page(self, width: int = 1280, height: int = 900) -> Page:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/json/new?about:blank", method="PUT"
        )
        with urllib.request.urlopen(request, timeout=30) as answer:
            target = json.loads(answer.read())
        ws = websocket.create_connection(
            target["webSocketDebuggerUrl"], timeout=60, suppress_origin=True
        )
        page = Page(ws)
        page.send("Page.enable")
        page.send("Runtime.enable")
        page.send("Page.addScriptToEvaluateOnNewDocument", source=_WATCH)
        page.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )
        return page

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


def artifacts_dir() -> Path:
    """Where screenshots go: ``$DOSSIER_ARTIFACTS`` or ``test-artifacts/`` (git-ignored)."""
    root = os.environ.get("DOSSIER_ARTIFACTS")
    return Path(root) if root else Path(__file__).resolve().parents[2] / "test-artifacts"
