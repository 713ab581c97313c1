"""A fix never writes what the same rule reports: ``check --fix`` turned "Kindly be informed that" into "Please be
informed that", which SK201 then reported. A "kindly" stacked on a phrase of its own is now found whole, with the
rewrite of the whole, and every SK201 entry with a fix is held to it, alone and before any entry that its rewrite
could start (so a new entry is too)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit import lint_text
from scriptkit.cli import main
from scriptkit.diagnostics import Diagnostic, Edit
from scriptkit.rules.lexicon import table

Context = tuple[str, int, int, dict[str, Any]]  # a sentence, the span an entry matches in it, the entry

#: sentences a literal phrase is put in: a request or notice opens a sentence, a linking word sits inside one
CARRIERS = ("{P} we'll send the new card today.", "Hi Sam, {p} the parcel left on Monday.",
            "Thanks for the photo. {P} the refund goes out today.", "I'll look at the order {p} the weekend.",
            "Could you send {p} the receipt?", "The {p} is ready.")

#: a sentence for each regular-expression entry (a test below asks for one: add it with the entry)
EXAMPLES = (
    "Thanks in advance for your patience and understanding.",
    "We really appreciate your understanding while the warehouse checks it.",
    "Thank you for your understanding, and have a good weekend.",
    "Thank you for your understanding and cooperation with the checks.",
    "I'm happy to assist you with the return.",
    "I'd be glad to assist you in choosing the right size.",
    "We apologise for the mix-up with your order.",
    "Kindly send a photo of the label.",
    "Please kindly send a photo of the label.",
    "We kindly ask you to send a photo of the card.",
    "Could you be kind enough to send a photo of the card?",
    "Would you be so kind as to check the label?",
    "I would kindly request that you reply by Friday.",
    "We kindly remind you that the offer ends today.",
    "You are kindly requested to sign the form.",
    "Kindly be informed that the item is out of stock.",
    "Please kindly note that the store is shut on Monday.",
    "We kindly ask you to take note that the store is shut.",
    "Kindly be informed the store is shut on Monday.",
    "Kindly be aware that the store closes at five.",
    "Kindly advise if the parcel turns up.",
    "Kindly advise your bank that the money is coming.",
    "Kindly revert with the tracking number.",
    "Kindly find attached the invoice.",
    "Kindly find enclosed the invoice.",
    "Kindly find below the steps.",
    "Kindly refer to the guide.",
    "Kindly confirm receipt of the card.",
    "Kindly confirm receipt.",
    "Kindly do not hesitate to contact us.",
    "Kindly accept our sincere regrets.",
    "I've attached the invoice for your information.",
    "For your information the store opens at nine.",
    "I've refunded the said order today.",
    "Please revert with the tracking number.",
    "I'll revert back to you tomorrow.",
    "We'll revert back shortly.",
    "Please advise if the parcel turns up.",
    "Please advise your card issuer that the money is coming.",
    "A number of the older orders take 3 days.",
    "A number of customers got it next day.",
    "We had a number of very late deliveries this week.",
    "The majority of the payments land within 2 days.",
    "The majority of customers get it next day.",
    "We endeavour to reply within a day.",
    "We endeavor to reply within a day.",
    "You may require a new password.",
    "The form requires a signature.",
    "We require you to send ID.",
    "The plan requires you to sign in.",
    "The law requires that we keep the record.",
    "Thanks for your assistance with the return.",
    "We're happy to offer assistance.",
    "Our assistance team will call you.",
    "It takes approximately 3 days.",
    "How many do you approximately have?",
    "You have sufficient credit for the order.",
    "You need a sufficient amount of credit.",
    "You can purchase a new cable in the app.",
    "We'll refund the customer today.",
    "You are required to send a photo of your ID.",
    "If you are required to send ID, we'll email you.",
    "You'll get a complimentary upgrade next time.",
    "The bag is complimentary.",
    "Upon arrival, the parcel is scanned.",
    "Thus, I've refunded the fee.",
    "The payment was thus held up by the bank.",
    "Hence, I've refunded the fee.",
    "The delay, hence the refund.",
    "Therefore, I've refunded the fee.",
    "The refund is therefore delayed.",
    "Nevertheless, I've refunded the fee.",
    "The parcel nevertheless arrived late.",
    "In addition to this, I've added a voucher.",
    "In the event that you require any further assistance, just reply.",
    "In the unlikely event that you have any further queries, just reply.",
    "As per our records, your plan renewed on the 3rd.",
    "I'll ascertain whether it shipped.",
    "I'll ascertain the cause today.",
    "The parcel is lost; therefore, you'll get a refund.",
    "The parcel is lost, therefore we'll refund it.",
    "I'm writing in relation to your order.",
    "Please contact us pertaining to your refund.",
)

TABLE = table("corporate_phrases.yaml")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _contexts() -> Iterator[Context]:
    """Each entry where it is found: literal phrases in the carriers, the others in the examples."""
    for entry in TABLE.entries:
        if not entry["phrase"].startswith("re:"):
            phrase = entry["phrase"].rstrip("*")
            for carrier in CARRIERS:
                sentence = carrier.format(p=phrase, P=_capital(phrase))
                yield from ((sentence, a, b, e) for a, b, e in TABLE.finditer(sentence) if e is entry)
    for sentence in EXAMPLES:
        yield from ((sentence, a, b, e) for a, b, e in TABLE.finditer(sentence))


CONTEXTS = list(_contexts())


def _sk201(text: str) -> list[Diagnostic]:
    return [d for d in lint_text(text).diagnostics if d.code == "SK201"]


def _fixes_of(text: str, start: int, end: int) -> list[Edit]:
    """The edits of SK201's fixes that rewrite the words at [start, end) of ``text``."""
    return [edit for d in _sk201(text) if d.fix is not None for edit in d.fix.edits
            if edit.start <= start and end <= edit.end]


def _reported_again(text: str, edit: Edit) -> list[str]:
    """What SK201 reports in the words ``edit`` writes into ``text``, once written."""
    fixed = text[:edit.start] + edit.replacement + text[edit.end:]
    start, end = edit.start, edit.start + len(edit.replacement)
    found = []
    for d in _sk201(fixed):
        at = d.location.col - 1  # (one line: a column is an offset)
        if at < end and at + len(d.text) > start:
            found.append(f"{text!r} -> {fixed!r}: SK201 reports {d.text!r}")
    return found


def test_every_regex_entry_has_an_example() -> None:
    found = {id(entry) for *_, entry in CONTEXTS}
    missing = [e["phrase"] for e in TABLE.entries if e["phrase"].startswith("re:") and id(e) not in found]
    assert missing == [], "add a sentence each of these match to EXAMPLES"


def test_no_fix_writes_a_phrase_that_is_reported_again() -> None:
    tried: set[int] = set()
    wrong: list[str] = []
    for sentence, start, end, entry in CONTEXTS:
        if entry.get("safe") and not entry.get("only_locale"):
            for edit in _fixes_of(sentence, start, end):
                tried.add(id(entry))
                wrong += _reported_again(sentence, edit)
    assert wrong == []
    # every entry with a fix was fixed somewhere (those for one locale are tried in a pack that sets it, below)
    assert [e["phrase"] for e in TABLE.entries if e.get("safe") and not e.get("only_locale")
            and id(e) not in tried] == []


def test_no_fix_writes_the_start_of_a_phrase_that_is_reported() -> None:
    """An entry's rewrite before the rest of another entry that starts with it ("kindly" -> "please" before "be
    informed that", "in the event that" -> "if" before "you have any further queries") is found whole, with a
    rewrite of the whole, or not fixed: never rewritten into the other phrase."""
    instances: dict[int, set[str]] = {}  # what each entry with a fix matches, as written
    for sentence, start, end, entry in CONTEXTS:
        if entry.get("safe") and entry.get("replacement"):
            instances.setdefault(id(entry), set()).add(" ".join(sentence[start:end].lower().split()))
    wrong: list[str] = []
    tried = 0
    for entry in TABLE.entries:
        rewrite = str(entry.get("replacement", "")).lower()
        if not entry.get("safe") or not rewrite or entry.get("only_locale"):
            continue
        for sentence, start, end, other in CONTEXTS:
            words = " ".join(sentence[start:end].split())
            if not re.match(re.escape(rewrite) + r"(?!\w)", words, re.IGNORECASE) or len(words) == len(rewrite):
                continue
            for instance in instances.get(id(entry), ()):
                rest = words[len(rewrite):]
                if rest.split()[0].lower() in instance.split():
                    continue  # (a word twice, no sentence: "kindly kindly send", "we kindly ask you to kindly send")
                written = _capital(instance) if sentence[start].isupper() else instance
                text = sentence[:start] + written + rest + sentence[end:]
                tail = start + len(written)
                if any(e is other and a < tail + len(rest) and b > tail for a, b, e in TABLE.finditer(text)):
                    continue  # (the other phrase is there before the fix too: the fix did not write it)
                for edit in _fixes_of(text, start, tail):
                    tried += 1
                    wrong += _reported_again(text, edit)
    assert wrong == []
    assert tried > 50  # (the pairs are found: a rewrite in the list starts several others)


@pytest.mark.parametrize(("sentence", "reported", "fixed"), [
    # a notice with "kindly" on it: the whole is reported, and "just so you know" offered, as for "please be ..."
    ("Kindly be informed that we'll notify you once it's back.", "Kindly be informed that", None),
    ("Kindly be advised that we'll notify you once it's back.", "Kindly be advised that", None),
    ("Kindly be noted that the item ships Monday.", "Kindly be noted that", None),
    ("Please kindly note that the item ships Monday.", "Please kindly note that", None),
    ("We kindly ask you to note that the item ships Monday.", "We kindly ask you to note that", None),
    ("Kindly take note that the item ships Monday.", "Kindly take note that", None),
    ("Please be noted that the item ships Monday.", "Please be noted that", None),
    # ... and fixed where the "please" form is: with its rewrite, in one step
    ("Kindly be aware that the store closes at five.", "Kindly be aware that",
     "Just a heads-up that the store closes at five."),
    ("Kindly advise if the parcel turns up.", "Kindly advise", "Let me know if the parcel turns up."),
    ("Please kindly revert with the number.", "Please kindly revert", "Please reply with the number."),
    ("Kindly confirm receipt of the card.", "Kindly confirm receipt of", "Please let me know you got the card."),
    ("In the event that you have any further queries, just reply.",
     "In the event that you have any further queries", "If anything else comes up, just reply."),
    # a request "kindly" on its own is still "please"
    ("Kindly send a photo of the label.", "Kindly", "Please send a photo of the label."),
    ("Please kindly send a photo of the label.", "Please kindly", "Please send a photo of the label."),
    ("Kindly note the new address below.", "Kindly", "Please note the new address below."),
])
def test_a_stacked_phrase_is_reported_whole(sentence: str, reported: str, fixed: str | None) -> None:
    [finding] = _sk201(sentence)
    assert finding.text == reported
    out = sentence
    if finding.fix is not None:
        for edit in sorted(finding.fix.edits, key=lambda e: -e.start):
            out = out[:edit.start] + edit.replacement + out[edit.end:]
    assert out == (fixed if fixed is not None else sentence)
    assert [d.text for d in _sk201(out)] == ([] if fixed is not None else [reported])


def test_check_fix_leaves_nothing_it_made_for_check_to_report(make_pack: Any) -> None:
    # the support lead's reply, as imported from a CSV
    root = make_pack({"d.yaml": (
        "id: d\ntitle: D\nchannels: [email]\nacknowledgment: ''\nsolution: |-\n  Hi,\n\n"
        "  Unfortunately the item is out of stock. Kindly be informed that we will notify you once it is "
        "available. Sorry for the inconvenience!\n")})
    runner = CliRunner()
    before = runner.invoke(main, ["check", str(root), "--grammar", "off"], env={"NO_COLOR": "1"})
    assert 'corporate phrase "Kindly be informed that"' in before.output, before.output
    fixed = runner.invoke(main, ["check", "--fix", str(root), "--grammar", "off"], env={"NO_COLOR": "1"})
    assert "Traceback" not in fixed.output
    script = (root / "scripts" / "d.yaml").read_text(encoding="utf-8")
    assert "Kindly be informed that we'll notify you once it's available." in script  # (SK203's fixes, not SK201's)
    after = runner.invoke(main, ["check", str(root), "--grammar", "off"], env={"NO_COLOR": "1"})
    reported = re.findall(r'corporate phrase "([^"]+)"', after.output)
    assert reported == ["Kindly be informed that"], after.output  # as before: nothing new, no "Please be informed"


def test_an_entry_for_one_locale_is_not_reported_again_after_its_fix(make_pack: Any, tmp_path: Path) -> None:
    local = [e for e in TABLE.entries if e.get("safe") and e.get("only_locale")]
    assert local  # ("whilst", "amongst" in a US pack)
    for entry in local:
        phrase = entry["phrase"].rstrip("*")
        root = make_pack({"a.yaml": f"id: a\ntitle: A\nacknowledgment: I can see the wait is a worry.\n"
                                    f"solution: I'll ring you tomorrow {phrase} the engineer is there.\n"},
                         pack_yaml=f"name: Test pack\nlocale: {entry['only_locale']}\n")
        runner = CliRunner()
        before = runner.invoke(main, ["check", str(root), "--grammar", "off"], env={"NO_COLOR": "1"})
        assert f'corporate phrase "{phrase}"' in before.output, before.output
        runner.invoke(main, ["check", "--fix", str(root), "--grammar", "off"], env={"NO_COLOR": "1"})
        script = (root / "scripts" / "a.yaml").read_text(encoding="utf-8")
        assert phrase not in script
        after = runner.invoke(main, ["check", str(root), "--grammar", "off"], env={"NO_COLOR": "1"})
        assert "SK201" not in after.output, after.output
