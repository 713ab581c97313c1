"""``--fix`` on a pack a writer inherited: a rewrite that would say again the words right beside it, text in
capitals, a phrase split by a tab escape, and what the summary says is left."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner

from scriptkit.cli import main

HEAD = "id: a\ntitle: A\nchannels: [email]\nacknowledgment: I know this is frustrating.\n"


def _fix(make_pack: Any, body: str) -> tuple[str, str]:
    root = make_pack({"a.yaml": HEAD + body})
    run = CliRunner().invoke(main, ["check", str(root), "--fix", "--grammar", "off"])
    assert run.exit_code in (0, 1), run.output
    return (Path(root) / "scripts" / "a.yaml").read_text(encoding="utf-8"), run.stderr


def test_rewrite_that_says_the_words_before_it_again_deletes_the_phrase(make_pack: Any) -> None:
    after, _ = _fix(make_pack, "warm_language: Thanks so much for your help, thank you for your cooperation.\n"
                               "solution: I'll send it right now at this point in time.\n")
    assert "warm_language: Thanks so much for your help.\n" in after
    assert "solution: I'll send it right now.\n" in after


def test_rewrite_that_would_repeat_a_word_beside_it_is_left_and_told(make_pack: Any) -> None:
    after, err = _fix(make_pack, "solution: We will refund it right at this point in time, today.\n")
    assert "right at this point in time" in after  # ("right right now": not written)
    line = next(x for x in err.splitlines() if "at this point in time" in x or "right now" in x)
    assert "a.yaml:5:" in line and "not applied" in line and "'right'" in line


def test_rewrite_of_a_shouted_sentence_is_in_lower_case_and_of_stressed_words_keeps_them(make_pack: Any) -> None:
    # (a whole sentence in capitals is rewritten as a sentence, ending the shouting; in a sentence that shouts on,
    # the rewrite keeps the writer's capitals, as contractions and a team's swaps do)
    after, _ = _fix(make_pack, "warm_language: THANK YOU FOR YOUR COOPERATION.\n"
                               "solution: We will send it today. PRIOR TO FRIDAY, I'll call.\n")
    assert "THANKS SO MUCH" not in after
    assert "warm_language: Thanks so much for your help.\n" in after
    assert "BEFORE FRIDAY, I'll call." in after


def test_summary_tells_findings_left_for_a_person(make_pack: Any) -> None:
    _, err = _fix(make_pack, "solution: PLEASE NOTE YOUR REFUND IS ON ITS WAY today!!\n")
    assert "Fixed 1 problem in 1 file(s)" in err
    assert "left" in err and "SK208" in err


def test_phrase_split_by_tab_escape_is_fixed(make_pack: Any) -> None:
    after, err = _fix(make_pack, 'solution: "We will\\texpedite\\tit prior to Friday."\n')
    assert 'solution: "We will\\tspeed it up before Friday."\n' in after, (after, err)
