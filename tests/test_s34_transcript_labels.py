"""Review of transcripts: speaker labels alone on their line with no colon, one labelled turn, another language
beside English, a hold line said in two turns, and a reply-level finding's region."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.errors import ConfigError
from scriptkit.transcript import agent_turns


def _review(tmp_path: Path, text: str, *args: str) -> tuple[int, str]:
    reply = tmp_path / "reply.txt"
    reply.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


BARE_NAMES = ("You\nHello Priya, I'm sorry the blender arrived cracked, that's so disappointing.\n"
              "Priya\nPlease be advised that I expect a full refund!!!\n"
              "You\nI've refunded the full amount to your card today.\n")


def test_a_role_or_name_alone_on_its_line_labels_a_turn(tmp_path: Path) -> None:
    mine = agent_turns(BARE_NAMES)
    assert mine is not None, "read as a plain reply"
    assert [BARE_NAMES[t.start:t.end] for t in mine] == [
        "Hello Priya, I'm sorry the blender arrived cracked, that's so disappointing.",
        "I've refunded the full amount to your card today."]
    code, out = _review(tmp_path, BARE_NAMES)
    assert "SK201" not in out and "You Hello" not in out, out  # (the customer's words and the labels: not judged)
    assert "a transcript: 2 turn(s) by You" in out and code == 0, out


def test_role_words_alone_on_their_lines_say_who_is_the_agent() -> None:
    text = ("Customer\nMy card was billed two times.\nThis must be refunded within 24 hours!!!\n"
            "Agent\nI can see why a double charge is worrying. I've refunded the second charge today.\n")
    mine = agent_turns(text)
    assert mine is not None and [text[t.start:t.end] for t in mine] == [
        "I can see why a double charge is worrying. I've refunded the second charge today."]


def test_names_alone_with_no_role_ask_which_is_the_agent(tmp_path: Path) -> None:
    text = ("Priya\nmy blender arrived cracked, I want my money back\nOwen\nI'm sorry, I've refunded it today.\n"
            "Priya\nthank you so much\n")
    with pytest.raises(ConfigError) as caught:
        agent_turns(text, file="chat.txt")
    assert "agent" in str(caught.value) and '--agent "Owen"' in (caught.value.hint or "")
    code, out = _review(tmp_path, text)
    assert code == 2 and "reply.txt:1:1" in out and "--agent" in out, out
    mine = agent_turns(text, "Owen")
    assert mine is not None and [text[t.start:t.end] for t in mine] == ["I'm sorry, I've refunded it today."]


@pytest.mark.parametrize("text", [
    "Hi Priya,\n\nI've refunded the blender today; it reaches your card in 3 days.\n\nThanks\nSam\n",
    "Hi Priya,\n\nI've refunded the blender today.\n\nBest\nSam\n",
    "Priya\nI've refunded the blender today.\n\nThanks\nSam\n",
    "Update\nThe blender ships today.\nTracking\nIt reaches you Friday.\n",
])
def test_a_name_alone_under_an_email_is_a_sign_off_not_a_label(text: str) -> None:
    assert agent_turns(text) is None


@pytest.mark.parametrize("text", ["Agent: one sec, I'm checking the courier's page now.",
                                  "[10:42] Support: Hi 👋 Dana, per our policy we cannot help."])
def test_one_labelled_turn_is_a_chat_turn_by_its_speaker(tmp_path: Path, text: str) -> None:
    mine = agent_turns(text)
    assert mine is not None, "read as an email"
    assert [text[t.start:t.end] for t in mine] == [text.split(": ", 1)[1]]
    _code, out = _review(tmp_path, text)
    assert "a transcript: 1 turn(s) by" in out and "SK105" not in out and "Agent: " not in out.split("\n", 2)[2], out


def test_one_line_of_a_field_is_still_a_reply() -> None:
    assert agent_turns("Order number: 4471 ships today, and I've refunded the fee.") is None


def test_a_hold_line_said_in_two_turns_is_no_repeat_but_twice_in_one_turn_is(tmp_path: Path) -> None:
    hold = "One moment, let me check."
    text = (f"Customer: my kettle never arrived\nAgent: I'm sorry it hasn't come, that's so annoying.\n"
            f"Agent: {hold}\nCustomer: ok\nAgent: The courier lost it. I've sent a new one today.\n"
            f"Customer: and my other order?\nAgent: {hold}\nAgent: It arrives tomorrow.\n")
    _code, out = _review(tmp_path, text)
    assert "SK011" not in out, out
    fix = "I've sent a new one today."
    _code, out = _review(tmp_path, text.replace("Agent: It arrives tomorrow.", f"Agent: {fix} Thanks. {fix}"))
    assert out.count("SK011") == 1 and "8:43" in out and "earlier in the turn" in out, out


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_a_finding_on_the_whole_reply_is_placed_on_the_agents_words_only(tmp_path: Path, fmt: str) -> None:
    text = ("Customer: the blender I ordered arrived in pieces\nAgent: Hi Priya, per our policy we need photos.\n"
            "Customer: I sent them yesterday\nAgent: Please be advised that reviews take 10 days.\n")
    _code, out = _review(tmp_path, text, "--format", fmt)
    found = json.loads(out)
    if fmt == "json":
        regions = [(d["code"], d["line"], d.get("end_line", d["line"])) for d in found["diagnostics"]]
    else:
        regions = [(r["ruleId"], loc["physicalLocation"]["region"]["startLine"],
                    loc["physicalLocation"]["region"].get("endLine", loc["physicalLocation"]["region"]["startLine"]))
                   for r in found["runs"][0]["results"] for loc in r["locations"]]
    assert "SK207" in {code for code, _, _ in regions}, regions
    customer_lines = {1, 3}
    assert all(not customer_lines & set(range(start, end + 1)) for _, start, end in regions), regions


def test_sentences_in_another_language_beside_english_are_not_judged(tmp_path: Path) -> None:
    text = ("Customer: mi cafetera llegó rota y estoy muy enfadada.\n"
            "Agent: Hola Lucía, lamento mucho lo de la cafetera. Te enviamos otra que llegará el lunes.\n"
            "Customer: In English please, my partner handles this.\n"
            "Agent: I'm so sorry the coffee maker arrived broken, I know how annoying that is. "
            "I've sent a new one that arrives Monday.\n")
    _code, out = _review(tmp_path, text, "--format", "json")
    found = json.loads(out)
    labels = {s["text"]: (s["slot"], s["judged"]) for s in found["sentences"]}
    assert labels["lamento mucho lo de la cafetera."] == (None, False), labels
    assert labels["Te enviamos otra que llegará el lunes."] == (None, False), labels
    assert labels["I've sent a new one that arrives Monday."] == ("solution", True), labels
    assert "SK302" not in {d["code"] for d in found["diagnostics"]}, found["diagnostics"]
    assert "SK006" in {d["code"] for d in found["diagnostics"]}, found["diagnostics"]
    _code, out = _review(tmp_path, text)
    assert "not judged   lamento mucho" in out and "of 2 sentence(s)" in out and "another language aside" in out, out


def test_a_bilingual_sign_off_under_two_paragraphs_is_the_sign_off(tmp_path: Path) -> None:
    text = ("Hola Lucía,\n\nLamento mucho que tu cafetera haya llegado rota, entiendo lo molesto que es. "
            "Ya te hemos enviado otra y llegará el lunes.\n\nHi Lucía,\n\nI'm so sorry your coffee maker arrived "
            "broken, I know how annoying that is. We've sent a new one and it arrives on Monday.\n\n"
            "Un saludo / Best,\nTomás\n")
    _code, out = _review(tmp_path, text, "--format", "json")
    labels = {s["text"]: s["slot"] for s in json.loads(out)["sentences"]}
    assert labels["Un saludo / Best,\nTomás"] == "signoff", labels
    assert {v for k, v in labels.items() if k.startswith(("Lamento", "Ya te"))} == {None}, labels
