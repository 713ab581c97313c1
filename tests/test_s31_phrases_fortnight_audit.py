"""The audit's contradictions read "a fortnight" as 14 days: "within a fortnight" and "within 28 days" for one
policy disagree, "within 14 days" agrees."""

from __future__ import annotations

from scriptkit.sprawl import find_contradictions


def _clash(*texts: str) -> list[tuple[str, list[str]]]:
    found = find_contradictions([(f"m{i}", t) for i, t in enumerate(texts)])
    return [(c.unit, sorted(c.values)) for c in found]


def test_a_fortnight_is_fourteen_days_in_the_audit() -> None:
    assert _clash("You can return the item within a fortnight.",
                  "You can return the item within 28 days.") == [("days", ["14", "28"])]
    assert _clash("You can return the item within a fortnight.", "You can return the item within 14 days.") == []
    assert _clash("You can return the item within two fortnights.", "You can return the item within 28 days.") == []


def test_a_fortnightly_rate_is_no_duration() -> None:
    assert _clash("We post a reminder once a fortnight before you return the item.",
                  "You can return the item within 28 days.") == []
