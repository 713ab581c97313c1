"""The CLI on real folders: `scriptkit init` and `scriptkit render`, good input and bad."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

SCRIPTKIT = Path(sys.executable).parent / "scriptkit"  # the console script of the running venv

GOOD = """\
id: late
title: "Shipping::Late"
channels: [email, chat]
acknowledgment:
  - "I can see how frustrating it is that order {{ order.number }} is late."
  - "Waiting on a late parcel is stressful, I know."
flexibility:
  blanks:
    - name: new_date
      prompt: The new delivery day
solution: "I've asked the carrier to hurry. It'll arrive {{ blank.new_date }}."
"""


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run([str(SCRIPTKIT), *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=120)


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), env={"NO_COLOR": "1", "COLUMNS": "200"})


def test_render_prints_canonical_placeholders_and_blanks(make_pack):
    root = make_pack({"late.yaml": GOOD})
    result = invoke("render", str(root), "--channel", "email", "--no-notes")
    assert result.exit_code == 0, result.output
    assert ('Hi {{ customer.first_name | fallback("there") }},\n\nI can see how frustrating it is that order '
            '{{ order.number }} is late.') in result.output
    assert "It'll arrive [[new date]]." in result.output


def test_render_preview_fills_sample_values(make_pack):
    root = make_pack({"late.yaml": GOOD})
    result = invoke("render", str(root), "--preview", "--channel", "email")
    assert result.exit_code == 0, result.output
    assert "Hi Maya,\n\nI can see how frustrating it is that order A-10432 is late." in result.output
    assert "{{" not in result.output


def test_render_one_script_on_chat(make_pack):
    root = make_pack({"late.yaml": GOOD, "other.yaml": GOOD.replace("id: late", "id: other")})
    result = invoke("render", str(root), "--script", "late", "--channel", "chat", "--format", "json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert [(m["script"], m["channel"], m["variant"]) for m in out] == [("late", "chat", 0)]
    assert out[0]["text"].startswith('Hi {{ customer.first_name | fallback("there") }}! I can see how frustrating')


def test_render_all_variants(make_pack):
    root = make_pack({"late.yaml": GOOD})
    result = invoke("render", str(root), "--variants", "--channel", "email", "--format", "json")
    texts = [m["text"] for m in json.loads(result.output)]
    assert len(texts) == 2 and "Waiting on a late parcel is stressful, I know." in texts[1]


def test_render_unknown_script_suggests_the_id(make_pack):
    root = make_pack({"late.yaml": GOOD})
    result = invoke("render", str(root), "--script", "lte")
    assert result.exit_code == 2
    assert f"error: no script with id 'lte' in {root}. Did you mean 'late'?" in result.output


def test_render_channel_the_script_is_not_written_for(make_pack):
    root = make_pack({"late.yaml": GOOD})
    result = invoke("render", str(root), "--script", "late", "--channel", "sms")
    assert result.exit_code == 2
    assert f"{root}/scripts/late.yaml:3:11: error: script 'late' is not written for the sms channel" in result.output


@pytest.mark.slow
def test_bad_pack_reports_every_problem_located_without_traceback(make_pack):
    root = make_pack(
        {
            "a.yaml": 'id: a\ntitle: Billing: refund\nacknowledgment: x\nsolution: y\n',
            "b.yaml": 'id: b\ntitle: T\nacknowlegment: "Hi"\nsolution: |\n  One.\n  Two.\n  Three {{ oops\n',
            "c.yaml": 'id: c\ntitle: T\nacknowledgment: "{{ refund_windw_days }}"\nsolution: "{{ order.numbr }}"\n',
            "d.yaml": 'id: c\ntitle: T\nacknowledgment: "x"\nsolution: "{{ blank.why }}"\n',
        },
        "name: Bad\nconstants:\n  refund_window_days: 30\n",
    )
    result = run("render", str(root))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout
    s = f"{root}/scripts"
    assert result.stderr.splitlines() == [
        f"{s}/a.yaml:2:15: error: YAML syntax error: a ': ' in a value that is not quoted. "
        "A value containing ': ' must be quoted, e.g. title: \"Billing: refund\".",
        f"{s}/b.yaml:3:1: error: unknown key 'acknowlegment'. Did you mean 'acknowledgment'?",
        f"{s}/b.yaml:7:9: error: template syntax error in solution: this '{{{{' is never closed with '}}}}'. "
        "Add '}}' where the placeholder ends: {{ oops }}.",
        f"{s}/c.yaml:3:21: error: undefined name 'refund_windw_days'. Did you mean 'refund_window_days'? "
        "Define constants under 'constants:' in pack.yaml.",
        f"{s}/c.yaml:4:21: error: unknown placeholder 'order.numbr'. Did you mean 'order.number'? "
        "Declare custom placeholders under 'placeholders:' in pack.yaml.",
        f"{s}/d.yaml:1:5: error: duplicate script id 'c' (also used in {s}/c.yaml). Give every script a unique id.",
        f"{s}/d.yaml:4:21: error: blank 'why' is used but not declared. "
        "Declare it under flexibility: blanks: - name: why",
        "7 problems found.",
    ]
    assert result.stdout == ""


@pytest.mark.slow
@pytest.mark.parametrize(
    "payload",
    ["{{ ''.__class__.__mro__[1].__subclasses__() }}", "{{ cycler.__init__.__globals__ }}",
     "{{ 'a' * 100000000 }}"],
)
def test_injection_payloads_are_refused_and_reveal_nothing(make_pack, payload):
    root = make_pack({"evil.yaml": f'id: evil\ntitle: T\nacknowledgment: "x"\nsolution: "{payload}"\n'})
    result = run("render", str(root), "--preview")
    output = result.stdout + result.stderr
    assert result.returncode == 2
    assert result.stdout == ""
    assert f"{root}/scripts/evil.yaml:4:" in result.stderr
    for leak in ("<class", "subprocess", "__builtins__", "aaaaaaaaaa", "Traceback", "<function", "<built-in"):
        assert leak not in output


def test_init_names_a_folder_with_a_space_quoted_in_the_next_command(tmp_path):
    result = run("init", "my pack", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "Next: scriptkit render 'my pack' --preview"  # pasted, it works


@pytest.mark.slow
def test_init_then_render_the_new_pack(tmp_path):
    result = run("init", "my-pack", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["Created my-pack/ with pack.yaml and scripts/.",
                                          "Next: scriptkit render my-pack --preview"]
    assert "name: My Pack\n" in (tmp_path / "my-pack" / "pack.yaml").read_text(encoding="utf-8")
    rendered = run("render", "my-pack", "--preview", cwd=tmp_path)
    assert rendered.returncode == 0, rendered.stderr
    assert "Hi Maya," in rendered.stdout and "Traceback" not in rendered.stderr


def test_init_into_a_non_empty_folder_is_refused(tmp_path):
    target = tmp_path / "busy"
    target.mkdir()
    (target / "notes.txt").write_text("keep me", encoding="utf-8")
    result = invoke("init", str(target))
    assert result.exit_code == 2
    assert f"{target}: error: {target} already exists and is not empty" in result.output
    assert sorted(p.name for p in target.iterdir()) == ["notes.txt"]  # nothing was changed
    assert not list(tmp_path.glob(".*"))  # and no temporary folder left behind


def test_init_inside_a_packs_scripts_folder_is_refused(tmp_path):
    # 'init' run where a writer keeps scripts, to start a new one: the new pack's pack.yaml and
    # example were then read as scripts of the outer pack, which no longer loaded
    assert invoke("init", str(tmp_path / "outer")).exit_code == 0
    inner = tmp_path / "outer" / "scripts" / "refunds"
    result = invoke("init", str(inner))
    assert result.exit_code == 2
    assert result.output.startswith(f"{inner}: error: {inner} is inside the scripts folder of the pack "
                                    f"{tmp_path / 'outer'}")
    assert not inner.exists() and not list((tmp_path / "outer" / "scripts").glob(".*"))
    assert invoke("check", str(tmp_path / "outer")).exit_code == 0


def test_init_into_an_empty_folder_and_a_name_that_needs_quoting(tmp_path):
    target = tmp_path / "empty"
    target.mkdir()
    result = invoke("init", str(target), "--name", "Acme: Support")
    assert result.exit_code == 0, result.output
    assert 'name: "Acme: Support"\n' in (target / "pack.yaml").read_text(encoding="utf-8")
    rendered = invoke("render", str(target), "--format", "json")
    assert rendered.exit_code == 0, rendered.output


def test_init_from_the_starter_pack(tmp_path):
    result = invoke("init", str(tmp_path / "starter"), "--from", "starter")
    assert result.exit_code == 0, result.output
    rendered = invoke("render", str(tmp_path / "starter"), "--script", "late-delivery", "--preview",
                      "--channel", "email")
    assert rendered.exit_code == 0, rendered.output
    assert rendered.output.count("Hi Maya,") == 1


def test_init_unknown_template(tmp_path):
    result = invoke("init", str(tmp_path / "x"), "--from", "nope")
    assert result.exit_code == 2
    assert "error: no built-in template named 'nope'. Known: new, starter." in result.output
    assert not (tmp_path / "x").exists()


@pytest.mark.slow
def test_wheel_ships_the_starter_pack(tmp_path):
    """A non-editable install finds templates/starter inside the package."""
    repo = Path(__file__).resolve().parent.parent
    wheels, target = tmp_path / "wheels", tmp_path / "site"
    offline = ["--no-deps", "--no-index", "--disable-pip-version-check", "-q"]  # pip asks no index, not even its own
    subprocess.run([sys.executable, "-m", "pip", "wheel", *offline, "--no-build-isolation", str(repo),
                    "-w", str(wheels)], check=True, capture_output=True, timeout=300)
    (wheel,) = wheels.glob("scriptkit-*.whl")
    subprocess.run([sys.executable, "-m", "pip", "install", *offline, "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    probe = (
        "import json, scriptkit\n"
        "root = scriptkit.template_dir('starter')\n"
        "pack = scriptkit.load_pack(root)\n"
        "print(json.dumps([scriptkit.__file__, str(root), len(pack.scripts),"
        " str(scriptkit.template_dir('new'))]))\n"
    )
    # the installed copy comes first on the path; dependencies come from the running venv
    env = {**os.environ, "PYTHONPATH": str(target)}
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True, cwd=tmp_path,
                         env=env, timeout=120)
    module, starter, count, new = json.loads(out.stdout)
    assert module == str(target / "scriptkit" / "__init__.py")
    assert starter == str(target / "scriptkit" / "templates" / "starter")
    assert new == str(target / "scriptkit" / "templates" / "new")
    assert count >= 20


def test_render_a_missing_pack(tmp_path):
    result = invoke("render", str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert result.output.startswith(f"{tmp_path}/nope: error: no such pack: {tmp_path}/nope. ")
    assert "Traceback" not in result.output


def test_render_json_carries_agent_notes(make_pack):
    script = GOOD.replace("flexibility:\n", "flexibility:\n  guidance: Check tracking first.\n")
    result = invoke("render", str(make_pack({"late.yaml": script})), "--channel", "email", "--format", "json")
    (message,) = json.loads(result.output)
    assert message["notes"] == [{"kind": "guidance", "label": "Guidance", "text": "Check tracking first."}]


@pytest.mark.slow
@pytest.mark.parametrize("command", ["export", "import", "audit --html", "check -o", "review -o"])
def test_an_output_that_cannot_be_written_exits_2_without_traceback(make_pack, tmp_path, command):
    root = make_pack({"late.yaml": GOOD})
    blocker = tmp_path / "notes.txt"  # a file where the output's folder should be
    blocker.write_text("mine", encoding="utf-8")
    library = tmp_path / "replies.csv"
    library.write_text("Name,Text\nLate,\"I'm sorry it is late. I've sent a new one today.\"\n", encoding="utf-8")
    reply = tmp_path / "reply.txt"
    reply.write_text("I'm sorry it is late. I've sent a new one today.", encoding="utf-8")
    too_long = str(tmp_path / ("r" * 300 + ".json"))  # a name no file system takes
    args = {
        "export": ["export", str(root), "--to", "csv", "--out", str(blocker / "exports")],
        "import": ["import", str(library), "--out", str(blocker / "pack")],
        "audit --html": ["audit", str(root), "--html", str(blocker / "audit.html")],
        "check -o": ["check", str(root), "--format", "json", "-o", too_long],
        "review -o": ["review", str(reply), "--format", "json", "-o", too_long],
    }[command]
    result = run(*args, "--grammar", "off") if command != "import" else run(*args)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "error: cannot write" in result.stderr
    assert blocker.read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt", "pack", "replies.csv", "reply.txt"]


@pytest.mark.parametrize("command", [["render"], ["check"], ["review"], ["audit"], ["rules", "--pack"],
                                     ["export", "--to", "csv", "--out", "exported"]])
def test_a_path_the_system_refuses_is_an_error_not_a_traceback(tmp_path, command):
    # a name longer than any file system takes: the system's refusal, said plainly, exit 2
    too_long = str(tmp_path / ("p" * 300))
    args = [command[0], too_long, *command[1:]] if command[0] != "rules" else [*command, too_long]
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert "File name too long" in result.output and "cannot write" not in result.output


@pytest.mark.slow
def test_a_bug_met_on_some_input_is_one_line_and_exit_2_not_a_traceback_and_exit_1(make_pack, tmp_path):
    # a traceback exits 1, which CI reads as "findings"; here a third-party export target that
    # fails in render stands for any bug: one line saying so, exit 2, the traceback on request
    site = tmp_path / "site"
    site.mkdir()
    (site / "brokendesk.py").write_text(
        "from scriptkit.targets import BaseTarget\n\n"
        "class Broken(BaseTarget):\n"
        "    name = 'brokendesk'\n"
        "    summary = 'fails'\n"
        "    def render(self, message):\n"
        "        raise ValueError('boom in render')\n"
        "    def measure(self, payload):\n"
        "        return '', ''\n"
        "    def files(self, rendered):\n"
        "        return {}\n\n"
        "def target():\n"
        "    return Broken()\n", encoding="utf-8")
    dist = site / "brokendesk-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: brokendesk\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[scriptkit.targets]\nbrokendesk = brokendesk:target\n", encoding="utf-8")
    root = make_pack({"late.yaml": GOOD})
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(site)}
    args = [str(SCRIPTKIT), "export", str(root), "--to", "brokendesk", "--out", str(tmp_path / "out"), "--force"]
    result = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "error: unexpected ValueError: boom in render" in result.stderr and "SCRIPTKIT_DEBUG=1" in result.stderr
    assert not (tmp_path / "out").exists()
    result = subprocess.run(args, capture_output=True, text=True, env={**env, "SCRIPTKIT_DEBUG": "1"}, timeout=120)
    assert "Traceback" in result.stderr and "boom in render" in result.stderr


def test_check_refuses_an_alias_bomb_at_the_alias_with_exit_2(make_pack):
    # nine anchored lists of nine aliases of the list before: expanded, 9**9 values
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for before, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{before}"] * 9) + "]")
    root = make_pack({"late.yaml": GOOD + "\n".join(lines) + "\ntags: *i\n"}, "name: T\ndescription: *nothing\n")
    result = invoke("check", str(root))
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    text = (GOOD + "\n".join(lines)).splitlines()
    line = text.index(next(x for x in text if x.startswith("e: &e"))) + 1  # where the repeats pass 10,000
    assert f"{root}/scripts/late.yaml:{line}:8: error: aliases repeat 15,670 values by here" in result.output
    assert (f"{root}/pack.yaml:2:14: error: YAML syntax error: this value starts with '*', which YAML reads as a "
            "reference to an anchor") in result.output


def test_check_names_a_bad_constant_once_keeps_the_rest_and_skips_hidden_files(make_pack):
    text = GOOD.replace("is late.\"", "is late. We answer {{ support_hours }}.\"")
    root = make_pack({"late.yaml": text},
                     "name: T\nconstants:\n  refund_window_days: [1, 2]\n  support_hours: \"9am to 5pm\"\n")
    (root / "scripts" / "._late.yaml").write_bytes(b"\x00\x05\x16\x07\xff")  # macOS's, from a zip
    result = invoke("check", str(root))
    assert result.exit_code == 2, result.output
    assert result.output.splitlines() == [
        f"{root}/pack.yaml:3:23: error: constant 'refund_window_days' must be text or a number. "
        "A constant is text or a number, e.g. refund_days: 5; write lists and sentences into the scripts.",
    ]


def test_a_reply_too_long_for_sms_points_at_the_sms_text_of_the_script(make_pack):
    # the reply's start is the acknowledgment every channel shares: editing it there shortens the
    # email too; the channel's own text under by_channel is what the writer wrote for SMS alone
    script = GOOD.replace("channels: [email, chat]", "channels: [email, sms]") + (
        "by_channel:\n  sms:\n    solution: \"I've asked the carrier to hurry your parcel along today, and it "
        "will reach you by {{ blank.new_date }} at the latest, with tracking by text.\"\n")
    root = make_pack({"late.yaml": script})
    result = invoke("check", str(root), "--select", "SK104", "--format", "json", "--jobs", "1")
    found = json.loads(result.output)["diagnostics"]  # (one a variant)
    assert {(f["line"], f["col"], f["end_line"], f["slot"]) for f in found} == {(14, 16, 14, "solution")}
    # without text of its own, the whole reply is to shorten: from its start
    root = make_pack({"late.yaml": script.split("by_channel:")[0].replace(
        "to hurry.", "to hurry your parcel along today, with tracking by text.")})
    result = invoke("check", str(root), "--select", "SK104", "--format", "json", "--jobs", "1")
    found = json.loads(result.output)["diagnostics"]
    assert found and {(f["line"], f["col"], f["slot"]) for f in found} <= {(5, 6, "acknowledgment"),
                                                                           (6, 6, "acknowledgment")}


def test_review_of_text_saved_with_a_byte_order_mark_locates_a_bad_byte_in_characters(tmp_path: Path):
    reply = tmp_path / "reply.txt"
    reply.write_bytes(b"\xef\xbb\xbfHi, caf\xe9 time.\n")
    result = invoke("review", str(reply))
    assert result.exit_code == 2 and f"{reply}:1:8: error: the text is not valid UTF-8" in result.output
