"""Document facts: 发文字号, 发文机关 and 成文日期, wherever the text or its container states them.

Sources, strongest first: a labelled field (发文字号：…), a law's adoption statement, the
letterhead and header block, the signature and date at the end, the title (X关于印发…),
and last the container's hints (front matter, HTML <meta>).  Patterns: data/metadata.toml.
"""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.meta import dates, regions, years
from icpolicy.data import load_toml
from icpolicy.models import SENTENCE_ENDS
from icpolicy.text.normalize import simplified

TAIL = 10
_SENTENCE_ENDS = tuple(SENTENCE_ENDS)
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}\s*[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*第?\s*\d{1,4}\s*号|[\u4e00-\u9fff]{2,20}令\s*[（(]?第\s*\d{1,4}\s*号[）)]?")


def organ_rules() -> dict:
    """The patterns of bodies' names (organ_line: a line that is one; organ_title: a title a body opens) and of a
    document's labelled fields, news sources, citations and speakers (data/metadata.toml)."""
    return _rules()


@lru_cache(maxsize=1)
def _rules() -> dict:
    raw = load_toml("metadata.toml")
    suffixes = "|".join(sorted(raw["organs"]["suffixes"], key=len, reverse=True))
    words = "|".join(map(re.escape, raw["organs"]["not_organs"]))  # 布局, 西部, 展厅: words, not bodies
    spaced = {field: ["\\s*".join(map(re.escape, name)) for name in names] for field, names in raw["labels"].items()}  # 文  号
    # (a value ends at the next label on its line: 发布机构：南宁市工业和信息化局　发布日期：2025-03-20)
    others = "|".join(sorted({name for names in raw["labels"].values() for name in names} | set(raw["page_labels"]), key=len, reverse=True))
    labels = {field: re.compile(r"(?:^|[\s|【\[])(?:" + "|".join(names) + r")\s*[】\]]?\s*[:：|]?\s*\|?\s*([^|]{2,60}?)\s*"
                                r"(?:\||$|(?=\s(?:" + others + r")\s*[:：]))")
              for field, names in spaced.items()}
    return {
        # (not a numbered heading: （一）共建水乡客厅, 二、…办)
        "organ_line": re.compile(rf"^(?!.*(?:{words})$)(?![（(][一二三四五六七八九十\d]{{1,3}}[）)]|[一二三四五六七八九十]{{1,3}}、)((?:中共)?[\u4e00-\u9fff（）()A-Za-z0-9]{{1,40}}?(?:{suffixes}))(?:文件)?$"),  # (G60科创走廊联席会议办公室)
        # (a speech's byline: the body, its officer's posts, the name; cut at the body's last suffix before the posts)
        "officer": re.compile(rf"^(.{{2,40}}?(?:{suffixes}))(?:党组|党委|党工委)?(?:[、]?(?:副|常务副|代理)?(?:{'|'.join(raw['organs']['offices'])}))+\s*[\u4e00-\u9fff·]{{2,4}}$"),
        "organ_title": re.compile(rf"^((?:中共)?[\u4e00-\u9fff（）()、]{{1,40}}?(?:{suffixes}))(?:关于|印发)"),
        "labels": labels,
        "full_forms": tuple(raw["organs"].get("full_forms", {}).items()),
        "statements": [(re.compile(s["pattern"]), s.get("issuer", ""), s.get("number", "")) for s in raw.get("statement", [])],
        "news": tuple(raw["news"]["sources"]),
        "citation": re.compile(raw["citation"]["pattern"]),
        "speaker": (re.compile(raw["speaker"]["pattern"]), frozenset(raw["speaker"]["levels"]), raw["speaker"]["within"],
                    tuple(raw["speaker"]["bodies"]), raw["speaker"]["chiefs"]),
    }


def speaker(texts: list[str], place: tuple[str, ...]) -> str:
    """The government a delivered report speaks for ([speaker] of metadata.toml), or ""."""
    pattern, levels, within, bodies, chiefs = _rules()["speaker"]
    for text in texts[:within]:
        match = pattern.search(text.replace(" ", ""))
        if match:
            organ = match.group("organ") or match.group("byline") or chiefs[match.group("chief")]  # (省长 许昆林: 省人民政府)
            body = next((b for b in bodies if organ.endswith(b)), "")
            level = organ.removesuffix(body)
            if body and level in levels:
                # the place of that level: a 旗's report whose text named only its city has none
                own = next((place[:i] for i in range(len(place), 0, -1)
                            if place[i - 1].endswith(level) and not (level == "区" and place[i - 1].endswith("自治区"))), ())
                return _full_name(own) + body if own else ""
            return organ
    return ""


def _full_name(place: tuple[str, ...]) -> str:
    """A government's place as its name writes it: a district with its city (北京市顺义区, 南京市鼓楼区),
    a county, city or province alone (昆山市, 延边朝鲜族自治州)."""
    return "".join(place[-2:]) if len(place) > 1 and place[-1].endswith("区") else place[-1]


def without_citations(text: str) -> str:
    """The text with cited documents' bracketed histories left out ([citation] of metadata.toml)."""
    return _rules()["citation"].sub(r"\1", text) if "》" in text else text


_ORDER = re.compile(r"^(.{2,30}?)令$")
_ORDER_NUMBER = re.compile(r"^[（(]?第\s*\d{1,4}\s*号[）)]?$")
# a promulgation: X公告 or X令, （第N号）, then a statement that 《Y》 is hereby published
_PROMULGATION = re.compile(r"^.{2,30}?(?:公告|令)$")
_PUBLISHED = re.compile(r"(?:现予|予以)公布")


def promulgation(lines: list[str]) -> int:
    """The index of a promulgation's header (无锡市人民代表大会常务委员会公告 / （第15号） / 《…条例》已由…
    通过，…现予公布), or -1: the text it publishes is the document, dated by the header's signature."""
    for i, text in enumerate(lines[:-2]):
        if _PROMULGATION.match(text.replace(" ", "")) and _ORDER_NUMBER.match(lines[i + 1].replace(" ", "")) \
                and any(_PUBLISHED.search(line) for line in lines[i + 2:i + 5]):
            return i
    return -1


def _merge_orders(opening: list[str]) -> list[str]:
    """"上海市人民政府令" on one line and "（第19号）" on the next read as one line; a letterhead and the
    number on one line (无锡市人民政府文件　锡政发〔2025〕12号) as two."""
    out: list[str] = []
    for text in opening:
        if out and _ORDER.match(out[-1]) and _ORDER_NUMBER.match(text.replace(" ", "")):
            out[-1] = out[-1] + text.replace(" ", "").strip("（）()")
        else:
            out.extend(_letterhead_and_number(text))
    return out


def _letterhead_and_number(text: str) -> list[str]:
    """[letterhead, number] when text is a letterhead (a body's name and 文件) followed by a 发文字号, else [text]."""
    head, end, number = text.replace(" ", "").replace("\u3000", "").partition(_LETTERHEAD_END)
    if end and number.endswith("号") and _rules()["organ_line"].match(head + end) and DOC_NUMBER.fullmatch(number):
        return [head + end, number]
    return [text]


_LETTERHEAD_END = "文件"


def _labelled(field: str, texts: list[str]) -> str:
    pattern = _rules()["labels"][field]
    for text in texts:
        match = pattern.search(text)
        if match:
            return match.group(1).strip()
    return ""


def _statement(texts: list[str]) -> tuple[str, str, str]:
    """(issuer, ISO date, number) from a law's adoption or promulgation statement; of several
    (adopted, then revised) in the first text that has one, the latest that is not an approval."""
    for text in texts:
        plain = text.replace(" ", "").replace("\u3000", "")
        found = []
        for pattern, issuer, number in _rules()["statements"]:
            for match in pattern.finditer(plain):
                groups = {k: v or "" for k, v in match.groupdict().items()}
                _, date = years.first_date([groups.get("date", "")])
                # a province's approval of a city's law (…批准) neither issues nor dates it
                approval = match.group().endswith("批准")
                found.append((not approval, date, issuer.format(**groups), number.format(**groups) if number else ""))
        if found:
            _, date, issuer, number = max(found, key=lambda item: item[:2])
            return issuer, date, number
    return "", "", ""


def is_organ(text: str) -> bool:
    """True when a line is nothing but the name of an issuing body."""
    return bool(_rules()["organ_line"].match(text.replace(" ", "")))


def is_news_source(text: str) -> bool:
    """True when a source or byline names a news outlet."""
    return any(word in text for word in _rules()["news"])


_STATE = "中华人民共和国"  # 中华人民共和国国务院令 / 中华人民共和国国务院: cited as 国务院令, 国务院


def _unprefixed(name: str) -> str:
    return name[len(_STATE):] if name.startswith(_STATE) and len(name) > len(_STATE) + 2 else name


def doc_number(title: str, opening: list[str], tail: list[str], hints: dict) -> str:
    """The 发文字号 (青府办发〔2023〕25号, 上海市人民政府令第19号) if the document states one."""
    return _unprefixed(_without_issuer(_doc_number(title, opening, tail, hints)))


# an issuer's name run into its 文号 (a line 中卫市人民政府办公室 卫政办发〔2023〕41号, its space gone): a division's
# name, a body's name ending like one (人民政府办公室, 科学技术局), then the 文号's own prefix
_RUN_IN_ISSUER = re.compile(r"^[\u4e00-\u9fff]*?[省市区县州盟旗][\u4e00-\u9fff]*?(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|委员会|管委会|局|厅)"
                            r"(?=[\u4e00-\u9fff]{2,6}[〔\[［【(（])")


def _without_issuer(number: str) -> str:
    """A 文号 without the issuer's name a line ran into it (市人民政府办公室卫政办发〔2023〕41号: 卫政办发〔2023〕41号)."""
    match = _RUN_IN_ISSUER.match(number) if len(number) > 14 else None
    return number[match.end():] if match else number


def _doc_number(title: str, opening: list[str], tail: list[str], hints: dict) -> str:
    opening = _merge_orders(opening)
    labelled = _labelled("doc_number", opening + tail)
    if labelled and DOC_NUMBER.search(labelled):
        return re.sub(r"\s+", "", DOC_NUMBER.search(labelled).group())
    _, _, number = _statement(opening)
    if number:
        return number
    if number := _number_in(title):
        return number
    if opening and hints.get("doc_number"):
        return hints["doc_number"]  # a page's labelled field (发文字号：苏府〔2025〕88号) before a number its text cites (since session 59)
    for text in opening:
        if number := _number_in(text):
            return number
    for text in tail:
        match = DOC_NUMBER.fullmatch(text.strip("（）() "))
        if match:
            return re.sub(r"\s+", "", match.group())
    return hints.get("doc_number", "")


def _number_in(text: str) -> str:
    """The first 文号 a line holds, its spaces dropped, or ""."""
    match = DOC_NUMBER.search(text) if "号" in text else None  # every number ends with 号: most lines skip the scan
    return re.sub(r"\s+", "", match.group()) if match else ""


def issuer(title: str, opening: list[str], tail: list[str], hints: dict) -> str:
    """The 发文机关 (see module docstring)."""
    found = _issuer(title, opening, tail, hints)
    joint = byline_signers([found]) if found else []
    if len(joint) > 1:
        return "、".join(_unprefixed(part) for part in joint)  # a joint text's bodies, one after another
    for short, full in _rules()["full_forms"]:
        if found.endswith(short) and any(line.replace(" ", "") == found[: -len(short)] + full for line in tail):
            found = found[: -len(short)] + full  # the title's 管委会, signed 管理委员会
    return _unprefixed(_signed_in_full(found, tail))


def _signed_in_full(found: str, tail: list[str]) -> str:
    """The body as its signature writes it with its place in front (the title's 通州区人民政府, signed 南通市通州区人民政府:
    a name several places share, settled by its city), else found."""
    for line in tail:
        plain = line.replace(" ", "").replace("\u3000", "")
        place = plain[: -len(found)] if found and plain.endswith(found) and len(plain) > len(found) else ""
        if place and _rules()["organ_line"].match(plain) and any(m.start == 0 and m.end == len(place) for m in regions.gazetteer().find(place)):
            return plain
    return found


def signers(tail: list[str]) -> list[str]:
    """The bodies that sign a text: the lines of bodies' names (organ_line) just above its last date
    line (a joint notice's several departments), top to bottom; [] when it has no such block."""
    organ = _rules()["organ_line"]
    for i in range(len(tail) - 1, 0, -1):
        if dates.line_date(tail[i]) or years.signed_year([tail[i]]):
            names = []
            for text in reversed(tail[:i]):
                match = organ.match(text.replace(" ", ""))
                parts = byline_signers([text])  # (several bodies on one line: each; one too long together for one name too, since session 52)
                if not match and not parts:
                    break
                names.extend(reversed(parts or [match.group(1)]))
            return names[::-1]
    return []


_BYLINE_GAP = re.compile(r"[\s\u3000、]+")


def byline_signers(opening: list[str]) -> list[str]:
    """The bodies a joint text names on one line under its title (北京市经济和信息化局　天津市工业和信息化局　河北省
    工业和信息化厅, the spaces between ideographs gone once cleaned): a line of its first four that is two or more
    bodies' names (organ_line), apart or each opening with a place's full name; [] when none is."""
    organ = _rules()["organ_line"]
    for text in opening[:4]:
        parts = [part for part in _BYLINE_GAP.split(text.strip()) if part]
        if len(parts) < 2:
            starts = sorted({m.start for m in regions.gazetteer().find(parts[0]) if not m.short and m.start}
                            | {m.start() for m in regions.SAR_NAME.finditer(parts[0]) if m.start()}) if parts else []
            parts = [parts[0][a:b] for a, b in zip([0, *starts], [*starts, None])] if starts else parts
        if len(parts) >= 2 and all(organ.match(part) for part in parts):
            return parts
    return []


_SPEECH = re.compile(r"(?:讲话|致辞|发言|演讲)(?:稿)?(?:[（(][^）)]*[）)])?$")  # a speech's title
_SURVEY_TEAM = re.compile(r"(?<=统计局)国家统计局[\u4e00-\u9fff]{2,10}调查(?:总)?队$")
_DATED_BYLINE = re.compile(r"(?<=[局委办厅府会院部处室])(?:(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日$")


def _issuer(title: str, opening: list[str], tail: list[str], hints: dict) -> str:
    labelled = hints.get("stated_issuer") or _labelled("issuer", opening + tail)  # (the front matter's 发文机关; a label)
    if labelled:
        return labelled
    found, _, _ = _statement(opening)
    if found:
        return found
    organ = _rules()["organ_line"]
    for text in _merge_orders(opening):
        plain = _DATED_BYLINE.sub("", text.replace(" ", "").replace("\u3000", ""))  # (无锡市工业和信息化局 2025年4月20日 under a title)
        plain = _SURVEY_TEAM.sub("", plain)  # 江西省统计局国家统计局江西调查总队: a bulletin's two issuers, the first the government's
        order = _ORDER.match(re.sub(r"第\d{1,4}号$", "", plain))
        match = organ.match(order.group(1) if order else plain)
        if match:
            return match.group(1)
        officer = _SPEECH.search(title) and _rules()["officer"].match(plain)
        if officer and organ.match(officer.group(1)):
            return officer.group(1)
    match = _rules()["organ_title"].match(title.replace(" ", ""))
    if match and not match.group(1).startswith("《"):
        return match.group(1)
    for i, text in enumerate(tail):
        if (dates.line_date(text) or years.signed_year([text])) and i > 0:  # (dated by month alone too: 二〇二四年九月)
            match = organ.match(tail[i - 1].replace(" ", ""))
            if match:
                return match.group(1)
    for text in reversed(tail):  # a signature on one line: 杭州市西湖区科学技术局　2025年3月3日
        plain = dates.plain(text)
        date = dates.SIGNED.search(plain)
        match = organ.match(plain[:date.start()]) if date and date.start() > 2 else None
        if match:
            return match.group(1)
    if hints.get("issuer"):
        return hints["issuer"]
    source = hints.get("source", "")
    if source and organ.match(source) and not is_news_source(source):
        return source
    # an undated signature: the text's last line is a body's name alone (苏州工业园区管理委员会), or in brackets (（万载县统计局）)
    match = organ.match(_BRACKETED.sub(r"\1", tail[-1].replace(" ", ""))) if len(tail) > 1 else None
    return match.group(1) if match else ""


_BRACKETED = re.compile(r"^[（(]([^（）()]{2,40})[）)]$")


def issued(opening: list[str], tail: list[str], hints: dict, news: bool = False) -> str:
    """The 成文日期 as an ISO date (see module docstring), or "".  For news the container's
    date (front matter, <meta>) comes before dates in the text, which are the events'."""
    labelled = _labelled("date", opening + tail)
    if labelled:
        date = dates.line_date(labelled) or _iso(labelled)
        if date:
            return date
    start = promulgation(opening)
    if start >= 0:
        # a promulgation is dated by its signature, not by the adoption it reports
        date = next((dates.line_date(text) for text in opening[start + 2:] if len(text) <= 16 and dates.line_date(text)), "")
        if date:
            return date
    _, date, _ = _statement(opening)
    if date:
        return date
    if news and hints.get("date"):
        return hints["date"]
    for text in reversed(tail):
        date = dates.line_date(text) or delivered(text)
        if date:
            return date
    for text in opening:
        date = dates.line_date(text)
        if date:
            return date
    labelled = _labelled("published", opening + tail)
    date = labelled and (dates.line_date(labelled) or _iso(labelled))
    if date:
        return date
    # a header line's date (——2024年3月5日在…大会上) before the container's; a date inside a
    # body sentence (对2024年1月1日至…期间…) is an event's, after it
    _, date = years.first_date([text for text in opening if not text.rstrip().endswith(_SENTENCE_ENDS)])
    if date or hints.get("date"):
        return date or hints["date"]
    _, date = years.first_date(opening)
    return date


# a report's delivery line, at its head or its end: （2023年1月6日在晋江市第十八届人民代表大会第三次会议上）
_DELIVERY = re.compile(r"^[（(—\-－\s]*((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*在.{2,50}?(?:人民代表大会|会议)[^）)]{0,12}上[）)]?$")


def delivered(text: str) -> str:
    """The date of a report's delivery line, or ""."""
    match = _DELIVERY.match(text.strip())
    return _iso(match.group(1)) if match else ""


def _iso(text: str) -> str:
    match = re.search(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})", text)
    if not match:
        return ""
    year, month, day = (int(g) for g in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else ""


TRADITIONAL = 5  # distinct characters simplified in a document's head and tail that make it one written in traditional script


def issuer_and_number(title: str, opening: list[str], tail: list[str], hints: dict) -> tuple[str, str]:
    """The issuer and 文号, read in simplified script when the document is written in traditional (鄭政辦發〔2025〕7號:
    郑政办发〔2025〕7号, by 郑州市人民政府办公室); a simplified text is read as it stands (乾县, however often it is
    named, is no 干县: one character that t2s would change, where a traditional text has many)."""
    head = [title, *opening, *tail]
    if in_traditional(head):
        simple = [simplified(text) for text in head]
        title, opening, tail = simple[0], simple[1:1 + len(opening)], simple[1 + len(opening):]
    return issuer(title, opening, tail, hints), doc_number(title, opening, tail, hints)


def in_traditional(texts: list[str]) -> bool:
    """True when texts are written in traditional script: TRADITIONAL distinct characters or more that t2s changes
    (one, as 乾县's 乾, does not make a simplified text traditional)."""
    changed: set[str] = set()
    for text in texts:
        plain = simplified(text)
        if plain is not text:  # (most text holds no traditional character: simplified returns it as it is)
            changed.update(a for a, b in zip(text, plain) if a != b)
            if len(changed) >= TRADITIONAL:
                return True
    return False
