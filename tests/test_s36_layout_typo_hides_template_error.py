"""A misspelt key in one channel's layout in pack.yaml ('sigoff:') dropped that whole layout from what was
checked next, so a broken template in its other keys (a curly quote in the greeting) was reported only on the
next run, though a typo in another channel's layout was reported with it."""

from __future__ import annotations

from typing import Any

import pytest

from scriptkit import ScriptkitError, load_pack

SCRIPT = """\
id: late-parcel
title: Late parcel
channels: [email]
acknowledgment: I know a late parcel is frustrating, and I'm sorry it hasn't arrived.
solution: I've sent a new one today, and it arrives within two days.
"""

CURLY_GREETING = "    greeting: \"Hi {{ customer.first_name | fallback(\u2018there\u2019) }},\"\n"


def _problems(root: Any) -> list[str]:
    with pytest.raises(ScriptkitError) as info:
        load_pack(root)
    errors = getattr(info.value, "errors", None) or [info.value]
    return [f"{e.location}: {e.message}" for e in errors]


def test_a_typo_in_a_layout_still_has_its_other_keys_checked(make_pack: Any) -> None:
    pack_yaml = ("name: Fern Co\nchannels:\n  chat:\n    greeting: \"Hello!\"\n  email:\n"
                 + CURLY_GREETING + "    sigoff: \"Cheers\"\n")
    root = make_pack({"late.yaml": SCRIPT}, pack_yaml)
    found = _problems(root)
    assert f"{root}/pack.yaml:7:5: unknown key 'sigoff'" in found, found
    assert any(p.startswith(f"{root}/pack.yaml:6:53: template syntax error in greeting: curly quote") for p in found), \
        found


def test_the_typo_key_is_checked_as_the_key_it_stands_for(make_pack: Any) -> None:
    # ('sigoff:' is read as the 'signoff:' it is a typo of, as a misspelt top-level key is: its template is checked)
    pack_yaml = ("name: Fern Co\nchannels:\n  email:\n    greeting: \"Hi!\"\n"
                 "    sigoff: \"Thanks, {{ agent.frist_name }}\"\n")
    root = make_pack({"late.yaml": SCRIPT}, pack_yaml)
    found = _problems(root)
    assert f"{root}/pack.yaml:5:5: unknown key 'sigoff'" in found, found
    assert any("agent.frist_name" in p for p in found), found
