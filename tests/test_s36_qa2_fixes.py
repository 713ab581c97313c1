"""Session 36, second QA round: a note for a command-line selector is worded for the command line and placed at the
team rule; the shadowed-settings note stops at the repository; a layout's misspelt key hides nothing beside it;
a re-import keeps ids from any export folder; a Zendesk id of 5.0 is a whole number; check --fix says what is a
link."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli

REPLY = ('id: late\ntitle: Late\nacknowledgment: "I can see your parcel is late, unfortunately."\n'
         'warm_language: "Thanks for waiting."\nsolution: "I have sent it again today."\n'
         'flexibility: "Offer a call if they prefer."\n')


def _pack(root: Path, pack_yaml: str) -> Path:
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text(pack_yaml, encoding="utf-8")
    (root / "scripts" / "late.yaml").write_text(REPLY, encoding="utf-8")
    return root


def test_a_command_line_code_held_by_order_is_noted_at_the_rule(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _pack(tmp_path / "pack", "name: Replies\nrules:\n  custom:\n"
          "    - {name: no-unfortunately, kind: existence, terms: [unfortunately]}\n")
    result = run_cli("check", "pack", "--grammar", "off", "--select", "SK801", "--format", "concise")
    notes = [line for line in result.output.splitlines() if "SK800" in line]
    assert len(notes) == 1, result.output
    assert "<config>" not in notes[0] and notes[0].startswith("pack/pack.yaml:4:"), notes[0]
    assert "--select SK801" in notes[0] and "--select no-unfortunately" in notes[0], notes[0]


def test_settings_above_the_repository_are_neither_read_nor_noted(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.scriptkit]\nfail-on = "suggestion"\n', encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    _pack(repo / "pack", "name: Replies\n")
    monkeypatch.chdir(repo)
    result = run_cli("check", "pack", "--grammar", "off", "--format", "concise")
    assert "pyproject.toml" not in result.output and result.exit_code == 0, result.output
    (repo / "scriptkit.toml").write_text('ignore = ["SK104"]\n', encoding="utf-8")
    result = run_cli("check", "pack", "--grammar", "off", "--format", "concise")
    assert "pyproject.toml" not in result.output and result.exit_code == 0, result.output
    (repo / "pack" / "scriptkit.toml").write_text('ignore = ["SK104"]\n', encoding="utf-8")
    result = run_cli("check", "pack", "--grammar", "off", "--format", "concise")  # (inside it, still noted)
    notes = [line for line in result.output.splitlines() if "SK800" in line]
    assert len(notes) == 1 and notes[0].startswith("scriptkit.toml:1:1:"), result.output


def test_a_typo_in_a_helpdesk_layout_hides_nothing_beside_it(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _pack(tmp_path / "pack", "name: Replies\nexport:\n  front:\n    layouts:\n      email:\n"
          "        greting: \"Hi {{ customer.first_name | fallback(\u2018there\u2019) }},\"\n"
          "        signoff: \"{{ agent.first_nme }}\"\n")
    result = run_cli("check", "pack", "--grammar", "off", "--format", "concise")
    assert result.exit_code == 2, result.output
    assert "pack/pack.yaml:6:9: error: unknown key 'greting'" in result.output, result.output
    assert "pack/pack.yaml:6:56:" in result.output and "curly quote" in result.output, result.output
    assert "pack/pack.yaml:7:" in result.output and "agent.first_nme" in result.output, result.output


CHAT_TOO = ('id: late\ntitle: Orders / Late parcel\nchannels: [email, chat]\n'
            'acknowledgment: "I can see your parcel is late."\nsolution: "I have sent a new one today."\n'
            'by_channel:\n  chat:\n    solution: "New one sent today, it should reach you soon."\n')
EMAIL_ONLY = ('id: lost-box\ntitle: Orders / Box went missing\nchannels: [email]\n'
              'acknowledgment: "I am sorry your box went missing."\nsolution: "I have sent another one."\n')


@pytest.fixture()
def exported(tmp_path: Path) -> Path:
    pack = tmp_path / "pack"
    (pack / "scripts").mkdir(parents=True)
    (pack / "pack.yaml").write_text("name: Replies\n", encoding="utf-8")
    (pack / "scripts" / "late.yaml").write_text(CHAT_TOO, encoding="utf-8")
    (pack / "scripts" / "lost-box.yaml").write_text(EMAIL_ONLY, encoding="utf-8")
    done = run_cli("export", str(pack), "--to", "zendesk,intercom", "-o", str(tmp_path / "out"), "--grammar", "off",
                   "--force")
    assert done.exit_code == 0, done.output
    return tmp_path / "out"


@pytest.mark.parametrize("library", ["intercom/macros.json", "zendesk/macros/late-chat.json",
                                     "zendesk/macros/late.json"])
def test_an_export_folder_gives_back_its_ids(exported: Path, tmp_path: Path, library: str) -> None:
    assert (exported / "zendesk" / "macros" / "late-chat.json").is_file()  # (the chat text's own macro)
    result = run_cli("import", str(exported / library), "-o", str(tmp_path / "back"))
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "back" / "scripts").rglob("*.yaml"))
    assert names == (["late.yaml", "lost-box.yaml"] if library.endswith("macros.json") else ["late.yaml"]), names
    assert "made from their titles" not in result.output


@pytest.mark.parametrize(("written", "kept"), [("5.0", "id: 5"), ("5.5", None), ("1e999", None),
                                               ("9007199254740993.0", None)])
def test_a_zendesk_id_written_as_a_whole_float_is_kept(tmp_path: Path, written: str, kept: str | None) -> None:
    export = tmp_path / "macros.json"
    export.write_text('{"macros": [{"id": ' + written + ', "title": "Refund", "actions": [{"field": "comment_value", '
                      '"value": "Thanks for waiting. I have refunded you today."}]}]}\n', encoding="utf-8")
    result = run_cli("import", str(export), "--from", "zendesk", "-o", str(tmp_path / "back"))
    assert result.exit_code == 0, result.output
    script = (tmp_path / "back" / "scripts" / "refund.yaml").read_text(encoding="utf-8")
    if kept:
        assert kept in script and "not a Zendesk id" not in script, script
    else:
        assert "not a Zendesk id (a whole number from 1)" in script, script


SETTINGS = "name: Replies\nrules:\n  custom:\n    - {name: say-package, kind: substitution, swap: {parcel: package}}\n"


def _fix_refusal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, link: str, repository: bool) -> str:
    """check --fix's words for a pack whose ``link`` ("scripts", "pack" or "script") leads out of it."""
    outside = tmp_path / "outside"
    (outside / "pack" / "scripts").mkdir(parents=True)
    (outside / "pack" / "pack.yaml").write_text(SETTINGS, encoding="utf-8")
    (outside / "pack" / "scripts" / "late.yaml").write_text(REPLY, encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    if repository:
        (home / ".git").mkdir()
    if link == "pack":
        (home / "pack").symlink_to(outside / "pack")
    else:
        (home / "pack").mkdir()
        (home / "pack" / "pack.yaml").write_text(SETTINGS, encoding="utf-8")
        if link == "scripts":
            (home / "pack" / "scripts").symlink_to(outside / "pack" / "scripts")
        else:
            (home / "pack" / "scripts").mkdir()
            (home / "pack" / "scripts" / "late.yaml").symlink_to(outside / "pack" / "scripts" / "late.yaml")
    monkeypatch.chdir(home)
    result = run_cli("check", "pack", "--grammar", "off", "--fix")
    assert result.exit_code == 2, result.output
    assert "parcel" in (outside / "pack" / "scripts" / "late.yaml").read_text(encoding="utf-8")
    return " ".join(result.output.split())


@pytest.mark.parametrize(("link", "repository", "said", "not_said"), [
    ("scripts", True, "the folder pack/scripts holding this script is a link to", "copy the script"),
    ("scripts", False, "outside the pack (which is in no git repository)", "and its repository"),
    ("script", False, "this script is a link to", "and its repository"),
    ("pack", True, "the pack folder pack is a link to", "copy the script"),
])
def test_fix_says_which_link_leads_out_and_out_of_what(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, link: str,
                                                       repository: bool, said: str, not_said: str) -> None:
    words = _fix_refusal(tmp_path, monkeypatch, link, repository)
    assert said in words and not_said not in words, words
    # (a script or scripts folder linked out is not read at all, by check as by --fix, since session 38; the pack
    # folder itself is the folder asked for: read, and --fix says why it writes nothing there)
    assert ("--diff" in words) is (link == "pack"), words
    assert ("it is not read" in words) is (link != "pack"), words
