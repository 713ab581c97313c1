"""`export:` settings are checked where a writer looks first: `scriptkit check` refuses what `export`
would (located, exit 2), and a placeholder mapping names a placeholder the scripts can use."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

SCRIPT = ("id: late\ntitle: Orders::Late\n"
          "acknowledgment: I can see how frustrating it is that order {{ order.number }} is late.\n"
          "solution: I've sent a new one today, and it arrives by Friday.\n")


def run(*args: str) -> Any:
    return CliRunner().invoke(main, [*args, "--grammar", "off"] if args[0] == "check" else list(args),
                              env={"NO_COLOR": "1", "COLUMNS": "200"})


@pytest.mark.parametrize(("pack_tail", "script_tail", "where", "message"), [
    ("export:\n  zendesk:\n    placeholders:\n      order.numbr: ticket.custom_fields.order_id\n", "",
     "pack.yaml:5:7", "zendesk export setting 'placeholders' maps 'order.numbr', which is not a placeholder. "
                      "Did you mean 'order.number'? Map a name the scripts write"),
    ("", "export:\n  zendesk:\n    skp: true\n",
     "scripts/late.yaml:7:5", "unknown zendesk export setting 'skp'. Did you mean 'skip'?"),
    ("export:\n  targets: [zendesk, freshdsk]\n", "",
     "pack.yaml:3:22", "unknown export target 'freshdsk'. Did you mean 'freshdesk'?"),
    ("export:\n  freshdesk:\n    variants: all\n", "",
     "pack.yaml:4:15", "freshdesk export setting 'variants' must be 'first'"),
])
def test_check_refuses_the_export_settings_export_would_refuse(make_pack: Any, tmp_path: Path, pack_tail: str,
                                                               script_tail: str, where: str, message: str) -> None:
    root = make_pack({"late.yaml": SCRIPT + script_tail}, "name: Settings\n" + pack_tail)
    checked = run("check", str(root))
    assert checked.exit_code == 2, checked.output
    assert f"{root}/{where}: error: {message}" in checked.output
    assert "Traceback" not in checked.output
    exported = run("export", str(root), "--to", "zendesk,freshdesk", "--out", str(tmp_path / "out"))
    if "targets:" not in pack_tail:  # (--to takes the place of targets:)
        assert exported.exit_code == 2 and f"{root}/{where}: error: {message}" in exported.output
        assert not (tmp_path / "out").exists()


def test_a_declared_placeholder_can_be_mapped(make_pack: Any, tmp_path: Path) -> None:
    pack_yaml = ("name: Settings\nplaceholders:\n  order.carrier: {sample: DHL}\n"
                 "export:\n  zendesk:\n    placeholders:\n      order.number: ticket.custom_fields.order_id\n"
                 "      order.carrier: ticket.custom_fields.carrier\n")
    root = make_pack({"late.yaml": SCRIPT.replace("is late", "is late with {{ order.carrier }}")}, pack_yaml)
    assert run("check", str(root)).exit_code in (0, 1)
    exported = run("export", str(root), "--to", "zendesk", "--out", str(tmp_path / "out"))
    assert exported.exit_code == 0, exported.output
    body = (tmp_path / "out" / "zendesk" / "macros" / "late.json").read_text(encoding="utf-8")
    assert "ticket.custom_fields.order_id" in body and "ticket.custom_fields.carrier" in body


def test_settings_of_a_target_not_installed_do_not_fail_the_check(make_pack: Any) -> None:
    # (a plug-in target may be missing only where the check runs: export warns about it, SK506)
    root = make_pack({"late.yaml": SCRIPT}, "name: Settings\nexport:\n  acme_desk:\n    skip: true\n")
    result = run("check", str(root))
    assert result.exit_code in (0, 1) and ": error:" not in result.output, result.output
