"""A small pack for the export tests (written fresh into tmp_path; nothing from ../shared)."""

from __future__ import annotations

import html
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from scriptkit.message import Blank, Message, Placeholder, Segment, Text
from scriptkit.targets import blank_marker

PACK_YAML = """\
name: Harbour Books support
version: 1.2.0
locale: en-GB
constants:
  refund_window_days: 14
channels:
  email:
    greeting: "Hi {{ customer.first_name | fallback('there') }},"
    signoff: |
      Kind regards,
      {{ agent.first_name }}
  chat:
    greeting: "Hi {{ customer.first_name | fallback('there') }}!"
  phone:
    greeting: "Thanks for calling Harbour Books, this is {{ agent.first_name }}."
"""

LATE = """\
id: parcel-late
title: "Orders::Delivery::Parcel is late"
scenario: The customer's parcel has not arrived on the promised day.
emotion: frustrated
channels: [email, chat, phone]
tags: [orders, late delivery]
acknowledgment:
  - "I can see how frustrating the wait for a parcel that hasn't come has been."
  - "Waiting all day for a delivery that never shows up is exhausting."
warm_language: "I'm really sorry, and thank you for your patience."
flexibility:
  guidance: Check the carrier's tracking page before replying.
  blanks:
    - name: new_date
      prompt: The new delivery date from the carrier
  alternatives:
    - label: Refund instead
      text: "If you'd rather not wait, I can refund you within {{ refund_window_days }} days."
  conditions:
    - when: the parcel is marked delivered
      text: Ask the customer to check with neighbours first.
solution: |
  I've chased the carrier, and your parcel will arrive by {{ blank.new_date }}.

  I'll check on it myself that day and email you an update.
"""

BRACES = """\
id: code-help
title: "Account::Template <tags> & {braces}"
channels: [email]
acknowledgment: "I understand the voucher page showing {% raw %}{{code}}{% endraw %} instead of your code is confusing."
solution: >-
  Type <b>HELLO</b> & the code in {% raw %}{% braces %}{% endraw %};
  I've fixed order {{ order.number }} for you today.
"""

LINT_ERROR_YAML = PACK_YAML + """\
rules:
  custom:
    - name: no-unfortunately
      kind: existence
      terms: [unfortunately]
      severity: error
      message: Leave out '{match}'.
"""

SAD = """\
id: refund-denied
title: "Billing::Refund declined"
channels: [email]
acknowledgment: "Unfortunately I can see this is disappointing."
solution: "I've added a voucher to your account today."
"""


def write_pack(root: Path, scripts: dict[str, str], pack_yaml: str = PACK_YAML) -> Path:
    (root / "scripts").mkdir(parents=True, exist_ok=True)
    (root / "pack.yaml").write_text(pack_yaml, encoding="utf-8")
    for name, text in scripts.items():
        (root / "scripts" / name).write_text(text, encoding="utf-8")
    return root


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` by relative path, for byte comparisons."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@cache
def schema(name: str) -> dict[str, Any]:
    path = Path(__file__).resolve().parent.parent / "scriptkit" / "targets" / "schemas" / f"{name}.schema.json"
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def html_text(body: str) -> str:
    """An HTML body as the text a customer reads: paragraphs, line breaks, entities resolved."""
    body = re.sub(r'</p><p(?: dir="\w+")?>', "\n\n", body).replace("<br>", "\n")
    body = re.sub(r'</?(p|mark)(?: dir="\w+")?>', "", body)  # (a right-to-left paragraph says its direction)
    return html.unescape(body)


def message(*segments: Segment, title: str = "Tests::Probe") -> Message:
    return Message(script_id="probe", title=title, channel="email", variant=0, segments=tuple(segments),
                   meta={"tags": (), "export": {}})


def expected_text(msg: Message, values: dict[str, str], supported: object = None) -> str:
    """What the customer should read: placeholders filled (or their fallback), blanks marked;
    a placeholder the helpdesk lacks (not in ``supported``) is a blank for the agent."""
    out: list[str] = []
    for seg in msg.segments:
        if isinstance(seg, Text):
            out.append(seg.text)
        elif isinstance(seg, Placeholder) and supported is not None and seg.name not in supported:  # type: ignore[operator]
            out.append(blank_marker(seg.name))
        elif isinstance(seg, Placeholder):
            out.append(values.get(seg.name) or seg.fallback or "")
        elif isinstance(seg, Blank):
            out.append(blank_marker(seg.name))
    return "".join(out)
