"""What a screen reader says for each macro of the audit's HTML report, read as it reads: text inside
aria-hidden left out, visually hidden text read, title attributes skipped. The first number is named as the
overall score, each practice by its full name, and the macro's title said once (the heading, then the summary)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from click.testing import CliRunner

from scriptkit.cli import main

COLD = ("Dear Customer, We apologize for any inconvenience caused. Your request has been forwarded to the "
        "relevant department and will be processed in due course. Regards, Customer Service")
_VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "col", "area", "base", "embed", "track"}


class _ReadAloud(HTMLParser):
    """Each macro's heading and summary as read aloud: (heading, summary)."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, bool]] = []  # (tag, hidden from a screen reader)
        self.where: str | None = None  # "h3" or "summary" while inside one
        self.read: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        given = dict(attrs)
        hidden = (bool(self.stack) and self.stack[-1][1]) or given.get("aria-hidden") == "true"
        self.stack.append((tag, hidden))
        if tag == "h3" and "macro-h" in (given.get("class") or ""):
            self.where = "h3"
            self.read.append(["", ""])
        elif tag == "summary" and self.read:
            self.where = "summary"

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        while self.stack and self.stack.pop()[0] != tag:
            pass
        if tag in ("h3", "summary"):
            self.where = None

    def handle_data(self, data: str) -> None:
        if self.where and not (self.stack and self.stack[-1][1]):
            pair = self.read[-1]
            pair[self.where == "summary"] += data


def _page(tmp_path: Path) -> str:
    library = tmp_path / "library.jsonl"
    library.write_text(json.dumps({"title": "Can't cancel order", "body": COLD}) + "\n", encoding="utf-8")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["audit", str(library), "--html", str(out)])
    assert result.exit_code in (0, 1), result.output
    return out.read_text(encoding="utf-8")


def test_a_macro_is_read_with_its_scores_named_and_its_title_once(tmp_path: Path) -> None:
    reader = _ReadAloud()
    reader.feed(_page(tmp_path))
    assert len(reader.read) == 1
    heading, summary = (" ".join(part.split()) for part in reader.read[0])
    said = f"{heading} {summary}"
    assert said.count("Can't cancel order") == 1, said
    assert re.match(r"overall score \d+\b", summary), summary
    for practice in ("Acknowledgment", "Warm language", "Flexibility", "Solution", "Readability"):
        assert re.search(rf"\b{practice} (\d+|not judged)\b", summary), (practice, summary)
    assert not re.search(r"\b(Ack|Flex|Warmth|Reading)\b", summary), summary  # (the short names: shown, not read)
