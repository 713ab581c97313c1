"""Front message templates against Front's own OpenAPI description, where ../shared holds it.

The always-on schema test (test_export_targets) uses the schema scriptkit writes itself; this
conformance check needs the vendor file and says plainly when it is not there."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from export_fixtures import LATE, write_pack
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from scriptkit.exporting import export

VENDOR = Path(__file__).resolve().parent.parent.parent / "shared" / "reference" / "schemas" / "front-core-api.json"
BASE = "urn:front-core-api"
CREATE_PATHS = {
    "/message_templates": "CreateSharedMessageTemplate",
    "/teams/{team_id}/message_templates": "CreateSharedMessageTemplate",
    "/teammates/{teammate_id}/message_templates": "CreatePrivateMessageTemplate",
    "/message_template_folders/{message_template_folder_id}/message_templates": "CreateMessageTemplateAsChild",
}


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    if not VENDOR.is_file():
        pytest.skip(f"Front's OpenAPI description is not at {VENDOR}: vendor conformance not checked")
    loaded: dict[str, Any] = json.loads(VENDOR.read_text(encoding="utf-8"))
    return loaded


def request_validator(spec: dict[str, Any], path: str) -> tuple[jsonschema.protocols.Validator, dict[str, Any]]:
    """The JSON request-body schema of ``POST path``, its $refs resolved inside the whole spec."""
    ref = spec["paths"][path]["post"]["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    registry = Registry().with_resource(BASE, Resource.from_contents(spec, default_specification=DRAFT202012))
    resolved = registry.resolver(BASE).lookup(ref).contents
    return jsonschema.Draft202012Validator({"$ref": BASE + ref}, registry=registry), resolved


@pytest.mark.parametrize("path", sorted(CREATE_PATHS))
def test_front_templates_valid_against_vendor_openapi(spec: dict[str, Any], tmp_path: Path, path: str) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE})
    export(pack, ["front"], tmp_path / "out", lint=False)
    validator, schema = request_validator(spec, path)
    assert spec["paths"][path]["post"]["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith(
        CREATE_PATHS[path])
    files = sorted((tmp_path / "out/front/message_templates").glob("*.json"))
    assert len(files) == 2
    for file in files:
        payload = json.loads(file.read_text(encoding="utf-8"))
        validator.validate(payload)
        assert set(payload) <= set(schema["properties"])  # only fields Front declares
        assert set(schema["required"]) <= set(payload)


def test_front_settings_valid_against_vendor_openapi(spec: dict[str, Any], tmp_path: Path) -> None:
    text = LATE.replace("channels: [email, chat, phone]", "channels: [email]\nexport:\n  front:\n"
                        "    subject: Your parcel\n    folder_id: rsf_12\n    inbox_ids: [inb_1, inb_2]")
    pack = write_pack(tmp_path / "p", {"late.yaml": text})
    export(pack, ["front"], tmp_path / "out", lint=False)
    payload = json.loads((tmp_path / "out/front/message_templates/parcel-late.json").read_text(encoding="utf-8"))
    assert payload["subject"] == "Your parcel" and payload["inbox_ids"] == ["inb_1", "inb_2"]
    validator, schema = request_validator(spec, "/message_templates")
    validator.validate(payload)
    assert set(payload) <= set(schema["properties"])
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({**payload, "inbox_ids": "inb_1"})  # the vendor schema does bite
