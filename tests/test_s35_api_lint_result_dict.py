"""LintResult.to_dict: the document --format json prints, as AuditReport.to_dict is audit's."""

from __future__ import annotations

import io
import json

import scriptkit

REPLY = ("Agent: Please be advised that we are unable to refund it.\nCustomer: ok\n"
         "Agent: I have sent a new charger today.")


def test_to_dict_is_what_the_json_report_prints() -> None:
    for result in (scriptkit.lint_text(REPLY), scriptkit.lint_text("We are sorry. I have sent a new charger today.")):
        printed = io.StringIO()
        result.report(printed, "json")
        document = result.to_dict()
        assert document == json.loads(printed.getvalue())
        assert document["summary"]["total"] == len(result.diagnostics) > 0
