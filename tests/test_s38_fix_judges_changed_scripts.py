"""`check --fix` checks the pack again after each round of fixes; the per-message rules (most of a check's time) now
judge again only the scripts whose files changed (``linting.lint_pack_again``): a round that fixed 106 files of a
2,000-script pack judged all 2,000 again. What it reports is what a fresh check of the fixed files reports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from scriptkit import fixing, linting, load_config, load_pack
from scriptkit.linting import lint_pack, lint_pack_again
from tests.conftest import run_cli

PACK = "name: Fix rounds\nlocale: en-US\n"
FIXABLE = """\
# owned by the billing team
id: {id}
title: "Billing::{id}"
channels: [email, chat]   # both, for now
acknowledgment: I can see how frustrating it is that the charge has not gone away.
solution: "Should you require further assistance, reply here. I have reversed the charge at your earliest convenience."
"""
CLEAN = """\
id: {id}
title: "Orders::{id}"
channels: [email]
acknowledgment: I'm sorry your order arrived damaged; that's not what you were counting on.
flexibility:
  guidance: If they sent photos, thank them for those first.
solution: I've sent a replacement today, and you'll get the tracking link by email within the hour.
"""
LEFT = """\
id: {id}
title: "Orders::{id}"
channels: [sms]
acknowledgment: We acknowledge receipt of your correspondence.
solution: The matter will be reviewed in accordance with applicable policy.
"""


def _pack(make_pack: Any) -> Path:
    scripts = {"a.yaml": FIXABLE.format(id="a"), "b.yaml": CLEAN.format(id="b"), "c.yaml": LEFT.format(id="c"),
               "d.yaml": FIXABLE.format(id="d")}
    root: Path = make_pack(scripts, PACK)
    return root


def _report(result: Any) -> list[dict[str, Any]]:
    return json.loads(result.stdout)["diagnostics"]  # type: ignore[no-any-return]


def test_after_fix_only_the_changed_scripts_are_judged_again_and_the_findings_are_a_fresh_checks(
        make_pack: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _pack(make_pack)
    judged: list[set[str]] = []
    real = linting.per_message_rules

    def recording(messages: Any, pack: Any, config: Any) -> Any:
        judged.append({m.script_id for m in messages})
        return real(messages, pack, config)

    monkeypatch.setattr(linting, "per_message_rules", recording)
    fixed = run_cli("check", str(root), "--fix", "--format", "json", "--jobs", "1")
    assert fixed.exit_code == 1  # (findings are left: as a check of the fixed files exits)
    assert judged[0] == {"a", "b", "c", "d"}  # the first check
    assert judged[1:] == [{"a", "d"}]  # the round after the fixes: the two files it wrote; then nothing to fix
    text = (root / "scripts" / "a.yaml").read_text()
    assert "If you need anything else" in text and "# owned by the billing team" in text and "# both, for now" in text
    monkeypatch.setattr(linting, "per_message_rules", real)
    fresh = run_cli("check", str(root), "--format", "json", "--jobs", "1")
    assert fresh.exit_code == fixed.exit_code
    assert _report(fixed) == _report(fresh)
    assert {d["code"] for d in _report(fresh)} >= {"SK201"}  # (what is left is still said: c's stiff lines)


def test_a_script_changed_by_someone_else_between_checks_is_judged_again(make_pack: Any) -> None:
    root = _pack(make_pack)
    pack = load_pack(root, jobs=1)
    config = load_config(pack)
    _, judged = lint_pack_again(pack, config, jobs=1)
    assert judged is not None
    # (an editor saves b.yaml, which no fix touched, with a stiff line in it)
    b = root / "scripts" / "b.yaml"
    b.write_text(b.read_text().replace("I've sent", "Please be advised that I have sent"), encoding="utf-8")
    again = load_pack(root, jobs=1)
    result, _ = lint_pack_again(again, config, jobs=1, before=judged)
    fresh = lint_pack(again, config, jobs=1, export_settings=False)
    assert result.to_dict() == fresh.to_dict()
    assert any(d.code == "SK201" and d.location.file == str(b) for d in result.diagnostics)


def test_findings_kept_are_not_changed_by_the_check_that_reads_them(make_pack: Any) -> None:
    root = _pack(make_pack)
    pack = load_pack(root, jobs=1)
    config = load_config(pack)
    first, judged = lint_pack_again(pack, config, jobs=1)
    expected = first.to_dict()
    assert first.fixes
    # (--fix marks the fixes a round refuses in the findings it read: the record's own are copies, untouched)
    fixing.not_fixable(first.diagnostics, {e: "it would undo a fix" for f in first.fixes for e in f.edits})
    assert not first.fixes
    for _ in range(2):  # (and a check that reads the record leaves it as it was, for the next)
        result, judged = lint_pack_again(load_pack(root, jobs=1), config, jobs=1, before=judged)
        assert result.to_dict() == expected
        fixing.not_fixable(result.diagnostics, {e: "it would undo a fix" for f in result.fixes for e in f.edits})


@pytest.mark.parametrize("change", ["pack.yaml", "settings"])
def test_other_settings_judge_every_script_again(make_pack: Any, monkeypatch: pytest.MonkeyPatch,
                                                 change: str) -> None:
    root = _pack(make_pack)
    pack = load_pack(root, jobs=1)
    config = load_config(pack)
    _, judged = lint_pack_again(pack, config, jobs=1)
    assert judged is not None
    if change == "pack.yaml":  # (its locale, placeholders and constants are what each script's rules read)
        (root / "pack.yaml").write_text(PACK.replace("en-US", "en-GB"), encoding="utf-8")
    else:
        config = config.override(ignore=("SK203",))
    again = load_pack(root, jobs=1)
    assert judged.reuse(again, config, None, 1) is None
    result, _ = lint_pack_again(again, config, jobs=1, before=judged)
    fresh = lint_pack(again, config, jobs=1, export_settings=False)
    assert result.to_dict() == fresh.to_dict()
