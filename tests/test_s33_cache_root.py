"""Where LanguageTool is kept (docs/guides/grammar.md): $SCRIPTKIT_CACHE_DIR, else the checkout's .cache/,
else the user's cache folder; a pip install (no checkout around the package) takes the last."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit.engines import lt_server


def test_the_variable_wins_and_is_made_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SCRIPTKIT_CACHE_DIR", "cachehere")
    assert lt_server.cache_root() == tmp_path / "cachehere"
    assert lt_server.lt_home("6.6") == tmp_path / "cachehere" / "languagetool" / "6.6"


def test_a_checkout_keeps_it_in_its_own_cache_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SCRIPTKIT_CACHE_DIR", raising=False)
    checkout = Path(lt_server.__file__).resolve().parents[2]
    assert (checkout / "pyproject.toml").is_file()  # this suite runs from a checkout
    assert lt_server.cache_root() == checkout / ".cache"


def _installed_copy(tmp_path: Path) -> Path:
    """lt_server.py as pip leaves it: in site-packages/scriptkit/engines, with no pyproject.toml above."""
    package = tmp_path / "site-packages" / "scriptkit" / "engines"
    package.mkdir(parents=True)
    return package / "lt_server.py"


@pytest.mark.parametrize("xdg", [True, False])
def test_an_installed_package_uses_the_user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, xdg: bool) -> None:
    monkeypatch.delenv("SCRIPTKIT_CACHE_DIR", raising=False)
    monkeypatch.setattr(lt_server, "__file__", str(_installed_copy(tmp_path)))
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    if xdg:
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
        assert lt_server.cache_root() == tmp_path / "xdg" / "scriptkit"
    else:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
        assert lt_server.cache_root() == home / ".cache" / "scriptkit"
