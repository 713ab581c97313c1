"""A custom rule may be scoped to the script's flexibility (the alternatives and conditions an agent may send)."""

from __future__ import annotations

from typing import Any

from scriptkit import lint_pack, load_pack
from tests.conftest import run_cli

SCRIPT = ("id: b\ntitle: B\nchannels: [email]\n"
          "acknowledgment: I can see how frustrating a late box is, and I understand why you wrote in.\n"
          "warm_language: Thanks for bearing with us.\n"
          "flexibility:\n"
          "  guidance: Unfortunately some couriers are slow; say so kindly.\n"
          "  alternatives:\n"
          "    - {label: lost, text: \"Unfortunately the box is lost, so I've sent another today.\"}\n"
          "solution: Unfortunately it's late, so I've sent a new box today and it arrives by Friday.\n")


def _pack(slots: str, kind: str = "existence", extra: str = "  terms: [unfortunately]\n") -> str:
    return f"name: CR\nrules:\n  select: [custom]\n  custom:\n  - name: no-unf\n    kind: {kind}\n" + \
        "".join(f"  {line}\n" for line in extra.splitlines()) + f"    slots: {slots}\n"


def _found(make_pack: Any, slots: str) -> list[tuple[str, int]]:
    root = make_pack({"b.yaml": SCRIPT}, _pack(slots))
    return sorted((d.slot or "", d.location.line) for d in lint_pack(load_pack(root), None, grammar="off").diagnostics)


def test_slots_may_name_flexibility_with_the_reply_slots(make_pack: Any) -> None:
    # the alternative (line 9) and the solution (line 10); the agent's guidance (line 7) is never sent
    assert [line for _, line in _found(make_pack, "[solution, flexibility]")] == [9, 10]


def test_flexibility_alone_reads_only_the_alternatives(make_pack: Any) -> None:
    assert [line for _, line in _found(make_pack, "[flexibility]")] == [9]


def test_leaving_flexibility_out_leaves_the_alternatives_out(make_pack: Any) -> None:
    assert [line for _, line in _found(make_pack, "[solution]")] == [10]


def test_a_substitution_rule_fixes_the_alternative_it_is_scoped_to(make_pack: Any) -> None:
    root = make_pack({"b.yaml": SCRIPT}, _pack("[flexibility]", "substitution", "  swap: {unfortunately: sadly}"))
    result = run_cli("check", str(root), "--fix")
    text = (root / "scripts" / "b.yaml").read_text(encoding="utf-8")
    assert "text: \"Sadly the box is lost" in text
    assert "solution: Unfortunately it's late" in text and "guidance: Unfortunately" in text
    assert result.exit_code == 0, result.output


def test_an_occurrence_or_metric_rule_may_not_name_flexibility(make_pack: Any) -> None:
    # they count and measure the reply the customer gets: scoped to the alternatives, they would count nothing
    for kind, extra in (("occurrence", "  terms: [thanks]\n  min: 1"), ("metric", "  metric: words\n  max: 80")):
        root = make_pack({"b.yaml": SCRIPT}, _pack("[solution, flexibility]", kind, extra))
        result = run_cli("check", str(root))
        assert result.exit_code == 2, result.output
        assert "pack.yaml:9:" in result.output
        assert f"{'an' if kind == 'occurrence' else 'a'} {kind} rule reads the reply" in result.output
        assert "Traceback" not in result.output


def test_an_unknown_slot_names_flexibility_among_the_choices(make_pack: Any) -> None:
    root = make_pack({"b.yaml": SCRIPT}, _pack("[flexibilty]"))
    result = run_cli("check", str(root))
    assert result.exit_code == 2
    assert "unknown slot 'flexibilty'" in result.output and "Did you mean 'flexibility'?" in result.output
