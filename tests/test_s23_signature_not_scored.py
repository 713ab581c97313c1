"""SK101 and SK102 score the reply, not the lines of a signature under its closing and name (a job title, the
company, a phone and web line, an address): a plain two-sentence reply was grade 8.2 from its signature alone."""

from __future__ import annotations

from scriptkit.config import LintConfig
from scriptkit.linting import lint_text

REPLY = ("Hi Aisha,\n\nThank you for letting us know, and I'm sorry the replacement charger stopped working too. "
         "I've arranged a brand-new one to ship today by express, and you'll have the tracking number by email "
         "within the hour.\n\n"
         "Best regards,\nHannah Lewis\nCustomer Care Specialist | Brightwave Ltd\n"
         "T: +44 20 7946 0958 | www.brightwave.co.uk\nBrightwave Ltd, 12 High Street, London EC1A 1BB.")


def test_a_signature_does_not_raise_the_grade() -> None:
    codes = {d.code for d in lint_text(REPLY, channel="email", config=LintConfig().override(grammar="off")).diagnostics}
    assert not {"SK101", "SK102"} & codes, codes


def test_a_one_word_email_is_one_word() -> None:
    # (short emails are reported only where a team sets min_words, which is what this count is read under)
    asked = LintConfig(options={"email-length": {"min_words": 50}}).override(grammar="off")
    found = lint_text("https://help.example.com/returns", channel="email", config=asked)
    assert "email is 1 word; 50-125 usually reads best" in {d.message for d in found.diagnostics}
