"""`scriptkit rule` and `scriptkit rules` as the docs walkthrough met them: the examples they give
name real rules, and a pack's own rules are found where the messages say."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.rules import all_rules


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), env={"NO_COLOR": "1"})


def test_rule_help_names_a_rule_that_exists() -> None:
    help_text = " ".join(run("rule", "--help").stdout.split())
    example = re.search(r"by code \((SK\d+)\) or name \(([a-z-]+)\)", help_text)
    assert example is not None, help_text
    code, name = example.groups()
    assert {r.code: r.name for r in all_rules()}[code] == name  # (the two examples are one rule)
    shown = run("rule", name)
    assert shown.exit_code == 0 and shown.stdout.startswith(f"# {code} {name}")


VOICE = ("name: Team pack\nrules:\n  custom:\n    - name: say-parcel\n      kind: substitution\n"
         "      swap: {package: parcel}\n")
SCRIPT = "id: late\ntitle: Late\nacknowledgment: I can see the wait has been long.\nsolution: I've sent it today.\n"


def test_a_teams_rule_asked_for_without_its_pack_says_to_name_the_pack(
        make_pack: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_pack({"a.yaml": SCRIPT}, pack_yaml=VOICE)
    monkeypatch.chdir(tmp_path)  # (no pack here)
    result = run("rule", "say-parcel")
    assert result.exit_code == 2
    assert "no rule 'say-parcel'. If it is a rule of your pack, name the pack: " \
           "`scriptkit rule say-parcel --pack PACK`." in result.stderr
    monkeypatch.chdir(root)  # in the pack's folder, the command to run as it is given
    result = run("rule", "say-parcel")
    command = re.search(r"`scriptkit (rule say-parcel --pack \.)`", result.stderr)
    assert result.exit_code == 2 and command is not None, result.stderr
    shown = run(*command.group(1).split())
    assert shown.exit_code == 0 and shown.stdout.startswith("# SK801 say-parcel"), shown.output
    assert "--pack" in run("rule", "SK801").stderr  # (SK8xx: the custom rules' codes)


def test_a_typo_of_a_built_in_rule_is_still_a_did_you_mean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("rule", "corporate-phrse")
    assert result.exit_code == 2 and "Did you mean 'corporate-phrase'?" in result.stderr
    assert "--pack" not in result.stderr


def test_rules_of_a_pack_end_with_the_command_that_shows_one_of_them(make_pack: Any) -> None:
    root = make_pack({"a.yaml": SCRIPT}, pack_yaml=VOICE)
    result = run("rules", "--pack", str(root), "custom")
    assert result.exit_code == 0 and "SK801  say-parcel" in result.stdout
    last = result.stdout.splitlines()[-1]
    assert last == f"1 rule(s). Details: scriptkit rule CODE --pack {root}"
    shown = run(*last.split("Details: scriptkit ")[1].replace("CODE", "SK801").split())
    assert shown.exit_code == 0 and shown.stdout.startswith("# SK801 say-parcel")
    assert run("rules").stdout.splitlines()[-1].endswith("Details: scriptkit rule CODE")  # (no pack: as before)


@pytest.mark.parametrize("given", ["", "/pack.yaml"])
def test_a_pack_with_rules_but_no_scripts_yet_lists_them(make_pack: Any, given: str) -> None:
    root = make_pack({}, pack_yaml=VOICE)
    result = run("rules", "--pack", f"{root}{given}", "--format", "json")
    assert result.exit_code == 0, result.output
    assert [r["name"] for r in json.loads(result.stdout) if r["family"] == "custom"] == ["say-parcel"]
    shown = run("rule", "say-parcel", "--pack", str(root))
    assert shown.exit_code == 0 and shown.stdout.startswith("# SK801 say-parcel")


def test_a_bad_rule_in_the_settings_is_still_an_error_where_it_is(make_pack: Any) -> None:
    root = make_pack({}, pack_yaml=VOICE.replace("kind: substitution", "kind: substitutoin"))
    result = run("rules", "--pack", str(root))
    assert result.exit_code == 2 and f"{root}/pack.yaml:5:" in result.stderr, result.stderr
    assert run("rules", "--pack", str(root.parent / "nowhere")).exit_code == 2
