"""Scriptkit's Front and Intercom exports against the vendors' own published API descriptions.

    python -m benchmarks.vendor_schemas

- Front (``front-core-api.json``, its Core API OpenAPI description): every message template written, shared
  or a teammate's private one, is a valid request body of the ``POST`` it is written for
  (CreateSharedMessageTemplate, CreateMessageTemplateAsChild, CreatePrivateMessageTemplate), with only fields
  Front declares and every field it requires.
- Intercom (``intercom-api-2.16.yaml``): every ``macros.json`` entry is a valid ``macro``, with only its
  fields, and spells placeholders in its body as the schema's own example does (``<attribute key=... />``).

Each is run on a small pack written here (every Front setting, every placeholder form) and on
``templates/starter``. The always-on tests (``tests/``) check the same exports against the schemas scriptkit
writes itself (``scriptkit/targets/schemas``); this one needs the vendors' files.

Reads ``$SCRIPTKIT_SHARED/reference/schemas`` or ``../shared/reference/schemas`` at run time only (nothing
from it is copied anywhere); prints ``SKIPPED`` and exits 0 when a file is absent, exits 1 when an export
does not conform.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from scriptkit.exporting import export

REPO = Path(__file__).resolve().parent.parent
STARTER = REPO / "templates" / "starter"
FRONT_FILE, INTERCOM_FILE = "front-core-api.json", "intercom-api-2.16.yaml"
FRONT_BASE = "urn:front-core-api"
#: each address a Front template is created at, and the request body Front's description names for it
FRONT_CREATE = {
    "/message_templates": "CreateSharedMessageTemplate",
    "/teams/{team_id}/message_templates": "CreateSharedMessageTemplate",
    "/teammates/{teammate_id}/message_templates": "CreatePrivateMessageTemplate",
    "/message_template_folders/{message_template_folder_id}/message_templates": "CreateMessageTemplateAsChild",
}
PRIVATE = "/teammates/{teammate_id}/message_templates"
#: Intercom's spelling of a placeholder in a macro's HTML body (the schema's example: <attribute key="user.name"
#: default="there"/>)
ATTRIBUTE = re.compile(r'<attribute key="([^"]+)"(?: default="([^"]*)")?/>')

PACK = """\
name: Lantern Outfitters help
channels:
  email:
    greeting: "Hello {{ customer.first_name | fallback('there') }},"
    signoff: |
      All the best,
      {{ agent.first_name }}
  chat:
    greeting: "Hey {{ customer.first_name }}!"
"""
# (our own sentences: a shared template with every Front setting, a teammate's private one, and a reply with
# every placeholder form: a fallback with an apostrophe and an ampersand, an empty one, none, a blank)
SCRIPTS = {
    "tent.yaml": """\
id: tent-pole
title: "Gear::Broken tent pole"
channels: [email, chat]
acknowledgment: "A pole snapping on night one is grim, {{ customer.first_name | fallback(\\"Ann O'Neil & co\\") }}."
warm_language: "Thanks for the photo of the break, {{ customer.full_name | fallback('') }}."
flexibility:
  blanks:
    - name: ship_day
      prompt: The day the spare pole ships
solution: "I've sent a spare pole for {{ customer.email }}; it ships {{ blank.ship_day }} and I'll check it left."
export:
  front:
    subject: Your spare tent pole
    folder_id: rsf_40
    inbox_ids: [inb_7, inb_9]
""",
    "stove.yaml": """\
id: stove-recall
title: "Gear::Stove recall"
channels: [email]
acknowledgment: "I know a recall notice for the stove you cook on is unsettling."
solution: "I've booked your free replacement today; it reaches you within five days."
export:
  front:
    teammate_id: tea_31
    subject: Your stove replacement
    folder_id: rsf_41
""",
    "lamp.yaml": """\
id: lamp-flicker
title: "Gear::Head lamp flickers"
channels: [email]
acknowledgment: "A lamp that flickers out on a dark trail is worrying, and I'm glad you're home safe."
solution: "I've posted a new lamp to you today; it arrives by Thursday."
export:
  front:
    team_id: tim_12
""",
}


class Checks:
    """The checks run so far: each printed as it is made, the failures counted for the exit code."""

    def __init__(self) -> None:
        self.made = 0
        self.failed = 0

    def __call__(self, ok: bool, what: str) -> None:
        self.made += 1
        if not ok:
            self.failed += 1
            print(f"  FAIL  {what}")


def schemas_dir() -> Path:
    env = os.environ.get("SCRIPTKIT_SHARED")
    return (Path(env) if env else REPO.parent / "shared") / "reference" / "schemas"


def _export(pack: Path, target: str, out: Path) -> Path:
    export(pack, [target], out, lint=False)
    return out / target


def _errors(validator: jsonschema.protocols.Validator, payload: Any) -> str:
    return "; ".join(f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}"
                     for e in validator.iter_errors(payload))


def _front_request(spec: dict[str, Any], path: str) -> tuple[jsonschema.protocols.Validator, dict[str, Any], str]:
    """The JSON request body of ``POST path``: a validator with its $refs resolved in the whole description, the
    schema itself and its name."""
    ref = spec["paths"][path]["post"]["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    registry = Registry().with_resource(FRONT_BASE, Resource.from_contents(spec, default_specification=DRAFT202012))
    resolved = registry.resolver(FRONT_BASE).lookup(ref).contents
    validator = jsonschema.Draft202012Validator({"$ref": FRONT_BASE + ref}, registry=registry)
    return validator, resolved, ref.rsplit("/", 1)[-1]


def _front_conforms(check: Checks, spec: dict[str, Any], path: str, files: list[Path]) -> None:
    validator, schema, _ = _front_request(spec, path)
    for file in files:
        payload = json.loads(file.read_text(encoding="utf-8"))
        errors = _errors(validator, payload)
        check(not errors, f"{file.name} as the body of POST {path}: {errors}")
        check(set(payload) <= set(schema["properties"]),
              f"{file.name}: fields Front does not declare for POST {path}: {set(payload) - set(schema['properties'])}")
        check(set(schema["required"]) <= set(payload),
              f"{file.name}: fields Front requires for POST {path} missing: {set(schema['required']) - set(payload)}")


def front(check: Checks, spec: dict[str, Any], pack: Path, starter_out: Path, tmp: Path) -> None:
    for path, name in FRONT_CREATE.items():
        check(_front_request(spec, path)[2] == name, f"POST {path} no longer takes a {name}")
    out = _export(pack, "front", tmp / "front-pack")
    shared = sorted((out / "message_templates").glob("*.json"))
    private = sorted((out / "teammates" / "tea_31" / "message_templates").glob("*.json"))
    check(len(shared) == 2 and len(private) == 1,
          f"expected 2 shared and 1 private template, found {len(shared)} and {len(private)}")
    team = sorted((out / "teams" / "tim_12" / "message_templates").glob("*.json"))
    check(len(team) == 1, f"expected 1 template of team tim_12, found {len(team)}")
    starter = sorted((starter_out / "message_templates").glob("*.json"))
    check(bool(starter), f"the starter pack wrote no Front template under {starter_out}")
    _front_conforms(check, spec, "/message_templates", shared + starter)
    _front_conforms(check, spec, "/teams/{team_id}/message_templates", shared + team + starter)
    # (a template whose folder_id is set goes to /message_templates, which takes the folder in its body; the
    # folder's own address names it in the path and takes no folder_id)
    no_folder = [f for f in shared + team + starter if "folder_id" not in json.loads(f.read_text(encoding="utf-8"))]
    _front_conforms(check, spec, "/message_template_folders/{message_template_folder_id}/message_templates", no_folder)
    _front_conforms(check, spec, PRIVATE, private)
    # the settings reached the body, and the vendor's schemas bite where scriptkit's choices matter
    payload = json.loads((out / "message_templates" / "tent-pole.json").read_text(encoding="utf-8"))
    check(payload.get("subject") == "Your spare tent pole" and payload.get("inbox_ids") == ["inb_7", "inb_9"],
          f"tent-pole.json lost its settings: {payload}")
    validator, _, _ = _front_request(spec, "/message_templates")
    check(bool(_errors(validator, {**payload, "inbox_ids": "inb_7"})), "Front's schema took inbox_ids as one string")
    check("inbox_ids" not in _front_request(spec, PRIVATE)[1]["properties"],
          "Front's private template now takes inbox_ids: scriptkit's export leaves them out of it")


def intercom(check: Checks, spec_file: Path, pack: Path, starter_out: Path, tmp: Path) -> None:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # (the file is 35,000 lines)
    macro = yaml.load(spec_file.read_text(encoding="utf-8"), Loader=loader)["components"]["schemas"]["macro"]
    check(bool(ATTRIBUTE.search(macro["properties"]["body"]["example"])),
          f"Intercom's macro body example no longer spells a placeholder <attribute .../>: "
          f"{macro['properties']['body']['example']}")
    validator = jsonschema.Draft202012Validator(macro)
    out = _export(pack, "intercom", tmp / "intercom-pack")
    listed: list[dict[str, Any]] = json.loads((out / "macros.json").read_text(encoding="utf-8"))["macros"]
    starter: list[dict[str, Any]] = json.loads((starter_out / "macros.json").read_text(encoding="utf-8"))["macros"]
    check(len(listed) >= 2 and bool(starter), f"too few macros: {len(listed)} from the pack, {len(starter)} starter")
    for entry in listed + starter:
        name = entry.get("name", "?")
        errors = _errors(validator, entry)
        check(not errors, f"macro {name!r} is no valid Intercom macro: {errors}")
        check(set(entry) <= set(macro["properties"]),
              f"macro {name!r}: fields Intercom does not declare: {set(entry) - set(macro['properties'])}")
        check("{{" not in entry["body"], f"macro {name!r}: a {{{{...}}}} placeholder in the HTML body")
    tent = next((e for e in listed if "tent pole" in e.get("name", "").casefold()), None)
    check(tent is not None and bool(ATTRIBUTE.search(tent["body"])),
          f"the tent-pole macro's body spells no placeholder as <attribute .../>: {tent}")
    check(bool(_errors(validator, {**listed[0], "available_on": ["email"]})),
          "Intercom's macro schema took an unknown available_on value")


def main() -> int:
    folder = schemas_dir()
    missing = [name for name in (FRONT_FILE, INTERCOM_FILE) if not (folder / name).is_file()]
    if missing:
        print(f"SKIPPED: {', '.join(missing)} not in {folder} (set SCRIPTKIT_SHARED to the folder holding "
              "reference/schemas/): vendor conformance not checked")
        return 0
    check = Checks()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        pack = tmp / "pack"
        (pack / "scripts").mkdir(parents=True)
        (pack / "pack.yaml").write_text(PACK, encoding="utf-8")
        for name, text in SCRIPTS.items():
            (pack / "scripts" / name).write_text(text, encoding="utf-8")
        export(STARTER, ["front", "intercom"], tmp / "starter", lint=False)
        runs: list[tuple[str, Callable[[], None]]] = [
            (f"Front ({FRONT_FILE})", lambda: front(
                check, json.loads((folder / FRONT_FILE).read_text(encoding="utf-8")), pack, tmp / "starter" / "front",
                tmp)),
            (f"Intercom ({INTERCOM_FILE})", lambda: intercom(
                check, folder / INTERCOM_FILE, pack, tmp / "starter" / "intercom", tmp)),
        ]
        for title, run in runs:
            before = check.failed
            print(f"== {title}")
            try:
                run()
            except Exception as error:  # (an export refused, a file not written: a failure to report, not a crash)
                check(False, f"{type(error).__name__}: {error}")
            print(f"  {'ok' if check.failed == before else 'FAILED'}")
    print(f"{check.made} checks, {check.failed} failed")
    return 1 if check.failed else 0


if __name__ == "__main__":
    sys.exit(main())
