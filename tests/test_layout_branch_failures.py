"""A pack.yaml greeting or sign-off that fails only when a constant changes is an error of check, told once at
pack.yaml's line and column with when it fails (as a script's text is: see test_s32_jinja_runtime)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit import parallel
from scriptkit.cli import main

SCRIPT = ("id: {id}\ntitle: R\nchannels: [email, chat]\nacknowledgment: I can see how frustrating this is.\n"
          "warm_language: Thank you for your patience.\nsolution: I have checked your order and it ships today.\n")


def pack_yaml(greeting: str, open_today: str = "true") -> str:
    return (f"name: Test pack\nconstants:\n  open_today: {open_today}\n  refund_days: 5\nchannels:\n  email:\n"
            f"    greeting: '{greeting}'\n    signoff: 'Warm wishes, the team'\n")


def run(root: Path, *args: str) -> Any:
    result = CliRunner().invoke(main, [*args, str(root)], env={"NO_COLOR": "1"})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.mark.timeout(60)
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_greeting_that_fails_when_a_constant_changes_is_told_once_at_pack_yaml(
        make_pack: Any, jobs: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_SCRIPTS", 2)  # (-j 2: each worker's shard tells it, and the copies merge)
    merged: list[int] = []
    merge = parallel._merge
    monkeypatch.setattr(parallel, "_merge", lambda shards, *rest: merged.append(len(shards)) or merge(shards, *rest))
    greeting = "{% if open_today %}Hi there,{% else %}{{ refund_days + \" days\" }}{% endif %}"
    root = make_pack({f"s{i}.yaml": SCRIPT.format(id=f"s{i}") for i in range(3)}, pack_yaml=pack_yaml(greeting))
    result = run(root, "check", "-j", jobs)
    assert result.exit_code == 2, result.output
    col = 16 + greeting.index("+")  # (at the failing '+': "    greeting: '" is 15 characters)
    assert f"{root / 'pack.yaml'}:7:{col}: error: template failed in greeting" in result.output, result.output
    assert "(fails when open_today is false)" in result.output, result.output
    assert result.output.count("error:") == 1, result.output  # (once, however many scripts use the greeting)
    assert (merged[0] > 1) if jobs == "2" else not merged, merged
    assert "All clear" not in result.output
    assert run(root, "render").exit_code == 0  # (today's greeting renders: render is not refused for it)
    flipped = make_pack({}, pack_yaml=pack_yaml(greeting, "false"))
    assert run(flipped, "render").exit_code == 2  # (what check warned of)


@pytest.mark.timeout(60)
def test_a_greeting_that_renders_under_every_choice_stays_clear(make_pack: Any) -> None:
    greeting = "{% if open_today %}Hi there,{% else %}Hello, we reply in {{ refund_days }} days.{% endif %}"
    root = make_pack({"s.yaml": SCRIPT.format(id="s")}, pack_yaml=pack_yaml(greeting))
    result = run(root, "check", "-j", "1")
    assert result.exit_code != 2, result.output
    assert "fails when" not in result.output, result.output
