"""A link ``[text](address)`` is judged as the customer reads it, its text, not its markup and address;
what the rules find in it still points at the right characters of the YAML, and ``--fix`` never edits a
link's brackets or address."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.config import load_config
from scriptkit.linting import lint_pack, lint_text
from scriptkit.loading import load_pack
from scriptkit.message import Blank, Placeholder, Text
from scriptkit.rendering import render_pack

PACK = textwrap.dedent("""\
    name: Links
    channels:
      email:
        greeting: "Hi {{ customer.first_name | fallback('there') }},"
        signoff: "Take care, {{ agent.first_name }}"
    """)


def script(ident: str, solution: str, extra: str = "") -> str:
    """A script whose solution is ``solution``, written in single quotes (a backslash stays as it is)."""
    return textwrap.dedent(f"""\
        id: {ident}
        title: "{ident}"
        channels: [email]
        acknowledgment: "I can see how annoying it is when the export stops halfway through."
        warm_language: "Thanks for letting us know about it."
        """) + "solution: '" + solution.replace("'", "''") + "'\n" + extra


def findings(root: Path, jobs: int = 1) -> list[Any]:
    pack = load_pack(root)
    return lint_pack(pack, load_config(pack).override(grammar="off"), jobs=jobs).diagnostics


def judged(diags: list[Any], ident: str) -> list[tuple[str, str]]:
    return sorted((d.code, d.message) for d in diags if d.script_id == ident)


@pytest.mark.timeout(60)
def test_a_link_is_judged_as_its_text(make_pack: Any) -> None:
    linked = "Please [use our issue search](https://example.com/issues?q=export) to check."
    root = make_pack({"a.yaml": script("linked", linked),
                      "b.yaml": script("plain", "Please use our issue search to check.")}, PACK)
    diags = findings(root)
    assert judged(diags, "linked") == judged(diags, "plain")
    assert not any(d.code in ("SK403", "SK404") for d in diags)  # (the plain reply names no owner nor time:
    # the rules say so of its whole text, as SK405; the address's words made an owner-less step of it)


@pytest.mark.timeout(60)
def test_a_link_whose_text_reads_like_a_fill_in_is_no_marker(make_pack: Any) -> None:
    solution = "I will refund you today. Follow it on the [Your order](https://x.example/o) page."
    root = make_pack({"a.yaml": script("a", solution)}, PACK)
    assert not [d for d in findings(root) if d.code == "SK407"]


@pytest.mark.timeout(60)
def test_findings_in_a_link_point_at_its_words_and_fixes_keep_the_markup(make_pack: Any) -> None:
    solution = ("We [require a photo](https://x.example/require) today and refund you once it is in. "
                "Reply [at your earliest](https://x.example/e) convenience. See [our page](javascript:require) too.")
    root = make_pack({"a.yaml": script("a", solution)}, PACK)
    path = root / "scripts" / "a.yaml"
    written = path.read_text(encoding="utf-8")
    line = written.splitlines().index(f"solution: '{solution}'") + 1
    col = len("solution: '") + 1
    found = {(d.location.line, d.location.col, d.text): d for d in findings(root) if d.code == "SK201"}
    at = {text: (ln, c) for ln, c, text in found}
    # the word in the link's text: where it is, fixable
    inside = found[(line, col + solution.index("require"), "require")]
    assert inside.extra["end_col"] == str(col + solution.index("require") + len("require"))
    assert inside.fix is not None and inside.fix.safe
    # the phrase the customer reads across the link's end: found, from its first word, but no fix
    # (the edit would take the brackets and address with it)
    assert at["at your earliest convenience"] == (line, col + solution.index("at your earliest"))
    assert found[(line, col + solution.index("at your earliest"), "at your earliest convenience")].fix is None
    # a link the exports write out as its text and address (it runs a script): the address is read, and a
    # finding in it points at it, but no fix edits an address
    in_address = found[(line, col + solution.index("javascript:require") + len("javascript:"), "require")]
    assert in_address.fix is None

    run = CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--fix"], env={"NO_COLOR": "1"})
    assert "Traceback" not in run.output
    assert path.read_text(encoding="utf-8") == written.replace("[require a photo]", "[need a photo]")


@pytest.mark.timeout(60)
def test_the_reply_as_read_keeps_placeholders_and_blanks_the_customer_sees(make_pack: Any) -> None:
    solution = ("Track [parcel {{ order.number }}](https://x.example/t/{{ order.number }}) today. "
                "Pay [here](https://x.example/pay/{{ blank.code }}). Or \\[1](2) as written.")
    blanks = "flexibility:\n  blanks:\n    - name: code\n      prompt: The payment code\n"
    root = make_pack({"a.yaml": script("a", solution, blanks)}, PACK)
    message = render_pack(load_pack(root), ["email"])[0]
    read = message.as_read
    assert "[parcel" in message.text  # (the message itself is as written, for the exports)
    body = read.slot_text("solution")
    assert body == ("Track parcel {{order.number}} today. Pay here (https://x.example/pay/[[code]]). "
                    "Or [1](2) as written.")
    kinds = [type(seg).__name__ for seg in read.segments if seg.slot == "solution"]
    # the placeholder of the link's text is read, the one of its address is not; the blank of an address
    # (the exports write that link out, address and all) is read, for the agent to fill in
    assert kinds.count("Placeholder") == 1 and kinds.count("Blank") == 1
    assert next(s for s in read.segments if isinstance(s, Placeholder) and s.slot == "solution").source is not None
    assert any(isinstance(s, Blank) for s in read.segments)
    # every character read locates at itself in the YAML
    text = (root / "scripts" / "a.yaml").read_text(encoding="utf-8")
    for start, end, seg in read.spans():
        if isinstance(seg, Text) and seg.slot == "solution":
            for i in range(start, end):
                location = read.locate(i)[0]
                char = read.text[i]
                if char != " " or text[location.offset] == " ":  # (']' read as a space before '(address)')
                    assert text[location.offset] == char, (i, char)
    assert read.as_read is read and message.as_read is read


@pytest.mark.timeout(60)
def test_alternatives_are_read_as_the_customer_reads_them(make_pack: Any) -> None:
    alternative = ("flexibility:\n  alternatives:\n    - label: Known bug\n"
                   "      text: 'I will [send you a photo](https://x.example/p) today.'\n")
    root = make_pack({"a.yaml": script("a", "I will refund you today.", alternative)}, PACK)
    message = render_pack(load_pack(root), ["email"])[0]
    assert [m.text for m in message.as_read.alternatives()] == ["I will send you a photo today."]
    assert all(m.as_read is m for m in message.as_read.alternatives())  # (read once, not read again)


@pytest.mark.timeout(120)
def test_a_pack_on_several_processes_reads_links_alike(make_pack: Any) -> None:
    linked = "Please [use our issue search](https://example.com/issues?q=export) to check."
    root = make_pack({f"s{i:02}.yaml": script(f"s{i:02}", linked) for i in range(40)}, PACK)
    one, two = findings(root, jobs=1), findings(root, jobs=2)
    assert [(d.code, d.location, d.text) for d in one] == [(d.code, d.location, d.text) for d in two]
    assert not any(d.code in ("SK403", "SK404") for d in two)


REPLY = textwrap.dedent("""\
    Hi Dana,

    Thanks for the report! Before you file a new one, please [use our issue search](https://github.com/acme/app/issues) to check whether it is known. [Why No Formatting Rules?](https://acme.example/docs/formatting) It says why we left them out.

    I'll look into the crash today and reply by Friday.

    Best,
    Sam
    """)  # noqa: E501


@pytest.mark.timeout(60)
def test_review_of_a_markdown_reply_reads_its_links_as_their_text(tmp_path: Path) -> None:
    plain = REPLY.replace("[use our issue search](https://github.com/acme/app/issues)", "use our issue search")
    plain = plain.replace("[Why No Formatting Rules?](https://acme.example/docs/formatting)",
                          "Why No Formatting Rules?")
    linked, unlinked = lint_text(REPLY, grammar="off"), lint_text(plain, grammar="off")
    assert sorted((d.code, d.message) for d in linked.diagnostics) == \
        sorted((d.code, d.message) for d in unlinked.diagnostics)
    # the sentences as read: the link's question ends a sentence, as it reads; each shows the text as written
    said = [s.text for s in linked.sentences]
    assert "[Why No Formatting Rules?](https://acme.example/docs/formatting)" in said
    assert "It says why we left them out." in said
    assert [s.slot for s in linked.sentences] == [s.slot for s in unlinked.sentences]
    path = tmp_path / "reply.md"
    path.write_text(REPLY, encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(path), "--grammar", "off", "--format", "json"],
                             env={"NO_COLOR": "1"})
    assert run.exit_code in (0, 1), run.output
    data = json.loads(run.output)
    line = REPLY.splitlines()[2]
    where = {s["text"]: (s["line"], s["col"]) for s in data["sentences"]}
    assert where["[Why No Formatting Rules?](https://acme.example/docs/formatting)"] == \
        (3, line.index("[Why No") + 1)


@pytest.mark.timeout(60)
def test_review_quotes_a_finding_across_a_link_as_read_and_pasted_html_has_no_markdown_links() -> None:
    # (a no-break space makes review quote each finding from the text as written: not one read across a link)
    written = ("Hi Sam,\n\nPlease [use our issue search](https://x.example/s) to check,\u00a0it is quick. "
               "I can see how annoying this is.\n\nBest,\nMia")
    read = written.replace("[use our issue search](https://x.example/s)", "use our issue search")
    result = lint_text(written, grammar="off")
    assert result.diagnostics
    for d in result.diagnostics:
        assert d.text in written or d.text in read, d.text  # (the reply keeps its no-break space, as written)
    assert any("use our issue search to check" in d.text for d in result.diagnostics)
    # pasted HTML shows '[our page](...)' of its text as it is written: a link there is an <a>
    page = lint_text("<p>Hi Sam,</p><p>Please see [our page](https://x.example/s) to check. "
                     "I will reply by <a href='https://x.example/d'>Friday</a>.</p>", grammar="off")
    assert page.messages[0].as_read.text == ("Hi Sam,\n\nPlease see [our page](https://x.example/s) to check. "
                                             "I will reply by Friday.")


def test_a_line_escaped_from_reading_as_a_list_item_is_read_without_its_backslash() -> None:
    from scriptkit.message import Message
    from scriptkit.text import read_text

    # (after a sentence's end, as where chat joins a slot's first line to the one before: no list starts
    # there, and the exports write it without the backslash too; elsewhere mid-line it is the writer's own)
    written = "What a year it was.\n2024\\. What a year.\n\\- Sam. \\- this one, not type \\- draft"
    message = Message("a", "A", "email", 0, (Text(written, "solution"),))
    assert message.as_read.text == "What a year it was.\n2024. What a year.\n- Sam. - this one, not type \\- draft"
    assert read_text(written)[0] == message.as_read.text
