"""Slot inference on free text: sentence by sentence, from the shared lexicon."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scriptkit.config import LintConfig, Selector
from scriptkit.inference import INFERRED_SLOTS, body_sentences, cues, infer_slots
from scriptkit.linting import lint_text, text_message
from scriptkit.message import without_unseen
from scriptkit.rules import lexicon
from scriptkit.text import has_visible, read_text
from scriptkit.transcript import unified_breaks

WARM_REPLY = (
    "Hi Priya,\n\n"
    "I can see how stressful it is to find your flight booking cancelled the night before you travel. "
    "I'm so sorry, and thank you for sending the confirmation email. "
    "I've rebooked you on the 9:40 flight tomorrow morning and emailed the new ticket to you. "
    "Your seat is 14C.\n\n"
    "Warm wishes,\n{{agent.first_name}}"
)


def slots_of(text: str) -> list[tuple[str, str]]:
    return [(text[a:b], slot) for a, b, slot, _ in infer_slots(text)]


def test_each_sentence_gets_a_slot_in_order() -> None:
    found = slots_of(WARM_REPLY)
    assert [slot for _, slot in found] == [
        "other", "acknowledgment", "warm_language", "solution", "solution", "other",
    ]
    assert found[0][0] == "Hi Priya,"
    assert found[-1][0].startswith("Warm wishes")


def test_spans_are_ordered_disjoint_and_inside_the_text() -> None:
    spans = infer_slots(WARM_REPLY)
    last = 0
    for a, b, slot, confidence in spans:
        assert last <= a < b <= len(WARM_REPLY)
        assert slot in INFERRED_SLOTS
        assert 0.0 < confidence < 1.0
        assert WARM_REPLY[a:b] == WARM_REPLY[a:b].strip()
        last = b


def test_greeting_is_split_from_the_sentence_it_opens() -> None:
    text = "Hey Tom, that sounds really annoying and I get why you're fed up."
    (g_text, g_slot), (rest, slot) = slots_of(text)
    assert (g_text, g_slot) == ("Hey Tom,", "other")
    assert rest.startswith("that sounds") and slot == "acknowledgment"


@pytest.mark.parametrize(
    ("sentence", "slot"),
    [
        ("That must have been so frustrating after waiting all week.", "acknowledgment"),
        ("I completely understand why the second charge worried you.", "acknowledgment"),
        ("I'm really sorry about this.", "warm_language"),
        ("Thank you so much for your help with the screenshots.", "warm_language"),
        ("I'll send a prepaid return label to your inbox within the hour.", "solution"),
        ("Click Settings, then choose Reset password.", "solution"),
        ("Could you reply with the order number so I can check it?", "solution"),
        ("Please report the bug to the add-on's author.", "solution"),
        ("Please note that the office is closed on Sundays.", "other"),
        ("We kindly ask you to provide a photo of both sides of the card.", "solution"),
        ("I'm happy to inform you that the address on your account has been successfully changed.", "solution"),
    ],
)
def test_single_sentences(sentence: str, slot: str) -> None:
    (_, found), = slots_of(sentence)
    assert found == slot


def test_stronger_cues_give_higher_confidence() -> None:
    (_, _, _, strong), = infer_slots("I can see how upsetting and stressful this has been for you.")
    (_, _, _, weak), = infer_slots("I see.")
    assert strong > weak


def test_sentence_without_cues_is_other_before_the_body() -> None:
    (_, _, slot, confidence), = infer_slots("Order 5512.")
    assert slot == "other" and confidence < 0.5


def test_typographic_apostrophes_are_read_like_ascii_ones() -> None:
    assert cues("I’m sorry you’ve had to wait.").personal_apologies
    assert cues("I'm sorry you've had to wait.").situation == cues("I’m sorry you’ve had to wait.").situation


def test_empty_text_has_no_slots() -> None:
    assert infer_slots("") == []
    assert infer_slots("   \n\n ") == []


def test_lexicon_lists_load_and_compile() -> None:
    lists = lexicon.lexicon()
    for name in ("feelings", "situation_cues", "acknowledgment_openers", "apologies", "ownership", "time_frames"):
        assert lists[name], name
        assert not lexicon.pattern(name).search("")


def test_phrase_trie_prefers_longer_phrases_and_whole_words() -> None:
    pat = lexicon.compile_phrases(["sorry", "sorry about", "frustrat*", "let me", "re:\\bby (?:noon|friday)"])
    text = "So sorry about it, how FRUSTRATING! Let  me help by Friday."
    assert [text[a:b] for a, b in pat.spans(text)] == ["sorry about", "FRUSTRATING", "Let  me", "by Friday"]
    assert not pat.search("unsorryish")
    assert not pat.search("standby friday")


def test_greeting_with_placeholders_is_split_off_and_is_not_body() -> None:
    text = "Hi {{customer.first_name}}, {{customer.first_name}}, I can see how worrying the empty card is."
    (greeting, g_slot), (rest, slot) = slots_of(text)
    assert greeting == "Hi {{customer.first_name}}, {{customer.first_name}}," and g_slot == "other"
    assert rest.startswith("I can see") and slot == "acknowledgment"
    assert cues("Hi Sam,").greeting and not cues("Hi Sam, I can see why.").greeting


@pytest.mark.parametrize(("greeting", "is_greeting"), [
    ("Hi {customer_name},", True),  # a macro pasted from a helpdesk with its own placeholder syntax
    ("Hello [Name],", True),
    ("Dear {{ customer.first_name }},", True),
    ("Hi {customer_name}, I can see why.", False),  # a greeting that opens a sentence
    ("Hi Ms. Rodriguez,", True),  # a title's full stop does not end the greeting
    ("Dear Dr. Okafor,", True),
    ("Hi Williams. I can see why.", False),  # (a name that ends in "ms" is no title)
])
def test_greetings_with_other_placeholder_syntaxes(greeting: str, is_greeting: bool) -> None:
    assert cues(greeting).greeting == is_greeting


def test_a_pasted_greeting_does_not_make_the_acknowledgment_late() -> None:
    text = "Hi {customer_name},\n\nI can see how frustrating the wait is. I've refunded you today."
    result = lint_text(text, config=LintConfig(select=(Selector("SK302"),)))
    assert result.diagnostics == []


def test_a_greeting_with_a_title_does_not_make_the_acknowledgment_late() -> None:
    text = "Hi Mrs. Adeyemi,\n\nI'm so sorry your parcel went missing. I've sent a new one today."
    result = lint_text(text, config=LintConfig(select=(Selector("SK302"),)))
    assert result.diagnostics == []


@pytest.mark.parametrize(
    ("sentence", "slot"),
    [
        ("Maybe you could try clearing the app's cache first.", "solution"),
        ("If I were you, I'd keep the receipt somewhere safe.", "solution"),
        ("Oh no, that's a shame!", "warm_language"),
        ("Regards, Support Team", "other"),
    ],
)
def test_advice_and_reactions(sentence: str, slot: str) -> None:
    (_, found), = slots_of(sentence)
    assert found == slot


_PIECES = st.sampled_from([
    "Hi Sam,", "I can see how frustrating this is.", "I'm so sorry!", "Sorry, but", "\n\n", " ",
    "{{customer.first_name}}", "[[order_number]]", "Kindly revert.", "Warm wishes,\n", "I'll fix it today.",
    "’", "İ", "...", "?", "you", "ok",
    "Please be advised that", "as I already said", "Dear Sir/Madam", "Have a nice day", "é", "don't", "—",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=25).map("".join))
def test_inference_and_rules_hold_on_any_text(text: str) -> None:
    last = 0
    for a, b, slot, confidence in infer_slots(text):
        assert last <= a < b <= len(text) and slot in INFERRED_SLOTS and 0 < confidence < 1
        last = b
    if has_visible(text):  # (else nothing to review: a ConfigError)
        result = lint_text(text, config=LintConfig(select=(Selector("SK2"), Selector("SK3"))))
        # (as Markdown shows it, as rules judge it: '0\\[' reads '0['; '0\x080' reads '00', the backspace unseen)
        read = without_unseen(*read_text(unified_breaks(text)))[0]  # (a "\x85" a line break, as review reads it)
        for d in result.diagnostics:
            assert d.text == "" or d.text in text or d.text in read


# the definitions of two of a sentence's flags, as single regexes (the code splits each in two)
_DEICTIC_DEFINITION = (r"^(?:\W*\w+\W+)?(?:that|this|it)(?:'s|\s+(?:is|was|has\s+been|must\s+be|sounds|seems))\b"
                       r"|\b(?:what\s+an?|such\s+an?|how)\s+\w+")
_ASKS_DEFINITION = r"\b(?:could|can|would|will)\s+you\b|\?\s*$"


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["that", "this", "it", "'s", " is", " sounds", "what", "such", " a", "how",
                                 " annoying", "could", "will", " you", "your", "?", "!", ".", " ", "\n", "\u2003",
                                 "x", "-"]), max_size=12))
def test_deictic_and_asks_flags_follow_their_definitions(parts: list[str]) -> None:
    import re

    from scriptkit.inference import _asks, _deictic

    s = "".join(parts)
    assert _deictic(s) == bool(re.search(_DEICTIC_DEFINITION, s))
    assert _asks(s) == bool(re.search(_ASKS_DEFINITION, s))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([
    "Hi Sam,", "I'm so sorry about the delay.", "That sounds really frustrating!", "I will refund you today.",
    "Best", "Thanks for your patience", "Could you send me the order number?", "We're here to help -",
    "what a hassle.", "I'll check it now.", "Kind regards,", "Please restart the app."]), min_size=1, max_size=8),
    st.sampled_from([" ", "\n", "\n\n"]))
def test_sentence_cues_are_each_sentence_read_alone(parts: list[str], joiner: str) -> None:
    """New sentences are matched together in one text; each must read as it does alone."""
    from scriptkit.inference import _CUE_LISTS, _cue_matcher, _cues_cached, _make_cues, _piece_cues, _pieces

    _piece_cues.clear()  # every sentence new, then every one cached
    text = joiner.join(parts)
    pieces = _pieces(text)
    folded = lexicon.fold(text)
    for _ in range(2):
        got = _cues_cached.__wrapped__(text, pieces)
        for (a, b), c in zip(pieces, got, strict=True):
            found = _cue_matcher().spans(lexicon.Tokens(folded[a:b]))
            assert c == _make_cues(folded[a:b], {f: found[n] for f, n in _CUE_LISTS.items()}), folded[a:b]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["you", "your", "yours", "yourself", "you'", "ve", "re", "ll", "d", "u", "ur", "r",
                                 "y", "ou", "could", "can", "would", "will", "c", "w", "ould", "an", "ill",
                                 " ", "\n", "'", "-", "_", "x", "9", "é", ".", "?"]), max_size=10))
def test_second_person_and_asks_you_match_as_written_with_a_leading_word_boundary(parts: list[str]) -> None:
    """The two regexes start with their letters (for speed); they find what their \\b forms find."""
    import re

    from scriptkit.inference import _ASKS_YOU, _SECOND_PERSON

    s = "".join(parts)
    for fast, definition in ((_SECOND_PERSON, r"\b(?:you(?:r|rs|rself|'(?:ve|re|d|ll))?|u|ur)\b"),
                             (_ASKS_YOU, r"\b(?:could|can|would|will)\s+you\b")):
        assert [m.span() for m in fast.finditer(s)] == [m.span() for m in re.finditer(definition, s)], s


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([
    "Hi Sam,", "I'm so sorry about the delay.", " ", "\n\n", "- ", "I will refund you today.", "Best,\nAlex",
    "{{order}}", "ok", "...", "Kind regards,", "Please restart the app. Then sign in."]),
    st.sampled_from(["greeting", "acknowledgment", "warm_language", "solution", "signoff", "layout", "other"])),
    min_size=1, max_size=8))
def test_sentence_slots_from_segments_follow_their_definition(segments: list[tuple[str, str]]) -> None:
    """A message with slots of its own: each sentence takes the slot of the last segment that starts
    at or before its first word (the first segment's before any), or its last character's for a joiner."""
    from bisect import bisect_right

    from scriptkit.inference import _FRAME_SLOTS, _analyse, _cues_by_sentence, _frames_apart, _pieces

    text, layout, at = "", [], 0
    for part, slot in segments:
        layout.append((at, slot))
        text += part
        at += len(part)
    starts = [s for s, _ in layout]

    def slot_at(i: int) -> str:
        return layout[max(0, bisect_right(starts, i) - 1)][1]

    found, body = _analyse(text, tuple(layout))
    pieces = _pieces(text)
    if not all(slot in ("other", "layout") for _, slot in layout):
        pieces = _frames_apart(text, pieces, tuple(layout))  # (a greeting or sign-off is its own sentence)
    assert [(s.start, s.end, s.text) for s in found] == [(a, b, text[a:b]) for a, b in pieces]
    assert [s.cues for s in found] == list(_cues_by_sentence(text, pieces))
    if all(slot in ("other", "layout") for _, slot in layout):
        return  # (slots inferred instead)
    for s in found:
        first = next((i for i in range(s.start, s.end) if text[i].isalnum()), s.end)
        expected = slot_at(first)
        assert s.slot == (slot_at(s.end - 1) if expected == "layout" else expected)
        assert type(s).__name__ == "Sentence" and not s.inferred
    assert body == tuple(s for s in found if not (s.slot in _FRAME_SLOTS or s.cues.greeting or s.cues.signoff))


@pytest.mark.parametrize("sentence", ["Earliest is next Thursday.", "The next slot is next month."])
def test_a_day_or_month_ahead_is_a_time_frame(sentence: str) -> None:
    assert cues(sentence).time_frames
    assert not cues("The next slot is after the holidays.").time_frames


@pytest.mark.parametrize(("sentence", "clauses"), [
    ("I can see how worrying this is, and I've refunded you today.",
     [("I can see how worrying this is,", "acknowledgment"), ("and I've refunded you today.", "solution")]),
    ("That sounds so frustrating; I'll send a new charger by Friday.",
     [("That sounds so frustrating;", "acknowledgment"), ("I'll send a new charger by Friday.", "solution")]),
    ("I'm so sorry about the wait, so I've upgraded your delivery to next day.",
     [("I'm so sorry about the wait,", "warm_language"), ("so I've upgraded your delivery to next day.", "solution")]),
    # a social reply often has no full stop: the line break ends the clause
    ("So sorry to hear this :(\nPlease send us a DM with your order number and we'll sort it out.",
     [("So sorry to hear this :(", "acknowledgment"),
      ("Please send us a DM with your order number and we'll sort it out.", "solution")]),
    ("Thanks for the report, but this add-on isn't ours, please report the bug to its author.",
     [("Thanks for the report, but this add-on isn't ours,", "warm_language"),
      ("please report the bug to its author.", "solution")]),
])
def test_a_sentence_that_acknowledges_and_acts_is_read_as_two_clauses(sentence: str,
                                                                      clauses: list[tuple[str, str]]) -> None:
    assert slots_of(sentence) == clauses


@pytest.mark.parametrize("sentence", [
    "I can see how worrying this is, and I'm so sorry.",  # nothing done in the second clause
    "I understand how stressful it is that you can't log in.",
    "I've refunded you today, and I know how annoying the wait was.",  # the fix comes first: one solution
    "I can see how frustrating it is to wait, and how much you needed it by Friday.",
])
def test_a_sentence_that_does_not_both_acknowledge_and_act_stays_whole(sentence: str) -> None:
    assert len(slots_of(sentence)) == 1


@pytest.mark.parametrize("sentence", [
    "Great news, the courier is bringing it round this afternoon.",
    "Good news: your replacement ships tomorrow.",
    "Good news - we have your spare key at the front desk.",
])
def test_an_upbeat_lead_in_does_not_hide_the_solution_after_it(sentence: str) -> None:
    (_, found), = slots_of(sentence)
    assert found == "solution"
    assert cues(sentence).warmth  # (still warm language for the warmth rules)


@pytest.mark.parametrize(("sentence", "slot"), [
    ("Good news!", "warm_language"),
    ("Good news: the whole team loved reading your kind review.", "warm_language"),  # nothing done or due
    ("I'll see you at the Leeds store on Saturday.", "solution"),
])
def test_upbeat_words_with_nothing_done_or_due_stay_warm(sentence: str, slot: str) -> None:
    (_, found), = slots_of(sentence)
    assert found == slot


@pytest.mark.parametrize("sentence", [
    "Thanks for your patience while we looked into this!",
    "Thank you for bearing with me on this one.",
    "Thanks for holding while I checked with the warehouse.",
])
def test_a_thank_you_for_waiting_is_warm_language(sentence: str) -> None:
    (_, found), = slots_of(sentence)
    assert found == "warm_language"
    c = cues(sentence)
    # it still counts as having acknowledged the customer (SK301); SK303 leaves it alone (its own test)
    assert c.acknowledges and c.thanks_for_waiting


@pytest.mark.parametrize("sentence", [
    "Thank you for your patience, I know how stressful this wait has been.",  # and then the feeling named
    "Thanks for letting me know about the broken hinge.",  # thanks for telling, not for waiting
])
def test_thanks_with_an_acknowledgment_stays_an_acknowledgment(sentence: str) -> None:
    (_, found), = slots_of(sentence)
    assert found == "acknowledgment"


@pytest.mark.parametrize("closing", ["See you then,\nMia", "See you soon!", "Speak to you soon,\nMia",
                                     "Take care,\nMia"])
def test_see_you_then_signs_off(closing: str) -> None:
    from scriptkit.inference import cues

    assert slots_of(f"I've booked the engineer for Tuesday at 10am.\n\n{closing}")[-1] == (closing, "other")
    assert cues(closing).signoff


@pytest.mark.parametrize("sentence", [
    "See you then, the engineer will bring the new part.",  # the sentence goes on
    "I'll see you at the Leeds store on Saturday.",
])
def test_see_you_inside_a_sentence_does_not_sign_off(sentence: str) -> None:
    from scriptkit.inference import cues

    assert not cues(sentence).signoff and not cues(sentence).greeting


def test_every_thank_you_for_waiting_is_also_an_acknowledgment_opener() -> None:
    """SK301 counts them as acknowledging: only slot inference reads them as warm language."""
    openers = set(lexicon.words("acknowledgment_openers"))
    assert set(lexicon.words("thanks_for_waiting")) <= openers


@pytest.mark.parametrize("closing", ["Take care!", "See you soon!", "Thanks again!"])
@pytest.mark.parametrize("name", ["Mia", "Mia Chen", "- Mia C."])
def test_a_name_alone_under_a_closing_that_ends_its_sentence_is_a_sign_off(closing: str, name: str) -> None:
    # "!" ends the closing's sentence, so the name is a sentence of its own: it was read as the solution
    text = f"I can see how annoying the double charge is. I've refunded you today.\n\n{closing}\n{name}\n"
    message = text_message(text)[0]
    assert [s.text for s in body_sentences(message)] == [
        "I can see how annoying the double charge is.", "I've refunded you today."]


@pytest.mark.parametrize("text", [
    "I can see how annoying it is. I've refunded you today.\n\nRefunded\n",  # no closing above it
    "I can see how annoying it is. I've refunded you today.\n\nTake care! Mia is on shift tomorrow.\n",
])
def test_a_last_line_that_is_not_a_signature_under_a_closing_stays_in_the_body(text: str) -> None:
    last = body_sentences(text_message(text)[0])[-1].text
    assert last in ("Refunded", "Mia is on shift tomorrow.")


def test_a_reply_read_as_the_sentence_cache_fills_up_is_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past its size the cache of each sentence's cues is cleared: a reply with some sentences cached
    and some new is read as usual (it raised KeyError once a run passed 65,536 distinct sentences)."""
    from scriptkit import inference

    first = "I'm so sorry your parcel arrived late. I've sent a new one today."
    second = "I'm so sorry your parcel arrived late. I know how annoying that is. I'll refund the postage now."
    expected = [slots_of(first), slots_of(second)]
    monkeypatch.setattr(inference, "_PIECE_CUES_SIZE", 3)
    monkeypatch.setattr(inference, "_piece_cues", {})
    inference._cues_cached.cache_clear()
    try:
        assert [slots_of(first), slots_of(second)] == expected
    finally:
        inference._cues_cached.cache_clear()
