"""The summary under scriptkit export's findings speaks of the export, not of a check."""

from __future__ import annotations

import re
from typing import Any


def test_export_says_warnings_do_not_stop_the_export(tmp_path: Any, monkeypatch: Any) -> None:
    # it said "do not fail the check (fail-on: error)": the writer ran no check and set no fail-on
    from click.testing import CliRunner

    from scriptkit.cli import main

    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(main, ["init", "pack"]).exit_code == 0
    result = runner.invoke(main, ["export", "pack", "--to", "front", "--out", "out"])
    assert result.exit_code == 0, result.output
    assert "Warnings do not stop the export." in result.output
    assert "fail-on" not in result.output


def test_export_counts_in_each_helpdesks_own_word(tmp_path: Any, monkeypatch: Any) -> None:
    # a support lead importing into Freshdesk looks for canned responses, not "replies"
    from click.testing import CliRunner

    from scriptkit.cli import main

    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(main, ["init", "pack"]).exit_code == 0
    result = runner.invoke(main, ["export", "pack", "--to", "all", "--out", "out"])
    assert result.exit_code == 0, result.output
    counts = dict(re.findall(r"^(\w+): \d+ (\D+)$", result.output, re.MULTILINE))
    assert counts == {"zendesk": "macros", "freshdesk": "canned responses", "helpscout": "saved replies",
                      "gorgias": "macros", "front": "message templates", "intercom": "macros",
                      "salesforce": "Quick Texts", "csv": "rows", "json": "replies",
                      "playbook": "replies"}, result.output
    one = runner.invoke(main, ["export", "pack", "--to", "freshdesk,front", "--channel", "email", "--out", "one"])
    assert "freshdesk: 1 canned response\nfront: 1 message template\n" in one.output, one.output


def test_an_export_into_another_exports_folder_says_what_it_replaced(tmp_path: Any, monkeypatch: Any) -> None:
    # following the Zendesk page, then the Freshdesk page, both with --out out: the Zendesk files went unseen
    from click.testing import CliRunner

    from scriptkit.cli import main

    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(main, ["init", "pack"]).exit_code == 0
    assert runner.invoke(main, ["export", "pack", "--to", "zendesk", "--out", "out"]).exit_code == 0
    result = runner.invoke(main, ["export", "pack", "--to", "freshdesk", "--out", "out"])
    assert result.exit_code == 0, result.output
    assert "Replaced what an earlier export wrote there: zendesk/" in result.output, result.output
    assert "Replaced" not in runner.invoke(main, ["export", "pack", "--to", "freshdesk", "--out", "out"]).output
