"""`check --format github` on a pack it cannot read: each problem is an error annotation at its line
(the job failed with exit 2 and nothing on the pull request's diff), and still on stderr."""

from __future__ import annotations

from typing import Any

from click.testing import CliRunner

from scriptkit.cli import main

SCRIPT = ("id: late\ntitle: Late\nchannels: [email, Chat]\n"
          "acknowledgment: I can see how frustrating, 100% so, this wait has been.\n"
          "solution: I've sent a new one today, and it arrives by {{ refund_dayz }}.\n")


def test_bad_input_is_annotated_where_it_is(make_pack: Any) -> None:
    root = make_pack({"late.yaml": SCRIPT}, "name: P\nconstants:\n  refund_days: 5\n")
    result = CliRunner().invoke(main, ["check", str(root), "--format", "github"], env={"NO_COLOR": "1"})
    assert result.exit_code == 2
    file = f"{root}/scripts/late.yaml"
    assert result.stdout.splitlines() == [
        f"::error file={file},line=3,col=19,title=SK000 [load-error]::'Chat' is not a channel. "
        "Suggestion: Did you mean 'chat'? The channels are email, chat, sms, phone and social.",
        f"::error file={file},line=5,col=59,title=SK000 [load-error]::undefined name 'refund_dayz'. "
        "Suggestion: Did you mean 'refund_days'? Define constants under 'constants:' in pack.yaml.",
    ]
    assert f"{file}:3:19: error: 'Chat' is not a channel" in result.stderr


def test_other_formats_keep_bad_input_on_stderr_only(make_pack: Any) -> None:
    root = make_pack({"late.yaml": SCRIPT}, "name: P\nconstants:\n  refund_days: 5\n")
    result = CliRunner().invoke(main, ["check", str(root), "--format", "text"], env={"NO_COLOR": "1"})
    assert result.exit_code == 2 and result.stdout == "" and "'Chat' is not a channel" in result.stderr


def test_an_annotation_escapes_what_the_workflow_reads_as_syntax(make_pack: Any) -> None:
    # (a '%' in the message: the workflow reads '%25' back as '%', and a bare one as the start of an escape)
    root = make_pack({"late.yaml": 'id: late\ntitle: Late\nacknowledgment: "Sorry, 10\\% off is yours."\n'},
                     "name: P\n")
    result = CliRunner().invoke(main, ["check", str(root), "--format", "github"], env={"NO_COLOR": "1"})
    assert result.exit_code == 2, result.output
    (line,) = result.stdout.splitlines()
    assert line.startswith(f"::error file={root}/scripts/late.yaml,line=3,col=27,title=SK000 [load-error]::")
    assert "'\\%25' inside double quotes" in line and "%" not in line.replace("%25", "")
