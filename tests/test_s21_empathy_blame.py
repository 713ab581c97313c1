"""SK305 hears more of the common shapes of blame and dismissal: the fault guessed onto the customer's side ("It's
probably something on your end"), a telling-off for next time with any checking verb ("Next time, please check your
inbox before travelling"), the customer shown the door ("You're free to shop elsewhere") and a shrug said as a
tautology ("Your order will ship when it ships"); and it leaves their look-alikes in warm replies alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main


def sk305(tmp_path: Path, body: str) -> list[str]:
    """The words SK305 reports in ``scriptkit review`` of a reply file holding ``body``."""
    reply = tmp_path / "reply.txt"
    reply.write_text(f"Hi Priya,\n\n{body}\n\nTom\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off", "--format", "json"],
                             env={"NO_COLOR": "1"})
    assert run.exit_code in (0, 1), run.output
    return [d["text"] for d in json.loads(run.stdout)["diagnostics"] if d["code"] == "SK305"]


FIX = " I've posted a new one today, and it will be with you by Friday."

# each shape: sentences that blame or dismiss (reported, with the words), and look-alikes that do not (left alone)
SHAPES = {
    "the fault guessed onto their side": (
        [("It's probably something on your end, so try clearing your cache.",
          "It's probably something on your end"),
         ("This is most likely an issue on your side.", "This is most likely an issue on your side"),
         ("The problem must be on your end.", "The problem must be on your end"),
         ("It might be something on your side.", "It might be something on your side")],
        ["Is it something on your end, or does everyone in the office see it?",
         "Good news: it's nothing on your end, the fault was ours.",
         "It's not something on your end at all.",
         "Once it's set up on your side, the sync starts by itself.",
         "Everything looks fine on your account."]),
    "a telling-off for next time": (
        [("Next time, please check your inbox before travelling.", "Next time, please check"),
         ("In future, please read our emails before you travel.", "In future, please read"),
         ("Going forward, please review the order summary before paying.", "Going forward, please review"),
         ("Next time you order, please look at the size guide first.", "Next time you order, please look at"),
         ("In future, read the confirmation email.", "In future, read the"),
         ("Next time, please make sure you enter the right address.", "Next time, please make sure")],
        ["Next time you order, I'll add a note to the parcel.",
         "In future, you'll get a text when it ships.",
         "Next time, please feel free to call us directly.",
         "Next time, please just give us a call and we'll sort it straight away.",
         "Next time, please check with us first and we'll confirm the opening hours.",
         "Next time, check the Deals tab for a discount code.",
         "I'll check your order again next time you write."]),
    "shown the door": (
        [("You're free to shop elsewhere.", "You're free to shop elsewhere"),
         ("If you don't like it, you can always go elsewhere.", "you can always go elsewhere"),
         ("You are welcome to take your business elsewhere.", "You are welcome to take your business elsewhere"),
         ("Feel free to look somewhere else.", "Feel free to look somewhere else")],
        ["If you don't like it, you can return it within 30 days.",
         "You're free to have it repaired elsewhere, and we'll pay the bill.",
         "We can look elsewhere in the warehouse for a spare.",
         "You can go elsewhere in the app to change your plan."]),
    "a shrug said as a tautology": (
        [("Your order will ship when it ships.", "will ship when it ships"),
         ("It'll arrive when it arrives.", "It'll arrive when it arrives"),
         ("It will be ready when it's ready.", "will be ready when it's ready"),
         ("It'll get there when it gets there.", "It'll get there when it gets there"),
         ("It takes as long as it takes.", "It takes as long as it takes")],
        ["Your order will ship when it's packed, which is usually the same day.",
         "I'll be free when you're free, so just pick a time.",
         "We'll ship when it arrives in stock, and I'll email you that day.",
         "It takes as long as the courier needs, usually two days."]),
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_blame_and_dismissal_are_reported_and_their_look_alikes_are_not(tmp_path: Path, shape: str) -> None:
    bad, fine = SHAPES[shape]
    assert [(s, sk305(tmp_path, s + FIX)) for s, _ in bad] == [(s, [words]) for s, words in bad]
    assert [s for s in fine if sk305(tmp_path, s + FIX)] == []


@pytest.mark.timeout(60)
def test_long_runs_of_near_misses_read_in_time(tmp_path: Path) -> None:
    for unit in ("it's probably ", "it's something on your ", "next time, please ", "you can always go ",
                 "will ship when ", "will a when it ", "it takes as long as "):
        sk305(tmp_path, unit * (50_000 // len(unit)))
