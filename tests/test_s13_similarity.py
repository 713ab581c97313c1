"""duplicate-script's exact similarity join against all pairs, compared one by one."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from scriptkit import load_pack
from scriptkit.config import load_config
from scriptkit.linting import lint_pack
from scriptkit.rules.template import JoinStats, _near_duplicates, fingerprints, near_duplicates, script_text, shingles


def all_pairs(sets: list[frozenset[str]], threshold: float) -> dict[int, tuple[int, float]]:
    """What SK004 reports, by definition: for each non-empty set, the first identical earlier set
    (similarity 1.0), else the earliest earlier one whose Jaccard similarity reaches ``threshold``."""
    found: dict[int, tuple[int, float]] = {}
    for i, own in enumerate(sets):
        if not own:
            continue
        same = next((j for j in range(i) if sets[j] == own), None)
        if same is not None:
            found[i] = (same, 1.0)
            continue
        for j, other in enumerate(sets[:i]):
            if other:
                inter = len(own & other)
                sim = inter / (len(own) + len(other) - inter)
                if sim >= threshold:
                    found[i] = (j, sim)
                    break
    return found


_VOCAB = [f"w{i}" for i in range(40)]


@st.composite
def packs_of_sets(draw: st.DrawFn) -> list[frozenset[str]]:
    """A few base sets, then copies of earlier sets with a few words changed (near-duplicates on both
    sides of any threshold), exact copies, empty and one-word sets."""
    sets: list[frozenset[str]] = []
    for _ in range(draw(st.integers(1, 30))):
        kind = draw(st.sampled_from(["new", "edit", "edit", "copy", "empty", "one"]))
        if kind == "new" or not sets:
            sets.append(frozenset(draw(st.lists(st.sampled_from(_VOCAB), max_size=25))))
        elif kind == "copy":
            sets.append(draw(st.sampled_from(sets)))
        elif kind == "empty":
            sets.append(frozenset())
        elif kind == "one":
            sets.append(frozenset([draw(st.sampled_from(_VOCAB))]))
        else:
            items = sorted(draw(st.sampled_from(sets)))
            for _ in range(draw(st.integers(1, 3))):
                if items and draw(st.booleans()):
                    items.pop(draw(st.integers(0, len(items) - 1)))
                else:
                    items.append(draw(st.sampled_from(_VOCAB)))
            sets.append(frozenset(items))
    return sets


_THRESHOLDS = st.one_of(st.sampled_from([0.85, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0, 0.0, 2 / 3, 0.75]),
                        st.floats(0.01, 1.0))


@settings(max_examples=400, deadline=None)
@given(packs_of_sets(), _THRESHOLDS)
def test_the_join_finds_what_all_pairs_find(sets: list[frozenset[str]], threshold: float) -> None:
    assert near_duplicates(sets, threshold) == all_pairs(sets, threshold)


# script texts: words that repeat (so texts share bigrams), sentence ends and line breaks (where the
# texts are cut into pieces), one-word and empty texts
_WORDS = st.sampled_from(["I", "can", "see", "your", "refund", "order", "42", "is", "late", "today", "it's",
                          "we", "sent", "it", "Monday", ""])
_SEPARATORS = st.sampled_from([" ", ". ", "? ", "\n", ", ", "  "])
_TEXTS = st.lists(st.tuples(_WORDS, _SEPARATORS), max_size=30).map(lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=200, deadline=None)
@given(st.lists(_TEXTS, max_size=12), _THRESHOLDS, st.randoms(use_true_random=False))
def test_the_join_on_script_texts_finds_what_all_pairs_find(texts: list[str], threshold: float, rng: Any) -> None:
    texts = texts + [t + " today" for t in texts if rng.random() < 0.5] + texts[: rng.randint(0, len(texts))]
    expected = all_pairs([shingles(t) for t in texts], threshold)
    assert _near_duplicates(fingerprints(texts), threshold) == expected


def test_a_pair_exactly_at_the_threshold_is_found() -> None:
    # 17 of 20 shingles: 0.85 exactly, where t*n and t/(1+t)*(n+m) are computed with rounding
    base = frozenset(f"w{i}" for i in range(20))
    sub = frozenset(f"w{i}" for i in range(17))
    assert near_duplicates([base, sub], 0.85) == {1: (0, 0.85)}
    assert near_duplicates([sub, base], 0.85) == {1: (0, 0.85)}
    assert near_duplicates([base, frozenset(f"w{i}" for i in range(16))], 0.85) == {}


def test_thousands_of_near_copies_compare_each_copy_once() -> None:
    # a templated library: one reply for order 1, 2, 3...; each copy is similar to the first one,
    # which the join compares first (counting every earlier copy for each new one was quadratic)
    copies = [f"Thanks for waiting. Order {n} ships today from our Leeds warehouse and I'll email you "
              f"the tracking number by Friday, along with the name of the courier and the time slot they "
              f"gave us for your street." for n in range(5000)]
    stats = JoinStats()
    found = _near_duplicates(fingerprints(copies), 0.85, stats)
    assert found.keys() == set(range(1, 5000)) and {j for j, _ in found.values()} == {0}
    # (counting every earlier copy's index entries for each copy would read about 50 million)
    assert stats.compared == 4999 and stats.entries < 1000 * 5000


def test_form_letters_below_the_threshold_are_not_compared_one_by_one() -> None:
    # every letter fills the same frame anew: pairs share most words yet stay below 0.85, so the count
    # bounds turn nearly all of them away before a comparison
    days, items = ["Monday", "Tuesday", "Friday"], ["kettle", "lamp", "jacket", "router"]
    letters = [f"Hi {n}, your {items[n % 4]} left on {days[n % 3]}. Order {n} reaches you in {n % 5 + 2} days "
               f"and ref {n * 7} tracks it. Thanks for waiting, {items[n % 3]} fans." for n in range(2000)]
    stats = JoinStats()
    found = _near_duplicates(fingerprints(letters), 0.85, stats)
    assert {i: m for i, m in found.items() if i < 300} == all_pairs([shingles(t) for t in letters[:300]], 0.85)
    assert stats.compared < 2000


def test_sk004_on_a_pack_reports_the_earliest_similar_script(make_pack: Any) -> None:
    ack = "I can see how frustrating it is that your refund has not arrived yet"
    sol = "I've chased the refund with our payments team today, and I'll email you by Friday with the result."
    scripts = {
        "a.yaml": ("a", "Being locked out right before a deadline is so stressful.", "I'll send a reset link now."),
        "b.yaml": ("b", ack + ", I know.", sol),
        "c.yaml": ("c", ack + ".", sol),
        "d.yaml": ("d", ack + "!", sol),
        "e.yaml": ("e", "", ""),
    }
    root = make_pack({name: (f"id: {sid}\ntitle: {sid}\nchannels: [email]\nacknowledgment: \"{a}\"\n"
                             f"solution: \"{s}\"\n") for name, (sid, a, s) in scripts.items()})
    pack = load_pack(root)
    result = lint_pack(pack, load_config(pack).override(grammar="off"), jobs=1)
    said = {d.script_id: d.message for d in result.diagnostics if d.code == "SK004"}
    texts = [script_text(s) for s in pack.scripts]
    expected = all_pairs([shingles(t) for t in texts], 0.85)
    # d is c word for word (punctuation aside): it points at c as identical, though b came first
    assert {pack.scripts[i].id: pack.scripts[j].id for i, (j, _) in expected.items()} == {"c": "b", "d": "c"}
    assert set(said) == {"c", "d"} and "% the same as 'b'" in said["c"] and "identical to 'c'" in said["d"]
