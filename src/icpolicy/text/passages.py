"""Split cleaned paragraphs into passages: one per paragraph, long ones cut at sentence ends."""

from __future__ import annotations

import re

from icpolicy.models import SENTENCE_ENDS, Paragraph

MAX_CHARS = 400
SENTENCE_CLOSERS = "”’\"'）)】」』"  # closing quotes and brackets after a sentence's end: they stay with it
CLAUSE_ENDS = SENTENCE_ENDS + "，,"  # and its clauses also at a comma
_SENTENCE = re.compile(f"[^{SENTENCE_ENDS}]*(?:[{SENTENCE_ENDS}]+[" + re.escape(SENTENCE_CLOSERS) + r"]*|$)")


def split_sentences(text: str) -> list[str]:
    """Sentences of text, each keeping its closing punctuation; they concatenate back to text."""
    return [s for s in _SENTENCE.findall(text) if s]


# A "sentence" longer than this (a table flattened into one line, a paragraph with no
# punctuation) is cut into pieces of at most this length, at a comma or space where there is
# one in the piece's second half: one passage must stay readable and rankable.  A phrase cut
# by such a cut is still found: a passage's tail (engine/schema.py) holds the text after it.
MAX_SENTENCE = 1500
_SOFT_BREAK = re.compile(r"[，,、：:\s]")


def cut_long(sentence: str, limit: int = MAX_SENTENCE) -> list[str]:
    """A sentence in pieces of at most limit characters (itself when it is not longer)."""
    pieces = []
    while len(sentence) > limit:
        window = sentence[:limit]
        soft = max((m.end() for m in _SOFT_BREAK.finditer(window, limit // 2)), default=0)
        at = soft or limit
        pieces.append(sentence[:at])
        sentence = sentence[at:]
    return pieces + [sentence] if sentence else pieces


def split_paragraph(text: str, max_chars: int = MAX_CHARS) -> list[str]:
    """Cut a paragraph into chunks of whole sentences, each at most max_chars where a sentence
    allows (a sentence over MAX_SENTENCE characters is cut into pieces first)."""
    if len(text) <= max_chars:
        return [text]
    chunks: list[str] = []
    current = ""
    for sentence in (piece for whole in split_sentences(text) for piece in cut_long(whole)):
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
