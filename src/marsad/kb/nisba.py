"""Nationality adjectives (nisba) inflected by rule from the masculine singular base.

Only the base (أمريكي) and irregular plurals (مغاربة) are data; every regular form
(أمريكية، أمريكيون، أمريكيين، أمريكيان، أمريكيتان، أمريكيتين، أمريكيات، and the indefinite
accusative أمريكيا of "وفدا أمريكيا") is derived here,
each with and without the article, so data files stay short and consistent.
"""

from __future__ import annotations

from collections.abc import Iterable

_SUFFIXES = ("", "ة", "ون", "ين", "ان", "تان", "تين", "ات")
_INDEFINITE_SUFFIXES = ("ا",)  # the accusative tanwin is written only without the article


def inflect(base: str) -> list[str]:
    """Every regular form of the nisba ``base`` (given without ال), indefinite then definite.

    A two-word base (كوري جنوبي) inflects and takes the article on each word (الكوريون الجنوبيون).
    """
    words = base.split()
    if not words or not all(w.endswith("ي") for w in words):
        return with_article([" ".join(words)])
    forms = [" ".join(w + suffix for w in words) for suffix in _SUFFIXES + _INDEFINITE_SUFFIXES]
    definite = [" ".join("ال" + w + suffix for w in words) for suffix in _SUFFIXES]
    return list(dict.fromkeys(forms + definite))


def feminine(base: str) -> str:
    """Feminine singular (أمريكية): the form that agrees with السفارة، الحكومة، الخارجية."""
    return " ".join(w + "ة" if w.endswith("ي") else w for w in base.split())


def with_article(words: Iterable[str]) -> list[str]:
    """``words`` (given without the article) followed by their ال forms, without duplicates."""
    out = list(dict.fromkeys(w.strip() for w in words))
    return out + [f"ال{w}" for w in out if f"ال{w}" not in out]


def adjectives(bases: Iterable[str], plurals: Iterable[str]) -> list[str]:
    """All adjective forms of a state: inflected bases plus irregular plurals, each with and without ال."""
    forms: list[str] = []
    for base in bases:
        forms.extend(inflect(base))
    forms.extend(with_article(plurals))
    return list(dict.fromkeys(forms))
