"""Speakers' labels in a press conference's or an interview's transcript (主持人：, 无锡市人民政府副市长：, 记者提问（…）：):
each ends the section the speaker before opened (data/sections.toml [speaker]).  Used by tagging.py."""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.data import load_toml


@lru_cache(maxsize=1)
def _label() -> re.Pattern:
    return re.compile(load_toml("sections.toml")["speaker"]["pattern"])


@lru_cache(maxsize=1)
def _lead() -> re.Pattern:
    return re.compile(load_toml("sections.toml")["speaker"]["pattern"].removesuffix("$"))


def _alone(text: str) -> bool:
    """Whether a (stripped) line could be a label alone: its words end with a colon, at most 40 characters."""
    return len(text) <= 40 and text[-1:] in "：:"


def inline_label(text: str) -> str | None:
    """The label a paragraph opens with before what the speaker says (省工业和信息化厅副厅长：省里将… -> its label),
    or None (a label alone on its line, or none)."""
    text = text.strip()
    found = _lead().match(text) if not _alone(text) and ("：" in text[:42] or ":" in text[:42]) else None
    return found.group() if found else None


def is_label(text: str) -> bool:
    """True when a line is a speaker's label alone, or opens with one before what the speaker says
    (省工业和信息化厅副厅长：省里将…: inline_label)."""
    stripped = text.strip()
    return bool(_label().match(stripped)) if _alone(stripped) else inline_label(stripped) is not None
