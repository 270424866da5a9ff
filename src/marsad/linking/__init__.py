"""Entities and actors: mentions found in the text, linked to the knowledge base."""

from marsad.linking.linker import ActorLinker
from marsad.linking.mentions import Mention

__all__ = ["ActorLinker", "Mention"]
