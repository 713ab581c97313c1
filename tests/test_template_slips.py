"""A writer's slips inside '{{ }}': said in a writer's words at the slip, exit 2, and nothing of
Python's (a method, an internal class name) ever reaches the reply."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit import load_pack
from scriptkit.cli import main
from scriptkit.errors import ScriptkitError
from scriptkit.rendering import render_script

PACK_YAML = "name: Slips\nconstants:\n  support_hours: 8am to 6pm\n  refund_window_days: 30\n"


def script(template: str) -> str:
    """A script whose solution (line 3, inside single quotes) is ``template``."""
    return ("id: late\ntitle: Late\n"
            f"solution: 'I''ve sent it today, and {template} I''ll email you by Friday.'\n"
            "acknowledgment: I can see how frustrating this wait has been.\n"
            "flexibility:\n  blanks:\n    - name: new_date\n      prompt: The new delivery date\n")


def check(root: Path) -> Any:
    return CliRunner().invoke(main, ["check", str(root), "--grammar", "off"], env={"NO_COLOR": "1"})


def refused_at(make_pack: Any, template: str, needle: str) -> str:
    """The one message for ``template``, after asserting exit 2 and its place: the column of ``needle``."""
    root = make_pack({"late.yaml": script(template)}, PACK_YAML)
    result = check(root)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if ": error: " in line]
    assert len(lines) == 1, result.output
    col = script(template).splitlines()[2].index(needle) + 1
    where = f"{root / 'scripts' / 'late.yaml'}:3:{col}: error: "
    assert lines[0].startswith(where), (lines[0], where)
    return lines[0][len(where):]


@pytest.mark.parametrize(("template", "needle", "message"), [
    ("we are here {{ support_hours.upper }}.", "upper",
     "'support_hours' is a constant: it has no '.upper'. To change its text, use a filter: "
     "{{ support_hours | upper }}."),
    ("you have {{ refund_window_days.real }} days.", "real",
     "'refund_window_days' is a constant: it has no '.real'. A constant is one text or number: "
     "write {{ refund_window_days }}."),
    ("order {{ order.number.upper }} is on its way.", "upper",
     "'order.number' is a placeholder: it has no '.upper'. Write {{ order.number }}: it is filled in after "
     "scriptkit builds the reply, so nothing can change it or look inside it."),
    ("it arrives {{ blank.new_date . weekday }}.", "weekday",
     "'blank.new_date' is a blank: it has no '.weekday'. Write {{ blank.new_date }}: it is filled in after "
     "scriptkit builds the reply, so nothing can change it or look inside it."),
])
def test_a_field_of_a_constant_placeholder_or_blank_is_refused_where_written(
        make_pack: Any, template: str, needle: str, message: str) -> None:
    assert refused_at(make_pack, template, needle) == message


def test_a_field_of_an_unknown_placeholder_is_told_once_as_the_unknown_placeholder(make_pack: Any) -> None:
    message = refused_at(make_pack, "order {{ order.numbr.upper }} is on its way.", "numbr")
    assert message.startswith("unknown placeholder 'order.numbr'. Did you mean 'order.number'?")


@pytest.mark.parametrize("template", [
    "{% set hours = support_hours %}we are here {{ hours.upper }}.",
    "{% for hours in [support_hours] %}we are here {{ hours.upper }}.{% endfor %}",
])
def test_python_of_a_value_never_reaches_the_reply_even_past_the_check(make_pack: Any, template: str) -> None:
    # (a name the template sets is not followed by the check: rendering refuses it)
    root = make_pack({"late.yaml": script(template)}, PACK_YAML)
    pack = load_pack(root)
    with pytest.raises(ScriptkitError) as caught:
        render_script(pack, pack.scripts[0], "email")
    assert "'upper'" in str(caught.value)


def test_a_loop_keeps_its_own_fields(make_pack: Any) -> None:
    template = "{% for hours in [support_hours] %}we are here {{ loop.index }}: {{ hours }}.{% endfor %}"
    root = make_pack({"late.yaml": script(template)}, PACK_YAML)
    pack = load_pack(root)
    assert "we are here 1: 8am to 6pm." in render_script(pack, pack.scripts[0], "email").text


@pytest.mark.parametrize(("template", "needle", "message"), [
    ("order {{ order.number is on its way.", "{{",
     "template syntax error in solution: this '{{' is never closed with '}}'. "
     "Add '}}' where the placeholder ends: {{ order.number }}."),
    ("it arrives {{ blank.new_date, and {{ support_hours }} we are here.", "{{",
     "template syntax error in solution: this '{{' is never closed with '}}'. "
     "Add '}}' where the placeholder ends: {{ blank.new_date }}."),
    ("you have {{ refund_window_days } days.", "{{",
     "template syntax error in solution: this '{{' is never closed with '}}'. "
     "Add '}}' where the placeholder ends: {{ refund_window_days }}."),
    ("order {{ order number }} is on its way.", "{{",
     "template syntax error in solution: '{{ order number }}' has spaces inside a name. "
     "Did you mean {{ order.number }}?"),
    ("you have {{ Refund Window Days }} days.", "{{",
     "template syntax error in solution: '{{ Refund Window Days }}' has spaces inside a name. "
     "Did you mean {{ refund_window_days }}?"),
    ("you have {{ refund days }} days.", "{{",
     "template syntax error in solution: '{{ refund days }}' has spaces inside a name. A placeholder is "
     "written namespace.field, e.g. {{ order.number }}; a constant as one word with '_', as in pack.yaml, "
     "e.g. {{ refund_window_days }}."),
    ('order {{ order.number | fallback("your order) }} is on its way.', '"',
     "template syntax error in solution: the quote \" inside '{{ }}' is never closed. "
     "Close the text with a second \", e.g. fallback(\"there\")."),
])
def test_a_syntax_slip_is_said_in_a_writers_words_at_the_slip(make_pack: Any, template: str, needle: str,
                                                             message: str) -> None:
    told = refused_at(make_pack, template, needle)
    assert told == message
    assert "end of print statement" not in told and "unexpected" not in told


def test_an_unclosed_single_quote_is_located_at_the_quote(make_pack: Any) -> None:
    text = ("id: late\ntitle: Late\nacknowledgment: I can see how frustrating this wait has been.\n"
            "solution: \"Order {{ order.number | fallback('yours) }} left today, and I'll email you by Friday.\"\n")
    root = make_pack({"late.yaml": text}, PACK_YAML)
    result = check(root)
    assert result.exit_code == 2, result.output
    assert (f"late.yaml:4:{text.splitlines()[3].index(chr(39)) + 1}: error: template syntax error in solution: "
            "the quote ' inside '{{ }}' is never closed. Close the text with a second ', e.g. fallback('there')."
            ) in result.output
    assert " at " not in result.output.split("error: ", 1)[1]  # (Jinja's offset, 'at 75', meant nothing)


@pytest.mark.parametrize("template", [
    "{{ support_hours if refund_window_days > 10 else \"soon\" }} is fine,",
    "{{ refund_window_days and support_hours }} is fine,",
])
def test_jinja_words_between_names_are_no_spaced_name(make_pack: Any, template: str) -> None:
    root = make_pack({"late.yaml": script(template)}, PACK_YAML)
    result = check(root)
    assert result.exit_code == 1 and "error" not in result.output, result.output  # (the rules' warnings only)


@pytest.mark.parametrize(("template", "message"), [
    ("we will write to {{ticket.requester.first_name}} soon,",
     "'{{ticket.requester.first_name}}' is Zendesk's spelling of a placeholder. Write {{ customer.first_name }}: "
     "the export spells it for each helpdesk."),
    ("we will write to {%customer.firstName,fallback=you%} soon,",
     "'{%customer.firstName,fallback=you%}' is Help Scout's spelling of a placeholder. Write "
     "{{ customer.first_name | fallback('you') }}: the export spells it for each helpdesk."),
    ("we will write to {!Contact.FirstName} soon,",
     "'{!Contact.FirstName}' is Salesforce's spelling of a placeholder. Write {{ customer.first_name }}: "
     "the export spells it for each helpdesk."),
    ("we will write to {{ user.first_name }} soon,",
     "'{{ user.first_name }}' is Intercom and Front's spelling of a placeholder. Write {{ customer.first_name }} "
     "(Intercom) or {{ agent.first_name }} (Front): the export spells it for each helpdesk."),
])
def test_a_helpdesks_own_placeholder_pasted_in_is_named_with_the_one_to_write(
        make_pack: Any, template: str, message: str) -> None:
    # (Salesforce's passed the check and reached the customer as written in every other helpdesk)
    needle = template[template.index("{"):][:2]
    code = template[template.index("{"):template.rindex("}") + 1]  # (to send the code itself: in {% raw %})
    assert refused_at(make_pack, template, needle) == (f"{message} To show the code itself (the codes an old email "
                                                        f"showed), write {{% raw %}}{code}{{% endraw %}}.")


def test_a_declared_placeholder_or_constant_with_a_helpdesks_name_is_the_writers_own(make_pack: Any) -> None:
    pack_yaml = PACK_YAML.replace("constants:", "placeholders:\n  ticket.title: {sample: Late parcel}\nconstants:")
    root = make_pack({"late.yaml": script("about {{ ticket.title }} we are here,")}, pack_yaml)
    result = check(root)
    assert result.exit_code != 2 and ": error:" not in result.output, result.output


@pytest.mark.parametrize("key", ["nmae", "Name", "nam"])
def test_a_misspelt_blank_name_key_is_the_one_problem(make_pack: Any, key: str) -> None:
    # (the blank was also called undeclared where the script uses it, and told to declare it again)
    text = script("it arrives {{ blank.new_date }},").replace("    - name: new_date", f"    - {key}: new_date")
    root = make_pack({"late.yaml": text}, PACK_YAML)
    result = check(root)
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if ": error: " in line]
    assert len(errors) == 1 and f"unknown key '{key}'. Did you mean 'name'?" in errors[0], result.output


@pytest.mark.parametrize(("char", "name"), [("\u200b", "ZERO WIDTH SPACE"), ("\u00ad", "SOFT HYPHEN"),
                                            ("\ufeff", "ZERO WIDTH NO-BREAK SPACE")])
def test_an_invisible_character_inside_braces_is_named_at_its_place(make_pack: Any, char: str, name: str) -> None:
    # (Jinja's words were "unexpected char '\\u200b' at 57", at the braces, naming what cannot be seen)
    template = f"order {{{{ order.num{char}ber }}}} is on its way."
    message = refused_at(make_pack, template, char)
    assert message == (f"template syntax error in solution: an invisible character, U+{ord(char):04X} ({name}), "
                       "inside '{{ }}'. Delete it (retype the placeholder): it comes with text pasted from a web "
                       "page, a chat or a word processor.")


def test_an_invisible_character_the_writer_quoted_is_shown_in_the_message(make_pack: Any) -> None:
    # ("'\u200bchat' is not a channel. Did you mean 'chat'?" looked as if it named the right word)
    text = script("we are here,").replace("id: late\n", "id: late\nchannels: [email, \u200bchat]\n")
    result = check(make_pack({"late.yaml": text}, PACK_YAML))
    assert result.exit_code == 2
    assert "error: '<U+200B>chat' is not a channel. Did you mean 'chat'?" in result.output, result.output


@pytest.mark.parametrize("template", [
    "{% if refund_window_days > 1 %}" * 120 + "soon" + "{% endif %}" * 120,  # (Python's compiler failed)
    # (Jinja's parser recursed; still under the length a template may have, which is refused unparsed)
    "{% if refund_window_days > 1 %}" * 1000 + "soon" + "{% endif %}" * 1000,
    "{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}",
])
def test_a_template_nested_too_deep_is_refused_not_called_a_bug(make_pack: Any, template: str) -> None:
    root = make_pack({"late.yaml": script(template)}, PACK_YAML)
    result = check(root)
    assert result.exit_code == 2
    assert "the template in solution nests tags or brackets too deeply to read (more than 50 levels)" in result.output
    assert "unexpected" not in result.output and "bug" not in result.output, result.output


def test_tags_nested_a_few_deep_still_render(make_pack: Any) -> None:
    template = "{% if refund_window_days > 1 %}" * 12 + "within a month," + "{% endif %}" * 12
    root = make_pack({"late.yaml": script(template)}, PACK_YAML)
    pack = load_pack(root)
    assert "within a month," in render_script(pack, pack.scripts[0], "email").text
