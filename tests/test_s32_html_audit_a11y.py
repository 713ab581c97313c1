"""The audit's HTML report for every reader: hidden direction controls shown rather than obeyed, the page
working with JavaScript off, on paper, on a narrow screen, and for keyboard and screen-reader users."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.text import DIRECTION_CONTROLS

WARM = ("Hi {{customer.first_name}}, I can see how worrying a missing parcel is, and I'm sorry. "
        "I've asked the courier to trace it and I'll email you by Friday.")
COLD = ("Dear Customer, We apologize for any inconvenience caused. Your request has been forwarded to the "
        "relevant department and will be processed in due course. Regards, Customer Service")


def _report(tmp_path: Path, rows: list[dict[str, str]]) -> str:
    library = tmp_path / "library.jsonl"
    library.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["audit", str(library), "--html", str(out)])
    assert result.exit_code in (0, 1), result.output
    return out.read_text(encoding="utf-8")


def test_direction_controls_are_shown_not_obeyed(tmp_path: Path) -> None:
    page = _report(tmp_path, [
        {"title": "\u202eRefund sent", "body": WARM.replace("by Friday", "by \u202eFriday\u202c")},
        {"title": "Plain", "body": COLD},
    ])
    assert not any(ch in page for ch in DIRECTION_CONTROLS)  # none left to reorder the page
    assert "⟨U+202E⟩Refund sent" in page and "by ⟨U+202E⟩Friday⟨U+202C⟩" in page
    # (SK012's evidence is the character itself: it read as an empty quote)
    assert re.search(r"SK012.*?&ldquo;<bdi>⟨U\+202E⟩</bdi>&rdquo;", page)
    quotes = re.findall(r"&ldquo;(.{0,6})", page)
    assert quotes and all(q.startswith("<bdi>") for q in quotes)  # each quote isolated from its line
    bodies = re.findall(r'<div class="body"[^>]*>', page)
    assert len(bodies) == 2 and all('dir="auto"' in b for b in bodies)  # a right-to-left reply reads right
