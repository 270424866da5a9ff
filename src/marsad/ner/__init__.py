"""Named-entity recognition: the shipped CRF tagger (PERS, LOC, ORG, MISC) and its training and scoring."""

from marsad.ner.tagger import EntityTagger

__all__ = ["EntityTagger"]
