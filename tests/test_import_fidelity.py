"""What an import must not lose quietly: a Help Scout fallback written empty, a repeated key in a
JSON export, a reply wrapped whole in curly quotes."""

from __future__ import annotations

import json
from pathlib import Path

from scriptkit import export, import_library
from scriptkit.importers.dialects import PlaceholderPiece, parse_body


def test_a_help_scout_empty_fallback_is_kept() -> None:
    """``,fallback=`` says "write nothing when there is no name", which differs from no fallback."""
    pieces = parse_body("Hi {%customer.firstName,fallback=%}, thanks.", "helpscout", "Help Scout")
    assert pieces[1] == PlaceholderPiece("customer.first_name", "", "{%customer.firstName,fallback=%}")
    assert parse_body("Hi {%customer.firstName%}.", "helpscout", "Help Scout")[1] == \
        PlaceholderPiece("customer.first_name", None, "{%customer.firstName%}")


def test_a_help_scout_empty_fallback_comes_back_from_a_help_scout_round_trip(tmp_path: Path) -> None:
    source = tmp_path / "helpscout.json"
    source.write_text(json.dumps({"_embedded": {"saved_replies": [
        {"id": 7, "name": "Login help", "text": "<p>Hi {%customer.firstName,fallback=%}, I have reset your password "
                                                "today; please try again in a few minutes.</p>"}]}}), encoding="utf-8")
    pack = import_library(source, "helpscout").write(tmp_path / "pack")
    export(pack, ["helpscout"], tmp_path / "out", force=True, lint=False)
    (reply,) = json.loads((tmp_path / "out" / "helpscout" / "saved_replies.json").read_text(encoding="utf-8"))[
        "saved_replies"]
    assert reply["text"].startswith("<p>Hi {%customer.firstName,fallback=%}, I have reset")
