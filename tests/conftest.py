"""Shared fixtures: one loaded analyzer for the whole session (loading is the slow part)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.analyzer import Analyzer

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "seeds.jsonl"


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    return Analyzer.load()


@pytest.fixture(scope="session")
def rules_analyzer() -> Analyzer:
    """The same pipeline keeping every event the rules make (the learned confidence weighs them but drops none)
    and adding none no trigger names: what a test of one argument or trigger rule checks, whatever the models
    were last trained to."""
    return Analyzer.load(min_confidence=0.0, learned_implicit=False)


@pytest.fixture(scope="session")
def examples() -> list[dict]:
    return [json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines()]
