"""Words: jieba segmentation with the domain dictionary in data/userdict.txt.

Used at ingest (the `words` field, for ranking) and by --fuzzy; never on the plain query path,
because loading jieba's dictionary costs most of a second.
"""

from __future__ import annotations

import logging
from importlib import resources

from .normalize import normalise

_jieba = None


def tokenise(text: str) -> list[str]:
    """jieba's words of text, normalised, punctuation and spaces dropped."""
    global _jieba
    if _jieba is None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        with resources.as_file(resources.files("icpolicy.data").joinpath("userdict.txt")) as userdict:
            jieba.load_userdict(str(userdict))
        _jieba = jieba
    out = []
    for word in _jieba.lcut(text, HMM=True):
        norm = normalise(word)
        if norm and any(ch.isalnum() for ch in norm):
            out.append(norm)
    return out
