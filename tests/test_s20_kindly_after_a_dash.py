"""A capital after a dash starts what follows, not a name: "Thanks for waiting - Kindly send a photo" is a request
(SK201), offered as a suggestion, as a dash may also set off a kind act told ("the courier - kindly - rang")."""

from scriptkit.linting import lint_text


def _kindly(text: str) -> list[tuple[str, bool]]:
    found = lint_text(f"Hi Sam,\n\n{text} I have sent a new one today.\n\nKara").diagnostics
    return [(d.extra.get("quote") or "", d.fix is not None) for d in found if d.code == "SK201"]


def test_a_request_after_a_dash_is_found_and_suggested() -> None:
    found = _kindly("Thanks for waiting - Kindly send a photo.")
    assert len(found) == 1 and not found[0][1], found


def test_a_request_opening_its_sentence_is_still_fixed() -> None:
    found = _kindly("Thanks for waiting. Kindly send a photo.")
    assert len(found) == 1 and found[0][1], found


def test_the_article_a_fix_writes_is_the_spoken_one() -> None:
    from scriptkit.rules.warmth import _indefinite_article

    said = {word: _indefinite_article(word) for word in ("onerous", "one-off", "once", "unidentified", "uninstalled",
                                                         "unique", "united", "useful", "hour", "apple")}
    assert said == {"onerous": "an", "one-off": "a", "once": "a", "unidentified": "an", "uninstalled": "an",
                    "unique": "a", "united": "a", "useful": "a", "hour": "an", "apple": "an"}
