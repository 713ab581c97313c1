"""import tells a British library from an American one by its spelling, and writes locale: en-GB (saying why) only
when the evidence is clear, so grammar checks do not Americanize it."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.english_spelling import spelling_region

_BRITISH = ["I apologise for the wait; I realise it has been a long week.",
            "I'm sorry the jumper came in the wrong colour, so I've organised a swap as a favour to you."]
_AMERICAN = ["I apologize for the wait; I realize it has been a long week.",
             "I'm sorry the sweater came in the wrong color, so I've organized a swap."]


def _imported(tmp_path: Path, bodies: list[str]) -> str:
    tmp_path.mkdir(exist_ok=True)
    library = tmp_path / "lib.jsonl"
    library.write_text("".join(json.dumps({"id": f"m{i}", "title": f"Reply {i}", "body": f"Hi,\n\n{b}"}) + "\n"
                               for i, b in enumerate(bodies)), encoding="utf-8")
    out = tmp_path / "pack"
    result = CliRunner().invoke(main, ["import", str(library), "--from", "jsonl", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return (out / "pack.yaml").read_text(encoding="utf-8")


def test_a_british_library_gets_locale_en_gb_and_says_why(tmp_path: Path) -> None:
    # no locale was written, so the pack was en-US and `check --grammar local --fix` rewrote it American
    pack = _imported(tmp_path, _BRITISH)
    assert "\nlocale: en-GB\n" in pack
    assert "British spelling" in pack and "apologise" in pack.split("name:")[0]  # (the header comment says why)


def test_an_american_or_mixed_library_gets_no_locale(tmp_path: Path) -> None:
    assert "locale:" not in _imported(tmp_path / "us", _AMERICAN)
    assert "locale:" not in _imported(tmp_path / "mixed", [*_BRITISH[:1], *_AMERICAN])


def test_the_evidence_must_be_clear() -> None:
    assert spelling_region(_BRITISH) is not None and spelling_region(_BRITISH)[0] == "en-GB"  # type: ignore[index]
    assert spelling_region(["Sorry about the colour."]) is None  # one word is no evidence
    assert spelling_region([*_BRITISH, *_AMERICAN]) is None
    assert spelling_region(["I'll advise you once I've checked, I promise."]) is None  # '-ise' of no twin
