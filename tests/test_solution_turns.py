"""SK402-SK404 in a transcript: each agent turn's promise is judged on its own, the latest word counting."""

from scriptkit import lint_text


def _codes(text: str) -> list[tuple[str, int]]:
    return sorted((d.code, d.location.line) for d in lint_text(text).diagnostics if d.code in ("SK402", "SK403",
                                                                                             "SK404"))


def test_a_later_vague_promise_is_not_covered_by_an_earlier_time() -> None:
    text = ("Customer: My parcel never came and I needed it for Saturday.\n"
            "Agent: I'm sorry it hasn't turned up. I'll chase the courier and email you by 5pm today.\n"
            "Customer: It's Monday now and still nothing from you.\n"
            "Agent: Our courier partner is swamped. You'll get a call from them once they know more.\n")
    codes = _codes(text)
    assert ("SK404", 4) in codes and ("SK403", 4) in codes
    assert all(line == 4 for _, line in codes)  # (the turn that gave a time is not reported)


def test_an_early_vague_promise_kept_in_a_later_turn_is_left_alone() -> None:
    text = ("Customer: I can't get into my account and I have a deadline.\n"
            "Agent: Don't worry, we'll get you back in.\n"
            "Customer: Please be quick.\n"
            "Agent: I've reset your access just now, so you can sign in with your usual password.\n")
    assert _codes(text) == []


def test_an_early_step_timed_in_a_later_turn_is_left_alone() -> None:
    text = ("Customer: I was charged twice for one order.\n"
            "Agent: I'm sorry about that. I'll refund the second charge.\n"
            "Customer: When will I see it?\n"
            "Agent: It will be back on your card within 3 business days.\n")
    assert _codes(text) == []


def test_a_single_reply_is_judged_as_a_whole_as_before() -> None:
    assert _codes("I'm sorry about the delay. I'll refund the second charge. "
                  "You'll see it back on your card within 3 business days.") == []
