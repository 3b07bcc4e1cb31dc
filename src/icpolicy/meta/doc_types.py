"""A document's type by the rules of data/doctypes.toml (detect_type), and whether its header reads as news
(news_header) or its text as a work report as delivered (is_report).  Used by document.py and doc_title.py."""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.data import load_toml
from icpolicy.meta import facts, regions
from icpolicy.models import Region
from icpolicy.text.normalize import nfkc, simplified


@lru_cache(maxsize=1)
def type_rules() -> dict:
    raw = load_toml("doctypes.toml")
    return {
        "types": [(t["name"], [re.compile(p) for p in t["patterns"]], t.get("where", "title"), t.get("national", ""), t.get("ministry", "")) for t in raw["type"]],
        "news": [re.compile(p) for p in raw["news"]["patterns"]],
        "news_type": raw["news"]["type"],
        "profile_type": raw["profile"]["type"],
        "headline": re.compile(raw["news"]["headline"]),
        "news_columns": tuple(raw["news"]["columns"]),
        "reply_columns": (raw["reply_columns"]["type"], tuple(raw["reply_columns"]["words"])),
        "report": [re.compile(p) for p in raw["report"]["structure"]],
        "report_type": raw["report"]["type"],
        "publishing": tuple(raw["title_ends"]["publishing"]),
        "forwarding": tuple(raw["title_ends"].get("forwarding", ())),
        "amending": tuple(raw["title_ends"].get("amending", ())),
        "own_heading": tuple(raw["title_ends"].get("own_heading", ())),
        "over_news": tuple(raw["title_ends"].get("over_news", ())),
        "conference": (re.compile(raw["title_ends"]["conference_title"]), int(raw["title_ends"]["conference_lines"])),
        "title_end": re.compile("(?:" + "|".join(raw["title_ends"]["words"]) + r")(（[^）]*）|\([^)]*\))?(（[^）]*）|\([^)]*\))?$"),
    }


@lru_cache(maxsize=512)
def _plain(text: str) -> str:
    # cached: the type rules read the same opening lines several times (news, report, type passes);
    # in simplified characters, as the rules are written (行動方案 is a 行动方案)
    return simplified(nfkc(text)).replace(" ", "")


def news_header(opening: list[str]) -> bool:
    """True when the header reads as a news item: a dateline, a byline, a media source line."""
    rules = type_rules()
    plain = [_plain(text) for text in opening[:8]]  # once per text, not once per pattern
    return any(p.search(text) and not _GOVERNMENT_SOURCE.search(text) for p in rules["news"] for text in plain)


# a page's info line naming a government body as its source (2026/02/14 09:30 来源：福建省工业和信息化厅) is a
# government site's, which publishes notices as well as news: it makes no text news by itself
_GOVERNMENT_SOURCE = re.compile(r"^[\d\s/\-.:年月日]*来源[:：]\s*[\u4e00-\u9fff]{2,20}?(?:人民政府|政府|办公厅|办公室|委员会|厅|局|委)\s*$")


def is_report(texts: list[str]) -> bool:
    """True when the text is a government work report as delivered (各位代表, 向大会报告…)."""
    patterns = type_rules()["report"]
    plain = [_plain(text) for text in texts[:60]]  # once per text, not once per pattern
    return any(p.search(text) for p in patterns for text in plain)


def detect_type(title: str, opening: list[str], region: Region = Region(), hints: dict | None = None, texts: list[str] | None = None, issuer: str = "", report: bool | None = None) -> str:
    """The document type by the rules in data/doctypes.toml (see the passes described there), or ""."""
    rules, hints = type_rules(), hints or {}
    texts = opening if texts is None else texts
    report = is_report(texts) if report is None else report
    conference, lines = rules["conference"]
    plain_title = _plain(title)
    heads = [plain_title] + ([_plain(text) for text in opening[:lines]] if conference.search(plain_title) else [])
    explains = next((name for name, patterns, _, _, _ in rules["types"] if name in rules["over_news"] and any(p.search(head) for p in patterns for head in heads)), "")
    if explains:
        return explains  # (…答记者问 under 来源：财政部税政司: an explainer, not news about one)
    reply, boards = rules["reply_columns"]
    if any(word in hints.get("column", "") for word in boards):
        return reply  # (咨询…补贴申报问题, filed under 留言回复: an answer to a letter)
    if (news_header(opening) or rules["headline"].search(_plain(title))) and not report and not facts.doc_number(title, opening, [], {}):
        return rules["news_type"]
    rule = _match_type(title, opening)
    found = rule[0] if rule else ""
    own_title = re.sub(r"[（(][^）)]*[）)]$", "", _plain(title)).endswith(rules["report_type"])
    if found == rules["report_type"] and not report and not own_title:
        # a title naming a report but ending on a type of its own (…关于政府工作报告的决议): that type; else news about it
        own = _by_title(title)
        return own[0] if own and own[0] != rules["report_type"] else rules["news_type"]
    if not found and (facts.is_news_source(hints.get("source", "")) or any(word in hints.get("column", "") for word in rules["news_columns"])):
        return rules["news_type"]
    if rule and region.path == regions.NATIONAL.path:
        _, _, _, national, ministry = rule
        by_ministry = ministry and issuer and not any(word in issuer for word in ("国务院", "中共中央", "全国人民代表大会"))
        return ministry if by_ministry else (national or found)
    return found


_BARE_PUBLISHED = re.compile("(?:" + "|".join(load_toml("doctypes.toml")["title_ends"]["publishing"]) + r")([^《》]{4,80}?)的(?:通知|决定|公告|通告)$")


# what may follow a text a title issues (关于印发《…》的通知, 《…》, 关于公布《…》的决定): the issuing notice's word, or nothing
_CARRIER = re.compile(r"的?(?:通知|决定|公告|通告|命令|令)?(?:（[^）]*）|\([^)]*\))?")


def _match_type(title: str, opening: list[str]) -> tuple | None:
    """The first rule of data/doctypes.toml that matches, in its three passes (see there)."""
    types = type_rules()["types"]
    header = [_plain(text) for text in [title] + opening[:5]]
    for rule in types:
        if rule[2] == "both" and any(p.search(text) for p in rule[1] for text in header):
            return rule
    found = _by_title(title)
    if found:
        return found
    body = [_plain(text) for text in opening]
    for rule in types:
        if rule[2] in ("both", "opening") and any(p.search(text) for p in rule[1] for text in body):
            return rule
    return None


def _by_title(title: str) -> tuple | None:
    """The rule the title's own words give (_match_type's second pass), or None."""
    types = type_rules()["types"]
    # the text a title publishes: in 《》, or written bare after the verb (关于印发江西省“十四五”…规划的通知)
    inner = re.findall(r"《([^》]+)》", title) or [m.group(1) for m in [_BARE_PUBLISHED.search(_plain(title))] if m]
    forwards = any(verb in _plain(title) for verb in type_rules()["forwarding"])
    inner = [] if forwards else inner  # a forwarding notice is its own 通知, whatever it forwards
    if inner and any(verb + "《" in title for verb in type_rules()["amending"]):
        inner = []  # 关于修改《…若干政策措施》的决定: a 决定 about that text, not the text
    if inner and "》" in title and not _CARRIER.fullmatch(_plain(title.rsplit("》", 1)[1])):
        inner = []  # a title about a text it names, not issuing it (关于检查《…法》实施情况的报告, 关于《…规划》的批复): its own words
    for texts in ([_plain(inner[-1])] if inner else [], [_plain(title)]):
        # the word a title ends on names it (关于…规划（2025—2030年）的批复 is a 批复), so of the
        # rules that match, the one matching last wins; file order breaks ties
        ends = [(max(m.end() for p in rule[1] for text in texts for m in p.finditer(text)), -i, rule)
                for i, rule in enumerate(types) if rule[2] != "opening" and any(p.search(text) for p in rule[1] for text in texts)]
        if ends:
            publishes = not forwards and any(verb in text for verb in type_rules()["publishing"] for text in texts)
            return max(ends, key=lambda e: (0, e[1]) if publishes else e[:2])[2]
    return None
