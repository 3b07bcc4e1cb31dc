"""A .zip of documents, member by member: each supported member read by its own reader, the
zip-bomb guard checked before anything is decompressed.

Nothing is extracted to disk: members are read into memory (at most --max-file-mb each, the
declared size, which zipfile also enforces while inflating), so a name such as
`../../etc/x.txt` is only a name.  Member names are cleaned (`\\` to `/`, no `..`, `.`, drive
or leading `/`) and decoded as UTF-8 when the zip says so (flag 0x800) or carries Info-ZIP's
Unicode path field, else as UTF-8 when the bytes are UTF-8 (macOS does not set the flag) and read as a name
(not ֪ͨ, which is 通知 in GBK: _unlikely), else
as GBK when they read as Chinese in GBK (Chinese Windows zips), else as cp437 (the zip spec's
default).  A name flagged UTF-8 that is itself such a cp437 reading (box-drawing characters
and Greek letters, from a tool that read a Windows zip's GBK names as cp437 and wrote them back
as UTF-8: "╜¡╥⌡" for 江阴) is put back the same way.  A zip inside a zip is opened too, up to
MAX_DEPTH levels, sharing the outer guard's budget; its members are named `inner.zip!member`.
"""

from __future__ import annotations

import logging
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from icpolicy.errors import ExtractionError
from icpolicy.models import MEMBER_SEPARATOR, RawText
from icpolicy.units import MB, megabytes

MAX_UNCOMPRESSED = 200 * MB  # all members of one zip (nested zips included), as declared: a worker holds them at once
MAX_RATIO = 200  # uncompressed / compressed, for the whole zip and for each member above 1 MB
MAX_MEMBERS = 10_000
MAX_DEPTH = 3  # a zip in a zip in a zip; deeper ones are named and not opened
log = logging.getLogger("icpolicy.readers")


@dataclass(frozen=True)
class Member:
    """One member of a zip: its cleaned name, and its text or the reason it was not read."""

    name: str
    raw: RawText | None = None
    reason: str = ""


class _Budget:
    """Uncompressed bytes still allowed for one outer zip and the zips inside it."""

    def __init__(self, limit: int):
        self.left = limit


def read_members(path: Path, max_bytes: int) -> Iterator[Member]:
    """The members of the zip at path, in name order; raises ExtractionError for the whole zip
    (corrupt, or refused by the guard).  Unsupported members are passed over with a log line."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError):
        raise ExtractionError(str(path), "corrupt zip archive") from None
    except PermissionError:
        raise ExtractionError(str(path), "permission denied") from None
    except OSError as exc:
        raise ExtractionError(str(path), f"cannot read ({exc.strerror or exc})") from None
    with archive:
        yield from _members(str(path), archive, max_bytes, _Budget(MAX_UNCOMPRESSED), 1)


def check_archive(label: str, archive: zipfile.ZipFile, budget: _Budget | None = None) -> None:
    """Refuse an archive that expands too far (a zip bomb) before anything is decompressed."""
    infos = archive.infolist()
    total = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos) or 1
    limit = budget.left if budget else MAX_UNCOMPRESSED
    if len(infos) > MAX_MEMBERS:
        raise ExtractionError(label, f"refused: {len(infos):,} files in the archive, over the {MAX_MEMBERS:,} limit (zip bomb?); unzip it and ingest the folder")
    if total > 10 * MB and total / packed > MAX_RATIO:
        raise ExtractionError(label, f"refused: archive expands to {megabytes(total)} in {len(infos)} files, {total // packed:,} times its size (zip bomb?)")
    if total > limit:
        raise ExtractionError(label, f"refused: archive expands to {megabytes(total)} in {len(infos)} files, over the {megabytes(MAX_UNCOMPRESSED)} limit for one zip (zip bomb?); unzip it and ingest the folder")
    if budget:
        budget.left -= total


def _members(label: str, archive: zipfile.ZipFile, max_bytes: int, budget: _Budget, depth: int) -> Iterator[Member]:
    from icpolicy import readers

    check_archive(label, archive, budget)
    seen: set[str] = set()
    for info, name in sorted(((info, clean_name(decode_name(info))) for info in archive.infolist()), key=lambda pair: pair[1]):
        member = PurePosixPath(name)
        if not name or info.is_dir() or any(p.startswith(".") or p == "__MACOSX" for p in member.parts) or readers.is_ignored(Path(member.name)):
            continue
        suffix = member.suffix.lower()
        if suffix not in readers.READERS and suffix not in readers.ARCHIVES:
            log.warning("%s: member %s passed over (unsupported type '%s')", label, name, suffix or "(none)")
            continue
        if name in seen:
            yield Member(name, reason="another member of the zip has the same name")
            continue
        seen.add(name)
        refused = _refusal(info, max_bytes)
        if refused:
            yield Member(name, reason=refused)
            continue
        try:
            data = archive.read(info)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError, OSError) as exc:
            yield Member(name, reason=f"damaged member ({exc})")
            continue
        inner = f"{label}{MEMBER_SEPARATOR}{name}"
        if suffix in readers.ARCHIVES:
            yield from _nested(name, inner, data, max_bytes, budget, depth)
        else:
            yield _read_one(name, inner, suffix, data)


def _refusal(info: zipfile.ZipInfo, max_bytes: int) -> str:
    """Why a member is not decompressed at all, or ""."""
    if info.flag_bits & 0x1:
        return "encrypted (password required)"
    if info.file_size > MB and info.file_size / max(info.compress_size, 1) > MAX_RATIO:
        return f"refused: expands {info.file_size // max(info.compress_size, 1):,} times, to {megabytes(info.file_size)} (zip bomb?)"
    if info.file_size > max_bytes:
        return f"too large ({megabytes(info.file_size)} > {megabytes(max_bytes)} limit; raise --max-file-mb)"
    return ""


def _read_one(name: str, label: str, suffix: str, data: bytes) -> Member:
    from icpolicy import readers
    from icpolicy.readers import garbled

    if not data.strip():
        return Member(name, reason="empty file")
    try:
        raw = garbled.check(label, readers.READERS[suffix](Path(label), data))
    except ExtractionError as exc:
        return Member(name, reason=exc.reason)
    except Exception as exc:  # one bad member never stops the others
        return Member(name, reason=f"could not be processed ({type(exc).__name__}: {exc})")
    if not raw.text.strip():
        return Member(name, reason="no text found")
    return Member(name, raw)


def _nested(name: str, label: str, data: bytes, max_bytes: int, budget: _Budget, depth: int) -> Iterator[Member]:
    """The members of a zip inside this one, named `name!member`."""
    import io

    if depth >= MAX_DEPTH:
        yield Member(name, reason=f"a zip nested more than {MAX_DEPTH} deep is not opened; unzip it and ingest the folder")
        return
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as inner:
            for member in _members(label, inner, max_bytes, budget, depth + 1):
                yield Member(f"{name}{MEMBER_SEPARATOR}{member.name}", member.raw, member.reason)
    except ExtractionError as exc:
        yield Member(name, reason=exc.reason)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError):
        yield Member(name, reason="corrupt zip archive")


def decode_name(info: zipfile.ZipInfo) -> str:
    """A member's name as its maker meant it (see the module docstring)."""
    if info.flag_bits & 0x800:
        return _from_cp437(info.filename, only_chinese=True) or info.filename
    unicode_path = _unicode_path_field(info)
    if unicode_path:
        return unicode_path
    return _from_cp437(info.filename) or info.filename


def _from_cp437(name: str, only_chinese: bool = False) -> str:
    """The name whose bytes name's cp437 reading stands for, in UTF-8 or GBK, or "" when none fits.

    UTF-8 comes first (macOS writes it without the flag; GBK bytes seldom form UTF-8); GBK only
    when every character it gives is Chinese (ideographs, CJK or full-width punctuation), so a
    Western name in cp437 ("Café", "Müller") stays as it is.  only_chinese (a name flagged UTF-8,
    which is right unless shown otherwise): the UTF-8 reading must be Chinese too, and the GBK one
    made of two high bytes a character, as cp437's box drawings and Greek are ("Ωmega" stays)."""
    if name.isascii():
        return ""
    try:
        raw = name.encode("cp437")
    except UnicodeEncodeError:
        return ""
    unlikely = ""
    for encoding in ("utf-8", "gb18030"):
        try:
            decoded = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-8" and not only_chinese:
            if not _unlikely(decoded):
                return decoded
            unlikely = decoded  # GBK bytes that happen to form UTF-8 (通知: CD A8 D6 AA; 目录: Ŀ¼)
            continue
        if _chinese(decoded) and (encoding == "utf-8" or _high_pairs(raw, decoded, only_chinese)):
            return decoded
    return unlikely


def _unlikely(name: str) -> bool:
    """True when a UTF-8 reading holds what few name a file with, as two-byte GBK characters read: a character
    other than a letter (Ŀ¼: a fraction), a combining mark that follows no letter, or a letter of the Hebrew to N'Ko
    blocks (U+0590–U+07FF).  Café, Müller, résumé in NFD are likely."""
    previous = ""
    for ch in name:
        if not ch.isascii():
            kind = unicodedata.category(ch)
            if "\u0590" <= ch <= "\u07ff" or kind[0] not in "LM" or (kind[0] == "M" and not previous.isalpha()):
                return True
        previous = ch
    return False


def _high_pairs(raw: bytes, decoded: str, strict: bool) -> bool:
    """True when the GBK characters of decoded are two high bytes each (strict), or at least
    half of them are and there are two or more (GBK's traditional forms end in an ASCII byte:
    門 is E9 54; a Western cp437 name read as GBK gives one such character: "M乴ler")."""
    chinese = sum(not ch.isascii() for ch in decoded)
    high = len(raw) - len(raw.translate(None, bytes(range(0x80, 0x100))))
    low_trails = 2 * chinese - high
    return low_trails == 0 if strict else chinese >= 2 and low_trails <= chinese / 2


def _chinese(name: str) -> bool:
    """True when every non-ASCII character of name is an ideograph or CJK or full-width punctuation."""
    others = [ch for ch in name if not ch.isascii()]
    return bool(others) and all("\u3400" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" for ch in others)


def _unicode_path_field(info: zipfile.ZipInfo) -> str:
    """Info-ZIP's Unicode Path extra field (0x7075): version 1, CRC-32 of the raw name, UTF-8 name."""
    extra, at = info.extra, 0
    while at + 4 <= len(extra):
        kind, size = int.from_bytes(extra[at:at + 2], "little"), int.from_bytes(extra[at + 2:at + 4], "little")
        body = extra[at + 4:at + 4 + size]
        if kind == 0x7075 and len(body) > 5 and body[0] == 1:
            try:
                return body[5:].decode("utf-8")
            except UnicodeDecodeError:
                return ""
        at += 4 + size
    return ""


def clean_name(name: str) -> str:
    """A member name as a relative path: `\\` read as `/`; no drive, leading `/`, `.` or `..` parts."""
    parts = [part for part in name.replace("\\", "/").split("/") if part not in ("", ".", "..")]
    if parts and len(parts[0]) == 2 and parts[0][1] == ":":
        parts = parts[1:]
    return "/".join(parts)
