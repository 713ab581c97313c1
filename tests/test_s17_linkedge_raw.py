"""A Liquid fallback whose braces the export wrote in {% raw %} ('{% raw %}{{{% endraw %}x}}') is read back as that
placeholder's fallback, so a Zendesk macro survives a second round trip through the pack."""

from __future__ import annotations

import json
from pathlib import Path

from scriptkit import export, import_library
from scriptkit.importers.dialects import PlaceholderPiece, parse_body

BODY = "Hi {{ticket.requester.first_name | default: '{% raw %}{{x}}{% endraw %}'}} ok. I'll refund it today."


def _macros(path: Path, field: str, value: str) -> Path:
    path.write_text(json.dumps({"macros": [{"id": 1, "title": "Refund", "actions": [
        {"field": field, "value": value}]}]}), encoding="utf-8")
    return path


def test_a_raw_fallback_survives_two_round_trips(tmp_path: Path) -> None:
    first = import_library(_macros(tmp_path / "z.json", "comment_value", BODY), "zendesk")
    pack = first.write(tmp_path / "pack")
    export(pack, ["zendesk"], tmp_path / "out", lint=False)
    macro = json.loads((tmp_path / "out" / "zendesk" / "macros.json").read_text(encoding="utf-8"))["macros"][0]
    (action,) = [a for a in macro["actions"] if a["field"].startswith("comment_value")]
    assert "{% raw %}" in action["value"]
    second = import_library(_macros(tmp_path / "z2.json", action["field"], action["value"]), "zendesk")
    assert second.macros[0].text == first.macros[0].text
    assert "[[" not in second.macros[0].text


def test_raw_tags_in_an_else_branch_keep_their_text_as_the_fallback() -> None:
    text = ("Hi {% if ticket.requester.first_name and ticket.requester.first_name != blank %}"
            "{{ticket.requester.first_name}}{% else %}{% raw %}{{{% endraw %}x}}{% endif %} ok.")
    (placeholder,) = [p for p in parse_body(text, "zendesk", "Zendesk") if isinstance(p, PlaceholderPiece)]
    assert (placeholder.name, placeholder.fallback) == ("customer.first_name", "{{x}}")
