"""A paragraph of a one-place text whose subject is another place: that place's.

A story about 鼓楼区 that goes on `同日，南京江北新区发布了算力补贴政策。` reports what 江北新区 did, and a story
about 西昌 that says `凉山州也在同步推进低空经济布局…` reports on the prefecture: an analyst filters those
paragraphs by the place that acts in them, not by the story's.  Used by tagging.py for a paragraph that opens
with a place outside the document's (sections.opening), which otherwise keeps the document's place.
"""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.data import load_toml
from icpolicy.meta import regions, sections
from icpolicy.meta.mentions import sole_place
from icpolicy.meta.own_level import in_own_voice, is_within, names_at_or_inside, own_level_words, related, shared_relation
from icpolicy.models import CELL_SEPARATOR, Region

_CLAUSE_END = re.compile("[，,。；;：:！？!?]")
_WINDOW = 40  # the opening place lies in the paragraph's first characters (sections.opening reads as far)
_SITE_OWNER = 6  # a firm's short name before its site's place (致新电子宿迁二期工厂…)
_SHORTEST = 12  # a sentence, not a line such as an outlet's name (拉萨发布)


@lru_cache(maxsize=1)
def _kind() -> re.Pattern[str]:
    return re.compile(load_toml("regions.toml")["elsewhere_kind"])


@lru_cache(maxsize=1)
def _rules() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(what marks the place as the subject, the words pointing back to a place named before: 该市, 当地, its official
    speaking: 有关负责人表示，, what keeps 是 from marking it: 我们, 要…)."""
    table = load_toml("regions.toml")
    back = "|".join(re.escape(word) for word in table["back_reference"])
    return re.compile(table.get("elsewhere_subject", "(?!)")), re.compile(back or "(?!)"), re.compile(table["elsewhere_speaker"]), \
        re.compile(table["elsewhere_is_not"])


@lru_cache(maxsize=1)
def _doing() -> re.Pattern[str]:
    return re.compile(load_toml("regions.toml")["elsewhere_doing"])


@lru_cache(maxsize=1)
def _firm() -> re.Pattern[str]:
    return re.compile(load_toml("regions.toml")["elsewhere_firm"])


@lru_cache(maxsize=1)
def _firm_here() -> re.Pattern[str]:
    return re.compile(load_toml("regions.toml")["elsewhere_firm_here"])


def brought_here(text: str, home: Region) -> bool:
    """Whether a sentence or clause opening on another place ties it to the text's own (home): a firm of that place it
    counts and brings here by its words (东莞两家连接器企业组团落户, 深圳一家…企业在县高新区新建…: data/regions.toml
    elsewhere_firm_here), a participant it says comes from there (来自苏州工业园区的…将投资15亿元建设…, at a signing of the
    home's projects; since session 60), or one it brings to the home by name (宁波一家靶材企业将在滁州设立华东生产基地, in a
    滁州 zone's story: [brought_home]; since session 60): the home's news, neither a round-up's section nor a clause of
    another place."""
    if any(_brought(text, firm) for firm in _firm().finditer(text)) or text.lstrip().startswith(_FROM):
        return True
    before, after = _brought_home()
    # (the home's name, or its city's above it: 在滁州设立 in a 滁州经开区 story; not its province's)
    return any(any(related(p.path, home.path) and (len(p.path) >= 2 or len(p.path) >= len(home.path)) for p in mention.places)
               and before.search(text, 0, mention.start) and after.match(text, mention.end)
               for mention in regions.gazetteer().find(text)[1:])


_FROM = "来自"


@lru_cache(maxsize=1)
def _brought_home() -> tuple[re.Pattern[str], re.Pattern[str]]:
    rule = load_toml("regions.toml")["brought_home"]
    return re.compile(f"(?:{rule['before']})$"), re.compile(rule["after"])


def _brought(text: str, firm: re.Match) -> bool:
    """Whether the words after a counted firm bring it here (…组团落户, …在县高新区…)."""
    return bool(_firm_here().match(text, firm.end()))


@lru_cache(maxsize=1)
def _not_after_speaker() -> frozenset[str]:
    """The back references that point to the story's place as often as to a speaking official's (当地, 这里)."""
    return frozenset(load_toml("regions.toml")["not_after_speaker"])


def official_speaks(text: str, at: int) -> re.Match[str] | None:
    """A place's body or official speaking right after its name, which ends at `at` (…有关负责人表示，: data/regions.toml
    elsewhere_speaker), or None."""
    return _rules()[2].match(text, at)


def elsewhere_subject(text: str, opened: Region, region: Region) -> Region | None:
    """opened, the place the paragraph opens with, when it is the subject there (data/regions.toml
    elsewhere_subject right after its name) and the paragraph names nothing of the document's region, nor its
    own level (我市, 全区: own_level), nor points back to a place named before (该市, 当地: back_reference); else None."""
    if not region.path or not opened.path or is_within(opened, region) or len(text.strip()) < _SHORTEST:
        return None
    cue, back, _, own_voice = _rules()
    own = own_level_words(region)
    mentions = regions.gazetteer().find(text)
    # (the own level's words read with the places' names left out: 澳门特别行政区政府 holds no 区政府)
    ends, starts = [0] + [m.end for m in mentions], [m.start for m in mentions] + [len(text)]
    bare = "".join(text[end:start] for end, start in zip(ends, starts))
    # 当地 points back to the text's own place, but after a place outside it (not above it) to that place: 万山区的…园区…
    # 吸纳当地群众就业 is 万山区's; 广东省出台的…政策在当地已率先兑现, in a 宝安区 story, 宝安区's
    reach = len(text) if is_within(region, opened) else _first_mention_end(mentions, opened)
    if (own is not None and own.search(bare) and not _whole_of_opened(text, bare, own, opened, region, mentions)) or back.search(text, 0, reach):
        return None
    lead, _ = sections.lead_start(sections.lead_plain(text))  # (与芜湖相邻的马鞍山市则…: a lead, not a subject)
    clause = _CLAUSE_END.search(text, lead)
    first = next((m for m in mentions if m.start < _WINDOW and any(p.path == opened.path for p in m.places)), None)
    # (惠州仲恺高新区的一家…企业: the cue after the zone named right after its city; since session 52)
    end = (_written_on(mentions, first.end) or [first])[-1].end if first is not None else 0
    marked = cue.match(text, end) if first is not None else None
    if first is not None and not marked and (kind := _kind().match(text, first.end)):
        marked = cue.match(text, kind.end())  # (东宁市口岸同步发力: the place's port, then the cue)
    # (a setting framed before the rest, 在绍兴市上虞区，公司投资…: the place where what follows happens; not a district or
    # zone of the text's own city, whose neighbour leads are the city's)
    own_city = len(opened.path) > 2 and opened.path[:2] == region.path[:2] and not opened.path[-1].endswith("市")
    marked = marked or (_COMMA.match(text, first.end) if first is not None and not own_city and _FRAMED.fullmatch(text[:first.start])
                        else None)
    # (… up to the cue after the subject: what it acts on after it, 凯里经济开发区依托广州产业转移资源 in a 广州 speech, is
    # the subject's partner, since session 46)
    clause_end = marked.end() if marked and first.start <= lead else clause.start() if clause else len(text)
    if any(place.path[:len(region.path)] == region.path for mention in mentions if lead <= mention.start < clause_end for place in mention.places):
        return None  # 喀什深圳产业园…: the document's place is in its first clause (碧江区依托…园区，承接苏州…转移的…: later, a partner)
    if first is None:
        return None
    firm = None if marked else _firm().match(text, end)  # (a firm of it counted after its name; not one brought here)
    if not marked and (_doing().match(text, first.end) or (firm and not _brought(text, firm))) and not is_within(region, opened) \
            and not names_at_or_inside(mentions, region.path):
        return opened  # 江苏省坚持…, 深圳市坚持…: another place's doing (镇江新区那家…企业…: its firm), in a paragraph naming nothing of the text's own
    if marked:  # (上海是…，要积极对接…: the text's own place acts)
        return None if marked.group() == "是" and own_voice.search(text) else opened
    said = official_speaks(text, first.end) if first.start <= lead else None
    return opened if said and _speaks_of_itself(text, said.end(), opened, mentions, back) else None


def _whole_of_opened(text: str, bare: str, own: re.Pattern, opened: Region, region: Region, mentions: list) -> bool:
    """Whether the only own-level words of a paragraph that opens on a city, in another city's text, are its whole
    (全市), after that city's name: 泰州是…基地，2023年全市… in a 绵阳 story is 泰州's whole, not 绵阳's
    (since session 68)."""
    # (cities only: a district's 全区 after a zone's or another district's name is its own, 南通高新区是全区…的主阵地 in 通州区's)
    if len(opened.path) != 2 or len(region.path) != 2 or opened.path[-1][-1] != region.path[-1][-1] or not mentions:
        return False
    whole = "全" + region.path[-1][-1]
    first = mentions[0]
    return all(m.group() == whole for m in own.finditer(bare)) and any(p.path == opened.path for p in first.places) \
        and text.find(whole) > first.end


def headquarters(text: str, region: Region) -> Region | None:
    """The place a paragraph opens on as a firm's headquarters (晶越半导体总部位于北京市海淀区，…: data/regions.toml
    headquarters), its home (…是深圳市龙岗区的一家…企业) or the site of one of its bases, plants or subsidiaries (（二）赣州基地。
    赣州某某有限公司位于…, 您好！公司浏阳封装工厂位于…; since session 53) when it lies outside region and the first sentence names nothing of region, points back to no place nor
    speaks in region's own level's words; else None."""
    found = _headquarters().match(text)
    if not found or not region.path:
        return None
    gaz = regions.gazetteer()
    whole, text = text, text[:text.find("。", found.end()) + 1 or len(text)]  # (its first sentence, after any run-in heading: what it opens on)
    mentions = gaz.find(text)
    chain = _written_on(mentions, found.end())  # (北京市海淀区)
    home = gaz.resolve(chain) if chain else Region()
    if not home.path or related(home.path, region.path) or _told_by_home(text, found.end(), chain[-1].end):
        return None
    own, back = own_level_words(region), _rules()[1]
    if (own is not None and own.search(text)) or back.search(text) or names_at_or_inside(mentions, region.path):
        return None
    # … nor when a later sentence turns to the firm's site in region (…总部位于广东省东莞市长安镇，…。企业负责人介绍，道县基地总投资
    # 15亿元…, in a story of the 道县 plant: since session 61), or to the text's place by a word pointing back (…在闽宁镇建设
    # 一期工厂，如今已成为当地吸纳就业最多的…: since session 62)
    later = whole[len(text):]
    return None if names_at_or_inside(gaz.find(later), region.path) or back.search(later) else home


def _told_by_home(text: str, start: int, end: int) -> bool:
    """Whether the headquarters a paragraph opens on, written from start to end, only tells which firm acts on its subject,
    a project built by it (该项目由总部位于海淀区的一家…企业投资建设: since session 64), not the firm's seat (新总部位于临港新片区的
    …产业园) nor the firm told of by its home (星瀚光电是深圳市南山区的一家…企业)."""
    return text.startswith("的", end) and "由" in text[:start]


def site_subject(text: str, region: Region) -> Region | None:
    """The place of a firm's site a paragraph's first clause opens on, after a short lead-in (昆山基地于2024年…, 报告期内，
    成都子公司承担的…, 据悉，致新电子宿迁二期工厂已于…: data/regions.toml site_lead, site_after), when it lies outside region
    and the clause names nothing of region; else None."""
    lead = _site_rules()[0].match(text)
    if not region.path or CELL_SEPARATOR in text or len(text.strip()) < _SHORTEST:
        return None  # (a table's row: its cells name its place, 无锡基地 | 8英寸… | 新吴区; a label line, 合肥基地, opens its section)
    gaz = regions.gazetteer()
    clause_end = _CLAUSE_END.search(text, lead.end())
    mentions = gaz.find(text[:clause_end.start() if clause_end else len(text)])
    first = next((m for m in mentions if m.start >= lead.end()), None)  # (长沙基地：位于…: a label's place is no site's subject)
    if first is None or first.start > lead.end() + _SITE_OWNER or _CLAUSE_END.search(text, lead.end(), first.start):
        return None  # (据悉，致新电子宿迁二期工厂…: the firm's name may stand before the place)
    chain = _written_on(mentions, first.start)
    site = gaz.resolve(chain)
    if not site.path and len(chain) == 1 and (sole := sole_place(first)):
        site = Region(sole)  # (昆山基地: a short name only one division bears, before its site's word)
    if not site.path or related(site.path, region.path) or not _site_rules()[1].match(text, chain[-1].end):
        return None
    if names_at_or_inside(mentions, region.path):
        return None
    # (滁州基地…；西安基地…: sites of several places, none alone)
    others = [m for m in gaz.find(text) if m.start > chain[-1].end and _site_rules()[1].match(text, m.end)
              and not any(p.path[:len(site.path)] == site.path for p in m.places)]
    return None if others else site


@lru_cache(maxsize=1)
def _site_rules() -> tuple[re.Pattern[str], re.Pattern[str]]:
    table = load_toml("regions.toml")
    return re.compile(table["site_lead"]), re.compile(table["site_after"])


def _written_on(mentions: list, end: int) -> list:
    """The mentions written one right after another from `end` (北京市海淀区, 惠州仲恺高新区), in the order found."""
    chain = []
    for mention in mentions:
        if mention.start == end and mention.end > end:
            chain.append(mention)
            end = mention.end
    return chain


@lru_cache(maxsize=1)
def _headquarters() -> re.Pattern[str]:
    return re.compile(load_toml("regions.toml")["headquarters"])


_TIME_LEAD = re.compile(r"(?:下一步|今后|接下来|未来|(?:今年|去年|上年|当年|(?:19|20)\d{2}年)?"
                        r"(?:以来|上半年|下半年|前三季度|[一二三四]季度|全年|1[—-]\d{1,2}月)?)[，,]?")  # (…表示，下一步，合肥将…: since session 52)
_FRAMED = re.compile(r"\s*在[^，,。；;]{0,10}")  # what stands before the place in a framed setting (在绍兴市上虞区，)
_COMMA = re.compile("[，,]")  # … then the place, then a comma (a cue right after it, as elsewhere_subject's are)


def neighbour_subject(text: str, opened: Region, region: Region) -> Region | None:
    """opened, when the paragraph's lead names the text's own place as its neighbour (与光明区一河之隔的东莞松山湖科学城，…
    in a 光明区 text; sections.beside_own_lead) and opened lies past the own city's line, and the paragraph does not go on
    in the text's own voice (…，我市将主动对接…; 全市要…; 我们…: own_level); else None (since session 47; a
    neighbour inside the city is the city's: tagging)."""
    plain = sections.lead_plain(text)
    start = sections.lead_start(plain)[0]
    if not region.path or not sections.beside_own_lead(plain, start, region.path):
        return None
    if is_within(opened, Region(region.path[:1 if region.path[0].endswith("市") else 2])):
        return None
    # (… nor when it names the own place again past its lead: 与滁州相邻的南京江北新区，…。…企业选择将封装测试环节布局在滁州，…
    # in a 滁州 zone's story, the two together; since session 59)
    own = sections.own_places(region.path)
    again = sum(1 for m in regions.gazetteer().find(text) if any(p.path in own for p in m.places)) > 1
    # (its own voice past the lead: 与我市隔海相望的深圳，… names 我市 as the neighbour, not as the subject; since session 61)
    return None if again or in_own_voice(text.replace(plain[:start], "", 1), region) else opened


def _speaks_of_itself(text: str, at: int, opened: Region, mentions: list, back: re.Pattern[str]) -> bool:
    """True when what an official of the opened place says (from at) opens on that place: its name, its own level
    (全县), or a word pointing back to it (县里)."""
    at += _TIME_LEAD.match(text, at).end() - at  # (…介绍，今年上半年全市…: what is said opens after its time)
    if any(m.start == at and any(p.path == opened.path for p in m.places) for m in mentions):
        return True
    own = own_level_words(opened)
    pointed = back.match(text, at)  # (市里, 县里; not 当地, 这里: the story's place as often)
    return bool(own is not None and own.match(text, at)) or bool(pointed and pointed.group() not in _not_after_speaker())


def _first_mention_end(mentions: list, opened: Region) -> int:
    """Where the first naming of the opened place ends (a back reference after it points to it), else 0."""
    return next((m.end for m in mentions if any(p.path == opened.path for p in m.places)), 0)


def sibling_subject(text: str, region: Region) -> Region | None:
    """A county-level place's short name opening a paragraph of its sibling's text (隔壁的昆山已经… in a 太仓 story,
    both 苏州's) as the subject (elsewhere_subject): that place.  sections.opening reads a county's short name only
    inside the document's place, so this paragraph opens nothing there."""
    if len(region.path) < 3:
        return None
    plain = sections.lead_plain(text)
    start, _ = sections.lead_start(plain)
    if sections.lead_names(plain, start, region.path):
        return None  # 与鼓楼区隔江相望的仓山区则… in a 鼓楼区 text: the two side by side, the city's (places_beside)
    mentions = regions.gazetteer().find(plain[start:start + _WINDOW])
    if not mentions or mentions[0].start:
        return None
    siblings = {p.path for p in mentions[0].places if p.path[:-1] == region.path[:-1] and p.path != region.path}
    return elsewhere_subject(text, Region(siblings.pop()), region) if len(siblings) == 1 else None


_JOINED = ("与", "和", "同", "、")


def joint_pair(text: str, region: Region) -> Region | None:
    """The city of a paragraph opening on two of its divisions joined by 与 (one of them the text's own) and what they do
    together (番禺区与南沙区共建的…, 博乐市与阿拉山口市共建的…: data/regions.toml shared_relation) in a district's or county's
    text; else None (since session 49)."""
    if len(region.path) < 3:
        return None
    plain = sections.lead_plain(text)
    start, _ = sections.lead_start(plain)
    mentions = regions.gazetteer().find(plain[start:start + _WINDOW])
    if len(mentions) < 2 or mentions[0].start or plain[start + mentions[0].end:start + mentions[1].start] not in _JOINED:
        return None
    pair = [{p.path for p in m.places if p.path[:-1] == region.path[:-1]} for m in mentions[:2]]
    if not all(len(paths) == 1 for paths in pair) or pair[0] == pair[1] or region.path not in pair[0] | pair[1]:
        return None
    after = plain[start + mentions[1].end:start + mentions[1].end + 8]
    return Region(region.path[:-1]) if shared_relation().match(after) else None
