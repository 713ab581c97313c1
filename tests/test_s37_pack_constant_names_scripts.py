"""A finding in a pack.yaml constant (SK106 on a long `help_url` link some phone scripts use) was told at pack.yaml
with no word of which scripts send it: 'pack.yaml 7:13 SK106 a 56-character link cannot be read aloud ...
solution · phone'. It names them now, as SK005 names its reply ('(call-reset, call-refund)'; beyond three,
'and N more'), in every format. A channel's greeting or sign-off, which every script of it shares, names none.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from scriptkit.cli import main

PACK = ("name: Links\nconstants:\n  help_url: https://shop.example.com/help/returns/start-a-return?from=call\n"
        "channels:\n  phone:\n    greeting: \"Thanks for calling, this is {{ agent.first_name }}.\"\n")


def _script(script_id: str, channel: str) -> str:
    return (f"id: {script_id}\ntitle: {script_id}\nchannels: [{channel}]\n"
            "acknowledgment: \"I'm sorry the return form gave you trouble.\"\n"
            "solution: \"I'll walk you through it now: the form is at {{ help_url }}.\"\n")


def _pack(tmp_path: Path, scripts: dict[str, str], pack_yaml: str = PACK) -> Path:
    root = tmp_path / "pack"
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text(pack_yaml, encoding="utf-8")
    for script_id, channel in scripts.items():
        (root / "scripts" / f"{script_id}.yaml").write_text(_script(script_id, channel), encoding="utf-8")
    return root


def _check(root: Path, *args: str) -> Result:
    result = CliRunner().invoke(main, ["check", str(root), "--grammar", "off", *args],
                                env={"NO_COLOR": "1", "COLUMNS": "300"})
    assert "Traceback" not in result.output, result.output
    return result


def _sk106_at_pack_yaml(root: Path) -> list[dict[str, object]]:
    found = json.loads(_check(root, "--format", "json").stdout)["diagnostics"]
    return [d for d in found if d["code"] == "SK106" and str(d["file"]).endswith("pack.yaml")]


def test_a_constants_finding_names_the_scripts_that_send_it(tmp_path: Path) -> None:
    root = _pack(tmp_path, {"call-refund": "phone", "chat-refund": "chat", "call-reset": "phone"})
    [found] = _sk106_at_pack_yaml(root)
    assert str(found["message"]).endswith("cannot be read aloud on a call (call-refund, call-reset)"), found
    text = [line for line in _check(root).stdout.splitlines() if "SK106" in line]
    assert len(text) == 1 and text[0].endswith("(call-refund, call-reset)"), text
    assert "chat-refund" not in text[0]


def test_one_script_is_named_alone_and_beyond_three_the_rest_are_counted(tmp_path: Path) -> None:
    [one] = _sk106_at_pack_yaml(_pack(tmp_path / "one", {"call-refund": "phone", "chat-refund": "chat"}))
    assert str(one["message"]).endswith("on a call (call-refund)"), one
    many = _pack(tmp_path / "many", {f"call-{n}": "phone" for n in range(1, 6)})
    [found] = _sk106_at_pack_yaml(many)
    assert str(found["message"]).endswith("on a call (call-1, call-2, call-3 and 2 more)"), found


def test_a_greeting_every_script_shares_names_no_script(tmp_path: Path) -> None:
    greeting = PACK.replace("this is {{ agent.first_name }}.", "see https://shop.example.com/help/returns/all-the-steps")
    [found] = [d for d in _sk106_at_pack_yaml(_pack(tmp_path, {"call-refund": "phone", "call-reset": "phone"},
                                                    greeting)) if d["slot"] == "greeting"]
    assert "call-" not in str(found["message"]), found
