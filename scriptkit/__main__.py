"""``python -m scriptkit``: the ``scriptkit`` command, for when its script is not on PATH."""

from scriptkit.cli import main

if __name__ == "__main__":  # (not on import: pydoc and the docs tools import every module)
    main()
