"""One Front message template on its own (a file of scriptkit's own export, ``front/message_templates/<script>.json``,
or ``GET /message_templates/{id}``'s response) is read as one template: not as a generic {title: text} map that
made a macro of each of its fields."""

from __future__ import annotations

import json
from pathlib import Path

from ruamel.yaml import YAML

from tests.conftest import run_cli

API = "https://acme.api.frontapp.com"


def _exported(tmp_path: Path) -> Path:
    """``scriptkit init``'s pack exported to Front: the export folder."""
    assert run_cli("init", str(tmp_path / "pack")).exit_code == 0
    result = run_cli("export", str(tmp_path / "pack"), "--to", "front", "-o", str(tmp_path / "out"),
                     "--grammar", "off")
    assert result.exit_code == 0, result.output
    return tmp_path / "out"


def _scripts(pack: Path) -> dict[str, dict[str, object]]:
    return {file.stem: YAML(typ="safe").load(file) for file in sorted((pack / "scripts").glob("*.yaml"))}


def test_one_template_file_of_the_export_is_one_macro_that_exports_back_the_same(tmp_path: Path) -> None:
    out = _exported(tmp_path)
    one = out / "front" / "message_templates" / "order-arrived-damaged.json"
    result = run_cli("import", str(one), "-o", str(tmp_path / "back"))
    assert result.exit_code == 0, result.output
    assert "Imported 1 macro(s)" in result.output
    assert "read as a Front message templates export" in result.output
    (script,) = _scripts(tmp_path / "back").values()
    # (the name's " / " is the script title's "::", as the export wrote it: the categories come back)
    assert script["title"] == json.loads(one.read_text(encoding="utf-8"))["name"].replace(" / ", "::")
    again = run_cli("export", str(tmp_path / "back"), "--to", "front", "-o", str(tmp_path / "again"), "--grammar",
                    "off")
    assert again.exit_code == 0, again.output
    (written,) = (tmp_path / "again" / "front" / "message_templates").glob("*.json")
    assert json.loads(written.read_text(encoding="utf-8")) == json.loads(one.read_text(encoding="utf-8"))


def test_one_template_as_front_api_gives_it_keeps_its_id_owner_and_subject(tmp_path: Path) -> None:
    one = tmp_path / "rsp_16yc.json"
    one.write_text(json.dumps({
        "_links": {"self": f"{API}/message_templates/rsp_16yc", "related": {"owner": f"{API}/teammates/tea_4"}},
        "id": "rsp_16yc", "name": "Refund on its way", "subject": "Your refund", "attachments": [],
        "is_available_for_all_inboxes": True, "inbox_ids": None,
        "body": "<p>Hi {{recipient.first_name}}, I'm sorry for the wait. I've sent your refund today.</p>"}),
        encoding="utf-8")
    result = run_cli("import", str(one), "-o", str(tmp_path / "back"))
    assert result.exit_code == 0, result.output
    (script,) = _scripts(tmp_path / "back").values()
    assert script["title"] == "Refund on its way"
    assert script["export"] == {"front": {"id": "rsp_16yc", "subject": "Your refund", "teammate_id": "tea_4"}}


def test_one_private_template_file_of_a_teammates_folder_stays_theirs(tmp_path: Path) -> None:
    folder = tmp_path / "out" / "front" / "teammates" / "tea_9" / "message_templates"
    folder.mkdir(parents=True)
    (folder / "refund.json").write_text(json.dumps({"name": "Refund", "body": "<p>I've sent your refund.</p>"}),
                                        encoding="utf-8")
    result = run_cli("import", str(folder / "refund.json"), "-o", str(tmp_path / "back"))
    assert result.exit_code == 0, result.output
    (script,) = _scripts(tmp_path / "back").values()
    assert script["export"] == {"front": {"teammate_id": "tea_9"}}


def test_one_template_given_as_generic_json_names_the_front_format(tmp_path: Path) -> None:
    out = _exported(tmp_path)
    one = out / "front" / "message_templates" / "order-arrived-damaged.json"
    result = run_cli("import", str(one), "--from", "json", "-o", str(tmp_path / "back"))
    assert result.exit_code == 2
    assert f"{one}:1:1: error:" in result.output
    assert "This looks like one Front message template on its own, not a list: pass --from front." in result.output
    assert not (tmp_path / "back").exists()


def test_a_generic_object_with_more_than_a_templates_fields_is_still_read_as_a_map(tmp_path: Path) -> None:
    library = tmp_path / "replies.json"
    library.write_text(json.dumps({"name": "Hi, what name should I use?", "body": "Thanks for the photo.",
                                   "refund": "I've sent your refund."}), encoding="utf-8")
    result = run_cli("import", str(library), "-o", str(tmp_path / "back"))
    assert result.exit_code == 0, result.output
    assert "Imported 3 macro(s)" in result.output
