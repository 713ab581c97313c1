"""Exported HTML in a real browser: headless Chromium opens the agent playbook and an Intercom
paste page; hostile script text stays text and the blanks show highlighted."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from export_fixtures import LATE, write_pack

from scriptkit.exporting import export
from tests.conftest import require_external

pytestmark = pytest.mark.chromium

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]

HOSTILE = LATE.replace("id: parcel-late", "id: hostile").replace(
    '"Orders::Delivery::Parcel is late"', '"Orders::<img src=x onerror=alert(1)> late"').replace(
    "warm_language: \"I'm really sorry, and thank you for your patience.\"",
    "warm_language: \"Sorry </mark></p><script>document.body.dataset.pwned='1'</script> & more.\"")


def dom(page: Path) -> str:
    binary = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if binary is None:
        require_external("headless Chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="scriptkit-chromium-") as profile:
        done = subprocess.run([str(binary), *FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
                              capture_output=True, text=True, timeout=180, check=False)
    assert "<body" in done.stdout, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("browser-export")
    pack = write_pack(root / "p", {"late.yaml": LATE, "hostile.yaml": HOSTILE})
    export(pack, ["playbook", "intercom"], root / "out", lint=False, force=True)
    return root / "out"


def test_playbook_in_chromium(out: Path) -> None:
    seen = dom(out / "playbook/playbook.html")
    assert "data-pwned" not in seen and "&lt;script&gt;document.body.dataset.pwned" in seen
    assert "<img" not in seen and "&lt;img src=x onerror=alert(1)&gt; late" in seen
    assert seen.count("<article") == 2 and "<h2>Orders / Delivery</h2>" in seen
    assert "<mark>[[new date]]</mark>" in seen


def test_intercom_paste_page_in_chromium(out: Path) -> None:
    seen = dom(out / "intercom/macros/hostile.html")
    assert "data-pwned" not in seen and "&lt;/mark&gt;&lt;/p&gt;&lt;script&gt;" in seen
    assert '{{user.first_name|fallback:"there"}}' in seen
    assert "<mark>[[new date]]</mark>" in seen
