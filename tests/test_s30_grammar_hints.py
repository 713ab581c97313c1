"""The hint of a check that timed out reads as sentences: "Raise SCRIPTKIT_LT_TIMEOUT for a slow server. Set
--grammar off...", not "..., or Set --grammar off"."""

from __future__ import annotations

import time

import pytest

from scriptkit.errors import EngineUnavailable
from tests.test_s30_grammar_answers import stand_in  # noqa: F401  (stand-in servers)

_NO_MATCHES = (200, {}, '{"matches": []}')


def test_a_check_that_times_out_says_what_to_do_in_plain_words(stand_in) -> None:  # noqa: F811
    from scriptkit.engines.languagetool import Checker, Document, Settings

    slow = stand_in({"/v2/check": [_NO_MATCHES]})
    slow.httpd.RequestHandlerClass.do_POST = lambda self: time.sleep(3)  # type: ignore[attr-defined]
    checker = Checker(slow.url, None, timeout=0.5)
    with pytest.raises(EngineUnavailable) as info:
        checker.check([Document.plain("I'm sorry the parcel was late.")], Settings())
    assert "did not answer a check within" in info.value.message
    hint = info.value.hint or ""
    assert hint.startswith("Raise SCRIPTKIT_LT_TIMEOUT for a slow server.") and ", or Set" not in hint, hint
