"""Where the bundled resources are: beside the package in a checkout, inside it when installed."""

from __future__ import annotations

from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent / "resources"
_INSTALLED = Path(__file__).resolve().parent / "_resources"


def resource_dir() -> Path:
    for candidate in (_CHECKOUT, _INSTALLED):
        if (candidate / "treaties.toml").is_file():
            return candidate
    raise FileNotFoundError(f"bundled resources not found in {_CHECKOUT} or {_INSTALLED}")


def resource(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)


def bundled_letters() -> list[Path]:
    """The embedded default library, oldest first."""
    return sorted(resource("letters").glob("*.txt"))
