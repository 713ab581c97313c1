"""`Library.write` in Python says how to replace an earlier import in Python's words too: its
message said only "pass --force", an option a Python caller does not have."""

from __future__ import annotations

from pathlib import Path

import pytest

import scriptkit


def test_writing_over_an_earlier_import_names_force_true(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("macros.csv").write_text(
        "title,body\nRefund sent,\"I've refunded your order today, and it reaches your card within 5 days.\"\n",
        encoding="utf-8")
    library = scriptkit.import_library("macros.csv")
    library.write("imported")
    with pytest.raises(scriptkit.ConfigError) as caught:
        library.write("imported")
    assert "imported already exists and is not empty" in str(caught.value)
    assert "pass force=True to replace it" in str(caught.value)
    assert library.write("imported", force=True) == Path("imported")
