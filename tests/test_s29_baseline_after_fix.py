"""A baseline still holds after ``check --fix`` changed a few letters of an accepted finding's words (SK203
contracting "do not" inside a stock line SK201 quotes): the gate went red right after the recommended fix."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from click.testing import CliRunner

from scriptkit.baseline import apply_baseline, key_of
from scriptkit.cli import main
from scriptkit.diagnostics import Diagnostic, Location, Severity
from scriptkit.linting import lint_text

SCRIPT = """id: follow-up
title: Follow-up
acknowledgment: "I know how frustrating a missing refund is."
solution: "I have asked the bank to trace it today. If anything else comes up, please do not hesitate to contact us."
"""


def _check(*args: str) -> tuple[int, list[tuple[str, str]]]:
    result = CliRunner().invoke(main, ["check", *args, "--format", "json"], env={"NO_COLOR": "1"})
    return result.exit_code, [(d["code"], d["text"]) for d in json.loads(result.stdout)["diagnostics"]]


def test_an_accepted_stock_line_contracted_by_another_fix_stays_accepted(make_pack, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"follow-up.yaml": SCRIPT})
    baseline = tmp_path / "baseline.json"
    written = CliRunner().invoke(main, ["check", str(pack), "--write-baseline", str(baseline)])
    assert written.exit_code == 0, written.output
    assert ("SK201", "please do not hesitate to contact us") in _check(str(pack))[1]
    script = pack / "scripts" / "follow-up.yaml"
    script.write_text(SCRIPT.replace("do not", "don't").replace("I have", "I've"), encoding="utf-8")
    code, now = _check(str(pack))
    assert ("SK201", "please don't hesitate to contact us") in now  # (still there, in its new words)
    code, new = _check(str(pack), "--baseline", str(baseline))
    assert new == [] and code == 0


def test_another_stock_line_in_its_place_is_still_new(make_pack, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"follow-up.yaml": SCRIPT})
    baseline = tmp_path / "baseline.json"
    CliRunner().invoke(main, ["check", str(pack), "--write-baseline", str(baseline)])
    script = pack / "scripts" / "follow-up.yaml"
    new_line = "do not hesitate to reach out to our team"
    script.write_text(SCRIPT.replace("please do not hesitate to contact us", new_line), encoding="utf-8")
    code, new = _check(str(pack), "--baseline", str(baseline))
    assert code == 1 and any(c == "SK201" for c, _ in new), new


def test_services_that_arent_working_name_the_situation() -> None:
    """Contracted, "aren't working" after a fill-in was no situation ("isn't working" was), so the same
    acknowledgment was vague once --fix had contracted it."""
    for text in ("We're sorry to hear that your [[service]] services aren't working as intended.",
                 "We're sorry to hear your [[device]] and charger weren't working when they arrived."):
        codes = [d.code for d in lint_text(text, channel="email", grammar="off").diagnostics]
        assert "SK303" not in codes, text


def _sk203(text: str) -> Diagnostic:
    return Diagnostic("SK203", "no-contractions", f'"{text}" without a single contraction in the reply sounds stiff',
                      Severity.SUGGESTION, Location("/p/scripts/a.yaml", 4, 1), slot="solution", text=text,
                      script_id="a")


def test_a_short_quote_a_letter_apart_is_another_finding() -> None:
    """'I will' and 'it will' are 0.92 alike letter by letter: a new finding, not the accepted one edited."""
    accepted = Counter([key_of(_sk203("I will"), Path("/p"))])
    kept, applied = apply_baseline([_sk203("it will")], accepted, Path("/p"))
    assert [d.text for d in kept] == ["it will"] and applied.fixed == 1
