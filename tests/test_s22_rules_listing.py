"""`scriptkit rules` piped: one line per rule with no padding after its summary (every line was padded to the
longest, 172 columns), and the export checks' summaries read as sentences, as the rules' do."""

from __future__ import annotations

from click.testing import CliRunner

from scriptkit.cli import main


def test_piped_rules_have_no_trailing_spaces_and_sentences_throughout() -> None:
    result = CliRunner().invoke(main, ["rules"], env={"NO_COLOR": "1", "COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert all(line == line.rstrip() for line in lines)
    rows = [line for line in lines if line.startswith("SK")]
    assert len(rows) >= 50 and any(len(row) > 80 for row in rows)  # (not folded at 80 columns)
    for row in rows:
        summary = row.split("  ")[-1].strip()
        assert summary[:1].isupper() and summary.endswith("."), row
