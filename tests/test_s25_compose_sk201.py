"""SK201: where one listed phrase's rewrite leaves words another reports ("Could you kindly advise if" ->
"Could you please advise if" meets "please advise"), the fix is the rewrite of the whole ("Could you let me
know if"), offered as one safe fix; where no clean one exists it stays a suggestion. Never a fix SK201 reports
again."""

from __future__ import annotations

from itertools import product
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.models import Pack, PackMeta, Script
from scriptkit.rendering import render_script
from scriptkit.rules import lexicon
from scriptkit.rules.base import Finding, RuleContext
from scriptkit.rules.warmth import CorporatePhrase

ENV = {"NO_COLOR": "1", "COLUMNS": "200"}
ACK = "I can see how worrying the wait has been."


def findings(solution: str) -> tuple[str, list[Finding]]:
    script = Script(id="t", title="T", acknowledgment=ACK, solution=solution)
    pack = Pack(meta=PackMeta(name="t"), scripts=[script])
    message = render_script(pack, script, "email")
    return message.text, list(CorporatePhrase().check(message, RuleContext(pack, dict(CorporatePhrase.options))))


def fixed(solution: str) -> str:
    """The solution with its first SK201 fix applied (asserting it has one)."""
    text, found = findings(solution)
    [f] = [f for f in found if f.replacement is not None]
    assert f.replacement is not None
    at = text.index(solution)
    return (text[:f.start] + f.replacement + text[f.end:])[at:].split("\n")[0]


def test_a_request_stacked_on_please_advise_is_fixed_whole() -> None:
    assert fixed("Could you kindly advise if the parcel arrived?") == "Could you let me know if the parcel arrived?"
    assert fixed("Would you kindly advise whether it came?") == "Would you let me know whether it came?"


def test_the_whole_rewrite_is_said_as_the_suggestion() -> None:
    _, [f] = findings("Could you kindly advise if the parcel arrived?")
    assert f.suggestion == '"Could you let me know"'
    assert f.message.startswith('corporate phrase "Could you kindly advise":')  # (the stretch it rewrites)


def test_a_stacked_request_with_no_drop_in_stays_a_suggestion() -> None:
    # "please advise your bank" means "tell", which has no safe rewrite: a person words it
    _, found = findings("Could you kindly advise your bank that the card is blocked?")
    assert found and all(f.replacement is None for f in found)


def test_check_fix_applies_the_whole_rewrite_once(make_pack: Any) -> None:
    script = (f"id: late\ntitle: Late\nacknowledgment: {ACK}\n"
              "solution: Could you kindly advise if the parcel arrived?\n")
    root = make_pack({"late.yaml": script})
    done = CliRunner().invoke(main, ["check", str(root), "--fix", "--grammar", "off"], env=ENV)
    assert done.exit_code in (0, 1), done.output
    written = (root / "scripts" / "late.yaml").read_text(encoding="utf-8")
    assert "solution: Could you let me know if the parcel arrived?" in written
    again = CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--select", "SK201"], env=ENV)
    assert "SK201" not in again.output


def _literal_phrases() -> list[str]:
    entries = lexicon.data("corporate_phrases.yaml")["phrases"]
    return [str(e["phrase"]).rstrip("*") for e in entries if not str(e["phrase"]).startswith("re:")]


HEADS = ["Could you kindly", "Would you kindly", "Can you kindly", "Will you kindly", "Please kindly", "Kindly",
         "We kindly ask you to", "Please"]
TAILS = ["advise if it came", "advise whether it came", "advise your bank", "revert", "revert back to us",
         "find attached the label", "note that it ships", "be advised that it ships", "be aware that it ships",
         "confirm receipt of the label", "confirm receipt", "do not hesitate to contact us", "refer to the guide",
         "kindly advise if it came", "feel free to contact us"]


def _meeting_sentences() -> list[str]:
    """Sentences where two listed phrases meet: literal phrases whose words overlap (the end of one is the start
    of the other), and request words stacked on a request."""
    words = [p.split() for p in _literal_phrases()]
    out = []
    for p, q in product(words, words):
        for k in range(1, min(len(p), len(q))):
            if [w.lower() for w in p[-k:]] == [w.lower() for w in q[:k]]:
                out.append(" ".join(p + q[k:]))
    out += [f"{h} {t}" for h, t in product(HEADS, TAILS)]
    return [s[0].upper() + s[1:] + " today." for s in out]


def test_no_fix_where_phrases_meet_is_reported_again() -> None:
    sentences = _meeting_sentences()
    assert len(sentences) > 100
    for sentence in sentences:
        text, found = findings(sentence)
        for f in found:
            if f.replacement is None:
                continue
            at = text.index(sentence)
            after = text[:f.start] + f.replacement + text[f.end:]
            a, b = f.start, f.start + len(f.replacement)
            # (the message renders the same up to the solution, so offsets agree)
            rendered, again = findings(after[at:].split("\n")[0])
            assert rendered[:b] == after[:b]
            assert not [g for g in again if g.start < b and g.end > a], \
                (sentence, f.replacement, [rendered[g.start:g.end] for g in again])


def test_the_starter_example_is_unchanged(tmp_path: Path) -> None:
    assert fixed("Kindly send a photo of the label.") == "Please send a photo of the label."


def test_phrases_sharing_a_word_the_sentence_needs_stay_a_suggestion() -> None:
    # "assist with" -> "help with" meets "with regard to", whose "about" would leave "help about your refund"
    _, found = findings("We can assist with regard to your refund.")
    assert "help about" not in " ".join(f.replacement or "" for f in found)


def test_a_phrase_inside_a_whole_rewrite_is_no_second_finding() -> None:
    # ("revert back" is inside "Could you kindly revert back": one finding, one fix, and --fix's count says so)
    _, found = findings("Could you kindly revert back to us today?")
    assert [(f.message.split(":")[0], f.replacement) for f in found] == [
        ('corporate phrase "Could you kindly revert back"', "Could you please reply")]
