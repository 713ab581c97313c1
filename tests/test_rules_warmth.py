"""Warmth and formality rules (SK2xx), their phrase data and the formality score."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scriptkit.config import LintConfig, Selector
from scriptkit.errors import ConfigError
from scriptkit.fixing import apply, plan
from scriptkit.linting import lint_pack, lint_text
from scriptkit.loading import load_pack
from scriptkit.models import Pack, PackMeta, Script
from scriptkit.rendering import render_script
from scriptkit.rules import all_rules, lexicon
from scriptkit.rules.base import Finding, RuleContext
from scriptkit.rules.warmth import (
    FORMALITY_WEIGHTS,
    CorporatePhrase,
    FormalTone,
    ImpersonalApology,
    NoContractions,
    RoboticCloser,
    RoboticOpener,
    contractions_in,
    corporate_table,
    formality,
    formality_features,
    has_contraction,
    match_case,
)

MakePack = Callable[..., Path]

# Our own texts: a warm reply and the same reply as a cold corporate notice.
WARM = {
    "acknowledgment": "I can see how frustrating it is that your new headphones stopped charging after a week.",
    "warm_language": "I'm really sorry, and thanks for trying the reset steps already.",
    "solution": "I've sent a replacement pair today, and you'll have it by Thursday. "
                "You don't need to return the old ones.",
}
COLD = {
    "acknowledgment": "Dear Sir/Madam, thank you for contacting customer support regarding the aforementioned product.",
    "warm_language": "Please be advised that we regret any inconvenience caused. Mistakes were made.",
    "solution": "A replacement will be dispatched subsequent to verification. Kindly provide your order number "
                "at your earliest convenience. Should you require further assistance, please do not hesitate "
                "to contact us. Have a nice day.",
}


def script_yaml(slots: dict[str, str], sid: str = "headphones") -> str:
    head = {"id": sid, "title": "Headphones stopped charging"}
    return "".join(_quote(k, v) + "\n" for k, v in {**head, **slots}.items()) + "channels: [email]\n"


def _quote(key: str, value: str) -> str:
    return f"{key}: '" + value.replace("'", "''") + "'"


def codes_for(make_pack: MakePack, slots: dict[str, str], prefix: str = "SK2") -> list[tuple[str, str]]:
    pack = load_pack(make_pack({"s.yaml": script_yaml(slots)}))
    result = lint_pack(pack, LintConfig(select=(Selector(prefix),)))
    return [(d.code, d.text) for d in result.diagnostics]


def check(rule: Any, options: dict[str, Any] | None = None, **slots: str) -> list[tuple[str, Finding]]:
    """Run one rule on a script built in memory; (offending text, finding) pairs."""
    script = Script(id="t", title="T", **slots)
    pack = Pack(meta=PackMeta(name="t"), scripts=[script])
    message = render_script(pack, script, "email")
    opts = {**rule.options, **(options or {})}
    return [(message.text[f.start:f.end], f) for f in rule().check(message, RuleContext(pack, opts))]


# ---------------------------------------------------------------- phrase data

def test_corporate_phrases_load_with_at_least_150_unique_entries() -> None:
    entries = lexicon.data("corporate_phrases.yaml")["phrases"]
    assert len(entries) >= 150
    keys = [" ".join(lexicon.fold(e["phrase"]).split()) for e in entries]
    assert len(keys) == len(set(keys)), [k for k in keys if keys.count(k) > 1]
    for e in entries:
        assert set(e) <= {"phrase", "replacement", "note", "safe", "named_letter", "opens", "unsafe_after",
                          "only_locale", "voice", "after_refusal", "after_a_wait", "advice", "suggest_after",
                          "fix_only_after", "suggest_before", "we"}, e
        assert isinstance(e["replacement"], str) and e["note"].strip(), e
        assert isinstance(e.get("safe", False), bool)


def test_every_corporate_phrase_is_found_in_a_sentence_of_its_own() -> None:
    table = corporate_table()
    for e in table.entries:
        phrase = e["phrase"]
        if phrase.startswith("re:"):
            continue
        text = f"Well, {phrase} and so on."
        found = [entry for _, _, entry in table.finditer(text)]
        assert found, phrase
        # the longest entry wins, so a phrase may be found as a longer one only if it contains it
        assert lexicon.fold(found[0]["phrase"]) in lexicon.fold(text), phrase


def test_phrase_tables_of_different_rules_do_not_report_the_same_words() -> None:
    """Corporate phrases, robotic openers/closers and impersonal apologies stay disjoint."""
    corporate = corporate_table()
    others = [lexicon.table("robotic.yaml", "openers"), lexicon.table("robotic.yaml", "closers"),
              lexicon.table("dismissive.yaml")]
    impersonal = lexicon.pattern("impersonal_apologies")
    for e in corporate.entries:
        text = e["phrase"]
        for other in others:
            assert not list(other.finditer(text)), (text, [x[2]["phrase"] for x in other.finditer(text)])
        assert not impersonal.search(text), text


def test_safe_corporate_rewrites_are_single_phrases_without_templates() -> None:
    for e in corporate_table().entries:
        if e.get("safe"):
            assert "{{" not in e["replacement"], e
            assert not e["replacement"].endswith((",", ".")), e


# ---------------------------------------------------------------- whole replies

def test_cold_corporate_reply_gets_the_findings_a_reader_expects(make_pack: MakePack) -> None:
    found = codes_for(make_pack, COLD)
    codes = {c for c, _ in found}
    assert {"SK201", "SK202", "SK204", "SK205", "SK206"} <= codes
    texts = {t.lower() for c, t in found if c == "SK201"}
    for phrase in ("please be advised that", "we regret any inconvenience caused", "kindly",
                   "at your earliest convenience", "please do not hesitate to contact us"):
        assert phrase in texts, phrase
    assert ("SK204", "Mistakes were made") in found
    assert ("SK205", "Dear Sir/Madam") in found
    assert ("SK206", "Have a nice day") in found


def test_warm_reply_gets_no_warmth_findings(make_pack: MakePack) -> None:
    assert codes_for(make_pack, WARM) == []


def test_free_text_review_flags_corporate_sentences() -> None:
    text = ("Hello,\n\nWe acknowledge receipt of your inquiry. Please be advised that your refund has been "
            "processed.\n\nKind regards,\nCustomer Support Team")
    result = lint_text(text, config=LintConfig(select=(Selector("SK2"),)))
    found = {(d.code, d.text) for d in result.diagnostics}
    assert ("SK201", "Please be advised that") in found
    assert ("SK206", "Customer Support Team") in found


# ---------------------------------------------------------------- SK201 corporate-phrase

def test_corporate_phrase_keeps_capitalisation_and_offers_the_rewrite() -> None:
    [(text, finding)] = check(CorporatePhrase, acknowledgment="I can see the delay is frustrating.",
                              solution="Kindly reply with a photo.")
    assert text == "Kindly"
    assert finding.replacement == "Please" and finding.suggestion == '"Please"'


def test_unsafe_rewrites_are_suggestions_not_fixes() -> None:
    [(text, finding)] = check(CorporatePhrase, acknowledgment="I can see the delay is frustrating.",
                              solution="We regret any inconvenience caused, and a new parcel is on its way.")
    assert text == "We regret any inconvenience caused"
    assert finding.replacement is None
    assert finding.suggestion == "\"I'm really sorry this happened\""


def test_corporate_phrase_options_allow_and_extra() -> None:
    slots = {"acknowledgment": "I can see the delay is frustrating.",
             "solution": "Kindly reply with a photo of the box, pal."}
    assert [t for t, _ in check(CorporatePhrase, {"allow": ["kindly"]}, **slots)] == []
    extra = [{"phrase": "pal", "replacement": "friend", "note": "Not our brand voice.", "safe": True}]
    found = check(CorporatePhrase, {"extra": extra}, **slots)
    assert [(t, f.replacement) for t, f in found] == [("Kindly", "Please"), ("pal", "friend")]


@pytest.mark.parametrize(("solution", "found"), [
    ("I've refunded your purchase today.", []),
    ("The purchase of the extended warranty went through today.", []),
    ("Your last two purchases are both covered.", []),
    ("You can purchase a spare cable from the accessories page.", ["purchase"]),
    ("I'd suggest you purchase the larger size.", ["purchase"]),
    ("Please purchase a new pass at the desk.", ["purchase"]),
    ("We're sorry you had to purchase it twice.", ["purchase"]),
])
def test_purchase_is_corporate_as_a_verb_only(solution: str, found: list[str]) -> None:
    results = check(CorporatePhrase, acknowledgment="I can see how annoying the broken zip is.", solution=solution)
    assert [t for t, _ in results] == found
    assert all(f.suggestion == '"buy"' for _, f in results)


def _letter(greeting: str, signoff: str) -> list[str]:
    text = (f"{greeting}\n\nI can see how upsetting it was to find the wrong date on your certificate. I've issued "
            f"a corrected copy today, and it will reach you by Friday.\n\n{signoff}\nSam Jones")
    result = lint_text(text, config=LintConfig(select=(Selector("SK201"),)))
    return [d.text for d in result.diagnostics]


def test_yours_sincerely_is_right_in_a_letter_to_a_named_person() -> None:
    # the British letter convention: "Dear Mrs Patel" ... "Yours sincerely"
    assert _letter("Dear Mrs Patel,", "Yours sincerely,") == []
    assert _letter("Dear Dr. Okafor,", "Yours sincerely,") == []
    # after a casual greeting, or to nobody by name, it is still a form letter's formula
    assert _letter("Hi Priya,", "Yours sincerely,") == ["Yours sincerely"]
    assert "Yours sincerely" in _letter("Dear Customer,", "Yours sincerely,")
    assert _letter("Dear Sir or Madam,", "Yours faithfully,") == ["Yours faithfully"]


def test_yours_sincerely_after_a_named_greeting_in_a_pack(make_pack: MakePack) -> None:
    pack_yaml = ("name: Letters\nchannels:\n  email:\n    greeting: 'Dear {{ customer.first_name }},'\n"
                 "    signoff: 'Yours sincerely,'\n")
    slots = {"acknowledgment": "I can see how upsetting the wrong date on your certificate was.",
             "solution": "I've issued a corrected copy today."}
    root = make_pack({"s.yaml": script_yaml(slots)}, pack_yaml=pack_yaml)
    result = lint_pack(load_pack(root), LintConfig(select=(Selector("SK201"),)))
    assert [d.text for d in result.diagnostics] == []


def test_match_case() -> None:
    assert match_case("please", "Kindly") == "Please"
    assert match_case("Hi there", "dear customer") == "hi there"
    assert match_case("I'm sorry", "we regret") == "I'm sorry"


def test_safe_fix_rewrites_the_yaml_source(make_pack: MakePack) -> None:
    root = make_pack({"s.yaml": "id: parcel\ntitle: Parcel\n# keep this comment\n"
                                "acknowledgment: I can see the late parcel is frustrating.\n"
                                "solution: Kindly check your porch prior to noon.\n"})
    result = lint_pack(load_pack(root), LintConfig(select=(Selector("SK201"),)))
    assert len([d for d in result.diagnostics if d.fix is not None]) == 2
    apply(plan(result.diagnostics))
    after = (root / "scripts" / "s.yaml").read_text(encoding="utf-8")
    assert "solution: Please check your porch before noon." in after
    assert "# keep this comment" in after


# ---------------------------------------------------------------- SK202 formal-tone

def test_formality_score_orders_registers() -> None:
    legal = ("Pursuant to the aforementioned correspondence, the reimbursement shall be processed subsequent "
             "to the verification of the documentation provided.")
    neutral = "Your refund will be processed after we check the documents you sent."
    chatty = "hey!! no worries, I'll sort it out for you today :)"
    assert formality(legal) > formality(neutral) > formality(chatty)
    assert 0.0 <= formality(chatty) < formality(legal) <= 1.0
    assert formality("") == 0.0


def test_formality_features_are_the_documented_ones() -> None:
    assert set(formality_features("I'm here to help.")) == set(FORMALITY_WEIGHTS)
    assert "FORMALITY_WEIGHTS" in FormalTone.docs()


def test_formal_tone_ceiling_is_an_option() -> None:
    slots = {"acknowledgment": "I understand how worrying an unexpected charge is.",
             "solution": "The transaction will be investigated and the outcome communicated within five days."}
    score = formality(" ".join(slots.values()))
    assert check(FormalTone, {"ceiling": score + 0.05}, **slots) == []
    [(text, finding)] = check(FormalTone, {"ceiling": score - 0.05}, **slots)
    assert text.startswith("The transaction")  # the most formal sentence
    assert f"{score:.2f}" in finding.message


@pytest.mark.parametrize("above", [0.0004, 0.002, 0.004])
def test_formal_tone_never_reads_as_equal_to_its_ceiling(above: float) -> None:
    slots = {"acknowledgment": "I understand how worrying an unexpected charge is.",
             "solution": "The transaction will be investigated and the outcome communicated within five days."}
    ceiling = formality(" ".join(slots.values())) - above
    [(_, finding)] = check(FormalTone, {"ceiling": ceiling}, **slots)
    shown, limit = re.findall(r"[0-9]+\.[0-9]+", finding.message)[:2]
    assert float(shown) > ceiling and shown != limit  # not "0.58 is above the ceiling 0.58"


# ---------------------------------------------------------------- SK203 no-contractions

def test_no_contractions_offers_safe_contractions() -> None:
    found = check(NoContractions, acknowledgment="I understand that the delay is frustrating.",
                  warm_language="I am so sorry.",
                  solution="We will send it today, and you do not need to do anything. It is.")
    assert [(t, f.replacement) for t, f in found] == [("I am", "I'm"), ("We will", "We'll"), ("do not", "don't")]


def test_one_contraction_or_too_few_forms_is_fine() -> None:
    assert check(NoContractions, acknowledgment="I understand the delay is frustrating.",
                 solution="We will send it today, and you don't need to do anything.") == []
    assert check(NoContractions, acknowledgment="I understand the delay is frustrating.",
                 solution="We will send it today.") == []
    assert check(NoContractions, {"min_forms": 1}, acknowledgment="I understand the delay is frustrating.",
                 solution="We will send it today.") != []


@pytest.mark.parametrize(("text", "count"), [
    ("I'm sure we'll sort it, and it's done.", 3),
    ("We will sort it. Sam's order is here.", 0),  # a possessive is not a contraction
    ("I’d’ve called, y'all, and we're gonna fix it", 4),  # typographic apostrophes, slang
    ("rock 'n' roll: the shop's 'best'", 0),
    ("", 0),
])
def test_has_contraction_agrees_with_the_count(text: str, count: int) -> None:
    assert contractions_in(text) == count
    assert has_contraction(text) is (count > 0)


def test_let_us_and_have_without_participle_are_left_alone() -> None:
    found = check(NoContractions, acknowledgment="I understand the delay is frustrating.",
                  solution="Please let us know. I have a spare one, and we have sent the first. You are set.")
    assert [t for t, _ in found] == ["we have", "You are"]


# ---------------------------------------------------------------- SK204-SK206

@pytest.mark.parametrize("sentence", [
    "Apologies for any inconvenience.",
    "We apologize for any inconvenience this caused.",
    "The company apologizes for the error.",
    "Acme apologises for the delay.",
    "Errors were made when your payment was taken.",
    "Please accept our sincere apologies.",
])
def test_impersonal_apologies(sentence: str) -> None:
    assert check(ImpersonalApology, acknowledgment="I can see how annoying this is.", warm_language=sentence,
                 solution="I've fixed it today.")


@pytest.mark.parametrize("sentence", [
    "I'm so sorry we got this wrong.",
    "My apologies for the mix-up.",
    "I apologise for the delay.",
    "No regrets here.",
])
def test_personal_apologies_are_fine(sentence: str) -> None:
    assert check(ImpersonalApology, acknowledgment="I can see how annoying this is.", warm_language=sentence,
                 solution="I've fixed it today.") == []


def test_robotic_opener_and_closer_with_a_brand_name() -> None:
    [(text, _)] = check(RoboticOpener, acknowledgment="Thank you for contacting Acme support. The app keeps "
                                                      "crashing for you, which is so frustrating.",
                        solution="I'll send a fix today.")
    assert text == "Thank you for contacting Acme support"
    found = check(RoboticCloser, acknowledgment="The app keeps crashing for you, which is so frustrating.",
                  solution="I'll send a fix today. Thank you for choosing Acme. Is there anything else I can "
                           "help you with?")
    assert [t for t, _ in found] == ["Thank you for choosing", "Is there anything else I can help you with"]


# ---------------------------------------------------------------- scores and registry

def test_rules_are_registered_with_kebab_case_names() -> None:
    mine = {r.code: r.name for r in all_rules() if r.code.startswith("SK2")}
    assert mine == {"SK201": "corporate-phrase", "SK202": "formal-tone", "SK203": "no-contractions",
                    "SK204": "impersonal-apology", "SK205": "robotic-opener", "SK206": "robotic-closer",
                    "SK207": "no-warm-language", "SK208": "shouting"}
    assert all(re.fullmatch(r"[a-z]+(?:-[a-z]+)*", n) for n in mine.values())


@pytest.mark.parametrize(("rule", "options", "expected"), [
    (FormalTone, {"ceiling": "high"}, "a number from 0 to 1"),
    (FormalTone, {"ceiling": 3}, "a number from 0 to 1"),
    (NoContractions, {"min_forms": 0}, "a whole number of at least 1"),
    (CorporatePhrase, {"allow": "kindly"}, "a list of phrases"),
    (CorporatePhrase, {"extra": [{"replacement": "x"}]}, "an entry of a list of {phrase"),
])
def test_bad_options_are_config_errors_naming_rule_and_option(rule: Any, options: dict[str, Any],
                                                              expected: str) -> None:
    with pytest.raises(ConfigError, match=expected) as caught:
        check(rule, options, acknowledgment="I can see the delay is frustrating.", solution="Kindly wait.")
    assert rule.code in caught.value.message and rule.name in caught.value.message


def test_bad_option_in_pack_yaml_exits_2_without_traceback(make_pack: MakePack) -> None:
    from click.testing import CliRunner

    from scriptkit.cli import main

    root = make_pack({"s.yaml": script_yaml(WARM)},
                     pack_yaml="name: Test pack\nrules:\n  options:\n    formal-tone:\n      ceiling: loud\n")
    result = CliRunner().invoke(main, ["check", str(root)])
    assert result.exit_code == 2, result.output
    assert "ceiling" in result.output + (result.stderr if result.stderr_bytes is not None else "")
    assert "Traceback" not in result.output


def test_a_team_signature_is_reported_without_its_line_break() -> None:
    text = "I can see why the wait is annoying. I'll call you today.\n\nKind regards,\nCustomer Support Team\n"
    result = lint_text(text, config=LintConfig(select=(Selector("SK206"),)))
    assert [d.text for d in result.diagnostics] == ["Customer Support Team"]


_FORMALITY_FRAGMENTS = ["I", "i", "you", "We", "their", "the", "of", "hey", "ok", "information", "organisation",
                        "u", "ur", "u'll", "lol", "Yeah", "gonna", "y'all", "don't", "it's", "sooo", "aaa", "111",
                        "__", "!!", "!", "??", "...", ":)", ";-P", "'", "-", ".", ",", " ", " ", "\n", "x9"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_FORMALITY_FRAGMENTS), max_size=16).map("".join))
def test_formality_counts_of_ascii_text_follow_the_plain_definition(text: str) -> None:
    """An ASCII text's counts come from packed per-word codes and a gated slang count (for
    speed); they equal counting each feature over the words with the regexes as written."""
    from scriptkit.rules.warmth import (
        _CLOSED_DOWN,
        _CLOSED_UP,
        _LATINATE_ENDINGS,
        _PRONOUNS,
        _SLANG,
        _THIRD,
        _counts,
        _words,
    )

    words = _words(text)
    expected = (len(words), sum(w in _PRONOUNS for w in words), sum(w in _THIRD for w in words),
                sum(len(w) >= 7 and w.endswith(_LATINATE_ENDINGS) for w in words), sum(map(len, words)),
                sum(w in _CLOSED_UP for w in words) - sum(w in _CLOSED_DOWN for w in words),
                len(_SLANG.findall(text)) + text.count("!"))
    got = _counts.__wrapped__(text)
    assert (got.words, got.pronouns, got.third, got.latinate, got.letters, got.closed, got.informal) == expected


# words of the uncontracted forms and what may follow them, apart by whitespace of any kind or joined
_FORM_PIECES = ["i", "we", "you", "they", "it", "that", "do", "does", "can", "cannot", "will", "would", "is",
                "are", "am", "not", "have", "been", "sent", "asked", "done", "x", "bi", "_", "'", "-", ".", "9",
                " ", "  ", "\n", "\t", "\u00a0", "é", "İ", "K"]


@given(st.lists(st.sampled_from(_FORM_PIECES), max_size=24).map("".join))
def test_uncontracted_forms_on_lower_case_text_match_the_caseless_regex(text: str) -> None:
    from scriptkit.rules import warmth

    low = text.lower()
    assert [m.span() for m in warmth._UNCONTRACTED_FOLDED.finditer(low)] == \
        [m.span() for m in warmth._UNCONTRACTED.finditer(low)]
    assert warmth._UNCONTRACTED_CASELESS.spans(text) == [m.span() for m in warmth._UNCONTRACTED.finditer(text)]


# ---------------------------------------------------------------- SK207 no-warm-language

NO_WARMTH = """\
id: parcel
title: Parcel
channels: [email, sms]
acknowledgment: "I can see why the missing parcel worried you."
solution: "A replacement has been sent and will arrive on Friday."
"""


def _sk207(root: Path) -> list[Any]:
    return [d for d in lint_pack(load_pack(root)).diagnostics if d.code == "SK207"]


def test_no_warm_language_points_at_the_missing_slot_in_the_script(make_pack: MakePack) -> None:
    found = _sk207(make_pack({"s.yaml": NO_WARMTH}))
    assert len(found) == 1, found
    d = found[0]
    assert d.severity.value == "warning"
    # no warm_language key to point at: the script's start, as for a missing solution (SK401)
    assert (d.location.line, d.location.col) == (1, 1), d
    assert "no warm line" in d.message and "in your own words" in (d.suggestion or "")
    assert d.extra["channels"] == "email,sms"


@pytest.mark.parametrize("warm", [
    'warm_language: "Thanks for letting me know so quickly."\n',
    'warm_language: "I\'m here until it\'s sorted."\n',
    'warm_language: "I hope the new one arrives safely."\n',
])
def test_a_warm_line_in_the_warm_language_slot_satisfies_it(make_pack: MakePack, warm: str) -> None:
    assert _sk207(make_pack({"s.yaml": NO_WARMTH + warm})) == []


@pytest.mark.parametrize("solution", [
    "I'm sorry it's late: I've sent a replacement, and it will arrive on Friday.",  # an apology
    "Thanks for your patience. A replacement arrives on Friday.",  # thanks
    "A replacement arrives on Friday \U0001F60A",  # a smile
])
def test_warmth_anywhere_in_the_body_satisfies_it(make_pack: MakePack, solution: str) -> None:
    script = NO_WARMTH.replace("A replacement has been sent and will arrive on Friday.", solution)
    assert _sk207(make_pack({"s.yaml": script})) == []


def test_an_empty_warm_language_slot_is_pointed_at(make_pack: MakePack) -> None:
    script = NO_WARMTH + 'warm_language: ""\n'
    (d,) = _sk207(make_pack({"s.yaml": script}))
    assert (d.location.line, d.location.col) == (6, 1), d


def test_a_channel_that_leaves_warm_language_out_on_purpose_is_left_alone(make_pack: MakePack) -> None:
    script = NO_WARMTH + ('warm_language: "Thanks for letting me know so quickly."\n'
                          'by_channel:\n  sms:\n    warm_language: ""\n')
    assert _sk207(make_pack({"s.yaml": script})) == []
    # the same email without the warm line is still reported: only the channel that said so is exempt
    emailed = NO_WARMTH + 'by_channel:\n  sms:\n    warm_language: ""\n'
    assert [d.extra["channels"] for d in _sk207(make_pack({"s.yaml": emailed}))] == ["email"]


def test_a_greeting_and_a_warm_sign_off_alone_do_not_count_as_warm_language() -> None:
    text = "Hi Sam,\n\nYour refund was processed. It will reach your card in 5 days.\n\nTake care,\nMia"
    assert "SK207" in {d.code for d in lint_text(text).diagnostics}
    warmer = text.replace("Your refund", "Thanks for bearing with us. Your refund")
    assert "SK207" not in {d.code for d in lint_text(warmer).diagnostics}


def test_has_warm_language_on_free_text() -> None:
    from scriptkit.rules.warmth import has_warm_language

    assert has_warm_language("Great news! I've approved your refund.")
    assert has_warm_language("All sorted, your refund is on its way :)")
    assert not has_warm_language("Refund approved. You will receive it within 5 days.")
    assert not has_warm_language("Use the code 3:Done to finish.")  # not a smiley
    # an apology counts unless it is the stock one SK204 reports
    assert has_warm_language("I'm so sorry about the delay.") and has_warm_language("We're sorry this happened.")
    assert not has_warm_language("We apologize for any inconvenience caused.")
    assert not has_warm_language("I am sorry for any inconvenience.")
