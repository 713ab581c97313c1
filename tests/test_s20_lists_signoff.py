"""A name on its own last line, under a list of what was done, signs the reply: a list's item needs no full stop."""

from scriptkit.linting import lint_text


def test_a_name_under_a_list_is_the_signoff() -> None:
    text = ("Hi Grace,\n\nI'm so sorry the jumper came in the wrong colour.\n\nHere's what I've done for you today:\n"
            "- Sent a prepaid return label to your email\n- Set it to ship today by express courier\n\nBen\n")
    result = lint_text(text)
    slots = {note.text.strip(): note.slot for note in result.sentences}
    assert slots["Ben"] == "signoff", slots
    assert slots["- Set it to ship today by express courier"] == "solution", slots
