"""SK004 (duplicate-script) read a placeholder's fallback as words of the reply: two scripts that differ
only in '| fallback("there")' were "89% the same" where the audit called them exact duplicates, and two that
differ in a fallback and in '3-5' against '7' were no duplicates at all where the audit's similarity was 0.98.
Both now compare what the customer reads, as the audit does."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.rules.template import shingles

ACK = "I can see how annoying it is to wait on a parcel that should have turned up days ago."
SOL = ("Hi {name}, the parcel has left our warehouse and will reach you in {days} working days, and I'll look at "
       "the tracking again for you on Thursday.")


def _script(sid: str, name: str, days: str) -> str:
    return (f"id: {sid}\ntitle: Orders::Late {sid}\nchannels: [email]\nacknowledgment: {ACK}\n"
            f"solution: >-\n  {SOL.format(name=name, days=days)}\n")


def _check(root: Path) -> list[dict[str, Any]]:
    result = CliRunner().invoke(main, ["check", str(root), "--select", "SK004", "--format", "json"])
    assert "Traceback" not in result.output
    return list(json.loads(result.output)["diagnostics"])


def _audit(root: Path) -> dict[str, Any]:
    result = CliRunner().invoke(main, ["audit", str(root), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return dict(json.loads(result.output))


def _groups(report: dict[str, Any]) -> list[tuple[str, float]]:
    found = report.get("duplicates") or report.get("sprawl") or []
    return [(g["kind"], float(g["similarity"])) for g in found]


@pytest.mark.timeout(120)
def test_a_fallback_alone_is_no_difference_for_check_nor_audit(make_pack: Any) -> None:
    root = make_pack({"a.yaml": _script("a", "{{ customer.first_name }}", "3"),
                      "b.yaml": _script("b", "{{ customer.first_name | fallback(\"there\") }}", "3")})
    (found,) = _check(root)
    assert found["script"] == "b" and "is identical to 'a'" in found["message"], found["message"]
    assert _groups(_audit(root)) == [("exact", 1.0)]


@pytest.mark.timeout(120)
def test_a_fallback_and_a_number_apart_are_near_duplicates_for_both(make_pack: Any) -> None:
    root = make_pack({"a.yaml": _script("a", "{{ customer.first_name }}", "3-5"),
                      "b.yaml": _script("b", "{{ customer.first_name | fallback(\"there\") }}", "3-5")
                      .replace("Thursday", "Friday")})
    (found,) = _check(root)
    said = re.search(r"is (\d+)% the same as 'a'", found["message"])
    assert found["script"] == "b" and said is not None, found["message"]
    ((kind, similarity),) = _groups(_audit(root))
    # the same measure (the audit's reply also holds the greeting and sign-off every script shares)
    assert kind == "near" and similarity >= 0.9 and int(said[1]) >= 90, (similarity, found["message"])


@pytest.mark.timeout(120)
def test_scripts_apart_only_in_a_number_are_said_to_be(make_pack: Any) -> None:
    root = make_pack({"a.yaml": _script("a", "Sam", "14"), "b.yaml": _script("b", "Sam", "30")})
    (found,) = _check(root)  # an amount (14 or 30 working days) is a word like any other (session 20)
    assert "the same, but for" not in found["message"] and "% the same as 'a'" in found["message"], found["message"]


def test_shingles_read_a_template_as_the_customer_does() -> None:
    assert shingles("Hi {{ customer.first_name | fallback('there') }}, it's here") == \
        shingles("Hi {{customer.first_name}}, it's here") == frozenset({"hi <var>", "<var> it's", "it's here"})
    assert shingles("{% if vip %}Thanks{% else %}Thank you{% endif %} {# note #}") == \
        shingles("Thanks Thank you")
    assert shingles("Back in 3-5 days") != shingles("Back in 7 7 days")  # amounts count (session 20)
    assert shingles("Order 4471 is back") == shingles("Order 90210 is back")  # ids do not
