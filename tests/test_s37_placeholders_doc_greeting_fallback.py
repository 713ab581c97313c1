"""docs/reference/placeholders.md recommended `fallback("there")` without saying it reads right only after a
greeting word, while SK001 flags it mid-sentence: the page now shows such a sentence, what it reads without a name
and what to write instead, and check says as the page does."""

from __future__ import annotations

import re
from pathlib import Path

from scriptkit import lint_pack, load_pack

DOC = Path(__file__).resolve().parent.parent / "docs" / "reference" / "placeholders.md"


def _fallbacks_examples(text: str) -> list[str]:
    """The jinja examples of the page's '## Fallbacks' section."""
    found = re.search(r"^## Fallbacks\n(.*?)(?=^## )", text, re.M | re.S)
    assert found is not None, "placeholders.md has no '## Fallbacks' section"
    return re.findall(r"^```jinja\n(.*?)\n```", found.group(1), re.M | re.S)


def _sk001(tmp_path: Path, acknowledgment: str) -> list[str]:
    (tmp_path / "scripts").mkdir(parents=True)
    (tmp_path / "pack.yaml").write_text("name: Doc\n", encoding="utf-8")
    quoted = acknowledgment.replace("'", "''")
    (tmp_path / "scripts" / "late.yaml").write_text(
        f"id: late\ntitle: Late\nchannels: [chat]\nacknowledgment: '{quoted}'\n"
        "solution: I'll send you the new delivery date today.\n", encoding="utf-8")
    return [d.message for d in lint_pack(load_pack(tmp_path), grammar="off").diagnostics if d.code == "SK001"]


def test_the_page_shows_a_greeting_fallback_mid_sentence_as_check_flags_it(tmp_path: Path) -> None:
    text = DOC.read_text(encoding="utf-8")
    mid_sentence = [e for e in _fallbacks_examples(text) if not e.lstrip().startswith(("Hi ", "Hello ", "Dear "))]
    assert mid_sentence, "no example of a greeting's fallback outside a greeting"
    example = mid_sentence[0]
    [found] = _sk001(tmp_path / "as-shown", example)
    said = re.search(r"reads '(?:\.\.\.)?(.*?)'", found)
    assert said is not None, found
    assert said.group(1) in " ".join(text.split()), (said.group(1), "not what the page says it reads")
    instead = re.search(r'Leave the name out of such a sentence \("(.*?)"\)', " ".join(text.split()))
    assert instead is not None, "the page gives no sentence to write instead"
    assert _sk001(tmp_path / "instead", instead.group(1)) == []
