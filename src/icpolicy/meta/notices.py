"""A notice's parts beyond its own text: the addressee lines, an attachment's heading, and a forwarded text (转发《X》的
通知): its title as the notice names it, its writer, the line where it begins after the notice's signature.  Used by
meta/tagging.py (the forwarded text speaks for its own body) and meta/document.py (the notice's own date)."""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.data import load_toml
from icpolicy.meta import dates
from icpolicy.meta.facts import organ_rules


_ATTACHMENT = re.compile(load_toml("metadata.toml")["notice"]["attachment"])


def is_attachment_heading(text: str) -> bool:
    """True when text is an attachment's heading standing alone (附件, 附件2：)."""
    return bool(_ATTACHMENT.match(text.strip()))


_FORWARD = re.compile(load_toml("metadata.toml")["notice"]["forward"])
_FORWARDING = re.compile(load_toml("metadata.toml")["notice"]["forwarding_sentence"])
_ADDRESSED = re.compile(load_toml("metadata.toml")["notice"]["addressed_body"])  # one body addressed on its line
_CONSULTATION = re.compile(load_toml("metadata.toml")["notice"]["consultation"])  # a notice publishing a draft for comment


def consults(title: str) -> bool:
    """Whether a title publishes a draft for comment (关于公开征求《…（征求意见稿）》意见的通知: data/metadata.toml [notice]
    consultation)."""
    return bool(_CONSULTATION.search(title.replace(" ", "")))


def consulted_title(title: str) -> str:
    """The title of the draft a consultation notice publishes (关于公开征求《X（征求意见稿）》意见的通知: X), or ""."""
    if not consults(title):
        return ""
    quoted = re.findall(r"《([^《》]{6,})》", title.replace(" ", ""))
    return re.sub(r"[（(]征求意见稿[）)]", "", quoted[-1]) if quoted else ""


def forwarded_title(title: str) -> str:
    """The title of the text a forwarding notice forwards (…转发《X》的通知: X, without its 《》 and
    the 关于 before it), or ""."""
    found = _FORWARD.search(title.replace(" ", ""))
    if not found:
        return ""
    inner = found.group("inner")
    quoted = re.findall(r"《([^《》]{6,})》", inner)
    core = quoted[-1] if quoted else inner
    core = core.split("关于", 1)[1] if "关于" in core else core  # 省工信厅关于X: X (the body may be written out in full)
    return core if len(core) > 8 else ""


_ADDRESSEES = re.compile(load_toml("metadata.toml")["notice"]["addressee"])
# the same list wrapped: a first line ending on a comma, the line after it ending on the colon
_ADDRESSEES_OPEN = re.compile(load_toml("metadata.toml")["notice"]["addressee"].removesuffix("[：:]$") + "[，,、]$")
_ADDRESSEES_REST = re.compile(r"^[^。；;，,：:]{2,40}(?:[，,、][^。；;，,：:]{2,40})*[：:]$")


def is_addressees(text: str, wrapped: bool = False) -> bool:
    """True when a line lists a notice's addressees (各省辖市、济源示范区、航空港区…主管部门：): bodies
    addressed, no subject.  One body addressed (株洲市人民政府：, a reply's) is what the text is about.  A list
    wrapped over lines (各县级市（区）工业和信息化局，苏州工业园区经济发展委员会， / 苏州高新区经济发展委员会：): its
    first line (opens_addressees), and with `wrapped` (the line before opened one) the line that ends it."""
    line = text.strip()
    if wrapped and _ADDRESSEES_REST.match(line):
        return True
    return bool(_ADDRESSEES.match(line)) and ("、" in text or "，" in text) or opens_addressees(line)


def addressed_body(text: str) -> bool:
    """True when a line addresses a body (重庆市经济和信息化委员会：, 各有关单位：): a letter's or notice's addressee line."""
    return bool(_ADDRESSEES.match(text.strip()) or _ADDRESSED.match(text.strip()))


def opens_addressees(text: str) -> bool:
    """True when a line opens a list of addressees that the next line goes on with (it ends on a comma)."""
    return bool(_ADDRESSEES_OPEN.match(text.strip()))


def forwarding_writer(text: str) -> str:
    """The body a forwarding notice's sentence names as the writer of the text it forwards (现将国家发展改革委、中央网信办…
    《关于…》转发给你们: 国家发展改革委、中央网信办…), or "" (data/metadata.toml [notice] forwarding_sentence)."""
    found = _FORWARDING.search(text.replace(" ", "")) if "转发" in text or "印发给你们" in text else None
    return found.group("writer") if found else ""


def forwarded_writer(title: str) -> str:
    """The body that wrote the text a forwarding notice forwards, as its title names it
    (…转发省经济和信息化厅等部门关于X的通知: 省经济和信息化厅等部门), or ""."""
    found = _FORWARD.search(title.replace(" ", ""))
    if not found:
        return ""
    inner = re.sub(r"《[^《》]*》", "", found.group("inner"))
    if not inner:
        # 转发《湖南省工业和信息化厅关于X的通知》: the writer is inside the quotes, before its 关于
        quoted = re.findall(r"《([^《》]{6,})》", found.group("inner"))
        return quoted[-1].split("关于", 1)[0] if quoted and "关于" in quoted[-1] else ""
    return inner.split("关于", 1)[0] if "关于" in found.group("inner") else inner


def _bare(text: str) -> str:
    """A title as compared with its forwarded copy: no spaces, 《》, 〈〉 (a title quoted inside a quoted title) or 的 (a
    forwarding title may drop the 的 its original has: …高质量发展若干措施 / …高质量发展的若干措施)."""
    return re.sub(r"[\s《》〈〉的]", "", text)


@lru_cache(maxsize=1)
def _title_end() -> re.Pattern:
    words = load_toml("doctypes.toml")["title_ends"]["words"]
    return re.compile("(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + ")$")


def is_notice_title(text: str) -> bool:
    """True when a line is a body's official title (河北省工业和信息化厅关于转发《…》的通知: a body's name, 关于, a title
    word at its end, no sentence end): in a forwarding notice, after a signature, the forwarded text begins."""
    line = text.replace(" ", "")
    return len(line) <= 150 and "。" not in line and bool(organ_rules()["organ_title"].match(line)) and bool(_title_end().search(line))


def holds_forwarded(text: str, core: str) -> bool:
    """True when a line is the forwarded text's title line (core from forwarded_title) or letterhead."""
    line = text.replace(" ", "").replace("《", "").replace("》", "")
    if not core:
        return False
    if line.endswith("文件") and organ_rules()["organ_line"].match(line):
        return True  # its letterhead (浙江省经济和信息化厅文件) before the title
    # (the title may open a longer line: a PDF's title joined to the text's first sentence)
    return _bare(core) in _bare(line)[: len(_bare(core)) + 40]


def attachment_at(texts: list[str], title: str = "") -> int:
    """The index of the heading of a text attached after the notice's own signature (附件 alone on
    its line, or the forwarded text's title line of a forwarding notice, a date line among the few
    lines before it), or -1."""
    core = forwarded_title(title)
    for i, text in enumerate(texts):
        if i and (is_attachment_heading(text) or holds_forwarded(text, core) or ("转发" in title and is_notice_title(text))) \
                and any(dates.line_date(t) for t in texts[max(0, i - 4):i]):
            return i
    return -1
