"""A script with thousands of unknown keys (a table pasted in) is reported in a bounded way."""

from __future__ import annotations

from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

HEAD = "id: b\ntitle: Billing\nacknowledgment: I understand the bill looks wrong.\nsolution: I will fix it today.\n"


@pytest.mark.timeout(60)
def test_thousands_of_unknown_keys_list_the_first_fifty_then_say_how_many_more(make_pack: Any) -> None:
    keys = "".join(f"col{i}: cell\n" for i in range(3000))
    root = make_pack({"b.yaml": HEAD + keys})
    result = CliRunner().invoke(main, ["check", str(root), "-j1", "--format", "text"], env={"NO_COLOR": "1"})
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    out = result.output
    assert out.count("error: unknown key 'col") == 50, out[-2000:]
    assert "unknown key 'col49'" in out and "unknown key 'col50'" not in out
    where = root / "scripts" / "b.yaml"
    # at the first key not listed (line 5 + 50), with the count of the rest
    assert f"{where}:55:1: error: 2,950 more unknown keys in this file" in out, out[-2000:]


def test_a_few_unknown_keys_are_each_listed_with_a_suggestion(make_pack: Any) -> None:
    root = make_pack({"b.yaml": HEAD + "tittle: x\nchanels: [email]\n"})
    result = CliRunner().invoke(main, ["check", str(root), "-j1", "--format", "text"], env={"NO_COLOR": "1"})
    assert result.exit_code == 2, result.output
    assert "unknown key 'tittle'. Did you mean 'title'?" in result.output
    assert "unknown key 'chanels'. Did you mean 'channels'?" in result.output
    assert "more unknown keys" not in result.output


@pytest.mark.timeout(60)
def test_a_flood_of_problems_in_one_file_prints_the_first_hundred_then_how_many_more(make_pack: Any) -> None:
    variants = "".join("  -\n" for _ in range(300))  # 300 empty variants: one problem each
    root = make_pack({"b.yaml": "id: b\ntitle: Billing\nacknowledgment:\n" + variants
                      + "solution: I will fix it today.\n", "ok.yaml": "id: ok\ntitle: OK\nacknowledgment: I see.\n"
                      "solution: I will fix it today.\nwarm_language: [\n"})
    result = CliRunner().invoke(main, ["check", str(root), "-j1", "--format", "text"], env={"NO_COLOR": "1"})
    assert result.exit_code == 2, result.output
    out = result.output
    assert out.count("error: variant ") == 100, out[-2000:]
    where = root / "scripts" / "b.yaml"
    assert f"{where}: 200 more problems in this file not shown (the first 100 are above)" in out, out[-2000:]
    assert f"{root / 'scripts' / 'ok.yaml'}:" in out  # another file's problem is still printed
    assert "301 problems found." in out, out[-500:]
