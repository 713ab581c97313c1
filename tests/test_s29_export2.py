"""Export summary and warnings: a Gorgias |default fallback an empty value skips, the source of a limit the writer
set, scripts left out by skip, and the files a forced export writes that the helpdesk will refuse."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jinja2
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.exporting import export
from scriptkit.targets.base import EXPORT_CODES, BaseTarget
from scriptkit.targets.gorgias import GorgiasTarget

REPLY = ("acknowledgment: I can see how frustrating it is that your parcel is late.\n"
         "warm_language: Thanks for bearing with me while I sort it out.\n"
         "solution: I've sent a new one today, and it arrives by Friday.\n")


def script(ident: str, title: str, extra: str = "") -> str:
    return f"id: {ident}\ntitle: \"{title}\"\n{REPLY}{extra}"


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), env={"NO_COLOR": "1", "COLUMNS": "200"})


# ---------------------------------------------------------------- 1. Gorgias |default and an empty value

def test_gorgias_default_filter_warns_that_an_empty_first_name_still_leaves_a_gap(make_pack: Any,
                                                                                  tmp_path: Path) -> None:
    root = make_pack({"late.yaml": script("late", "Parcel late", "export:\n  gorgias: {default_filter: true}\n")},
                     "name: Demo\nchannels:\n  email:\n"
                     "    greeting: \"Hi {{ customer.first_name | fallback('there') }},\"\n")
    result = export(root, "gorgias", tmp_path / "out", lint=False)
    body = json.loads((tmp_path / "out/gorgias/macros/late.json").read_text())["actions"][0]["arguments"]["body_text"]
    assert body.startswith('Hi {{ticket.customer.firstname|default("there")}},')
    # what Jinja's default does with it: a missing name reads "there", an empty one a gap
    template = jinja2.Environment().from_string(body.splitlines()[0])
    assert template.render(ticket={"customer": {}}) == "Hi there,"
    assert template.render(ticket={"customer": {"firstname": ""}}) == "Hi ,"
    warned = [d for d in result.diagnostics if d.code == "SK504" and d.extra.get("target") == "gorgias"]
    assert len(warned) == 1, [d.message for d in result.diagnostics]
    assert "empty" in warned[0].message and '"there"' in warned[0].message


# ---------------------------------------------------------------- 2. a limit the writer set

def test_a_limit_set_in_pack_yaml_is_said_to_be_set_there(make_pack: Any, tmp_path: Path) -> None:
    root = make_pack({"late.yaml": script("late", "A parcel that is very late indeed today")},
                     "name: Demo\nexport:\n  salesforce: {limits: {title: 30}}\n")
    done = export(root, "salesforce", tmp_path / "out", lint=False, force=True)
    said = [d.message for d in done.diagnostics if d.code == "SK501"]
    assert said == ["salesforce title is 39 characters; the limit is 30 (set under export: salesforce: limits in "
                    "pack.yaml)"]


def test_a_limit_set_in_the_script_is_said_to_be_set_there_and_the_default_keeps_its_source(
        make_pack: Any, tmp_path: Path) -> None:
    long_title = "A parcel that is very late indeed today, and more " * 6
    root = make_pack({"late.yaml": script("late", "A parcel that is very late indeed today",
                                          "export:\n  salesforce: {limits: {title: 30}}\n"),
                      "long.yaml": script("long", long_title.strip())})
    done = export(root, "salesforce", tmp_path / "out", lint=False, force=True)
    said = {d.script_id: d.message for d in done.diagnostics if d.code == "SK501"}
    assert said["late"].endswith("the limit is 30 (set under export: salesforce: limits in late.yaml)")
    assert said["long"].endswith("the limit is 255 (QuickText field lengths)"), said


# ---------------------------------------------------------------- 3. skipped scripts in the summary

def test_the_summary_names_the_scripts_skip_left_out(make_pack: Any, tmp_path: Path) -> None:
    root = make_pack({"late.yaml": script("late", "Parcel late"),
                      "quiet.yaml": script("quiet", "Parcel quiet", "export:\n  gorgias: {skip: true}\n")})
    done = run("export", str(root), "--to", "gorgias,zendesk", "--out", str(tmp_path / "out"))
    assert done.exit_code == 0, done.output
    assert "gorgias: 1 macro (1 script skipped by its settings: quiet)\n" in done.output
    assert "zendesk: 2 macros\n" in done.output


# ---------------------------------------------------------------- 4. what a forced export writes that will bounce

def test_a_forced_export_names_the_files_the_helpdesk_will_refuse(make_pack: Any, tmp_path: Path) -> None:
    long_body = "acknowledgment: I can see how frustrating it is that your parcel is late.\n" \
                "warm_language: \"" + "Thanks for bearing with me while I sort it out. " * 100 + "\"\n" \
                "solution: I've sent a new one today, and it arrives by Friday.\n"
    root = make_pack({"late.yaml": script("late", "Parcel late"),
                      "long.yaml": f"id: long\ntitle: Parcel very late\n{long_body}",
                      "hi.yaml": script("hi", "Hi")})
    done = run("export", str(root), "--to", "salesforce,freshdesk", "--out", str(tmp_path / "out"), "--force")
    assert done.exit_code == 0, done.output
    assert re.search(r"salesforce will refuse 1 file, over its limits: salesforce/quick_text/long.json \(the reply "
                     r"is [\d,]+ characters; the limit is 4,096\)", done.output), done.output
    assert "freshdesk will refuse 1 file, over its limits: freshdesk/canned_responses/hi.json (the title is 2 " \
           "characters; it needs at least 3)" in done.output
    assert "late.json" not in done.output.split("will refuse")[-1]


def test_a_limit_raised_past_the_helpdesks_own_is_still_named_as_refused(make_pack: Any, tmp_path: Path) -> None:
    root = make_pack({"long.yaml": script("long", "A parcel " * 30 + "late")},
                     "name: Demo\nexport:\n  salesforce: {limits: {title: 500}}\n")
    done = export(root, "salesforce", tmp_path / "out", lint=False)
    assert not [d for d in done.diagnostics if d.code == "SK501"]
    assert done.refused == {"salesforce": [("salesforce/quick_text/long.json",
                                            "the title is 274 characters; the limit is 255")]}


# ---------------------------------------------------------------- 5. SK508 and the base target's traits

def test_sk508_says_it_covers_agent_notes_and_the_base_target_declares_its_traits() -> None:
    name, _, meaning = EXPORT_CODES["SK508"]
    assert name == "variants-dropped"
    assert "guidance" in meaning and "alternatives" in meaning and "conditions" in meaning
    assert BaseTarget.keeps_notes is False
    gorgias = GorgiasTarget()  # (no rule of its own: BaseTarget's)
    assert gorgias.title_scopes_meet(None, "team 1") and gorgias.title_scopes_meet("team 1", "team 1")
    assert not gorgias.title_scopes_meet("team 1", "team 2")


# ---------------------------------------------------------------- 6. blank_markers in the docs' table

def test_the_common_settings_table_has_blank_markers() -> None:
    index = (Path(__file__).parent.parent / "docs/export/index.md").read_text(encoding="utf-8")
    assert re.search(r"^\| `blank_markers` \| .+ \|$", index, re.MULTILINE)


# ---------------------------------------------------------------- 7. targets as one text with commas

def test_targets_given_as_one_text_with_commas(make_pack: Any, tmp_path: Path) -> None:
    root = make_pack({"late.yaml": script("late", "Parcel late")},
                     "name: Demo\nexport:\n  targets: ' gorgias, ,zendesk '\n")
    assert sorted(export(root, "gorgias, json", tmp_path / "a", lint=False).counts) == ["gorgias", "json"]
    assert sorted(export(root, [], tmp_path / "b", lint=False).counts) == ["gorgias", "zendesk"]
    done = run("export", str(root), "--to", "gorgias, ,json", "--out", str(tmp_path / "c"))
    assert done.exit_code == 0 and "json: 1" in done.output, done.output
