"""Findings and severities: what a check reports, in the form every formatter prints."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import IntEnum


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> "Severity":
        return cls[name.upper()]

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Hit:
    """What a check returns: where (None for a document-level finding) and the values for the message."""
    line: int | None = None
    column: int | None = None     # 1-based character column
    end_line: int | None = None
    end_column: int | None = None  # exclusive, 1-based
    values: dict | None = None


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    basis: str
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None
    locator: str | None = None

    def sort_key(self):
        return (self.line is not None, self.line or 0, self.column or 0, self.rule)

    def to_json(self) -> dict:
        data = asdict(self)
        data["severity"] = str(self.severity)
        return data
