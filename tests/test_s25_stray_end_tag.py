"""An end tag that closes nothing is located at itself, not at a good end tag before it on its line (following
"Delete it" there deleted the good one), and an end tag whose own block never opened is said so, with the end tag
the open block wants (it was told to "close the inner block first", which left a tag that closes nothing)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from export_fixtures import write_pack

from scriptkit.cli import main

HEAD = "id: t\ntitle: T\nchannels: [email]\nacknowledgment: I'm so sorry the parcel is late.\nsolution: "


@pytest.mark.parametrize(("solution", "col", "said"), [
    ("'{% if closed %}x{% endif %}{% endif %}'", 39, "'{% endif %}' closes nothing. Delete it"),
    ("'{% if closed %}x{% endfor %}'", 28, "'{% endfor %}' closes no '{% for %}'. Did you mean '{% endif %}'?"),
    ("'{% for i in [1] %}x{% endif %}'", 31, "'{% endif %}' closes no '{% if %}'. Did you mean '{% endfor %}'?"),
    ("'{% for i in [1] %}{% if closed %}x{% endfor %}'", 46,
     "'{% endfor %}' comes while '{% if %}' is still open. Close the inner block first"),
    ("'{% raw %}{% endif %}{% endraw %}{% endif %}'", 44, "'{% endif %}' closes nothing"),
])
def test_a_stray_end_tag_is_located_and_said_as_what_it_is(tmp_path: Path, solution: str, col: int,
                                                           said: str) -> None:
    pack = write_pack(tmp_path / "p", {"t.yaml": HEAD + solution + "\n"})
    result = CliRunner().invoke(main, ["check", str(pack), "--grammar", "off"], env={"NO_COLOR": "1"})
    assert result.exit_code == 2, result.output
    assert f"t.yaml:5:{col}: error: template syntax error in solution: {said}" in result.output, result.output
