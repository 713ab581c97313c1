"""`--grammar` given a near miss: a typo of a mode is a "Did you mean", and a server named without
its scheme is shown with it (the URL the option takes), on every command that has the option."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.config import parse_grammar


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), env={"NO_COLOR": "1"})


@pytest.mark.parametrize(("given", "hint"), [
    ("lcoal", "Did you mean 'local'?"),
    ("of", "Did you mean 'off'?"),
    ("lt.internal:8081", "A server is given by its URL: did you mean 'http://lt.internal:8081'?"),
    ("localhost:8081", "A server is given by its URL: did you mean 'http://localhost:8081'?"),
    ("localhost", "A server is given by its URL: did you mean 'http://localhost'?"),  # (not the mode 'local')
    ("10.0.0.5:8010/v2", "A server is given by its URL: did you mean 'http://10.0.0.5:8010/v2'?"),
    ("sometimes", "Use 'off', 'local' (a LanguageTool server started for you) or the URL of a server."),
])
def test_a_near_miss_is_told_what_was_meant(make_pack: Any, given: str, hint: str) -> None:
    root = make_pack({"a.yaml": "id: a\ntitle: A\nacknowledgment: I see.\nsolution: It is sent.\n"})
    result = run("check", str(root), "--grammar", given)
    assert result.exit_code == 2
    said = " ".join(result.stderr.split())
    assert f"'{given}' is not a grammar mode. {hint}" in said, said


def test_review_has_it_too(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text("Thanks for waiting, Sam. I've sent the refund today.\n", encoding="utf-8")
    result = run("review", str(reply), "--grammar", "lcoal")
    assert result.exit_code == 2 and "Did you mean 'local'?" in result.stderr


@pytest.mark.parametrize("given", ["lt.internal:8081", "localhost"])
def test_what_it_suggests_is_taken(make_pack: Any, given: str) -> None:
    root = make_pack({"a.yaml": "id: a\ntitle: A\nacknowledgment: I see.\nsolution: It is sent.\n"})
    suggested = run("check", str(root), "--grammar", given).stderr.split("did you mean '")[1].split("'")[0]
    assert parse_grammar(suggested, None) == suggested  # (the option's own check: parsed, not contacted)
