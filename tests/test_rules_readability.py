"""Readability and length rules (SK1xx) and the textstat adapter, on packs written to tmp_path."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from scriptkit import load_pack, render_pack
from scriptkit.diagnostics import Severity
from scriptkit.engines import readability as engine
from scriptkit.message import Message, Placeholder, Text
from scriptkit.rules.base import Finding, Rule, RuleContext
from scriptkit.rules.readability import (
    EmailLength,
    HighGradeLevel,
    LongSentence,
    LowReadingEase,
    TooLongForChannel,
    neutral_text,
    plain_identifiers,
)

WARM = {
    "acknowledgment": "I can see how frustrating the wait for a parcel you needed this week has been.",
    "warm_language": "I'm really sorry this happened, and thank you for telling us.",
    "solution": "I've sent a new one today by express post. It will reach you by Friday, "
                "and I'll check in with you then.",
}
# the same script as a cold, corporate writer would put it
COLD = {
    "acknowledgment": "We acknowledge receipt of your correspondence concerning the delayed consignment.",
    "warm_language": "We regret any inconvenience occasioned by unanticipated operational complications.",
    "solution": "A replacement consignment has subsequently been dispatched utilising expedited "
                "transportation, and delivery is anticipated imminently.",
}


def write(root: Path, scripts: dict[str, dict[str, Any]], pack: dict[str, Any] | None = None) -> Path:
    (root / "scripts").mkdir(parents=True, exist_ok=True)
    (root / "pack.yaml").write_text(json.dumps({"name": "Test", **(pack or {})}), encoding="utf-8")
    for sid, fields in scripts.items():
        data = {"id": sid, "title": sid.title(), "channels": ["email"], **fields}
        (root / "scripts" / f"{sid}.yaml").write_text(json.dumps(data, indent=1), encoding="utf-8")
    return root


def findings(rule: type[Rule], root: Path, **options: Any) -> list[tuple[Message, Finding]]:
    pack = load_pack(root)
    ctx = RuleContext(pack, {**rule.options, **options})
    return [(m, f) for m in render_pack(pack, all_variants=True) for f in rule().check(m, ctx)]


# ---------------------------------------------------------------- adapter


@pytest.mark.parametrize("text", [
    "Hi Sam, I can see how frustrating this is. I've sent a new one today.",
    COLD["acknowledgment"] + " " + COLD["solution"],
    "Short. Very short! Tiny?",
    "One sentence with no full stop and several multisyllabic, complicated words included",
])
def test_fast_scores_equal_textstats_own_formulas(text: str) -> None:
    scores = engine.scores(text)
    assert scores is not None
    ease, grade = engine.reference_scores(text)
    assert scores.reading_ease == pytest.approx(ease)
    assert scores.grade == pytest.approx(grade)


@pytest.mark.parametrize("text", [
    "Don't worry — it's “fine”… really?! Yes. OK.",
    "Café au lait, naïve résumé; e.g. No. 5 arrives on the 3rd.",
    "I'm so sorry!!! We'll fix it... Thanks, Sam.\n\nBest,\nThe team",
    "A-B test_case: 3.5% of orders (not yours) [sic] {{x}} & more ... ! ?",
    "Straße İstanbul ΣΟΦΟΣ σοφός ½ ² Ⅻ",
])
def test_counts_equal_textstats_own_counters(text: str) -> None:
    scores = engine.scores(text)
    assert scores is not None
    ts = engine._instance("en_US")
    assert scores.words == ts.lexicon_count(text)
    assert scores.sentences == ts.sentence_count(text)
    assert scores.syllables == ts.syllable_count(text)


def test_counts_summed_per_sentence_equal_textstats_counts_of_the_whole_text() -> None:
    """Counts are remembered per sentence and summed when whitespace parts the sentences; a warm
    count equals a cold one, and both equal textstat's counters on the whole text."""
    import random

    rnd = random.Random(11)
    pieces = ["Thanks", " Sam", "!", ".", "?", " ", "\n", "\t", "OK", " it's", " - ", "fine", "...", ",",
              " a", "Next", "3rd", "(", ")", "'", "_x", "unbelievably", " é"]
    ts = engine._instance("en_US")
    summed = 0
    for _ in range(2_000):
        text = "x " + "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 14)))
        summed += engine._sentence_counts("en_US", ts, text) is not None
        for _warm in range(2):
            scores = engine.scores(text)
            assert scores is not None
            assert (scores.words, scores.sentences, scores.syllables) == (
                ts.lexicon_count(text), ts.sentence_count(text), ts.syllable_count(text)), repr(text)
    assert 200 < summed < 1_900  # both ways taken
    for sentence, short in engine._SHORT_SENTENCE.items():
        assert short == (len(engine._PUNCTUATION.sub("", sentence).split()) <= 2), repr(sentence)


def test_syllables_equal_textstats_for_every_word_of_the_rule_data() -> None:
    """The trie walk finds the same hyphenation points as pyphen's lookup of every substring."""
    import scriptkit

    ts = engine._instance("en_US")
    words = {"", "a", "I", "rhythm", "strengths", "supercalifragilisticexpialidocious", "x" * 40}
    for path in Path(scriptkit.__file__).parent.rglob("*.yaml"):
        words.update(engine._without_punctuation(path.read_text(encoding="utf-8")).lower().split())
    words = {w.lower() for w in words if w}
    assert len(words) > 1000
    for word in sorted(words):
        assert engine._word_syllables("en_US", ts, word) == ts.syllable_count(word), word


def test_the_cheap_word_bound_is_never_below_the_word_count() -> None:
    import random

    from scriptkit.rules.readability import _at_most_words, word_count
    from scriptkit.text import MARKERS

    rnd = random.Random(5)
    alphabet = [*"aZ9'’ .-_,é", "it's", "{{x}}", "[[b]]", "3rd"]
    for _ in range(20_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 20)))
        assert word_count(MARKERS.sub("X", text)) <= _at_most_words(text), repr(text)


def test_language_is_set_per_call_and_never_on_textstats_shared_instance() -> None:
    german = "Es tut mir sehr leid. Ich schicke Ihnen heute ein neues Paket."
    de = engine.scores(german, "de-DE")
    en = engine.scores(german, "en-US")
    import textstat  # (after the engine imported it: textstat's own import needs pkg_resources or our stand-in)

    assert de is not None and en is not None
    assert de.reading_ease != en.reading_ease  # German uses Amstad's constants
    assert de.reading_ease == pytest.approx(engine.reference_scores(german, "de-DE")[0])
    assert textstat.textstat._textstatistics__lang == "en_US"  # the process-wide default is untouched


def test_unknown_language_is_reported_not_guessed() -> None:
    from scriptkit.errors import EngineUnavailable

    assert not engine.supports("xx-YY")
    with pytest.raises(EngineUnavailable):
        engine.scores("Hello there.", "xx-YY")


def test_text_without_words_has_no_score() -> None:
    assert engine.scores("... !!") is None


def test_textstat_installs_no_top_level_tests_package() -> None:
    from importlib.metadata import distribution

    dist = distribution("textstat")
    assert dist.version == engine.TEXTSTAT_VERSION
    top = (dist.read_text("top_level.txt") or "").split()
    assert top == ["textstat"]


# ---------------------------------------------------------------- SK101 / SK102


def test_warm_plain_script_passes_and_cold_version_fails(tmp_path: Path) -> None:
    root = write(tmp_path / "p", {"warm": WARM, "cold": COLD})
    for rule in (LowReadingEase, HighGradeLevel):
        flagged = {m.script_id for m, _ in findings(rule, root)}
        assert flagged == {"cold"}, rule.code


def test_score_message_names_score_and_threshold(tmp_path: Path) -> None:
    root = write(tmp_path / "p", {"cold": COLD})
    [(msg, f)] = findings(HighGradeLevel, root)
    assert "grade" in f.message and "8" in f.message
    # located on the script's own text, not on the layout's greeting
    assert msg.text[f.start:].startswith("We acknowledge")
    loc, slot = msg.locate(f.start)
    assert slot == "acknowledgment" and loc.file.endswith("cold.yaml")


def test_thresholds_per_channel(tmp_path: Path) -> None:
    root = write(tmp_path / "p", {"warm": {**WARM, "channels": ["email", "chat"]}})
    scores = engine.scores(neutral_text(render_pack(load_pack(root))[0]))
    assert scores is not None
    strict = scores.reading_ease + 5
    hits = findings(LowReadingEase, root, channels={"chat": strict})
    assert [m.channel for m, _ in hits] == ["chat"]
    hits = findings(HighGradeLevel, root, max=scores.grade - 1)
    assert sorted(m.channel for m, _ in hits) == ["chat", "email"]


def test_short_replies_are_not_scored(tmp_path: Path) -> None:
    root = write(tmp_path / "p", {"tiny": {"channels": ["sms"], "acknowledgment": "Unanticipated complications.",
                                           "solution": "Remediation forthcoming."}})
    assert findings(HighGradeLevel, root) == []
    assert findings(HighGradeLevel, root, min_words=1) != []


def test_placeholders_and_blanks_score_as_neutral_words() -> None:
    msg = Message("s", "S", "email", 0, (
        Text("Hi ", "greeting"), Placeholder("customer.full_name", "greeting"), Text(", thanks.", "greeting"),
    ))
    assert neutral_text(msg) == "Hi Sam, thanks."


# ---------------------------------------------------------------- SK103


def test_long_sentence_flags_only_the_long_one(tmp_path: Path) -> None:
    long = ("I completely understand how frustrating it must have been to wait all week for the parcel "
            "that you ordered for the birthday party only to find it never arrived on the day we promised.")
    root = write(tmp_path / "p", {"s": {"acknowledgment": "I'm sorry. " + long, "solution": "I'll refund it today."}})
    [(msg, f)] = findings(LongSentence, root)
    assert msg.text[f.start:f.end] == long
    assert "words (limit 25)" in f.message
    assert findings(LongSentence, root, max_words=40) == []


def test_links_addresses_and_reference_codes_read_as_one_short_word(tmp_path: Path) -> None:
    solution = ("I've changed the billing contact to payables@harbourfoods.example and sent invoices "
                "HF-20931, HF-20932 and HF-20933 again today. You can also download them at "
                "https://portal.harbourfoods.example/billing/invoices?year=2025.")
    root = write(tmp_path / "p", {"s": {"acknowledgment": "I'm sorry the invoices went to the wrong person.",
                                        "solution": solution}})
    assert findings(LowReadingEase, root) == [] and findings(HighGradeLevel, root) == []
    # the same reply with long words where the codes were is hard to read
    wordy = solution.replace("HF-20931, HF-20932 and HF-20933", "supplementary reconciliation documentation")
    root = write(tmp_path / "q", {"s": {"acknowledgment": "I'm sorry the invoices went to the wrong person.",
                                        "solution": wordy.replace("payables@harbourfoods.example",
                                                                  "administrative accountancy personnel")}})
    assert findings(LowReadingEase, root) != []


@pytest.mark.parametrize(("text", "plain"), [
    ("Visit www.example.org/help, then reply.", "Visit ref, then reply."),
    ("Your ref is RF-88213-XK (tracking JD0002219938472).", "Your ref is ref (tracking ref)."),
    ("COVID-19 rules, 4G, Wi-Fi, A4 paper and 2024 stay.", "ref rules, 4G, Wi-Fi, A4 paper and 2024 stay."),
])
def test_plain_identifiers(text: str, plain: str) -> None:
    assert plain_identifiers(text) == plain


def test_a_list_without_full_stops_is_read_item_by_item(tmp_path: Path) -> None:
    steps = ("Here's the plan for your move:\n- Your last meter reading is taken on the 3rd\n"
             "- The new tariff starts on the 4th\n* I'll send the final bill within a week\n"
             "1. You get any credit back within ten days")
    root = write(tmp_path / "p", {"s": {"acknowledgment": "I know moving house is stressful.", "solution": steps}})
    assert findings(LongSentence, root) == []  # 39 words, but no item holds more than 10
    long_item = ("- I'll ring the removals firm and the energy company and the council and the water board "
                 "to make sure that every one of them has the new address before you go")
    root = write(tmp_path / "q", {"s": {"acknowledgment": "I know moving house is stressful.",
                                        "solution": "Next:\n- Meter reading on the 3rd\n" + long_item}})
    [(msg, f)] = findings(LongSentence, root)
    assert msg.text[f.start:f.end] == long_item and "31 words" in f.message


def test_placeholder_counts_as_one_word_in_a_sentence(tmp_path: Path) -> None:
    words = " ".join(["word"] * 23)
    root = write(tmp_path / "p", {"s": {"acknowledgment": "{{ customer.full_name }}, " + words + ".",
                                        "solution": "I'll refund it today."}})
    assert findings(LongSentence, root) == []  # 24 words
    assert findings(LongSentence, root, max_words=23) != []


# ---------------------------------------------------------------- SK104 / SK105


def test_sms_limit_counts_sample_values(tmp_path: Path) -> None:
    # with the sample full name ("Maya Okafor") the reply is 165 characters; with "Sorry." only 152
    text = "x" * 145
    root = write(tmp_path / "p", {"s": {"channels": ["sms"], "acknowledgment": "{{ customer.full_name }}, sorry.",
                                        "solution": text}})
    [(_msg, f)] = findings(TooLongForChannel, root)
    assert "sms reply is" in f.message and "(limit 160)" in f.message
    assert f.severity is None  # the rule's default: warning
    assert f.suggestion is not None and f.suggestion.endswith(
        "Or give sms its own shorter text in the script, under 'by_channel:' then 'sms:'.")
    root = write(tmp_path / "q", {"s": {"channels": ["sms"], "acknowledgment": "Sorry.", "solution": text}})
    assert findings(TooLongForChannel, root) == []


def test_social_limit_is_an_error_and_chat_counts_words(tmp_path: Path) -> None:
    long = " ".join(["word"] * 120) + "."
    root = write(tmp_path / "p", {"s": {"channels": ["social", "chat", "email"], "acknowledgment": "Sorry.",
                                        "solution": long}})
    by_channel = {m.channel: f for m, f in findings(TooLongForChannel, root)}
    assert set(by_channel) == {"social", "chat"}
    assert by_channel["social"].severity is Severity.ERROR
    assert "words (limit 90)" in by_channel["chat"].message
    custom = findings(TooLongForChannel, root, limits={"email": {"words": 100}})
    assert [m.channel for m, _ in custom] == ["email"]


def test_email_length_is_a_suggestion_both_ways(tmp_path: Path) -> None:
    long = " ".join(["I'll sort it today."] * 40)
    root = write(tmp_path / "p", {"short": {"acknowledgment": "Sorry.", "solution": "Refund done."},
                                  "ok": WARM | {"solution": WARM["solution"] + " " + WARM["solution"]},
                                  "long": {"acknowledgment": "Sorry.", "solution": long},
                                  "chat": {"channels": ["chat"], "acknowledgment": "Sorry.", "solution": "Done."}})
    hits = {m.script_id: f for m, f in findings(EmailLength, root, min_words=50)}  # (short: reported when asked)
    assert set(hits) == {"short", "long"}
    assert EmailLength.severity is Severity.SUGGESTION
    assert "50-125" in hits["short"].message
    assert {m.script_id for m, _ in findings(EmailLength, root)} == {"long"}  # (by default, only a long one)


def test_identifiers_are_replaced_word_by_word_as_one_pattern_would() -> None:
    """plain_identifiers searches only the words holding a mark; the result is that of one
    pattern over the whole text, space and punctuation around the words included."""
    import re

    from scriptkit.rules.readability import plain_identifiers

    whole = re.compile(r"(?<![\w./])(?:https?://|www\.)[^\s<>\"]+[^\s<>\".,;:!?)\]]"
                       r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
                       r"|(?<![\w-])(?=[A-Z\d-]*\d)(?=[A-Z\d-]*[A-Z])[A-Z\d][A-Z\d-]{3,}[A-Z\d]\b")
    texts = ["Pay at https://pay.example/inv?id=7. Or write to billing+eu@shop.example.co.uk (ref INV-1043).",
             "Codes: xAB-123, -AB12, AB12-x, ABCD-1x, A-1234 and 1234; www.example.org/help, then (www.a.io).",
             "mail:a@b.co/https://q.io\u00a0RF-88213-XK\tJD0002219938472\nend",
             "No marks at all here."]
    for text in texts:
        assert plain_identifiers(text) == whole.sub("ref", text)
    assert plain_identifiers(texts[0]) == "Pay at ref. Or write to ref (ref ref)."
