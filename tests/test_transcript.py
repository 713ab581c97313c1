"""Transcripts: review judges the agent's turns, never the customer's lines."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scriptkit.config import LintConfig
from scriptkit.errors import ConfigError
from scriptkit.linting import lint_text
from scriptkit.transcript import agent_turns, quoted_thread, turns

CHAT = """\
Customer: my parcel STILL hasn't come and it's been two weeks, this is useless
Agent: Hi Dana, I can see how frustrating a two-week wait is.
Customer: I need it by Friday
Agent: Per our policy we can't reship before 21 days.
Please be advised that delays happen.
"""


def _spoken(text: str) -> list[tuple[str, str]]:
    return [(t.speaker, text[t.start:t.end]) for t in turns(text) or []]


def test_turns_run_to_the_next_speaker_and_span_lines() -> None:
    assert _spoken(CHAT) == [
        ("Customer", "my parcel STILL hasn't come and it's been two weeks, this is useless"),
        ("Agent", "Hi Dana, I can see how frustrating a two-week wait is."),
        ("Customer", "I need it by Friday"),
        ("Agent", "Per our policy we can't reship before 21 days.\nPlease be advised that delays happen."),
    ]


def test_time_stamps_names_with_roles_and_field_lines_inside_a_turn() -> None:
    text = ("[10:42] Dana: hi, my order 4471 never came\n"
            "[10:43] Sam (Support): I'm sorry it hasn't arrived, Dana.\nOrder number: 4471\nI'll reship it today.\n"
            "[10:44] Dana: thanks\n")
    assert _spoken(text) == [("Dana", "hi, my order 4471 never came"),
                             ("Sam (Support)", "I'm sorry it hasn't arrived, Dana.\nOrder number: 4471\n"
                                               "I'll reship it today."),
                             ("Dana", "thanks")]
    assert [t.speaker for t in agent_turns(text) or []] == ["Sam (Support)"]  # its label says it is support


@pytest.mark.parametrize("text", [
    "Hi Sam,\nOrder: 4471\nStatus: shipped\nI'll send the tracking link today.",  # starts as a reply
    "Order number: 4471\nTracking: 1Z999\nThanks for waiting!",  # field lines, each once: no speakers
    "Note: this macro is for refunds.\nHi there, I'll refund you today.",
    "Hi Dana,\n\nQ: Can I move my delivery?\nA: Yes, I've moved it.\nQ: Is there a fee?\nA: No.\n",  # FAQ style
])
def test_replies_with_field_lines_are_not_transcripts(text: str) -> None:
    assert turns(text) is None and agent_turns(text) is None


def test_the_agent_is_named_when_the_labels_do_not_say_it() -> None:
    text = "Dana: my parcel never came\nSam: I'm so sorry, Dana. I'll reship it today.\nDana: thanks\n"
    with pytest.raises(ConfigError, match="cannot tell which speaker is the agent"):
        agent_turns(text)  # two names: nothing says which is the agent, so it must be named
    assert [text[t.start:t.end] for t in agent_turns(text, "sam") or []] == [
        "I'm so sorry, Dana. I'll reship it today."]
    with pytest.raises(ConfigError) as caught:
        agent_turns(text, "Alex", "chat.txt")
    assert "no speaker 'Alex' in the transcript: its speakers are Dana, Sam" in caught.value.message
    assert (caught.value.location.file, caught.value.location.line) == ("chat.txt", 1)
    with pytest.raises(ConfigError):
        agent_turns("Hi Dana, I'll reship it today.", "Sam")  # not a transcript at all


def test_review_of_a_transcript_judges_only_the_agent() -> None:
    result = lint_text(CHAT, grammar="off", file="chat.txt")
    assert result.messages[0].channel == "chat"  # a transcript is a chat unless told otherwise
    assert [t.speaker for t in result.turns] == ["Agent", "Agent"]
    said = {d.text for d in result.diagnostics}
    assert not any("useless" in t or "Friday" in t for t in said)  # the customer's words are never judged
    by_code = {d.code: d for d in result.diagnostics}
    assert by_code["SK305"].location.line == 4 and by_code["SK305"].location.col == 8  # "Per our policy"
    assert by_code["SK201"].location.line == 5 and by_code["SK201"].location.col == 1  # "Please be advised"
    assert "SK302" not in by_code and "SK301" not in by_code  # the agent acknowledged first
    assert [n.text for n in result.sentences][:2] == ["Hi Dana,", "I can see how frustrating a two-week wait is."]
    assert all(n.location.line in (2, 4, 5) for n in result.sentences)


def test_a_plain_reply_is_judged_whole_as_before() -> None:
    text = "Hi Dana,\n\nI can see how frustrating the wait is. I'll reship your parcel today."
    result = lint_text(text, grammar="off")
    assert result.turns == [] and result.messages[0].channel == "email"
    assert result.messages[0].text == text


_SPEAKERS = st.sampled_from(["Agent", "Customer"])
_LINE = st.from_regex(r"[a-z][a-z ,.']{0,40}[a-z.]", fullmatch=True)


@st.composite
def _conversations(draw: st.DrawFn) -> list[tuple[str, str]]:
    """2-8 lines with both speakers: a line by the one the first line is not by, put in anywhere
    (built in, not filtered for: filtering threw away about a fifth of the draws)."""
    spoken = draw(st.lists(st.tuples(_SPEAKERS, _LINE), min_size=1, max_size=7))
    other = "Customer" if spoken[0][0] == "Agent" else "Agent"
    at = draw(st.integers(0, len(spoken)))
    return [*spoken[:at], (other, draw(_LINE)), *spoken[at:]]


@given(_conversations())
def test_turns_give_back_each_line_with_its_speaker(spoken: list[tuple[str, str]]) -> None:
    text = "".join(f"{speaker}: {line}\n" for speaker, line in spoken)
    assert _spoken(text) == spoken


def test_the_cli_reviews_the_named_agents_turns(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from scriptkit.cli import main

    chat = tmp_path / "chat.txt"
    chat.write_text("Dana: my parcel never came\nSam: Please be advised it ships today.\nDana: ok\n", encoding="utf-8")
    run = CliRunner().invoke
    text = run(main, ["review", str(chat), "--grammar", "off", "--agent", "Sam"])
    assert text.exit_code == 1, text.output
    assert "a transcript: 1 turn(s) by Sam judged as one reply" in text.output
    assert "2:6" in text.output and "my parcel never came" not in text.output
    as_json = run(main, ["review", str(chat), "--grammar", "off", "--agent", "sam", "--format", "json"])
    report = json.loads(as_json.output)
    assert report["turns"] == [{"speaker": "Sam", "text": "Please be advised it ships today.", "line": 2, "col": 6}]
    missing = run(main, ["review", str(chat), "--grammar", "off", "--agent", "Alex"])
    assert missing.exit_code == 2 and f"{chat}:1:1: error: no speaker 'Alex'" in missing.output
    assert "Traceback" not in missing.output


@pytest.mark.parametrize("stamp", ["2026-11-26 10:42:13 ", "2026-11-26T10:42:13Z ", "26/11/2026 10:42 ",
                                   "(10:42:13 AM) ", "[26 Nov 2026, 10:42] ", "10:42 a.m. ",
                                   "26/11/2026, 10:42 - ", "[26/11/2026, 10:42:13] "])  # (WhatsApp's two exports)
def test_time_stamps_with_dates(stamp: str) -> None:
    text = f"{stamp}Customer: the app crashes\n{stamp}Agent: I'll send a fix today.\n"
    assert _spoken(text) == [("Customer", "the app crashes"), ("Agent", "I'll send a fix today.")]


def test_names_with_emoji_apostrophes_accents_and_titles() -> None:
    text = ("🌸 Siobhán O'Brien: my refund never came\nDr. José Núñez 💬 (Support): I'll refund you today.\n"
            "🌸 Siobhán O'Brien: thanks\n")
    assert [s for s, _ in _spoken(text)] == ["🌸 Siobhán O'Brien", "Dr. José Núñez 💬 (Support)", "🌸 Siobhán O'Brien"]
    assert [t.speaker for t in agent_turns(text) or []] == ["Dr. José Núñez 💬 (Support)"]


def test_a_label_on_its_own_line_and_windows_line_endings() -> None:
    text = "Customer:\r\nmy parcel is late\r\n\r\nAgent:\r\nI'll reship it today.\r\n\r\nCustomer:\r\nthanks\r\n"
    assert _spoken(text) == [("Customer", "my parcel is late"), ("Agent", "I'll reship it today."),
                             ("Customer", "thanks")]


def test_a_first_turn_longer_than_the_first_few_kilobytes() -> None:
    text = "Customer: " + "my order is late and " * 300 + "\nAgent: I'll reship it today.\n"
    assert [t.speaker for t in agent_turns(text) or []] == ["Agent"]


def test_an_export_header_before_the_first_turn_is_not_judged() -> None:
    text = ("Chat #4471, exported 26 Nov 2026\n\nCustomer: my parcel is late\nAgent: I'll reship it today.\n"
            "Customer: ok\nAgent: You'll have the tracking link by noon.\n")
    assert [text[t.start:t.end] for t in agent_turns(text) or []] == [
        "I'll reship it today.", "You'll have the tracking link by noon."]


def test_a_transcript_of_one_side() -> None:
    agent_only = "Agent: Hi Dana, thanks for waiting.\nAgent: I'll reship it today.\n"
    assert [agent_only[t.start:t.end] for t in agent_turns(agent_only) or []] == [
        "Hi Dana, thanks for waiting.", "I'll reship it today."]
    with pytest.raises(ConfigError) as caught:
        agent_turns("Customer: my parcel is late\nCustomer: hello??\n", file="chat.txt")
    assert "no agent turns in the transcript: its only speaker is Customer" in caught.value.message
    assert "--agent" in (caught.value.hint or "")
    with pytest.raises(ConfigError) as caught:  # (the agent's label is there, with nothing after it)
        agent_turns("Customer: hello??\nAgent:\nCustomer: is anyone there\n", file="chat.txt")
    assert caught.value.message == "no agent turns in the transcript: Agent wrote nothing"


def test_the_agent_is_the_one_speaker_who_is_not_the_customer_or_a_bot() -> None:
    text = ("Bot: Hi! I'm the virtual helper.\nCustomer: refund please\nBot: Connecting you now.\n"
            "Maya: I'll refund you today.\nCustomer: thanks\nMaya: You're welcome!\n")
    assert [t.speaker for t in agent_turns(text) or []] == ["Maya", "Maya"]
    with pytest.raises(ConfigError) as caught:  # only a bot answered: nothing an agent wrote
        agent_turns("Bot: Hi!\nCustomer: refund please\nBot: Connecting you now.\n", file="chat.txt")
    assert "its speakers are Bot, Customer" in caught.value.message


def test_quoted_lines_inside_a_turn_are_not_the_agents() -> None:
    text = ("Customer: where is my parcel\n"
            "Agent: > Customer: it has been two weeks\nI'm sorry, Dana. I'll reship it today.\n"
            "> Please be advised that delays happen.\nYou'll have the link by noon.\nCustomer: thanks\n")
    assert [text[t.start:t.end] for t in agent_turns(text) or []] == [
        "I'm sorry, Dana. I'll reship it today.", "You'll have the link by noon."]
    result = lint_text(text, grammar="off")
    assert len(result.turns) == 2 and len({t.turn for t in result.turns}) == 1  # two parts of one turn
    from scriptkit.reporters import get_reporter

    shown = io.StringIO()
    get_reporter("text")(result, shown)
    assert "a transcript: 1 turn(s) by Agent" in shown.getvalue()


def test_the_cli_takes_the_agents_label_as_written_and_says_when_it_cannot_tell(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from scriptkit.cli import main

    chat = tmp_path / "chat.txt"
    chat.write_text("Dana: my parcel never came\nMaya Lee: Please be advised it ships today.\nDana: ok\n"
                    "Maya Lee: You'll have the link by noon.\n", encoding="utf-8")
    run = CliRunner().invoke
    copied = run(main, ["review", str(chat), "--grammar", "off", "--agent", "Maya Lee:"])  # pasted with its colon
    assert copied.exit_code == 1 and "2 turn(s) by Maya Lee" in copied.stdout, copied.output
    empty = run(main, ["review", str(chat), "--grammar", "off", "--agent", " "])
    assert empty.exit_code == 2 and "the agent's name is empty" in empty.stderr and "Traceback" not in empty.output
    unnamed = run(main, ["review", str(chat), "--grammar", "off"])
    assert unnamed.exit_code == 2 and "Dana: my parcel never came" not in unnamed.output  # never judged whole
    assert (f"{chat}:1:1: error: cannot tell which speaker is the agent: the transcript's speakers are Dana and "
            "Maya Lee") in unnamed.stderr
    assert '--agent "Maya Lee"' in unnamed.stderr and "Traceback" not in unnamed.output
    folder = run(main, ["review", str(tmp_path), "--grammar", "off"])
    assert folder.exit_code == 2 and f"{tmp_path}: error: {tmp_path} is a folder" in folder.stderr


def test_customer_service_is_the_support_side() -> None:
    text = ("Customer Service: Hi, thanks for contacting us.\nDana: my parcel never came\n"
            "Customer Service: I'll reship it today.\nDana: thanks\n")
    assert [text[t.start:t.end] for t in agent_turns(text) or []] == [
        "Hi, thanks for contacting us.", "I'll reship it today."]


@pytest.mark.parametrize("field", ["Note", "Reason code"])
def test_a_field_line_repeated_in_the_agents_turns_stays_in_them(field: str) -> None:
    text = (f"Customer: where is my parcel\nAgent: It left our warehouse Monday.\n{field}: tracking updates hourly.\n"
            f"Customer: still nothing\nAgent: I'll reship it today.\n{field}: you'll get a new link by email.\n")
    assert [text[t.start:t.end] for t in agent_turns(text) or []] == [
        f"It left our warehouse Monday.\n{field}: tracking updates hourly.",
        f"I'll reship it today.\n{field}: you'll get a new link by email."]


@pytest.mark.parametrize(("text", "said"), [
    ("Dana: where is my parcel?\nSam: I'll reship it today.\n", ["I'll reship it today."]),  # each speaks once
    ("Sam: I'll reship it today.\nOrder number: 4471\n", ["I'll reship it today.\nOrder number: 4471"]),
    ("\nsam: I'll reship it today.", ["I'll reship it today."]),  # one line, pasted after a blank one
])
def test_a_named_agent_in_a_short_chat(text: str, said: list[str]) -> None:
    assert [text[t.start:t.end] for t in agent_turns(text, "Sam") or []] == said


@pytest.mark.parametrize(("customer", "agent"), [("**Customer:**", "**Agent:**"), ("**Customer**:", "**Agent**:"),
                                                 ("Customer (10:42):", "Agent [10:43 AM]:")])
def test_labels_in_bold_or_with_the_time_after_the_name(customer: str, agent: str) -> None:
    text = f"{customer} my parcel is late\n{agent} I'll reship it today.\n{customer} thanks\n"
    assert _spoken(text) == [("Customer", "my parcel is late"), ("Agent", "I'll reship it today."),
                             ("Customer", "thanks")]


def test_the_cli_reads_utf16_with_its_mark_and_refuses_text_with_nul_bytes(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from scriptkit.cli import main

    chat = "Customer: my café order is late\r\nAgent: I'm sorry, Dana. I'll reship it today.\r\n"
    saved = tmp_path / "unicode.txt"  # Notepad's "Unicode"
    saved.write_bytes(chat.encode("utf-16"))
    run = CliRunner().invoke
    read = run(main, ["review", str(saved), "--grammar", "off", "--format", "json"])
    assert read.exit_code in (0, 1) and '"speaker": "Agent"' in read.stdout, read.output
    bare = tmp_path / "no-mark.txt"
    bare.write_bytes(chat.encode("utf-16-le"))
    # without its mark (and in UTF-32), told by its NULs, as import tells an export (session 20)
    for encoding in ("utf-16-le", "utf-16-be", "utf-32", "utf-32-le"):
        bare.write_bytes(chat.encode(encoding))
        also = run(main, ["review", str(bare), "--grammar", "off", "--format", "json"])
        assert also.exit_code in (0, 1) and '"speaker": "Agent"' in also.stdout, (encoding, also.output)
    bare.write_bytes(b"Agent: I've sent it\x00\x01\x02 today")  # (a NUL in UTF-8 text: not text)
    refused = run(main, ["review", str(bare), "--grammar", "off"])
    assert refused.exit_code == 2 and "Traceback" not in refused.output
    assert f"{bare}:1:20: error: the text has a NUL character" in refused.stderr
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Agent: Olá, já enviei o café\n".encode("cp1252"))
    wrong = run(main, ["review", str(latin), "--grammar", "off"])
    assert wrong.exit_code == 2 and f"{latin}:1:10: error: the text is not valid UTF-8" in wrong.stderr


def test_chat_events_with_a_time_stamp_are_no_ones_words() -> None:
    text = ("(10:42:05 AM) Customer: my card was charged twice\n"
            "(10:42:41 AM) Agent: I've refunded the second charge just now.\n"
            "(10:43:30 AM) Dana left the chat\n"
            "[10:43:31] *** Chat closed by Maya ***\n"
            "[Link] is how the help article starts, not an event\n")
    assert [text[t.start:t.end] for t in agent_turns(text) or []] == [
        "I've refunded the second charge just now.", "[Link] is how the help article starts, not an event"]


REPLY = "Hi Dana,\n\nI'm sorry the refund is late. I'll send it today.\n\nBest,\nMaya\n"


@pytest.mark.parametrize("thread", [
    "On Tue, Nov 24, 2026 at 9:12 AM Dana Whitfield <dana@example.com> wrote:\n> This is useless.\n> Dana\n",
    "On Tue, Nov 24, 2026 at 9:12 AM Dana Whitfield <\ndana@example.com> wrote:\n\n> This is useless.\n",
    "-----Original Message-----\nFrom: Dana\nSent: Tuesday\nSubject: Refund\n\nThis is useless.\n",
    "From: Dana Whitfield <dana@example.com>\nSent: Tuesday, 24 November 2026 09:12\nTo: Support\n\nThis is useless.\n",
    "> This is useless.\n>\n> Dana\n",
])
def test_an_email_replys_quoted_thread_is_not_judged(thread: str) -> None:
    text = REPLY + "\n" + thread
    assert quoted_thread(text) == len(REPLY) + 1
    result = lint_text(text, grammar="off", file="reply.txt")
    assert result.messages[0].channel == "email" and result.turns == []
    assert not any("useless" in n.text or "wrote" in n.text for n in result.sentences)
    from scriptkit.reporters import get_reporter

    shown = io.StringIO()
    get_reporter("text")(result, shown)
    assert f"the quoted thread from line {REPLY.count(chr(10)) + 2} on is not judged" in shown.getvalue()


@pytest.mark.parametrize("text", [
    REPLY,
    "> You asked: can I move my delivery?\nYes, I've moved it to Friday.\n> And the fee?\nThere's none.\n",  # inline
    "> This is useless.\n> Dana\n",  # nothing but the quote: judged whole, as before
    "Hi Dana, we're open over the holidays:\nFrom: 9am\nTo: 5pm\nI'll hold your parcel until then.\n",
])
def test_replies_with_no_thread_under_them_are_judged_whole(text: str) -> None:
    assert quoted_thread(text) is None


@pytest.mark.parametrize("text", [
    "Customer:I was charged twice\nAgent:I've refunded the second charge.\nCustomer:ok\n",  # no space after ':'
    "Customer - I was charged twice\nAgent - I've refunded the second charge.\nCustomer - ok\n",  # a dash
    "Customer – I was charged twice\nAgent — I've refunded the second charge.\nCustomer – ok\n",  # en and em dash
    "[10:42 AM] Customer: I was charged twice\n[10:43 AM] Agent: I've refunded the second charge.\n",  # Slack's
    "(10:42:13 AM) Customer: I was charged twice\n(10:42:41 AM) *** Agent joined the chat ***\n"  # Zendesk Chat's
    "(10:43:02 AM) Agent: I've refunded the second charge.\n(10:43:20 AM) Customer: ok\n",
])
def test_labels_without_a_space_with_a_dash_or_after_a_time(text: str) -> None:
    assert [(t.speaker, text[t.start:t.end]) for t in agent_turns(text) or []] == [
        ("Agent", "I've refunded the second charge.")]
    assert not any("charged twice" in text[t.start:t.end] for t in turns(text) or [] if t.speaker == "Agent")


def test_intercoms_header_lines_with_the_words_below() -> None:
    text = ("Dana Whitfield (customer) · 10:42 AM\nHi, I was charged twice this month.\n\n"
            "Sam from Acme · 10:44 AM\nI'm sorry about the double charge, Dana.\nI've refunded it today.\n\n"
            "Dana Whitfield (customer) · 10:45 AM\nthanks\n\n"
            "Sam from Acme · Nov 26, 10:46 AM\nAnything else I can help with?\n")
    assert [(t.speaker, text[t.start:t.end]) for t in agent_turns(text) or []] == [
        ("Sam from Acme", "I'm sorry about the double charge, Dana.\nI've refunded it today."),
        ("Sam from Acme", "Anything else I can help with?")]


def test_a_dash_label_with_a_name_joins_a_dash_transcript_the_agent_named() -> None:
    text = "Dana - I was charged twice\nSam - I've refunded the second charge.\nDana - ok\n"
    assert [text[t.start:t.end] for t in agent_turns(text, "Sam") or []] == ["I've refunded the second charge."]


@pytest.mark.parametrize("text", [
    "Note - this is a one-off refund.\nStep 1: open the app.\nStep 2: tap Refunds.\nI'll check back today.\n",
    "Hi Dana,\nNote - the refund takes 3 days.\nTip - keep the receipt.\nNote - you'll get an email.\n",
    "Option A - a refund today.\nOption B - a replacement by Friday.\nOption A - is the faster one.\n",
    "Step 1 - open Settings\nStep 2 - tap Billing\nStep 1 - again if it fails\n",
    "See https://help.example.com/refunds and mailto:help@example.com for more.\nRe:Your order\n",
    "Customer service - we're here 9-5.\nI'll refund the charge today.\n",
    "Hi Dana,\nUpdate · 10:42 AM\nThe refund went out.\nUpdate · 11:00 AM\nIt has cleared.\n",
    "Monday  9:00 AM\nTuesday  9:00 AM\nWe're closed on Sundays. I'll call you back today.\n",  # opening hours
    "Pickup · 10:00 AM\nDrop-off · 4:00 PM\nSorry for the mix-up, I've booked both for you.\n",
])
def test_prose_with_dashes_steps_and_links_is_no_transcript(text: str) -> None:
    assert turns(text) is None and agent_turns(text) is None


@pytest.mark.parametrize("text", [
    "Customer ID: 4471\nSupport plan: Pro\nHi Dana, I'm sorry about the outage. I've credited a month today.\n",
    "Customer email: dana@example.com\nAgent notes: VIP\nHi Dana, I'll refund you today.\n",
    "Support hours: 9-5\nCustomer since: 2019\nHi Dana, I'll call you back today.\n",
])
def test_field_lines_that_start_with_a_role_word_are_no_speakers(text: str) -> None:
    assert turns(text) is None and agent_turns(text) is None


@pytest.mark.parametrize(("text", "agent"), [
    ("[10:42 AM] Dana Whitfield\nmy order never came\n\n[10:43 AM] Maya Lee (Support)\n"  # Teams
     "I'm sorry, Dana. I'll reship it today.\n\n[10:44 AM] Dana Whitfield\nthanks\n", None),
    ("Maya Lee (Acme Support)\nNov 26, 2026, 10:44\n\nI'm sorry, Dana. I'll reship it today.\n\n"  # Zendesk's ticket
     "Dana Whitfield\nNov 26, 2026, 10:42\n\nmy order never came\n", None),
    ("Speaker 1  0:05\nThanks for calling Acme.\n\nSpeaker 2  0:09\nmy order never came\n\n"  # a call's transcript
     "Speaker 1  0:15\nI'm sorry, Dana. I'll reship it today.\n", "Speaker 1"),
    ("Dana: my order never came\nYou: I'm sorry, Dana. I'll reship it today.\nDana: ok\n", None),  # a page's inbox
    # Google Chat's "Name, 10:42 AM", and a name with the time alone on the next line: read as prose,
    # the customer's words were judged as the agent's ("the acknowledgment comes second, after 'Dana ...'")
    ("Dana Whitfield, 10:42 AM\nmy order never came\n\nMaya Lee, 10:43 AM\n"
     "I'm sorry, Dana. I'll reship it today.\n", "Maya Lee"),
    ("Dana Whitfield\n10:42 AM\nmy order never came\n\nMaya Lee\n10:43 AM\n"
     "I'm sorry, Dana. I'll reship it today.\n", "Maya Lee"),
])
def test_header_lines_with_a_time_and_the_words_below(text: str, agent: str | None) -> None:
    said = [text[t.start:t.end] for t in agent_turns(text, agent) or []]
    assert said[-1] == "I'm sorry, Dana. I'll reship it today." and not any("never came" in s for s in said)


def test_chat_headers_each_once_are_a_transcript() -> None:
    text = ("Operator (bot) · 10:40 AM\nHi there! How can we help?\n\nDana Whitfield (customer) · 10:41 AM\n"
            "My card was charged twice\n\nMaya from Acme · 10:43 AM\nI'm sorry, Dana. I've refunded it today.\n")
    assert [text[t.start:t.end] for t in agent_turns(text) or []] == ["I'm sorry, Dana. I've refunded it today."]


@pytest.mark.parametrize("thread", [
    "Von: Dana Whitfield <dana@example.com>\nGesendet: Dienstag, 24. November 2026 09:12\nAn: Support\n\nNutzlos.\n",
    "De : Dana Whitfield <dana@example.com>\nEnvoyé : mardi 24 novembre 2026 09:12\nÀ : Support\n\nInutile.\n",
    "Am Di., 24. Nov. 2026 um 09:12 Uhr schrieb Dana <dana@example.com>:\n> Nutzlos.\n",
    "Le mar. 24 nov. 2026 à 09:12, Dana <dana@example.com> a écrit :\n> Inutile.\n",
])
def test_a_thread_quoted_by_a_mail_program_in_another_language(thread: str) -> None:
    assert quoted_thread(REPLY + "\n" + thread) == len(REPLY) + 1


def test_the_speaker_who_joined_the_chat_is_the_agent() -> None:
    text = ("Chat started: 2026-11-26 10:42 AM UTC\n\n(10:42:13 AM) Dana Whitfield: I was charged twice\n"
            "(10:42:30 AM) *** Sam Lee joined the chat ***\n"
            "(10:42:41 AM) Sam Lee: I'm sorry, Dana. I've refunded the second charge today.\n"
            "(10:43:02 AM) Dana Whitfield: ok thanks\n(10:43:20 AM) Sam Lee: You're welcome!\n")
    assert [text[t.start:t.end] for t in agent_turns(text) or []] == [
        "I'm sorry, Dana. I've refunded the second charge today.", "You're welcome!"]
    both = text.replace("*** Sam Lee joined", "*** Dana Whitfield joined the chat ***\n*** Sam Lee joined")
    with pytest.raises(ConfigError, match="cannot tell which speaker is the agent"):
        agent_turns(both)  # (both joined: nothing tells)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("ab \n\r\t:\u2028\u2029\x85\u00a0\u202f\u2007é")), max_size=30))
def test_unified_spacing_is_both_patterns_applied(text: str) -> None:
    # (it skips a pattern when none of its characters is in the text: the same result as always applying both)
    from scriptkit.transcript import _OTHER_BREAKS, _OTHER_SPACES, unified_spacing

    assert unified_spacing(text) == _OTHER_SPACES.sub(" ", _OTHER_BREAKS.sub("\n", text))


def test_questions_quoted_in_between_are_not_judged_as_the_reply() -> None:
    text = ("Hi Sam,\n\n> When will my refund arrive?\nIt will reach your account by Friday.\n\n"
            "> Can you change my address too?\nI've updated it to the new one today.\n\nTake care,\nMaya\n")
    result = lint_text(text, channel="email", config=LintConfig().override(grammar="off"))
    judged = [s.text for s in result.sentences]
    assert not any("?" in s for s in judged), judged
    assert "I've updated it to the new one today." in judged
    [updated] = [s for s in result.sentences if s.text.startswith("I've updated")]
    assert (updated.location.line, updated.location.col) == (7, 1)
    # a text that is only a quote is judged whole, as before
    only = lint_text("> Where is my parcel?\n", channel="email", config=LintConfig().override(grammar="off"))
    assert [s.text for s in only.sentences] == ["> Where is my parcel?"]


@pytest.mark.parametrize("under", [
    "--\nSam Lee | Support Lead\nT: +44 20 7946 0958\n",
    "-- \nSam Lee\nSupport Lead, Northwind\n",
    "\nSent from my iPhone\n",
    "\nGet Outlook for Android\n",
])
def test_the_signature_under_a_reply_is_not_judged(under: str) -> None:
    text = "Hi Dana,\n\nI'm so sorry the refund is late. I've sent it today.\n\nBest,\nSam\n" + under
    result = lint_text(text, channel="email", config=LintConfig().override(grammar="off"))
    assert [s.text for s in result.sentences][-1] == "Best,\nSam"
    assert [s.slot for s in result.sentences][-1] == "signoff"


def test_a_dash_pair_inside_a_line_is_not_a_signature() -> None:
    from scriptkit.transcript import signature

    assert signature("I checked -- it's fine.\nThanks, Sam") is None
    assert signature("--\nonly a signature") is None  # (nothing before it: judged whole)


@pytest.mark.parametrize("text", [
    "Dana: my parcel never came\nSam: I'm so sorry, Dana. I'll reship it today.\nDana: thanks\n",
    "Sam: Hi, how can I help today?\nDana: my parcel never came\nSam: I'm so sorry, I'll reship it today.\n",
    "Dana: hi\nDana: my parcel never came\nSam: I'm so sorry, Dana. I'll reship it today.\nDana: thanks\n",
])
def test_names_only_with_one_turn_by_one_of_them_is_a_conversation(text: str) -> None:
    spoken = _spoken(text)
    assert {speaker for speaker, _ in spoken} == {"Dana", "Sam"}
    assert all(":" not in said for _, said in spoken)  # no label read as part of a turn
    with pytest.raises(ConfigError, match="cannot tell which speaker is the agent"):
        agent_turns(text)  # names only: nothing says which is the agent, so it must be named
    assert [text[t.start:t.end] for t in agent_turns(text, "Sam") or []] == [
        said for speaker, said in spoken if speaker == "Sam"]
    assert [text[t.start:t.end] for t in agent_turns(text, "Dana") or []] == [
        said for speaker, said in spoken if speaker == "Dana"]  # (Sam's words are not in Dana's turns)


def test_one_named_turn_between_the_customers_is_the_agents() -> None:
    text = "Customer: my parcel never came\nSam: I'm so sorry. I'll reship it today.\nCustomer: thanks\n"
    assert [text[t.start:t.end] for t in agent_turns(text) or []] == ["I'm so sorry. I'll reship it today."]


@pytest.mark.parametrize("text", [
    "Item: Blue mug\nSize: Large\nItem: Red mug\nI've shipped both today.\n",  # a field's value between: no words said
    "Order: 4471\nNote: I've packed it twice over.\nOrder: 4472\nBoth ship today.\n",  # field words
    "Hi Dana,\nOrder: 4471\nSam: will call you back today\nOrder: 4472\n",  # starts as a reply
    "Dear Dana: thank you for your order of two mugs.\nItem: Blue mug\nItem: Red mug\n",  # not between two
    "Dana: my parcel never came\nSam: I'm so sorry about it.\nLee: I'll reship it.\nDana: thanks\n",  # which one?
])
def test_one_line_between_repeated_field_lines_is_no_conversation(text: str) -> None:
    assert turns(text) is None and agent_turns(text) is None


def test_the_cli_asks_for_the_agent_of_a_conversation_of_names_where_the_agent_spoke_once(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from scriptkit.cli import main

    chat = tmp_path / "chat.txt"
    chat.write_text("Dana: my parcel never came\nSam: Please be advised it ships today.\nDana: ok\n", encoding="utf-8")
    unnamed = CliRunner().invoke(main, ["review", str(chat), "--grammar", "off"])
    assert unnamed.exit_code == 2, unnamed.output
    assert (f"{chat}:1:1: error: cannot tell which speaker is the agent: the transcript's speakers are Dana and Sam"
            in unnamed.stderr and '--agent "Sam"' in unnamed.stderr)
    email = tmp_path / "email.txt"
    email.write_text("Hi Dana,\n\nOrder: 4471\nStatus: shipped\n\nI'm sorry for the wait; it ships today.\n",
                     encoding="utf-8")
    plain = CliRunner().invoke(main, ["review", str(email), "--grammar", "off"])
    assert plain.exit_code != 2 and "cannot tell which speaker" not in plain.stderr, plain.output


@pytest.mark.parametrize("fields", [
    "Product: Rain jacket\nSize: Large\nProduct: Walking boots\nSize: 42\n",
    "Item: Blue mug\nQty: 2\nItem: Teapot\nQty: 1\n",
])
def test_an_orders_repeated_fields_in_a_reply_are_not_a_conversation(fields: str) -> None:
    # no name says three words on its line: fields, though each label starts two lines (the last
    # field's "turn" runs on into the reply, so the label's line is what is counted)
    text = (f"Hi Sam,\n\nHere is what I've put on the new order:\n\n{fields}\n"
            "I've shipped it today, and it'll be with you by Friday.\n\nMia\n")
    assert turns(text) is None


@pytest.mark.parametrize("layout", ["{who}: {said}\n", "{who}:\n{said}\n"])
def test_a_terse_customer_beside_an_agent_who_talks_is_still_a_speaker(layout: str) -> None:
    lines = [("Sam", "Hi Dana, I've refunded the double charge today."), ("Dana", "ok"),
             ("Sam", "Anything else I can help with?"), ("Dana", "no thanks")]
    found = turns("".join(layout.format(who=who, said=said) for who, said in lines))
    assert found is not None and [t.speaker for t in found] == ["Sam", "Dana", "Sam", "Dana"]
