"""The parts of a document that are not its own running text: a notice's attached or forwarded texts (附件 after its
signature; a province's plan a city forwards), where each begins and whose place and years it speaks for, and a
bulletin's list of contents (【本期要目】), which opens no section.  A mixin of tagging.PassageTagger, whose state it reads
and moves: meta, region, years, level, rank, year_rank, ordinal, forwarder, and its own signed, attached, annexed,
forwarded and contents."""

from __future__ import annotations

import re

from icpolicy.data import load_toml
from icpolicy.meta import dates, notices, regions, years
from icpolicy.models import Region


_CONTENTS = re.compile(load_toml("sections.toml")["contents"]["pattern"])  # a bulletin's 【本期要目】
_DRAFT_HEAD = 10  # the characters of a consultation's draft title its title line must hold (since session 55)


class AttachedTexts:
    def _attached_text(self, text: str, level: int = 0) -> bool:
        """Follows a notice's attachment (附件 after its signature): when the attached text's title
        names a national body and no place (a ministry's notice a province forwards), the rest
        speaks for the whole country.  True for the attachment heading and title lines."""
        if self.forwarded and not self.writer and self.ordinal > self.signed + 2:
            self.writer = notices.forwarding_writer(text)  # (现将国家发展改革委…《…》转发给你们: who wrote what it forwards)
        forwarded = bool(self.forwarded) and notices.holds_forwarded(text, self.forwarded)  # the forwarded text's title line
        # … or, in a forwarding notice whose title words it otherwise (关于转发集成电路企业培育工作通知的通知), any body's
        # official title line right after a signature (河北省工业和信息化厅关于转发《…》的通知)
        forwarded = forwarded or ("转发" in self.meta.title and self.ordinal - self.signed <= 2 and notices.is_notice_title(text))
        if dates.line_date(text):
            self.signed = self.ordinal
        elif self.forwarder and self.ordinal - self.signed <= 2 and (draft := notices.consulted_title(self.meta.title)) \
                and draft[:_DRAFT_HEAD] in text.replace(" ", ""):
            # the draft a consultation notice publishes, its title line after the signature with no 附件 heading: its term's
            self.forwarder, self.years, self.year_rank = (), self.meta.years, 99
        elif notices.is_attachment_heading(text) and (self.ordinal - self.signed <= 4 or self.annexed):
            self.attached = self.annexed = True  # (附件2 after 附件1's text: an attachment too)
            self.forwarder = ()  # (a forwarding notice's attachment: the forwarded text, its term's)
            self.years, self.year_rank = self.meta.years, 99  # (the attachment before spoke for its title's years)
            return True
        elif self.attached or (self.ordinal - self.signed <= 4 and forwarded):
            self.attached = False
            titled = years.stated(text)
            if self.meta.years and titled and (min(titled) > max(self.meta.years) or max(titled) < min(self.meta.years)):
                # 附件2 / 2026年度…申报指南 in a 2025 notice: the attached text speaks for its title's years, to its end
                self.years, self.year_rank = titled, 0
            gaz = regions.gazetteer()
            if gaz.is_national(text) and not gaz.find(text) and self.meta.region != regions.NATIONAL:
                self._new_text(regions.NATIONAL, level)
                return True
            if forwarded:
                # a forwarded text by another body (浙江省经济和信息化厅关于… in a 海宁市 notice): its own place
                # a title line without its writer (关于X的若干措施): the writer the notice's title names
                body = text.split("关于")[0].removesuffix("文件") or notices.forwarded_writer(self.meta.title) or self.writer
                region = gaz.resolve(gaz.find(body))
                if not region.path and body == self.writer and gaz.is_national(body) and self.meta.region != regions.NATIONAL:
                    self._new_text(regions.NATIONAL, level)  # 关于加快…的通知 after the signature, forwarded from 国家发展改革委…
                    return True
                if not region.path and body[:1] in ("省", "市") and self.meta.region.path:
                    # 省经信厅关于…: the document's province; 市…: its city (a 直辖市's is the province)
                    path = self.meta.region.path
                    region = Region(path[:1] if body[0] == "省" or path[0].endswith("市") else path[:2])
                if region.path and region != self.meta.region:
                    self._new_text(region, level)
                    # a forwarded notice that forwards one in turn, printed after it (…关于转发《江苏省…》的通知, then
                    # 江苏省…的通知 after its signature): the next text to look for
                    self.forwarded = notices.forwarded_title(text) or self.forwarded
                    return True
        return False

    def _new_text(self, region: Region, level: int = 0) -> None:
        """An attached or forwarded text begins, by another body: it speaks for that body's place, under its title line's
        heading level (## 科技部关于…的通知 over ### 一、总体目标: its own headings stay inside it; since session 64)."""
        self.region, self.years, self.level, self.rank, self.forwarder = region, self.meta.years, level, 0, ()

    def _listing(self, text: str) -> bool:
        """Whether text is a bulletin's contents heading or one of its lines; the list ends at the first of its lines
        printed again (the item's headline) or at a line of prose."""
        line = text.strip()
        if _CONTENTS.match(line):
            self.contents = []
            return True
        if self.contents is None:
            return False
        if line in self.contents or len(line) > 40 or line[-1:] in "。；！？":
            self.contents = None
            return False
        self.contents.append(line)
        return True
