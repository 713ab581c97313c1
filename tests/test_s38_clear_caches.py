"""scriptkit.clear_caches: a service reviewing new replies all day holds what it kept of them in caches of fixed
sizes, and can give that memory back. The guard: whatever grows as new texts are read (a module's lru cache or
dict, a matcher's own cache) is emptied by clear_caches, so a cache added later without a way to clear it fails here.
(Sizes are asserted, never RSS or times.)"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from functools import _lru_cache_wrapper

import pytest

import scriptkit
from scriptkit.rules import lexicon

_OPENINGS = ("Thanks for reaching out about", "I'm sorry to hear about", "I understand how frustrating",
             "Thank you for your patience with")
_THINGS = ("order", "refund", "parcel", "invoice", "booking")


def _reply(i: int) -> str:
    """A reply of its own: every sentence's text is new (numbers and codes differ), as a service's are."""
    return (f"Hi Ana,\n\n{_OPENINGS[i % 4]} your {_THINGS[i % 5]} {i}. I've checked the courier label {i * 7} "
            f"for you. You'll see the change within {i % 9 + 1} days, ref {i:07d}qz. If anything else comes up "
            f"with parcel {i + 13}, just reply here.\n\nBest,\nSam")


def _sizes() -> Iterator[tuple[str, int]]:
    """Every cache scriptkit could keep texts in: module-level lru caches, dicts, lists and sets, and the
    matchers' own caches, each with how many entries it holds."""
    for name, module in list(sys.modules.items()):
        if module is None or not name.startswith("scriptkit"):
            continue
        for attr, value in list(vars(module).items()):
            if isinstance(value, _lru_cache_wrapper):
                yield f"{name}.{attr}", value.cache_info().currsize
            elif isinstance(value, dict | list | set) and not attr.startswith("__"):
                yield f"{name}.{attr}", len(value)
    for made in list(lexicon._MADE):
        for attr, value in vars(made).items() if hasattr(made, "__dict__") else ():
            if isinstance(value, dict):
                yield f"{type(made).__name__}#{id(made)}.{attr}", len(value)


def _findings(text: str) -> list[tuple[str, int, int, str]]:
    return [(d.code, d.location.line, d.location.col, d.message) for d in scriptkit.lint_text(text).diagnostics]


def test_everything_that_grows_with_new_replies_is_emptied_by_clear_caches() -> None:
    for i in range(60):
        scriptkit.lint_text(_reply(i))
    before = dict(_sizes())
    for i in range(60, 180):
        scriptkit.lint_text(_reply(i))
    grown = {key: size for key, size in _sizes() if size > before.get(key, 0)}
    assert "scriptkit.inference._piece_cues" in grown  # (the reading itself: the test reads what it should)
    scriptkit.clear_caches()
    after = dict(_sizes())
    assert {key: after[key] for key in grown if after.get(key)} == {}


def test_findings_are_the_same_after_clear_caches() -> None:
    texts = [_reply(i) for i in range(500, 520)] + ["Kindly wait. We apologize for any inconvenience caused."]
    first = [_findings(t) for t in texts]
    scriptkit.clear_caches()
    assert [_findings(t) for t in texts] == first
    assert any(first)


def test_clear_caches_while_other_threads_lint_changes_no_finding() -> None:
    texts = [_reply(i) for i in range(700, 740)]
    alone = [_findings(t) for t in texts]
    scriptkit.clear_caches()
    got: dict[int, list[tuple[str, int, int, str]]] = {}

    def lint(k: int) -> None:
        for j in range(k, len(texts), 4):
            got[j] = _findings(texts[j])

    threads = [threading.Thread(target=lint, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    while any(t.is_alive() for t in threads):
        scriptkit.clear_caches()
    for t in threads:
        t.join()
    assert [got[j] for j in range(len(texts))] == alone


def test_clear_caches_is_public_and_documented() -> None:
    assert "clear_caches" in scriptkit.__all__
    assert scriptkit.clear_caches.__doc__


def test_warm_names_itself_when_given_the_wrong_config() -> None:
    with pytest.raises(scriptkit.ConfigError, match=r"^warm\(\) takes config as a LintConfig or None, not the str"):
        scriptkit.warm("email")  # type: ignore[arg-type]
