"""audit --html never writes its report through a link into the pack it audits."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner

from scriptkit.cli import main


def test_a_link_named_html_that_leads_to_a_script_is_refused(tmp_path: Path) -> None:
    runner = CliRunner()
    pack = tmp_path / "p"
    assert runner.invoke(main, ["init", str(pack)]).exit_code == 0
    script = next((pack / "scripts").glob("*.yaml"))
    before = script.read_bytes()
    link = tmp_path / "report.html"
    os.symlink(script, link)
    result = runner.invoke(main, ["audit", str(pack), "--html", str(link), "--grammar", "off"], env={"NO_COLOR": "1"})
    assert result.exit_code == 2, result.output
    assert f"{link}:1:1: error: --html {link} is a file of {pack}" in " ".join(result.output.split())
    assert script.read_bytes() == before


def test_the_audited_file_as_the_report_is_refused_where_named(tmp_path: Path) -> None:
    library = tmp_path / "library.csv"
    library.write_bytes(b"title,body\nLate,I can see how frustrating the wait is. I've sent it today.\n")
    before = library.read_bytes()
    result = CliRunner().invoke(main, ["audit", str(library), "--html", str(library), "--grammar", "off"],
                                env={"NO_COLOR": "1"})
    assert result.exit_code == 2, result.output
    assert f"{library}:1:1: error: --html {library} is the file being audited" in " ".join(result.output.split())
    assert library.read_bytes() == before
