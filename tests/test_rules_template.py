"""Template hygiene rules (SK0xx), on packs written to tmp_path."""

from __future__ import annotations

import itertools
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from scriptkit import load_pack, render_pack
from scriptkit.diagnostics import Diagnostic
from scriptkit.message import Message
from scriptkit.rules.base import Finding, Rule, RuleContext
from scriptkit.rules.template import (
    DuplicateScript,
    GreetingRunOn,
    PlaceholderWithoutFallback,
    UnusedBlank,
    UnusedConstant,
    blanks_used,
    fingerprint,
    fingerprints,
    names_used,
    near_duplicates,
    rows_for,
    shingles,
)


def script(sid: str, ack: str, solution: str = "I'll send a replacement today.", extra: str = "") -> str:
    return (f"id: {sid}\ntitle: {sid}\nchannels: [email, chat]\n"
            f"acknowledgment: \"{ack}\"\n{extra}solution: \"{solution}\"\n")


def run(rule: type[Rule], root: Path, **options: Any) -> tuple[list[tuple[Message, Finding]], list[Diagnostic]]:
    pack = load_pack(root)
    ctx = RuleContext(pack, {**rule.options, **options})
    messages = render_pack(pack, all_variants=True)
    return [(m, f) for m in messages for f in rule().check(m, ctx)], list(rule().check_pack(pack, messages, ctx))


# ---------------------------------------------------------------- SK005

RUN_ON_LAYOUT = ("name: Test\nchannels:\n  chat:\n    greeting: \"Hi {{ customer.first_name | fallback('there') }},\"\n"
                 "  email:\n    greeting: \"Hi {{ customer.first_name | fallback('there') }},\"\n")


def test_a_comma_greeting_joined_by_a_space_to_a_capital_is_reported_once_per_channel(make_pack: Any) -> None:
    root = make_pack({"a.yaml": script("a", "Waiting on a parcel is frustrating, I know."),
                      "b.yaml": script("b", "Being locked out is unsettling."),
                      "c.yaml": script("c", "I can see how frustrating this is."),  # "Hi Sam, I can see": fine
                      "d.yaml": script("d", "that sounds stressful.")}, RUN_ON_LAYOUT)
    found, diags = run(GreetingRunOn, root)
    assert found == []
    (d,) = diags  # chat only: email joins with a blank line, where a capital is right
    assert d.channel == "chat" and d.slot == "greeting"
    assert d.location.file.endswith("pack.yaml") and (d.location.line, d.location.col) == (4, 16)
    assert "2 replies" in d.message and "'Hi {{customer.first_name}}, Waiting...' (a)" in d.message


@pytest.mark.parametrize("layout", [
    "name: Test\nchannels:\n  chat:\n    greeting: \"Hi {{ customer.first_name | fallback('there') }},\"\n"
    "    separator: \"\\n\"\n",  # the reply on a line of its own
    "name: Test\nchannels:\n  chat:\n    greeting: \"Hi {{ customer.first_name | fallback('there') }}!\"\n",
    "name: Test\n",  # the default layouts
])
def test_no_run_on_where_the_greeting_ends_a_line_or_a_sentence(make_pack: Any, layout: str) -> None:
    root = make_pack({"a.yaml": script("a", "Waiting on a parcel is frustrating, I know.").replace(
        "[email, chat]", "[email, chat, sms, phone, social]")}, layout)
    assert run(GreetingRunOn, root) == ([], [])


# ---------------------------------------------------------------- SK001


def test_greeting_without_fallback_is_reported_once_per_channel_in_pack_yaml(make_pack: Any) -> None:
    pack_yaml = ("name: Test\nchannels:\n  email:\n    greeting: \"Hi {{ customer.first_name }},\"\n"
                 "    signoff: \"Thanks,\\n{{ agent.first_name }}\"\n")
    root = make_pack({"a.yaml": script("a", "I can see how frustrating this is."),
                      "b.yaml": script("b", "That wait sounds stressful.")}, pack_yaml)
    found, diags = run(PlaceholderWithoutFallback, root)
    assert found == []
    assert len(diags) == 1  # two scripts, one email layout; chat uses the default layout, which has a fallback
    d = diags[0]
    assert d.location.file.endswith("pack.yaml") and d.location.line == 4
    assert d.slot == "greeting" and d.channel == "email" and "in the greeting" in d.message
    assert d.text == "{{customer.first_name}}"


def test_fallback_or_a_placeholder_that_is_never_blank_passes(make_pack: Any) -> None:
    pack_yaml = "name: Test\nchannels:\n  email:\n    greeting: \"Hi {{ customer.first_name | fallback('there') }},\"\n"
    root = make_pack({"a.yaml": script("a", "{{ agent.first_name }} here. I can see how frustrating this is.",
                                       "Your order {{ order.number }} ships today, I'll make sure of it.")},
                     pack_yaml)
    found, diags = run(PlaceholderWithoutFallback, root)
    assert found == [] and diags == []


def test_placeholder_at_sentence_start_or_before_a_comma(make_pack: Any) -> None:
    root = make_pack({
        "a.yaml": script("a", "I'm sorry. {{ customer.first_name }} is on our list today."),
        "b.yaml": script("b", "Thanks {{ customer.first_name }}, I can see how frustrating this is."),
        "c.yaml": script("c", "I can see how frustrating this is for {{ customer.first_name }} and the team."),
    })
    found, _ = run(PlaceholderWithoutFallback, root)
    reasons = {(m.script_id, m.channel): f.message for m, f in found}
    assert set(reasons) == {("a", "email"), ("a", "chat"), ("b", "email"), ("b", "chat")}
    assert "start of a sentence" in reasons[("a", "email")]
    assert "before ','" in reasons[("b", "email")]
    msg, f = next((m, f) for m, f in found if m.script_id == "b")
    loc, slot = msg.locate(f.start)
    assert slot == "acknowledgment" and loc.file.endswith("b.yaml") and loc.line == 4


# ---------------------------------------------------------------- SK002


def test_unused_constant_is_located_at_its_key(make_pack: Any) -> None:
    pack_yaml = ("name: Test\nconstants:\n  refund_window_days: 30\n  support_hours: 9-5\n  company: Acme\n"
                 "channels:\n  email:\n    signoff: \"The {{ company }} team\"\n")
    root = make_pack({"a.yaml": script("a", "I can see how frustrating this is.",
                                       "I'll refund you within {{ refund_window_days }} days, "
                                       "{{ customer.first_name | fallback('support_hours') }}.")}, pack_yaml)
    _, diags = run(UnusedConstant, root)
    assert [d.text for d in diags] == ["support_hours"]  # a string literal is not a use
    assert (diags[0].location.line, diags[0].location.col) == (4, 3)
    assert diags[0].location.file.endswith("pack.yaml")


def test_names_and_blanks_used_by_a_template() -> None:
    text = "{% if vip %}{{ brand | upper }}{% endif %} {{ blank.day }} {{ blank['when'] }} {{ x.y }} 'z'"
    assert names_used(text) >= {"vip", "brand", "upper", "blank", "x"}
    assert "y" not in names_used(text) and "z" not in names_used(text)
    assert blanks_used(text) == {"day", "when"}
    assert names_used("no template here") == set()


# ---------------------------------------------------------------- SK003


def test_unused_blank_is_located_at_its_declaration(make_pack: Any) -> None:
    flex = ("flexibility:\n  guidance: \"Mention {{ blank.courier }} if they ask.\"\n  blanks:\n"
            "    - name: courier\n      prompt: Courier name\n"
            "    - name: delivery_date\n      prompt: The day\n")
    root = make_pack({"a.yaml": script("a", "I can see how frustrating this is.", extra=flex)})
    _, diags = run(UnusedBlank, root)
    assert [d.text for d in diags] == ["delivery_date"]  # used in guidance counts as used
    assert diags[0].location.file.endswith("a.yaml") and diags[0].location.line == 10
    assert diags[0].script_id == "a"


# ---------------------------------------------------------------- SK004


ACK = "I can see how frustrating it is that your refund has not arrived yet"
SOL = "I've chased the refund with our payments team today, and I'll email you by Friday with the result."


def test_identical_and_near_identical_scripts(make_pack: Any) -> None:
    root = make_pack({
        "a.yaml": script("a", ACK + ".", SOL),
        "b.yaml": script("b", ACK + "!", SOL),  # punctuation only: identical once normalised
        "c.yaml": script("c", ACK + ", I know.", SOL),  # one extra word
        "d.yaml": script("d", "Being locked out right before a deadline is so stressful.",
                         "I'll send you a reset link now, and it will work for the next hour."),
    })
    _, diags = run(DuplicateScript, root)
    by_script = {d.script_id: d for d in diags}
    assert set(by_script) == {"b", "c"}
    assert "identical to 'a'" in by_script["b"].message
    assert "% the same as 'a'" in by_script["c"].message
    assert by_script["c"].location.file.endswith("c.yaml") and "a.yaml" in by_script["c"].message
    _, strict = run(DuplicateScript, root, threshold=0.99)
    assert [d.script_id for d in strict] == ["b"]


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b)


def test_near_duplicate_index_finds_exactly_what_all_pairs_would() -> None:
    rng = random.Random(11)
    vocab = [f"w{i}" for i in range(60)]
    base = [frozenset(rng.sample(vocab, rng.randint(8, 30))) for _ in range(60)]
    sets = list(base)
    for s in base[:40]:  # mutate copies a little: some stay above the threshold, some fall below
        items = set(s)
        for _ in range(rng.randint(0, 3)):
            items.discard(rng.choice(sorted(items)))
            items.add(rng.choice(vocab))
        sets.append(frozenset(items))
    rng.shuffle(sets)
    for threshold in (0.6, 0.85):
        found = near_duplicates(sets, threshold)
        expected: dict[int, int] = {}
        for i, j in itertools.combinations(range(len(sets)), 2):
            if j not in expected and _jaccard(sets[i], sets[j]) >= threshold - 1e-12:
                expected[j] = i
        assert {i: j for i, (j, _) in found.items()} == expected
        assert any(sim < 1.0 for _, sim in found.values())


def test_near_duplicates_among_many_copies_of_one_text_do_not_depend_on_where_the_walk_stops(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Copies of one text share most buckets, so candidates are walked in order and the rest
    # counted at once after `_WALK_FIRST` entries (or all at once when there are at most
    # `_COUNT_AT_ONCE`): wherever those switches fall (1: nearly all counted, 10**9: all walked),
    # the earliest candidate that is similar enough must be the one found. Some copies drift
    # below the threshold from the first ones but stay close to later ones.
    from scriptkit.rules import template

    rng = random.Random(5)
    vocab = [f"w{i}" for i in range(200)]
    base = sorted(rng.sample(vocab, 30))
    sets: list[frozenset[str]] = []
    for _ in range(90):
        # (sorted: a frozenset's order follows PYTHONHASHSEED, so which word the edit below replaces,
        # and with it the data the thresholds below are checked on, changed from run to run)
        items = sorted(base if rng.random() < 0.5 or not sets else rng.choice(sets))
        for _ in range(rng.randint(0, 4)):
            items[rng.randrange(len(items))] = rng.choice(vocab)
        sets.append(frozenset(items))
    sets += [frozenset(rng.sample(vocab, 30)) for _ in range(20)]
    rng.shuffle(sets)
    for threshold in (0.85, 0.6):
        results = []
        # (_COUNT_AT_ONCE 0: every candidate list walked; 10**9: every one counted at once, no walk)
        for walk_first, count_at_once in itertools.product((1, 5, 64, 10**9), (0, 40, 10**9)):
            monkeypatch.setattr(template, "_WALK_FIRST", walk_first)
            monkeypatch.setattr(template, "_COUNT_AT_ONCE", count_at_once)
            results.append(near_duplicates(sets, threshold))
        assert all(found == results[0] for found in results)
        found = results[0]
        for i, (j, sim) in found.items():  # each one found is earlier and as similar as it says
            assert j < i and sim == pytest.approx(_jaccard(sets[i], sets[j])) and sim >= threshold - 1e-12
        expected: dict[int, int] = {}
        for i, j in itertools.combinations(range(len(sets)), 2):
            if j not in expected and _jaccard(sets[i], sets[j]) >= threshold - 1e-12:
                expected[j] = i
        same = sum(found.get(i, (None,))[0] == j for i, j in expected.items())
        assert len(expected) > 50 and same >= 0.8 * len(expected)  # (banding misses some earliest pairs)


# words and separators that exercise the pieces a text is cut into: sentence ends followed by a
# space or not, line breaks, runs of both, apostrophes of both kinds, a sign that lower() turns
# into a token letter (the Kelvin sign), digits, and texts of no or one token
_WORDS = st.sampled_from(["I", "can", "see", "it's", "it’s", "refund", "ORDER", "42", "no", "K", "K",
                          "a", "don't", "x'y", "{{ name }}", "é", "-", ""])
_SEPARATORS = st.sampled_from([" ", ". ", "? ", "! ", "\n", ".\n", "  ", ". \n", ",", "'", ".", "\t", "\n\n"])
_TEXTS = st.lists(st.tuples(_WORDS, _SEPARATORS), max_size=40).map(lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXTS, max_size=8), st.sampled_from([0.85, 0.6, 0.3, 1.0]))
@example(["ORDER. no 42 "], 0.85)  # (an id after "no", two tokens past the cut from its "order")
def test_fingerprints_of_many_texts_equal_each_texts_own_fingerprint(texts: list[str], threshold: float) -> None:
    # fingerprints puts a text's shingles and hashes together from its pieces', made once per distinct
    # piece (texts that share pieces exercise that): it must give what the definition gives
    texts = texts + texts[::-1]
    assert fingerprints(texts, threshold) == [fingerprint(t, rows_for(threshold)) for t in texts]
    assert [fp.shingles for fp in fingerprints(texts, threshold)] == [shingles(t) for t in texts]


def test_duplicate_work_on_a_generated_pack_equals_the_definitions(tmp_path: Path) -> None:
    from benchmarks.packgen import generate
    from scriptkit.rules.template import script_text, work_ahead

    pack = load_pack(generate(tmp_path / "pack", 400, seed=5), jobs=1)
    texts = [script_text(s) for s in pack.scripts]
    found = []
    for threshold in (0.85, 0.6, 0.3):  # 48 bins (most full), then 12 (many texts fill every bin)
        assert fingerprints(texts, threshold) == [fingerprint(t, rows_for(threshold)) for t in texts]
        ahead = work_ahead(pack.scripts, threshold)
        assert ahead.scripts is pack.scripts
        assert ahead.matches == near_duplicates([shingles(t) for t in texts], threshold)
        found.append(len(ahead.matches))
    assert found[0] < found[1] < found[2]


def test_shingles_ignore_case_punctuation_and_short_texts() -> None:
    assert shingles("Hello, World! How are you?") == shingles("hello world how are you")
    assert shingles("Hi") == frozenset({"hi"})
    assert shingles("Hi there you") == frozenset({"hi there", "there you"})
    assert shingles("") == frozenset()
