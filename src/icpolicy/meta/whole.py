"""A passage of a district's, county's or zone's text that speaks for the whole city or province above it (全市…,
从全省看，…): it reports their figures, so it is theirs; one whose lead makes a national body its subject, and a
解读's answer on a higher level's policy, likewise.  Used by tagging.py."""

from __future__ import annotations

import re

from functools import lru_cache

from icpolicy.data import load_toml
from icpolicy.meta import regions, sections
from icpolicy.meta.elsewhere import official_speaks
from icpolicy.meta.sections import WHOLE_VIEW
from icpolicy.meta.own_level import back_reference, first_person, in_own_voice, level_as_subject, names_at_or_inside, own_level_words, related
from icpolicy.models import Region
from icpolicy.text.datelines import after_dateline

_LEAD = re.compile(load_toml("regions.toml")["whole_lead"])
# a province's own department speaking (省工业和信息化厅有关负责人介绍，; 广西壮族自治区…厅…表示，): its province's word
# a city's body speaking or its data shown (嘉兴市经信局有关负责人表示，, 天津市工业和信息化局数据显示，)
_CITY_SPEAKER = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:市|州|盟)[\u4e00-\u9fff]{0,16}(?:厅|局|委员会|委|办公室|办)[\u4e00-\u9fff]{0,16}(?:说|表示|介绍|指出|称|显示)[，,：:]\s*")
_CLAUSE = re.compile(r"[^，,。；;]*")
# a line of who attended naming the province's officials and bodies alone (省委常委、秘书长某某，省直有关部门负责同志参加调研。;
# not bodies of others too, 省商务厅、海口海关等单位负责同志…)
_PROVINCE_ATTENDING = re.compile(r"^(?![^。]*(?:海关|等单位|公司|企业|银行|大学|学院))(?:省|自治区)(?:(?![市县区州盟旗](?:委|政府|领导|有关|主要|直))[^。；;])*?(?:参加|陪同|一同)(?:调研|考察|活动|座谈)。?$")
_PROVINCE_SPEAKER = re.compile(r"^(?:[\u4e00-\u9fff]{0,8}(?:省|自治区))[\u4e00-\u9fff]{1,12}(?:厅|局|委员会|委|办公室|办)[\u4e00-\u9fff]{0,16}(?:说|表示|介绍|指出|称|(?P<data>显示))[，,：:]")


def national_lead(text: str, region: Region | None = None) -> bool:
    """True when a passage's lead makes a national body its subject (国家对…实行…, 根据财政部、税务总局的有关公告，…,
    工业和信息化部有关负责人介绍，…: data/regions.toml [national_lead]); not when the clause it leads names the text's own
    level (region's: 工业和信息化部已将我市列入…, 国家发展改革委已批复我市建设…: about the text's place) or the place itself
    (…将继续支持四川建设… in 四川's text; a later clause,
    国家对…实行…减免政策，我区将…, leaves it national)."""
    text = after_dateline(text).lstrip()  # (新华社北京2月18日电（记者…）2022年2月，国家发展改革委…)
    found = _national_lead().match(text[:60]) or _national_scope().match(text)
    if not found:
        return False
    own = own_level_words(region) if region is not None else None
    clause = _CLAUSE.match(text, found.end()).group()
    if _SAID.search(clause):  # (…有关负责同志出席会议并表示，国家将继续支持广东建设…: what the body says, too)
        clause += _CLAUSE.match(text, found.end() + len(clause) + 1).group()
    scoped = not _national_lead().match(text[:60])  # (从全国看，…: a view of the country, not a body)
    if own and (own.search(clause) or (any(verb in found.group() for verb in _background_verbs()) and own.search(text))
                or (scoped and own.search(text.split("。")[0]))):
        # (国家高度重视…，全市抢抓机遇…: the city's; 从全国看，…，我省…居全国第八位: the province's rank in the view's own
        # sentence, since session 65; 从全国看，…。我省…: a sentence after it, the country's view still)
        return False
    # … nor when it names the text's own place or one inside it (工业和信息化部将继续支持四川建设… in 四川's text)
    path = region.path if region is not None and region not in (regions.NATIONAL, regions.MULTI, regions.UNPLACED) else ()
    return not (path and names_at_or_inside(regions.gazetteer().find(clause), path))


def national_heading(text: str) -> bool:
    """Whether a line is a heading naming the national level alone (一、国家层面, 【国家部委】: data/regions.toml
    [national_lead] heading)."""
    return bool(_national_heading().match(text))


@lru_cache(maxsize=1)
def _national_heading() -> re.Pattern:
    return re.compile(load_toml("regions.toml")["national_lead"]["heading"])


def country_paragraph(text: str, region: Region) -> bool:
    """True when a paragraph speaks of the country's industry as a whole (…2024年我国先进封装市场规模约…, 国内芯粒生态建设
    应坚持…) and names no place, no group, not the places together and nothing of region's own level (data/regions.toml
    [country_paragraph]); the caller asks it of a round-up's or an event report's paragraphs only."""
    if not _country()[0].search(text) or places_together(text):
        return False
    # (a county's short name inside a person's, 副理事长孙宏伟, names no place)
    if any(not (m.short and all(len(p.path) >= 3 for p in m.places)) for m in regions.gazetteer().find(text)):
        return False
    own = own_level_words(region)
    return not (own and own.search(text))


def places_together(text: str) -> bool:
    """Whether text speaks of the places together (各地…, 两地将共建…, 五市合计…: [country_paragraph] together)."""
    return bool(_country()[1].search(text))


@lru_cache(maxsize=1)
def _country() -> tuple[re.Pattern, re.Pattern]:
    rules = load_toml("regions.toml")["country_paragraph"]
    return re.compile(rules["pattern"]), re.compile(rules["together"])


_CLAUSE = re.compile(r"[^，,。！？!?；;]*")
_SAID = re.compile(r"(?:表示|介绍|指出|强调|说|称)[：:]?$")


@lru_cache(maxsize=1)
def _national_lead() -> re.Pattern:
    rules = load_toml("regions.toml")
    lead, national = rules["national_lead"], rules["national"]
    bodies = "|".join(sorted(map(re.escape, national["markers"]), key=len, reverse=True) + national.get("patterns", []))
    # (工业和信息化部电子信息司有关负责人…: a department of the body; 国务院《政府工作报告》明确…: its document; 国务院常务会议近日…:
    # its meeting, since session 61)
    return re.compile(f"{lead['prefix']}(?:国家(?:{lead['state_verbs']})|(?:{bodies})(?:[^，,。；、]{{1,8}}?(?:司|局|厅|处|中心)|常务会议|全体会议)?(?:《[^》]{{1,30}}》)?(?:{lead['after']}))")


@lru_cache(maxsize=1)
def _background_verbs() -> tuple[str, ...]:
    return tuple(load_toml("regions.toml")["national_lead"]["background_verbs"])


@lru_cache(maxsize=1)
def _national_scope() -> re.Pattern:
    return re.compile(load_toml("regions.toml")["national_lead"]["scope"])


@lru_cache(maxsize=1)
def _upper_level_types() -> tuple[str, ...]:
    return tuple(load_toml("regions.toml")["upper_level"]["types"])


def upper_level(text: str, region: Region, doc_type: str) -> Region | None:
    """In a 政策解读 (data/regions.toml [upper_level]) of a place below a province, the province, when a passage
    speaks of its level's own (我省, 全省, 省级, 省财政: own_level) and never of the text's own level (我市, 全市, 市级):
    it explains the province's policy.  Else None."""
    path = region.path
    if doc_type not in _upper_level_types() or len(path) < 2 or path[0].endswith("市"):
        return None
    upper, own = own_level_words(Region(path[:1])), own_level_words(region)
    if upper is None or (own is not None and (upper.pattern == own.pattern or own.search(text))):
        return None
    # (a rank a firm or centre holds, 省级以上企业技术中心, 省级专精特新, is no level speaking)
    return Region(path[:1]) if upper.search(_RANK.sub("", text)) else None


_RANK = re.compile(r"[省市县区]级(?:及)?(?:以上)?(?=[\u4e00-\u9fff]{0,4}?(?:" + "|".join(load_toml("regions.toml")["upper_level"]["rank_nouns"]) + "))")


def upper_voice(text: str, region: Region) -> Region | None:
    """The city (or prefecture) above a district's or county's text, when a passage speaks in its first person (我市: a
    city bureau's reply in a letter about the district, a city leader quoted) or has its level as a clause's subject
    (某某某强调，全市要…), or is led by a body of that level (二、….。市人力资源社会保障局将…), and neither speaks in the
    text's own level's words (我区, 全区…: own_level) nor names the text's place.  Else None."""
    path = region.path
    if not regions.below_city(path) or path[-2][-1] == path[-1][-1]:
        return None  # (a county-level 市's 我市 is its own)
    own = own_level_words(region)
    mentions = regions.gazetteer().find(text)
    if (own is not None and own.search(text)) or any(related(p.path, path) for m in mentions for p in m.places if len(p.path) >= len(path)):
        return None  # (新吴区集成电路产业规模占我市的一半…: the district's figures, the city their measure)
    if mentions and not mentions[0].start and not any(path[:len(p.path)] == p.path for p in mentions[0].places) \
            and official_speaks(text, mentions[0].end):
        return None  # 汕尾市…有关负责人表示，全市将… in a 深汕 story: another city's official, of its own whole
    level = path[-2][-1]
    if first_person(Region(path[:-1]), formal=False).search(text) or level_as_subject(text, Region(path[:-1])):
        return Region(path[:-1])  # (not 本市 anywhere: a 上海 district's 贯彻本市…部署 cites the city, in its own voice)
    # … or is led by a body of that level (三、…。市人力资源社会保障局将…: data/regions.toml [reply] body)
    plain = sections.lead_plain(text)
    lead = sections.after_run_in(plain) or plain[_NUMBERING.match(plain).end():]
    return Region(path[:-1]) if re.match(_reply()["body"].format(level=level), lead[:24]) else None


def opens_on_whole(text: str, home: Region) -> bool:
    """True when a passage opens, after a lead of time or source (去年，, 据市经信局统计，今年上半年，: data/regions.toml
    whole_lead), on home's own whole (全市, 全省, 全区…): it reports home's figures."""
    path = home.path
    if not path or home in (regions.NATIONAL, regions.MULTI, regions.UNPLACED):
        return False
    text = _HEARD.sub("", text.strip())  # (据介绍，2023年全省…)
    start = _LEAD.match(text).end()
    # (not the scope of a superlative or a first, 全省规模最大的…, 全市首个…: the section's own place's rank)
    return text.startswith("全" + path[-1][-1], start) and not _RANKED.match(text, start + 2)


def opens_on_home(text: str, home: Region) -> bool:
    """True when a passage opens, after a lead of time or source (whole_lead) or a speaker's words (调研中，张伟平指出，), on
    home by any of its names (去年，吉安市电子信息产业…; …指出，吉安要…): home's own subject again (since session 61)."""
    if not home.path or home in (regions.NATIONAL, regions.MULTI, regions.UNPLACED):
        return False
    text = _HEARD.sub("", text.strip())
    start = _LEAD.match(text).end()
    # (… or after 按照, 按照合肥的规划，到2026年全市… after 在庐阳区，…: home's plan; since session 63)
    starts = [start] + [lead.end() for lead in (_SPOKEN_LEAD.match(text, start), _PLANNED.match(text)) if lead]
    return any(_opens_on(text, at, home.path, short=True) for at in starts)


_SPOKEN_LEAD = re.compile(load_toml("regions.toml")["spoken_lead"])
_PLANNED = re.compile(r"^(?:按照|根据|依据)")
_HEARD = re.compile(r"^(?:据(?:介绍|悉|了解)|另据了解|记者了解到)[，,]\s*")
_RANKED = re.compile(r"[^，,。；;]{0,6}?(?:最|首|第一|唯一|领先|前列)")


def whole_above(text: str, region: Region) -> Region | None:
    """The city a passage of a district's, county's or zone's document opens on as a whole (全市…, 从全市看，…, or the
    city by its full name, after a lead: data/regions.toml whole_lead), or the province one below it opens on (全省…,
    从全省看，…): the passage reports its figures.  Else None."""
    path, text = region.path, text.strip()
    if len(path) < 2:
        return None
    if not path[0].endswith("市") and _PROVINCE_ATTENDING.match(text) and not regions.gazetteer().find(text):
        return Region(path[:1])  # 省政府秘书长…，省直有关部门负责同志参加调研。 in a city's story of the governor's visit: who
        # came with him, the province's (since session 68)
    viewed = _NUMBERING.sub("", text, count=1)  # (六、从全省看，… : the view after an item's number)
    start = _LEAD.match(text).end()
    in_lead = regions.gazetteer().find(text[:start]) if start else []  # (the places the lead names: a speaker's, a source's)
    if any(all(p.path[:1] != path[:1] for p in m.places) for m in in_lead):
        return None  # 广东省能源局数据显示，全省… in a 江苏 story: another province's whole
    speaker = None if path[0].endswith("市") else _PROVINCE_SPEAKER.match(text)
    if speaker and speaker.group("data") and any(len(p.path) > 1 for m in regions.gazetteer().find(_CLAUSE.match(text, speaker.end()).group())
                                                 for p in m.places if p.path[:1] == path[:1]):
        speaker = None  # 江苏省统计局数据显示，苏州… : the province's figures of a place in it (since session 67)
    if speaker and (text.startswith(("省", "自治区")) or any(p.path == path[:1] for m in regions.gazetteer().find(speaker.group()) for p in m.places)):
        return Region(path[:1])  # 广西壮族自治区工业和信息化厅有关负责人介绍，自治区将… in a 北海 story: the province's word
    view = WHOLE_VIEW.match(viewed)  # (从全市看，泉州全市… in 晋江's text: the city named after the view)
    if regions.below_city(path) and path[-1][-1] in "区县旗市":
        whole = "全" + path[-2][-1]  # 全市, 全州, 全盟: the city's own level (a county-level 市's text: its city's)
        after = len(text) - len(viewed) + view.end() if view else start
        # (a county-level 市's own whole is 全市 too: the city's only when the lead's speaker is the city's, 泉州市…局有关负责人表示，全市…)
        led = [p.path for m in in_lead for p in m.places]
        if led and not any(path[:len(named)] == named for named in led):
            return None  # 汕尾市…有关负责人表示，全市… in a 深汕 story: another city's official, of another whole
        speaker_of_city = tuple(path[:-1]) in led
        city_speaker = _CITY_SPEAKER.match(text) if speaker_of_city else None
        if city_speaker and _opens_on(text, city_speaker.end() + _time_lead(text, city_speaker.end()), path[:-1], short=True):
            return Region(path[:-1])  # 嘉兴市经信局有关负责人表示，嘉兴正在… in a 平湖 story: the city's body, of the city by any
            # of its names (2022年天津… after 天津市工业和信息化局数据显示，; since session 60)
        viewing = view if view and view.group("whole") == whole else None
        if viewing and _opens_on_own(viewed, viewing.end(), path):
            return None  # 从全市看，翔安区…占全市的… in 翔安区's text: its own rank (since session 52)
        if (whole != "全" + path[-1][-1] or speaker_of_city) and (viewing or text.startswith(whole, start)) \
                or _named_whole(text, start, path[:-1], whole) or _named_whole(text, after, path[:-1], whole) \
                or _opens_on(text, start, path[:-1]) or (view and _opens_on(text, after + _time_lead(text, after), path[:-1], short=bool(viewing))) \
                or (view and view.group("named") and _named_whole(viewed, view.start("named"), path[:-1], whole)):
            return Region(path[:-1])  # (… or the view, a time and the city by its full name: 从全市看，上半年崇左市… in 凭祥's text;
            # or the city named in the view: 放眼玉林全市，… in 北流市's, since session 53; or, after a view of the whole, the city by its
            # short name: 从全市看，郑州2024年… in 新郑市's, since session 61)
    if not path[0].endswith("市"):
        # 内蒙古自治区…全区; not a district's official's 全区 (沙坡头区相关负责人介绍，全区正在… in a 中卫 story; since session 59)
        district_speaks = any(len(p.path) > 1 and p.path[-1][-1] == "区" for m in in_lead for p in m.places)
        province = ("全省",) + (("全区",) if path[0].endswith("自治区") and path[-1][-1] != "区" and not district_speaks else ())
        viewing = view if view and view.group("whole") in province else None
        if viewing and _opens_on_own(viewed, viewing.end(), path):
            return None  # 从全省看，红河州…占全省的比重… in 红河州's text: its own rank (since session 52)
        spoken = _SPOKEN_LEAD.match(text) if not start else None
        if viewing or text.startswith(province, start) or (spoken and text.startswith(province, spoken.end())):
            return Region(path[:1])  # (放眼全省，… in a city's story: since session 52; a leader's words on it, 王某某强调，全省上下要…
            # in a 无锡 story of the governor's visit: since session 68)
        if start and _opens_on(text, start, path[:1]) and not _RANKED.match(text, start + len(path[0])) \
                and not back_reference(region).search(text) and not in_own_voice(text, region):
            return Region(path[:1])  # 据成都海关统计，2025年四川省对中东地区出口… in a 成都 story: the province by its full name,
            # after a lead (since session 67; not when it points back to the story's place, …在当地已率先兑现)
    return None


def _opens_on_own(text: str, at: int, path: tuple[str, ...]) -> bool:
    """True when text, after a view ending at `at`, opens on the place of path or one inside it."""
    first = next(iter(regions.gazetteer().find(text[at:at + 16])), None)
    return first is not None and first.start == 0 and any(p.path[:len(path)] == path for p in first.places)


def relayed_province(text: str, region: Region) -> Region | None:
    """The province above a city's or county's text, for a passage relaying the province's voice (data/regions.toml
    province_voice) about 全省, in no word of the text's own level nor as 我们, naming no place inside the text's; else
    None (since session 49)."""
    path = region.path
    if len(path) < 2 or path[0].endswith("市"):
        return None
    # (an autonomous region's whole is 全区, read after its voice: 广西壮族自治区党委提出，到2027年全区… in 银海区's text,
    # whose own 全区 it is too; since session 50)
    autonomous = path[0].endswith("自治区")
    whole = "全区" if autonomous else "全省"
    if whole not in text:
        return None  # (most passages: no regex search)
    text = _led_frame().sub("", text)  # (在省委、省政府的坚强领导下，…: no voice relayed)
    voice = _province_voice(autonomous).search(text)
    if not voice or (autonomous and voice.start() > text.find(whole)):
        return None
    own = own_level_words(region)
    if (own is not None and own.search(text.replace(whole, "") if autonomous else text)) or "我们" in text:
        return None
    mentions = regions.gazetteer().find(text)
    if any(named[:1] != path[:1] or (len(named) > len(path) and named[:len(path)] == path) for named in regions.meant_places(mentions)):
        return None  # (another province's, or a place inside the text's own: 南昌县要… in 南昌's)
    if mentions and mentions[0].start < _OWN_LEAD and any(p.path == path for p in mentions[0].places):
        return None  # 3月3日上午，南昌市工业和信息化局党组召开会议，传达学习全省…大会精神: the text's own place's doing
    return Region(path[:1])


_OWN_LEAD = 12  # characters within which a passage naming the text's own place first makes it the subject


@lru_cache(maxsize=2)
def _province_voice(autonomous: bool = False) -> re.Pattern:
    return re.compile(load_toml("regions.toml")["region_voice" if autonomous else "province_voice"])


@lru_cache(maxsize=1)
def _led_frame() -> re.Pattern:
    return re.compile(load_toml("regions.toml")["led_frame"])


_TIME_LEAD = re.compile(r"(?:(?:19|20)\d{2}年|今年|去年)?(?:上半年|下半年|前三季度|[一二三四]季度|前[一二三四五六七八九十\d]{1,2}个?月|全年)?[，,]?")


def _time_lead(text: str, start: int) -> int:
    """The length of a time lead at start (上半年, 2023年, 今年前5个月，), 0 when none."""
    return _TIME_LEAD.match(text, start).end() - start


def _named_whole(text: str, start: int, path: tuple[str, ...], whole: str) -> bool:
    """True when text names the place of path at start, by any of its names, and then its whole (深圳全市…)."""
    mentions = regions.gazetteer().find(text[start:start + 16])
    return bool(mentions) and mentions[0].start == 0 and any(p.path == path for p in mentions[0].places) \
        and text.startswith(whole, start + mentions[0].end)


def _opens_on(text: str, start: int, path: tuple[str, ...], short: bool = False) -> bool:
    """True when text names the place of path at start by its full name (or, `short`, by any), and no place right after
    it (拉萨市数字经济…, not 拉萨市经开区…)."""
    mentions = [m for m in regions.gazetteer().find(text[start:start + 24]) if short or not m.short]
    return bool(mentions) and mentions[0].start == 0 and any(p.path == path for p in mentions[0].places) \
        and not any(m.start == mentions[0].end for m in mentions[1:])


@lru_cache(maxsize=1)
def _reply() -> dict:
    return load_toml("regions.toml")["reply"]


_NUMBERING = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[、.．]|答\s*[：:])?\s*")  # (答：从全省看，…: an answer, since session 50)


def issuer_in_reply(text: str, region: Region, doc_type: str) -> bool:
    """True when, in a reply (data/regions.toml [reply]) issued for `region`, a paragraph is led by the issuer's own
    level (全市…, 省级有关部门要…, 市发展改革委、市经济和信息化局要…): it speaks for the issuer, not the addressee."""
    rule = _reply()
    if doc_type not in rule["types"] or not region.path:
        return False
    own = own_level_words(region)
    lead = text[_NUMBERING.match(text).end():][:24]
    level = region.path[-1][-1]
    return bool((own and own.match(lead)) or re.match(rule["body"].format(level=level), lead))
