"""Loading packs from real files: every bad input gets a located, actionable message."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scriptkit import ErrorGroup, PackError, ScriptkitError, TemplateSecurityError, load_pack
from scriptkit.rendering import render_pack

PACK_YAML = """\
name: Test pack
constants:
  refund_window_days: 30
  support_hours: "9am to 5pm"
"""

GOOD = """\
id: good
title: "Orders::Good"
acknowledgment: "I can see how frustrating this is."
solution: "I'll fix it today."
"""


def problems(root: Path) -> list[str]:
    """Every problem ``load_pack`` reports, as ``file:line:col: message hint`` lines."""
    with pytest.raises(ScriptkitError) as info:
        load_pack(root)
    exc = info.value
    return [str(e) for e in (exc.errors if isinstance(exc, ErrorGroup) else [exc])]


def one_problem(root: Path) -> str:
    found = problems(root)
    assert len(found) == 1, found
    return found[0]


def test_valid_pack_loads_with_meta_and_scripts(make_pack):
    root = make_pack({"good.yaml": GOOD}, PACK_YAML)
    pack = load_pack(root)
    assert pack.name == "Test pack"
    assert pack.constants == {"refund_window_days": 30, "support_hours": "9am to 5pm"}
    assert [s.id for s in pack.scripts] == ["good"]
    script = pack.script("good")
    assert script.file == str(root / "scripts" / "good.yaml")
    assert script.channels == ["email"]  # the default
    assert script.origin is not None and script.origin.location(("solution",)).line == 4


def test_yaml_syntax_error_unquoted_colon(make_pack):
    root = make_pack({"a.yaml": 'id: a\ntitle: Billing: refund\nacknowledgment: "x"\nsolution: "y"\n'})
    assert one_problem(root) == (
        f"{root}/scripts/a.yaml:2:15: YAML syntax error: a ': ' in a value that is not quoted. "
        "A value containing ': ' must be quoted, e.g. title: \"Billing: refund\"."
    )


def test_yaml_unclosed_quote_points_at_the_opening_quote(make_pack):
    root = make_pack({"a.yaml": 'id: a\ntitle: "Oops\nacknowledgment: x\nsolution: y\n'})
    assert one_problem(root) == (
        f"{root}/scripts/a.yaml:2:8: YAML syntax error: this quoted value has no closing quote: it runs on to "
        "the end of the file. Add the closing \" where the text ends."
    )


def test_yaml_tab_indentation(make_pack):
    root = make_pack({"a.yaml": "id: a\ntitle: T\n\tacknowledgment: x\nsolution: y\n"})
    assert one_problem(root) == (
        f"{root}/scripts/a.yaml:3:1: YAML syntax error: a tab, where YAML needs spaces. "
        "YAML does not allow tabs for indentation; use spaces."
    )


def test_yaml_duplicate_key(make_pack):
    root = make_pack({"a.yaml": "id: a\nid: b\ntitle: T\nacknowledgment: x\nsolution: y\n"})
    found = one_problem(root)
    assert found.startswith(f"{root}/scripts/a.yaml:2:1: YAML syntax error: found duplicate key \"id\"")
    assert found.endswith("Each key may appear once in a mapping; the first 'id' is on line 1.")
    # two texts for one slot: the variants are how to keep both
    root = make_pack({"a.yaml": "id: a\ntitle: T\nacknowledgment: x\nsolution: y\nsolution: z\n"})
    assert one_problem(root).endswith(
        "Each key may appear once in a mapping; the first 'solution' is on line 4. To keep both texts, "
        "make them variants: one 'solution:' with a '- ' line for each.")
    # the first key of an indented mapping: the search for it began after its indentation, and missed it
    root = make_pack({"a.yaml": GOOD}, "name: T\nconstants:\n  days: 30\n  hours: 9 to 5\n  days: 14\n")
    assert one_problem(root).endswith("Each key may appear once in a mapping; the first 'days' is on line 3.")


def test_misspelled_key_suggests_the_close_match_and_is_not_also_missing(make_pack):
    root = make_pack({"a.yaml": 'id: a\ntitle: T\nacknowlegment: "I hear you."\nsolution: "I\'ll fix it."\n'})
    assert one_problem(root) == (f"{root}/scripts/a.yaml:3:1: unknown key 'acknowlegment'. "
                                 "Did you mean 'acknowledgment'?")


def test_unknown_key_without_close_match_lists_known_keys(make_pack):
    root = make_pack({"a.yaml": GOOD + "colour: blue\n"})
    found = one_problem(root)
    assert found.startswith(f"{root}/scripts/a.yaml:5:1: unknown key 'colour'. Known keys here: acknowledgment, ")


def test_misspelled_nested_key(make_pack):
    text = GOOD + "flexibility:\n  guidnce: Offer a refund if they ask.\n"
    root = make_pack({"a.yaml": text})
    assert one_problem(root) == f"{root}/scripts/a.yaml:6:3: unknown key 'guidnce'. Did you mean 'guidance'?"


def test_misspelled_key_in_pack_yaml(make_pack):
    root = make_pack({"good.yaml": GOOD}, "name: T\nconstans:\n  a: 1\n")
    assert one_problem(root) == f"{root}/pack.yaml:2:1: unknown key 'constans'. Did you mean 'constants'?"


def test_misspelled_channel_value(make_pack):
    root = make_pack({"a.yaml": GOOD + "channels: [email, caht]\n"})
    assert one_problem(root) == (f"{root}/scripts/a.yaml:5:19: 'caht' is not a channel. Did you mean 'chat'? "
                                 "The channels are email, chat, sms, phone and social.")
    # one no match is close to: the channels to choose from, as in pack.yaml's layouts
    root = make_pack({"a.yaml": GOOD}, "name: T\nchannels:\n  pigeon:\n    greeting: Hi!\n")
    assert one_problem(root) == (f"{root}/pack.yaml:3:3: 'pigeon' is not a channel. "
                                 "The channels are email, chat, sms, phone and social.")


def test_missing_required_slot(make_pack):
    root = make_pack({"a.yaml": 'id: a\ntitle: T\nacknowledgment: "I hear you."\n'})
    assert one_problem(root) == (
        f"{root}/scripts/a.yaml:1:1: missing required key 'solution'. Add 'solution:' to this script."
    )


def test_slot_of_wrong_type_is_one_message(make_pack):
    root = make_pack({"a.yaml": "id: a\ntitle: T\nacknowledgment: [1, 2]\nsolution: y\n"})
    assert one_problem(root) == (
        f"{root}/scripts/a.yaml:3:17: 'acknowledgment' must be text, or a list of texts (one per variant). "
        "Quote values that YAML reads as numbers or booleans."
    )


def test_bad_blank_name_gets_the_blank_naming_hint(make_pack):
    text = GOOD + "flexibility:\n  blanks:\n    - name: Delay Reason\n"
    root = make_pack({"a.yaml": text})
    assert one_problem(root) == (
        f"{root}/scripts/a.yaml:7:13: 'Delay Reason' is not a valid name. "
        "Use lower-case letters, digits and '_', starting with a letter, e.g. delay_reason."
    )


def test_jinja_syntax_error_in_quoted_scalar(make_pack):
    text = 'id: a\ntitle: T\nacknowledgment: "I hear you."\nsolution: "Order {{ order.number } ships today."\n'
    root = make_pack({"a.yaml": text})
    assert one_problem(root) == (
        f"{root}/scripts/a.yaml:4:18: template syntax error in solution: this '{{{{' is never closed with '}}}}'. "
        "Add '}}' where the placeholder ends: {{ order.number }}."
    )


def test_jinja_syntax_error_on_third_line_of_block_scalar(make_pack):
    text = (
        "id: a\n"
        "title: T\n"
        'acknowledgment: "I hear you."\n'
        "solution: |\n"
        "  I've found your order.\n"
        "  It ships today.\n"
        "  I'll email you by {% if x %}Friday.\n"
    )
    root = make_pack({"a.yaml": text})
    assert one_problem(root) == (
        f"{root}/scripts/a.yaml:7:21: template syntax error in solution: '{{% if %}}' is never closed. "
        "Add '{% endif %}' where the text it covers ends."
    )


def test_jinja_syntax_error_points_at_the_broken_expression_of_the_line(make_pack):
    text = (
        "id: a\n"
        "title: T\n"
        'acknowledgment: "I hear you."\n'
        "solution: |\n"
        "  I've found it.\n"
        "  It ships today.\n"
        "  Order {{ order.number }}, ticket {{ ticket.id }.\n"
    )
    root = make_pack({"a.yaml": text})
    assert one_problem(root) == (
        f"{root}/scripts/a.yaml:7:36: template syntax error in solution: this '{{{{' is never closed with '}}}}'. "
        "Add '}}' where the placeholder ends: {{ ticket.id }}."
    )


def test_undefined_constant_suggests_the_close_match(make_pack):
    text = 'id: a\ntitle: T\nacknowledgment: "I hear you."\nsolution: "You have {{ refund_windw_days }} days."\n'
    root = make_pack({"a.yaml": text}, PACK_YAML)
    assert one_problem(root) == (
        f"{root}/scripts/a.yaml:4:24: undefined name 'refund_windw_days'. Did you mean 'refund_window_days'? "
        "Define constants under 'constants:' in pack.yaml."
    )


def test_unknown_placeholder_suggests_the_catalogue_name(make_pack):
    text = 'id: a\ntitle: T\nacknowledgment: "Hi {{ customer.frist_name }}, I hear you."\nsolution: "Done."\n'
    root = make_pack({"a.yaml": text})
    assert one_problem(root) == (
        f"{root}/scripts/a.yaml:3:33: unknown placeholder 'customer.frist_name'. Did you mean 'customer.first_name'? "
        "Declare custom placeholders under 'placeholders:' in pack.yaml."
    )


def test_custom_placeholder_declared_in_pack_is_known(make_pack):
    pack_yaml = "name: T\nplaceholders:\n  booking.reference:\n    sample: BK-1\n"
    text = 'id: a\ntitle: T\nacknowledgment: "I hear you."\nsolution: "Booking {{ booking.reference }} is fixed."\n'
    pack = load_pack(make_pack({"a.yaml": text}, pack_yaml))
    assert "booking.reference" in pack.catalogue


def test_bare_namespace_needs_a_field(make_pack):
    text = 'id: a\ntitle: T\nacknowledgment: "Hi {{ customer }}."\nsolution: "Done."\n'
    root = make_pack({"a.yaml": text})
    assert one_problem(root) == (
        f"{root}/scripts/a.yaml:3:24: 'customer' needs a field, e.g. {{{{ customer.first_name }}}}. "
        "Placeholders and blanks are written namespace.field."
    )


def test_duplicate_script_ids(make_pack):
    root = make_pack({"a.yaml": GOOD, "b.yaml": GOOD})
    assert one_problem(root) == (
        f"{root}/scripts/b.yaml:1:5: duplicate script id 'good' (also used in {root}/scripts/a.yaml). "
        "Give every script a unique id."
    )


def test_blank_used_but_not_declared(make_pack):
    text = (
        "id: a\ntitle: T\n"
        'acknowledgment: "I hear you."\n'
        "flexibility:\n  blanks:\n    - name: ship_date\n"
        'solution: "It ships {{ blank.ship_dte }}."\n'
    )
    root = make_pack({"a.yaml": text})
    assert one_problem(root) == (
        f"{root}/scripts/a.yaml:7:30: blank 'ship_dte' is used but not declared. "
        "Did you mean {{ blank.ship_date }}? If it is a new blank, declare it under flexibility: blanks: "
        "- name: ship_dte"
    )


def test_unknown_filter(make_pack):
    text = 'id: a\ntitle: T\nacknowledgment: "I hear you."\nsolution: "{{ support_hours | center(80) }}"\n'
    root = make_pack({"a.yaml": text}, PACK_YAML)
    found = one_problem(root)
    assert found.startswith(f"{root}/scripts/a.yaml:4:31: unknown filter 'center'. Available: ")


def test_all_problems_of_a_run_are_reported_together(make_pack):
    root = make_pack(
        {
            "a-broken-yaml.yaml": 'id: a\ntitle: "Oops\n',
            "b-typo.yaml": 'id: b\ntitle: T\nacknowlegment: "Hi {{ refund_windw_days }}"\nsolution: "Done."\n',
            "c-missing.yaml": 'id: c\ntitle: T\nsolution: "Done {{ blank.when }}."\n',
            "d-dup.yaml": 'id: e\ntitle: T\nacknowledgment: "x"\nsolution: "y"\n',
            "e-dup.yaml": 'id: e\ntitle: T\nacknowledgment: "x {{ order.numbr }}"\nsolution: "y"\n',
        },
        PACK_YAML,
    )
    with pytest.raises(ErrorGroup) as info:
        load_pack(root)
    found = [f"{e.location}: {e.message}" for e in info.value.errors]
    s = f"{root}/scripts"
    assert found == [
        f"{s}/a-broken-yaml.yaml:2:8: YAML syntax error: this quoted value has no closing quote: it runs on to "
        "the end of the file",
        f"{s}/b-typo.yaml:3:1: unknown key 'acknowlegment'",
        f"{s}/b-typo.yaml:3:23: undefined name 'refund_windw_days'",
        f"{s}/c-missing.yaml:1:1: missing required key 'acknowledgment'",
        f"{s}/c-missing.yaml:3:26: blank 'when' is used but not declared",
        f"{s}/e-dup.yaml:1:5: duplicate script id 'e' (also used in {s}/d-dup.yaml)",
        f"{s}/e-dup.yaml:3:29: unknown placeholder 'order.numbr'",
    ]


SUBCLASSES = "{{ ''.__class__.__mro__[1].__subclasses__() }}"
GLOBALS = "{{ cycler.__init__.__globals__ }}"


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (SUBCLASSES, [
            "4:12: calling functions is not allowed in templates",
            "4:18: access to '__class__' is not allowed in templates",
            "4:28: access to '__mro__' is not allowed in templates",
            "4:39: access to '__subclasses__' is not allowed in templates",
        ]),
        (GLOBALS, [
            "4:15: undefined name 'cycler'",
            "4:22: access to '__init__' is not allowed in templates",
            "4:31: access to '__globals__' is not allowed in templates",
        ]),
        ("{{ 'a' * 100000000 }}", ["4:19: repeating text more than 10,000 times is not allowed"]),
        ("{{ 2 ** 100000 }}", ["4:17: exponent larger than 64 is not allowed"]),
    ],
)
def test_template_injection_is_refused_and_located(make_pack, payload, expected):
    text = f'id: a\ntitle: T\nacknowledgment: "I hear you."\nsolution: "{payload}"\n'
    root = make_pack({"a.yaml": text})
    with pytest.raises(ScriptkitError) as info:
        load_pack(root)
    exc = info.value
    errors = exc.errors if isinstance(exc, ErrorGroup) else [exc]
    assert [f"{e.location.line}:{e.location.col}: {e.message}" for e in errors if e.location] == expected
    assert all(e.location is not None and e.location.file == f"{root}/scripts/a.yaml" for e in errors)
    everything = "\n".join(str(e) for e in errors)
    assert "<class" not in everything and "builtins" not in everything and "os." not in everything
    security = [e for e in errors if isinstance(e, TemplateSecurityError)]
    assert security, "the sandbox refusals are TemplateSecurityError"


def test_private_use_character_is_rejected(make_pack):
    root = make_pack({"a.yaml": GOOD.replace("frustrating", "frus\ue000trating")})
    assert one_problem(root) == (
        f"{root}/scripts/a.yaml:3:36: private-use character U+E000 is not allowed in a script. "
        "Delete it; it is usually pasted by mistake."
    )


def test_file_that_is_not_utf8(make_pack):
    root = make_pack({})
    (root / "scripts" / "a.yaml").write_bytes(b"id: a\ntitle: caf\xe9\n")
    assert one_problem(root) == (
        f"{root}/scripts/a.yaml:2:11: file is not valid UTF-8. The file is likely Windows-1252. Save it as UTF-8 "
        f"(Notepad: Save As, Encoding 'UTF-8'), or convert it: iconv -f WINDOWS-1252 -t UTF-8 "
        f"{root}/scripts/a.yaml > {root}/scripts/a-utf8.yaml && mv {root}/scripts/a-utf8.yaml {root}/scripts/a.yaml"
    )
    # saved with a byte order mark (Windows): the column is counted from the text, not the mark
    (root / "scripts" / "a.yaml").write_bytes(b"\xef\xbb\xbfid: caf\xe9\n")
    assert one_problem(root).startswith(f"{root}/scripts/a.yaml:1:8: file is not valid UTF-8")


def test_empty_script_file(make_pack):
    root = make_pack({"a.yaml": ""})
    assert one_problem(root) == (
        f"{root}/scripts/a.yaml:1:1: the file is empty. "
        "Write a script in it (`scriptkit init` makes an example), or delete it."
    )


def test_missing_pack_folder_and_pack_yaml(tmp_path):
    with pytest.raises(PackError) as info:
        load_pack(tmp_path / "nope")
    assert str(info.value).startswith(f"{tmp_path}/nope:1:1: no such pack: {tmp_path}/nope")
    (tmp_path / "bare").mkdir()
    with pytest.raises(PackError) as info:
        load_pack(tmp_path / "bare")
    assert str(info.value).startswith(f"{tmp_path}/bare/pack.yaml:1:1: {tmp_path}/bare has no pack.yaml")


def test_pack_without_scripts(make_pack):
    root = make_pack({})
    assert one_problem(root) == (
        f"{root}/pack.yaml:1:1: no scripts found in {root}/scripts. Add one YAML file per script under scripts/."
    )


def test_single_script_file_loads_as_a_pack(tmp_path):
    path = tmp_path / "one.yaml"
    path.write_text(GOOD, encoding="utf-8")
    pack = load_pack(path)
    assert pack.name == "one" and [s.id for s in pack.scripts] == ["good"]


def test_typo_in_pack_yaml_does_not_cascade_into_scripts(make_pack):
    pack_yaml = "name: T\nversoin: 1\nconstants:\n  refund_window_days: 30\n"
    text = 'id: a\ntitle: T\nacknowledgment: "I hear you."\nsolution: "You have {{ refund_window_days }} days."\n'
    root = make_pack({"a.yaml": text}, pack_yaml)
    # the constants of a. pack.yaml with an unrelated typo still count: one problem, not two
    assert one_problem(root) == f"{root}/pack.yaml:2:1: unknown key 'versoin'. Did you mean 'version'?"


def test_misspelled_key_in_a_channel_layout(make_pack):
    pack_yaml = "name: T\nchannels:\n  email:\n    greting: \"Hi {{ customer.first_name }},\"\n"
    root = make_pack({"good.yaml": GOOD}, pack_yaml)
    assert one_problem(root) == f"{root}/pack.yaml:4:5: unknown key 'greting'. Did you mean 'greeting'?"


def test_layout_template_errors_point_into_pack_yaml(make_pack):
    pack_yaml = "name: T\nchannels:\n  chat:\n    greeting: \"Hi {{ customer.frist_name }}!\"\n"
    root = make_pack({"good.yaml": GOOD}, pack_yaml)
    assert one_problem(root).startswith(f"{root}/pack.yaml:4:31: unknown placeholder 'customer.frist_name'")


def test_filters_cannot_rewrite_placeholders_or_blanks(make_pack):
    text = (
        "id: a\ntitle: T\n"
        'acknowledgment: "Hi {{ customer.first_name | fallback(\'you\') | upper }}."\n'
        "flexibility:\n  blanks:\n    - name: day\n"
        'solution: "It ships {{ blank.day | title }}."\n'
    )
    root = make_pack({"a.yaml": text})
    hint = "The helpdesk or the agent fills it in after the reply is built; only fallback() applies to it."
    assert problems(root) == [
        f"{root}/scripts/a.yaml:3:64: filter 'upper' cannot change a placeholder or blank. {hint}",
        f"{root}/scripts/a.yaml:7:36: filter 'title' cannot change a placeholder or blank. {hint}",
    ]


def test_a_script_needs_at_least_one_channel(make_pack):
    root = make_pack({"a.yaml": GOOD + "channels: []\n"})
    assert one_problem(root) == (
        f"{root}/scripts/a.yaml:5:11: 'channels' needs at least one item. "
        "List the channels this script is written for, e.g. [email, chat]."
    )


def test_keys_that_look_like_pydantic_tags_are_reported_by_name(make_pack):
    root = make_pack({"a.yaml": GOOD + "flexibilit[y: Offer a refund.\n"})
    assert one_problem(root) == f"{root}/scripts/a.yaml:5:1: unknown key 'flexibilit[y'. Did you mean 'flexibility'?"


# ---------------------------------------------------------------- no input makes a traceback

_TOKENS = ["{{", "}}", "{%", "%}", ":", "\t", "'", '"', "\n", "- ", "|", ">", "[", "]", "{", "}", "#", "&a", "*a",
           "!!python/object:os.system", "\\", "blank.", "customer.", " * 99999999", "__class__", "{{ x }}",
           "{% for a in b %}", "\r", "flexibilit[y: 1\n", "str: 1\n"]
_BASE = (GOOD + "channels: [email, chat]\nflexibility:\n  guidance: Check first.\n  blanks:\n    - name: day\n"
         "      prompt: The day\n  alternatives:\n    - label: Other\n      text: \"By {{ blank.day }}.\"\n")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 1), st.one_of(st.sampled_from(_TOKENS), st.integers(1, 8))),
                min_size=1, max_size=4))
def test_mangled_scripts_give_located_errors_never_a_crash(edits):
    text = _BASE
    for where_, change in edits:
        at = int(where_ * len(text))
        text = text[:at] + change + text[at:] if isinstance(change, str) else text[:at] + text[at + change:]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "scripts").mkdir()
        (root / "pack.yaml").write_text(PACK_YAML, encoding="utf-8")
        (root / "scripts" / "a.yaml").write_text(text, encoding="utf-8")
        try:
            render_pack(load_pack(root), all_variants=True)
        except ScriptkitError as exc:
            for error in exc.errors if isinstance(exc, ErrorGroup) else [exc]:
                assert error.location is not None and error.location.file.startswith(str(root)), str(error)


def test_pointing_at_pack_yaml_loads_the_pack(make_pack):
    root = make_pack({"good.yaml": GOOD}, PACK_YAML)
    pack = load_pack(root / "pack.yaml")
    assert pack.name == "Test pack" and [s.id for s in pack.scripts] == ["good"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.text("aB-_.0 é", min_size=1, max_size=4), min_size=1, max_size=3), max_size=12))
def test_script_files_are_put_in_path_order(parts: list[list[str]]) -> None:
    from scriptkit.loading import _in_path_order

    files = [Path("/pack/scripts", *p) for p in parts]  # '-' and '.' sort before '/', 'B' before 'a'
    assert _in_path_order(str(f) for f in files) == [str(f) for f in sorted(files)]


def _composed(node: Any, path: tuple[str | int, ...], source: Any, keys: dict[Any, int], values: dict[Any, int]) -> Any:
    """The fast parse's definition, node by node: every scalar through _scalar, every offset from
    the node's line and column."""
    from scriptkit.loading import _CMap, _CScalar, _scalar

    def offset(node: Any) -> int:
        return int(source.offset(node.start_mark.line, node.start_mark.column))

    if isinstance(node, _CScalar):
        return _scalar(node)
    if isinstance(node, _CMap):
        out = {}
        for key_node, value_node in node.value:
            key = str(_scalar(key_node))
            keys[(*path, key)], values[(*path, key)] = offset(key_node), offset(value_node)
            out[key] = _composed(value_node, (*path, key), source, keys, values)
        return out
    items = []
    for i, item in enumerate(node.value):
        values[(*path, i)] = offset(item)
        items.append(_composed(item, (*path, i), source, keys, values))
    return items


_SCALARS = st.sampled_from(['"quoted é"', "'single'", "plain words", "yes", "No", "true", "null", "1.5", "0x1f",
                            "~", "é😀", "[a, 1, true]", "x:y", '"a\\"b"', '"line\\nbreak"', "- item"])
_BREAKS = st.sampled_from(["\n", "\r\n", "\n\n", "\n# note\n", "\u2028\n", "\x85\n", "\r"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c", "true", "1", "k"]), st.sampled_from(["value", "list", "map"]),
                          _SCALARS, _BREAKS), min_size=1, max_size=8, unique_by=lambda line: line[0]))
def test_fast_parse_reads_what_its_definition_reads(lines: list[tuple[str, str, str, str]]) -> None:
    # (the definition is the fast parse as it was before it read libyaml's offsets and plain words inline)
    from scriptkit.loading import _ccompose, _Composer, _fast_parse
    from scriptkit.sourcetext import SourceText

    shapes = {"value": "{key}: {value}{brk}", "list": "{key}:{brk}  - {value}{brk}  - x{brk}",
              "map": "{key}:{brk}  k: {value}{brk}  j:{brk}    - {value}{brk}"}
    text = "".join(shapes[shape].format(key=key, value=value, brk=brk) for key, shape, value, brk in lines)
    source = SourceText("x.yaml", text)
    parsed = _fast_parse(text, source)
    if parsed is None:
        return  # the round-trip parser's document
    keys: dict[Any, int] = {}
    values: dict[Any, int] = {}
    node = _ccompose(text, Loader=_Composer)
    expected = _composed(node, (), source, keys, values) if node is not None else None
    assert parsed[0] == expected and parsed[1].keys == keys and parsed[1].values == values


def test_script_files_are_the_recursive_glob_in_path_order(tmp_path: Path) -> None:
    from scriptkit.loading import _script_files

    scripts = tmp_path / "scripts"
    for rel in ["a.yaml", "b.yml", "B.YAML", ".hidden.yaml", "notes.txt", "x.yaml.bak", "deep/er/c.yaml",
                "deep/d.yml", "deep/.cache/e.yaml", "folder.yaml/f.yaml", "a-b/g.yaml", "a b/h.yaml"]:
        (scripts / rel).parent.mkdir(parents=True, exist_ok=True)
        (scripts / rel).write_text("id: x\n")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "o.yaml").write_text("id: o\n")
    (scripts / "linked").symlink_to(outside, target_is_directory=True)  # gone into, as a linked file is read
    (scripts / "linked.yaml").symlink_to(outside, target_is_directory=True)  # (outside is read once, by 'linked')
    (scripts / "alias.yaml").symlink_to(scripts / "a.yaml")
    # (less the hidden ones: .hidden.yaml, deep/.cache/e.yaml)
    # (any case of the suffix, as Windows saves it: B.YAML is a script wherever the pack is checked)
    visible = [f for f in scripts.glob("**/*") if f.suffix.lower() in (".yaml", ".yml")
               and not any(part.startswith(".") for part in f.relative_to(scripts).parts)]
    visible.append(scripts / "linked" / "o.yaml")
    assert _script_files(scripts) == [str(f) for f in sorted(visible)]
    assert str(scripts / "B.YAML") in _script_files(scripts)
    assert str(scripts / "folder.yaml") in _script_files(scripts)  # (load_pack reports it: not a file)


# ---------------------------------------------------------------- hostile and mistyped values

def _alias_bomb(last: str) -> str:
    """Nine anchored lists, each of nine aliases of the one before: 9**9 strings if expanded."""
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for before, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{before}"] * 9) + "]")
    return "\n".join(lines) + f"\n{last}: *i\n"


_ALIAS_HINT = ("Write the values out where they are needed: aliases may share a list or mapping (a merge key, "
               "common tags), not nest copies of copies.")
_FLOOD = "aliases repeat 15,670 values by here, more than the 10,000 a file may"  # at e's first alias


@pytest.mark.parametrize("extra", ["", "scenario: !!str Orders\n"])  # libyaml's parse, and the round-trip one
def test_an_alias_flood_is_refused_where_it_passes_the_limit_not_expanded(make_pack, extra):
    text = "id: a\ntitle: T\nsolution: y\n" + extra + _alias_bomb("acknowledgment")
    root = make_pack({"a.yaml": text})
    line = text.splitlines().index(next(x for x in text.splitlines() if x.startswith("e: &e"))) + 1
    assert one_problem(root) == f"{root}/scripts/a.yaml:{line}:8: {_FLOOD}. {_ALIAS_HINT}"


def test_an_alias_bomb_in_pack_yaml_is_refused_and_the_scripts_still_load(make_pack):
    root = make_pack({"good.yaml": GOOD}, "name: T\nrules:\n  " + _alias_bomb("tags").replace("\n", "\n  "))
    assert one_problem(root) == f"{root}/pack.yaml:7:10: {_FLOOD}. {_ALIAS_HINT}"


def test_a_recursive_alias_is_refused(make_pack):
    root = make_pack({"a.yaml": GOOD + "tags: &t [x, *t]\n"})
    assert one_problem(root) == (f"{root}/scripts/a.yaml:5:14: alias '*t' is inside the list or mapping it repeats. "
                                 "A list or mapping cannot hold itself; write out what it should repeat.")


def test_shared_lists_and_merge_keys_still_work(make_pack):
    pack_yaml = ("name: T\nchannels:\n  chat: &chat\n    greeting: \"Hi there!\"\n    separator: \"\\n\"\n"
                 "  social:\n    <<: *chat\n    signoff: \"- Sam\"\n")
    root = make_pack({"a.yaml": GOOD.replace("id: good", "id: good\ntags: &t [orders, late]\nignore: *t")}, pack_yaml)
    pack = load_pack(root)
    assert pack.meta.channels["social"].greeting == "Hi there!" and pack.meta.channels["social"].signoff == "- Sam"
    assert pack.script("good").tags == ["orders", "late"]


def test_an_alias_of_a_single_value_still_works(make_pack):
    root = make_pack({"a.yaml": GOOD + "scenario: &s Parcel late\ntags: [*s, orders]\n"})
    assert load_pack(root).script("good").tags == ["Parcel late", "orders"]


def test_a_bad_constant_is_one_message_and_the_others_are_kept(make_pack):
    pack_yaml = ("name: T\nconstants:\n  refund_window_days: [1, 2]\n  support_hours: \"9am to 5pm\"\n"
                 "  team:\n    name: Care\n  phone:\n")
    text = 'id: a\ntitle: T\nacknowledgment: "We are here {{ support_hours }}."\nsolution: "Fix."\n'
    root = make_pack({"a.yaml": text}, pack_yaml)
    hint = "A constant is text or a number, e.g. refund_days: 5; write lists and sentences into the scripts."
    assert problems(root) == [
        f"{root}/pack.yaml:3:23: constant 'refund_window_days' must be text or a number. {hint}",
        f"{root}/pack.yaml:6:5: constant 'team' must be text or a number. {hint}",
        f"{root}/pack.yaml:7:3: constant 'phone' must be text or a number. {hint}",  # (no value: at its key)
    ]


def test_a_duplicate_key_quotes_an_excerpt_of_long_values(make_pack):
    paragraph = " ".join(["We are sorry that your parcel is late and we will put it right today."] * 6)
    root = make_pack({"a.yaml": f'id: a\ntitle: "{paragraph}"\nacknowledgment: x\nsolution: y\ntitle: Short\n'})
    assert one_problem(root) == (
        f"{root}/scripts/a.yaml:5:1: YAML syntax error: found duplicate key \"title\" with value \"Short\" "
        "(original value: \"We are sorry that your parcel is late…\"). Each key may appear once in a mapping; "
        "the first 'title' is on line 2."
    )


_QUOTE = "Quote a value that YAML reads as a number or true/false, e.g."


@pytest.mark.parametrize(("line", "expected"), [
    ("channels: email", "5:11: 'channels' must be a list, e.g. [email, chat]. "
                        "For one item, put it in brackets: channels: [email]."),
    ("tags: x", "5:7: 'tags' must be a list, e.g. [billing, refund]. For one item, put it in brackets: tags: [x]."),
    # several items without brackets: "For one item" did not fit them
    ("channels: email, chat", "5:11: 'channels' must be a list, e.g. [email, chat]. "
                              "Put the items in brackets: channels: [email, chat]."),
    ("ignore: [x, 5]", f"5:13: each item of 'ignore' must be text. {_QUOTE} \"5\"."),
    ("emotion: 5", f"5:10: 'emotion' must be text. {_QUOTE} emotion: \"5\"."),
    ("export: 5", "5:9: 'export' must be a mapping of keys and values"),
    ("flexibility:\n  blanks:\n    - name: 5", f"7:13: 'name' must be text. {_QUOTE} name: \"5\"."),
    ("flexibility:\n  blanks: day", "6:11: 'blanks' must be a list, e.g. [{name: delay_reason}]"),
    ("emotion:", "5:1: 'emotion' has no value. Write text after 'emotion:', or delete the line."),
    ("tags:\n  - billing\n  -", "7:4: an item of 'tags' is empty. Write text after the dash, or delete the line."),
])
def test_a_value_of_the_wrong_type_is_named_with_an_example(make_pack, line, expected):
    root = make_pack({"a.yaml": GOOD + line + "\n"})
    assert one_problem(root) == f"{root}/scripts/a.yaml:{expected}"


def test_id_and_title_of_the_wrong_type(make_pack):
    root = make_pack({"a.yaml": "id: 123\ntitle: [a]\nacknowledgment: x\nsolution: y\n"})
    assert problems(root) == [
        f"{root}/scripts/a.yaml:1:5: 'id' must be text. {_QUOTE} id: \"123\".",
        f"{root}/scripts/a.yaml:2:8: 'title' must be text, not a list",
    ]


def test_a_layout_value_of_the_wrong_type_in_pack_yaml(make_pack):
    root = make_pack({"good.yaml": GOOD}, "name: T\nchannels:\n  sms:\n    greeting: true\n")
    assert one_problem(root) == f"{root}/pack.yaml:4:15: 'greeting' must be text. {_QUOTE} greeting: \"true\"."


def test_hidden_files_and_folders_are_not_scripts(make_pack):
    root = make_pack({"good.yaml": GOOD})
    scripts = root / "scripts"
    (scripts / ".hidden.yaml").write_bytes(b"\xff\xfe not a script")
    (scripts / "._good.yaml").write_bytes(b"\x00\x05\x16\x07 resource fork")  # macOS, unzipped
    (scripts / ".git").mkdir()
    (scripts / ".git" / "config.yaml").write_text("core: x\n")
    (scripts / "sub" / ".cache").mkdir(parents=True)
    (scripts / "sub" / ".cache" / "old.yaml").write_text("id: old\n")
    assert [s.id for s in load_pack(root).scripts] == ["good"]


def test_brackets_nested_deeper_than_python_can_read_are_located(make_pack):
    root = make_pack({"a.yaml": GOOD + "tags: " + "[" * 50_000 + "x" + "]" * 50_000 + "\n"})
    assert one_problem(root) == (f"{root}/scripts/a.yaml:5:107: lists or mappings are nested more than 100 deep. "
                                 "A script needs a few levels at most; look for brackets that were never closed.")


def test_brackets_in_text_are_text_however_many(make_pack):
    root = make_pack({"a.yaml": GOOD + "tags: [" + ", ".join(f"'[t{i}'" for i in range(150)) + "]\n"})
    assert len(load_pack(root).script("good").tags) == 150  # 150 unclosed '[' in quotes: no nesting


def test_an_unreadable_pack_yaml_is_not_blamed_on_the_scripts_constants(make_pack):
    text = ('id: a\ntitle: T\nacknowledgment: "We refund within {{ refund_days }} days."\n'
            'solution: "I\'ll email {{ customer.emial }} today."\n')
    root = make_pack({"a.yaml": text}, "name: T\nconstants: [refund_days: 5\n")  # a bracket never closed
    found = problems(root)
    assert len(found) == 2 and found[0].startswith(f"{root}/pack.yaml:")  # the real problem
    assert "unknown placeholder 'customer.emial'" in found[1]  # still found: it is not a constant
    assert not any("undefined name" in p for p in found)


# ---------------------------------------------------------------- a writer's YAML mistakes

SCRIPT_TOP = "id: a\ntitle: T\nchannels: [email, chat]\nacknowledgment: I know this is frustrating.\n"


@pytest.mark.parametrize(("body", "expected"), [
    # "key:" with nothing under it, where a mapping is expected: at the key, not past the file's end
    ("solution: I'll refund you today.\nby_channel:\n  chat:\n",
     "7:3: 'chat' has no value. Write a mapping of keys and values after 'chat:', or delete the line."),
    # a required slot with nothing after it: at its key, not on the next line
    ("solution:\nwarm_language: Thanks.\n",
     "5:1: 'solution' has no value. Write the text after 'solution:'."),
    # an empty variant: at its own dash, whichever it is
    ("acknowledgment:\n  - I know.\n  -\nsolution: I'll refund you today.\n",
     "5:4: variant 2 of 'acknowledgment' is empty. Write text after the dash, or delete the line."),
])
def test_a_key_or_variant_left_empty_is_named_at_its_line(make_pack, body, expected):
    top = SCRIPT_TOP if body.startswith("solution") else "id: a\ntitle: T\n"
    root = make_pack({"a.yaml": top + body})
    assert one_problem(root) == f"{root}/scripts/a.yaml:{expected}"


def test_a_channel_layout_left_empty_is_named_at_its_key(make_pack):
    root = make_pack({"a.yaml": GOOD}, "name: T\nchannels:\n  chat:\n")
    assert one_problem(root) == (f"{root}/pack.yaml:3:3: 'chat' has no value. "
                                 "Write a mapping of keys and values after 'chat:', or delete the line.")


@pytest.mark.parametrize("second", ["---\n" + GOOD, "---\n"])
def test_a_second_document_in_a_file_says_so(make_pack, second):
    root = make_pack({"a.yaml": GOOD + second})
    assert one_problem(root) == (
        f"{root}/scripts/a.yaml:5:1: a second YAML document starts here, after '---'. "
        "A file holds one script; move what follows into a file of its own, or delete the '---' line.")


_QUOTE_BRACES = "A value that starts with '{' must be quoted, e.g. "


# (YAML's own words were its parser's: "expected <block end>, but found '<scalar>'")
_READ_AS_MAPPING = "this value starts with '{', which YAML reads as the start of a mapping"


@pytest.mark.parametrize(("line", "expected"), [
    ("warm_language: {{ sig }}", f"6:16: 'warm_language' must be text, or a list of texts (one per variant). "
                                 f"{_QUOTE_BRACES}warm_language: \"{{{{ sig }}}}\"."),
    ("warm_language: {{ sig }}.", f"6:16: YAML syntax error: {_READ_AS_MAPPING}. "
                                  f"{_QUOTE_BRACES}warm_language: \"{{{{ sig }}}}.\"."),
    ("warm_language:\n  - {{ sig }} here.", f"7:5: YAML syntax error: {_READ_AS_MAPPING}. "
                                            f"{_QUOTE_BRACES}- \"{{{{ sig }}}} here.\"."),
    ("warm_language: {% if x %}Thanks.{% endif %}",
     f"6:16: YAML syntax error: {_READ_AS_MAPPING}. "
     f"{_QUOTE_BRACES}warm_language: \"{{% if x %}}Thanks.{{% endif %}}\"."),
])
def test_a_template_at_the_start_of_a_value_must_be_quoted(make_pack, line, expected):
    root = make_pack({"a.yaml": SCRIPT_TOP + "solution: I'll refund you today.\n" + line + "\n"},
                     "name: T\nconstants:\n  sig: Thanks\n  x: 1\n")
    assert one_problem(root) == f"{root}/scripts/a.yaml:{expected}"


@pytest.mark.parametrize(("pack_yaml", "expected"), [
    ("name: T\nchannels:\n  chat:\n    greeting: {{ customer.first_name }}\n",
     "4:15: 'greeting' must be text, not a mapping. " + _QUOTE_BRACES + 'greeting: "{{ customer.first_name }}".'),
    ("name: T\nconstants:\n  sign: {{ agent.first_name }}\n",
     "3:9: constant 'sign' must be text or a number. " + _QUOTE_BRACES + 'sign: "{{ agent.first_name }}".'),
    ("name: T\n---\nname: U\n",
     "2:1: a second YAML document starts here, after '---'. "
     "pack.yaml holds the pack's settings once; delete the '---' line and what follows it."),
])
def test_a_writers_yaml_mistake_in_pack_yaml(make_pack, pack_yaml, expected):
    root = make_pack({"good.yaml": GOOD}, pack_yaml)
    assert one_problem(root) == f"{root}/pack.yaml:{expected}"


@pytest.mark.parametrize(("body", "expected"), [
    ("acknowledgment: I know this is frustrating.\n  warm_language: Thanks.\nsolution: I'll fix it today.\n",
     "4:3: YAML syntax error: a ': ' in a value that is not quoted. If 'warm_language' is a new key, line it up "
     "with the keys above it; if the ': ' is part of the text above, quote that text."),
    # a colon inside a sentence keeps the quoting hint
    ("acknowledgment: I know this is frustrating.\nwarm_language: Thanks: really.\nsolution: I'll fix it today.\n",
     "4:22: YAML syntax error: a ': ' in a value that is not quoted. "
     "A value containing ': ' must be quoted, e.g. warm_language: \"Thanks: really.\"."),
    # a variant with ': ' in it is valid YAML, a mapping: said so at the variant, with its line quoted
    ("acknowledgment:\n  - I know: this is frustrating.\n  - Sorry.\nsolution: I'll fix it today.\n",
     "4:5: variant 1 of 'acknowledgment' is read as a key and a value, not text. A ': ' inside the text makes "
     "YAML read a key and a value: quote the whole text, e.g. - \"I know: this is frustrating.\"."),
])
def test_a_key_indented_too_far_is_named(make_pack, body, expected):
    root = make_pack({"a.yaml": "id: a\ntitle: T\n" + body})
    assert one_problem(root) == f"{root}/scripts/a.yaml:{expected}"


@pytest.mark.parametrize("value", ['"{{ support_hours }}"', '"Thanks, {{ customer.first_name | fallback(\'you\') }}"',
                                   '"{{blank.day}}"'])
def test_a_constant_written_as_a_template_is_refused_at_its_value(make_pack, value):
    # constants are filled in as written: a template in one reached the customer as '{{ ... }}'
    root = make_pack({"good.yaml": GOOD}, f"name: T\nconstants:\n  support_hours: 9am to 5pm\n  line: {value}\n")
    assert one_problem(root) == (
        f"{root}/pack.yaml:4:9: constant 'line' holds a template, but constants are filled in as written. "
        "Write plain text here, and the '{{ }}' in the scripts that use it.")


@pytest.mark.parametrize(("body", "expected"), [
    # email twice was rendered, linted and exported twice: SK507 then said 'a' shared its title with 'a'
    ("channels: [email, chat, email]\n",
     "5:25: 'email' is listed twice in channels. Delete the second one."),
    ("flexibility:\n  blanks:\n    - name: day\n    - name: time\n    - name: day\n",
     "9:13: blank 'day' is declared twice. Give each blank its own name, or delete the second one."),
])
def test_a_channel_or_blank_given_twice_is_named_at_the_second(make_pack, body, expected):
    root = make_pack({"a.yaml": GOOD + body})
    assert one_problem(root) == f"{root}/scripts/a.yaml:{expected}"


def test_the_missing_key_of_an_item_is_named_for_the_item_not_the_script(make_pack):
    root = make_pack({"a.yaml": GOOD + "flexibility:\n  alternatives:\n    - text: Refund instead.\n"})
    assert one_problem(root) == f"{root}/scripts/a.yaml:7:7: missing required key 'label'. Add 'label:' to this item."


def test_a_slot_that_yaml_reads_as_a_mapping_says_so(make_pack):
    # "Note: ..." under the key: the ': ' turns the text into a mapping, no number or boolean in sight
    root = make_pack({"a.yaml": "id: a\ntitle: T\nacknowledgment:\n  Note: I know this is frustrating.\nsolution: y\n"})
    assert one_problem(root) == (
        f"{root}/scripts/a.yaml:4:3: 'acknowledgment' must be text, or a list of texts (one per variant), "
        "not a mapping. A ': ' inside the text makes YAML read a key and a value: quote the whole text, "
        "e.g. \"Note: I know this is frustrating.\".")


@pytest.mark.parametrize("separator", ['""', '"-"', '"|"'])
def test_a_separator_that_glues_the_parts_together_is_refused(make_pack, separator):
    # separator: "" printed "Hi!I can see how frustrating this is.I'll fix it today." with no finding
    pack_yaml = f'name: T\nchannels:\n  chat:\n    greeting: "Hi!"\n    separator: {separator}\n'
    root = make_pack({"good.yaml": GOOD}, pack_yaml)
    assert one_problem(root) == (
        f"{root}/pack.yaml:5:16: the chat separator does not start and end with a space or line break, "
        """so it glues the reply's parts together. Use " " or "\\n", or put spaces around it, e.g. " - ".""")


def test_a_placeholder_name_without_a_namespace_is_named_at_its_key_and_not_blamed_on_the_scripts(make_pack):
    script = GOOD.replace("I'll fix it today.", "I'll fix it today via {{ carrier }}.")
    root = make_pack({"a.yaml": script},
                     "name: T\nplaceholders:\n  order.ok:\n    sample: x\n  carrier:\n    sample: ParcelGo\n")
    assert problems(root) == [
        f"{root}/pack.yaml:5:3: placeholder name 'carrier' must look like 'namespace.field'. "
        "Give it a namespace, e.g. order.carrier, and write it as {{ order.carrier }} in the scripts."]


def test_settings_after_a_placeholder_without_a_namespace_are_kept(make_pack):
    # the name standing in for it was kept as a key the settings do not have, so every check of a
    # later setting failed: its constants became 'undefined name' in the scripts
    script = GOOD.replace("I'll fix it today.", "I'll fix it today, {{ support_hours }}.")
    root = make_pack({"a.yaml": script},
                     "name: T\nplaceholders:\n  carrier:\n    sample: ParcelGo\nconstants:\n  support_hours: 9 to 5\n")
    (problem,) = problems(root)
    assert "placeholder name 'carrier'" in problem


def test_a_constant_is_refused_for_a_template_anywhere_in_it(make_pack):
    pack_yaml = ("name: T\nconstants:\n  support_hours: 9am to 5pm\n"
                 "  line: 'Call {{ phone_x }} or {{ support_hours }}'\n")
    root = make_pack({"good.yaml": GOOD}, pack_yaml)
    assert "constant 'line' holds a template" in one_problem(root)


@pytest.mark.parametrize(("pack_yaml", "use"), [
    ("name: T\nplaceholders:\n  order.carrier: The delivery company\n", "{{ order.carrier }}"),
    ("name: T\nconstants:\n  hours: [9, 5]\n", "{{ hours }}"),
])
def test_a_setting_with_a_bad_value_is_not_blamed_on_the_scripts_that_use_it(make_pack, pack_yaml, use):
    root = make_pack({"a.yaml": GOOD.replace("I'll fix it today.", f"I'll fix it today, {use}.")}, pack_yaml)
    assert [p.split(": ", 1)[0].rsplit("/", 1)[-1] for p in problems(root)] == ["pack.yaml:3:18" if "carrier" in
                                                                                 pack_yaml else "pack.yaml:3:10"]


def test_a_placeholder_written_as_its_description_shows_where_the_text_goes(make_pack):
    root = make_pack({"a.yaml": GOOD}, "name: T\nplaceholders:\n  order.carrier: The delivery company\n")
    assert one_problem(root) == (
        f"{root}/pack.yaml:3:18: 'order.carrier' must be a mapping of keys and values. Put the text under "
        "description:, e.g. order.carrier: {description: The delivery company}.")


@pytest.mark.parametrize(("pack_yaml", "use"), [
    ("name: T\nconstans:\n  refund_days: 30\n", "{{ refund_days }}"),
    ("name: T\nplaceholder:\n  order.carrier: {description: The delivery company}\n", "{{ order.carrier }}"),
])
def test_a_misspelt_setting_is_not_blamed_on_the_scripts_that_use_it(make_pack, pack_yaml, use):
    # 'constans:' is an unknown key; its constants were then 'undefined' in every script using them
    root = make_pack({"a.yaml": GOOD.replace("I'll fix it today.", f"I'll fix it today, {use}.")}, pack_yaml)
    assert [p.split(": ", 1)[0].rsplit("/", 1)[-1] for p in problems(root)] == ["pack.yaml:2:1"]


@pytest.mark.parametrize(("setting", "expected"), [
    # 'grammar: local' is how the settings under rules: (and scriptkit.toml) spell it
    ("grammar: local\n", "2:10: 'grammar' must be a mapping of keys and values. "
                          "Write the mode under it: grammar: {mode: local}."),
    ("rules: [SK105]\n", "2:8: 'rules' must be a mapping of keys and values, not a list. "
                          "Write the settings under it, e.g. rules: {ignore: [SK105]}."),
    ("constants: refund_days\n", "2:12: 'constants' must be a mapping of keys and values. "
                                  "Write each constant as a name and its value, e.g. constants: {refund_days: 30}."),
])
def test_a_setting_that_is_not_a_mapping_shows_how_it_is_written(make_pack, setting, expected):
    root = make_pack({"a.yaml": GOOD}, "name: T\n" + setting)
    assert one_problem(root) == f"{root}/pack.yaml:{expected}"


def test_a_pack_inside_the_scripts_folder_is_named_once_not_read_as_scripts(make_pack):
    # a pack copied (or made with init) into scripts/: its pack.yaml was an 'unknown key' per
    # setting and its scripts clashed by id with the ones they were copied from
    root = make_pack({"good.yaml": GOOD})
    (root / "scripts" / "old" / "scripts").mkdir(parents=True)
    (root / "scripts" / "old" / "pack.yaml").write_text(PACK_YAML, encoding="utf-8")
    (root / "scripts" / "old" / "scripts" / "good.yaml").write_text(GOOD, encoding="utf-8")
    assert one_problem(root) == (
        f"{root}/scripts/old/pack.yaml:1:1: this is another pack inside the scripts folder, so its files are not "
        "read as scripts. Move its folder out of scripts/ (a pack is a folder of its own), or delete this "
        "pack.yaml to make its scripts this pack's.")
    shutil.rmtree(root / "scripts" / "old")
    (root / "scripts" / "pack.yaml").write_text(PACK_YAML, encoding="utf-8")  # (init run in scripts/)
    assert one_problem(root).startswith(f"{root}/scripts/pack.yaml:1:1: this is a pack's settings file, "
                                        "in the scripts folder")


def test_the_example_of_a_colon_slip_drops_curly_quotes_typed_as_the_values_quotes(make_pack):
    # pasted from a word processor, “ ” were meant as quotes: the example kept them inside straight ones
    root = make_pack({"a.yaml": GOOD.replace('solution: "I\'ll fix it today."', "solution: “Done: I'll fix it.”")})
    assert one_problem(root).endswith("e.g. solution: \"Done: I'll fix it.\".")


def test_a_tab_after_a_key_is_refused_as_the_round_trip_parser_and_fix_refuse_it(make_pack):
    # libyaml took 'key:<tab>value' and the pack rendered, but --fix (the round-trip parser) then
    # refused every fix in the file as 'the file no longer parses'
    root = make_pack({"a.yaml": GOOD.replace("solution: ", "solution:\t")})
    assert one_problem(root) == (f"{root}/scripts/a.yaml:4:10: YAML syntax error: a tab, where YAML needs spaces. "
                                 "Put a space after the ':', not a tab.")
    (root / "scripts" / "a.yaml").unlink()
    root = make_pack({"b.yaml": GOOD.replace("I'll fix it today.", "I'll fix\tit today.")})  # inside text: fine
    assert load_pack(root).scripts[0].solution == "I'll fix\tit today."


def test_a_template_in_the_title_is_refused_at_its_line(make_pack):
    # the title is the macro's name in the helpdesk, shown as written: '{{ days }}' was exported as is
    script = GOOD.replace('title: "Orders::Good"', 'title: "Refund in {{ refund_window_days }} days"')
    root = make_pack({"a.yaml": script}, PACK_YAML)
    assert one_problem(root) == (
        f"{root}/scripts/a.yaml:2:8: the title is used as written, so '{{{{ refund_window_days }}}}' would not be "
        "filled in. Write the value itself: constants and placeholders work in the reply's text only.")


@pytest.mark.parametrize(("ack", "expected"), [
    ('acknowledgment:\n  - "I know this is frustrating."\n  - "  "',
     "5:5: variant 2 of 'acknowledgment' is empty. Write text after the dash, or delete the line."),
])
def test_a_blank_variant_is_refused_at_its_line(make_pack, ack, expected):
    root = make_pack({"a.yaml": GOOD.replace('acknowledgment: "I can see how frustrating this is."', ack)})
    assert one_problem(root) == f"{root}/scripts/a.yaml:{expected}"


def test_a_script_saved_beside_pack_yaml_is_named_not_skipped(make_pack):
    # scripts are read from scripts/ only: a script saved next to. pack.yaml was silently left out
    root = make_pack({"good.yaml": GOOD}, PACK_YAML)
    (root / "refund.yaml").write_text(GOOD.replace("id: good", "id: refund"))
    (root / "mkdocs.yml").write_text("site_name: Our docs\n")  # other YAML beside it is not a script
    assert one_problem(root) == (f"{root}/refund.yaml:1:1: this script is beside pack.yaml, where scripts are not "
                                 "read. Move it into scripts/.")


def test_a_script_saved_with_an_upper_case_suffix_is_loaded(make_pack):
    # Windows editors save 'Refund.YAML'; a case-folding file system reads it as a script, so
    # every system does: the pack is the same on the writer's laptop and on the CI server
    root = make_pack({"a.yaml": GOOD, "Refund.YAML": GOOD.replace("id: good", "id: refund"),
                      "late.Yml": GOOD.replace("id: good", "id: late")})
    assert sorted(s.id for s in load_pack(root).scripts) == ["good", "late", "refund"]


def test_a_script_with_an_upper_case_suffix_beside_pack_yaml_is_named(make_pack):
    root = make_pack({"a.yaml": GOOD})
    (root / "Refund.YML").write_text(GOOD.replace("id: good", "id: refund"), encoding="utf-8")
    assert one_problem(root).startswith(f"{root}/Refund.YML:1:1: this script is beside pack.yaml")


@pytest.mark.parametrize(("text", "expected"), [
    # a key indented by a slip: YAML's "expected <block end>, but found '<block mapping start>'"
    ('id: a\ntitle: T\nacknowledgment: "x"\n  warm_language: "y"\nsolution: "z"\n',
     "4:3: YAML syntax error: this line is indented differently from the lines above it. "
     "Keys of one mapping start in the same column: line this one up with the keys above it (spaces only)."),
    ('id: a\ntitle: T\nacknowledgment:\n  - "x"\n    - "y"\nsolution: "z"\n',
     "5:5: YAML syntax error: this list item is indented differently from the one above it. "
     "Start each '- ' of a list in the same column."),
    # a closing quote left off: YAML reads on to the next quote, a line or more below
    ('id: a\ntitle: T\nacknowledgment: "x\nsolution: "z"\n',
     "3:17: YAML syntax error: this quoted value is not closed on its line, so it runs on to the quote on "
     "line 4. A quoted value is missing its closing quote."),
    # an apostrophe in single quotes closes them
    ("id: a\ntitle: 'Shipping's late'\nacknowledgment: x\nsolution: y\n",
     "2:17: YAML syntax error: the apostrophe ends the single quotes the text starts with. "
     "Use double quotes: title: \"Shipping's late\" (or write the apostrophe twice: '')."),
    # a double quote inside double quotes closes them: the other kind of quotes around the text
    ('id: a\ntitle: T\nacknowledgment: x\nsolution: "We call it the "fast lane" here."\n',
     "4:27: YAML syntax error: this quote ends the quoted text that starts at column 11. "
     "Put the text in the other quotes: solution: 'We call it the \"fast lane\" here.'"),
    ('id: a\ntitle: T\nacknowledgment:\n  - "Hi {{ customer.first_name | fallback("there") }}!"\nsolution: y\n',
     "4:43: YAML syntax error: this quote ends the quoted text that starts at column 5. "
     "Put the text in the other quotes: - 'Hi {{ customer.first_name | fallback(\"there\") }}!'"),
    # both kinds inside: the quote doubled (single) or escaped (double)
    ("id: a\ntitle: T\nacknowledgment: x\nsolution: 'Say 'yes' or \"no\"'\n",
     "4:16: YAML syntax error: this quote ends the quoted text that starts at column 11. "
     "Write each ' inside the text twice: solution: 'Say ''yes'' or \"no\"'"),
    ("id: a\ntitle: T\nacknowledgment: x\nsolution: \"Say \"yes\" or 'no'\"\n",
     "4:16: YAML syntax error: this quote ends the quoted text that starts at column 11. "
     "Write each \" inside the text as \\\": solution: \"Say \\\"yes\\\" or 'no'\""),
    # the ':' after a key left out, or its space: YAML said "could not find expected ':'"
    ("id: a\ntitle: T\nacknowledgment: x\nsolution I'll send it today.\n",
     "4:9: YAML syntax error: 'solution' has no ':' after it. Write it so: solution: I'll send it today."),
    ("id: a\ntitle: T\nacknowledgment: x\nsolution:I'll send it today.\n",
     "4:10: YAML syntax error: there is no space after the ':'. Write it so: solution: I'll send it today."),
    # text that goes on below its key without being indented
    ("id: a\ntitle: T\nsolution: I'll send it today\nand call you tomorrow.\nacknowledgment: x\n",
     "4:1: YAML syntax error: this line is neither a key with ':' nor indented under one. "
     "If it goes on with the text above, indent it; if it starts a new setting, put ':' after its key."),
    # a line of a block of text indented less than its first
    ("id: a\ntitle: T\nacknowledgment: x\nsolution: |\n  I've asked the courier.\n It will arrive by Friday.\n",
     "6:2: YAML syntax error: this line is indented differently from the lines above it. "
     "Indent every line of a text at least as far as its first line (spaces only)."),
    # a no-break space after the colon (pasted from a web page or a word processor)
    ("id: a\ntitle: T\nacknowledgment: x\nsolution:\u00a0z\n",
     "4:10: YAML syntax error: a no-break space follows the ':'. Type an ordinary space after the ':'."),
])
def test_yaml_slips_are_said_in_a_writers_words(make_pack, text, expected):
    root = make_pack({"a.yaml": text})
    assert one_problem(root) == f"{root}/scripts/a.yaml:{expected}"


@pytest.mark.parametrize(("raw", "expected"), [
    (b"", "1:1: the file is empty. Write a script in it (`scriptkit init` makes an example), or delete it."),
    (b"# only a comment\n", "1:1: the file holds only comments. Write a script below them (`scriptkit init` makes "
                            "an example), or delete the file."),
    (GOOD.encode("utf-16"), "1:1: file is UTF-16, not UTF-8. Save the file as UTF-8 in your editor."),
])
def test_an_empty_or_utf16_script_is_said_so(make_pack, raw, expected):
    root = make_pack({})
    (root / "scripts" / "a.yaml").write_bytes(raw)
    assert one_problem(root) == f"{root}/scripts/a.yaml:{expected}"


def test_an_empty_pack_yaml_is_said_so(make_pack):
    root = make_pack({"a.yaml": GOOD}, "")
    assert one_problem(root) == (f"{root}/pack.yaml:1:1: pack.yaml is empty. Give the pack its settings, at least "
                                 "its name: name: Our support replies")


def test_a_value_starting_with_an_exclamation_mark_is_not_lost(make_pack):
    # '!Thanks' is a YAML tag: the slot was left out of every reply, without a word
    root = make_pack({"a.yaml": GOOD + "warm_language: !Thanks\ntags:\n  - !urgent\n"})
    assert problems(root) == [
        f"{root}/scripts/a.yaml:5:16: '!Thanks' is read as a YAML tag, which scripts do not use. "
        "Quote the text: warm_language: \"!Thanks\".",
        f"{root}/scripts/a.yaml:7:5: '!urgent' is read as a YAML tag, which scripts do not use. "
        "Quote the text: - \"!urgent\".",
    ]
    # YAML's own tag for text is text
    root = make_pack({"a.yaml": GOOD + "warm_language: !!str 100% happy to help.\n"})
    assert load_pack(root).scripts[0].warm_language == "100% happy to help."


@pytest.mark.parametrize(("value", "expected"), [
    ("*Thanks* for waiting.", "4:11: YAML syntax error: this value starts with '*', which YAML reads as a "
                              "reference to an anchor"),
    ("@Sam thanks for waiting.", "4:11: YAML syntax error: this value starts with '@', which YAML reserves"),
    ("`Reset` your password.", "4:11: YAML syntax error: this value starts with '`', which YAML reserves"),
    ("% of orders ship today.", "4:11: YAML syntax error: this value starts with '%', which YAML reserves"),
    ("> I quote you.", "4:11: YAML syntax error: this value starts with '>', which YAML reads as the start of "
                       "a block of text on the lines below"),
    ("[Update] We are on it.", "4:11: YAML syntax error: this value starts with '[', which YAML reads as a list"),
])  # (a slot's '- dash first.': tests/test_s31_messages_yaml.py, variants shown first)
def test_a_value_starting_with_a_yaml_character_says_to_quote_it(make_pack, value, expected):
    # each was YAML's parser talking ("found undefined alias 'Thanks*'", "cannot start any token")
    root = make_pack({"a.yaml": f"id: a\ntitle: T\nacknowledgment: I can see how it is.\nsolution: {value}\n"})
    quoted = value.replace('"', '\\"')
    assert one_problem(root) == f'{root}/scripts/a.yaml:{expected}. Quote the text: solution: "{quoted}".'


def test_a_value_starting_with_a_hash_is_said_to_be_a_comment(make_pack):
    root = make_pack({"a.yaml": "id: a\ntitle: T\nacknowledgment: I can see how frustrating it is.\n"
                                "solution: #1 priority for us.\n"})
    assert one_problem(root) == (f"{root}/scripts/a.yaml:4:1: 'solution' has no value. "
                                 "'#' after ': ' starts a comment, so YAML reads no text: quote it, "
                                 "e.g. solution: \"#1 priority for us.\".")


def test_pack_yaml_channels_as_a_list_and_scripts_as_a_file_say_what_to_write(make_pack):
    root = make_pack({"a.yaml": GOOD}, "name: T\nchannels: [email, chat]\n")
    assert one_problem(root) == (
        f"{root}/pack.yaml:2:11: 'channels' must be a mapping of keys and values, not a list. Here each channel "
        "names how its replies open and close, e.g. channels: {email: {greeting: 'Hi!'}}; a script lists the "
        "channels it is sent on in its own channels: [email, chat].")
    (root / "pack.yaml").write_text("name: T\n", encoding="utf-8")
    (root / "scripts" / "a.yaml").unlink()
    (root / "scripts").rmdir()
    (root / "scripts").write_text("a.yaml\n", encoding="utf-8")
    assert one_problem(root) == (f"{root}/scripts:1:1: scripts is a file, where the pack's scripts folder goes. "
                                 "Make scripts a folder and put one YAML file per script in it.")


def test_a_pack_yaml_over_the_size_limit_is_not_told_to_split_into_scripts(make_pack):
    from scriptkit.loading import MAX_FILE_BYTES

    root = make_pack({"a.yaml": GOOD}, "name: T\ndescription: " + "x" * MAX_FILE_BYTES + "\n")
    assert one_problem(root) == (f"{root}/pack.yaml:1:1: file is {MAX_FILE_BYTES + 22:,} bytes; the limit is "
                                 f"{MAX_FILE_BYTES:,}. pack.yaml holds the pack's settings only: move text into the "
                                 "scripts, one per file.")


def test_a_folder_inside_a_pack_names_the_pack(make_pack):
    root = make_pack({"a.yaml": GOOD})
    with pytest.raises(PackError) as info:
        load_pack(root / "scripts")
    assert info.value.hint == f"{os.path.relpath(root.resolve())} is the pack it is in: point at that folder."


def test_a_link_in_scripts_that_leads_nowhere_says_so(make_pack):
    root = make_pack({"a.yaml": GOOD})
    (root / "scripts" / "self.yaml").symlink_to("self.yaml")
    (root / "scripts" / "gone.yaml").symlink_to("deleted.yaml")
    assert problems(root) == [
        f"{root}/scripts/gone.yaml:1:1: this is a link to deleted.yaml, which is not there. "
        "Delete the link, or put the script back where it points.",
        f"{root}/scripts/self.yaml:1:1: this is a link that leads back to itself. "
        "Delete the link, or point it at a script file.",
    ]


def test_a_linked_folder_in_scripts_is_read_as_a_linked_file_is(make_pack, tmp_path):
    # (several packs of a repository share a folder of scripts; it was skipped without a word. Out of the
    # repository it is refused since session 38: test_s38_check_links_out)
    root = make_pack({"a.yaml": GOOD})
    (tmp_path / ".git").mkdir()
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "billing.yaml").write_text(GOOD.replace("id: good", "id: billing"), encoding="utf-8")
    (root / "scripts" / "shared").symlink_to(shared, target_is_directory=True)
    (root / "scripts" / "again").symlink_to(shared, target_is_directory=True)  # read once, not a duplicate id
    assert sorted(script.id for script in load_pack(root).scripts) == ["billing", "good"]


def test_a_linked_folder_that_leads_back_up_says_so(make_pack):
    root = make_pack({"a.yaml": GOOD})
    (root / "scripts" / "up").symlink_to(root, target_is_directory=True)
    assert problems(root) == [
        f"{root}/scripts/up:1:1: up is a link to a folder it is in (a link to {root}), so it is not gone into. "
        "Delete the link, or link to a folder of scripts that is not above it.",
    ]


def test_a_file_of_several_scripts_as_a_list_says_one_script_a_file(make_pack):
    root = make_pack({"a.yaml": "- id: a\n  solution: x\n- id: b\n  solution: y\n"})
    assert one_problem(root) == (
        f"{root}/scripts/a.yaml:1:1: this file is a list ('- ' at the start), where a script is keys and values. "
        "A file holds one script: write its keys at the start of the lines, without '- ', and put any other "
        "script in a file of its own.")


def test_one_script_of_a_pack_is_loaded_with_the_packs_settings(make_pack, tmp_path):
    # `scriptkit check pack/scripts/refund.yaml`: the pack's constants and layouts apply to it
    uses = GOOD.replace("I'll fix it today.", "You have {{ refund_window_days }} days; I'll fix it today.")
    root = make_pack({"good.yaml": uses, "other.yaml": GOOD.replace("id: good", "id: other")},
                     PACK_YAML + 'channels:\n  email:\n    greeting: "Hi there,"\n')
    (root / "scripts" / "billing").mkdir()
    (root / "scripts" / "billing" / "deep.yaml").write_text(GOOD.replace("id: good", "id: deep"), encoding="utf-8")
    pack = load_pack(root / "scripts" / "good.yaml")
    assert pack.partial and [s.id for s in pack.scripts] == ["good"] and pack.root == str(root)
    assert pack.constants["refund_window_days"] == 30 and pack.meta.layout("email").greeting == "Hi there,"
    [email] = render_pack(pack)
    assert email.preview({}).startswith("Hi there,") and "You have 30 days" in email.preview({})
    assert [s.id for s in load_pack(root / "scripts" / "billing" / "deep.yaml").scripts] == ["deep"]
    assert not load_pack(root).partial
    # (a script outside any pack is still a pack of its own, with no settings)
    alone = tmp_path / "alone.yaml"
    alone.write_text(GOOD, encoding="utf-8")
    assert not load_pack(alone).partial and load_pack(alone).constants == {}


def test_a_constant_used_by_other_scripts_is_not_unused_when_one_script_is_checked(make_pack):
    from scriptkit.config import LintConfig
    from scriptkit.linting import lint_pack

    root = make_pack({"good.yaml": GOOD}, PACK_YAML)
    codes = {d.code for d in lint_pack(load_pack(root / "scripts" / "good.yaml"), LintConfig()).diagnostics}
    assert "SK002" not in codes
    assert "SK002" in {d.code for d in lint_pack(load_pack(root), LintConfig()).diagnostics}


def test_a_misspelt_placeholder_namespace_is_not_told_to_define_a_constant(make_pack):
    root = make_pack({"a.yaml": GOOD.replace('"I can see', '"Hi {{ custmer.first_name }}, I can see')}, PACK_YAML)
    message = one_problem(root)
    assert "undefined name 'custmer'" in message and "Did you mean 'customer'?" in message
    assert "constants" not in message and "{{ customer.first_name }}" in message


@pytest.mark.parametrize(("solution", "said", "hint"), [
    ("{% if order %}I'll fix it today.", "'{% if %}' is never closed", "Add '{% endif %}'"),
    ("{% for x in y %}{{ x }}", "'{% for %}' is never closed", "Add '{% endfor %}'"),
    ("I'll fix it {% endif %} today.", "'{% endif %}' closes nothing", "add the '{% if ... %}'"),
    ("{% if a %}{% for x in y %}{{ x }}{% endif %}", "'{% endif %}' comes while '{% for %}' is still open",
     "'{% endfor %}' before it"),
])
def test_an_unclosed_or_stray_block_tag_is_said_in_words(make_pack, solution, said, hint):
    root = make_pack({"a.yaml": GOOD.replace("\"I'll fix it today.\"", repr(solution).replace("'", '"')
                                             if "'" not in solution else '"' + solution + '"')}, PACK_YAML)
    message = one_problem(root)
    assert said in message and hint in message and "Jinja" not in message


def test_a_blank_in_a_pack_greeting_is_not_told_to_declare_it_under_flexibility(make_pack):
    root = make_pack({"good.yaml": GOOD}, 'name: T\nchannels:\n  email:\n    greeting: "Hi {{ blank.name }},"\n')
    message = one_problem(root)
    assert "pack.yaml:4:" in message and "blank 'name' cannot be in pack.yaml's email greeting" in message
    assert "flexibility" not in message and "fallback('there')" in message
