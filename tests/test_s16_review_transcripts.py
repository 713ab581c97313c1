"""Review of a transcript under an export's header, of an email answered inline, and of a transcript of names only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.config import LintConfig
from scriptkit.errors import ConfigError
from scriptkit.linting import lint_text
from scriptkit.transcript import agent_turns, quoted_thread, turns

OFF = LintConfig().override(grammar="off")


@pytest.mark.parametrize("text", [
    "Chat #4471\n[10:42] Dana (Customer): my refund never came\n[10:43] Sam (Support): Hi Dana, sorry. "
    "I will check today.\n",
    "Chat #4471\nCustomer: my parcel is late\nAgent: I will reship it today.\n",
    "Chat #4471\n\nCustomer: my parcel is late\nAgent: I will reship it today.\n",
    "Chat #4471, exported 26 Nov 2026\nCustomer: my parcel is late\nAgent: I will reship it today.\n",
])
def test_a_header_over_turns_of_one_each_is_no_ones_turn(text: str) -> None:
    mine = agent_turns(text)
    assert mine is not None, "read as a plain reply"
    said = [text[t.start:t.end] for t in mine]
    assert said in (["Hi Dana, sorry. I will check today."], ["I will reship it today."])
    result = lint_text(text, config=OFF, file="t.txt")
    assert result.messages[0].channel == "chat"
    judged = " ".join(s.text for s in result.sentences)
    assert "Chat #4471" not in judged and "late" not in judged and "never came" not in judged
    assert not any(d.code == "SK105" for d in result.diagnostics)  # (no email limits on a chat)


@pytest.mark.parametrize("text", [
    "Hi Sam,\nCustomer: Dana Whitfield\nAgent: Maya\nI'll send the tracking link today.\n",  # a greeting: a reply
    "Thanks for waiting.\nCustomer: my parcel is late\nAgent: I will reship it today.\n",  # a sentence: a reply
    "Order #4471\nCustomer: Dana Whitfield\nAgent: Maya\n",  # fields under a title: nobody talks
])
def test_a_reply_that_opens_with_its_own_line_stays_a_reply(text: str) -> None:
    assert turns(text) is None


INLINE = ("Hi Dana,\n\nI'm sorry for the trouble with your order; I know how frustrating it is. "
          "My answers are inline below.\n\n"
          "On Tue, Nov 24, 2026 at 9:00 AM Dana Smith <dana@example.com> wrote:\n"
          "> When will my refund arrive?\n\n"
          "I've sent it today, and you'll see it within 3 business days.\n\n"
          "> Can I keep the item?\n\n"
          "Yes, please keep it, with our thanks.\n\nTake care,\nPriya\n")


def test_answers_under_an_on_wrote_line_are_the_reply() -> None:
    assert quoted_thread(INLINE) is None
    result = lint_text(INLINE, channel="email", config=OFF)
    assert result.quoted_from is None
    where = {s.text: (s.location.line, s.location.col) for s in result.sentences}
    assert where["I've sent it today, and you'll see it within 3 business days."] == (8, 1)
    assert where["Yes, please keep it, with our thanks."] == (12, 1)
    judged = " ".join(where)
    assert "?" not in judged and "wrote" not in judged and "dana@example.com" not in judged
    # the answers say what happens and when: nothing to invent on "My answers are inline below."
    assert not {"SK401", "SK402", "SK403", "SK404"} & {d.code for d in result.diagnostics}


def test_a_thread_quoted_under_the_last_answer_is_still_cut_off() -> None:
    text = (INLINE + "\nOn Mon, Nov 23, 2026 at 8:00 AM Dana Smith <dana@example.com> wrote:\n"
            "> My order 4471 never came.\n> Dana\n")
    cut = quoted_thread(text)
    assert cut is not None and text[cut:].startswith("On Mon, Nov 23")
    top = "Hi Dana,\n\nIt ships today.\n\nOn Tue, 25 Nov 2026 at 10:00, Dana <d@example.com> wrote:\n> Where is it?\n"
    assert quoted_thread(top) == top.index("On Tue")  # (a top-posted reply: as before)


def test_a_transcript_of_names_only_asks_for_the_agent(tmp_path: Path) -> None:
    text = "[10:42] Dana: my order is late\n[10:43] Sam: Please be advised that we are unable to reship.\n" \
           "[10:44] Dana: ok\n"
    with pytest.raises(ConfigError, match="cannot tell which speaker is the agent"):
        lint_text(text, config=OFF, file="names.txt")
    chat = tmp_path / "names.txt"
    chat.write_text(text, encoding="utf-8")
    run = CliRunner().invoke
    asked = run(main, ["review", str(chat), "--grammar", "off"])
    assert asked.exit_code == 2 and "Traceback" not in asked.output
    assert f"{chat}:1:1: error: cannot tell which speaker is the agent" in asked.stderr
    assert '--agent "Sam"' in asked.stderr and asked.stdout == ""
    named = run(main, ["review", str(chat), "--grammar", "off", "--agent", "Sam", "--format", "json"])
    assert named.exit_code == 1, named.output
    report = json.loads(named.stdout)
    texts = {d["text"] for d in report["diagnostics"]}
    assert not any("late" in t or "10:4" in t or t == "ok" for t in texts), texts
    assert not any(d["code"] == "SK105" for d in report["diagnostics"])  # (a chat, not an email)


def test_a_form_quoted_in_an_email_under_an_order_line_is_no_transcript() -> None:
    # (each side of a chat talks: "Agent: Maya Lopez" is a form's field, and the email below is the reply)
    for header in ("Order #1234", "Ticket 4471 - refund request"):
        text = (f"{header}\nAgent: Maya Lopez\nCustomer: I never got my parcel and I want a refund\n\nHi Dana,\n\n"
                "I'm so sorry your parcel never arrived. I've sent a replacement today and it will be with you by "
                "Friday.\n\nBest,\nSam\n")
        assert turns(text) is None, header
        assert "SK401" not in {d.code for d in lint_text(text, config=OFF).diagnostics}


REPLY = "Hi Dana,\n\nI'm sorry about this. I've refunded you today; it arrives in 3 days.\n\nBest,\nSam\n\n"


def test_a_quoted_line_the_mail_program_wrapped_is_still_the_customers() -> None:
    text = (REPLY + "On Mon, 3 Nov 2026 at 10:00, Dana Whitfield <dana@example.com> wrote:\n"
            "> Hi, I have been waiting for three weeks now and honestly your company is\n"
            "useless and your agent just said we apologize for any inconvenience caused. Calm down, he said.\n"
            "> Dana\n")
    assert quoted_thread(text) == len(REPLY)
    assert not {"SK204", "SK305"} & {d.code for d in lint_text(text, config=OFF).diagnostics}


def test_a_footer_under_the_last_quote_answers_nothing() -> None:
    text = (REPLY + "On Mon, 3 Nov 2026 at 10:00, Dana Whitfield <dana@example.com> wrote:\n> Where is my refund?\n\n"
            "[cid:image001.png]\nAcme Ltd, we apologize for any inconvenience. Registered in England.\n")
    assert quoted_thread(text) == len(REPLY)


@pytest.mark.timeout(60)
def test_many_inline_answers_are_read_in_one_pass() -> None:
    # (each "On ... wrote:" line was cut from every judged span: 8,000 of them took 36 s)
    text = "Hi Dana,\n\nOn Mon, Dana <d@example.com> wrote:\n" + "".join(
        f"> Question {i}?\n\nAnswer {i}: I've sent it today.\n\n" for i in range(8_000)) + "Best,\nSam\n"
    assert lint_text(text, config=OFF).diagnostics is not None
    lint_text("On x wrote:\n>q\nOk.\n" * 8_000, config=OFF)
