"""The text report's lists: some of each kind of duplicate group (exact and near), how many more there are and
where the rest are; members with one title told apart; a contradiction's '1 year', not '1 years'; and the
overall score as exact as the --fail-under gate that compares it."""

from __future__ import annotations

import json
import random
from pathlib import Path

from tests.conftest import run_cli

_LETTERS = "bcdfghjklmnprstvz"


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_LETTERS) + rng.choice("aeiou") for _ in range(3))


def _reply(rng: random.Random, days: int) -> str:
    words = " ".join(_word(rng) for _ in range(14))
    return (f"I'm sorry about the {_word(rng)}, that is frustrating. I have logged it, and you'll get a {_word(rng)} "
            f"note within {days} days. {words.capitalize()}.")


def _library(tmp_path: Path, exact: int, near: int, same_title: bool = False) -> Path:
    """``exact`` groups of two identical macros and ``near`` groups of two macros one number apart."""
    rng = random.Random(7)
    macros: list[tuple[str, str]] = []
    for i in range(exact):
        text = _reply(rng, 5)
        title = f"Exact {i}"
        macros += [(title, text), (title if same_title else f"{title} copy", text)]
    for i in range(near):
        text = _reply(rng, 5)
        macros += [(f"Near {i}", text), (f"Near {i} copy", text.replace("within 5", "within 9"))]
    path = tmp_path / "macros.json"
    items = [{"id": n, "title": title, "active": True, "actions": [{"field": "comment_value", "value": text}]}
             for n, (title, text) in enumerate(macros, 1000)]
    path.write_text(json.dumps({"macros": items}), encoding="utf-8")
    return path


def _text(path: Path, *more: str) -> str:
    return run_cli("audit", str(path), "--grammar", "off", *more).stdout


def test_each_kind_of_duplicate_is_shown_and_the_rest_counted(tmp_path: Path) -> None:
    out = _text(_library(tmp_path, 12, 7))
    sprawl = out[out.index("Macro sprawl"):out.index("Contradictions")]
    assert "12 group(s) of exact duplicates, 7 group(s) of near duplicates" in sprawl
    lines = sprawl.splitlines()
    assert 0 < sum(line.startswith("  exact:") for line in lines) < 12
    assert 0 < sum(line.startswith("  near") for line in lines) < 7
    shown_exact = sum(line.startswith("  exact:") for line in lines)
    shown_near = sum(line.startswith("  near") for line in lines)
    assert f"and {12 - shown_exact} more exact group(s)" in sprawl
    assert f"{7 - shown_near} more near" in sprawl
    assert "--format json" in sprawl and "--html" in sprawl


def test_contradictions_beyond_those_shown_are_counted(tmp_path: Path) -> None:
    out = _text(_library(tmp_path, 0, 14))
    part = out[out.index("Contradictions"):out.index("Placeholders that can render blank")]
    total = int(part.split(":", 1)[1].split()[0])
    shown = sum(1 for line in part.splitlines()[1:] if line.startswith("  “"))
    assert total > shown > 0, part
    assert f"and {total - shown} more" in part and "--format json" in part


def test_members_with_one_title_are_told_apart(tmp_path: Path) -> None:
    out = _text(_library(tmp_path, 1, 0, same_title=True))
    (line,) = [line for line in out.splitlines() if line.startswith("  exact:")]
    assert "Exact 0 (id 1000)" in line and "Exact 0 (id 1001)" in line, line


def test_one_year_is_singular(tmp_path: Path) -> None:
    path = tmp_path / "macros.json"
    body = ("I'm sorry the {} stopped working, that is annoying. It is covered by our warranty for {} and I have "
            "sent a replacement today; it reaches you within 3 business days.")
    items = [{"id": 1, "title": "Warranty old", "actions": [{"field": "comment_value",
                                                             "value": body.format("kettle", "1 year")}]},
             {"id": 2, "title": "Warranty new", "actions": [{"field": "comment_value",
                                                             "value": body.format("toaster", "2 years")}]}]
    path.write_text(json.dumps({"macros": items}), encoding="utf-8")
    out = _text(path)
    part = out[out.index("Contradictions"):]
    assert "1 year in Warranty old" in part and "2 years in Warranty new" in part, part
    assert "1 years" not in part


def test_the_header_shows_the_score_the_gate_compares(tmp_path: Path) -> None:
    path = _library(tmp_path, 1, 1)
    report = json.loads(run_cli("audit", str(path), "--grammar", "off", "--format", "json").stdout)
    overall = report["summary"]["overall"]
    assert overall != round(overall)  # (a score with a tenth: the case where rounding hid it)
    out = _text(path)
    assert f"overall score {overall:.1f}/100" in out.splitlines()[0], out.splitlines()[0]
