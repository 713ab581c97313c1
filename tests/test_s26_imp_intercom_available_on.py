"""An Intercom macro available on the inbox or the messenger only (available_on) is named in the import notes:
the pack cannot carry it, and nothing is dropped in silence; one available on both is no news."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptkit import import_library

_BODY = "I'm sorry the refund is late. I have sent it again today and it arrives by Friday."


@pytest.mark.timeout(60)
def test_available_on_one_place_is_a_note(tmp_path: Path) -> None:
    path = tmp_path / "macros.json"
    path.write_text(json.dumps({"type": "list", "data": [
        {"type": "macro", "id": str(7 + i), "name": f"Refund {i}", "body_text": _BODY, "body": f"<p>{_BODY}</p>",
         "available_on": places} for i, places in enumerate((["inbox"], ["messenger"], ["inbox", "messenger"]))]}),
        encoding="utf-8")
    inbox, messenger, both = import_library(path, "intercom").macros
    assert any("available only on inbox in Intercom" in n for n in inbox.notes)
    assert any("available only on messenger in Intercom" in n for n in messenger.notes)
    assert not [n for n in both.notes if "available" in n]
