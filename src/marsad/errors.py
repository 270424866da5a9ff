"""The small exception hierarchy the CLI turns into one clear line and a non-zero exit."""

from __future__ import annotations


class MarsadError(Exception):
    """Base of every error marsad raises on purpose."""


class InputError(MarsadError):
    """A document that cannot be read or analyzed: ``where`` names it, the message says why."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason

    def __reduce__(self) -> tuple:
        # rebuilt from both parts: a worker process hands it back pickled (analyze_many with jobs > 1)
        return type(self), (self.where, self.reason)


class DataFileError(MarsadError):
    """A lexicon, gazetteer, ontology or KB file that does not validate."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        location = f"{path}:{line}" if line is not None else str(path)
        super().__init__(f"{location}: {message}")
        self.path = str(path)
        self.line = line
        self.message = message

    def __reduce__(self) -> tuple:
        return type(self), (self.path, self.line, self.message)
