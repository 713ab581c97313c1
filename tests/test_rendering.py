"""Rendering real packs to Messages: text, placeholders, blanks, variants, layouts, source positions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from scriptkit import (
    Blank,
    Message,
    Pack,
    PackError,
    Placeholder,
    ScriptkitError,
    TemplateSecurityError,
    Text,
    load_pack,
)
from scriptkit.diagnostics import Location
from scriptkit.rendering import render_pack, render_script

PACK_YAML = """\
name: Render test
constants:
  refund_window_days: 30
  word: "ab"
  big: 100000
channels:
  email:
    greeting: "Hello {{ customer.first_name | fallback('friend') }},"
    signoff: |
      Best,
      {{ agent.first_name }}
  chat:
    greeting: "Hi {{ customer.first_name | fallback('there') }}!"
"""

# line numbers matter: tests below point at them
STYLES = """\
id: styles
title: "Test::Styles"
channels: [email, chat, phone]
acknowledgment:
  - I can see how frustrating this is.
  - 'It''s stressful to wait, I know.'
warm_language: "I'm \\"really\\" sorry."
flexibility:
  guidance: Offer the refund first.
  blanks:
    - name: ship_day
      prompt: The day it ships
  alternatives:
    - label: Refund
      text: "I'll refund you today."
  conditions:
    - when: it is a gift
      text: "I'll add a gift note."
solution: |
  I've found order {{ order.number }}.
  It ships {{ blank.ship_day }}, within {{ refund_window_days }} days.
  I'll email you today.
"""

FOLDED = """\
id: folded
title: "Test::Folded"
acknowledgment: >
  Waiting this long is
  frustrating, I know.
solution: Done.
"""

SAMPLES = {"customer.first_name": "Maya", "agent.first_name": "Sam", "order.number": "A-1"}


@pytest.fixture
def pack(make_pack) -> Pack:
    return load_pack(make_pack({"styles.yaml": STYLES, "folded.yaml": FOLDED}, PACK_YAML))


def render(pack: Pack, script_id: str = "styles", channel: str = "email", variant: int = 0) -> Message:
    return render_script(pack, pack.script(script_id), channel, variant)


def where(message: Message, needle: str) -> tuple[str, int, int, str | None]:
    loc, slot = message.locate(message.text.index(needle))
    return Path(loc.file).name, loc.line, loc.col, slot


def test_email_text_uses_canonical_placeholders_and_blank_markers(pack):
    assert render(pack).text == (
        "Hello {{customer.first_name}},\n\n"
        "I can see how frustrating this is.\n\n"
        'I\'m "really" sorry.\n\n'
        "I've found order {{order.number}}.\n"
        "It ships [[ship_day]], within 30 days.\n"
        "I'll email you today.\n\n"
        "Best,\n{{agent.first_name}}"
    )


def test_preview_fills_samples_and_fallback_covers_a_missing_name(pack):
    message = render(pack)
    assert message.preview(SAMPLES).startswith("Hello Maya,\n\n")
    assert message.preview(SAMPLES).endswith("I've found order A-1.\nIt ships [[ship_day]], within 30 days.\n"
                                             "I'll email you today.\n\nBest,\nSam")
    assert message.preview({}).startswith("Hello friend,\n\n")
    assert render(pack, channel="chat").preview({}).startswith("Hi there! I can see")


def test_segments_carry_slot_placeholder_fallback_and_blank_prompt(pack):
    segments = render(pack).segments
    placeholders = [s for s in segments if isinstance(s, Placeholder)]
    assert [(p.name, p.slot, p.fallback) for p in placeholders] == [
        ("customer.first_name", "greeting", "friend"),
        ("order.number", "solution", None),
        ("agent.first_name", "signoff", None),
    ]
    blanks = [s for s in segments if isinstance(s, Blank)]
    assert [(b.name, b.slot, b.prompt, b.marker) for b in blanks] == [
        ("ship_day", "solution", "The day it ships", "[[ship_day]]")
    ]
    assert render(pack).slots == ("greeting", "layout", "acknowledgment", "warm_language", "solution", "signoff")


@pytest.mark.parametrize(
    ("needle", "variant", "expected"),
    [
        ("frustrating", 0, ("styles.yaml", 5, 19, "acknowledgment")),  # plain scalar in a list
        ("stressful", 1, ("styles.yaml", 6, 12, "acknowledgment")),  # single-quoted, with a '' escape
        ("really", 0, ("styles.yaml", 7, 23, "warm_language")),  # double-quoted, with \" escapes
        ("ships", 0, ("styles.yaml", 21, 6, "solution")),  # second line of a | block
        (", within", 0, ("styles.yaml", 21, 32, "solution")),  # literal text after a blank
        ("email you", 0, ("styles.yaml", 22, 8, "solution")),  # third line of a | block
        ("Hello", 0, ("pack.yaml", 8, 16, "greeting")),  # the pack's email layout
        ("Best", 0, ("pack.yaml", 10, 7, "signoff")),
    ],
)
def test_text_locations_point_at_the_yaml(pack, needle, variant, expected):
    assert where(render(pack, variant=variant), needle) == expected


def test_folded_scalar_location(pack):
    message = render(pack, "folded")
    assert message.slot_text("acknowledgment") == "Waiting this long is frustrating, I know."
    assert where(message, "frustrating") == ("folded.yaml", 5, 3, "acknowledgment")


def test_expression_output_is_not_literal_and_points_at_its_braces(pack):
    message = render(pack)
    rendered = {seg.text: seg for seg in message.segments if isinstance(seg, Text)}
    thirty = rendered["30"]
    assert thirty.source is not None and not thirty.source.literal
    assert (thirty.source.start.line, thirty.source.start.col) == (21, 41)
    order = next(s for s in message.segments if isinstance(s, Placeholder) and s.name == "order.number")
    assert order.source is not None and (order.source.start.line, order.source.start.col) == (20, 20)


def test_literal_span_maps_back_to_the_file_text(pack):
    message = render(pack)
    source = Path(message.file).read_text(encoding="utf-8")
    start = message.text.index("frustrating")
    span = message.literal_span(start, start + len("frustrating"))
    assert span is not None and source[span[0]:span[1]] == "frustrating"
    # text made by an expression, or crossing an escape, cannot be edited in place
    start = message.text.index("30 days")
    assert message.literal_span(start, start + 2) is None
    start = message.text.index('"really"')
    assert message.literal_span(start, start + len('"really"')) is None


def test_variants_pick_each_alternative_phrasing(pack):
    script = pack.script("styles")
    assert script.variant_count == 2
    first, second = render(pack, variant=0), render(pack, variant=1)
    assert first.slot_text("acknowledgment") == "I can see how frustrating this is."
    assert second.slot_text("acknowledgment") == "It's stressful to wait, I know."
    assert first.slot_text("solution") == second.slot_text("solution")  # one solution serves every variant


def test_channel_layouts_and_joiners(pack):
    chat = render(pack, channel="chat")
    assert chat.text.startswith("Hi {{customer.first_name}}! I can see how frustrating this is. I'm ")
    assert "Best," not in chat.text  # the pack's chat layout has no sign-off
    phone = render(pack, channel="phone")  # no phone layout in the pack: the built-in default
    assert phone.text.startswith("Thanks for calling, this is {{agent.first_name}}. I can see")
    greeting = phone.segments[0]
    assert isinstance(greeting, Text) and greeting.source is not None
    assert greeting.source.start == Location("<default phone layout>", 1, 1)


def test_agent_notes_keep_kind_label_and_location(pack):
    notes = render(pack).notes
    assert [(n.kind, n.label, n.text) for n in notes] == [
        ("guidance", "Guidance", "Offer the refund first."),
        ("alternative", "Refund", "I'll refund you today."),
        ("condition", "If it is a gift", "I'll add a gift note."),
    ]
    first = notes[1].segments[0]
    assert isinstance(first, Text) and first.source is not None
    assert (first.source.start.line, first.source.start.col) == (15, 14)
    assert "Offer the refund" not in render(pack).text  # guidance is never sent


def test_render_pack_filters_by_channel_script_and_variants(pack):
    everything = render_pack(pack)
    assert [(m.script_id, m.channel) for m in everything] == [
        ("folded", "email"), ("styles", "email"), ("styles", "chat"), ("styles", "phone"),
    ]
    assert [m.channel for m in render_pack(pack, channels=["chat"])] == ["chat"]
    assert len(render_pack(pack, script_id="styles", all_variants=True)) == 6
    assert {m.variant for m in render_pack(pack, ["email"], "styles", all_variants=True)} == {0, 1}


def test_sandbox_refuses_repetition_built_from_constants_at_render_time(make_pack):
    # Name * Name cannot be judged before rendering; the sandbox stops it while rendering
    script = 'id: big\ntitle: T\nacknowledgment: "I hear you."\nsolution: "{{ word * big }}"\n'
    pack = load_pack(make_pack({"big.yaml": script}, PACK_YAML))
    with pytest.raises(TemplateSecurityError) as info:
        render_pack(pack)
    error = info.value
    assert error.location is not None and (error.location.line, error.location.col) == (4, 11)
    assert error.message == "refused by the template sandbox: repetition too large"
    assert "abab" not in str(error)


def test_sandbox_blocks_payloads_even_when_static_checks_are_bypassed(make_pack):
    pack = load_pack(make_pack({"ok.yaml": 'id: ok\ntitle: T\nacknowledgment: "x"\nsolution: "y"\n'}, PACK_YAML))
    script = pack.script("ok")
    for payload in ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "{{ cycler.__init__.__globals__ }}",
                    "{{ word.__class__ }}"):
        script.solution = payload  # as if a check had missed it
        with pytest.raises(PackError) as info:
            render_script(pack, script, "email")
        text = str(info.value)
        assert info.value.location is not None and info.value.location.file.endswith("ok.yaml")
        assert "<class" not in text and "__builtins__" not in text and "subclasses()" not in text


def test_undefined_value_at_render_time_is_located(make_pack):
    pack = load_pack(make_pack({"ok.yaml": 'id: ok\ntitle: T\nacknowledgment: "x"\nsolution: "y"\n'}, PACK_YAML))
    script = pack.script("ok")
    script.solution = "{{ customer }}"
    with pytest.raises(PackError) as info:
        render_script(pack, script, "email")
    assert str(info.value).startswith(f"{script.file}:4:11: undefined value in solution: 'customer' needs a field")


def test_a_filter_that_damages_a_placeholder_never_reaches_the_output(make_pack):
    pack = load_pack(make_pack({"ok.yaml": 'id: ok\ntitle: T\nacknowledgment: "x"\nsolution: "y"\n'}, PACK_YAML))
    script = pack.script("ok")
    script.solution = "Hi {{ customer.first_name | upper }}."  # as if the static check had missed it
    with pytest.raises(PackError) as info:
        render_script(pack, script, "email")
    assert str(info.value) == (f"{script.file}:4:11: a filter changed a placeholder or blank in solution. "
                               "Only fallback() applies to placeholders and blanks.")


def test_messages_survive_pickling_with_every_span_and_location(pack: Pack) -> None:
    """Worker processes send messages back pickled; spans without a located start travel short."""
    import pickle

    from scriptkit.message import SourceSpan

    messages = render_pack(pack, all_variants=True)
    copies = pickle.loads(pickle.dumps(messages, pickle.HIGHEST_PROTOCOL))
    assert [m.segments for m in copies] == [m.segments for m in messages]
    assert [m.notes for m in copies] == [m.notes for m in messages]
    spans = [(seg.source, copy.source) for m, c in zip(messages, copies, strict=True)
             for seg, copy in zip(m.segments, c.segments, strict=True) if seg.source is not None]
    kinds = {(span.literal, isinstance(span.offsets, range)) for span, _ in spans}
    assert {(True, True), (False, False)} <= kinds  # literal runs, and text made by layouts or expressions
    for span, copy in spans:
        assert isinstance(copy, SourceSpan) and copy.literal == span.literal and copy.offsets == span.offsets
        assert copy.start == span.start and copy.location_at(3) == span.location_at(3)
    assert [m.text for m in copies] == [m.text for m in messages]


def _locate_by_scan(message: Message, start: int) -> tuple[Location, str | None]:
    """``Message.locate`` as a plain walk over every segment (what its bisection must agree with)."""
    last: tuple[Location, str | None] = (Location(message.file, 1, 1), None)
    for s, e, seg in message.spans():
        if seg.source is not None:
            if s <= start < e:
                if isinstance(seg, Text):
                    return seg.source.location_at(start - s), seg.slot
                return seg.source.start, seg.slot
            last = (seg.source.start, seg.slot)
        if s > start:
            break
    return last


def test_locate_agrees_with_a_walk_over_every_segment(pack):
    from scriptkit.message import SourceSpan

    rendered = [render(pack, s.id, ch, v) for s in pack.scripts for ch in s.channels for v in range(s.variant_count)]
    span = SourceSpan(Location("x.yaml", 3, 1, 20))
    # segments without a source, an empty one, and a placeholder with one: the walk's fallbacks
    segments = (Text("ab", "greeting"), Text("", "layout", span), Text("cd", "solution", span),
                Placeholder("order.number", "solution", source=span), Text("ef", "other"))
    mixed = Message("m", "m", "email", 0, segments)
    for message in [*rendered, mixed]:
        for offset in range(-1, len(message.text) + 2):
            assert message.locate(offset) == _locate_by_scan(message, offset), (message.script_id, offset)


def _literal_span_by_scan(message: Message, start: int, end: int) -> tuple[int, int] | None:
    for s, e, seg in message.spans():
        if s <= start and end <= e and isinstance(seg, Text) and seg.source is not None:
            src = seg.source
            if not (src.literal and src.offsets):
                return None
            a, b = src.offsets[start - s], src.offsets[end - s - 1] + 1
            return (a, b) if b - a == end - start else None
    return None


def test_literal_span_agrees_with_a_walk_over_every_segment(pack):
    for script in pack.scripts:
        for channel in script.channels:
            message = render(pack, script.id, channel)
            n = len(message.text)
            for start in range(n + 1):
                for end in range(start, min(n, start + 40) + 1):
                    assert _outcome(message.literal_span, start, end) == \
                        _outcome(_literal_span_by_scan, message, start, end), (start, end)


def _outcome(fn: Callable[..., object], *args: object) -> object:
    """What ``fn`` returns, or the type of what it raises (a span past a segment's offsets)."""
    try:
        return fn(*args)
    except IndexError as exc:
        return type(exc)


def test_origins_read_from_the_private_store_are_pydantics_own(pack: Pack) -> None:
    # (Script.origin and Pack.origin skip pydantic's slow private-attribute lookup)
    from scriptkit.models import Script

    assert pack.origin is not None and pack.origin is pack._origin
    copied = pack.model_copy(update={"scripts": pack.scripts[:1]})
    for script in [*pack.scripts, *copied.scripts]:
        assert script.origin is not None and script.origin is script._origin
        assert script.file == script._origin.source.path
    bare = Script(id="bare", title="Bare", channels=["email"], acknowledgment="Hi.", solution="Done.")
    assert bare.origin is None and bare.file == "<script bare>"
    assert copied.origin is pack.origin


def test_every_message_carries_its_scripts_emotion_tags_and_scenario() -> None:
    """The meta mapping is built once per script and shared by its channels (a variant adds which one it is)."""
    from scriptkit.diagnostics import VARIANT_OF

    pack = load_pack(Path(__file__).parent.parent / "templates" / "starter")
    messages = render_pack(pack, all_variants=True)
    assert len({m.script_id for m in messages}) < len(messages)  # scripts with several messages
    for m in messages:
        script = pack.script(m.script_id)
        # (a script with variants adds which variant each message is: VARIANT_OF, for findings to name it)
        meta = {k: v for k, v in m.meta.items() if k != VARIANT_OF}
        assert meta == {"emotion": script.emotion, "tags": tuple(script.tags), "scenario": script.scenario,
                        "ignore": tuple(script.ignore), "blanks": tuple(script.blanks.values()),
                        "pack_meta": pack.meta}
        assert m.meta["pack_meta"] is pack.meta  # (shared, not copied: the JSON export writes its settings)
    assert any(VARIANT_OF in m.meta for m in messages) and not all(VARIANT_OF in m.meta for m in messages)


def test_a_scripts_scope_is_the_pack_scope_with_the_scripts_blanks(pack):
    import copy

    from scriptkit.rendering import _Scope

    pack_scope = _Scope(pack, None)
    before = {k: v if k == "catalogue" else copy.deepcopy(v) for k, v in vars(pack_scope).items()}
    for script in pack.scripts:
        scope = pack_scope.for_script(script)
        assert type(scope) is _Scope and vars(scope) == {**vars(copy.copy(pack_scope)), "blanks": set(script.blanks)}
    assert vars(pack_scope) == before  # (the pack's scope is shared: for_script leaves it as it was)


def test_default_on_a_placeholder_is_its_fallback(make_pack):
    # Jinja's default() only covers a missing value, and the helpdesk's is empty, never missing:
    # 'us' was dropped from every export while SK001 said the name had no fallback
    script = ('id: ok\ntitle: T\n'
              'acknowledgment: "Thanks for bearing with {{ customer.first_name | default(\'us\') }}."\n'
              'solution: "I\'ll fix it today, {{ customer.first_name | default }}."\n')
    pack = load_pack(make_pack({"ok.yaml": script}, PACK_YAML))
    (message,) = render_pack(pack)
    names = [(seg.slot, seg.name, seg.fallback) for seg in message.segments if isinstance(seg, Placeholder)]
    assert names[1:3] == [("acknowledgment", "customer.first_name", "us"), ("solution", "customer.first_name", "")]
    assert "Thanks for bearing with us." in message.preview({})


def test_default_on_a_placeholder_takes_plain_text_like_fallback(make_pack):
    script = ('id: ok\ntitle: T\nacknowledgment: "x"\n'
              'solution: "Bye {{ customer.first_name | default(customer.last_name) }}."\n')
    root = make_pack({"ok.yaml": script}, PACK_YAML)
    with pytest.raises(PackError) as info:
        load_pack(root)
    assert str(info.value) == (f"{root}/scripts/ok.yaml:4:49: a fallback must be quoted text, a number or a "
                               "constant that holds one. A fallback is the text shown when the value is empty, "
                               "e.g. fallback('there'). A placeholder cannot stand in for another.")


def _template_problems(make_pack, solution: str) -> list[str]:
    root = make_pack({"ok.yaml": f'id: ok\ntitle: T\nacknowledgment: "x"\nsolution: "{solution}"\n'}, PACK_YAML)
    with pytest.raises(ScriptkitError) as info:
        load_pack(root)
    errors = getattr(info.value, "errors", [info.value])
    return [str(e).split("/scripts/ok.yaml:", 1)[1] for e in errors]


@pytest.mark.parametrize(("solution", "expected"), [
    # a word processor's curly quotes: was "unexpected char '‘' at 35" at the '{{'
    ("Bye {{ customer.first_name | fallback(‘there’) }}.",
     "4:50: template syntax error in solution: curly quote '‘' inside '{{ }}'. "
     "Use straight quotes inside '{{ }}', e.g. fallback('there'); word processors curl them."),
    # a word without quotes: one message, not also 'undefined name' and 'a placeholder cannot stand in'
    ("Bye {{ customer.first_name | fallback(there) }}.",
     "4:50: fallback(there) needs quotes: 'there' is not a constant. "
     "Write fallback('there'), or define 'there' under 'constants:' in pack.yaml."),
    # a name the template sets is no word to quote: it is not a constant, and the text it holds is the fix
    ("{% set w = 'there' %}Bye {{ customer.first_name | fallback(w) }}.",
     "4:71: fallback(w) uses 'w', which the template sets: a fallback must be quoted text or a constant. "
     "Write the text itself in quotes, e.g. fallback('there'), or define 'w' under 'constants:' in pack.yaml."),
    # a third brace is printed: '{30}' reached the customer
    ("Within {{{ refund_window_days }}} days.",
     "4:19: '{{{' has one brace too many: the extra one is sent to the customer. "
     "Write two braces on each side: {{ name }}."),
])
def test_a_writers_template_slip_gets_one_located_message(make_pack, solution, expected):
    assert _template_problems(make_pack, solution) == [expected]


@pytest.mark.parametrize("call", [
    lambda pack: render_script(pack, pack.script("styles"), "Email"),
    lambda pack: render_pack(pack, ["email", "fax"]),
])
def test_a_misspelt_channel_is_a_config_error_not_a_keyerror_or_nothing(pack: Pack, call) -> None:  # type: ignore[no-untyped-def]
    """render_script raised a bare KeyError for 'Email'; render_pack rendered nothing for 'fax', silently."""
    from scriptkit import ConfigError

    with pytest.raises(ConfigError, match=r"unknown channel '(Email|fax)'"):
        call(pack)
    assert [m.channel for m in render_pack(pack, ["chat"], script_id="styles")] == ["chat"]
