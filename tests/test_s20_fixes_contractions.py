"""SK203 contracts an auxiliary only where its verb follows: "We would if we could" keeps its full form."""

from __future__ import annotations

import textwrap
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit import lint_text
from scriptkit.cli import main


def _contracted(sentence: str) -> str:
    result = lint_text(sentence)
    out = sentence
    edits = [e for d in result.diagnostics if d.code == "SK203" and d.fix is not None for e in d.fix.edits]
    for edit in sorted(edits, key=lambda e: -e.start):
        out = out[:edit.start] + edit.replacement + out[edit.end:]
    return out


@pytest.mark.parametrize(("sentence", "fixed"), [
    # the verb left unsaid: the full form stays (the reply's other forms still contract)
    ("We would if we could. I am sorry, and I will send it today.",
     "We would if we could. I'm sorry, and I'll send it today."),
    ("We will as soon as it arrives. I am sorry it is late.", "We will as soon as it arrives. I'm sorry it's late."),
    ("I would too. I am sorry, and I will send it today.", "I would too. I'm sorry, and I'll send it today."),
    ("I have, and I will again. I am sorry it is late.", "I have, and I will again. I'm sorry it's late."),
    ("I will again, if you like. I am sorry it is late.", "I will again, if you like. I'm sorry it's late."),
    ("We would as well. I am sorry it is late.", "We would as well. I'm sorry it's late."),
    ("I have already. I am sorry it is late.", "I have already. I'm sorry it's late."),
    ("We will gladly. I am sorry it is late.", "We will gladly. I'm sorry it's late."),
    ("Is it fixed? It is now. I am sorry, and I will call you.",
     "Is it fixed? It is now. I'm sorry, and I'll call you."),
    # a verb after the adverb, or an adjective or clause after "is": contracted as before, beside one left whole
    ("I will again check it today. I would too. I am sorry.", "I'll again check it today. I would too. I'm sorry."),
    ("We will gladly refund it. We would if we could. I am sorry.",
     "We'll gladly refund it. We would if we could. I'm sorry."),
    ("It is because the van broke down, and I will again. I am sorry.",
     "It's because the van broke down, and I will again. I'm sorry."),
    ("The sale? It is today. I will also. I am sorry.", "The sale? It's today. I will also. I'm sorry."),
    ("If you would like, we will send it. I have already.", "If you'd like, we'll send it. I have already."),
])
def test_a_form_contracts_only_where_its_verb_follows(sentence: str, fixed: str) -> None:
    assert _contracted(sentence) == fixed


@pytest.mark.timeout(60)
def test_fix_leaves_an_unsaid_verb_in_full(make_pack: Any) -> None:
    script = textwrap.dedent("""\
        id: c
        title: Contractions
        channels: [email]
        acknowledgment: "I can see how frustrating it is that your parcel is late, and I understand."
        warm_language: "We would if we could. I have, and I will again. I would too. If you would like, we can."
        solution: "I have sent a new one today, and it will arrive by Friday."
        """)
    root = make_pack({"s.yaml": script})
    result = CliRunner().invoke(main, ["check", "--fix", "--select", "SK203", str(root)], env={"NO_COLOR": "1"})
    assert result.exit_code in (0, 1), result.output
    after = (root / "scripts" / "s.yaml").read_text(encoding="utf-8")
    assert ('warm_language: "We would if we could. I have, and I will again. I would too. If you\'d like, we can."'
            in after), after
    assert "I've sent a new one today" in after
