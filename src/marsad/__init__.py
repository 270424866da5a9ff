"""marsad: Arabic news to a structured, source-linked record of who did what to whom, when and where."""

from __future__ import annotations

from functools import cache
from importlib.metadata import PackageNotFoundError, version

from marsad.model import Analysis, Document

try:
    __version__ = version("marsad")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+local"

__all__ = ["Analysis", "Analyzer", "Document", "__version__", "analyze"]


def __getattr__(name: str) -> object:
    # Importing the analyzer loads the pipeline modules; keep `import marsad` cheap for the CLI's --help.
    if name == "Analyzer":
        from marsad.analyzer import Analyzer

        return Analyzer
    raise AttributeError(name)


@cache
def _default_analyzer() -> object:
    from marsad.analyzer import Analyzer

    return Analyzer.load()


def analyze(text: str, published: str | None = None, id: str | None = None) -> Analysis:
    """Analyze one article with the shipped resources (loaded once per process)."""
    document = Document(id=id or "doc", text=text, published=published)
    return _default_analyzer().analyze(document)  # type: ignore[attr-defined]
