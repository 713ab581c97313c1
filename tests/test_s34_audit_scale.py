"""``scriptkit audit`` on a large library: the reporter the chosen output needs is imported before the long part
(one that could not be imported threw the whole audit away at the end), and the HTML report shows the worst macros
in full and the rest a row each (a 20,000-macro page was 73 MB, which a browser did not open in minutes)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import scriptkit
import scriptkit.audit
from scriptkit.audit import HTML_DETAILED
from scriptkit.cli import main
from scriptkit.errors import ConfigError
from tests import browser


def _library(path: Path, count: int) -> Path:
    """A JSONL export of ``count`` replies, each worse than the one before it (fewer of the practices)."""
    bodies = ["I'm sorry your parcel is late, I know you were counting on it. I've asked the courier to deliver "
              "it tomorrow and I'll email you by noon. Thanks for your patience!",
              "Sorry for the wait. Your parcel leaves the warehouse tomorrow.",
              "Your parcel leaves the warehouse tomorrow.",
              "Please be advised that your request has been noted.",
              "Per our policy this decision is final."]
    rows = [{"id": f"r{i}", "title": f"Parcel reply {i}", "body": bodies[i % len(bodies)] + f" Ref {i}."}
            for i in range(count)]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize(("options", "module"), [(["--format", "json"], "scriptkit.reporters.json"),
                                                 (["--html", "report.html"], "scriptkit.reporters.html")])
def test_a_reporter_that_cannot_be_imported_fails_before_the_audit_runs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, options: list[str], module: str) -> None:
    """The JSON reporter was imported only to print the report: a run whose reporter could not be imported (a file
    being edited) scored the whole library first, then ended with an ImportError 17 minutes in."""
    library = _library(tmp_path / "macros.jsonl", 3)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setitem(sys.modules, module, None)  # (importing it now raises ImportError)
    audited: list[object] = []
    real = scriptkit.audit.audit
    monkeypatch.setattr(scriptkit.audit, "audit", lambda *a, **k: audited.append(a) or real(*a, **k))
    result = CliRunner().invoke(main, ["audit", str(library), "--grammar", "off", *options])
    assert result.exit_code != 0 and f"import of {module} halted" in result.output, result.output
    assert audited == []  # (refused before any macro was read or scored)


@pytest.mark.chromium
def test_past_the_html_details_limit_each_macro_is_a_row_the_filters_and_links_reach(tmp_path: Path) -> None:
    """Every macro of a library was drawn in full: 20,000 made a 73 MB page no browser opened in minutes. The worst
    ``--html-details`` (here 3 of 5) are in full; the others are a row each (score, title, top problem), still
    reached by a #drill= link and the filters, and the JSON keeps all five whole."""
    library = _library(tmp_path / "macros.jsonl", 5)
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["audit", str(library), "--grammar", "off", "--html", str(out),
                                       "--html-details", "3", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data["macros"]) == 5 and all(m["text"] and "diagnostics" in m for m in data["macros"])
    worst_first = [m["id"] for m in data["macros"]]
    page = out.read_text(encoding="utf-8")
    assert re.findall(r'<details class="macro" id="m-([^"]+)"', page) == worst_first[:3]
    rows = re.findall(r'<tr class="macro-row" id="m-([^"]+)"[^>]*>(.*?)</tr>', page)
    assert [ident for ident, _ in rows] == worst_first[3:]
    for ident, row in rows:  # (its score, its title, and its top problem or none)
        macro = next(m for m in data["macros"] if m["id"] == ident)
        assert f'{macro["overall"]:.0f}</span>' in row and macro["title"] in row
        assert (macro["diagnostics"][0]["code"] if macro["diagnostics"] else "No problems found.") in row \
            or "broken:" in row
        assert f'id="drill={ident}"' in row
    assert "The other 2 macro(s), a row each" in page and "--html-details N" in page

    dom = _browse(out.as_uri() + f"#drill={rows[0][0]}")
    assert 'data-ready="1"' in dom
    drilled = re.search(r'<tr class="macro-row[^"]*" id="m-' + re.escape(rows[0][0]) + '"', dom)
    assert drilled and "focus" in drilled.group(0)


def test_the_html_details_default_is_said_in_the_help(tmp_path: Path) -> None:
    """The option's help gives the default the report uses."""
    result = CliRunner().invoke(main, ["audit", "--help"], env={"COLUMNS": "200"})
    assert f"[default: {HTML_DETAILED}]" in " ".join(result.output.split())
    report = scriptkit.audit_library(_library(tmp_path / "macros.jsonl", 2), grammar="off")
    with pytest.raises(ConfigError, match="detailed as a whole number"):
        report.write_html(tmp_path / "r.html", detailed=-1)
    report.write_html(tmp_path / "r.html", detailed=1)
    assert (tmp_path / "r.html").read_text(encoding="utf-8").count('<tr class="macro-row"') == 1


def _browse(url: str) -> str:
    return browser.run(url, "--dump-dom").stdout

