"""The Content-Security-Policy every HTML page scriptkit writes carries, as a ``<meta>`` in its head.

The pages hold text from anyone: an audited macro library, an imported pack. Their text is escaped; the policy is the
second wall, for what an escape misses: nothing is fetched, no form is sent, no ``<base>`` moves a link, and only the
page's own ``<style>`` and ``<script>`` blocks apply, each allowed by the SHA-256 of its exact text (a ``<script>``
a macro smuggled in, an ``onerror=`` or a ``javascript:`` link has no hash, so it does not run). A page without
script allows none.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable


def source_hash(block: str) -> str:
    """The CSP source allowing the inline block whose text (between its tags) is ``block``: ``'sha256-...'``."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(block.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(styles: Iterable[str] = (), scripts: Iterable[str] = ()) -> str:
    """The policy of a page whose only inline blocks are ``styles`` and ``scripts`` (each the exact text)."""
    parts = ["default-src 'none'"]
    for directive, blocks in (("style-src", styles), ("script-src", scripts)):
        if sources := " ".join(dict.fromkeys(source_hash(b) for b in blocks)):
            parts.append(f"{directive} {sources}")
    return "; ".join([*parts, "base-uri 'none'", "form-action 'none'"])


def policy_meta(styles: Iterable[str] = (), scripts: Iterable[str] = ()) -> str:
    """``policy`` as the ``<meta>`` to put in the head, before the blocks it allows (a policy binds what follows)."""
    return f'<meta http-equiv="Content-Security-Policy" content="{policy(styles, scripts)}">'
