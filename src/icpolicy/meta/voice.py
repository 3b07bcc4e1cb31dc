"""Whether a document that names no place speaks as a local government (data/regions.toml, [unplaced]):
then its region is 不详, place unknown, rather than 全国; and whether its signers lie in several provinces."""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.data import load_toml
from icpolicy.meta import regions


@lru_cache(maxsize=1)
def _rules() -> tuple[re.Pattern, re.Pattern]:
    rules = load_toml("regions.toml")["unplaced"]
    return re.compile(rules["local"]), re.compile(rules["national"])


def unplaced(title: str, issuer: str, opening: list[str], tail: list[str]) -> bool:
    """True when a text the region rules filed under 全国 for want of a place is a local one: its
    title, issuer, opening or signature speak as a local government (本区, 各镇、街道, XX管委会), and
    neither its title nor its issuer is a national body's and it does not address the whole country."""
    local, national = _rules()
    if regions.gazetteer().is_national(title + "\n" + issuer) or names_country(title, opening):
        return False  # (中国…产业发展回顾 telling 我国's figures: 全省 in a province's section is that section's)
    if local.search(title + "\n" + issuer):
        return True  # its title or issuer is a local body's (新区关于…, XX管委会): 全国 in its text is a ranking (全国百强)
    return not national.search("\n".join([title, *opening[:8]])) and bool(local.search("\n".join([title, issuer, *opening[:8], *tail])))


def nowhere(texts: list[str]) -> bool:
    """True when a text the region rules filed under 全国 for want of a place gives no sign of the country either: no
    national body and no word for the whole country anywhere in it (全国, 我国, 国家…: regions.toml [unplaced] country).
    Its place is unknown (a department's notice signed 经济和信息化局 to 各有关企业), not the country's."""
    whole = "\n".join(texts)
    return not regions.gazetteer().is_national(whole) and not _country().search(whole)


@lru_cache(maxsize=1)
def _country() -> re.Pattern:
    return re.compile(load_toml("regions.toml")["unplaced"]["country"])


def signed_across(signers: list[str]) -> bool:
    """True when the bodies that sign a text lie in more than one province."""
    gaz = regions.gazetteer()
    provinces = {gaz.resolve(gaz.find(name)).path[:1] for name in signers} - {()}
    # (a special administrative region's body, 香港特别行政区政府创新科技及工业局, is a party of its own: since session 52)
    provinces |= {(found.group(1),) for name in signers if (found := regions.SAR_NAME.search(name))}
    return len(provinces) > 1


def national_story(title: str, opening: list[str]) -> bool:
    """A story titled by the whole country (全国算力总规模持续扩大…, 我国集成电路出口…) and told from a national body's
    figures (国家数据局18日发布的数据显示…): the country's, its places examples (not 全国各地…, 多地…: a round-up)."""
    return country_titled(title, opening) and regions.gazetteer().is_national("\n".join(opening[:6]))


def country_titled(title: str, opening: list[str] = ()) -> bool:
    """A title that speaks of the whole country (2025年我国集成电路产业发展回顾), not of its places (全国各地…, 我国多地…)."""
    return names_country(title, opening) and not _MANY_PLACES.search(title)


def names_country(title: str, opening: list[str] = ()) -> bool:
    """A title naming the whole country: 全国, 我国; or 中国, not opening a zone's or a firm's name (regions.toml
    [national] country_name), in a text whose opening speaks as the country (我国…): an association's 2024年中国集成电路
    产业发展回顾, not a comparison of cities under 中国集成电路重点城市竞争力比较."""
    return bool(_country_word().search(title)) or (
        bool(_country_name().search(title)) and any(word in text for text in opening[:_OPENING] for word in _OWN_COUNTRY)
        and not any(word in title for word in _PARTS))


_OPENING = 8
_OWN_COUNTRY = ("我国", "国内", "全国")  # (国内, 全国 since session 50: 2025年中国集成电路产业年终盘点 … 全年国内新投产…)
_PARTS = ("城市", "省份", "省市", "地区", "各地", "区域", "地图", "在哪")  # (…重点城市竞争力比较, …产业地图: the places compared)


@lru_cache(maxsize=1)
def _country_word() -> re.Pattern:
    """A word of the whole country in a title, not as a reach (具有全国影响力的…: [national] title_reach)."""
    rule = load_toml("regions.toml")["national"]
    return re.compile("(?:" + "|".join(map(re.escape, rule["title_words"])) + ")(?!" + rule["title_reach"] + ")")


@lru_cache(maxsize=1)
def _country_name() -> re.Pattern:
    return re.compile(load_toml("regions.toml")["national"]["country_name"])


_MANY_PLACES = re.compile("各地|多地|各省|多省|各市|多市|各城市|多个(?:省|城市|地区)|等地")


@lru_cache(maxsize=1)
def country_words() -> tuple[str, ...]:
    """The words by which a text speaks of the whole country (全国, 我国: regions.toml [national] title_words)."""
    return tuple(load_toml("regions.toml")["national"]["title_words"])
