"""Speakers' labels in a press conference's or an interview's transcript (主持人：, 无锡市人民政府副市长：, 记者提问（…）：):
each ends the section the speaker before opened (data/sections.toml [speaker]).  Used by tagging.py."""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.data import load_toml


@lru_cache(maxsize=1)
def _label() -> re.Pattern:
    return re.compile(load_toml("sections.toml")["speaker"]["pattern"])


def is_label(text: str) -> bool:
    """True when a line is a speaker's label alone (its words end with a colon, at most 40 characters)."""
    text = text.strip()
    return len(text) <= 40 and text[-1:] in "：:" and bool(_label().match(text))
