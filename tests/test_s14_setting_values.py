"""A wrong *value* of a helpdesk setting (a status Gorgias does not have, a Freshdesk folder id in
words) is refused by `scriptkit check`, located, as export refuses it: a pack that checks clean
used to print "All clear" and then fail its export with SK506."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

SCRIPT = ("id: late\ntitle: Orders::Late\n"
          "acknowledgment: I can see how frustrating it is that your parcel is late.\n"
          "warm_language: Thanks for bearing with me while I sort it out.\n"
          "flexibility:\n  guidance: Check the tracking page before you reply.\n"
          "solution: I've sent a new one today, and it arrives by Friday.\n")


def run(*args: str) -> Any:
    return CliRunner().invoke(main, [*args, "--grammar", "off"] if args[0] == "check" else list(args),
                              env={"NO_COLOR": "1", "COLUMNS": "200"})


@pytest.mark.parametrize(("target", "settings", "where", "message"), [
    ("gorgias", "    language: fr-FR\n", "scripts/late.yaml:10:15",
     "gorgias setting 'language' must be a two-letter ISO 639-1 code such as 'fr', not 'fr-FR'. Write 'fr'."),
    ("gorgias", "    language: French\n", "scripts/late.yaml:10:15",
     "gorgias setting 'language' must be a two-letter ISO 639-1 code such as 'fr', not 'French'. Write the "
     "language's two-letter code"),
    ("gorgias", "    status: pending\n", "scripts/late.yaml:10:13",
     "gorgias status 'pending' is not one of open, closed"),
    ("zendesk", "    public: 'no'\n", "scripts/late.yaml:10:13",
     "zendesk setting 'public' must be true or false, not 'no'"),
    ("zendesk", "    status: waiting\n", "scripts/late.yaml:10:13",
     "zendesk status 'waiting' is not one a macro can set"),
    ("freshdesk", "    visibility: everyone\n", "scripts/late.yaml:10:17",
     "freshdesk visibility 'everyone' is not one of"),
    ("freshdesk", "    folders:\n      Orders: Shipping\n", "scripts/late.yaml:11:15",
     "freshdesk folder and group ids are numbers, not 'Shipping'"),
    ("zendesk", "    placeholders:\n      customer.first_name: first name\n", "scripts/late.yaml:11:28",
     "zendesk placeholder mapping 'customer.first_name: first name' is not a field name"),
])
def test_check_refuses_a_setting_value_export_would_refuse(make_pack: Any, tmp_path: Path, target: str,
                                                           settings: str, where: str, message: str) -> None:
    root = make_pack({"late.yaml": SCRIPT + f"export:\n  {target}:\n" + settings})
    checked = run("check", str(root))
    assert checked.exit_code == 2, checked.output
    assert f"{root}/{where}: error: {message}" in checked.output
    assert "Traceback" not in checked.output and "All clear" not in checked.output
    # export says it as check does, the same exit code, with --force too (it was SK506, exit 1, forced through)
    for force in ((), ("--force",)):
        exported = run("export", str(root), "--to", target, "--out", str(tmp_path / "out"), *force)
        assert exported.exit_code == 2 and f"{root}/{where}: error: {message}" in exported.output, exported.output
        assert "SK506" not in exported.output and "Traceback" not in exported.output
        assert not (tmp_path / "out").exists()


def test_a_wrong_value_in_the_packs_block_is_located_in_pack_yaml(make_pack: Any) -> None:
    root = make_pack({"late.yaml": SCRIPT}, "name: Settings\nexport:\n  gorgias:\n    status: pending\n")
    checked = run("check", str(root))
    assert checked.exit_code == 2 and f"{root}/pack.yaml:4:13: error: gorgias status 'pending'" in checked.output


@pytest.mark.parametrize(("target", "settings"), [
    ("gorgias", "    language: fr\n    status: closed\n"),
    ("zendesk", "    public: false\n    status: solved\n"),
    ("freshdesk", "    visibility: all\n    folders:\n      Orders: 42\n"),
])
def test_right_values_check_clean_and_export(make_pack: Any, tmp_path: Path, target: str, settings: str) -> None:
    root = make_pack({"late.yaml": SCRIPT + f"export:\n  {target}:\n" + settings})
    checked = run("check", str(root))
    assert checked.exit_code == 0, checked.output
    exported = run("export", str(root), "--to", target, "--out", str(tmp_path / "out"))
    assert exported.exit_code == 0, exported.output


def test_a_bad_mapping_in_the_packs_block_is_located_there_when_the_script_has_a_block_too(make_pack: Any) -> None:
    # (the message names no key: the place was guessed from it, and was the script's own block)
    root = make_pack({"late.yaml": SCRIPT + "export:\n  gorgias:\n    status: open\n"},
                     "name: Settings\nexport:\n  gorgias:\n    placeholders:\n      customer.first_name: first name\n")
    checked = run("check", str(root))
    assert checked.exit_code == 2
    assert f"{root}/pack.yaml:5:28: error: gorgias placeholder mapping" in checked.output, checked.output


def test_a_bad_folder_id_is_located_at_its_folder(make_pack: Any) -> None:
    root = make_pack({"late.yaml": SCRIPT + "export:\n  freshdesk:\n    visibility: all\n"},
                     "name: Settings\nexport:\n  freshdesk:\n    folders:\n      Orders: 12\n      Billing: Money\n")
    checked = run("check", str(root))
    assert checked.exit_code == 2
    assert f"{root}/pack.yaml:6:16: error: freshdesk folder and group ids are numbers, not 'Money'" in checked.output


def test_a_script_left_out_of_a_helpdesk_is_not_refused_for_its_values_there(make_pack: Any, tmp_path: Path) -> None:
    root = make_pack({"late.yaml": SCRIPT + "export:\n  gorgias:\n    skip: true\n    status: pending\n"})
    checked = run("check", str(root))
    assert checked.exit_code == 0, checked.output
    assert run("export", str(root), "--to", "gorgias", "--out", str(tmp_path / "out")).exit_code == 0


def test_the_packs_wrong_value_is_refused_though_the_first_script_overrides_it(make_pack: Any, tmp_path: Path) -> None:
    # (only the first script's merged settings were read for the pack's block: its own status hid the
    # pack's, which every other script exports with)
    root = make_pack({"a.yaml": SCRIPT.replace("id: late", "id: a") + "export:\n  gorgias:\n    status: open\n",
                      "b.yaml": SCRIPT.replace("id: late", "id: b").replace("Orders::Late", "Orders::Later")},
                     "name: Settings\nexport:\n  gorgias:\n    status: done\n")
    checked = run("check", str(root))
    assert checked.exit_code == 2 and f"{root}/pack.yaml:4:13: error: gorgias status 'done'" in checked.output
    exported = run("export", str(root), "--to", "gorgias", "--out", str(tmp_path / "out"))
    assert exported.exit_code == 2 and f"{root}/pack.yaml:4:13: error: gorgias status 'done'" in exported.output


def test_every_wrong_value_is_reported_in_one_run(make_pack: Any, tmp_path: Path) -> None:
    root = make_pack({"late.yaml": SCRIPT}, "name: Settings\nexport:\n  freshdesk:\n    visibility: everyone\n"
                                            "  gorgias:\n    status: done\n    language: French\n")
    checked = run("check", str(root))
    # (export says them as check does; it was SK506 [missing-setting], exit 1)
    exported = run("export", str(root), "--to", "freshdesk,gorgias", "--out", str(tmp_path / "out"), "--force")
    for ran in (checked, exported):
        assert ran.exit_code == 2
        for where in ("pack.yaml:4:17: error: freshdesk visibility", "pack.yaml:6:13: error: gorgias status",
                      "pack.yaml:7:15: error: gorgias setting 'language'"):
            assert f"{root}/{where}" in ran.output, ran.output
        assert "3 problems found" in ran.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("target", "value", "hint"), [
    ("zendesk", "status: Solved", "Did you mean 'solved'? Use one of: open, pending, hold, solved."),
    ("zendesk", "status: solvd", "Did you mean 'solved'? Use one of: open, pending, hold, solved."),
    ("zendesk", "status: shipped", "Use one of: open, pending, hold, solved."),
    ("gorgias", "status: close", "Did you mean 'closed'? Use one of: open, closed."),
    ("freshdesk", "visibility: group", "Did you mean 'groups'? Use one of: all, personal, groups."),
    ("intercom", "visible_to: specific_team", "Did you mean 'specific_teams'? Leave it out"),
    ("salesforce", "channels: {mail: Email}", "Did you mean 'email'? Use one of: email, chat, sms, social."),
    ("zendesk", "active: 'no'", "Did you mean false? Write true or false, without quotes."),
    ("salesforce", "insertable: 'TRUE'", "Did you mean true? Write true or false, without quotes."),
    ("gorgias", "default_filter: maybe", "Write true or false, without quotes."),
])
def test_a_wrong_value_names_the_nearest_one_accepted(make_pack: Any, tmp_path: Path, target: str, value: str,
                                                      hint: str) -> None:
    root = make_pack({"late.yaml": SCRIPT}, f"name: Settings\nexport:\n  {target}:\n    {value}\n")
    for ran in (run("check", str(root)), run("export", str(root), "--to", target, "--out", str(tmp_path / "out"))):
        assert ran.exit_code == 2 and f"{root}/pack.yaml:4:" in ran.output, ran.output
        said = next(line for line in ran.output.splitlines() if line.startswith(f"{root}/pack.yaml:4:"))
        assert hint in said, said
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("value", "shown"), [("~", "null"), ("null", "null"), ("true", "true"), ("42", "42")])
def test_a_placeholder_mapped_to_no_text_is_refused(make_pack: Any, value: str, shown: str) -> None:
    # (YAML reads these as null, true and a number: 'None' and 'True' reached the helpdesk's body)
    root = make_pack({"late.yaml": SCRIPT}, f"name: Settings\nexport:\n  front:\n    placeholders:\n"
                                            f"      customer.first_name: {value}\n")
    checked = run("check", str(root))
    assert checked.exit_code == 2
    assert f"front placeholder mapping 'customer.first_name: {shown}' is not a field name" in checked.output


@pytest.mark.parametrize(("value", "shown"), [("~", "nothing (null)"), ("[false]", "a list"), ("1", "the number 1"),
                                              ("'no'", "'no'")])
def test_a_wrong_value_is_shown_as_the_writer_wrote_it(make_pack: Any, value: str, shown: str) -> None:
    # (Python's spelling reached the writer: "not None", "not [False]")
    root = make_pack({"late.yaml": SCRIPT + f"export:\n  zendesk:\n    public: {value}\n"})
    checked = run("check", str(root))
    assert checked.exit_code == 2
    assert f"zendesk setting 'public' must be true or false, not {shown}" in checked.output, checked.output
