"""Severity orders by how much a finding matters, not by the alphabet of its name."""
import pytest

from scriptkit import Severity


def test_severities_compare_by_rank():
    assert Severity.ERROR > Severity.WARNING > Severity.SUGGESTION
    assert Severity.SUGGESTION < Severity.ERROR
    assert Severity.WARNING >= Severity.WARNING and Severity.WARNING <= Severity.WARNING
    assert max([Severity.WARNING, Severity.ERROR, Severity.SUGGESTION]) is Severity.ERROR
    assert sorted([Severity.ERROR, Severity.SUGGESTION, Severity.WARNING]) == [
        Severity.SUGGESTION, Severity.WARNING, Severity.ERROR]


def test_filtering_at_warning_or_above_keeps_errors():
    found = [Severity.SUGGESTION, Severity.ERROR, Severity.WARNING]
    assert [s for s in found if s >= Severity.WARNING] == [Severity.ERROR, Severity.WARNING]


def test_a_severity_name_compares_by_rank_and_equality_is_unchanged():
    assert Severity.ERROR > "warning"
    assert "suggestion" < Severity.WARNING  # noqa: SIM300 (the name on the left is the point)
    assert Severity.ERROR == "error" and "warning" == Severity.WARNING  # noqa: SIM300
    assert {Severity.ERROR: 1}["error"] == 1


def test_an_unknown_name_is_not_ordered_alphabetically():
    with pytest.raises(TypeError, match="severity"):
        _ = Severity.ERROR < "zzz"
    with pytest.raises(TypeError):
        _ = Severity.ERROR < 3
