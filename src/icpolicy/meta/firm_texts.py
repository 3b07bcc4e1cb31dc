"""A firm's own texts: whether a text is a firm's profile (an "about us" page) or titled by the firm's full name, the
home of a firm whose release reports it exhibiting at a fair elsewhere, and the district of a firm's seat its own text
states.  Used by meta/document.py (since session 55)."""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.data import load_toml
from icpolicy.meta import regions
from icpolicy.meta.own_level import related
from icpolicy.meta.title_places import opens_firm
from icpolicy.models import Region

_PROFILE_LINES = 3  # a profile's heading stands in its first lines (not a story's box about the firm further down)
_RELEASE_LINES = 12  # an exhibitor's release states its home within its first paragraphs; a seat line may end a text
_HOME_LEAD = 40  # a firm's text says where it is headquartered near a paragraph's start (曦晨微电子总部位于…), or after 公司
_SEAT_LINES = 24  # … in its first paragraphs (an about page's menus come first)
_FAIR = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:展览会|博览会|交易会|展会|展)")  # the name of a fair after its city (深圳国际电子展)


def firm_profile(opening: list[str]) -> bool:
    """Whether a text is a firm's own profile: a profile heading (关于我们, 公司简介…: data/regions.toml profile_heading) in its
    first lines (not a story's box about the firm further down, 关于芯跃半导体 after the story's lead)."""
    return any(_rules()[0].match(line) for line in opening[:_PROFILE_LINES])


def exhibitor_home(title: str, texts: list[str]) -> Region:
    """The home of a firm whose release a title reports exhibiting at a fair (锐芯光电亮相SEMICON China 2024…, …携…亮相…展:
    data/regions.toml exhibit_title): the place its text says the firm is headquartered (总部位于成都高新区), else the place
    its name opens with in the first paragraphs (成都锐芯光电科技有限公司…); Region() when the title is none such."""
    gaz = regions.gazetteer()
    if not _rules()[1].search(title) or not all(_FAIR.match(title, m.end) for m in gaz.find(title)):
        return Region()  # (a title naming a place other than the fair's, 深圳国际电子展: its subject)
    if (found := stated_home(texts)).path:
        return found
    for text in texts[1:4]:
        for mention in gaz.find(text):
            if opens_firm(text, mention.end) and (found := gaz.resolve([mention])).path:
                return found
    return Region()


def stated_home(texts: list[str]) -> Region:
    """The place a firm's text says it is headquartered in its first paragraphs (总部位于成都高新区, 华拓半导总部位于江苏省无锡市
    新吴区: data/regions.toml homes), or Region(): where a firm's own text that names no place in its title is filed
    (document.py; since session 57 also a broker's note titled by the firm's name and stock code)."""
    for text in texts[:_RELEASE_LINES]:
        for home in _rules()[2].finditer(text):
            if (found := named_at(text, home.end())).path:
                return found
    return Region()


def firm_titled(title: str) -> bool:
    """Whether a title names a firm by its full name (…股份有限公司, …有限公司): the firm's own text (its report, its
    investor records, its notice), no round-up of the places its sites lie in."""
    return bool(_rules()[4].search(title))


def seat_inside(title: str, texts: list[str], region: Region) -> Region:
    """In a firm's own text titled by its name (…股份有限公司2023年年度报告, …投资者关系活动记录表) and filed under the city its
    name gives, the district of its seat: the place its first paragraphs say it is headquartered (公司总部位于上海市浦东新区…),
    or its labelled seat line, at its head or its end (公司注册地址：山东省青岛市黄岛区…: data/regions.toml seat_line);
    Region() when none lies inside region."""
    if not firm_titled(title) or not region.path:
        return Region()
    lines = texts[:_SEAT_LINES] + texts[-_RELEASE_LINES:]
    for text in lines:
        found = _rules()[3].match(text) or next((home for home in _rules()[2].finditer(text) if home.start() < _HOME_LEAD
                                                 or text[:home.start()].endswith(("公司", "。", "，"))), None)
        if not found:
            continue
        seat = named_at(text, found.start(1) if found.re is _rules()[3] else found.end())
        if len(seat.path) > len(region.path) and seat.path[:len(region.path)] == region.path:
            return seat
    return Region()


def firm_home(title: str, region: Region) -> Region:
    """The place a firm's own text titled by its full name names it by (无锡衡芯微电子股份有限公司关于投资建设成都…的公告:
    无锡市) when the text is filed elsewhere (at the project's site), else Region(): where its firm-wide paragraphs are."""
    if not firm_titled(title) or not region.path:
        return Region()
    gaz = regions.gazetteer()
    first = next(iter(gaz.find(title[:_HOME_LEAD])), None)
    if first is None or not names_firm(title, first):
        return Region()
    home = gaz.resolve([first])
    return home if home.path and not related(home.path, region.path) else Region()


def names_firm(title: str, mention) -> bool:
    """Whether a place mention opens a title by its firm's full name (无锡衡芯微电子股份有限公司关于…: 无锡): the firm's home,
    not the title's subject (document.py's title region, firm_home)."""
    return mention.start == 0 and firm_titled(title) and opens_firm(title, mention.end)


def names_institute(title: str, mention, after) -> bool:
    """Whether a place mention opens a title as a research body's home, the body's short name running straight into the
    next place the title names (苏州纳米所南通…中心启用: 苏州; data/regions.toml [firm] institute_home)."""
    found = mention.start == 0 and _institute_home().match(title, mention.end)
    return bool(found) and found.end() == after.start


@lru_cache(maxsize=1)
def _institute_home() -> re.Pattern:
    return re.compile(load_toml("regions.toml")["firm"]["institute_home"])


def firm_wide(text: str) -> bool:
    """Whether a paragraph opens on the firm's results or finances as a whole (2023年，公司实现营业收入…; 预计不会对公司…的财务状况
    …产生重大影响: data/regions.toml firm_wide) and its first sentence names no place."""
    first = text[:text.find("。") + 1 or len(text)]
    return bool(_firm_wide().search(first)) and not regions.gazetteer().find(first)


@lru_cache(maxsize=1)
def _firm_wide() -> re.Pattern:
    return re.compile(load_toml("regions.toml")["firm_wide"])


def named_at(text: str, at: int) -> Region:
    """The place a name written out from `at` gives (山东省济南市历城区港兴三路…: 历城区), or Region()."""
    gaz = regions.gazetteer()
    chain = gaz.find(text[at:at + 24])
    chain = [m for k, m in enumerate(chain) if m.start == (chain[k - 1].end if k else 0)]
    return gaz.resolve(chain) if chain and chain[0].start == 0 else Region()


@lru_cache(maxsize=1)
def _rules() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """(profile_heading, exhibit_title, homes, seat_line, firm_named) of data/regions.toml."""
    rules = load_toml("regions.toml")
    homes = "|".join(map(re.escape, rules["homes"]))
    return re.compile(rules["profile_heading"]), re.compile(rules["exhibit_title"]), re.compile(f"(?:{homes})"), re.compile(rules["seat_line"]), \
        re.compile(rules["firm_named"])
