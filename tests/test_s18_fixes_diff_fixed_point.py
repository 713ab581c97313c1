"""``check --diff`` shows what ``check --fix`` writes: --fix makes its fixes round after round (one can
reveal another), and the diff's + lines are the file after all of them, with no note about a fix that the
diff itself makes moot. Nothing is written by --diff."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scriptkit.cli import main

PACK = "name: Rounds\nversion: 0.1.0\nlocale: en-US\n"


def _pack(tmp_path: Path, solution: str) -> Path:
    root = tmp_path / "pack"
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text(PACK, encoding="utf-8")
    (root / "scripts" / "broken.yaml").write_text(
        "id: broken\ntitle: Broken parcel\nchannels: [email]\n"
        'acknowledgment: "I can see how disappointing it is to find the parcel broken."\n'
        'warm_language: "Thank you for sending the photos."\n'
        f'solution: "{solution}"\n', encoding="utf-8")
    return root


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _solution(text: str) -> str:
    return next(line for line in text.splitlines() if line.startswith("solution:"))


@pytest.mark.timeout(60)
@pytest.mark.parametrize("solution", [
    "I have sent a new one today, and we will endeavour to assist you further.",  # ("we'll endeavour": found next)
    "We are unable to expedite it, but I am sure it will arrive by Friday, and I will email you.",
])
@pytest.mark.parametrize("given", ["pack", "script"])
def test_the_diff_is_what_fix_writes(tmp_path: Path, solution: str, given: str) -> None:
    root = _pack(tmp_path, solution)
    script = root / "scripts" / "broken.yaml"
    written = script.read_text(encoding="utf-8")
    shown = _run("check", str(root if given == "pack" else script), "--diff")
    assert script.read_text(encoding="utf-8") == written  # (--diff changes nothing)
    plus = [line[1:] for line in shown.stdout.splitlines() if line.startswith("+solution:")]
    _run("check", str(root), "--fix")
    assert plus == [_solution(script.read_text(encoding="utf-8"))], shown.stdout
    assert _solution(written) not in plus


@pytest.mark.timeout(60)
def test_no_note_for_a_fix_the_diff_makes_moot(tmp_path: Path) -> None:
    root = _pack(tmp_path, "We are unable to expedite it, but I am sure it will arrive by Friday, and I will "
                 "email you.")
    shown = _run("check", str(root), "--diff")
    assert "+solution: \"We can't " in shown.stdout, shown.stdout
    assert "fix not applied" not in shown.stderr, shown.stderr
