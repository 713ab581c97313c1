"""`scriptkit rule SK20`: a code prefix (as --select takes it) is told as the codes it covers."""

from __future__ import annotations

from click.testing import CliRunner

from scriptkit.cli import main


def test_a_code_prefix_names_the_codes_it_covers() -> None:
    result = CliRunner().invoke(main, ["rule", "SK20"], env={"NO_COLOR": "1"})
    assert result.exit_code == 2
    assert "'SK20' is a prefix of" in result.output
    assert "SK201" in result.output and "SK203" in result.output
    assert "Did you mean" not in result.output
    assert "Traceback" not in result.output


def test_a_full_code_that_does_not_exist_is_still_told_its_nearest() -> None:
    result = CliRunner().invoke(main, ["rule", "SK299"], env={"NO_COLOR": "1"})
    assert result.exit_code == 2 and "Did you mean 'SK2" in result.output
