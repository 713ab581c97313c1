"""A list inside a list loses its indent: the pack writes its items among the outer list's ('1. Open Settings',
'- Cards', '2. Press Delete'), and the HTML exports write that paragraph as lists side by side. Read back, each of
those lists was a paragraph of its own: the email text gained blank lines, no longer matched Help Scout's chatText,
and came back with a spurious 'Chat version' alternative (SK508 on every other helpdesk)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from scriptkit.importers.html import html_to_text
from tests.conftest import run_cli

NESTED = "Hi {{customer.first_name}},\n\n1. Open Settings\n- Cards\n- Banks\n2. Press Delete"


def test_scriptkits_own_help_scout_export_of_a_nested_list_reads_back_as_written(make_pack: Any,
                                                                                 tmp_path: Path) -> None:
    script = "id: nested-list\ntitle: Nested list\nchannels: [email]\nacknowledgment: ''\nsolution: |-\n"
    script += "".join(f"  {line}\n" if line else "\n" for line in NESTED.split("\n"))
    pack = make_pack({"nested-list.yaml": script},
                     pack_yaml="name: Nested\nchannels:\n  email:\n    greeting: ''\n    signoff: ''\n")
    exported = run_cli("export", str(pack), "--to", "helpscout", "--out", str(tmp_path / "out"), "--force")
    assert exported.exit_code == 0, exported.output
    replies = tmp_path / "out" / "helpscout" / "saved_replies.json"
    written = json.loads(replies.read_text(encoding="utf-8"))["saved_replies"][0]
    assert "</ol><ul>" in written["text"]  # (the lists side by side)
    imported = run_cli("import", str(replies), "-o", str(tmp_path / "back"))
    assert imported.exit_code == 0, imported.output
    script = (tmp_path / "back" / "scripts" / "nested-list.yaml").read_text(encoding="utf-8")
    assert "Chat version" not in script and "alternatives" not in script, script
    assert "  1. Open Settings\n  - Cards\n  - Banks\n  2. Press Delete\n" in script, script


def test_lists_side_by_side_are_one_paragraph_unless_one_list_would_have_held_both() -> None:
    assert html_to_text("<ol><li>Open</li></ol><ul><li>Cards</li></ul>\n<ol start=\"2\"><li>Delete</li></ol>") \
        == "1. Open\n- Cards\n2. Delete"
    assert html_to_text("<ul><li>Cards</li></ul><ol><li>Open</li></ol>") == "- Cards\n1. Open"
    assert html_to_text("<ol><li>a</li></ol><ol start=\"5\"><li>e</li></ol>") == "1. a\n5. e"
    # (one paragraph of '- a' and '- b', or of '1. a' and '2. b', is one list: two lists are two paragraphs)
    assert html_to_text("<ul><li>a</li></ul><ul><li>b</li></ul>") == "- a\n\n- b"
    assert html_to_text("<ol><li>a</li></ol><ol start=\"2\"><li>b</li></ol>") == "1. a\n\n2. b"
    # (anything between them, text or a tag, keeps them apart)
    assert html_to_text("<ol><li>a</li></ol><p></p><ul><li>b</li></ul>") == "1. a\n\n- b"
    assert html_to_text("<ol><li>a</li></ol>then<ul><li>b</li></ul>") == "1. a\n\nthen\n\n- b"
