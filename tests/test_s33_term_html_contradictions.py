"""The HTML audit's contradictions section said "None found." of a library whose Spanish macros were never
checked (the check reads English words): it says where the check did not look."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from scriptkit.audit import audit
from scriptkit.reporters.html import render_html

SPANISH = [("Envío tarde", "Hola, siento mucho el retraso del paquete. Te lo mando mañana y te escribo con el número "
                           "de seguimiento en 3 días hábiles."),
           ("Cambio de talla", "Hola, gracias por escribir. Te cambio la talla hoy y el nuevo pedido llega en 8 días "
                               "hábiles; te aviso cuando salga.")]
ENGLISH = ("Parcel lost", "I'm so sorry the parcel never arrived. I've sent a new one today and I'll email you the "
                          "tracking number tonight.")


def _section_text(page: str, section_id: str) -> str:
    class Collect(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.depth, self.parts = 0, list[str]()

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if self.depth or (tag == "section" and ("id", section_id) in attrs):
                self.depth += tag == "section"

        def handle_endtag(self, tag: str) -> None:
            if self.depth and tag == "section":
                self.depth -= 1

        def handle_data(self, data: str) -> None:
            if self.depth:
                self.parts.append(data)

    parser = Collect()
    parser.feed(page)
    return " ".join(" ".join(parser.parts).split())


def _report_of(tmp_path: Path, rows: list[tuple[str, str]]) -> str:
    path = tmp_path / "library.jsonl"
    path.write_text("".join(json.dumps({"title": t, "body": b}, ensure_ascii=False) + "\n" for t, b in rows),
                    encoding="utf-8")
    return render_html(audit(path, "jsonl"))


def test_contradictions_section_says_which_macros_were_not_checked(tmp_path: Path) -> None:
    section = _section_text(_report_of(tmp_path, [*SPANISH, ENGLISH]), "contradictions")
    assert not section.endswith("None found.")
    assert ("None found; not checked in 2 macro(s) in another language (Spanish 2): the check reads English "
            "words only.") in section


def test_an_english_library_with_none_says_none_found(tmp_path: Path) -> None:
    section = _section_text(_report_of(tmp_path, [ENGLISH]), "contradictions")
    assert section.endswith("None found.")
    assert "not checked" not in section


def test_found_contradictions_still_say_what_was_not_checked(tmp_path: Path) -> None:
    refunds = [("Refund soon", "I'm sorry about the wait. Your refund reaches your account in 5 business days, and "
                               "I'll email you when it leaves."),
               ("Refund later", "Thanks for your patience. The refund takes 10 business days to reach your bank; "
                                "I'll let you know when it is sent.")]
    section = _section_text(_report_of(tmp_path, [*SPANISH, *refunds]), "contradictions")
    assert "None found" not in section and "refund" in section.lower()
    assert "Not checked in 2 macro(s) in another language (Spanish 2)" in section
