"""A teammate's private Front template against Front's own OpenAPI description, where ../shared holds it: the
body of ``POST /teammates/{teammate_id}/message_templates`` is a CreatePrivateMessageTemplate, which has no
inbox_ids (nor attachments)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from export_fixtures import LATE, write_pack
from test_export_front_vendor import VENDOR, request_validator

from scriptkit.exporting import export

PRIVATE = "/teammates/{teammate_id}/message_templates"


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    if not VENDOR.is_file():
        pytest.skip(f"Front's OpenAPI description is not at {VENDOR}: vendor conformance not checked")
    loaded: dict[str, Any] = json.loads(VENDOR.read_text(encoding="utf-8"))
    return loaded


@pytest.mark.parametrize("inboxes", ["", "\n    inbox_ids: [inb_1, inb_2]"])
def test_a_private_template_is_a_create_private_message_template(spec: dict[str, Any], tmp_path: Path,
                                                                  inboxes: str) -> None:
    # (with inbox_ids beside the teammate, check refuses the script; forced, the body still holds no inbox_ids)
    text = LATE.replace("channels: [email, chat, phone]", "channels: [email]\nexport:\n  front:\n"
                        "    teammate_id: tea_6r55a\n    subject: Your parcel\n    folder_id: rsf_12" + inboxes)
    pack = write_pack(tmp_path / "p", {"late.yaml": text})
    export(pack, ["front"], tmp_path / "out", lint=False, force=bool(inboxes))
    front = tmp_path / "out" / "front"
    payload = json.loads((front / "teammates/tea_6r55a/message_templates/parcel-late.json").read_text(encoding="utf-8"))
    assert payload["subject"] == "Your parcel" and payload["folder_id"] == "rsf_12"
    validator, schema = request_validator(spec, PRIVATE)
    assert spec["paths"][PRIVATE]["post"]["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "CreatePrivateMessageTemplate")
    validator.validate(payload)
    assert set(payload) <= set(schema["properties"])  # only fields Front declares for a private template
    assert set(schema["required"]) <= set(payload)
    assert "inbox_ids" not in schema["properties"]  # (the vendor schema does bite: a shared body's inboxes)
    assert not (front / "message_templates").exists()  # nothing for the shared address
