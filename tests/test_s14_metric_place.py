"""A team's metric rule over the whole reply is placed on the script's own text, not on the greeting the
pack shares: at pack.yaml's greeting line, three scripts' word counts named none of them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack

PACK = """name: Bakery
channels:
  email:
    greeting: "Hi {{ customer.first_name | fallback('there') }},"
    signoff: "Best, the bakery team"
rules:
  custom:
    - name: short-reply
      kind: metric
      metric: words
      max: 12
      message: "Word count is {value}; the limit is {expected}."
"""
SCRIPT = ('id: {id}\ntitle: "Orders::{id}"\nchannels: [email]\n'
          'acknowledgment: "I know a late cake spoils a party, and I am sorry ours did."\n'
          'solution: "I have refunded the cake today, and the money reaches you by Friday."\n')


def test_a_whole_reply_metric_names_each_script(make_pack: Any) -> None:
    root: Path = make_pack({f"{i}.yaml": SCRIPT.format(id=i) for i in ("late-cake", "wrong-cake")}, PACK)
    found = [d for d in lint_pack(load_pack(root), jobs=1).diagnostics if d.name == "short-reply"]
    assert sorted((Path(d.location.file).name, d.location.line, d.script_id) for d in found) == \
        [("late-cake.yaml", 4, "late-cake"), ("wrong-cake.yaml", 4, "wrong-cake")]
    assert all(d.message.startswith("Word count is ") and "at most 12" in d.message for d in found)
