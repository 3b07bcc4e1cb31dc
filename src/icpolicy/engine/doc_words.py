"""The Whoosh tokenizer of the document index's titles: jieba's words with real positions.

A module of its own because Whoosh pickles the schema, so the tokenizer class must be
importable by name; only documents.py imports it (and with it whoosh).
"""

from __future__ import annotations

from whoosh.analysis import Token, Tokenizer


class JiebaTokenizer(Tokenizer):
    """jieba's words of text, normalised (not jieba's ChineseAnalyzer: positions are word numbers)."""

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True, start_pos=0, start_char=0, mode="", **kwargs):
        from icpolicy.text.tokens import tokenise

        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for pos, word in enumerate(tokenise(value)):
            token.text = word
            token.boost = 1.0
            token.stopped = False
            if positions:
                token.pos = start_pos + pos
            yield token
