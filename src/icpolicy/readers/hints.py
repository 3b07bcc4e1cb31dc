"""Facts a container states outside the body text: markdown front matter and HTML <meta>.

Which keys mean what is data (data/metadata.toml); values go out as RawText.hints pairs.
"""

from __future__ import annotations

import json
import re
import tomllib
from functools import lru_cache
from icpolicy.data import load_toml

_FRONT = re.compile(r"\A\ufeff?\s*(?:(---)[ \t]*\n(.*?)\n(?:---|\.\.\.)|(\+\+\+)[ \t]*\n(.*?)\n\+\+\+)[ \t]*(?:\n|\Z)", re.S)
# front matter whose closing line is missing: key lines up to the first blank line
_UNCLOSED = re.compile(r"\A\ufeff?\s*---[ \t]*\n((?:[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff-]*[ \t]*[:：].*\n(?:[ \t]+-.*\n)*)+)[ \t]*(?:\n|\Z)")
# key: value, or a Chinese author's 标题：value with a full-width colon
_YAML_KEY = re.compile(r"^([^\s:：#][^:：]{0,40}?)\s*(?::(?:\s+(.*)|\s*)|：\s*(.*))$")
_DATE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


@lru_cache(maxsize=1)
def rules() -> dict:
    """data/metadata.toml, loaded once."""
    return load_toml("metadata.toml")


_JSON_FRONT = re.compile(r"\A\ufeff?\s*(\{[ \t]*\n.*?\n\})[ \t]*(?:\n|\Z)", re.S)


def _json_front_matter(text: str) -> tuple[dict[str, str], str] | None:
    """Hugo's JSON front matter: an object opening the file, closed by a line "}"."""
    match = _JSON_FRONT.match(text)
    if not match:
        return None
    try:
        data = json.loads(match.group(1))
    except ValueError:
        return None
    fields = {str(k): _scalar(v) for k, v in data.items()} if isinstance(data, dict) else {}
    return (fields, text[match.end():]) if fields else None


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """(front-matter fields, the rest) of a markdown text; ({}, text) when it has none."""
    match = _FRONT.match(text)
    if not match and text.lstrip("\ufeff \t\n").startswith("{"):
        found = _json_front_matter(text)
        if found:
            return found
    if not match:
        unclosed = _UNCLOSED.match(text)
        if unclosed:
            fields = _key_values(unclosed.group(1), ":")
            return (fields, text[unclosed.end():]) if fields else ({}, text)
        return {}, text
    body = text[match.end():]
    if match.group(3):
        try:
            fields = {str(k): _scalar(v) for k, v in tomllib.loads(match.group(4)).items()}
        except tomllib.TOMLDecodeError:
            fields = _key_values(match.group(4), "=")
    else:
        fields = _key_values(match.group(2), ":")
    # a block between two rules that holds no key is text, not front matter
    return (fields, body) if fields else ({}, text)


def looks_like_front_matter(text: str) -> bool:
    """True when text opens with a front-matter block that has at least one key."""
    fields, _ = split_front_matter(text)
    return bool(fields)


def _scalar(value) -> str:
    if isinstance(value, list):  # region = ["浙江省", "杭州市"]: every item, as the block and inline lists of YAML
        return " ".join(item for item in map(_scalar, value) if item)
    if isinstance(value, dict):
        return ""
    return str(value).strip()


def _unquote(value: str) -> str:
    """A YAML scalar's value: a double-quoted one with its escapes read (\\n, \\", \\u4e00), a single-quoted
    one with '' as '; a line break inside it joins its lines (with a space between Latin words)."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        if value[0] == "'":
            value = value[1:-1].replace("''", "'")
        else:
            try:
                value = json.loads(value)
            except ValueError:
                value = value[1:-1]
        return _LINE_BREAK.sub(lambda m: m.group(1) + (" " if (m.group(1) + m.group(2)).isascii() else "") + m.group(2), value).strip()
    return value


_LINE_BREAK = re.compile(r"(.?)\s*\n\s*(.?)")


def _key_values(block: str, sep: str) -> dict[str, str]:
    """Top-level scalar keys of a YAML (or broken TOML) block; a list's items are joined by spaces."""
    fields: dict[str, str] = {}
    pending = ""
    for line in block.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0] in " \t-" and pending:
            item = line.strip().lstrip("-").strip()
            item = _unquote(item.split(": ", 1)[-1] if ": " in item else item)
            if item:
                fields[pending] = (fields[pending] + " " + item).strip()
            continue
        if sep == ":":
            match = _YAML_KEY.match(line)
            key, value = (match.group(1), match.group(2) or match.group(3) or "") if match else ("", "")
            if match and match.group(3) is not None and key.strip().lower() not in _known_keys():
                continue  # 各区人民政府： between two rules is a letter's text, not a key
        else:
            key, _, value = line.partition("=")
        key = key.strip()
        if not key:
            continue
        value = value.strip()
        if value in ("|", ">", "|-", ">-", ""):
            fields[key], pending = "", key
        else:
            if value.startswith("[") and value.endswith("]"):  # an inline list: its items
                value = " ".join(item for item in (_unquote(part) for part in value[1:-1].split(",")) if item)
            fields[key], pending = _unquote(value), key
    return fields


def _known_keys() -> frozenset[str]:
    return frozenset(k.lower() for k in rules()["front_matter"])


def normal_date(value: str) -> str:
    """An ISO date (2024-03-05) from a date-like value, or ""."""
    match = _DATE.search(value)
    if not match:
        return ""
    year, month, day = (int(g) for g in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else ""


def hints_from(fields: dict[str, str], table: str) -> tuple[tuple[str, str], ...]:
    """Hint pairs from named fields, through the key table of data/metadata.toml; keys it does not
    list, by their words (after every listed key)."""
    keys = {k.lower(): v for k, v in rules()[table].items()}
    words = rules().get(table + "_words", {})
    out: dict[str, str] = {}
    named = [(keys.get(key.strip().lower(), ""), value) for key, value in fields.items()]
    for target, value in named + [(_by_words(key, words), value) for key, value in fields.items() if key.strip().lower() not in keys]:
        value = " ".join(str(value).split())
        if target == "region" and value and target in out:
            out[target] += " " + value  # province: 江苏省, city: 南京市
            continue
        if not target or not value or target in out:
            continue
        if target == "date":
            value = normal_date(value)
            if not value:
                continue
        out[target] = value
    if table == "front_matter" and "date" not in out:
        out.update(_any_date(fields, keys, words))
    if table == "front_matter" and "issuer" in out:
        out["stated_issuer"] = out["issuer"]  # the author's own 发文机关: no reading of the text overrides it (meta/facts.py)
    return tuple(out.items())


def _any_date(fields: dict[str, str], keys: dict[str, str], words: dict[str, list[str]]) -> dict[str, str]:
    """The first unlisted front-matter key whose whole value is a date, when no key named the date
    ([front_matter_any_date] of data/metadata.toml lists the words that make it another date)."""
    avoid = rules().get("front_matter_any_date", {}).get("not_words", [])
    for key, value in fields.items():
        name = key.strip().lower()
        value = " ".join(str(value).split())
        if name in keys or _by_words(key, words) or len(value) > 32 or not _BARE_DATE.match(value):
            continue
        if any(word in name for word in avoid if not word.isascii()) or {p.lower() for p in _KEY_WORDS.findall(name)} & set(avoid):
            continue
        date = normal_date(value)
        if date:
            return {"date": date}
    return {}


_KEY_WORDS = re.compile(r"[A-Za-z][a-z]*|[^\W_]+")


def _by_words(key: str, words: dict[str, list[str]]) -> str:
    """A key not in the table, read by the words it is made of (published_at, articleHeadline,
    post-date): the field whose words it holds, or ""."""
    parts = {part.lower() for part in _KEY_WORDS.findall(key.strip())}
    return next((field for field, names in words.items() if parts & set(names)), "")


_PAGE_KEY = re.compile(r"([\u4e00-\u9fff]{2,6})\s*[:：]")
_PAGE_NUMBER = re.compile(r"[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*第?\s*\d{1,4}\s*号|令\s*第\s*\d{1,4}\s*号")
PAGE_LINE = 160
_BARE_DATE = re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")


def page_fields(text: str) -> tuple[tuple[str, str], ...]:
    """Hint pairs from a page's labelled info lines ([page_labels] of data/metadata.toml): a
    short line may hold several ("发布时间：2025-09-03 08:40 来源：某某网 作者：某某")."""
    keys = rules()["page_labels"]
    out: dict[str, str] = {}
    for line in text.split("\n"):
        if len(line) > PAGE_LINE:
            continue
        found = list(_PAGE_KEY.finditer(line))
        # an info line that opens with a bare date before its labels (2026/03/06 07:45 来源：…)
        head = line[: found[0].start()].strip() if found else ""
        if _BARE_DATE.fullmatch(head) and "date" not in out:
            out["date"] = normal_date(head)
        for i, match in enumerate(found):
            target = keys.get(match.group(1))
            end = found[i + 1].start() if i + 1 < len(found) else len(line)
            value = " ".join(line[match.end():end].replace("|", " ").split())
            if not target or not value or target in out:
                continue
            if target == "date":
                value = normal_date(value)
            elif target == "doc_number":
                number = _PAGE_NUMBER.search(value)
                value = re.sub(r"\s+", "", value[: number.end()]) if number else ""
            if value:
                out[target] = value
    return tuple(out.items())
