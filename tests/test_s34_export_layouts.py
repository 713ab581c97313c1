"""A channel layout for one helpdesk (``export: {front: {layouts: {email: {greeting: "Hello,"}}}}`` in pack.yaml):
Front, Gorgias and Salesforce have no fallback for a name, so a greeting "Hi {{ customer.first_name |
fallback('there') }}," reached a nameless customer there as "Hi ,", and export only warned (SK504), with advice
naming a setting that did not exist. A team sending to Zendesk and Front kept two packs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from export_fixtures import write_pack

from scriptkit.cli import main
from scriptkit.errors import ScriptkitError
from scriptkit.exporting import export
from scriptkit.templates import template_dir

REFUND = """\
id: late-refund
title: "Billing::Refund is late"
channels: [email, chat]
acknowledgment: Waiting for money that is yours is stressful, and I understand why you are worried.
warm_language: Thank you for bearing with us.
flexibility:
  guidance: Check the bank.
solution: I've sent it to your card again today, and it will be there within 3 days.
"""

PACK = """\
name: Layouts pack
channels:
  email:
    greeting: "Hi {{ customer.first_name | fallback('there') }},"
    signoff: |
      Take care,
      {{ agent.first_name }}
  chat:
    greeting: "Hi {{ customer.first_name | fallback('there') }}!"
"""

NO_NAME = """\
export:
  front:
    layouts: &no_name
      email:
        greeting: "Hello,"
      chat:
        greeting: "Hello!"
  salesforce:
    layouts: *no_name
"""

#: a greeting with a bare name placeholder, as each helpdesk spells it
BARE_NAME = re.compile(r"Hi (\{\{recipient\.first_name\}\}|\{!Contact\.FirstName\})")


def _front_bodies(out: Path) -> list[str]:
    data = json.loads((out / "front/message_templates.json").read_text(encoding="utf-8"))
    return [t["body"] for t in data["message_templates"]]


def _salesforce_bodies(out: Path) -> list[str]:
    data = json.loads((out / "salesforce/quick_text.json").read_text(encoding="utf-8"))
    return [r["Message"] for r in data["records"]]


def _zendesk_bodies(out: Path) -> list[str]:
    data = json.loads((out / "zendesk/macros.json").read_text(encoding="utf-8"))
    return [a["value"] for m in data["macros"] for a in m["actions"] if a["field"].startswith("comment_value")]


def test_a_helpdesks_own_layout_replaces_the_greeting_there_alone(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"late-refund.yaml": REFUND}, PACK + NO_NAME)
    result = export(pack, ["front", "salesforce", "zendesk"], tmp_path / "out", lint=False)
    front, salesforce = _front_bodies(tmp_path / "out"), _salesforce_bodies(tmp_path / "out")
    assert len(front) == 2 and len(salesforce) == 2
    for body in front + salesforce:
        assert not BARE_NAME.search(body), body
        assert body.startswith(("<p>Hello,</p>", "<p>Hello! ", "Hello,\n", "Hello! ")), body
    # the pack's sign-off is kept where the override gives none
    assert any("Take care,<br>{{user.first_name}}" in body for body in front)
    # Zendesk, which has fallbacks, keeps the pack's own greeting
    assert all("Hi {{ticket.requester.first_name | default: 'there'}}" in b or "there" in b
               for b in _zendesk_bodies(tmp_path / "out"))
    assert not [d for d in result.diagnostics if d.code == "SK504"]


def test_without_the_override_the_bare_name_is_written_and_sk504_names_the_setting(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"late-refund.yaml": REFUND}, PACK)
    result = export(pack, ["front"], tmp_path / "out", lint=False)
    assert any(BARE_NAME.search(body) for body in _front_bodies(tmp_path / "out"))
    found = [d for d in result.diagnostics if d.code == "SK504"]
    assert found
    for d in found:
        assert f"export: {{front: {{layouts: {{{d.channel}: {{greeting: " in (d.suggestion or ""), d.suggestion
    docs = run("rule", "SK504").output
    assert "layouts:" in docs and "a channel layout of the pack used only for that export" not in docs


def test_the_override_merges_key_by_key_and_a_channel_the_pack_leaves_out_starts_from_the_default(
        tmp_path: Path) -> None:
    settings = "name: Bare\nexport:\n  front:\n    layouts:\n      chat:\n        greeting: \"Hello!\"\n"
    pack = write_pack(tmp_path / "p", {"late-refund.yaml": REFUND}, settings)
    result = export(pack, ["front"], tmp_path / "out", lint=False)
    bodies = _front_bodies(tmp_path / "out")
    assert any(b.startswith("<p>Hello! ") for b in bodies)
    # (email keeps scriptkit's default greeting, so its SK504 stays, and only there)
    assert [d.channel for d in result.diagnostics if d.code == "SK504"] == ["email"]


def run(*args: str) -> object:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.mark.parametrize(("block", "line", "col", "said"), [
    ("    layouts:\n      emial:\n        greeting: Hello,\n", 5, 7, "'emial' is not a channel. Did you mean 'email'?"),
    ("    layouts:\n      email:\n        greting: Hello,\n", 6, 9, "unknown key 'greting'. Did you mean 'greeting'?"),
    ("    layouts: [email]\n", 4, 14, "must be a mapping"),
    ("    layouts:\n      email:\n        signoff: [a]\n", 6, 18, "'signoff' must be text"),
    ("    layouts:\n      email:\n        separator: x\n", 6, 20, "separator does not start and end"),
    ("    layouts:\n      email:\n        greeting: \"Hi {{ customer.frist_name }},\"\n", 6, 35,
     "frist_name"),
    ("    channels:\n      email:\n        greeting: Hello,\n", 4, 5, "Did you mean 'layouts'?"),
])
def test_a_wrong_layout_is_refused_at_its_place_by_export_and_check(tmp_path: Path, block: str, line: int,
                                                                     col: int, said: str) -> None:
    settings = "name: Wrong\nexport:\n  front:\n" + block
    pack = write_pack(tmp_path / "p", {"late-refund.yaml": REFUND}, settings)
    with pytest.raises(ScriptkitError):
        export(pack, ["front"], tmp_path / "out", lint=False)
    assert not (tmp_path / "out").exists()
    for args in (("export", str(pack), "--to", "front", "-o", str(tmp_path / "out")),
                 ("check", str(pack), "--grammar", "off")):
        done = CliRunner().invoke(main, list(args))
        assert done.exit_code == 2, done.output
        assert f"pack.yaml:{line}:{col}" in done.output and said in done.output, done.output
        assert "Traceback" not in done.output


def test_a_layout_in_a_scripts_own_block_is_refused_there(tmp_path: Path) -> None:
    own = REFUND + "export:\n  front:\n    layouts:\n      email:\n        greeting: Hello,\n"
    pack = write_pack(tmp_path / "p", {"late-refund.yaml": own}, PACK)
    done = CliRunner().invoke(main, ["export", str(pack), "--to", "front", "-o", str(tmp_path / "out")])
    assert done.exit_code == 2, done.output
    assert "late-refund.yaml:11:5" in done.output and "pack.yaml" in done.output, done.output


def test_the_starter_pack_exports_to_every_helpdesk_with_no_bare_name(tmp_path: Path) -> None:
    from scriptkit.targets import available

    helpdesks = [t for t in available() if t not in ("csv", "json", "playbook")]
    result = export(template_dir("starter"), helpdesks, tmp_path / "out", lint=False)
    assert not [d for d in result.diagnostics if d.code == "SK504"], [d.message for d in result.diagnostics]
    for body in _front_bodies(tmp_path / "out") + _salesforce_bodies(tmp_path / "out"):
        assert not BARE_NAME.search(body), body
    gorgias = (tmp_path / "out/gorgias/macros.json").read_text(encoding="utf-8")
    assert "Hi {{ticket.customer.firstname}}" not in gorgias
