"""Speakers' labels in a press conference's or an interview's transcript (主持人：, 无锡市人民政府副市长：, 记者提问（…）：):
each ends the section the speaker before opened (data/sections.toml [speaker]); and what a paragraph says after its
speaker's label or name (said); a speech's speaker line and an official's byline (speech_speaker: since session 62, from
document.py).  Used by tagging.py and document.py."""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.data import load_toml
from icpolicy.meta import regions
from icpolicy.models import Region


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


@lru_cache(maxsize=1)
def _name() -> re.Pattern:
    surnames = load_toml("regions.toml")["surnames"]
    return re.compile(load_toml("sections.toml")["speaker"]["name"].replace("SURNAME", surnames))


def said(text: str) -> str:
    """What a paragraph says after its speaker's name (王海涛：…, 刘晨：…) and an answer's courtesy (谢谢您的提问。): read as the
    paragraph's own start by the rules
    that read a lead (国家对…, 从全市看，…, 明年，…); the paragraph itself when it opens with none (答：… and a body's label,
    市发展改革委主任：…, are read by those rules as they stand: sections.toml, regions.toml [national_lead])."""
    stripped = text.lstrip()
    name = _name().match(stripped)
    if not name or any(m.start == 0 for m in regions.gazetteer().find(stripped[:name.end()])):
        return _uncourteous(text)  # (黄石：…, 许昌：…: a place's label, not a speaker's name)
    return _uncourteous(stripped[name.end():])


def _uncourteous(text: str) -> str:
    """text after the courtesy it opens with (谢谢您的提问。, 各位记者朋友，大家上午好！: sections.toml [speaker] courtesy), when
    something follows it."""
    rest = text
    while (found := _courtesy().match(rest)) and found.end() < len(rest):
        rest = rest[found.end():]
    return rest


@lru_cache(maxsize=1)
def _courtesy() -> re.Pattern:
    return re.compile(load_toml("sections.toml")["speaker"]["courtesy"])


def after_quote(text: str) -> str:
    """A paragraph opening on a quotation and then who said it (“…。”恩施市委常委、副市长田建国说，恩施市将…), from the
    speaker on: where the passage is, as the speaker says (since session 50); the paragraph itself otherwise.  (Its years
    are still read from the whole, the quotation's 今年 with the rest.)"""
    quoted = _QUOTE_LED.match(text) if text.startswith("“") else None
    return text[quoted.end():] if quoted else text


# a paragraph opening on a quotation, then who said it (“…”某某说，…; “…”，某市负责人表示，…): read from the speaker
_QUOTE_LED = re.compile(r"“[^“”]{2,120}”[，,]?(?=[^“”，,。]{2,30}?(?:说|表示|介绍|指出|坦言|感慨)[，,：:])")


@lru_cache(maxsize=1)
def _question() -> tuple[re.Pattern, int]:
    raw = load_toml("sections.toml")["speaker"]
    return re.compile(raw["question"]), raw["questions"]


def interview(texts: list[str]) -> bool:
    """Whether a text is an interview: enough paragraphs open with a questioner's label and ask (问：…？; data/sections.toml
    [speaker] question)."""
    pattern, enough = _question()
    return sum(1 for text in texts if pattern.match(text.strip())) >= enough


@lru_cache(maxsize=1)
def speech_rules() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(a speech's title, its speaker's line, a line naming the province's office: data/regions.toml)."""
    rules = load_toml("regions.toml")
    return re.compile(rules["speech_title"]), re.compile(rules["speaker_line"]), re.compile(rules["province_speaker"])


def speech_speaker(title: str, opening: list[str]) -> Region | None:
    """The place of a speech's speaker line (江西省人民政府副省长　某某) among its opening lines, or of an official's byline
    right under a title (中共广州市黄埔区委书记　某某), or None."""
    speech, line, _ = speech_rules()
    # (or an official's signed article, the byline right under its title: 中共广州市黄埔区委书记　某某; since session 50)
    lines = opening[:4] if speech.search(title.strip()) else [text for text in opening[:2] if _OFFICIAL.search(text)]
    gaz = regions.gazetteer()
    for text in lines:
        found = line.match(text.strip())
        place = gaz.resolve(gaz.find(found.group("place"))) if found else None
        if place is not None and place.path:
            return place
    return None


_OFFICIAL = re.compile(r"(?:书记|省长|市长|区长|县长|州长|旗长|盟长|主席)[\s　]*[\u4e00-\u9fff]{2,4}$")  # a byline's office and name
