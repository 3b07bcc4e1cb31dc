"""Whether a passage closes the sections a document's headings or paragraph leads opened (a round-up's places, or a
one-place document's marked sections): it speaks about them as a group.  Used by tagging.py, which then files what
follows under the document's place again."""

from __future__ import annotations

from icpolicy.meta import by_place, regions, sections, voice
from icpolicy.meta.own_level import first_person, is_within, level_as_subject
from icpolicy.meta.paragraph_forms import listed_provinces
from icpolicy.models import Region
from icpolicy.text.passages import split_sentences


def closes_sections(text: str, opening: sections.Opening | None, roundup: bool, region: Region, home: Region, level: int,
                    opened: dict) -> bool:
    """True when a passage speaks about a round-up's sections (or a one-place document's marked
    sections) as a group: sections.closes, a count of them (四份计划…), or its first clause names
    two places whose sections have opened (从西安到重庆，…).  region: the section's place; home: the
    document's; level: the heading level that opened the section (0: a paragraph's lead); opened: the places whose
    sections have opened."""
    if not roundup and (region == home or level):
        return False
    own = not opening or opening.region == home  # (分析人士认为，安徽各地… in 安徽's text: its own place)
    if own and sections.closes(text, len(opened), home.path) and not _names_section(text, region, home, opened):
        return True
    if own and not roundup and not level and is_within(region, home) and _whole_voice(text, home) and not _names_section(text, region, home, opened):
        return True  # 调研中，…指出，电子信息产业是我区… after 在北海工业园区，… in 广西's story: the whole's voice again
    gaz = regions.gazetteer()
    if own and home == regions.NATIONAL and any(w in text for w in voice.country_words()) and not gaz.find(text):
        return True  # 该负责人表示，…全国智能算力规模… after 上海临港… in a national story: the country's again
    clause = sections.first_clause(text)
    named = regions.meant_places(gaz.find(clause)).intersection(opened)  # (福州市鼓楼区…: not 南京's 鼓楼区's section too)
    if len(named) >= 2:
        return True
    listed = by_place.list_opening(text) if roundup and region != home else None
    if listed is not None and not any(p.path[:len(region.path)] == region.path for p in listed.places):
        return True  # 佛山、中山则聚焦… after 东莞's section: a list of other places, about none of them alone
    # … or its first sentence lists places of two provinces or more (在中部，湖北省武汉市、湖南省长沙市、河南省郑州市
    # 相继发布…; 在长三角，上海市、江苏省无锡市…同步开工): about them all, not one section; not one opening on a place
    # inside the section whose list comes later (定兴县的…衬底项目投产，产品主要供应北京、天津的器件企业: its customers)
    inside = opening is not None and not opening.strong and is_within(opening.region, region) and region != home
    return roundup and not inside and listed_provinces(split_sentences(text[:120])[0] if text else "")


def _whole_voice(text: str, home: Region) -> bool:
    """True when a passage speaks in the voice of the document's own place: its first person (我区, 本市), or its own
    level as a clause's subject (某某某强调，全市要…)."""
    voice_of = first_person(home)
    return bool(voice_of and voice_of.search(text)) or level_as_subject(text, home)


def _names_section(text: str, region: Region, home: Region, opened: dict) -> bool:
    """True when a passage's first sentence names the current section's place or one inside it,
    and no other section's (相比前几座城市，嘉兴的体量不大… in the 嘉兴 section): it is still about
    that place (纵观四城…合肥、无锡…宁波、嘉兴… is not)."""
    if region in (home, regions.MULTI, regions.NATIONAL):
        return False
    sentence = split_sentences(text[:80])[0] if text else ""
    if sections.each_place(sentence):
        return False  # 总体来看，珠三角各市正在形成“…佛山应用”格局: about them all, though it names the section's
    named = {p.path for m in regions.gazetteer().find(sentence) for p in m.places
             if not (m.short and len(p.path) > 2)}  # a county's short name is often a word (在于都…)
    others = {path for path in named for other in opened if other != region.path and path[: len(other)] == other}
    return not others and any(path[: len(region.path)] == region.path for path in named)
