"""A Front template's settings in the body scriptkit writes: a shared template's subject, folder and inboxes,
and a teammate's private template, whose body holds no inbox_ids (Front's private template takes none).

The project's own Front schema (scriptkit/targets/schemas/front.schema.json) is the reference here; the check
against Front's published OpenAPI description is ``python -m benchmarks.vendor_schemas`` (it needs ../shared)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from export_fixtures import LATE, schema, write_pack

from scriptkit.errors import ConfigError
from scriptkit.exporting import export


def test_a_shared_templates_settings_are_in_its_body(tmp_path: Path) -> None:
    text = LATE.replace("channels: [email, chat, phone]", "channels: [email]\nexport:\n  front:\n"
                        "    subject: Your parcel\n    folder_id: rsf_12\n    inbox_ids: [inb_1, inb_2]")
    pack = write_pack(tmp_path / "p", {"late.yaml": text})
    export(pack, ["front"], tmp_path / "out", lint=False)
    payload = json.loads((tmp_path / "out/front/message_templates/parcel-late.json").read_text(encoding="utf-8"))
    assert set(payload) == {"name", "body", "subject", "folder_id", "inbox_ids"}, payload
    assert (payload["subject"], payload["folder_id"], payload["inbox_ids"]) == ("Your parcel", "rsf_12",
                                                                                ["inb_1", "inb_2"])
    validator = jsonschema.Draft202012Validator(schema("front"))
    validator.validate(payload)
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({**payload, "inbox_ids": "inb_1"})  # (the schema bites: inboxes are a list)


def test_a_private_template_is_written_for_its_teammate_without_inboxes(tmp_path: Path) -> None:
    text = LATE.replace("channels: [email, chat, phone]", "channels: [email]\nexport:\n  front:\n"
                        "    teammate_id: tea_6r55a\n    subject: Your parcel\n    folder_id: rsf_12")
    pack = write_pack(tmp_path / "p", {"late.yaml": text})
    export(pack, ["front"], tmp_path / "out", lint=False)
    front = tmp_path / "out" / "front"
    payload = json.loads((front / "teammates/tea_6r55a/message_templates/parcel-late.json").read_text(encoding="utf-8"))
    assert set(payload) == {"name", "body", "subject", "folder_id"}, payload
    assert payload["subject"] == "Your parcel" and payload["folder_id"] == "rsf_12"
    jsonschema.validate(payload, schema("front"))
    assert not (front / "message_templates").exists()  # nothing for the shared address


@pytest.mark.parametrize("force", [False, True])
def test_inboxes_beside_a_teammate_are_refused_and_nothing_is_written(tmp_path: Path, force: bool) -> None:
    # A private template takes no inboxes: a wrong setting is bad input, refused forced or not (SK512).
    text = LATE.replace("channels: [email, chat, phone]", "channels: [email]\nexport:\n  front:\n"
                        "    teammate_id: tea_6r55a\n    inbox_ids: [inb_1, inb_2]")
    pack = write_pack(tmp_path / "p", {"late.yaml": text})
    with pytest.raises(ConfigError, match="inbox_ids"):
        export(pack, ["front"], tmp_path / "out", lint=False, force=force)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.json"))
