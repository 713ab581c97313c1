"""Session 34 (security and writer reviews): a script id that cannot name a file on every system (a name Windows
keeps for a device, or one too long) is refused at the id; SK406 is placed at the guidance it judges and an error in
a list an alias repeats where the alias is written; a common name of a channel ('text', 'e-mail', 'twitter') gets its
did-you-mean."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit import PackError, lint_pack, load_pack
from scriptkit.errors import ErrorGroup, ScriptkitError


def _pack(root: Path, script: str, name: str = "a.yaml") -> Path:
    (root / "pack" / "scripts").mkdir(parents=True)
    (root / "pack" / "pack.yaml").write_text("name: Replies\n", encoding="utf-8")
    (root / "pack" / "scripts" / name).write_text(script, encoding="utf-8")
    return root / "pack"


def _errors(pack: Path) -> list[ScriptkitError]:
    with pytest.raises((PackError, ErrorGroup)) as caught:
        load_pack(pack)
    found = caught.value
    return list(found.errors) if isinstance(found, ErrorGroup) else [found]


_REPLY = ("title: Refund\nacknowledgment: \"I can see the refund is late.\"\n"
          "solution: \"I have sent it again today.\"\n")


@pytest.mark.parametrize("script_id", ["con", "nul", "aux", "com1", "lpt9", "prn", "con.txt", "nul.backup"])
def test_an_id_windows_keeps_for_a_device_is_refused_at_the_id(tmp_path: Path, script_id: str) -> None:
    pack = _pack(tmp_path, f"id: {script_id}\n{_REPLY}")
    [error] = _errors(pack)
    assert error.location is not None and (error.location.line, error.location.col) == (1, 5)
    assert script_id in error.message and "Windows" in error.message
    assert error.hint is not None and f"{script_id.split('.')[0]}-reply" in error.hint


@pytest.mark.parametrize("script_id", ["console", "nullable", "com10", "auxiliary", "my-con"])
def test_ids_that_only_resemble_a_device_name_load(tmp_path: Path, script_id: str) -> None:
    assert load_pack(_pack(tmp_path, f"id: {script_id}\n{_REPLY}")).scripts[0].id == script_id


def test_an_id_too_long_for_a_file_name_is_refused_at_the_id_with_the_limit(tmp_path: Path) -> None:
    pack = _pack(tmp_path, f"title: Refund\nid: {'x' * 300}\nacknowledgment: \"I see.\"\nsolution: \"Sent.\"\n")
    [error] = _errors(pack)
    assert error.location is not None and (error.location.line, error.location.col) == (2, 5)
    assert "300" in error.message and "100" in error.message
    assert load_pack(_pack(tmp_path / "ok", f"id: {'x' * 100}\n{_REPLY}")).scripts[0].id == "x" * 100


def test_no_flexibility_of_a_label_guidance_is_reported_at_the_guidance(tmp_path: Path) -> None:
    pack = load_pack(_pack(tmp_path, "id: late\ntitle: Late\nemotion: upset\nchannels: [email]\n"
                                     "acknowledgment: \"I can see the parcel is late.\"\n"
                                     "solution: \"I have sent a new one today.\"\n"
                                     "flexibility:\n  guidance: none\n"))
    [found] = [d for d in lint_pack(pack, jobs=1).diagnostics if d.code == "SK406"]
    assert found.location is not None and (found.location.line, found.location.col) == (8, 13)


def test_no_flexibility_in_the_guidance_shorthand_is_reported_at_its_value(tmp_path: Path) -> None:
    pack = load_pack(_pack(tmp_path, "id: late\ntitle: Late\nacknowledgment: \"I can see the parcel is late.\"\n"
                                     "flexibility: Parcels\nsolution: \"I have sent a new one today.\"\n"))
    [found] = [d for d in lint_pack(pack, jobs=1).diagnostics if d.code == "SK406"]
    assert found.location is not None and (found.location.line, found.location.col) == (4, 14)


def test_an_error_in_a_list_repeated_by_an_alias_is_reported_where_the_alias_is(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "id: late\ntitle: Late\n"
                           "acknowledgment: &both [\"I can see it is late.\", \"I know it is late.\"]\n"
                           "flexibility:\n  conditions:\n    - when: they are upset\n      text: *both\n"
                           "solution: \"I have sent a new one today.\"\n")
    [error] = _errors(pack)
    assert "must be text" in error.message
    assert error.location is not None and (error.location.line, error.location.col) == (7, 13)


@pytest.mark.parametrize(("written", "meant"), [
    ("text", "sms"), ("txt", "sms"), ("sms message", "sms"), ("Text", "sms"), ("e-mail", "email"),
    ("mail", "email"), ("twitter", "social"), ("facebook", "social"), ("phone call", "phone"), ("voice", "phone"),
    ("whatsapp", "chat"), ("Chat", "chat")])
def test_a_common_name_of_a_channel_is_suggested(tmp_path: Path, written: str, meant: str) -> None:
    pack = _pack(tmp_path, f"id: late\ntitle: Late\nchannels: [email, {written}]\n{_REPLY[14:]}")
    [error] = _errors(pack)
    assert f"'{written}' is not a channel" in error.message
    assert error.hint is not None and error.hint.startswith(f"Did you mean '{meant}'?")
