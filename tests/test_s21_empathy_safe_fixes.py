"""A safe fix of SK201 never swaps one finding for another: "Kindly be patient" asks the customer for patience, which
SK305 reports as it reports "Please be patient" (with a warmer rewrite as its advice), so SK201 offers no "Please"
there; and every safe entry's rewrite, put in a reply, draws no language or empathy finding (SK2xx, SK3xx) that the
words it replaced did not."""

from __future__ import annotations

import collections
import json
import textwrap
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit import lint_text
from scriptkit.cli import main
from scriptkit.rules.lexicon import table

ACK = "I can see how frustrating the wait has been."
FIX = "I've sent a new one today, and it will be with you by Friday."


def review(tmp_path: Path, body: str) -> list[dict[str, Any]]:
    reply = tmp_path / "reply.txt"
    reply.write_text(f"Hi Priya,\n\n{body}\n\nTom\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off", "--format", "json"],
                             env={"NO_COLOR": "1"})
    assert run.exit_code in (0, 1), run.output
    found: list[dict[str, Any]] = json.loads(run.stdout)["diagnostics"]
    return found


@pytest.mark.parametrize(("body", "words"), [
    ("Kindly be patient while we look into it.", "Kindly be patient"),
    ("Please kindly be patient while we look into it.", "Please kindly be patient"),
    ("We ask that you kindly be a little patient.", "kindly be a little patient"),
    ("Please be patient while we look into it.", "Please be patient"),
])
def test_asking_for_patience_is_reported_once_with_a_warmer_rewrite_and_no_fix(tmp_path: Path, body: str,
                                                                                words: str) -> None:
    found = review(tmp_path, f"{ACK} {body} {FIX}")
    assert [(d["code"], d["text"]) for d in found if d["code"] in ("SK201", "SK305")] == [("SK305", words)]
    (sk305,) = [d for d in found if d["code"] == "SK305"]
    assert "Thanks for bearing with us" in sk305["suggestion"]
    assert sk305.get("fix") is None


def test_check_fix_leaves_kindly_be_patient_for_the_writer(make_pack: Any) -> None:
    root = make_pack({"a.yaml": textwrap.dedent(f"""\
        id: wait
        title: Wait
        channels: [email]
        acknowledgment: {ACK}
        warm_language: Kindly be patient while we look into it.
        solution: {FIX}
        """)})
    run = CliRunner().invoke(main, ["check", "--fix", str(root)], env={"NO_COLOR": "1"})
    assert run.exit_code in (0, 1), run.output
    assert "warm_language: Kindly be patient while we look into it." in (root / "scripts" / "a.yaml").read_text()
    assert "SK305" in run.output
    # "kindly" in any other request is still made "please" by the same run
    root = make_pack({"a.yaml": f"id: w\ntitle: W\nacknowledgment: {ACK}\nsolution: Kindly send a photo today.\n"})
    CliRunner().invoke(main, ["check", "--fix", str(root)], env={"NO_COLOR": "1"})
    assert "solution: Please send a photo today." in (root / "scripts" / "a.yaml").read_text()


# one sentence for each safe regex entry (a literal entry is put in carriers of its own, below)
REGEX_SAMPLES = (
    "I'll ascertain whether it shipped.",
    "The parcel is lost; therefore, you'll get a refund.",
    "The parcel is lost, therefore we'll refund it.",
    "Kindly send a photo of the label.",
    "I'm happy to assist you with the return.",
    "Please kindly send a photo of the label.",
    "We kindly ask you to send a photo of the label.",
    "For your information, the parcel left our warehouse today.",
    "I've cancelled the said order for you.",
    "Please revert with the order number.",
    "I'll revert back to you tomorrow with the tracking.",
    "Please advise if the parcel turns up.",
    "A number of the orders shipped late.",
    "A number of customers wrote in today.",
    "The majority of the refunds land in two days.",
    "The majority of customers get it next day.",
    "We endeavour to reply within a day.",
    "We endeavor to reply within a day.",
    "We require a photo of the label.",
    "The return requires a photo of the label.",
    "Thanks for your assistance with the photos.",
    "It takes approximately 3 days.",
    "You have sufficient credit for the order.",
    "You are required to send a photo of your ID.",
    "If you are required to send ID, we'll email you.",
    "You get a complimentary upgrade next time.",
    "Upon arrival, check the box for damage.",
    "Thus, I've refunded the fee.",
    "Hence, I've refunded the fee.",
    "Therefore, I've refunded the fee.",
    "The parcel nevertheless arrived late.",
    "Nevertheless, the parcel arrived late.",
    "In addition to this, I've added a voucher.",
    "Kindly be patient while we look into it.",
    "Kindly be aware that the parcel left our warehouse today.",
    "Kindly advise if the parcel turns up.",
    "Kindly revert with the order number.",
    "Kindly confirm receipt of the new card.",
    "Kindly confirm receipt when the parcel arrives.",
    "Could you be kind enough to send the receipt?",
    "Would you be so kind as to check the address on the parcel?",
)
CARRIERS = ("{P} the parcel left our warehouse today.", "I've checked the order, and {p} it will arrive on Friday.",
            "{P}.")


def _safe_entries() -> list[dict[str, Any]]:
    return [e for e in table("corporate_phrases.yaml").entries if e.get("safe")]


def _sentences() -> list[str]:
    out = list(REGEX_SAMPLES)
    for e in _safe_entries():
        if not e["phrase"].startswith("re:"):
            p = e["phrase"].rstrip("*")
            out += [c.format(P=p[0].upper() + p[1:], p=p) for c in CARRIERS]
    return out


def _language_codes(text: str) -> collections.Counter[str]:
    return collections.Counter(d.code for d in lint_text(text).diagnostics if d.code[:3] in ("SK2", "SK3"))


def test_every_safe_regex_entry_has_a_sample() -> None:
    tbl = table("corporate_phrases.yaml")
    sampled = {id(e) for s in REGEX_SAMPLES for _, _, e in tbl.finditer(s)}
    assert [e["phrase"][:60] for e in _safe_entries() if e["phrase"].startswith("re:") and id(e) not in sampled] == []


@pytest.mark.timeout(300)
def test_no_safe_fix_swaps_one_finding_for_another() -> None:
    swapped = []
    for sentence in _sentences():
        for text in (f"{ACK} {sentence} {FIX}", f"{sentence} {FIX}"):  # (alone, it may be the acknowledgment)
            _swaps(text, sentence, swapped)
    assert swapped == []


def _swaps(text: str, sentence: str, swapped: list[tuple[str, dict[str, int]]]) -> None:
    edits = sorted((e for d in lint_text(text).diagnostics if d.code == "SK201" and d.fix is not None
                    for e in d.fix.edits), key=lambda e: -e.start)
    fixed = text
    for edit in edits:
        fixed = fixed[:edit.start] + edit.replacement + fixed[edit.end:]
    if fixed != text and (new := _language_codes(fixed) - _language_codes(text)):
        swapped.append((sentence, dict(new)))
