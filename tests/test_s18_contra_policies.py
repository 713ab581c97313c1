"""Audit contradictions compare one policy with itself and never list a figure that lies inside the other's range:
a refund in 3 business days does not clash with a card check's hold released in 3-5 business days."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.sprawl import find_contradictions, quantities


def _library(tmp_path: Path, rows: list[tuple[str, str]]) -> Path:
    path = tmp_path / "macros.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["title", "body"])
        writer.writerows(rows)
    return path


def _audit(path: Path) -> list[dict[str, object]]:
    result = CliRunner().invoke(main, ["audit", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    found: list[dict[str, object]] = json.loads(result.output)["contradictions"]
    return found


def test_a_card_hold_released_is_not_a_refund(tmp_path: Path) -> None:
    refund = "I've sent the money back: your refund will reach your account within 3 business days."
    hold = "The verification charge on your card will be credited back within 3-5 business days."
    released = "The temporary hold on your card is released within 3-5 business days."
    assert [(q.topic, q.value) for q in quantities("m", hold)] == [("card hold", "3-5")]
    assert [(q.topic, q.value) for q in quantities("m", released)] == [("card hold", "3-5")]
    assert [(q.topic, q.value) for q in quantities("m", refund)] == [("refund", "3")]
    rows = [("Refund sent", refund), ("Card check", hold), ("Hold released", released)]
    assert _audit(_library(tmp_path, rows)) == []
    # two holds still clash with each other
    other = "The pending authorisation hold drops off within 7 business days."
    [found] = find_contradictions([("a", hold), ("b", other)])
    assert found.topic == "card hold"


def test_a_figure_inside_the_others_range_agrees(tmp_path: Path) -> None:
    rows = [("Quick", "Good news: your refund will be with you within 3 business days."),
            ("Range", "Refunds usually land within 3-5 business days of our email."),
            ("Week", "Please allow 1 week for the refund to show."),
            ("Week in days", "The refund shows within 4-7 days.")]
    returns = [("Returns", "Happy to help! You can return it within 30 days of delivery."),
               ("Returns (old)", "No problem: returns are accepted within 14 days of delivery.")]
    # the refunds agree; the two return windows are the one real contradiction
    [found] = _audit(_library(tmp_path, rows + returns))
    assert found["topic"] == "return"
    assert set(found["values"]) == {"30", "14"}  # type: ignore[arg-type]
    # a figure outside the range, or a range that straddles another's end, still clashes; a figure nothing
    # clashes with is not listed
    [found] = find_contradictions([("quick", rows[0][1]), ("range", rows[1][1]),
                                   ("slow", "Your refund will be with you within 8 business days."),
                                   ("wide", "Refunds land within 1-10 business days.")])
    assert found.topic == "refund" and set(found.values) == {"3", "3-5", "8"}
    assert found.macros == ["quick", "range", "slow"]
    [overlap] = find_contradictions([("range", rows[1][1]), ("later", "Refunds take 4-6 business days.")])
    assert set(overlap.values) == {"3-5", "4-6"}


@pytest.mark.timeout(60)
def test_many_ranges_are_compared_in_about_linear_time() -> None:
    texts = [(f"m{i}", f"Refunds take {i} to {40_000 - i} days.") for i in range(1, 8000)]  # each inside the last
    assert find_contradictions(texts) == []
    texts.append(("late", "Refunds take 39,999 to 40,001 days."))
    [found] = find_contradictions(texts)
    assert "39999-40001" in found.values
