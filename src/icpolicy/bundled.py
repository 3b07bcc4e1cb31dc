"""The bundled sample corpus: the five seed documents shipped with icpolicy."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def seeds_dir() -> Path:
    """The seed folder: inside the installed package, or seeds/ of a source checkout (editable install)."""
    packaged = resources.files("icpolicy").joinpath("seeds")
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "seeds"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("the bundled seed documents are missing from this installation")
