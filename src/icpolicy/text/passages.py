"""Split cleaned paragraphs into passages: one per paragraph, long ones cut at sentence ends."""

from __future__ import annotations

import re

from icpolicy.models import Paragraph

MAX_CHARS = 400
_SENTENCE = re.compile(r"[^。！？!?；;]*(?:[。！？!?；;]+[”’\"'）)】」』]*|$)")


def split_sentences(text: str) -> list[str]:
    """Sentences of text, each keeping its closing punctuation; they concatenate back to text."""
    return [s for s in _SENTENCE.findall(text) if s]


def split_paragraph(text: str, max_chars: int = MAX_CHARS) -> list[str]:
    """Cut a paragraph into chunks of whole sentences, each at most max_chars where a sentence allows."""
    if len(text) <= max_chars:
        return [text]
    chunks: list[str] = []
    current = ""
    for sentence in split_sentences(text):
        if current and len(current) + len(sentence) > max_chars:
            chunks.append(current)
            current = ""
        current += sentence
    if current:
        chunks.append(current)
    return chunks


def split(paragraphs: list[Paragraph], max_chars: int = MAX_CHARS) -> list[tuple[str, int]]:
    """(passage text, heading level) in document order; passages cover the paragraphs exactly."""
    out: list[tuple[str, int]] = []
    for para in paragraphs:
        for chunk in split_paragraph(para.text, max_chars):
            out.append((chunk, para.heading))
    return out
