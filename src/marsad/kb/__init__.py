"""Actor knowledge base: states, places, organizations and people, loaded from validated YAML data."""

from marsad.kb.load import KnowledgeBase, check_dirs, shipped_dir
from marsad.kb.model import KBEntry, Role, Title

__all__ = ["KBEntry", "KnowledgeBase", "Role", "Title", "check_dirs", "shipped_dir"]
