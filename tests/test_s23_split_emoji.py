"""An emoji or emoticon before a capital ends a sentence of a free-text reply as a full stop would (scriptkit review):
for sentence length, slot inference and the reading formulas; one before a word in lower case is inside its
sentence, and an emoji is no word."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.config import LintConfig
from scriptkit.linting import lint_text
from scriptkit.rules.readability import items_ended, word_count
from scriptkit.text import emoji_ended, sentences

ENV = {"NO_COLOR": "1", "COLUMNS": "200"}


def codes(text: str) -> list[str]:
    return sorted(d.code for d in lint_text(text, channel="email", grammar="off", file="reply.txt").diagnostics)


def review(tmp_path: Path, text: str) -> str:
    path = tmp_path / "reply.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["review", str(path)], env=ENV)
    assert result.exit_code in (0, 1), result.output
    return result.output


EMOJI = ("Hey Sam! 👋 So sorry about the mix-up with your order 😔 I've just sent out the right size - it'll be "
         "with you by Friday 📦 Anything else I can help with? 😊")


def test_an_emoji_before_a_capital_ends_a_sentence_and_stays_with_it() -> None:
    assert sentences(EMOJI) == ["Hey Sam! 👋", "So sorry about the mix-up with your order 😔",
                                "I've just sent out the right size - it'll be with you by Friday 📦",
                                "Anything else I can help with? 😊"]
    assert sentences("That's what we're here for Miriam 😊  The team should send you an email shortly") == [
        "That's what we're here for Miriam 😊", "The team should send you an email shortly"]
    # a sequence of emoji, a skin tone, a joined emoji and an emoticon end one too
    assert sentences("Done 😊😊 We coded it 👩\u200d💻 Thanks 👍🏽 Great :) Bye") == [
        "Done 😊😊", "We coded it 👩\u200d💻", "Thanks 👍🏽", "Great :)", "Bye"]


def test_an_emoji_before_a_word_in_lower_case_is_inside_its_sentence() -> None:
    assert sentences("I ❤️ this new look, and we 🙏 hope you do too.") == [
        "I ❤️ this new look, and we 🙏 hope you do too."]
    assert sentences("Note: Use the link; Then reply.") == ["Note: Use the link; Then reply."]


def test_a_reply_ended_by_emoji_reads_as_the_same_reply_with_full_stops(tmp_path: Path) -> None:
    with_emoji = ("Hi Sam, so sorry about the mix-up with your order 😔 I have sent the right size today and it "
                  "will be with you by Friday 📦")
    with_stops = ("Hi Sam, so sorry about the mix-up with your order. I have sent the right size today and it "
                  "will be with you by Friday.")
    assert codes(with_emoji) == codes(with_stops) == []  # (short, but nothing missing: SK105 says nothing)
    over_10 = LintConfig(options={"email-length": {"min_words": 0, "max_words": 10}})  # (where SK105 counts it)
    lengths = [[d.message for d in lint_text(text, channel="email", grammar="off", config=over_10).diagnostics
                if d.code == "SK105"] for text in (with_emoji, with_stops)]
    assert lengths == [["email is 25 words; up to 10 usually reads best"]] * 2  # ("mix-up" is one word)
    out = review(tmp_path, EMOJI)
    assert "SK103" not in out and "SK102" not in out and "SK304" not in out
    assert "acknowledges So sorry about the mix-up with your order 😔" in out


def test_emoji_are_no_words_and_end_sentences_for_the_reading_formulas() -> None:
    assert word_count("So sorry 😔 I've sent it 📦 👍🏽") == word_count("So sorry I've sent it") == 5
    assert items_ended("So sorry 😔 I've sent it 📦 Thanks! 😊") == "So sorry 😔. I've sent it 📦. Thanks! 😊"
    assert not emoji_ended("Thanks! 😊", 0, len("Thanks! 😊")) and emoji_ended("Thanks 😊", 0, len("Thanks 😊"))


def test_splitting_stays_linear_on_adversarial_emoji() -> None:
    for text in ("😊" * 25_000, "😊 " * 16_000 + "x", "! " + "😊 " * 16_000 + "x", "! 😊 " * 10_000,
                 "👩\u200d" * 25_000, " :) " * 12_000, 'a "b. c" ' * 6_000, "😊 A" * 16_000):
        sentences(text)  # (a quadratic pattern takes minutes here; each of these takes milliseconds)
    assert len(sentences("😊 A" * 16_000)) == 16_001  # ("😊", "A 😊", ..., "A")


def test_an_arrow_check_mark_star_or_phone_sign_is_text_not_an_emoji_that_ends_a_sentence() -> None:
    from scriptkit.text import sentence_spans

    for text in ("Go to Settings ➜ Billing ➜ Invoices and click Download.", "Your order ★ Premium ★ ships today.",
                 "Open ☎ Contacts to call us.", "Tick ✓ Remember me and sign in."):
        assert len(list(sentence_spans(text))) == 1, text
    for text in ("Love it ❤️ Thanks again", "Done ✅ All set"):  # (shown as emoji: with U+FE0F, or by default)
        assert len(list(sentence_spans(text))) == 2, text
