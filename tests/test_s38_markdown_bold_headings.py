"""A Markdown reply's heading in bold ("**Your refund**" on a line of its own) lost its marks on import, as all
Markdown bold does (no export makes bold text: SK007), and so ran into the next line's sentence: "Your refund I
have sent it to your card today." was judged as one sentence. The import now sets such a line apart as a paragraph
of its own, so the imported pack reads it as the sentence it was; bold inside a line, a name under a closing
("Best,") and what a line ending in a colon introduces are left as they were."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack
from scriptkit.text import bold_lines_apart, sentences
from tests.conftest import run_cli

LIBRARY = """## Card refund

Thanks for waiting while I looked into the charge.
**Your refund**
I have sent it to your card today, and it will show within five working days.
I am sorry for the **double** charge.
Best,
**Priya**

## Parcel update

Here's where your parcel is now:
**Out for delivery**
It reaches you by six this evening.
"""


def _imported(tmp_path: Path) -> tuple[Path, dict[str, dict[str, Any]]]:
    source = tmp_path / "replies.md"
    source.write_text(LIBRARY, encoding="utf-8")
    result = run_cli("import", str(source), "--out", str(tmp_path / "pack"))
    assert result.exit_code == 0, result.output
    scripts = {}
    for path in (tmp_path / "pack" / "scripts").glob("*.yaml"):
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
        scripts[data["title"]] = data
    return tmp_path / "pack", scripts


def _reply(script: dict[str, Any]) -> str:
    return "\n\n".join(str(script[s]) for s in ("acknowledgment", "warm_language", "solution") if script.get(s))


def test_a_bold_heading_is_a_sentence_of_its_own_in_the_imported_pack(tmp_path: Path) -> None:
    pack, scripts = _imported(tmp_path)
    refund = _reply(scripts["Card refund"])
    assert "**" not in refund
    said = sentences(refund)
    assert "Your refund" in said, said
    assert "I have sent it to your card today, and it will show within five working days." in said, said
    assert not any("Your refund I have" in s for s in said), said
    # (bold inside a line is only dropped; a name under a closing stays on the line under it)
    assert "I am sorry for the double charge." in said, said
    assert "Best,\nPriya" in refund, refund
    # (what a line ending in a colon introduces stays on the line under it)
    assert "Here's where your parcel is now:\nOut for delivery" in _reply(scripts["Parcel update"])
    # (the pack, loaded and judged, reads the same sentences: no reply holds the run-on)
    result = lint_pack(load_pack(pack), grammar="off")
    for message in result.messages:
        assert not any("Your refund I have" in s for s in sentences(message.as_read.text)), message.as_read.text
    assert "SK007" not in {d.code for d in result.diagnostics}


def test_bold_lines_apart_only_parts_lines_read_as_sentences_of_their_own() -> None:
    assert bold_lines_apart("Thanks.\n**Your refund**\nI sent it.") == "Thanks.\n\n**Your refund**\n\nI sent it."
    for kept in ("**Your refund**\nis on its way.", "Regards,\n**Priya**", "Your status:\n**{{ status }}**\nThanks.",
                 "**Your refund**\n\nI sent it.", "Note the **new** date\nThanks.", "No bold here\nat all."):
        assert bold_lines_apart(kept) == kept
