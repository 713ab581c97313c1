"""A Zendesk macro whose Liquid logic the pack cannot hold is imported without its id: the docs' loop
sends a file with an id to that macro, which would replace its working logic with plain text. A
macro whose greeting idiom became a fallback keeps its id."""

from __future__ import annotations

import json
from pathlib import Path

from scriptkit import import_library, load_pack


def _zendesk(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "macros.json"
    path.write_text(json.dumps({"macros": [{"id": 360009999001, "title": "Shipping::Late", "active": True,
                                            "actions": [{"field": "comment_value", "value": body}]}]}),
                    encoding="utf-8")
    return path


def test_a_macro_whose_logic_is_left_out_is_a_new_macro(tmp_path: Path) -> None:
    body = ("I'm sorry the parcel is late, I know how frustrating that is."
            "{% if ticket.priority == 'Urgent' %} I've upgraded it to next-day courier.{% endif %}"
            " I've chased the courier today and will write by Friday.")
    library = import_library(_zendesk(tmp_path, body), "zendesk")
    about = " ".join(library.macros[0].about)
    assert "id 360009999001 is not carried over" in about and "{zendesk: {id: 360009999001}}" in about
    pack = load_pack(library.write(tmp_path / "pack"))
    assert "id" not in pack.scripts[0].export.get("zendesk", {})


def test_a_greeting_idiom_keeps_the_id(tmp_path: Path) -> None:
    body = ("{% if ticket.requester.first_name %}Hi {{ticket.requester.first_name}}{% else %}Hello{% endif %}, "
            "I'm sorry the parcel is late. I've chased the courier today and will write by Friday.")
    pack = load_pack(import_library(_zendesk(tmp_path, body), "zendesk").write(tmp_path / "pack"))
    assert pack.scripts[0].export["zendesk"]["id"] == 360009999001
