"""What a first-day writer met at the command line: `scriptkit rules` left out SK800, which `scriptkit rule SK800`
shows and the docs say is listed; `scriptkit rule SK000` said there was no such code though check prints
"SK000 [load-error]"; review's hint about naming the agent spoke of `agent=NAME in lint_text`, the Python API; and
review's summary counted 2 of 3 sentences clean and 0 marked, leaving the third unexplained."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.cli.check import LOAD_ERROR_CODE
from scriptkit.config import CONFIG_CODE
from scriptkit.rules import all_rules
from scriptkit.targets.checks import export_checks

ENV = {"NO_COLOR": "1", "COLUMNS": "200"}


def _run(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(main, args, env=ENV)
    return result.exit_code, result.output


def test_rules_lists_every_code_rule_shows() -> None:
    code, output = _run(["rules", "--format", "json"])
    assert code == 0, output
    listed = {row["code"] for row in json.loads(output)}
    registered = {r.code for r in all_rules()} | {c.code for c in export_checks()} | {CONFIG_CODE}
    assert registered <= listed, sorted(registered - listed)
    for each in sorted(listed):  # (and every code listed has its page)
        shown, docs = _run(["rule", each])
        assert shown == 0 and each in docs, (each, docs)


def test_rules_table_lists_the_settings_warning() -> None:
    code, output = _run(["rules"])
    assert code == 0, output
    row = next((line for line in output.splitlines() if line.startswith(CONFIG_CODE)), None)
    assert row is not None and "setting-not-applied" in row and "warning" in row, output
    code, output = _run(["rules", "--family", "settings"])
    assert code == 0 and CONFIG_CODE in output, output


def test_rule_sk000_explains_a_load_error() -> None:
    code, output = _run(["rule", LOAD_ERROR_CODE])
    assert code == 0, output
    assert "load-error" in output and "could not be read" in output and "Did you mean" not in output


def test_review_names_the_agent_by_its_option_only(tmp_path: Path) -> None:
    chat = tmp_path / "names.txt"
    chat.write_text("Dana: my parcel is late\nSam: I can see it\n", encoding="utf-8")
    code, output = _run(["review", str(chat)])
    assert code == 2, output
    assert '--agent "Sam"' in output and "lint_text" not in output and "agent=" not in output, output


def test_review_summary_accounts_for_every_sentence(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text("Hi Jordan,\n\nI can see how upsetting it is to lose notes you were counting on, and I'm sorry "
                     "it happened. The app only syncs over Wi-Fi, which isn't obvious from the settings. I've "
                     "checked your account and found a backup from Monday, so I'll restore it for you today and "
                     "let you know once it's done.\n\nTake care,\nPriya\n", encoding="utf-8")
    code, output = _run(["review", str(reply)])
    assert code == 0, output
    summary = next(line for line in output.splitlines() if "sentence(s)" in line)
    assert "2 of 3" in summary and "0 marked" in summary, summary
    assert "1 unmarked" in summary, summary
