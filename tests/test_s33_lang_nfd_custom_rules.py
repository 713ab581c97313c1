"""A team's own rule found nothing in text whose accents are stored apart from their letters (NFD, as some macOS
apps paste: "a" then a combining diaeresis for "ä"): terms: ["ärgerlich"] missed "ärgerlich" so written. Text and
terms are matched in their composed form (NFC), and the finding still points at the characters as written, for
file:line:col and --fix."""

from __future__ import annotations

import unicodedata
from typing import Any

from scriptkit import lint_pack, load_pack
from tests.conftest import run_cli

NFD_ACK = unicodedata.normalize("NFD", "Ich verstehe, wie ärgerlich das Warten auf Ihr Päckchen ist.")
SCRIPT = ("id: paket\ntitle: Paket\nchannels: [email]\n"
          f"acknowledgment: {NFD_ACK}\n"
          f"solution: {unicodedata.normalize('NFD', 'Ich schicke heute ein neues Päckchen, es kommt übermorgen.')}\n")
RULES = ("name: Test\nlocale: de-DE\nrules:\n  select: [custom]\n  custom:\n"
         "    - name: verboten\n      kind: existence\n      terms: [ärgerlich]\n"
         "    - name: wortwahl\n      kind: substitution\n      swap: {übermorgen: in zwei Tagen}\n")


def test_a_term_is_found_in_decomposed_text_where_it_is_written(make_pack: Any) -> None:
    root = make_pack({"paket.yaml": SCRIPT}, RULES)
    found = {d.name: d for d in lint_pack(load_pack(root)).diagnostics}
    assert set(found) == {"verboten", "wortwahl"}
    hit = found["verboten"]
    line = NFD_ACK
    col = line.index("a\u0308rgerlich") + len("acknowledgment: ") + 1
    assert (hit.location.line, hit.location.col) == (4, col)
    assert unicodedata.normalize("NFC", hit.text) == "ärgerlich"


def test_fix_swaps_the_decomposed_word_and_leaves_the_rest_as_written(make_pack: Any) -> None:
    root = make_pack({"paket.yaml": SCRIPT}, RULES)
    run_cli("check", str(root), "--fix")
    written = (root / "scripts" / "paket.yaml").read_text(encoding="utf-8")
    assert "es kommt in zwei Tagen.\n" in written
    assert unicodedata.normalize("NFD", "ein neues Päckchen, es kommt") in written  # (the rest untouched)


def test_a_term_written_decomposed_finds_composed_text(make_pack: Any) -> None:
    composed = SCRIPT.replace(NFD_ACK, unicodedata.normalize("NFC", NFD_ACK))
    root = make_pack({"paket.yaml": composed}, RULES.replace("ärgerlich", unicodedata.normalize("NFD", "ärgerlich")))
    assert "verboten" in {d.name for d in lint_pack(load_pack(root)).diagnostics}
