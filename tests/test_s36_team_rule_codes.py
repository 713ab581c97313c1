"""Session 36: a team rule's code is handed out in order (SK801, SK802, ...) unless its rule pins one, so a shared
rules file's rule was SK801 in one pack and SK802 in another once a pack added a `custom:` rule of its own. A
baseline recorded findings by code: adding a rule brought the accepted findings back as new. A baseline now records a
team rule's findings by its name (a baseline written before, by code, is still read); and a setting that names a
team rule by a code it holds only by that order gets a note saying to write its name or pin the code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli

SHARED = "- {name: say-refund, kind: substitution, swap: {reimbursement: refund}}\n"
REPLY = ('id: late\ntitle: Late\nacknowledgment: "I can see your reimbursement is late."\n'
         'warm_language: "Thanks for waiting."\nsolution: "I have sent it again today."\n'
         'flexibility: "Offer a call if they prefer."\n')
OWN_RULE = "    - {name: no-synergy, kind: existence, terms: [synergy]}\n"


@pytest.fixture()
def pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "brand.yaml").write_text(SHARED, encoding="utf-8")
    (tmp_path / "pack" / "scripts").mkdir(parents=True)
    (tmp_path / "pack" / "pack.yaml").write_text(
        "name: Replies\nrules:\n  files: [../shared/brand.yaml]\n", encoding="utf-8")
    (tmp_path / "pack" / "scripts" / "late.yaml").write_text(REPLY, encoding="utf-8")
    return tmp_path / "pack"


def _add_own_rule(pack: Path) -> None:
    (pack / "pack.yaml").write_text("name: Replies\nrules:\n  files: [../shared/brand.yaml]\n  custom:\n" + OWN_RULE,
                                    encoding="utf-8")


def _codes(pack: Path, *args: str) -> list[str]:
    result = run_cli("check", str(pack), "--grammar", "off", "--format", "json", *args)
    return [d["code"] for d in json.loads(result.output)["diagnostics"]]


def test_a_baseline_holds_when_a_team_rule_is_added(pack: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    before = _codes(pack)
    assert any(code.startswith("SK8") for code in before), before
    assert run_cli("check", str(pack), "--grammar", "off", "--write-baseline", str(baseline)).exit_code == 0
    assert "say-refund" in baseline.read_text(encoding="utf-8")
    _add_own_rule(pack)
    assert set(_codes(pack)) - set(before), "the shared rule's code did not shift: the test shows nothing"
    result = run_cli("check", str(pack), "--grammar", "off", "--baseline", str(baseline))
    assert result.exit_code == 0, result.output


def test_a_baseline_written_by_code_is_still_read(pack: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    assert run_cli("check", str(pack), "--grammar", "off", "--write-baseline", str(baseline)).exit_code == 0
    data = json.loads(baseline.read_text(encoding="utf-8"))
    for row in data["findings"]:  # (as scriptkit wrote it before: the team rule's code, not its name)
        if row["code"] == "say-refund":
            row["code"] = "SK801"
    baseline.write_text(json.dumps(data), encoding="utf-8")
    result = run_cli("check", str(pack), "--grammar", "off", "--baseline", str(baseline))
    assert result.exit_code == 0, result.output


def test_a_team_rule_named_by_a_code_it_holds_by_order_gets_a_note(pack: Path) -> None:
    _add_own_rule(pack)
    (pack.parent / "scriptkit.toml").write_text('[severity]\nSK802 = "error"\n', encoding="utf-8")
    result = run_cli("check", str(pack), "--grammar", "off", "--format", "concise")
    notes = [line for line in result.output.splitlines() if "SK800" in line and "SK802" in line]
    assert len(notes) == 1 and notes[0].startswith("scriptkit.toml:2:1:"), result.output
    assert "say-refund" in notes[0] and "code: SK802" in notes[0]
    (pack.parent / "scriptkit.toml").write_text('[severity]\nsay-refund = "error"\n', encoding="utf-8")
    result = run_cli("check", str(pack), "--grammar", "off", "--format", "concise")
    assert "SK800" not in result.output, result.output


def test_a_gitlab_fingerprint_holds_when_a_team_rule_is_added(pack: Path) -> None:
    def fingerprints() -> set[str]:
        result = run_cli("check", str(pack), "--grammar", "off", "--format", "gitlab")
        return {issue["fingerprint"] for issue in json.loads(result.output) if "say-refund" in issue["check_name"]
                or "say-refund" in issue["description"]}

    before = fingerprints()
    assert before
    _add_own_rule(pack)
    assert fingerprints() == before
