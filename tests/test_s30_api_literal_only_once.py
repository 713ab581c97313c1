"""The readability rules look for placeholder markers in a message's text once, not once per sentence:
a 20,000-turn transcript spent most of its 24 s scanning its whole text again for each sentence."""
from scriptkit.message import Message, Placeholder, Text
from scriptkit.rules import readability
from scriptkit.rules.base import RuleContext


class _CountedText(str):
    """A message's text that counts the searches made in it."""

    searches = 0

    def __contains__(self, part: object) -> bool:
        type(self).searches += 1
        return super().__contains__(part)  # type: ignore[operator]


def _message(*segments: Text | Placeholder) -> Message:
    message = Message(script_id="t", title="T", channel="chat", variant=0, segments=segments)
    message.__dict__["text"] = _CountedText(message.text)
    _CountedText.searches = 0
    return message


def test_markers_are_looked_for_once_per_message() -> None:
    text = "I have sent it today. " * 200
    message = _message(Text(text=text, slot="solution"))
    ctx = RuleContext(pack=None, options={})
    parts = [readability.sample_between(message, ctx, i, i + 22) for i in range(0, len(text), 22)]
    assert readability.sample_text(message, ctx) == text and readability.neutral_text(message) == text
    assert "".join(parts) == text
    assert _CountedText.searches <= 2, _CountedText.searches


def test_a_placeholder_still_reads_as_its_sample_and_neutral_word() -> None:
    message = _message(Text(text="Hi ", slot="greeting"), Placeholder(name="customer.first_name", slot="greeting"),
                       Text(text=", I have sent it today.", slot="solution"))
    ctx = RuleContext(pack=None, options={})
    assert readability.neutral_text(message) == "Hi Sam, I have sent it today."
    assert readability.sample_text(message, ctx).startswith("Hi ") and "{{" not in readability.sample_text(message, ctx)
    assert readability.sample_between(message, ctx, 0, 3) == "Hi "
