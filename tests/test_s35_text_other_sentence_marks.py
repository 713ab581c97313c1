"""The Arabic question mark and the Urdu and Hindi full stops end a sentence, as "?" and "." do: "هل وصل الطلب؟
نعم" was one sentence in review."""

from __future__ import annotations

import pytest

from scriptkit.text import sentences


@pytest.mark.parametrize(("text", "expected"), [
    ("هل وصل الطلب؟ سنرسل طلبا جديدا اليوم.", ["هل وصل الطلب؟", "سنرسل طلبا جديدا اليوم."]),
    ("ہمیں افسوس ہے۔ آپ کا آرڈر آج بھیجا جائے گا۔", ["ہمیں افسوس ہے۔", "آپ کا آرڈر آج بھیجا جائے گا۔"]),
    ("हमें खेद है। आपका ऑर्डर आज भेजा जाएगा।", ["हमें खेद है।", "आपका ऑर्डर आज भेजा जाएगा।"]),
    ("ご注文ありがとう。本日発送します！他に質問は？", ["ご注文ありがとう。", "本日発送します！", "他に質問は？"]),
])
def test_other_scripts_marks_end_a_sentence(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_a_mark_inside_a_word_run_is_no_end() -> None:
    assert sentences("الطلب؟نعم") == ["الطلب؟نعم"]  # (no space after it: as with "a.b")
