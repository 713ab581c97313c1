"""A macro that is not a whole reply (a bare list, a line with no finished sentence: a building block of a
compose-from-parts library) was judged as one: a list of four documents scored 25 with "no owner", "no time
frame" and a reading grade, and topped the worst list of the library. The audit now labels it a fragment, judges
it on its phrases only, and ranks it apart from the whole replies, out of the library's mean."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from click.testing import CliRunner

from scriptkit.audit import audit_library, fragment_kind
from scriptkit.cli import main

WHOLE = ("Hi there,\n\nI'm so sorry your parcel is late, I know how frustrating the wait is. I've asked the courier to "
         "chase it today and I'll email you by Friday with where it is. If it hasn't moved by then, I'll send a new "
         "one the same day.\n\nThanks,\nSam")
LISTED = ("Thanks for getting in touch! We can accept any one of these as proof of your address:\n- a utility bill\n"
          "- a bank letter\nSend a photo of one here and I'll check it within a day.")
ROWS = [
    ("late-parcel", "Late parcel", WHOLE),
    ("proofs", "Proof of address", "-Utility bill\n-Bank letter\n-Council tax notice\n-Tenancy agreement"),
    ("sorry-line", "Sorry (short)", "Apologies for any inconvenience caused"),
    ("noted", "Noted", "Noted."),
    ("heading", "Case heading", "Your question about the March invoice and delivery"),
    ("lead-in", "Proofs with lead-in", LISTED),
]
#: the judgements of a whole reply that a part of one cannot meet
WHOLE_REPLY_ONLY = {"missing-solution", "no-next-step", "no-owner", "no-time-frame", "low-reading-ease",
                    "high-grade-level", "missing-acknowledgment", "sympathy-without-action", "no-warm-language",
                    "no-flexibility", "email-length"}


def _jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "library.jsonl"
    path.write_text("".join(json.dumps({"id": i, "title": t, "body": b}) + "\n" for i, t, b in ROWS),
                    encoding="utf-8")
    return path


def test_fragments_are_labelled_judged_on_their_phrases_and_kept_out_of_the_mean(tmp_path: Path) -> None:
    report = audit_library(_jsonl(tmp_path))
    by_id = {m.export_id: m for m in report.macros}  # (the sheet's id column)
    assert by_id["proofs"].fragment == "a list with no reply around it"
    assert by_id["heading"].fragment == "fragment: 8 words, no sentence"
    assert by_id["sorry-line"].fragment == "fragment: 5 words, no sentence"
    assert by_id["late-parcel"].fragment is None and by_id["lead-in"].fragment is None
    # a finished sentence is a reply, however short: it may be all a customer gets, so it is judged and ranks low
    noted = by_id["noted"]
    assert noted.fragment is None and noted.overall is not None and noted.overall < 30
    for ident in ("proofs", "heading", "sorry-line"):
        m = by_id[ident]
        assert m.judged_in_part and m.overall is None
        assert not {d.name for d in m.diagnostics} & WHOLE_REPLY_ONLY, m.diagnostics
    # (a phrase-level finding stays, and costs its practice)
    sorry = by_id["sorry-line"]
    assert "impersonal-apology" in {d.name for d in sorry.diagnostics}
    assert (sorry.scores["warm_language"] or 100) < 100
    whole = [by_id["late-parcel"], by_id["lead-in"], noted]
    assert {m.export_id for m in report.judged_in_full} == {"late-parcel", "lead-in", "noted"}
    assert report.overall == round(sum(m.held_mean for m in whole) / 3, 1)
    assert {m.export_id for m in report.macros[:3]} == {"late-parcel", "lead-in", "noted"}  # (fragments after them)


def test_calibration_of_what_is_a_fragment() -> None:
    # a tweet-length reply with its full stop left off is whole; so is one ended with an emoji
    assert fragment_kind("Our chat is open now at the link below, or call the number on your bill and pick "
                         "option 2 to book a call back from us") is None
    assert fragment_kind("So sorry about the mix-up with your order, a new one goes out today 😔") is None
    assert fragment_kind("Is there anything else I can help you with today? 🙂") is None
    # a list with a sentence around it is a reply; one with none is not
    assert fragment_kind(LISTED) is None
    assert fragment_kind("* Passport\n* Driving licence") == "a list with no reply around it"
    assert fragment_kind("Old card number -\n\nNew card number -") == "fragment: 6 words, no sentence"
    assert fragment_kind("Thanks, that's sorted now!") is None
    assert fragment_kind("") == "fragment: 0 words, no sentence"


def test_every_report_says_so(tmp_path: Path) -> None:
    sheet = tmp_path / "macros.csv"
    with sheet.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "title", "body"])
        writer.writerows(ROWS)
    runner = CliRunner()
    data = json.loads(runner.invoke(main, ["audit", str(sheet), "--format", "json"]).stdout)
    macros = {m["title"]: m for m in data["macros"]}
    assert macros["Proof of address"]["fragment"] == "a list with no reply around it"
    assert macros["Late parcel"]["fragment"] is None
    assert data["summary"]["fragments"] == 3 and data["summary"]["judged_in_full"] == 3
    assert "fragment" in data["scoring"] and "whole_reply_rules" in data["scoring"]
    text = " ".join(runner.invoke(main, ["audit", str(sheet)], env={"NO_COLOR": "1"}).stdout.split())
    worst = text.split("Worst", 1)[1].split("Not whole replies", 1)[0]
    assert "Proof of address" not in worst and "Late parcel" in worst
    assert "Not whole replies: 3 fragment(s)" in text
    assert "a list with no reply around it" in text and "fragment: 5 words, no sentence" in text
    html = tmp_path / "report.html"
    assert runner.invoke(main, ["audit", str(sheet), "--html", str(html)]).exit_code == 0
    page = html.read_text(encoding="utf-8")
    proofs = re.search(r'<details class="macro" id="m-proofs"[^>]*>.*?</details>', page, re.DOTALL)
    assert proofs is not None and 'data-part="1"' in proofs.group(0)
    assert "a list with no reply around it" in proofs.group(0)
