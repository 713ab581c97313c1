"""Mistakes a content writer made in a pack, each replayed on real files: what was silently shipped or
answered with a fix that did not work is now one located message that says what to write."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

PARCEL = textwrap.dedent("""\
    id: parcel-lost
    title: "Orders::Parcel lost"
    channels: [email, chat]
    acknowledgment: I can see how worrying it is that your parcel has not arrived.
    warm_language: Thanks for letting us know so quickly.
    flexibility:
      guidance: Offer a replacement first, a refund if they prefer.
    solution: I've sent a replacement today, and you'll get its tracking link by email.
    """)


def check(root: Path, *args: str) -> Any:
    result = CliRunner().invoke(main, ["check", str(root), *args], env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception  # (no crash)
    assert "Traceback" not in result.output
    return result


def refused(make_pack: Any, text: str) -> tuple[Path, str]:
    """The one error check gives the script ``text``: its file and the output."""
    root = make_pack({"parcel-lost.yaml": text})
    result = check(root)
    assert result.exit_code == 2, result.output
    assert result.output.count(": error: ") == 1, result.output
    return root / "scripts" / "parcel-lost.yaml", result.output


# --- 1. bullets pasted from a word processor, where a list's '- ' was meant ---

@pytest.mark.parametrize("bullet", ["\u2013 ", "\u2014 ", "\u2022 ", "\u2022\t", "\u2022"])
def test_variants_written_with_a_word_processors_bullet_are_refused_at_the_bullet(make_pack: Any,
                                                                                    bullet: str) -> None:
    """'  – I know...' / '  – I can see...' under 'acknowledgment:' was read as one text and sent as
    '– I know ... – I can see ...' with no finding; '•<tab>' was told to swap the tab for a space,
    which led to the same."""
    text = PARCEL.replace(
        "acknowledgment: I can see how worrying it is that your parcel has not arrived.",
        f"acknowledgment:\n  {bullet}I can see how worrying it is.\n  {bullet}I know a lost parcel is stressful.")
    script, output = refused(make_pack, text)
    assert f"{script}:5:3: error: " in output, output
    assert f"'{bullet.strip()}'" in output and "'- ' (a hyphen and a space)" in output, output
    assert "tab" not in output, output


def test_a_bullet_on_the_keys_line_with_more_below_is_refused(make_pack: Any) -> None:
    text = PARCEL.replace("acknowledgment: I can see", "acknowledgment: \u2013 I can see").replace(
        "has not arrived.", "has not arrived.\n  \u2013 I know a lost parcel is stressful.")
    script, output = refused(make_pack, text)
    assert f"{script}:4:17: error: " in output, output


def test_a_list_of_bullets_folded_into_a_plain_text_is_refused(make_pack: Any) -> None:
    text = PARCEL.replace(
        "solution: I've sent a replacement today, and you'll get its tracking link by email.",
        "solution: Here is what happens next\n  \u2022 I send a replacement today\n  \u2022 you get its tracking link")
    script, output = refused(make_pack, text)
    assert f"{script}:9:3: error: " in output and "solution: |" in output, output


@pytest.mark.parametrize("solution", [
    # a dash in the middle of a sentence, on one line or on a line of its own
    "solution: I've sent a replacement today \u2013 you'll get its tracking link by email.",
    "solution: I've sent a replacement today\n  \u2013 you'll get its tracking link by email.",
    # a block keeps its lines as typed: a line may start with a dash there
    "solution: |\n  I've sent a replacement today.\n  \u2013 You'll get its tracking link by email.\n"
    "  \u2013 It comes from our courier.",
    # quoted text is the writer's as written
    "solution: \"\u2013 I've sent a replacement today.\n  \u2013 You'll get its tracking link.\"",
])
def test_a_dash_in_prose_a_block_or_quotes_is_left_alone(make_pack: Any, solution: str) -> None:
    text = PARCEL.replace(
        "solution: I've sent a replacement today, and you'll get its tracking link by email.", solution)
    result = check(make_pack({"parcel-lost.yaml": text}))
    assert result.exit_code != 2, result.output


# --- 2. a script in a folder check does not read ---

@pytest.mark.parametrize("folder", ["script", "drafts", "Scripts", "templates/billing"])
def test_a_script_in_another_folder_of_the_pack_is_reported(make_pack: Any, folder: str) -> None:
    root = make_pack({"parcel-lost.yaml": PARCEL})
    stray = root / folder / "refund.yaml"
    stray.parent.mkdir(parents=True)
    stray.write_text(PARCEL.replace("id: parcel-lost", "id: refund"), encoding="utf-8")
    if (root / "scripts").samefile(root / folder):
        pytest.skip("a case-blind disk: Scripts is scripts")
    result = check(root)
    assert result.exit_code == 2, result.output
    assert f"{stray}:1:1: error: this script is in {folder}/, where scripts are not read" in result.output, \
        result.output
    assert "Move it into scripts/" in result.output


@pytest.mark.parametrize("folder", [".git", "node_modules", ".drafts", "exported"])
def test_folders_that_hold_no_scripts_of_the_pack_are_not_searched(make_pack: Any, folder: str) -> None:
    root = make_pack({"parcel-lost.yaml": PARCEL})
    stray = root / folder / "refund.yaml"
    stray.parent.mkdir(parents=True)
    stray.write_text(PARCEL.replace("id: parcel-lost", "id: refund"), encoding="utf-8")
    if folder == "exported":  # (an export's folder, which its marker file names)
        (root / folder / ".scriptkit-export").write_text("{}", encoding="utf-8")
    result = check(root)
    assert result.exit_code != 2, result.output


def test_another_pack_inside_and_yaml_that_is_no_script_are_not_reported(make_pack: Any) -> None:
    root = make_pack({"parcel-lost.yaml": PARCEL})
    (root / "examples" / "scripts").mkdir(parents=True)
    (root / "examples" / "pack.yaml").write_text("name: Example\n", encoding="utf-8")
    (root / "examples" / "scripts" / "x.yaml").write_text(PARCEL, encoding="utf-8")
    (root / "ci").mkdir()
    (root / "ci" / "lint.yaml").write_text("id: lint\nsteps: [check]\n", encoding="utf-8")
    result = check(root)
    assert result.exit_code != 2, result.output


# --- 3. a ': ' on a line that goes on a plain text ---

@pytest.mark.parametrize("next_line", ["Next steps: check your inbox tomorrow.",
                                       "Next steps: \"check your inbox tomorrow.\""])
def test_a_colon_on_a_text_s_second_line_says_to_quote_the_whole_text(make_pack: Any, next_line: str) -> None:
    """The hint quoted only what followed the second ': ', which gave the same error again."""
    text = PARCEL.replace("solution: I've sent a replacement today, and you'll get its tracking link by email.",
                          f"solution: I've sent a replacement today.\n  {next_line}")
    script, output = refused(make_pack, text)
    assert f"{script}:9:13: error: " in output, output
    assert "solution: \"I've sent a replacement today. Next steps: " in output, output
    assert "solution: >-" in output, output


# --- 4. curly quotes used as YAML's quotes ---

def test_curly_quotes_around_a_value_with_a_colon_are_named(make_pack: Any) -> None:
    text = PARCEL.replace('title: "Orders::Parcel lost"', "title: \u201cRefund: next steps\u201d")
    script, output = refused(make_pack, text)
    assert f"{script}:2:" in output and "curly quotes" in output, output
    assert 'title: "Refund: next steps"' in output, output


# --- 5. an unclosed '{{' just before a sentence's end ---

@pytest.mark.parametrize("end", [".", ",", "!", "?"])
def test_the_fix_for_an_unclosed_placeholder_closes_it_before_the_punctuation(make_pack: Any, end: str) -> None:
    """'{{ customer.first_name.' was told to write '{{ customer.first_name. }}', which fails again."""
    text = PARCEL.replace("warm_language: Thanks for letting us know so quickly.",
                          f"warm_language: Thanks for letting us know so quickly, {{{{ customer.first_name{end}")
    script, output = refused(make_pack, text)
    assert "{{ customer.first_name }}" in output, output
    # (the fix as given works)
    fixed = re.search(r"\{\{ customer\.first_name[^}]*\}\}", output)
    assert fixed is not None
    script.write_text(text.replace(f"{{{{ customer.first_name{end}", f"{fixed[0]}{end}"), encoding="utf-8")
    assert check(script.parent.parent).exit_code != 2


# --- 6. check --diff's exit code ---

def test_check_diffs_exit_code_is_documented() -> None:
    result = CliRunner().invoke(main, ["check", "--help"], env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert "Exit 1 when there is a diff" in " ".join(result.output.split()), result.output
    docs = (Path(__file__).resolve().parent.parent / "docs" / "reference" / "cli.md").read_text(encoding="utf-8")
    assert "`check --diff` exits 1 when there is a diff" in " ".join(docs.split())


def test_a_script_a_link_in_scripts_leads_to_is_read_not_reported(make_pack: Any) -> None:
    root = make_pack({"parcel-lost.yaml": PARCEL})
    (root / "shared").mkdir()
    (root / "shared" / "refund.yaml").write_text(PARCEL.replace("id: parcel-lost", "id: refund"), encoding="utf-8")
    (root / "scripts" / "refund.yaml").symlink_to(Path("..") / "shared" / "refund.yaml")
    result = check(root)
    assert result.exit_code != 2, result.output
