"""An emoji, symbol, bullet or keycap before a sentence or a greeting leaves its slot, and the findings, as without
it: "1️⃣ Please be advised your order has shipped." is the solution "Please be advised ..." is, and "👋 Dear Mrs
Patel," the letter's greeting (the wave counted with it, not a sentence of its own)."""

from __future__ import annotations

import pytest

from scriptkit.inference import infer_slots
from scriptkit.linting import lint_text

# (not a heart: a warm emoji is warm language, SK207 reads it)
LEADS = ["1️⃣ ", "👋 ", "✅ ", "• ", "→ ", "★ ", "👨\u200d👩\u200d👧 ", "✉️ ", "🔹 "]

# (channel, reply with "{}" where a lead may stand before a sentence or the greeting; an emoji after a sentence's
# end on its line is that sentence's, as the splitter reads it: "Hi there! 👋")
REPLIES = [
    ("email", "Hi Tom,\n\n{}Please be advised your order has shipped.\n\nBest,\nRuth\n"),
    ("email", "Hello Priya,\n\nI'm so sorry about the missing lamp. {}Unfortunately we can't refund the deposit, "
              "but I've posted a replacement shade this morning.\n\nKind regards,\nOwen\n"),
    ("email", "{}Dear Mrs Patel,\n\nI'm so sorry the parcel arrived damaged. I've sent a new one today.\n\n"
              "Yours sincerely,\nJo\n"),
    ("email", "{}Dear Mr Okafor,\n\nThanks for getting in touch. Your booking for Friday is confirmed.\n\n"
              "Best wishes,\nLeila\n"),
    ("email", "Hi Dana,\n\nThat sounds really frustrating. {}Good news: the refund went through this morning.\n\n"
              "Thanks,\nMo\n"),
    ("email", "Hi Ken,\n\nSorry for the trouble with the app.\n\n{}Open Settings and tap Sync.\n"
              "{}If it still fails, restart the phone.\n\nCheers,\nAmi\n"),
    ("chat", "{}Hi there!\n{}Oh no, that's really annoying.\n{}I've reset your password, so you can log in now."),
    ("chat", "{}Hey Sam, sorry about the wait!\n{}Your new card ships tomorrow."),
    ("chat", "Thanks for your message.\n{}Unfortunately the sale price has ended.\n{}Is there anything else?"),
    ("chat", "{}Hello! I can see why the double charge worried you.\n{}I'll cancel the second one within the hour."),
    ("chat", "{}hi, {}please be advised the warehouse is closed. {}Anything else?"),
    ("email", "Hi Lou,\n\nSorry for the delay. I've re-sent the invoice today.\n\n{}Kind regards,\nNia\n"),
]


def slots(text: str) -> list[str]:
    return [slot for _, _, slot, _ in infer_slots(text, frames=True)]


def findings(text: str, channel: str) -> list[str]:
    result = lint_text(text, channel=channel, grammar="off", file="reply.txt")
    return sorted(f"{d.code} {d.slot}" for d in result.diagnostics)


@pytest.mark.parametrize("lead", LEADS)
@pytest.mark.parametrize(("channel", "reply"), REPLIES)
def test_a_lead_before_a_sentence_or_the_greeting_leaves_slots_and_findings_as_without_it(
        lead: str, channel: str, reply: str) -> None:
    plain = reply.replace("{}", "")
    marked = reply.replace("{}", lead)
    assert slots(marked) == slots(plain)
    assert findings(marked, channel) == findings(plain, channel)


@pytest.mark.parametrize("lead", ["👋 ", "👋\n", "✉️ ", "🙂🙂 "])
def test_an_emoji_before_the_greeting_is_part_of_it_not_a_row_of_its_own(lead: str) -> None:
    letter = "Dear Mrs Patel,\n\nI'm so sorry the parcel arrived damaged. I've sent a new one today.\n"
    rows = infer_slots(lead + letter, frames=True)
    assert [slot for _, _, slot, _ in rows] == ["greeting", "acknowledgment", "solution"]
    start, end, _, _ = rows[0]
    assert (lead + letter)[start:end] == lead + "Dear Mrs Patel,"
    assert "SK302" not in findings(lead + letter, "email")


def test_a_keycap_before_a_sentence_keeps_its_slot() -> None:
    for sentence, slot in (("Please be advised your order has shipped.", "solution"),
                           ("Unfortunately we can't refund the deposit.", "other"),
                           ("Oh no, that's really annoying.", "acknowledgment")):
        plain = slots(f"Hi Jo,\n\n{sentence}\n")
        assert plain[1] == slot, plain
        assert slots(f"Hi Jo,\n\n1️⃣ {sentence}\n") == plain
