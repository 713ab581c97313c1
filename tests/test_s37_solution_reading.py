"""s37: lists typed with no space after the dash, and solutions that are the customer's step or news of one done."""
from __future__ import annotations

from scriptkit.config import LintConfig
from scriptkit.linting import lint_text
from scriptkit.text import holds_list, list_item_at, sentence_spans

_CONFIG = LintConfig().override(grammar="off")


def _codes(text: str) -> set[str]:
    return {d.code for d in lint_text(text, channel="email", config=_CONFIG).diagnostics}


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


def test_a_list_typed_without_a_space_after_the_dash_is_a_list() -> None:
    text = "We accept these documents:\n-Residence permit\n-Driving licence\n-National ID card\nThanks, Ana"
    assert holds_list(text)
    assert _sentences(text) == ["We accept these documents:", "-Residence permit", "-Driving licence",
                                "-National ID card", "Thanks, Ana"]
    assert [list_item_at(text, a) for a, _ in sentence_spans(text)] == [False, True, True, True, False]


def test_a_lone_dash_line_is_no_list() -> None:
    # (a sign-off or a number on its own line is as often written so)
    text = "Your parcel went out today.\nThanks,\n-Chris"
    assert not holds_list(text)
    assert not any(list_item_at(text, a) for a, _ in sentence_spans(text))


def test_the_writer_suggesting_or_asking_a_step_of_the_customer_owes_no_time_frame() -> None:
    # (the writer's "we can suggest", "we kindly ask you" and "we noticed" are no step of the company's to time)
    suggested = ("Sorry the preview window stays blank. Many people have reported this with older graphics drivers. "
                 "All we can suggest is to update your graphics driver. Failing that, you can open the preview "
                 "from the View menu instead.")
    asked = ("Thanks for your reply. We noticed that you have two accounts with us. "
             "We kindly ask you to use your older account for your payments.")
    for text in (suggested, asked):
        assert "SK404" not in _codes(text), text
    # (a step of the company's beside the advice still owes its when)
    assert "SK404" in _codes("Sorry for the trouble. We recommend restarting the app, and we will review your account.")


def test_a_step_the_customer_needs_to_take_to_report_a_fault_owes_no_time_frame() -> None:
    text = ("Thanks for writing in. If you find a fault in the editor, you need to describe exactly what fails "
            "and how to make it happen again.")
    assert "SK404" not in _codes(text)


def test_news_of_a_fix_done_then_a_request_to_confirm_it_works_is_a_step_done() -> None:
    # (the customer's check asked after the news is theirs, and "we would like to inform you" announces it)
    for text in ("Hello Sam, we would like to inform you that the fault you reported has been resolved by our "
                 "engineers. We kindly ask you to confirm that the app works again on your side.",
                 "Hi Sam, the outage on your line has been fixed. Please confirm that everything works now."):
        codes = _codes(text)
        assert "SK403" not in codes and "SK404" not in codes, (text, codes)
    # (a step still to come beside the request is still reported)
    assert "SK404" in _codes("Hi Sam, the fault will be resolved by our engineers. Please confirm it works after.")
