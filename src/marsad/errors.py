"""The small exception hierarchy the CLI turns into one clear line and a non-zero exit code."""

from __future__ import annotations


class MarsadError(Exception):
    """Base class of every error marsad raises on purpose."""


class InputError(MarsadError):
    """A bad input document: reported and skipped, never fatal to a batch."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class DataFileError(MarsadError):
    """A bad data file (lexicon, KB, ontology): names the file and line so users can fix it."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        super().__init__(path, line, message)
        self.path = str(path)
        self.line = line
        self.message = message

    def __str__(self) -> str:
        return f"{self.path}:{self.line if self.line is not None else 0}: {self.message}"
