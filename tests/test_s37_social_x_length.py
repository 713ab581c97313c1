"""A social reply was counted in plain characters: a long link made a reply X accepts an error that blocked every
export, and a dozen emoji let one X refuses pass. It is now counted as X counts it.
"""

from __future__ import annotations

from typing import Any

from scriptkit import lint_pack, load_pack
from scriptkit.rules.readability import x_length


def _findings(make_pack: Any, code: str, channel: str, solution: str, ack: str = "I'm sorry about the wait.",
              pack_yaml: str = "name: Test pack\n") -> list[Any]:
    script = (f"id: wait\ntitle: Wait\nchannels: [{channel}]\nacknowledgment: \"{ack}\"\n"
              f"solution: |\n" + "".join(f"  {line}\n" for line in solution.splitlines()))
    found = lint_pack(load_pack(make_pack({"wait.yaml": script}, pack_yaml)), grammar="off").diagnostics
    return [d for d in found if d.code == code]


def test_x_length_counts_links_as_23_and_wide_characters_as_2() -> None:
    link = "https://status.shop.example.org/incidents/2031-03-04-payments-outage-in-the-west?utm_source=x"
    assert x_length("Back now: " + link) == 10 + 23
    assert x_length("Track it at shop.example/t today") == len("Track it at ") + 23 + len(" today")
    assert x_length("Thanks 💛") == 7 + 2
    assert x_length("👩‍💻👍🏽") == 4  # (a joined emoji and one with a skin tone are one emoji each)
    assert x_length("ありがとう") == 10
    assert x_length("Café — “ok” at 2pm, e.g. 3 days.") == len("Café — “ok” at 2pm, e.g. 3 days.")


def test_long_link_that_x_shortens_is_not_an_error(make_pack: Any) -> None:
    link = "https://status.shop.example.org/incidents/2031-03-04-payments-outage-in-the-west-region?utm_source=x"
    solution = ("It's working again now, and I'll post here if anything changes over the next hour or so. "
                "Thanks for bearing with us this morning. Full details: " + link)
    ack = "I'm so sorry the payments page was down this morning, I know how much you rely on it."
    assert len(ack) + len(solution) > 280
    assert _findings(make_pack, "SK104", "social", solution, ack=ack) == []


def test_emoji_and_short_links_count_as_x_counts_them(make_pack: Any) -> None:
    ack = "I'm so sorry your parcel went missing 😞😞 I know how worrying it is when one goes quiet for days."
    solution = ("Thanks for telling us " + "💛" * 10 + "\nI've sent a new one today. Track it at "
                "shop.example/a shop.example/b shop.example/c shop.example/d")
    found = _findings(make_pack, "SK104", "social", solution, ack=ack)
    assert len(found) == 1, found
    assert "as X counts them" in found[0].message and "(limit 280)" in found[0].message, found[0].message
    assert found[0].severity.value == "error"




def test_the_wide_pattern_is_the_narrow_ranges_complement() -> None:
    from scriptkit.rules.readability import _X_NARROW, _X_WIDE

    wide = {ord(c) for c in _X_WIDE.findall("".join(chr(i) for i in range(0x3000) if not 0xD800 <= i <= 0xDFFF))}
    assert wide == {i for i in range(0x3000) if not 0xD800 <= i <= 0xDFFF
                    and not any(a <= i <= b for a, b in _X_NARROW)}
