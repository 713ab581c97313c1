"""A SCRIPTKIT_LT_TIMEOUT that is no number of seconds is said plainly (exit 2) when grammar checks start. Before, it
was read as scriptkit.engines.languagetool was imported: a ValueError from the import, a traceback, even with grammar
checks off."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.engines import languagetool


@pytest.mark.parametrize("value", ["abc", "0", "-5", "nan"])
def test_a_bad_timeout_is_said_plainly(make_pack: object, monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("SCRIPTKIT_LT_TIMEOUT", value)
    with pytest.raises(languagetool.ConfigError, match=r"SCRIPTKIT_LT_TIMEOUT is .*not a number of seconds"):
        languagetool.request_timeout()
    result = CliRunner().invoke(main, ["review", "-", "--grammar", "http://127.0.0.1:9"],
                                input="I'm sorry about the wait. I've refunded it today.\n")
    assert result.exit_code == 2 and "not a number of seconds" in result.output and "Traceback" not in result.output


def test_a_good_timeout_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCRIPTKIT_LT_TIMEOUT", "7.5")
    assert languagetool.request_timeout() == 7.5 and languagetool.health_timeout() == 7.5
    monkeypatch.delenv("SCRIPTKIT_LT_TIMEOUT")
    assert languagetool.request_timeout() == languagetool.REQUEST_TIMEOUT
    assert languagetool.health_timeout() == languagetool.CONNECT_TIMEOUT


@pytest.mark.parametrize("value", ["abc", "0", "inf"])
def test_a_bad_start_timeout_is_said_plainly_before_a_server_starts(tmp_path: object, monkeypatch: pytest.MonkeyPatch,
                                                                     value: str) -> None:
    # (it was read as float() at import: "abc" was a ValueError said as "a bug in the rule")
    from pathlib import Path

    from scriptkit.engines import lt_server

    monkeypatch.setenv("SCRIPTKIT_LT_START_TIMEOUT", value)
    with pytest.raises(languagetool.ConfigError, match=r"SCRIPTKIT_LT_START_TIMEOUT is .*not a number of seconds"):
        lt_server.LocalServer(Path(str(tmp_path))).start()
    monkeypatch.setenv("SCRIPTKIT_LT_START_TIMEOUT", "12")
    assert lt_server.start_timeout() == 12.0
    monkeypatch.delenv("SCRIPTKIT_LT_START_TIMEOUT")
    assert lt_server.start_timeout() == lt_server.START_TIMEOUT == 90.0
