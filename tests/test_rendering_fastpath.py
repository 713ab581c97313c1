"""The rendering fast path for simple templates gives exactly what the Jinja path gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from scriptkit import load_pack, render_pack, rendering
from scriptkit.rendering import TemplateSource, _Context, _emulate, _render_jinja

PACK_YAML = (
    "name: Fast\nconstants:\n  days: 5\n  brand_name: \"Acme {{ not a template }}\"\n  vip: true\n  nothing: \"\"\n"
    "placeholders:\n  order.carrier:\n    sample: DHL\n"
    "channels:\n  email:\n    greeting: \"Hi {{ customer.first_name | fallback('there') }},\"\n"
    "    signoff: \"Thanks,\\n{{agent.first_name}} at {{ brand_name }}\"\n"
)

SIMPLE = [
    "plain text only",
    "{{ customer.first_name }}",
    "Hi {{ customer.first_name }}, welcome",
    "{{customer.first_name|fallback('there')}}!",
    "Hi {{ customer.first_name | fallback(\"you\") }} and {{ agent.first_name }}.",
    "Within {{ days }} days from {{ brand_name }}; VIP: {{ vip }}.",
    "By {{ blank.day }}, via {{ order.carrier | fallback('courier') }}.\nLine two }} and { brace",
    "Fallback with braces {{ customer.first_name | fallback('}}') }} ok",
    "{{ days }}{{ days }} twice, trailing newline\n",
    # where a placeholder points after other expressions, and an expression that renders nothing
    "{{ nothing }}{{ customer.first_name }} after an empty constant",
    "Hi {{ customer.first_name }}{{ agent.first_name }}{{ days }}{{ blank.day }} back to back",
    "{{ days }} {{ customer.first_name }}, then {{ vip }}{{ brand_name }}",
]
NOT_SIMPLE = [
    "{% if vip %}VIP{% endif %}",
    "{{ days | string }}",
    "{{ unknown }}",
    "{{ customer.unknown }}",
    "{{ customer }}",
    "{{- days }}",
    "{# note #}text",
    "{{ brand_name.upper }}",
    "{{ days + 1 }}",
    "line\r\nbreak {{ days }}",
]


@pytest.fixture
def pack_root(make_pack: Any) -> Path:
    scripts = {}
    for i, text in enumerate(SIMPLE + NOT_SIMPLE[:2]):
        quoted = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
        scripts[f"s{i}.yaml"] = (
            f"id: s{i}\ntitle: S{i}\nchannels: [email, chat]\n"
            f"acknowledgment: \"I can see how frustrating this is.\"\n"
            f"flexibility:\n  blanks:\n    - name: day\n      prompt: The day\n"
            f"solution: \"{quoted}\"\n")
    return make_pack(scripts, PACK_YAML)  # type: ignore[no-any-return]


def _ctx(root: Path) -> _Context:
    pack = load_pack(root)
    return _Context(pack, pack.scripts[0])


@pytest.mark.parametrize("text", SIMPLE)
def test_emulated_output_equals_the_compiled_template(pack_root: Path, text: str) -> None:
    ctx = _ctx(pack_root)
    src = TemplateSource(text, "solution", None, ("solution",), "<test>")
    emulated = _emulate(text, ctx)
    assert emulated is not None
    assert emulated == _render_jinja(src, ctx)


@pytest.mark.parametrize("text", NOT_SIMPLE)
def test_anything_else_takes_the_jinja_path(pack_root: Path, text: str) -> None:
    assert _emulate(text, _ctx(pack_root)) is None


def test_whole_pack_renders_identically_with_and_without_the_fast_path(
        pack_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pack = load_pack(pack_root)
    fast = render_pack(pack, all_variants=True)
    monkeypatch.setattr(rendering, "_simple_pieces", lambda text, ctx: None)
    slow = render_pack(load_pack(pack_root), all_variants=True)
    assert [m.segments for m in fast] == [m.segments for m in slow]
    assert [m.notes for m in fast] == [m.notes for m in slow]
    assert [m.text for m in fast] == [m.text for m in slow]


@pytest.mark.parametrize("constant", ["a\ue004b", "\ue002pcustomer.first_name\ue006x\ue0061\ue003", "x\ue005"])
def test_marker_characters_in_a_constant_render_as_on_the_jinja_path(make_pack: Any, constant: str) -> None:
    """pack.yaml may hold the private-use characters rendering marks its output with."""
    root = make_pack({"a.yaml": "id: a\ntitle: A\nacknowledgment: Hi.\nsolution: \"Within {{ odd }} days.\"\n"},
                     f"name: T\nconstants:\n  odd: \"{constant}\"\n")

    def outcome() -> object:
        try:
            return [m.segments for m in render_pack(load_pack(root), all_variants=True)]
        except Exception as exc:
            return f"{type(exc).__name__}: {exc}"

    fast = outcome()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(rendering, "_simple_pieces", lambda text, ctx: None)
        assert outcome() == fast


def test_errors_are_still_reported_by_the_jinja_path(make_pack: Any) -> None:
    from scriptkit.errors import ScriptkitError

    root = make_pack({"a.yaml": "id: a\ntitle: A\nacknowledgment: Hi.\nsolution: \"{{ customer.nope }}\"\n"})
    with pytest.raises(ScriptkitError, match=r"customer\.nope"):
        render_pack(load_pack(root))


@pytest.mark.parametrize("template, message", [
    ("{{ customer.nope }}", "unknown placeholder 'customer.nope'"),
    ("{{ blank.later }}", "blank 'later' is used but not declared"),
    ("{{ refund_days }}", "undefined name 'refund_days'"),
    ("{{ customer }}", "customer"),
])
def test_static_checks_still_catch_simple_templates_that_do_not_resolve(
        make_pack: Any, template: str, message: str) -> None:
    from scriptkit.errors import ScriptkitError

    root = make_pack({"a.yaml": f"id: a\ntitle: A\nacknowledgment: Hi.\nsolution: \"I'll fix it {template}\"\n"},
                     "name: T\nconstants:\n  refund_window_days: 5\n")
    with pytest.raises(ScriptkitError) as info:
        load_pack(root)
    assert message in str(info.value)
    assert "a.yaml:4:" in str(info.value)
