"""SK206 robotic-closer on a sign-off that names no person, and on one that does."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.linting import lint_text

BODY = ("I'm sorry your parcel is late, I know how annoying that is. "
        "I've sent a new one today, and it arrives Friday.\n\n")


def sk206(text: str) -> list[str]:
    return [d.text for d in lint_text(text, file="reply.txt").diagnostics if d.code == "SK206"]


@pytest.mark.parametrize("signature", ["The Customer Support Team", "Customer Service Department", "Customer Support",
                                       "Billing Department", "Acme Customer Care", "The Acme Team", "Support",
                                       "Our Acme Team", "Guest Services", "The Blue Harbor Support Team",
                                       "{{ brand.name }} Support"])
def test_a_sign_off_by_a_team_or_department_is_a_robotic_closer(signature: str) -> None:
    assert sk206(f"{BODY}Best,\n{signature}\n") == [signature]


@pytest.mark.parametrize(("closing", "signature"), [("Kind regards,", "Your Acme team."),
                                                    ("Thanks!", "The Billing Team"),
                                                    ("Best regards", "Customer Support\nsupport@acme.example"),
                                                    ("It's on its way. Thanks!", "Support")])
def test_the_line_under_any_closing_is_read_even_with_a_full_stop_or_a_line_after(closing: str, signature: str) -> None:
    assert sk206(f"{BODY}{closing}\n{signature}") == [signature.split("\n")[0].rstrip(".")]


def test_the_whole_team_name_is_the_finding_not_the_table_phrase_inside_it() -> None:
    # (the closers table alone finds "Support Team"; swapping that for a name would leave "The Acme Sam")
    assert sk206(f"{BODY}Best,\nThe Acme Support Team") == ["The Acme Support Team"]


def test_each_faceless_sign_off_of_a_reply_is_found() -> None:
    signed = "Best regards,\nYour Acme team."
    twice = f"{BODY}{signed}\n\nIf anything else comes up, just reply.\n\n{signed}"
    assert sk206(twice) == ["Your Acme team", "Your Acme team"]


def test_a_department_under_the_closing_says_to_sign_as_a_person() -> None:
    (d,) = [d for d in lint_text(f"{BODY}Kind regards,\nCustomer Support", file="r.txt").diagnostics
            if d.code == "SK206"]
    assert "Sign as a person" in d.message and d.suggestion == '"<your first name>"'
    assert (d.location.line, d.location.col) == (4, 1)


def test_a_packs_sign_off_by_a_department_is_found_in_pack_yaml(make_pack) -> None:  # type: ignore[no-untyped-def]
    from scriptkit.linting import lint_pack
    from scriptkit.loading import load_pack

    pack_yaml = 'name: T\nchannels:\n  email:\n    signoff: "Best wishes,\\n{{ brand.name }} Support"\n'
    script = ('id: late\ntitle: Late\nacknowledgment: "I can see how annoying the wait is."\n'
              'solution: "I\'ve sent a new one today, and it arrives by Friday."\n')
    found = [d for d in lint_pack(load_pack(make_pack({"late.yaml": script}, pack_yaml=pack_yaml))).diagnostics
             if d.code == "SK206"]
    assert [(d.text, d.location.file.endswith("pack.yaml"), d.suggestion) for d in found] == [
        ("{{brand.name}} Support", True, '"{{ agent.first_name }}"')], found


@pytest.mark.parametrize("signature", ["Sam", "Sam, Customer Support", "Sam from Customer Support",
                                       "Sam\nCustomer Support", "Sam Rivera\nSupport", "Sam from Support",
                                       "Sam, Billing Team", "{{ agent.first_name }}",
                                       "{{ agent.first_name }}\nThe Acme Team", "Acme Inc."])
def test_a_sign_off_that_names_a_person_is_left_alone(signature: str) -> None:
    # a title under the agent's name is a person's signature, not a faceless one
    assert sk206(f"{BODY}Best,\n{signature}\n") == []


def test_support_named_inside_a_sentence_is_no_sign_off() -> None:
    assert sk206(f"{BODY}If it happens again, customer support can reach me directly.\n\nBest,\nSam\n") == []
    # a closing word that starts a line of the body, then a sentence about the team: no signature
    assert sk206(f"{BODY}Thanks!\nCustomer support is open until 8pm today.\n\nBest,\nSam\n") == []


def test_review_on_the_command_line_says_to_sign_with_your_first_name() -> None:
    reply = ("Hi Sam,\n\nI can see how annoying this is. I will reset your password today and email you by 5pm."
             "\n\nBest,\nCustomer Support\n")
    run = CliRunner().invoke(main, ["review", "-", "--grammar", "off", "--format", "json"], input=reply)
    assert run.exit_code == 1, run.output
    found = [d for d in json.loads(run.stdout)["diagnostics"] if d["code"] == "SK206"]
    assert [(d["line"], d["col"], d["suggestion"]) for d in found] == [(6, 1, '"<your first name>"')]


def test_a_pack_signed_by_its_brand_team_is_found_once_and_one_signed_by_the_agent_is_clean(
        make_pack) -> None:  # type: ignore[no-untyped-def]
    script = ('id: late\ntitle: Late\nchannels: [email, chat]\nacknowledgment: "I can see how annoying the wait is."'
              '\nsolution: "I\'ve sent a new one today, and it arrives by Friday."\n')
    faceless = ('name: T\nchannels:\n  email:\n    signoff: "Take care,\\nThe {{ brand.name }} Team"\n'
                '  chat:\n    signoff: "Thanks!\\nSupport"\n')
    root = make_pack({"late.yaml": script, "late2.yaml": script.replace("late", "later")}, pack_yaml=faceless)
    run = CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--select", "SK206"])
    assert run.exit_code == 1, run.output
    assert run.output.count("SK206") == 2 and "pack.yaml" in run.output
    assert 'robotic closing "The {{brand.name}} Team"' in run.output and 'robotic closing "Support"' in run.output

    personal = faceless.replace("The {{ brand.name }} Team", "{{ agent.first_name }}").replace(
        "Support", "{{ agent.first_name }}\\nAcme Support")
    (root / "pack.yaml").write_text(personal, encoding="utf-8")
    run = CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--select", "SK206"])
    assert run.exit_code == 0, run.output
