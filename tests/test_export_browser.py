"""Exported HTML in a real browser: headless Chromium opens the agent playbook and an Intercom
paste page; hostile script text stays text and the blanks show highlighted."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_fixtures import LATE, write_pack

from scriptkit.exporting import export
from tests import browser

pytestmark = pytest.mark.chromium

HOSTILE = LATE.replace("id: parcel-late", "id: hostile").replace(
    '"Orders::Delivery::Parcel is late"', '"Orders::<img src=x onerror=alert(1)> late"').replace(
    "warm_language: \"I'm really sorry, and thank you for your patience.\"",
    "warm_language: \"Sorry </mark></p><script>document.body.dataset.pwned='1'</script> & more.\"")


def dom(page: Path) -> str:
    done = browser.run(page.as_uri(), "--dump-dom")
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
