"""The cleaning rules of data/cleaning.toml, compiled once, for text/clean.py and text/heal.py."""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.data import load_toml

TITLE_CHARS = 60  # the longest a title (or a headline) runs, in characters
WRAPPED_LEVEL = -1  # the "level" of a SOFT_BREAK line that stands for a WRAP: its format puts it inside the paragraph

_ATTRIBUTES = r"""(?:\s+[A-Za-z_:][-\w:.]*(?:\s*=\s*(?:"[^"<>\n]{0,300}"|'[^'<>\n]{0,300}'|[^\s"'<>=`]{1,300}))?){0,30}"""


@lru_cache(maxsize=1)
def cleaning_rules() -> dict:
    raw = load_toml("cleaning.toml")
    return {
        "furniture": re.compile("^(?:" + "|".join(raw["page_furniture"]) + ")$"),
        "edge_number": re.compile("^" + raw["page_edge_number"] + "$"),
        "wrapped_page_number": re.compile("(?:" + raw["page_edge_number"] + "|" + raw["page_of_pages"] + ")"),
        "url": re.compile("^" + raw["url_line"] + "$"),
        "sentence_end": tuple(raw["sentence_end"]),
        "wrap_end": tuple(raw["wrap_end"]),
        "paragraph_start": re.compile("^(?:" + raw["doc_number"] + "|" + raw["paragraph_start"] + ")"),
        "doc_number": re.compile("^" + raw["doc_number"]),
        # … with attributes as HTML writes them (name, name="value"): `a<b 且 c>d` in a sentence is no tag
        "stray_tag": re.compile(r"</?(?:" + "|".join(raw["stray_tags"]["names"]) + r")\b" + _ATTRIBUTES + r"\s*/?>", re.I),
        "block_tag": re.compile(r"</?(?:" + "|".join(raw["stray_tags"]["blocks"]) + r")\b", re.I),
        "nav": re.compile("^(?:" + "|".join(raw["navigation_line"]) + ")$"),
        "related_heading": re.compile(raw["related_heading"]),
        "related_item": raw["related_item"],
        "heal_min": raw["healing"]["min_chars"],
        "unit_start": re.compile("^" + raw["healing"]["number_unit"]),
        "heal_clause": raw["healing"]["clause_marks"],
        "headline_marks": frozenset(raw["healing"]["headline_marks"]),
        "title_end": re.compile("(?:" + "|".join(raw["healing"]["title_end"]) + ")$"),
        "title_opening": tuple(raw["healing"]["title_opening"]),
        "credit": re.compile(raw["healing"]["credit_line"]),
        "source_label": re.compile(raw["healing"]["source_label"]),
        "about_open": raw["healing"]["about_open"],
        "about_close": re.compile(raw["healing"]["about_close"]),
        "open_end": frozenset(raw["healing"]["open_end"]),
        "subjectless": frozenset(raw["healing"]["subjectless_start"]),
        "joining": frozenset(raw["healing"]["joining_start"]),
    }
