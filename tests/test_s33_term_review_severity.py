"""``review`` said "1 error" in its summary with no finding saying which: each finding under its sentence now
shows its line:col and its severity in words, as ``check`` does (``line:col  severity  CODE``)."""

from __future__ import annotations

import json
import re

from click.testing import CliRunner

from scriptkit.cli import main

TEXT = "Hi Jo,\nThank you for waiting. We apologize for any inconvenience.\nThanks,\nMia\n"


def test_each_review_finding_shows_its_location_and_severity() -> None:
    env = {"NO_COLOR": "1", "COLUMNS": "200"}
    found = json.loads(CliRunner().invoke(main, ["review", "-", "--format", "json"], input=TEXT, env=env).output)
    out = CliRunner().invoke(main, ["review", "-"], input=TEXT, env=env).output
    assert found["diagnostics"]
    for d in found["diagnostics"]:
        where = f"{d['line']}:{d['col']}"
        assert re.search(rf"^ +{where} +{d['severity']} +{d['code']} \[{d['name']}\]", out, re.M), (d["code"], out)
    has_error = any(d["severity"] == "error" for d in found["diagnostics"])
    assert has_error == bool(re.search(r"^ +\d+:\d+ +error ", out, re.M))
    # (the sentences stay one a line, each with its findings under it)
    lines = out.splitlines()
    sentence = next(i for i, line in enumerate(lines) if line.endswith("We apologize for any inconvenience."))
    assert re.match(r" +2:24 +(error|warning|suggestion) +SK204 ", lines[sentence + 1])
