"""A reply whose answer is a blank alone on its line ("Here's what happened:\\n{{ blank.reason }}") leaves the whole
answer to the agent, and SK402 says it names no next step (the audit caps such a macro: tests/test_s36_audit_helpdesk_
flexibility.py). 15f9dd4a read the lead-in, the lone blank and a closing line as a fragment of a reply kept alone and
left it, so the audit scored a reply whose answer is only {reason} 100 in solution. A lone blank is the answer, not a
fragment; a subject line or a form's label with blanks in it still is. (QA of session 38)"""

from __future__ import annotations

from typing import Any

from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack

SCRIPT = """\
id: why
title: Why
channels: [email]
acknowledgment: Thanks so much for asking, I can see why you'd want this cleared up.
solution: |
  Here is what happened:
  {{{{ blank.{name} }}}}

  If anything still feels unclear, just let me know and I'll walk you through it.
flexibility:
  blanks:
    - name: {name}
      prompt: What happened
"""


def _codes(make_pack: Any, name: str) -> set[str]:
    root = make_pack({"why.yaml": SCRIPT.format(name=name)}, "name: P\n")
    return {d.code for d in lint_pack(load_pack(root), grammar="off").diagnostics}


def test_a_lone_blank_for_the_answer_has_no_next_step(make_pack: Any) -> None:
    assert "SK402" in _codes(make_pack, "reason")


def test_a_lone_blank_named_for_the_step_is_the_step(make_pack: Any) -> None:
    assert "SK402" not in _codes(make_pack, "next_steps")
