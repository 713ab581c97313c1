"""A team's word swap inside a phrase another rule reports with no fix, to be rewritten whole (SK201's "at your
earliest convenience" after a passive), is not made by --fix: "at your earliest ease" garbled the phrase and hid the
finding that said what to write. A swap inside a finding about a whole sentence or slot (its length) is still made."""

from __future__ import annotations

from typing import Any

from tests.conftest import run_cli

PACK = ("name: T\nrules:\n  custom:\n    - name: voice\n      kind: substitution\n"
        "      swap: {convenience: ease, refund: credit}\n")
ACK = "acknowledgment: I can see how frustrating it is to be locked out, and I'm sorry.\n"
PASSIVE = "solution: Your refund will be processed at your earliest convenience, and I'll email you when it's done.\n"


def _script(solution: str) -> dict[str, str]:
    return {"a.yaml": f"id: a\ntitle: A\nchannels: [email]\n{ACK}{solution}"}


def test_a_swap_inside_a_phrase_to_rewrite_whole_is_not_made(make_pack: Any) -> None:
    root = make_pack(_script(PASSIVE), PACK)
    diff = run_cli("check", str(root), "--diff")
    assert "+solution: Your credit will be processed at your earliest convenience, and I'll email" in diff.output
    result = run_cli("check", str(root), "--fix")
    text = (root / "scripts" / "a.yaml").read_text(encoding="utf-8")
    assert "solution: Your credit will be processed at your earliest convenience, and I'll email" in text
    assert ("a.yaml:5:58: fix not applied: it lies inside \"at your earliest convenience\", which SK201 asks you to "
            "rewrite whole") in result.output
    assert "replace 'convenience' with 'ease'" not in result.output
    after = run_cli("check", str(root), "--format", "json").output  # (both findings still said)
    assert '"SK201"' in after and "Say 'ease' instead of 'convenience'." in after


def test_the_phrase_rewritten_by_its_own_fix_wins_as_before(make_pack: Any) -> None:
    root = make_pack(_script("solution: Please reply at your earliest convenience, and I'll refund it today.\n"), PACK)
    run_cli("check", str(root), "--fix")
    text = (root / "scripts" / "a.yaml").read_text(encoding="utf-8")
    assert "solution: Please reply when you get a moment, and I'll credit it today.\n" in text


def test_a_swap_inside_a_finding_about_a_whole_sentence_is_made(make_pack: Any) -> None:
    # SK103 reports the long sentence (no fix), SK404 the solution with no time frame: neither is a phrase
    long = ("solution: Your refund is on its way back to the card you paid with and the bank will show it on your "
            "statement as soon as they have cleared it on their side of things.\n")
    root = make_pack(_script(long), PACK)
    codes = run_cli("check", str(root)).output
    assert "SK103" in codes
    run_cli("check", str(root), "--fix")
    assert "solution: Your credit is on its way back" in (root / "scripts" / "a.yaml").read_text(encoding="utf-8")


def test_the_report_does_not_count_it_fixable(make_pack: Any) -> None:
    from scriptkit import lint_pack, load_pack

    found = {d.text: d for d in lint_pack(load_pack(make_pack(_script(PASSIVE), PACK))).diagnostics
             if d.code == "SK801"}
    assert found["refund"].fix is not None and found["refund"].fix.safe
    inner = found["convenience"].fix
    assert inner is not None and not inner.safe
    assert 'it lies inside "at your earliest convenience", which SK201 asks you to rewrite whole' in inner.description
