"""Headless Chromium driven through the DevTools protocol, over a pipe (no port, no package): a page opens as
scriptkit wrote it, under its own Content-Security-Policy, and is read from outside by evaluating expressions in it,
which a policy allowing no injected script does not stop. Its console (a policy's refusals) is kept."""

from __future__ import annotations

import fcntl
import json
import os
import select
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from types import TracebackType
from typing import Any

from tests.conftest import require_external

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TIMEOUT = 120.0  # (seconds without an answer before a test fails rather than hangs)


def chromium() -> str:
    """The Chromium binary; where it is missing, a skip saying so (a failure under SCRIPTKIT_REQUIRE_EXTERNAL=1)."""
    found = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if found is None:
        require_external("headless Chromium is not installed (apt-get install chromium)")
    return found


def run(url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    """Chromium run once on ``url`` with ``extra`` switches (``--dump-dom``, ``--screenshot=...``) in a profile of
    its own, and what it printed; a skip where it is missing, as ``chromium``'s."""
    binary = chromium()
    with tempfile.TemporaryDirectory(prefix="scriptkit-chromium-", ignore_cleanup_errors=True) as profile:
        return subprocess.run([binary, *FLAGS, f"--user-data-dir={profile}", *extra, url],
                              capture_output=True, text=True, timeout=180, check=False)


def _high(fd: int) -> int:
    """``fd`` moved to 10 or above, closed on exec: the child's 3 and 4 are set from it without clobbering it."""
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return moved


class Page:
    """``url`` open in a viewport ``width`` x ``height``; ``evaluate`` an expression in it, ``console`` its messages.

    ``with Page(path.as_uri()) as page: page.evaluate("document.title")``"""

    def __init__(self, url: str, width: int = 1280, height: int = 900) -> None:
        self.url, self.width, self.height = url, width, height
        self.console: list[str] = []
        self._id = 0
        self._buffer = b""
        self._session = ""

    def __enter__(self) -> Page:
        binary = chromium()
        self._profile = tempfile.TemporaryDirectory(prefix="scriptkit-chromium-", ignore_cleanup_errors=True)
        commands, self._to = (_high(fd) for fd in os.pipe())  # (Chromium reads its commands from its fd 3)
        self._from, answers = (_high(fd) for fd in os.pipe())  # (and writes its answers to its fd 4)

        def pipes() -> None:
            os.dup2(commands, 3)
            os.dup2(answers, 4)

        self._process = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={self._profile.name}", "--remote-debugging-pipe", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            pass_fds=(3, 4), preexec_fn=pipes, start_new_session=True)
        os.close(commands)
        os.close(answers)
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        self._session = self.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable")
        self.send("Emulation.setDeviceMetricsOverride", width=self.width, height=self.height, deviceScaleFactor=1,
                  mobile=False)
        self.open(self.url)
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        # (closed as a user would: killed, its helpers went on writing into the profile being removed)
        try:
            os.write(self._to, json.dumps({"id": self._id + 1, "method": "Browser.close"}).encode("utf-8") + b"\0")
            self._process.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            os.killpg(self._process.pid, signal.SIGKILL)
            self._process.wait()
        os.close(self._to)
        os.close(self._from)
        self._profile.cleanup()

    def open(self, url: str) -> None:
        """Go to ``url`` and wait for its load event (the page's own script has run by then); within the page (a
        fragment), until its handlers of the change have run."""
        if "loaderId" in self.send("Page.navigate", url=url):
            self._wait(lambda m: m.get("method") == "Page.loadEventFired")
        else:  # (no new document: no load event comes)
            self.settle()

    def evaluate(self, expression: str) -> Any:
        """The value of ``expression`` in the page (a promise awaited), as JSON gives it back."""
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        assert "exceptionDetails" not in result, result["exceptionDetails"]
        return result["result"].get("value")

    def settle(self) -> None:
        """Two animation frames and a task: what a click or a hash change set in motion is drawn."""
        self.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))))")

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        self._id += 1
        message: dict[str, Any] = {"id": self._id, "method": method, "params": params}
        if self._session and not method.startswith("Target."):
            message["sessionId"] = self._session
        os.write(self._to, json.dumps(message).encode("utf-8") + b"\0")
        answer = self._wait(lambda m: m.get("id") == self._id)
        assert "error" not in answer, (method, answer["error"])
        result: dict[str, Any] = answer.get("result", {})
        return result

    def _wait(self, wanted: Any) -> dict[str, Any]:
        while True:
            while b"\0" not in self._buffer:
                ready, _, _ = select.select([self._from], [], [], TIMEOUT)
                chunk = os.read(self._from, 1 << 16) if ready else b""
                assert chunk, "Chromium stopped answering"
                self._buffer += chunk
            raw, self._buffer = self._buffer.split(b"\0", 1)
            message: dict[str, Any] = json.loads(raw)
            if message.get("method") == "Log.entryAdded":
                self.console.append(message["params"]["entry"]["text"])
            if wanted(message):
                return message
