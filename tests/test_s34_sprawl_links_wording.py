"""Macro sprawl as a support lead merges it: replies that point to different documents are not the same reply,
copies that differ only in a reference number say so, and copies that differ only in punctuation or emoji are
the same wording, not exact copies."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.sprawl import find_duplicates


def test_bare_links_to_different_documents_are_not_duplicates() -> None:
    groups = find_duplicates([
        ("nudge-1", "Gentle nudge: see https://kb.example.net/articles/KB-558812"),
        ("nudge-2", "Gentle nudge: see https://kb.example.net/articles/KB-558874"),
        ("refund", "Refund steps: see https://kb.example.net/articles/KB-700321"),
        ("bare-a", "https://kb.example.net/articles/KB-411902"),
        ("bare-b", "https://kb.example.net/articles/KB-411977"),
    ])
    assert groups == []


def test_a_longer_reply_that_differs_only_in_its_link_says_so() -> None:
    body = ("Thanks for getting back to us. The form you need is linked below, and once it is signed we can "
            "finish the change for you: {link}. Reply here if anything on it is unclear.")
    groups = find_duplicates([("form-a", body.format(link="https://forms.example.net/f/AB-20931")),
                              ("form-b", body.format(link="https://forms.example.net/f/AB-20978")),
                              ("form-a-again", body.format(link="https://forms.example.net/f/AB-20931"))])
    near = [g for g in groups if g.kind == "near"]
    assert [g.members for g in near] == [["form-a", "form-b"]]
    assert near[0].similarity < 1.0 and near[0].note == "differs only in the link"
    exact = [g for g in groups if g.kind == "exact"]
    assert [g.members for g in exact] == [["form-a", "form-a-again"]] and exact[0].note == ""


def test_copies_that_differ_only_in_an_order_number_say_so() -> None:
    groups = find_duplicates([
        ("late-1", "Your order 88120 left our warehouse late; I have added a voucher to your account."),
        ("late-2", "Your order 88175 left our warehouse late; I have added a voucher to your account."),
    ])
    assert [(g.kind, g.similarity, g.note) for g in groups] == [
        ("near", 1.0, "differs only in reference numbers")]


def test_copies_that_differ_in_punctuation_or_emoji_are_the_same_wording_not_exact() -> None:
    listed = ("To check the card is yours, please send:\n1. the reason for the payment;\n"
              "2. a photo of the card with the middle digits covered.")
    keycaps = listed.replace("1.", "1\ufe0f\u20e3").replace("2.", "2\ufe0f\u20e3")
    groups = find_duplicates([("listed", listed), ("keycaps", keycaps), ("listed-copy", listed + "\n")])
    assert sorted((g.kind, g.members, g.similarity, g.note) for g in groups) == [
        ("exact", ["listed", "listed-copy"], 1.0, ""),
        ("near", ["listed", "keycaps"], 1.0, "same wording; punctuation, emoji or capitals differ"),
    ]


def test_the_reports_carry_the_note(tmp_path: Path) -> None:
    body = ("Thanks for getting back to us. The form you need is linked below, and once it is signed we can "
            "finish the change for you: {link}. Reply here if anything on it is unclear.")
    library = tmp_path / "library.jsonl"
    library.write_text("".join(json.dumps({"title": f"Form {n}", "body": body.format(
        link=f"https://forms.example.net/f/AB-2093{n}")}) + "\n" for n in range(2)), encoding="utf-8")
    result = CliRunner().invoke(main, ["audit", str(library), "--grammar", "off", "--format", "json",
                                       "--html", str(tmp_path / "audit.html")])
    assert result.exit_code in (0, 1), result.output
    assert [g["note"] for g in json.loads(result.stdout)["duplicates"]] == [
        "differs only in the link"]
    assert "differs only in the link" in (tmp_path / "audit.html").read_text(encoding="utf-8")
    text = CliRunner().invoke(main, ["audit", str(library), "--grammar", "off"])
    assert "differs only in the link" in text.output
