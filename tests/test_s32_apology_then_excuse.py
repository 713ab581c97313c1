"""SK306: an apology followed by a sentence that explains the wait away with our own busyness ("We've been
swamped", "We're short-staffed", "due to unprecedented demand", "It's been a hectic month for us") and does
nothing about it is reported, as the same excuse after "but" was; a cause that comes with an action ("a strike
held up deliveries; I've rebooked yours"), busyness on the customer's own order, and the customer's busyness pass."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main


def undone(tmp_path: Path, body: str) -> list[str]:
    """The message of each SK306 finding of ``scriptkit review`` on a reply file holding ``body``."""
    reply = tmp_path / "reply.txt"
    reply.write_text(f"Hi Dana,\n\n{body}\n\nTake care,\nMia\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off", "--select", "SK306",
                                    "--format", "json"], env={"NO_COLOR": "1"})
    assert run.exit_code in (0, 1), run.output
    return [d["message"] for d in json.loads(run.stdout)["diagnostics"] if d["code"] == "SK306"]


@pytest.mark.parametrize(("body", "excuse"), [
    ("I'm sorry your refund has taken so long. Honestly, the accounts team has been swamped lately.",
     "the accounts team has been swamped"),
    ("Apologies for the slow reply. We're a bit short-staffed at the moment.", "We're a bit short-staffed"),
    ("Sorry for the wait. We've had a high volume of requests since the sale started.",
     "We've had a high volume of requests"),
    ("I'm so sorry it took a week. This was due to unprecedented demand over the holidays.",
     "due to unprecedented demand"),
    ("Sorry we missed your call. Our team has been really busy with the launch.",
     "Our team has been really busy"),
    ("I apologise for the delay. It's been a hectic month for us.", "It's been a hectic month"),
    ("Sorry for the late answer. We are currently experiencing a higher than usual number of enquiries.",
     "We are currently experiencing a higher than usual number of enquiries"),
    ("Sorry about the wait! Our warehouse is understaffed this week.", "Our warehouse is understaffed"),
])
def test_an_excuse_in_its_own_sentence_after_an_apology_is_reported(tmp_path: Path, body: str,
                                                                    excuse: str) -> None:
    assert undone(tmp_path, body) == [f'the apology is undone by an excuse: "{excuse}"']


@pytest.mark.parametrize("body", [
    # a cause that helps them understand, with what is being done about it
    "I'm sorry your parcel is late. A courier strike held up deliveries; I've rebooked yours for tomorrow.",
    "Sorry for the wait. We've been busy, so I've moved your order to the front of the queue.",
    "Sorry for the wait. We've had a high volume of requests, but I've made sure yours goes out today.",
    # busy on the customer's own order, or the customer's busyness
    "Sorry for the wait! Our team has been busy preparing your custom sofa.",
    "I'm sorry to add to your inbox. I know you've been swamped this month.",
    "Sorry for the wait. It's been a hectic month for you, I know.",
    # no apology before it
    "Thanks for your patience. We've been swamped this week, and your order ships tomorrow.",
    "I'm sorry for the mix-up. We're busy on Saturdays, so weekday mornings are the best time to call.",
    "I'm so sorry. It's crazy that the courier lost it twice.",
    # a number that tells them they are not alone, and thanks that overwhelm
    "I'm sorry dark mode isn't there yet. A large number of customers have asked for it too.",
    "Sorry for the slow reply. We've been overwhelmed by your kind messages about the shop.",
    # not about us
    "I'm sorry the update broke your export. We never want to be too busy to hear about this.",
])
def test_a_cause_with_an_action_or_busyness_not_ours_passes(tmp_path: Path, body: str) -> None:
    assert undone(tmp_path, body) == []


def test_the_excuse_after_but_is_still_reported_once(tmp_path: Path) -> None:
    assert undone(tmp_path, "Sorry for the delay, but we've been swamped. We're short-staffed this week.") == [
        'the apology is undone by "but"']
