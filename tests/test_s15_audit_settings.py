"""`scriptkit audit` judges a library's replies: a helpdesk setting that export would refuse (as an
imported library may hold) is check's and export's to report, and does not stop the audit."""

from __future__ import annotations

from typing import Any

from click.testing import CliRunner

from scriptkit.cli import main

SCRIPT = ("id: late\ntitle: Orders::Late\n"
          "acknowledgment: I can see how frustrating it is that your parcel is late.\n"
          "warm_language: Thanks for bearing with me while I sort it out.\n"
          "flexibility:\n  guidance: Check the tracking page before you reply.\n"
          "solution: I've sent a new one today, and it arrives by Friday.\n"
          "export:\n  gorgias:\n    status: pending\n")


def test_audit_judges_a_pack_whose_setting_check_refuses(make_pack: Any) -> None:
    root = make_pack({"late.yaml": SCRIPT})
    env = {"NO_COLOR": "1", "COLUMNS": "200"}
    checked = CliRunner().invoke(main, ["check", str(root), "--grammar", "off"], env=env)
    assert checked.exit_code == 2 and "gorgias status 'pending'" in checked.output
    audited = CliRunner().invoke(main, ["audit", str(root), "--grammar", "off"], env=env)
    assert audited.exit_code in (0, 1), audited.output
    assert "Traceback" not in audited.output and "gorgias status" not in audited.output
    assert "1 macro" in audited.output or "1 script" in audited.output, audited.output
