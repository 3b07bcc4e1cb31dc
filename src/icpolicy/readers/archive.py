"""A .zip of documents: every supported member read by its own reader, with the zip-bomb guard first."""

from __future__ import annotations

import io
import logging
import zipfile
from pathlib import Path, PurePosixPath

from icpolicy.errors import ExtractionError
from icpolicy.models import RawText
from icpolicy.units import MB, megabytes

MAX_UNCOMPRESSED = 200 * MB
MAX_RATIO = 200
MAX_MEMBERS = 10_000
log = logging.getLogger("icpolicy.readers")


def check_archive(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse an archive that expands too far (a zip bomb) before anything is decompressed."""
    infos = archive.infolist()
    total = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos) or 1
    if len(infos) > MAX_MEMBERS or total > MAX_UNCOMPRESSED or (total > 10 * MB and total / packed > MAX_RATIO):
        raise ExtractionError(str(path), f"refused: archive expands to {megabytes(total)} in {len(infos)} files (zip bomb?)")


def _decode_name(info: zipfile.ZipInfo) -> str:
    """Member names from Chinese Windows zips are GBK without the UTF-8 flag; zipfile reads them as cp437."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("gbk")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def read_zip(path: Path, data: bytes) -> RawText:
    """The text of every supported member, in name order, each under a line naming it."""
    from icpolicy import readers

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ExtractionError(str(path), "corrupt zip archive") from None
    check_archive(path, archive)
    parts, skipped, layouts = [], [], set()
    for info in sorted(archive.infolist(), key=_decode_name):
        name = _decode_name(info)
        member = PurePosixPath(name)
        if info.is_dir() or any(p.startswith(".") or p == "__MACOSX" for p in member.parts) or readers.is_ignored(Path(member.name)):
            continue
        suffix = member.suffix.lower()
        if suffix in (".zip",) or suffix not in readers.READERS:
            skipped.append(member.name)
            log.warning("%s: member %s passed over (%s)", path, name, "a zip inside a zip" if suffix == ".zip" else f"unsupported type '{suffix or '(none)'}'")
            continue
        if info.flag_bits & 0x1:
            raise ExtractionError(str(path), f"member {name} is encrypted")
        try:
            raw = readers.READERS[suffix](Path(f"{path}!{name}"), archive.read(info))
        except ExtractionError as exc:
            skipped.append(f"{member.name} ({exc.reason})")
            log.warning("%s: member %s passed over (%s)", path, name, exc.reason)
            continue
        if raw.text.strip():
            parts.append(f"〔{member.name}〕\n{raw.text.strip()}")
            layouts.add(raw.layout)
    if not parts:
        raise ExtractionError(str(path), "no readable document inside the zip" + (f" (passed over: {', '.join(skipped[:5])})" if skipped else ""))
    # markdown, HTML and docx members mark their headings ("## text"): keep reading them as marks
    return RawText("\n\n".join(parts), "rendered" if "rendered" in layouts else "plain", "", "zip")
