"""Short replies in Dutch or German are told as such, and a reply too short to tell says so (SK006)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.language import language_of


def review(text: str, *args: str) -> Any:
    return CliRunner().invoke(main, ["review", "-", "--grammar", "off", "--format", "json", *args],
                              input=text.encode(), env={"NO_COLOR": "1"})


@pytest.mark.parametrize(("text", "code"), [
    ("Sorry voor het ongemak, we sturen het vandaag opnieuw.", "nl"),
    ("Excuses, uw pakket komt morgen.", "nl"),
    ("Sorry, das Paket kommt morgen.", "de"),
    ("Das Paket kommt morgen.", "de"),
])
def test_a_short_reply_of_another_language_is_told(text: str, code: str) -> None:
    assert language_of(text) == code


@pytest.mark.parametrize("text", ["Sorry, we're on it.", "Sorry about that!", "We sent it again today.",
                                  "Sorry, the parcel comes tomorrow.", "No worries, we fixed it."])
def test_a_short_english_reply_stays_english_or_undecided(text: str) -> None:
    assert language_of(text) in ("en", None)
    codes = {d["code"] for d in json.loads(review(text).stdout)["diagnostics"]}
    assert "SK006" not in codes


def test_a_short_dutch_reply_is_not_judged_by_the_english_rules() -> None:
    run = review("Sorry voor het ongemak, we sturen het vandaag opnieuw.")
    codes = [d["code"] for d in json.loads(run.stdout)["diagnostics"]]
    assert codes == ["SK006"], run.stdout


def test_an_undecided_reply_with_foreign_words_says_how_to_name_its_language() -> None:
    # ("morgen" is Dutch and German alike: too little to tell which)
    text = "Sorry, morgen!"
    assert language_of(text) is None
    run = review(text)
    notes = [d for d in json.loads(run.stdout)["diagnostics"] if d["code"] == "SK006"]
    assert len(notes) == 1, run.stdout
    said = notes[0]["message"] + " " + notes[0]["suggestion"]
    assert "could not tell" in said and "--locale de-DE" in said and "--locale nl-NL" in said
    assert "locale:" in said  # (the pack's setting)
    # named, it is not judged as English
    named = json.loads(review(text, "--locale", "nl-NL").stdout)["diagnostics"]
    assert not any(d["code"].startswith(("SK3", "SK4")) for d in named)
