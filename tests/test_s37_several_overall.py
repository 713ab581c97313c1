"""The last line of a several-pack check names a pack that could not be read apart from one read and failing
(a plug-in rule that raised on a pack exits 2, yet the pack was read and judged)."""

from __future__ import annotations

from scriptkit.linting import LintResult
from scriptkit.reporters.several import PackReport, overall


def test_a_pack_read_that_exits_2_is_failing_not_unread() -> None:
    line = overall([PackReport("p1", LintResult([]), 2), PackReport("f1", LintResult([]), 1),
                    PackReport("gone", None, 2), PackReport("ok", LintResult([]), 0)])
    assert "failing: p1, f1" in line and "could not be read: gone." in line, line
