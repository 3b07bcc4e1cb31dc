"""What a paragraph's shape says, before its words are read: its numbering rank (第一章 above 一、 above （一） above
1.), a table row and the years its cells state, the years a table's header row gives its columns and its caption names, a heading's rank for the years it states, a lead that is a place's
name or a colon's, and a line naming places of several provinces.  Used by tagging.py and passage_years.py."""

from __future__ import annotations

import re

from icpolicy.meta import regions, years
from icpolicy.meta.facts import is_organ
from icpolicy.meta.mentions import common_prefix, covers
from icpolicy.meta.own_level import related
from icpolicy.meta.year_words import years_rule
from icpolicy.models import CELL_SEPARATOR as CELL

# a heading's rank when no markup gives one: 第一章 above 一、 above （一） above 1.
HEADING_RANKS = [re.compile(r"^第[一二三四五六七八九十百]+[章部分编]"), re.compile(r"^[一二三四五六七八九十]+[、.．]"),
                  re.compile(r"^[（(][一二三四五六七八九十]+[）)]"), re.compile(r"^\d{1,2}[、.．]")]




def is_row(text: str) -> bool:
    """A table row whose first cell, or the one after a number column, names a place (蒙自市 | 电子元器件 | 150亿元;
    3 | 无锡市 | 江阴市 | …), not a numbered heading (01 | 沈阳)."""
    cells = text.split(CELL)
    if len(cells) > 2 and cells[0].strip().isdigit():
        cells = cells[1:]  # a 序号 column first (10 | 徐州市 | 鼓楼区 | …)
    return len(cells) > 1 and bool(regions.gazetteer().find(cells[0]))

_PARK_AFTER = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:经济技术开发区|经济开发区|高新技术产业开发区|开发区|高新区|工业园区|工业园|产业园区|产业园|产业集聚区|集聚区|园区|科技园|科技城|产业基地|基地)")

def row_place(text: str, path: tuple[str, ...], run: bool = False) -> tuple[str, ...]:
    """The place a table row names in its cells that hold a place's name and nothing else (建设地点 `坪山区`; 所在市 `沈阳市`
    and 所在县 `铁西区`; `北海市铁山港区`), read together and resolved within `path` (the text's region) when they lie
    below it: `1 | 12英寸特色工艺晶圆生产线项目 | 坪山区 | …` in a 深圳 list is 坪山区's, however far along the row the cell
    stands; () when the row names none, or names places that do not agree (a header row).  With `run` (a list of
    several provinces), only the first run of place cells side by side: `江苏省 | 无锡市`, but `湖北 | 做强存储芯片… |
    武汉东湖新技术开发区` is 湖北's row, its park a detail."""
    if CELL not in text:
        return ()
    gaz = regions.gazetteer()
    named = []
    for cell in text.split(CELL):
        cell = cell.strip(" |")  # (a row's first and last cells keep its outer bars: `| 1` and `无锡市 |`)
        found = gaz.find(cell) if 2 <= len(cell) <= 24 else []
        if found and len(cell) <= 16 and regions.covers(found, cell):
            named.append(cell)
        elif found and found[0].start == 0 and _PARK_AFTER.fullmatch(cell, found[0].end):
            named.append(cell[:found[0].end])  # `来安县汊河经济开发区`: a park of the county, its site (since session 67)
        elif run and named:
            break
    if not named:
        return ()
    mentions = gaz.find("".join(named))
    found = gaz.resolve(mentions).path
    if run and found:
        found = _named_inside(text, named, found)
    if not (len(found) > len(path) and found[:len(path)] == path) and path:
        # a county by its short form (`昆山`, `江阴`) that only the text's own region supports
        inside = {p.path for m in mentions for p in m.places if len(p.path) > len(path) and p.path[:len(path)] == path}
        found = inside.pop() if len(inside) == 1 else found
    if found and path and not related(found, path) and len(named) == 1 and not mentions[0].short:
        return found  # `合肥封测基地 | 安徽省合肥市 | …` in a 江苏 firm's report: a place elsewhere, by its full name
    return found if len(found) > len(path) and found[:len(path)] == path else ()


def _named_inside(text: str, named: list[str], found: tuple[str, ...]) -> tuple[str, ...]:
    """The place inside found that the row's other cells open on (by a short name too, when it is one place inside found:
    `3 | 江苏省 | 昆山光电显示产业集群`; since session 59), what they share below found
    (`1 | 无锡市物联网集群 | 江苏省` and `4 | 江苏 | 无锡市新吴区集成电路…集群` in a national list: 无锡市, 新吴区; not
    `深圳市、东莞市、惠州市…集群`: several cities of the province; since sessions 58 and 59), else found: the cells before the
    place cells and the one right after them.  A cell further on is a detail (`沈阳 | 做强半导体装备… | 浑南区…产业园二期`:
    沈阳's row), and so is one that is a place's name and nothing else (`湖北 | 做强存储芯片… | 武汉东湖新技术开发区`) or a
    body's (`四川省 | 眉山经济开发区管委会`: the base's host)."""
    gaz = regions.gazetteer()
    inner: set[tuple[str, ...]] = set()
    cells = [cell.strip(" |") for cell in text.split(CELL)]
    last = max(i for i, cell in enumerate(cells) if cell in named)
    for cell in cells[:last + 2]:  # (those before the place cells, and the one right after them)
        mentions = gaz.find(cell) if cell not in named else []
        if not mentions or mentions[0].start or covers(mentions, cell) or is_organ(cell):
            continue
        if mentions[0].short and len({p.path for p in mentions[0].places if p.path[:len(found)] == found}) != 1:
            continue  # (a short name, 昆山光电显示产业集群 in 江苏省's row: only as one place of the province's)
        chain = 1  # (无锡市新吴区…, 深圳光明…: the district of the city written with it)
        while chain < len(mentions) and mentions[chain].start == mentions[chain - 1].end:
            chain += 1
        lead = [regions.Mention(m.start, m.end, m.text, tuple(p for p in m.places if p.path[:len(found)] == found) or m.places, m.short)
                for m in mentions[:chain]]
        named_first = gaz.resolve(lead).path or (lead[-1].places[0].path if len(lead[-1].places) == 1 else ())  # (昆山: a county's short name)
        paths = {named_first} | {p.path for m in mentions[chain:] for p in m.places}
        inner |= {path for path in paths if len(path) > len(found) and path[:len(found)] == found}
    shared = common_prefix(list(inner)) if inner else found
    return shared if len(shared) > len(found) else found


def listed_provinces(sentence: str) -> bool:
    """True when a sentence lists places of two provinces or more, one after the other (湖北省武汉市、湖南省长沙市;
    北京市亦庄、上海市张江): each a place of one province, with at most a few letters and a 、 between them.  Two joined
    by 和 or 与 are a subject and its partner (滁州市与南京江北新区共建…): the subject's."""
    found = [(m, province) for m in regions.gazetteer().find(sentence) if (province := _province_of(m))]
    return any(a[1] != b[1] and b[0].start - a[0].end <= _LIST_GAP and _LIST_MARK.search(sentence[a[0].end:b[0].start])
               for a, b in zip(found, found[1:]))


def _province_of(mention) -> str:
    """The province a listed name stands for: a place of one province by its full name, or a province by its short
    name (河北, 吉林, 内蒙古: 河北、内蒙古、吉林等地 lists provinces, not 天津's 河北区 or the city 吉林市); else ''."""
    if len(mention.places) == 1 and not mention.short:
        return mention.places[0].path[0]
    provinces = [place.path[0] for place in mention.places if len(place.path) == 1]
    return provinces[0] if len(provinces) == 1 else ""


_LIST_GAP, _LIST_MARK = 6, re.compile("、")


def rank_of(text: str) -> int:
    """A plain paragraph's numbering rank (HEADING_RANKS: 1 for 第一章 … 4 for 1.), 0 when unnumbered."""
    return next((i for i, p in enumerate(HEADING_RANKS, 1) if p.match(text)), 0)


def section_rank(text: str) -> float:
    """The rank of the section a paragraph opens: its numbering's (rank_of), or a box's (专栏2　大冶市：…), which the
    next numbered paragraph of the text's own numbering ends (（二）…, 三、…; not its own items, 1. …), 0 when neither."""
    return rank_of(text) or (BOX_RANK if _BOX.match(text) else 0)


_BOX = re.compile(r"^\s*专栏\s*[\d一二三四五六七八九十]{1,3}")
BOX_RANK = 3.5  # (below （一）, above 1.)


COLON_LEAD = re.compile(r"^[^，。：:]{2,12}[：:]")  # 珠三角：…
RANK_LEAD = re.compile(r"^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+[、.．]|\d{1,2}[、.．])[^。：:]{0,20}[。：:]")  # （一）壮大…集群。
_BRACKETED = re.compile(r"[（(][^）)]{1,16}[）)]")


def named_lead(text: str) -> bool:
    """True when a paragraph opens with a place's name as its own first sentence, after any numbering
    (（一）新吴区（无锡高新区）。集聚了…), or as the place its first clause frames (在璧山区，某某某来到…: a visit's stop): it
    names its subject, not a place in passing."""
    rank = rank_of(text)
    rest = HEADING_RANKS[rank - 1].sub("", text, count=1) if rank else text
    first = _BRACKETED.sub("", re.split("[。：:]", rest, maxsplit=1)[0]).strip()
    if 1 < len(first) <= 12 and regions.gazetteer().lookup(first):
        return True
    framed = re.split("[，,]", rest, maxsplit=1)[0].strip()
    return framed.startswith("在") and 2 < len(framed) <= 13 and bool(regions.gazetteer().lookup(framed[1:]))


def row_years(text: str) -> tuple[int, ...]:
    """A table row's years in figures (重点项目清单's 天元区 | 2024—2025年 | …: its own 建设年限; a cell of a span alone,
    2024—2026, too), which it speaks for alone, else (); not a header row naming what its columns hold (2025年基数 | 2028年目标)."""
    if " | " not in text or _HEADER_CELL.search(text) or _FROM_ON.search(text):
        return ()  # (2026年起每年, 2026年起持续推进: from then on, the document's years, not the one)
    spans = [range(int(m.group(1)), int(m.group(2)) + 1) for cell in text.split(" | ") for m in [_RANGE_CELL.match(cell)]
             if m and int(m.group(1)) < int(m.group(2)) <= int(m.group(1)) + 10]
    return tuple(sorted(set(years.stated(text)).union(*spans))) if spans else years.stated(text)


def column_years(text: str) -> tuple[int, ...]:
    """The years a table's header row gives its columns, one a column (指标 | 2022年 | 2023年 | 2024年), when every cell
    after the first is a year and nothing else (or a change or a note: _CHANGE_CELL), else (): the rows under it speak for
    them (PassageYears._column_years)."""
    cells = text.split(CELL)[1:]
    found = [_YEAR_CELL.match(cell) for cell in cells]
    # (a column of the change after them, 指标 | 2023年 | 2024年 | 增长: the years' columns all the same; since session 50)
    years_found = [m for m in found if m]
    # (… or a column of words after them, 省份 | 2023年营收 | 2024年营收 | 特色领域: since session 62)
    return tuple(sorted({int(m.group(1)) for m in years_found})) if len(years_found) >= 2 \
        and all(_CHANGE_CELL.match(cell) or (k > max(i for i, m in enumerate(found) if m) and not _DIGIT.search(cell)) for k, cell in enumerate(cells) if not found[k]) else ()


def one_year_column(text: str) -> int:
    """The year of a table's header row that names one column of figures by a year and nothing ahead (排名 | 企业名称 | 所在地 |
    2024年营收（亿元） | 同比增长): the rows under it report that year's figures, when it is before their text's; else 0
    (PassageYears._column_years; since session 63)."""
    cells = text.split(CELL)[1:]
    found = [_YEAR_CELL.match(cell) for cell in cells]
    at = [k for k, m in enumerate(found) if m]
    if len(at) != 1 or _AHEAD_CELL.search(cells[at[0]]) or any(_DIGIT.search(cell) for cell in cells[:at[0]]):
        return 0
    return int(found[at[0]].group(1)) if all(_CHANGE_CELL.match(cell) or not _DIGIT.search(cell) for cell in cells[at[0] + 1:]) else 0


_AHEAD_CELL = re.compile(r"目标|计划|预计|预期|规划|力争")


def span_columns(text: str) -> tuple[int, int] | None:
    """The start and end columns a table's header row names (序号 | 项目名称 | … | 开工年份 | 竣工年份: 4 and 5; one
    column of both, 建设年限: 4 and 4; data/years.toml [table_span]), or None."""
    cells = text.split(CELL)
    start = next((k for k, cell in enumerate(cells) if years_rule("table_span", "start").search(cell)), None)
    end = next((k for k, cell in enumerate(cells) if start is not None and k > start and years_rule("table_span", "end").search(cell)), None)
    if end is None:  # (one column of the span, 建设年限: its row's 2024—2026)
        both = next((k for k, cell in enumerate(cells) if years_rule("table_span", "both").search(cell)), None)
        return (both, both) if both is not None else None
    return (start, end)


def row_span(text: str, columns: tuple[int, int]) -> tuple[int, ...]:
    """The years from a row's start cell's year through its end cell's last (2024 | 2026, 2024年3月 | 2026年6月, one cell
    2024—2026: 2024–2026),
    or () when either holds no year or the end comes first."""
    cells = text.split(CELL)
    if max(columns) >= len(cells):
        return ()
    first, last = years.ANY_YEAR.search(cells[columns[0]]), ([None] + list(years.ANY_YEAR.finditer(cells[columns[1]])))[-1]
    if not (first and last) or not int(first.group(1)) <= int(last.group(1)) <= int(first.group(1)) + 10:
        return ()
    return tuple(range(int(first.group(1)), int(last.group(1)) + 1))


def caption_years(text: str) -> tuple[int, ...]:
    """The years a table's caption names (表1　…主要指标（2022—2024年）), which its table, and so the caption, speaks for
    alone; () for any other paragraph, or a caption naming a target's end (表2　到2027年主要目标)."""
    label = _CAPTION.match(text)
    if not label:
        return ()
    named = years.stated(text[label.end():])  # (read after the label: 表3　2025年… is no 表32025年)
    return named if named and not _TARGET_CAPTION.search(text) else ()


_DIGIT = re.compile(r"\d")
_CHANGE_CELL = re.compile(r"^\s*(?:同比)?(?:增长|增速|增幅|增减|变化|变动|增长率|增减率)?(?:率|幅度)?\s*[（(]?%?[）)]?\s*$|^\s*(?:备注|单位)\s*$"
                          # (a plan's review: its base year's column, 2020年（基期）, and its verdict's, 进度评价: since session 51)
                          r"|^\s*(?:(?:19|20)\d{2}\s*年?\s*[（(]?(?:基期|基准年?|基数)[）)]?|(?:进度|完成)?(?:评价|情况|进度))\s*$")
# (a year's column with what its figure is, 2025年目标, 2025年（预计）, 2024年1—9月: since session 51; or the figure's name
# and unit, 2024年营业收入（亿元）: since session 58)
_YEAR_CELL = re.compile(r"^\s*((?:19|20)\d{2})\s*年?度?\s*(?:底|末)?\s*(?:[（(]?(?:目标值?|预计值?|预期|计划|实际|完成值?)[）)]?"
                        r"|上半年|下半年|前三季度|1\s*[-—–~～至]\s*\d{1,2}\s*月|(?!年|度|基期|基准|基数)[\u4e00-\u9fff]{2,12}\s*(?:[（(][^）)\d]{1,8}[）)])?)?\s*$")
_CAPTION = re.compile(r"^\s*(?:附)?表\s*[\d一二三四五六七八九十]{1,3}(?:[-－.．]\d{1,2})?(?=[\s　:：、.．]*[\u4e00-\u9fff（(]|[\s　:：、.．]+\d)")
_TARGET_CAPTION = re.compile(r"(?:到|至|力争|目标)")
_HEADER_CELL = re.compile("目标|基数|预期|现状|完成值")
_FROM_ON = re.compile(r"(?:19|20)\d{2}\s*年\s*(?:起\s*(?:每年|逐年|持续|长期|[，,。；;]|$)|以后)")
# a cell that is a span of years and nothing else (建设年限 2024—2026, 2025-2027): the row's years without 年
_RANGE_CELL = re.compile(r"^\s*((?:19|20)\d{2})\s*[—–\-~～至到]+\s*((?:19|20)\d{2})\s*$")


def heading_rank(text: str, level: int) -> float:
    """A heading's rank for the years it states: its level, then its numbering (headings flattened to one level,
    ## 一、2024年预算执行情况 then ## （一）… in markdown, keep their order); a numbered body line (level 0) ranks by
    its numbering alone, an unnumbered one below every numbering."""
    numbered = rank_of(text)
    return (level + numbered / 10) if level else (numbered or len(HEADING_RANKS) + 1)


def apart(text: str) -> bool:
    """True when a line names places in different provinces by their full names."""
    return len({m.places[0].path[0] for m in regions.gazetteer().find(text) if not m.short and len(m.places) == 1}) > 1
