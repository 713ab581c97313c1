"""SK407 reads a name between x's as a fill-in marker in either case ("XXXSTEPSXXX", "xxxstepsxxx"), as it
reads "XXX" and "[STEPS]"; the audit holds a macro that would send one as written (session 18)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.config import LintConfig
from scriptkit.linting import lint_text

MakePack = Callable[..., Path]


def _review(tmp_path: Path, text: str) -> list[dict[str, object]]:
    path = tmp_path / "reply.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["review", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    found: list[dict[str, object]] = json.loads(result.output)["diagnostics"]
    return found


@pytest.mark.timeout(60)
@pytest.mark.parametrize("marker", [
    # was wrong: passed
    "XXXSTEPSXXX", "XXXDOCUMENTSXXX", "xxxstepsxxx", "xxxlastxnamexxx", "XXX_STEPS_XXX",
    # was right
    "XXX", "xxxx", "[STEPS]",
])
def test_a_marker_in_running_text_is_an_unfilled_blank(tmp_path: Path, marker: str) -> None:
    text = (f"Hi Sam,\n\nI can see how frustrating this is.\n\nPlease follow {marker} to reset it today.\n\n"
            "Best,\nAlex\n")
    found = [d for d in _review(tmp_path, text) if d["code"] == "SK407"]
    assert [(d["text"], d["line"], d["col"]) for d in found] == [(marker, 5, 15)]
    assert found[0]["message"] == f"'{marker}' is a fill-in marker that would be sent as is"


@pytest.mark.timeout(60)
@pytest.mark.parametrize("word", ["XXXL", "xxxa", "XXXSTEPSXXXs", "boxxx", "Maxxx"])
def test_a_word_with_x_in_it_is_no_marker(tmp_path: Path, word: str) -> None:
    text = f"Hi Sam,\n\nI can see how frustrating this is.\n\nI'll send the {word} one today.\n\nBest,\nAlex\n"
    assert "SK407" not in {d["code"] for d in _review(tmp_path, text)}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("marker", ["XXXSTEPSXXX", "xxxstepsxxx", "[STEPS]"])
def test_check_and_audit_hold_a_script_that_would_send_the_marker(make_pack: MakePack, marker: str) -> None:
    script = ("id: reset\ntitle: Reset\nchannels: [email]\n"
              "acknowledgment: I can see how frustrating it is to be locked out.\n"
              "warm_language: Thanks for letting me know.\nflexibility:\n  guidance: Offer a call if it fails again.\n"
              f"solution: I've sent a reset link now. Please follow {marker} to set a new password.\n")
    root = make_pack({"reset.yaml": script})
    check = CliRunner().invoke(main, ["check", str(root), "--format", "json"])
    assert check.exit_code == 1, check.output
    found = [d for d in json.loads(check.output)["diagnostics"] if d["code"] == "SK407"]
    assert [(d["text"], d["severity"]) for d in found] == [(marker, "error")]
    audit = CliRunner().invoke(main, ["audit", str(root)])
    assert audit.exit_code == 0, audit.output
    assert "overall capped at 50" in audit.output and "unfilled-blank" in audit.output


@pytest.mark.timeout(60)  # (a hang guard: a marker pattern read quadratically takes far longer)
def test_a_long_run_of_x_is_read_once() -> None:
    cfg = LintConfig().override(grammar="off")
    for text in ("x" * 50_000 + "a", "xxx" + "a" * 50_000, "x" * 25_000 + "y" + "x" * 25_000, "xxxa" * 12_500):
        found = [d for d in lint_text(text, channel="email", config=cfg).diagnostics if d.code == "SK407"]
        assert len(found) == (1 if text.startswith("x" * 25_000 + "y") else 0)
