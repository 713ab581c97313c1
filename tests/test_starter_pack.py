"""The built-in packs are the examples content writers copy: they load, render and pass every rule."""

from __future__ import annotations

import re

import pytest

import scriptkit
from scriptkit import Blank, Placeholder, load_pack, template_dir
from scriptkit.rendering import render_pack

# the scenarios the issue asks the starter pack to cover, by script id
REQUIRED = {
    "late-delivery", "wrong-item", "damaged-item", "double-charge", "refund-request", "app-crash",
    "service-outage", "account-lockout", "cancellation", "feature-not-available", "appointment-reschedule",
    "booking-problem", "complaint-escalation",
}
INDUSTRIES = {"retail", "saas", "healthcare", "hospitality"}
OWNED = re.compile(r"\b(I'll|I've|Let's|I called)\b")
TIME_FRAME = re.compile(r"\b(today|tomorrow|tonight|this (morning|afternoon)|within \d+|by \w+|the same day|"
                        r"the day|right away|now|\d+ (minutes|hours|days))\b")


@pytest.fixture(scope="module")
def starter() -> scriptkit.Pack:
    return load_pack(template_dir("starter"))


def test_starter_covers_the_required_scenarios_and_industries(starter):
    ids = {s.id for s in starter.scripts}
    assert len(ids) >= 22
    assert ids >= REQUIRED
    assert {tag for s in starter.scripts for tag in s.tags} >= INDUSTRIES


def test_every_script_uses_all_four_practices(starter):
    for script in starter.scripts:
        assert script.acknowledgment and script.warm_language and script.solution, script.id
        assert script.flexibility is not None and not script.flexibility.is_empty, script.id
        assert script.flexibility.guidance, script.id
        assert script.scenario and script.emotion in scriptkit.models.EMOTIONS, script.id


def test_solutions_are_owned_with_a_time_frame(starter):
    for message in render_pack(starter, all_variants=True):
        solution = message.slot_text("solution")
        assert OWNED.search(solution), (message.script_id, solution)
        assert TIME_FRAME.search(solution), (message.script_id, solution)


def test_starter_uses_constants_placeholders_blanks_and_variants(starter):
    messages = render_pack(starter, all_variants=True)
    names = {seg.name for m in messages for seg in m.segments if isinstance(seg, Placeholder)}
    assert {"customer.first_name", "agent.first_name", "ticket.id"} <= names
    assert any(isinstance(seg, Blank) for m in messages for seg in m.segments)
    assert sum(1 for s in starter.scripts if s.variant_count > 1) >= 8
    used = " ".join(src for s in starter.scripts for slot in ("acknowledgment", "warm_language", "solution")
                    for src in s.variants(slot))
    assert "{{ loyalty_program }}" in used and "{{ essentials_allowance }}" in used


def test_email_bodies_are_a_comfortable_length(starter):
    for message in render_pack(starter, ["email"]):
        words = len(message.text.split())
        assert 50 <= words <= 125, (message.script_id, words)


def test_short_channels_fit_their_limits(starter):
    for message in render_pack(starter, ["sms", "social"]):
        limit = 160 if message.channel == "sms" else 280
        assert len(message.preview(starter.catalogue.samples())) <= limit, message.script_id


def test_starter_and_new_pass_every_rule_with_no_findings():
    for name in ("starter", "new"):
        result = scriptkit.lint_pack(load_pack(template_dir(name)))
        assert [f"{d.location}: {d.code} {d.message}" for d in result.diagnostics] == [], name
