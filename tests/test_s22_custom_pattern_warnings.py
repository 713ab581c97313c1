"""A custom pattern Python warns about as it compiles it is a located error, not a warning on the writer's terminal
and a rule that never matches: a POSIX class ("[[:digit:]]", which re reads as a set of the characters "[:digt"),
or a '[' or a doubled '&' inside [...] that a later Python reads as a set operation."""

from __future__ import annotations

import warnings
from typing import Any

import pytest

from tests.conftest import run_cli

SCRIPT = ("id: a\ntitle: A\nchannels: [email]\n"
          "acknowledgment: I can see how frustrating it is to be locked out, and I'm sorry.\n"
          "solution: I've reset order 1234 today, and I'll email you on Friday.\n")


@pytest.mark.parametrize(("pattern", "said", "hint"), [
    ("order [[:digit:]]+", "regular expression uses the POSIX class '[:digit:]'", r"Write \d (or [0-9]) instead"),
    ("[^[:space:]]+day", "regular expression uses the POSIX class '[:space:]'", r"[[:space:]]+ as \s+."),
    ("order [:digit:]+", "regular expression uses the POSIX class '[:digit:]'", r"[[:digit:]]+ as \d+."),
    ("[[:punct:]]", "regular expression uses the POSIX class '[:punct:]'", "the marks themselves, as in [.,!?]"),
    ("x[[]", "regular expression reads differently in later Python versions (possible nested set at position 2)",
     "Write a backslash before a '[' inside [...]"),
    ("[a&&b]", "regular expression reads differently in later Python versions (possible set intersection",
     "before a doubled '-', '&', '~' or '|' there"),
])
def test_a_pattern_python_warns_about_is_a_located_error(make_pack: Any, pattern: str, said: str, hint: str) -> None:
    root = make_pack({"a.yaml": SCRIPT}, "name: T\nrules:\n  custom:\n    - name: voice\n      kind: existence\n"
                                         f"      patterns: ['{pattern}']\n")
    for _ in range(2):  # (the second time too: re.compile's cache warns only once)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            result = run_cli("check", str(root))
        assert result.exit_code == 2
        assert f"pack.yaml:6:18: error: {said}" in result.output and hint in result.output
        assert not [w for w in caught if issubclass(w.category, (FutureWarning, DeprecationWarning))]
        assert "Warning" not in result.output
