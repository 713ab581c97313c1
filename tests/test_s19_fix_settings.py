"""Settings that are there but cannot be read are said, located, with exit 2: a ``scriptkit.toml`` (or
``pyproject.toml``) that is a pipe, a link to a device or a folder was passed over, the team's settings dropped
without a word; a rules file that is a device was "not found". And ``render --script`` of an id the pack does not
have is located at the pack."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scriptkit.cli import main

SCRIPT = ("id: late\ntitle: Late parcel\nchannels: [email]\n"
          'acknowledgment: "I can see how annoying it is to wait for the parcel."\n'
          'warm_language: "Thank you for telling us."\n'
          'solution: "I have sent a new one today."\n')


def _pack(tmp_path: Path, pack_yaml: str = "name: Settings\n") -> Path:
    root = tmp_path / "pack"
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text(pack_yaml, encoding="utf-8")
    (root / "scripts" / "late.yaml").write_text(SCRIPT, encoding="utf-8")
    return root


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _device(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _folder(path: Path) -> None:
    path.mkdir()


@pytest.mark.timeout(60)
@pytest.mark.parametrize("name", ["scriptkit.toml", "pyproject.toml"])
@pytest.mark.parametrize(("make", "said"), [(_fifo, "is a device, a pipe or a socket, not a file of settings"),
                                            (_device, "is a device, a pipe or a socket, not a file of settings "
                                                      "(a link to /dev/zero)"),
                                            (_folder, "is a folder, not a file of settings")])
def test_settings_that_are_no_file_are_a_located_error(tmp_path: Path, name: str, make: object, said: str) -> None:
    root = _pack(tmp_path)
    settings = root / name
    make(settings)  # type: ignore[operator]
    run = _run("check", str(root))
    assert run.exit_code == 2, run.output
    place = "" if make is _folder else ":1:1"  # (a folder has no line to point at; a pipe or a device is there)
    assert f"{root.resolve() / name}{place}: error: {name} {said}" in run.output
    (root / "reply.txt").write_text("I am sorry about the wait.\n", encoding="utf-8")
    review = _run("review", str(root / "reply.txt"))  # (review finds the same settings)
    assert review.exit_code == 2 and f"{name} {said}" in review.output


def test_a_settings_link_to_nothing_is_a_located_error(tmp_path: Path) -> None:
    root = _pack(tmp_path)
    (root / "scriptkit.toml").symlink_to("gone.toml")
    run = _run("check", str(root))
    assert run.exit_code == 2
    assert "scriptkit.toml: error: scriptkit.toml is a link to gone.toml, which is not there" in run.output


def test_settings_as_a_file_still_apply(tmp_path: Path) -> None:
    root = _pack(tmp_path)
    (root / "scriptkit.toml").write_text('ignore = ["warmth", "readability", "structure", "flexibility"]\n',
                                         encoding="utf-8")
    assert _run("check", str(root)).exit_code in (0, 1)


@pytest.mark.timeout(60)
def test_a_rules_file_that_is_a_device_is_not_said_to_be_missing(tmp_path: Path) -> None:
    root = _pack(tmp_path, "name: Settings\nrules:\n  files: [/dev/zero]\n")
    run = _run("check", str(root))
    assert run.exit_code == 2
    assert f"{root / 'pack.yaml'}:3:11: error: /dev/zero is a device, a pipe or a socket, not a rules file" \
        in run.output
    assert "not found" not in run.output


def test_a_rules_file_linked_to_nothing_says_where_the_link_leads(tmp_path: Path) -> None:
    root = _pack(tmp_path, "name: Settings\nrules:\n  files: [voice.yaml]\n")
    (root / "voice.yaml").symlink_to("gone.yaml")
    run = _run("check", str(root))
    assert run.exit_code == 2
    assert "voice.yaml is a link to gone.yaml, which is not there" in run.output


def test_render_of_an_unknown_script_is_located_at_the_pack(tmp_path: Path) -> None:
    root = _pack(tmp_path)
    run = _run("render", str(root), "--script", "nope")
    assert run.exit_code == 2
    assert f"{root}: error: no script with id 'nope' in {root}" in run.output


def test_render_of_a_channel_no_script_is_written_for_is_located(tmp_path: Path) -> None:
    root = _pack(tmp_path)
    run = _run("render", str(root), "--channel", "sms")
    assert run.exit_code == 2
    assert f"{root}: error: no script in this pack is written for the sms channel" in run.output
