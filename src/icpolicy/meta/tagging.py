"""Metadata: a document's title, type, region, years, number, issuer and date, and each passage's keys.

Document region comes from the title and issuer, then the congress dateline, then national
markers, then the opening lines, then the file name.  Passages inherit it; in news round-ups
(many regions in one file) a heading such as "北京：…" or "## 天津市", or a paragraph opening
"1月23日，在广东省第十四届人民代表大会…", sets the region (and report year) for what follows
until the next one.  In a single-region document a passage can only narrow the region (a 区
inside its 市), never move it: 上海 mentioned in a 青浦 plan stays 青浦.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import lru_cache
from importlib import resources

from icpolicy.meta import regions, sectors, years
from icpolicy.models import DocMeta, Passage, Region
from icpolicy.text.normalize import normalise

OPENING = 12
_JUNK_LINE = re.compile(r"^(【法宝引证码】|原文链接|来源[:：]|新华社.{0,12}电$|.{0,40}摄$|发布时间|信息来源|字号|打印|关闭|责任编辑|索引号|主题分类|发文机关|成文日期|发布日期|各位代表[:：]?$)")
_TYPE_END = re.compile(r"(通知|方案|意见|办法|条例|报告|规划|公报|决定|政策|措施|计划|纲要|规定|细则|批复|要点|(工作)?报告)(（[^）]*）|\([^)]*\))?(（[^）]*）|\([^)]*\))?$")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}\s*[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*第?\s*\d{1,4}\s*号|[\u4e00-\u9fff]{2,20}令\s*[（(]?第\s*\d{1,4}\s*号[）)]?")
_ISSUER_LINE = re.compile(r"^([\u4e00-\u9fff（）()]{3,40}?(人民政府办公室|人民政府办公厅|人民政府|办公厅|办公室|委员会|管理局|统计局|工作委员会|领导小组|[局厅委办]))(文件)?$")
_ISSUER_TITLE = re.compile(r"^([\u4e00-\u9fff（）()]{2,40}?)(关于)?印发")
_CONGRESS = re.compile(r"在(.{0,24}?)第?[一二三四五六七八九十]{1,3}届(?:全国)?人民代表大会")
_SECTION_OPEN = re.compile(r"^(?:(?:19|20)\d{2}年)?(?:\d{1,2}月\d{1,2}日)?[,，]?\s*(?:在)?")
_SENTENCE_END = "。；;！？!?"


@lru_cache(maxsize=1)
def _type_rules() -> list[tuple[str, list[re.Pattern], str]]:
    with resources.files("icpolicy.data").joinpath("doctypes.toml").open("rb") as fh:
        raw = tomllib.load(fh)
    return [(t["name"], [re.compile(p) for p in t["patterns"]], t.get("where", "title")) for t in raw["type"]]


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace(" ", "")


def detect_title(declared: str, paragraphs: list[tuple[str, int]], stem: str) -> str:
    """The document's title: declared by the container, a top heading, or the first title-like lines."""
    if declared.strip():
        return declared.strip()
    for text, level in paragraphs[:OPENING]:
        if level == 1:
            return text
    lines = [text for text, _ in paragraphs[:OPENING] if not _JUNK_LINE.match(text)]
    for i, line in enumerate(lines):
        if len(line) > 80 or line[-1] in _SENTENCE_END or line[-1] in ":：" or _DOC_NUMBER.fullmatch(line):
            continue
        title, j = line, i
        while not _TYPE_END.search(title) and j + 1 < len(lines) and len(title) < 90:
            nxt = lines[j + 1]
            if len(nxt) > 45 or nxt[-1] in _SENTENCE_END or _DOC_NUMBER.search(nxt) or years.first_date([nxt])[0]:
                break
            title, j = title + nxt, j + 1
        if _TYPE_END.search(title) or "政府工作报告" in title:
            return title
    for text in lines[:1]:
        if text[-1] not in ":：":
            first = re.split(r"(?<=[。！？!?])", text)[0]
            return first if len(first) <= 60 else first[:40] + "…"
    return stem


def detect_type(title: str, opening: list[str]) -> str:
    """The document type by the rules in data/doctypes.toml (see the passes described there), or ""."""
    rules = _type_rules()
    header = [_plain(text) for text in [title] + opening[:5]]
    for name, patterns, where in rules:
        if where == "both" and any(p.search(text) for p in patterns for text in header):
            return name
    inner = re.findall(r"《([^》]+)》", title)
    for texts in ([inner[-1]] if inner else [], [title]):
        for name, patterns, where in rules:
            if where != "opening" and any(p.search(_plain(text)) for p in patterns for text in texts):
                return name
    body = [_plain(text) for text in opening]
    for name, patterns, where in rules:
        if where in ("both", "opening") and any(p.search(text) for p in patterns for text in body):
            return name
    return ""


def detect_doc_number(title: str, opening: list[str]) -> str:
    """The 发文字号 (青府办发〔2023〕25号, 上海市人民政府令第19号) if the text has one."""
    for text in [title] + opening:
        match = _DOC_NUMBER.search(text)
        if match:
            return re.sub(r"\s+", "", match.group())
    return ""


def detect_issuer(title: str, opening: list[str]) -> str:
    """The 发文机关: a letterhead or signature line, or the body named before 印发 in the title."""
    for text in opening:
        match = _ISSUER_LINE.match(text)
        if match:
            return match.group(1)
    match = _ISSUER_TITLE.match(title)
    if match and not match.group(1).startswith("《"):
        return match.group(1)
    return ""


def detect_region(title: str, issuer: str, opening: list[str], stem: str) -> Region:
    """The document's region (see module docstring)."""
    gaz = regions.gazetteer()
    found = gaz.resolve(gaz.find(title + " " + issuer))
    if found.path:
        return found
    for text in opening[:6]:
        match = _CONGRESS.search(text)
        if match:
            if "全国" in match.group(0):
                return regions.NATIONAL
            found = gaz.resolve(gaz.find(match.group(1)))
            if found.path:
                return found
    head = title + "\n" + "\n".join(opening[:4])
    if any(marker in head for marker in gaz.national_markers) or "全国" in title:
        return regions.NATIONAL
    for text in opening[:6]:
        if _JUNK_LINE.match(text):
            continue
        found = gaz.resolve([m for m in gaz.find(text[:60]) if not m.short or len(m.places) == 1])
        if found.path:
            return found
    return gaz.resolve(gaz.find(stem))


def detect_years(title: str, doc_type: str, opening: list[str], body: list[str], stem: str, roundup: bool) -> tuple[tuple[int, ...], str]:
    """(policy years, issue date) of a document."""
    year, issued = years.first_date(opening)
    plan = years.plan_range(title)
    if plan:
        return plan, issued
    if doc_type == "政府工作报告":
        found = years.report_year(title, opening, body, stem)
        if found:
            return (found,), issued
    if roundup:
        found = years.roundup_year(opening, body)
        if found:
            return (found,), issued
    found = years.title_year(title) or year or years.filename_year(stem)
    return ((found,) if found else ()), issued


def _section_region(text: str, heading: int) -> Region:
    """A region that opens a heading or a section paragraph ("北京：…", "1月23日，在广东省…")."""
    gaz = regions.gazetteer()
    is_heading = heading > 0 or (len(text) <= 40 and text[-1] not in _SENTENCE_END)
    opener = _SECTION_OPEN.match(text)
    start = opener.end() if opener else 0
    mentions = gaz.find(text[start : start + 12] if not is_heading else text[:12])
    if not mentions or mentions[0].start != 0:
        return Region()
    return gaz.resolve([mentions[0]])


def _is_within(inner: Region, outer: Region) -> bool:
    return len(inner.path) > len(outer.path) and inner.path[: len(outer.path)] == outer.path


def describe(declared_title: str, paragraphs: list[tuple[str, int]], stem: str) -> tuple[DocMeta, bool]:
    """The document's facts, and whether it is a round-up of many regions."""
    texts = [text for text, _ in paragraphs]
    opening = texts[:OPENING]
    title = detect_title(declared_title, paragraphs, stem)
    doc_type = detect_type(title, opening)
    issuer = detect_issuer(title, opening)
    provinces = {r.path[0] for r in (_section_region(text, level) for text, level in paragraphs) if r.path}
    roundup = doc_type == "新闻综述" or (len(provinces) >= 3 and doc_type in ("", "新闻综述", "政府工作报告"))
    if roundup:
        doc_type = "新闻综述"
    region = regions.NATIONAL if roundup else detect_region(title, issuer, opening, stem)
    doc_years, issued = detect_years(title, doc_type, opening, texts, stem, roundup)
    return DocMeta(title, doc_type, region, doc_years, detect_doc_number(title, opening), issuer, issued), roundup


class PassageTagger:
    """Region, years and segments of each passage, in order; the section context carries on
    from one call to the next, so a large file tagged chunk by chunk comes out the same."""

    def __init__(self, meta: DocMeta, roundup: bool):
        self.meta = meta
        self.roundup = roundup
        self.ordinal = 0
        self.region, self.years = meta.region, meta.years

    def tag(self, paragraphs: list[tuple[str, int]]) -> list[Passage]:
        """The next passages of the document."""
        meta, out = self.meta, []
        for text, level in paragraphs:
            section = _section_region(text, level)
            if level == 1:
                self.region, self.years = meta.region, meta.years
            passage_region = self.region
            if section.path and (self.roundup or _is_within(section, meta.region)):
                passage_region = section
                is_heading = level > 0 or (len(text) <= 40 and text[-1] not in _SENTENCE_END)
                if self.roundup or is_heading:
                    self.region = section
                    congress = years.congress_year(text) if self.roundup else 0
                    self.years = (congress,) if congress else meta.years
            out.append(Passage(self.ordinal, text, passage_region, self.years, sectors.tag(normalise(text))))
            self.ordinal += 1
        return out


def tag_document(declared_title: str, paragraphs: list[tuple[str, int]], stem: str) -> tuple[DocMeta, list[Passage]]:
    """Document facts and per-passage keys for a split document."""
    meta, roundup = describe(declared_title, paragraphs, stem)
    return meta, PassageTagger(meta, roundup).tag(paragraphs)
