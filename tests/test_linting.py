"""The lint engine: locating findings, dedupe, suppressions, fixes, free text."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar

import pytest

from scriptkit.config import LintConfig, Selector
from scriptkit.diagnostics import Diagnostic, Location, Severity
from scriptkit.linting import _order, lint_messages, lint_pack, lint_text, text_message
from scriptkit.loading import load_pack
from scriptkit.message import Message
from scriptkit.models import Pack
from scriptkit.rendering import render_pack
from scriptkit.rules.base import Finding, Rule, RuleContext

VOICE = textwrap.dedent("""\
    name: Test pack
    constants:
      credit_phrase: store credit
    rules:
      select: [custom]
      custom:
        # (code pinned: the tests' suppressions name it by code, noted when the code is the rules' order's)
        - {name: say-refund, code: SK801,
           kind: substitution, swap: {store credit: refund}}
    """)


def script(**slots: str) -> str:
    base = {"id": "parcel-late", "title": "Parcel late", "channels": "[email, chat]",
            "acknowledgment": '"I can see how frustrating it is that your parcel is late."',
            "solution": '"I\'ve asked the carrier to rush it, and I\'ll email you by Friday."'}
    base.update(slots)
    return "".join(f"{k}: {v}\n" for k, v in base.items())


def lint(make_pack: Any, scripts: dict[str, str], pack_yaml: str = VOICE, **kw: Any) -> list[Diagnostic]:
    return lint_pack(load_pack(make_pack(scripts, pack_yaml=pack_yaml)), **kw).diagnostics


def test_finding_points_at_source_with_slot_and_channels(make_pack: Any) -> None:
    text = script(solution='"I can offer store credit today."')
    (d,) = lint(make_pack, {"a.yaml": text})
    line = text.splitlines().index('solution: "I can offer store credit today."') + 1
    assert (d.code, d.name, d.text, d.slot) == ("SK801", "say-refund", "store credit", "solution")
    assert (d.location.line, d.location.col) == (line, len('solution: "I can offer ') + 1)
    assert d.location.file.endswith("a.yaml")
    assert d.extra["channels"] == "email,chat"  # one diagnostic for both channels
    assert d.script_id == "parcel-late"
    assert d.fix is not None and d.fix.edits[0].replacement == "refund"
    assert d.format().startswith(f"{d.location} SK801 [say-refund] Say 'refund' instead of 'store credit'.")


def test_every_variant_is_checked(make_pack: Any) -> None:
    text = script(acknowledgment='\n  - "I can see this is frustrating."\n  - "Sorry, it is store credit only."')
    (d,) = lint(make_pack, {"a.yaml": text})
    assert d.location.line == 6 and d.variant == 1


def test_channel_selection(make_pack: Any) -> None:
    voice = VOICE + "    - {name: sms-only, kind: existence, terms: [parcel], channels: [sms]}\n"
    text = script(channels="[email, sms]")
    assert {d.extra["channels"] for d in lint(make_pack, {"a.yaml": text}, voice)} == {"sms"}
    assert lint(make_pack, {"a.yaml": text}, voice, channels=["email"]) == []


def test_terms_inside_placeholders_are_not_words(make_pack: Any) -> None:
    voice = VOICE + "    - {name: no-order-word, kind: existence, terms: [order]}\n"
    text = script(acknowledgment='"I can see order {{ order.number }} is late, and that is frustrating."')
    found = lint(make_pack, {"a.yaml": text}, voice)
    assert [(d.name, d.location.col) for d in found] == [("no-order-word", len('acknowledgment: "I can see ') + 1)]


def test_no_fix_where_text_comes_from_a_template_expression(make_pack: Any) -> None:
    text = script(solution='"I can offer {{ credit_phrase }} today."')
    (d,) = lint(make_pack, {"a.yaml": text})
    assert d.text == "store credit" and d.fix is None


def test_a_fix_where_the_file_spells_the_text_with_an_escape_replaces_that_spelling(make_pack: Any) -> None:
    # the file writes "store\\x20credit", the reader reads "store credit": the edit covers the escape as
    # written, so the YAML stays valid and no stray backslash is left (a553bda1 made escaped text fixable)
    text = script(solution='"I can offer store\\x20credit today."')
    (d,) = lint(make_pack, {"a.yaml": text})
    assert d.fix is not None
    (edit,) = d.fix.edits
    written = Path(edit.file).read_text(encoding="utf-8")
    assert written[edit.start:edit.end] == "store\\x20credit" == edit.replaces
    assert edit.replacement == "refund"


def test_per_script_ignore(make_pack: Any) -> None:
    text = script(solution='"I can offer store credit today."') + "ignore: [custom]\n"
    assert lint(make_pack, {"a.yaml": text}) == []
    text = script(solution='"I can offer store credit today."') + "ignore: [SK2, no-such-rule]\n"
    found = lint(make_pack, {"a.yaml": text})
    assert sorted(d.code for d in found) == ["SK800", "SK801"]  # the unknown selector warns, located
    assert next(d for d in found if d.code == "SK800").location.line == 6


@pytest.mark.parametrize("comment", ["# scriptkit: ignore SK801", "# scriptkit: ignore say-refund, SK2",
                                     "# scriptkit: noqa", "# noqa: SK801", "# noqa"])
def test_inline_suppression_on_the_line(make_pack: Any, comment: str) -> None:
    text = script(solution=f'"I can offer store credit today."  {comment}')
    assert lint(make_pack, {"a.yaml": text}) == []


def test_inline_suppression_for_another_rule_does_not_hide(make_pack: Any) -> None:
    text = script(solution='"I can offer store credit today."  # scriptkit: ignore SK201')
    assert [d.code for d in lint(make_pack, {"a.yaml": text})] == ["SK801"]


def test_inline_suppression_on_the_slot_key_of_a_block(make_pack: Any) -> None:
    text = script(solution="|  # scriptkit: ignore SK801\n  I can offer\n  store credit today.")
    assert lint(make_pack, {"a.yaml": text}) == []
    text = script(solution="|\n  I can offer\n  store credit today.")
    (d,) = lint(make_pack, {"a.yaml": text})
    assert (d.location.line, d.location.col) == (7, 3)


def test_suppressions_are_per_line_and_rule_within_one_script(make_pack: Any) -> None:
    # (what can suppress a script's diagnostics is read once per script and file: the lines and
    # rules must still count one by one)
    voice = VOICE + "    - {name: no-late, kind: existence, terms: [late]}\n"
    text = script(acknowledgment='"Your store credit is late."',
                  solution='"I can offer store credit today, late or not."  # scriptkit: ignore say-refund')
    found = lint(make_pack, {"a.yaml": text}, voice)
    assert sorted((d.name, d.slot) for d in found) == [("no-late", "acknowledgment"), ("no-late", "solution"),
                                                       ("say-refund", "acknowledgment")]
    other = script(id="b", acknowledgment='"I hear you."')
    found = lint(make_pack, {"a.yaml": text + "ignore: [no-late]\n", "b.yaml": other}, voice)
    assert [(d.name, d.slot) for d in found] == [("say-refund", "acknowledgment")]


def test_file_wide_suppression(make_pack: Any) -> None:
    text = "# scriptkit: ignore-file SK801\n" + script(solution='"I can offer store credit today."')
    assert lint(make_pack, {"a.yaml": text}) == []


def test_output_is_sorted_and_stable(make_pack: Any) -> None:
    voice = VOICE + "    - {name: no-late, kind: existence, terms: [late]}\n"
    scripts = {f"{c}.yaml": script(id=c, solution='"store credit, store credit."') for c in ("b-one", "a-two")}
    first = [d.format() for d in lint(make_pack, scripts, voice)]
    assert first == [d.format() for d in lint(make_pack, scripts, voice)]
    files = [f.split(":")[0] for f in first]
    assert files == sorted(files) and len(first) == 6
    for d in lint(make_pack, scripts, voice):  # the sort reads the fields of sort_key() directly
        assert _order(d) == (*d.sort_key(), d.message, d.channel or "", d.variant)


def test_severity_ranks() -> None:
    assert [(s.value, s.rank) for s in Severity] == [("error", 3), ("warning", 2), ("suggestion", 1)]
    assert Severity.parse("warn").rank > Severity.parse("hint").rank


def test_severity_override_and_fail_level(make_pack: Any) -> None:
    voice = VOICE + "  severity: {say-refund: suggestion}\n"
    root = make_pack({"a.yaml": script(solution='"I can offer store credit."')}, pack_yaml=voice)
    result = lint_pack(load_pack(root))
    assert result.count(Severity.SUGGESTION) == 1 and result.count("warning") == 0
    assert not result.has_failures and result.exit_code == 0
    strict = result.config.override(fail_on="suggestion")
    assert lint_pack(load_pack(root), strict).exit_code == 1


# ---------------------------------------------------------------- rules written in Python

class LateWord(Rule):
    """Flags 'late' (test rule)."""

    code = "SK711"
    name = "late-word"
    fix_safe = True
    options: ClassVar[dict[str, Any]] = {"word": "late"}
    seen_options: ClassVar[list[dict[str, Any]]] = []

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        LateWord.seen_options.append(dict(ctx.options))
        word = ctx.option("word")
        at = message.text.find(word)
        if at >= 0:
            yield Finding(at, at + len(word), f"'{word}' found", replacement="delayed",
                          severity=Severity.ERROR if "parcel" in message.text else None)


class TooManyScripts(Rule):
    """Pack-level test rule."""

    code = "SK712"
    name = "too-many-scripts"

    def check_pack(self, pack: Pack, messages: list[Message], ctx: RuleContext) -> Iterable[Diagnostic]:
        if len(pack.scripts) > 1:
            yield Diagnostic(self.code, self.name, f"{len(pack.scripts)} scripts", self.severity,
                             Location(str(Path(pack.root) / "pack.yaml"), 1, 1))


class Broken(Rule):
    """A rule with a bug."""

    code = "SK713"
    name = "broken"

    def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
        raise ZeroDivisionError("oops")


def test_python_rules_options_severity_and_pack_checks(make_pack: Any) -> None:
    root = make_pack({"a.yaml": script(), "b.yaml": script(id="other", acknowledgment='"Your order is late."')})
    pack = load_pack(root)
    config = LintConfig(custom=(LateWord, TooManyScripts), options={"late-word": {"word": "late"}},
                        select=(Selector("SK711"), Selector("SK712")))
    result = lint_messages(render_pack(pack, all_variants=True), pack, config)
    by_code: dict[str, list[Diagnostic]] = {}
    for d in result.diagnostics:
        by_code.setdefault(d.code, []).append(d)
    assert [d.severity for d in by_code["SK711"]] == [Severity.ERROR, Severity.WARNING]  # finding's own severity
    assert all(d.fix is not None for d in by_code["SK711"])
    assert [d.message for d in by_code["SK712"]] == ["2 scripts"]
    assert {"word": "late"} in LateWord.seen_options
    assert result.rules == [LateWord, TooManyScripts]


def test_config_severity_beats_finding_severity(make_pack: Any) -> None:
    pack = load_pack(make_pack({"a.yaml": script()}))
    config = LintConfig(custom=(LateWord,), severities=((Selector("SK711"), Severity.SUGGESTION),),
                        select=(Selector("SK711"),))
    (d,) = lint_pack(pack, config).diagnostics
    assert d.severity == Severity.SUGGESTION


def test_a_broken_rule_is_reported_without_a_traceback(make_pack: Any) -> None:
    pack = load_pack(make_pack({"a.yaml": script()}))
    result = lint_pack(pack, LintConfig(custom=(Broken,), select=(Selector("SK713"),)))
    (d,) = result.diagnostics  # (a finding at the reply, exit 2: it was a ScriptkitError ending the run)
    assert (d.code, d.script_id, d.severity, result.exit_code) == ("SK713", "parcel-late", Severity.ERROR, 2)
    assert d.message.startswith("rule failed on this reply (email): ZeroDivisionError")


def test_grammar_rules_receive_the_mode_and_stay_off_by_default(make_pack: Any) -> None:
    modes: list[str] = []

    class FakeGrammar(Rule):
        """Records the grammar mode (test rule)."""

        code = "SK991"
        name = "fake-grammar"

        def check(self, message: Message, ctx: RuleContext) -> Iterable[Finding]:
            modes.append(ctx.option("mode"))
            return ()

    pack = load_pack(make_pack({"a.yaml": script()}))
    only = (Selector("SK991"),)
    lint_pack(pack, LintConfig(custom=(FakeGrammar,), select=only))
    assert modes == []
    lint_pack(pack, LintConfig(custom=(FakeGrammar,), select=only), grammar="http://127.0.0.1:9")
    assert modes and set(modes) == {"http://127.0.0.1:9"}


# ---------------------------------------------------------------- free text

REPLY = "Hi Sam,\nI can see how frustrating this is. We can only offer store credit.\nThanks, Jo\n"


def test_text_message_infers_slots_per_sentence() -> None:
    message, notes = text_message(REPLY, file="reply.txt")
    assert message.text == REPLY
    slots = [n.slot for n in notes]
    assert slots[0] == "greeting" and slots[1] == "acknowledgment"
    assert [n.text for n in notes][:3] == ["Hi Sam,", "I can see how frustrating this is.",
                                           "We can only offer store credit."]
    assert notes[2].location == Location("reply.txt", 2, 36, 43)


def test_lint_text_locates_in_the_text(tmp_path: Path) -> None:
    (tmp_path / "scriptkit.toml").write_text(
        'select = ["custom"]\n'
        'custom = [{name = "say-refund", kind = "substitution", swap = {"store credit" = "refund"}}]\n',
        encoding="utf-8")
    reply = tmp_path / "reply.txt"
    reply.write_text(REPLY, encoding="utf-8")
    result = lint_text(REPLY, file=str(reply))
    (d,) = result.diagnostics
    assert (d.code, d.location.line, d.location.col, d.text) == ("SK801", 2, 54, "store credit")
    assert result.sources[str(reply)] == REPLY
    assert len(result.sentences) == 4


# ---------------------------------------------------------------- the built-in rules on real scripts

STARTER = Path(__file__).resolve().parent.parent / "templates" / "starter"


def test_every_starter_script_passes_with_no_diagnostics_at_all() -> None:
    result = lint_pack(load_pack(STARTER), LintConfig())
    assert [d.format() for d in result.diagnostics] == []
    assert len(result.messages) >= len(load_pack(STARTER).scripts)


WARM = textwrap.dedent("""\
    id: late-delivery
    title: "Shipping::Late delivery"
    channels: [email, chat]
    acknowledgment: "I can see how frustrating it is that order {{ order.number }} still hasn't reached you, \\
      especially when you were counting on it."
    warm_language: "I'm really sorry it's running late, and thank you for letting me know so quickly."
    flexibility:
      guidance: Check the carrier's tracking first. If the parcel hasn't moved in three days, offer to resend it.
      blanks:
        - name: new_date
          prompt: The new delivery day from tracking
    solution: "I've asked the carrier to put your parcel at the front of the queue, and it's now due \\
      {{ blank.new_date }}. I'll keep an eye on the tracking and email you an update by tomorrow evening."
    """)
COLD = textwrap.dedent("""\
    id: late-delivery
    title: "Shipping::Late delivery"
    channels: [email]
    acknowledgment: "We have received your inquiry regarding order {{ order.number }}."
    warm_language: "We regret any inconvenience caused. Please be advised that delays are occasionally unavoidable."
    solution: "Per our policy, the matter is being processed. Do not hesitate to contact us should you \\
      require further assistance."
    """)


def test_a_warm_script_is_clean_and_its_cold_corporate_twin_is_not(make_pack: Any) -> None:
    warm = lint_pack(load_pack(make_pack({"late.yaml": WARM}, pack_yaml="name: Warm\n")), LintConfig())
    assert [d.format() for d in warm.diagnostics] == []
    cold = lint_pack(load_pack(make_pack({"late.yaml": COLD}, pack_yaml="name: Cold\n")), LintConfig())
    found = {(d.code, d.name) for d in cold.diagnostics}
    expected = {
        ("SK201", "corporate-phrase"),  # "We regret any inconvenience caused", "Please be advised", ...
        ("SK202", "formal-tone"),
        ("SK203", "no-contractions"),
        ("SK207", "no-warm-language"),  # its warm_language slot holds only stock phrases
        ("SK301", "missing-acknowledgment"),  # receipt of an inquiry names no feeling
        ("SK305", "dismissive-language"),  # "Per our policy"
        ("SK403", "no-owner"),  # "is being processed": by whom?
        ("SK404", "no-time-frame"),  # and when?
        ("SK406", "no-flexibility"),
    }
    assert expected <= found, sorted(expected - found)
    corporate = {d.text for d in cold.diagnostics if d.code == "SK201"}
    assert {"We regret any inconvenience caused", "Please be advised that",
            "Do not hesitate to contact us"} <= corporate
    apology = next(d for d in cold.diagnostics if d.text == "We regret any inconvenience caused")
    assert apology.suggestion == '"I\'m really sorry this happened"' and apology.slot == "warm_language"
    assert (apology.location.line, apology.location.col) == (5, 17)
    assert cold.has_failures


def test_inline_suppression_in_pack_yaml_and_ignoring_sk800(make_pack: Any) -> None:
    voice = VOICE.replace("select: [custom]", "select: [custom, no-such-rule]") + textwrap.dedent("""\
        channels:
          email:
            greeting: "Hi, store credit fans,"
            signoff: "Store credit team"  # scriptkit: ignore SK801
        """)
    found = lint(make_pack, {"a.yaml": script()}, voice)
    assert sorted((d.code, d.location.line) for d in found) == [("SK800", 5), ("SK801", 12)]
    quiet = voice.replace("select: [custom, no-such-rule]", "select: [custom, no-such-rule]\n  ignore: [SK800]")
    assert [d.code for d in lint(make_pack, {"a.yaml": script()}, quiet)] == ["SK801"]


def test_review_lists_findings_outside_any_sentence(tmp_path: Path) -> None:
    import io

    from scriptkit.reporters import get_reporter

    (tmp_path / "scriptkit.toml").write_text(
        'select = ["custom"]\ncustom = [{name = "thank-them", kind = "occurrence", terms = ["thank you"], min = 1}]\n',
        encoding="utf-8")
    result = lint_text("  \nI can see how frustrating this is.", file=str(tmp_path / "r.txt"))
    (d,) = result.diagnostics
    assert d.code == "SK801"
    out = io.StringIO()
    get_reporter("text")(result, out)
    assert "SK801 [thank-them]" in out.getvalue()


def test_required_phrase_in_a_slot_the_script_lacks(make_pack: Any) -> None:
    voice = VOICE + "    - {name: warm-thanks, kind: occurrence, terms: [thank you], min: 1, slots: [warm_language]}\n"
    (d,) = lint(make_pack, {"a.yaml": script()}, voice)
    assert d.name == "warm-thanks" and d.slot == "acknowledgment" and d.location.line == 4
    assert lint(make_pack, {"a.yaml": script(warm_language='"Thank you for waiting."')}, voice) == []


def test_an_unknown_selector_in_a_suppression_comment_warns_at_it(make_pack: Any) -> None:
    # the docs promise a typo never silently switches nothing off: in a comment too
    text = ("# scriptkit: ignore-file SK9999, warmthh\n"
            + script(acknowledgment='"I can see how frustrating it is that your store credit is late."  '
                                    "# scriptkit: ignore nonsense",
                     solution='"I can offer store credit today."  # noqa: SK801, say-refnd'))
    found = lint(make_pack, {"a.yaml": text})
    warnings = sorted((d.location.line, d.location.col, d.message, d.suggestion) for d in found if d.code == "SK800")
    lines = text.splitlines()
    ack, sol = (next(i for i, line in enumerate(lines) if line.startswith(k)) + 1
                for k in ("acknowledgment", "solution"))
    assert [(line, col, message) for line, col, message, _ in warnings] == [
        (1, 26, "unknown rule selector 'SK9999' in a '# scriptkit: ignore-file' comment"),
        (1, 34, "unknown rule selector 'warmthh' in a '# scriptkit: ignore-file' comment"),
        (ack, lines[ack - 1].index("nonsense") + 1, "unknown rule selector 'nonsense' in a '# scriptkit: ignore' "
                                                     "comment"),
        (sol, lines[sol - 1].index("say-refnd") + 1, "unknown rule selector 'say-refnd' in a '# noqa' comment"),
    ]
    assert warnings[1][3] == "Did you mean 'warmth'?" and warnings[3][3] == "Did you mean 'say-refund'?"
    assert all(d.location.file.endswith("a.yaml") for d in found if d.code == "SK800")
    # the known selectors still suppress: SK801 is the line's, and nothing else fires
    assert [d.code for d in found if d.code != "SK800"] == ["SK801"]  # the acknowledgment's store credit


def test_a_suppression_comment_in_pack_yaml_is_checked_and_sk800_can_be_ignored(make_pack: Any) -> None:
    voice = VOICE + 'channels:\n  email:\n    signoff: "The team"  # scriptkit: ignore SK7\n'
    found = lint(make_pack, {"a.yaml": script()}, voice)
    (warning,) = [d for d in found if d.code == "SK800"]
    assert warning.message == "unknown rule selector 'SK7' in a '# scriptkit: ignore' comment"
    assert warning.location.file.endswith("pack.yaml") and warning.location.line == 12
    quiet = voice.replace("select: [custom]", "select: [custom]\n  ignore: [SK800]")
    assert [d.code for d in lint(make_pack, {"a.yaml": script()}, quiet)] == []


def test_lint_text_reads_html_from_a_python_caller_as_its_text_located_in_the_html() -> None:
    # a helpdesk integration passing a ticket comment's html_body, as the CLI's review does
    from scriptkit.errors import ConfigError

    html = "<p>Hi Sam,</p>\r<p>I&#39;m so sorry your parcel is late.</p><p>I&#39;ll chase it today &amp; call you.</p>"
    result = lint_text(html, channel="email", config=LintConfig().override(grammar="off"), file="comment.html")
    assert result.read_as == "HTML"
    assert not [d for d in result.diagnostics if d.code == "SK403"]  # "I&#39;ll" is read as "I'll": an owner
    assert all("<p>" not in (d.text or "") and "&#39;" not in (d.text or "") for d in result.diagnostics)
    [late] = [s for s in result.sentences if "parcel" in s.text]
    assert (late.location.line, late.location.col) == (2, 4)  # the bare "\r" ends line 1; "<p>" is skipped
    assert html[late.start:late.end].startswith("I&#39;m so sorry")
    assert result.sources["comment.html"] == html.replace("\r", "\n")
    with pytest.raises(ConfigError, match="no text in HTML"):
        lint_text("<p> </p><br>", config=LintConfig().override(grammar="off"))
