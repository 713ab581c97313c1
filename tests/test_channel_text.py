"""A channel's own slot text (``by_channel``): rendered, located, linted, fixed and exported."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from scriptkit import export, fixing, import_library, lint_pack, load_pack, render_pack
from scriptkit.cli import main

PACK = """\
name: Channel text
channels:
  sms:
    greeting: "Hi {{ customer.first_name | fallback('there') }}!"
    signoff: "- {{ agent.first_name }}"
"""

SCRIPT = """\
id: late-parcel
title: Late parcel
channels: [email, chat, sms]
acknowledgment: "I can see how frustrating it is to wait on a parcel that was due days ago."
warm_language: "Thanks for bearing with me while I looked into it."
flexibility:
  blanks:
    - {name: new_date, prompt: "The carrier's new delivery date"}
solution: "I've asked the carrier to prioritise it, and I'll email you the new tracking link today."
by_channel:
  sms:
    acknowledgment:
      - "I know waiting on a late parcel is frustrating."
      - "I'm sorry your parcel is late."
    warm_language: ""
    solution: "I've chased the carrier. It'll arrive {{ blank.new_date }}."
"""


def _texts(root: Path) -> dict[tuple[str, int], str]:
    return {(m.channel, m.variant): m.text for m in render_pack(load_pack(root), all_variants=True)}


def test_a_channel_renders_its_own_slots_and_the_script_text_elsewhere(make_pack: Any) -> None:
    texts = _texts(make_pack({"late.yaml": SCRIPT}, PACK))
    # sms has two acknowledgment variants of its own; email and chat keep the script's one
    assert sorted(texts) == [("chat", 0), ("email", 0), ("sms", 0), ("sms", 1)]
    assert texts[("sms", 0)] == ("Hi {{customer.first_name}}! I know waiting on a late parcel is frustrating. "
                                 "I've chased the carrier. It'll arrive [[new_date]]. - {{agent.first_name}}")
    assert texts[("sms", 1)].startswith("Hi {{customer.first_name}}! I'm sorry your parcel is late. I've chased")
    assert "Thanks for bearing with me" not in texts[("sms", 0)]  # an empty text leaves the slot out
    for channel in ("email", "chat"):
        assert "I can see how frustrating" in texts[(channel, 0)] and "prioritise it" in texts[(channel, 0)]


def test_findings_in_a_channel_text_point_at_its_line(make_pack: Any) -> None:
    script = SCRIPT.replace("I've chased the carrier.", "Please be advised the carrier was chased.")
    root = make_pack({"late.yaml": script}, PACK)
    found = [d for d in lint_pack(load_pack(root)).diagnostics if "Please be advised" in d.text]
    assert found and {d.channel for d in found} == {"sms"}
    line = script.splitlines().index('    solution: "Please be advised the carrier was chased. '
                                     'It\'ll arrive {{ blank.new_date }}."') + 1
    assert {(d.location.line, d.location.col, d.slot) for d in found} == {(line, 16, "solution")}


def test_fix_rewrites_the_channel_text_in_place(make_pack: Any) -> None:
    script = SCRIPT.replace("I've chased the carrier.", "Kindly note I've chased the carrier.")
    root = make_pack({"late.yaml": script}, PACK)
    plans = fixing.plan(lint_pack(load_pack(root)).diagnostics)
    assert fixing.apply(plans) >= 1
    after = (root / "scripts" / "late.yaml").read_text(encoding="utf-8")
    assert after == script.replace("Kindly note I've", "Please note I've")


def test_a_blank_used_only_by_one_channel_counts_as_used(make_pack: Any) -> None:
    root = make_pack({"late.yaml": SCRIPT}, PACK)
    assert [d for d in lint_pack(load_pack(root)).diagnostics if "new_date" in d.message] == []


def _check(root: Path) -> Any:
    return CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--format", "json"])


def test_text_for_a_channel_the_script_is_not_sent_on_is_a_located_error(make_pack: Any) -> None:
    root = make_pack({"late.yaml": SCRIPT.replace("[email, chat, sms]", "[email, chat]")}, PACK)
    result = _check(root)
    assert result.exit_code == 2
    line = SCRIPT.splitlines().index("  sms:") + 1
    assert f"late.yaml:{line}:3: error: by_channel has text for 'sms'" in result.output
    assert "Add sms to channels" in result.output and "Traceback" not in result.output


def test_typos_in_by_channel_are_located_with_the_likely_key(make_pack: Any) -> None:
    script = SCRIPT.replace("  sms:\n", "  smss:\n").replace('    warm_language: ""', '    warm_langage: ""')
    result = _check(make_pack({"late.yaml": script}, PACK))
    assert result.exit_code == 2
    lines = script.splitlines()
    channel_line, slot_line = lines.index("  smss:") + 1, lines.index('    warm_langage: ""') + 1
    assert f"late.yaml:{channel_line}:3:" in result.output and "Did you mean 'sms'?" in result.output
    assert f"late.yaml:{slot_line}:5:" in result.output
    assert "Did you mean 'warm_language'?" in result.output


def test_a_placeholder_typo_in_a_channel_text_is_found_even_when_the_script_is_invalid(make_pack: Any) -> None:
    script = SCRIPT.replace("{{ blank.new_date }}", "{{ customer.frist_name }}")
    for text in (script, script.replace("title:", "titel:")):  # valid, then failing validation too
        result = _check(make_pack({"late.yaml": text}, PACK))
        assert result.exit_code == 2
        line = text.splitlines().index('    solution: "I\'ve chased the carrier. It\'ll arrive '
                                       '{{ customer.frist_name }}."') + 1
        assert f"late.yaml:{line}:" in result.output and "unknown placeholder 'customer.frist_name'" in result.output


def _messages(path: Path) -> dict[tuple[str, int], str]:
    return {(m["channel"], m["variant"]): m["text"] for m in json.loads(path.read_text(encoding="utf-8"))["messages"]}


def test_scriptkits_own_export_reads_back_with_the_channel_text(make_pack: Any, tmp_path: Path) -> None:
    export(make_pack({"late.yaml": SCRIPT}, PACK), ["json"], tmp_path / "first", force=True, lint=False)
    back = import_library(tmp_path / "first" / "json" / "pack.json").write(tmp_path / "back")
    export(back, ["json"], tmp_path / "second", force=True, lint=False)
    first = _messages(tmp_path / "first" / "json" / "pack.json")
    assert len(first) == 4 and _messages(tmp_path / "second" / "json" / "pack.json") == first
    (script,) = load_pack(back).scripts
    sms = script.by_channel["sms"]
    assert sms.acknowledgment == ["I know waiting on a late parcel is frustrating.", "I'm sorry your parcel is late."]
    assert sms.warm_language == "" and script.by_channel.keys() == {"sms"}  # email is the script's text


def test_a_channel_entry_that_is_not_a_mapping_names_the_keys_it_takes(make_pack: Any) -> None:
    start = SCRIPT.index("  sms:\n")
    script = SCRIPT[:start] + "  sms: shorter please\n"
    result = _check(make_pack({"late.yaml": script}, PACK))
    assert result.exit_code == 2 and "Traceback" not in result.output
    line = script.splitlines().index("  sms: shorter please") + 1
    assert (f"late.yaml:{line}:8: error: 'sms' must be a mapping of keys and values. Known keys here: "
            "acknowledgment, solution, warm_language.") in result.output


def test_the_new_pack_templates_commented_sms_example_is_all_clear(tmp_path: Path) -> None:
    from scriptkit.templates import template_dir

    new = template_dir("new")
    root = tmp_path / "pack"
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text((new / "pack.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (script_file,) = (new / "scripts").glob("*.yaml")
    text = script_file.read_text(encoding="utf-8")
    start = text.index("\n# by_channel:\n") + 1
    example = "\n".join(line.removeprefix("# ") for line in text[start:].splitlines())
    text = text[:start].replace("channels: [email, chat]", "channels: [email, chat, sms]") + example + "\n"
    (root / "scripts" / script_file.name).write_text(text, encoding="utf-8")
    result = lint_pack(load_pack(root))
    assert [d.format() for d in result.diagnostics] == []
    assert any(m.channel == "sms" and "free replacement" in m.text for m in result.messages)


def test_workers_render_channel_text_as_the_serial_run(make_pack: Any) -> None:
    import io
    import multiprocessing

    import pytest

    from scriptkit import parallel
    from scriptkit.reporters import get_reporter

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("worker processes need the fork start method")
    plain = SCRIPT[:SCRIPT.index("by_channel:")].replace("[email, chat, sms]", "[email, chat]")
    scripts = {f"s{i:04d}.yaml": (SCRIPT if i % 3 else plain).replace("id: late-parcel", f"id: late-{i}")
               .replace("I've chased", "Kindly note I've chased" if i % 5 == 0 else "I've chased")
               for i in range(parallel.MIN_SCRIPTS + 60)}
    root = make_pack(scripts, PACK)

    def report(jobs: int) -> str:
        out = io.StringIO()
        get_reporter("json")(lint_pack(load_pack(root, jobs=jobs), grammar="off", jobs=jobs), out)
        return out.getvalue()

    serial = report(1)
    assert '"text": "Kindly' in serial  # findings in the channel text
    assert report(2) == serial


def test_a_reply_too_long_for_sms_points_at_by_channel(make_pack: Any) -> None:
    from scriptkit.linting import lint_text

    long_sms = SCRIPT[:SCRIPT.index("by_channel:")]  # the email's text on SMS too: too long
    found = [d for d in lint_pack(load_pack(make_pack({"late.yaml": long_sms}, PACK))).diagnostics if d.code == "SK104"]
    assert found and all("Or give sms its own shorter text" in (d.suggestion or "") for d in found)
    # a script with its own SMS text that is still too long is told to shorten that text
    chased = "I've chased the carrier again. " * 5
    wordy = SCRIPT.replace('solution: "I\'ve chased the carrier.', 'solution: "' + chased)
    found = [d for d in lint_pack(load_pack(make_pack({"late.yaml": wordy}, PACK))).diagnostics if d.code == "SK104"]
    assert found and all("Shorten the script's own sms text, under 'by_channel:' then 'sms:'" in (d.suggestion or "")
                         for d in found)
    reply = "I can see how frustrating the wait is. " * 6 + "I'll reship it today."
    text = lint_text(reply, channel="sms", grammar="off")
    (free,) = [d for d in text.diagnostics if d.code == "SK104"]
    assert "by_channel" not in (free.suggestion or "")  # free text has no script to split


def _findings(root: Path, code: str) -> list[str]:
    result = CliRunner().invoke(main, ["check", str(root), "--select", code, "--format", "github"])
    assert result.exit_code in (0, 1) and "Traceback" not in result.output, result.output
    return [line for line in result.output.splitlines() if line.startswith("::")]


def test_an_emptied_channel_solution_is_reported_at_its_line(make_pack: Any) -> None:
    # SK401 pointed at the greeting in pack.yaml, the start of the reply, far from the empty text
    own_solution = "    solution: \"I've chased the carrier. It'll arrive {{ blank.new_date }}.\""
    script = SCRIPT.replace(own_solution, '    solution: ""')
    root = make_pack({"late.yaml": script}, PACK)
    line = script.splitlines().index('    solution: ""') + 1
    (finding,) = _findings(root, "SK401")
    assert f"file={root}/scripts/late.yaml,line={line},col=5" in finding and "no solution" in finding


def test_empty_slots_of_the_script_are_reported_at_their_keys(make_pack: Any) -> None:
    """Not a load error: a draft, or an imported macro without one, is the linter's to judge."""
    lines = SCRIPT.splitlines()
    acknowledgment = next(x for x in lines if x.startswith("acknowledgment:"))
    warm = next(x for x in lines if x.startswith("warm_language:"))
    solution = next(x for x in lines if x.startswith("solution:"))
    # one finding for the channels that read the script's own slot (sms has its own text)
    root = make_pack({"late.yaml": SCRIPT.replace(solution, "solution: [' ', '']")}, PACK)
    (no_solution,) = _findings(root, "SK401")
    assert f"file={root}/scripts/late.yaml,line={lines.index(solution) + 1},col=1" in no_solution
    root = make_pack({"late.yaml": SCRIPT.replace(acknowledgment, 'acknowledgment: ""').replace(warm, "")}, PACK)
    (no_acknowledgment,) = _findings(root, "SK301")
    assert f"file={root}/scripts/late.yaml,line={lines.index(acknowledgment) + 1},col=1" in no_acknowledgment
