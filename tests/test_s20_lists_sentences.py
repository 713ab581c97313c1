"""A list's items are sentences, full stop or not: in review, in check, in readability and in SK202."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from scriptkit import load_pack
from scriptkit.config import LintConfig
from scriptkit.linting import lint_pack, lint_text
from scriptkit.text import sentences

_ITEMS = ("Posted a free return label to your inbox", "Held the green one in your size at our York store",
          "Booked it on the fast courier, so it lands on Thursday", "Tucked in a card and paper for the gift")
_REPLY = ("Hi Priya,\n\nI'm so sorry the scarf turned up in the wrong shade, especially as it was a present.\n\n"
          "Here's what I've done for you today:\n{items}\n\nThanks for bearing with us,\nOwen\n")
_CFG = LintConfig().override(grammar="off")


def _listed(mark: str, stop: str = "") -> str:
    marks = [f"{n}{mark}" for n in range(1, 5)] if mark in (".", ")") else [mark] * 4
    return "\n".join(f"{m} {item}{stop}" for m, item in zip(marks, _ITEMS, strict=True))


@pytest.mark.timeout(60)
@pytest.mark.parametrize("mark", ["-", "*", "•", ".", ")"])
def test_each_item_is_a_sentence_of_its_own(mark: str) -> None:
    found = sentences(_REPLY.format(items=_listed(mark)))
    assert "Here's what I've done for you today:" in found
    for item in _ITEMS:
        assert any(s.endswith(item) and len(s) <= len(item) + 3 for s in found), (item, found)


@pytest.mark.timeout(60)
def test_an_item_wrapped_over_two_lines_stays_one_sentence() -> None:
    text = ("Here's what I've done:\n- Held the green one in your size at our\n  York store\n"
            "- Booked it on the fast courier\nso it lands on Thursday\nThanks for bearing with us,\nOwen")
    assert sentences(text) == ["Here's what I've done:", "- Held the green one in your size at our\n  York store",
                               "- Booked it on the fast courier\nso it lands on Thursday",
                               "Thanks for bearing with us,\nOwen"]


@pytest.mark.timeout(60)
def test_a_list_without_full_stops_is_judged_as_the_same_list_with_them() -> None:
    bare = lint_text(_REPLY.format(items=_listed("-")), config=_CFG)
    stopped = lint_text(_REPLY.format(items=_listed("-", ".")), config=_CFG)
    assert sorted(d.code for d in bare.diagnostics) == sorted(d.code for d in stopped.diagnostics)
    assert not {"SK101", "SK102", "SK202"} & {d.code for d in bare.diagnostics}
    shown = [n.text for n in bare.sentences]
    assert f"- {_ITEMS[2]}" in shown and "Here's what I've done for you today:" in shown


_SCRIPT = """id: wrong-shade
title: Wrong shade
scenario: The customer got the wrong colour.
emotion: disappointed
channels: [email]
acknowledgment: "I'm so sorry the scarf turned up in the wrong shade, especially as it was a present."
warm_language: "I'd be let down too."
solution: |
  Here's what I've done for you today:
{items}
"""


@pytest.mark.timeout(120)
@pytest.mark.parametrize("mark", ["-", "*", "•", ".", ")"])
def test_check_on_a_pack_reads_the_items_as_review_does(tmp_path: Path, mark: str) -> None:
    long_item = "Booked it on the fast courier with a signed and tracked slot so it reaches your door on Thursday " \
                "before noon at the latest and I will watch it all the way"
    items = [*_ITEMS[:2], long_item]
    marks = [f"{n}{mark}" for n in range(1, 4)] if mark in (".", ")") else [mark] * 3
    listed = "\n".join(f"  {m} {item}" for m, item in zip(marks, items, strict=True))
    (tmp_path / "pack.yaml").write_text("name: Lists\nversion: 0.1.0\nlocale: en-US\n", encoding="utf-8")
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "wrong-shade.yaml").write_text(_SCRIPT.format(items=listed), encoding="utf-8")
    checked = lint_pack(load_pack(tmp_path, jobs=1), _CFG, jobs=1)
    reviewed = lint_text("\n".join(f"{m} {item}" for m, item in zip(marks, items, strict=True)), config=_CFG)
    long_checked = [d for d in checked.diagnostics if d.code == "SK103"]
    long_reviewed = [d for d in reviewed.diagnostics if d.code == "SK103"]
    assert [d.text for d in long_checked] == [d.text for d in long_reviewed] == [f"{marks[2]} {long_item}"]
    assert not {"SK101", "SK102"} & {d.code for d in checked.diagnostics}


@pytest.mark.timeout(60)
def test_sk202_says_when_no_one_sentence_is_over_the_ceiling() -> None:
    text = ("Hi Priya,\n\nWhat a shame the scarf came in the wrong shade, especially when it was meant as a present. "
            "I'd be let down too.\n\nHere's what I've done:\n- Posted a free return label to your inbox\n"
            "- Held the green one in your size\n- Booked it for today, so it lands on Thursday\n\nOwen\n")
    for ceiling in (0.30, 0.40):
        config = dataclasses.replace(_CFG, options={"SK202": {"ceiling": ceiling}})
        found = [d for d in lint_text(text, config=config).diagnostics if d.code == "SK202"]
        assert found
        for d in found:
            shown = float(d.message.rsplit("(", 1)[1].rstrip(")"))
            if shown <= ceiling:
                assert "no sentence is above it alone" in d.message and "this sentence is the most formal" \
                    not in d.message, d.message
