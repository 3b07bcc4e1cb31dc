"""Large files, chunk by chunk in the parent process, so memory stays bounded whatever their size.

A text file is decoded incrementally and cut at a line end about every CHUNK_CHARS characters;
a PDF is extracted PAGES_PER_CHUNK pages at a time.  Each chunk is cleaned, split, tagged
(with the document facts read from the first chunk) and added to the index; the last passages
of a chunk (at least TAIL normalised characters of them) wait for the next chunk, so that every
passage's tail (engine/schema.py) is the text that really follows it, whatever the chunk size.
Memory is then the current chunk plus tantivy's indexing heap.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from icpolicy import readers
from icpolicy.text import clean as cleaning
from icpolicy.text import passages
from icpolicy.engine import schema
from icpolicy.meta import tagging
from icpolicy.meta.document import describe
from icpolicy.meta.target_parts import Parts
from icpolicy.meta.target_store import encode_all as stored_quantities
from icpolicy.errors import ExtractionError
from icpolicy.models import LINE_END, Document, RawText, described_hints, doc_id_for, readable_path, source_key
from icpolicy.text.normalize import TAIL, normalise
from icpolicy.text.tokens import cut
from icpolicy.units import MB, env_number

STREAM_BYTES = int(env_number("ICPOLICY_STREAM_MB", 4, above=True) * MB)
CHUNK_CHARS = 250_000
PAGES_PER_CHUNK = 50
CARRY = 2  # paragraphs carried into the next chunk
LINE_CAP = 8  # a line longer than this many chunks is cut where the chunk ends
_READ = 1 << 20
SNIFF_BYTES = 1 << 20


def is_large(path: Path) -> bool:
    """Whether a file goes through the chunked path (text and PDF files over STREAM_BYTES)."""
    try:
        size = path.stat().st_size
    except OSError:
        return False
    if size <= STREAM_BYTES or path.suffix.lower() not in {".txt", ".text", ".md", ".markdown", ".pdf"}:
        return False
    try:
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError:
        return False  # read whole, where the reason is given
    # a PDF saved as .txt is read as a PDF, whole; so is a zip (a .docx named .txt), whose
    # directory lies at its end, past the head
    return readers.sniffed(path, head) is None and not head.startswith(readers.docx.ZIP_MAGIC)


def chunks(path: Path) -> Iterator[RawText]:
    """The file's text in pieces that end at a line (or page) boundary."""
    if path.suffix.lower() == ".pdf":
        yield from _pdf_chunks(path)
    else:
        yield from _text_chunks(path)


def _text_chunks(path: Path) -> Iterator[RawText]:
    """Text chunks; markdown (by suffix or by its look) goes through the markdown reader chunk by
    chunk, cut at a blank line, the first chunk with the front matter (title and hints)."""
    from icpolicy.readers.markdown import markdown_chunk

    first = True
    for raw in _decoded_chunks(path):
        if raw.layout == "markdown":
            raw = markdown_chunk(raw.text, raw.encoding, first)
        first = False
        yield raw


def _decoded_chunks(path: Path) -> Iterator[RawText]:
    from icpolicy.readers.decoders import incremental_decoder
    from icpolicy.readers.encoding import decode
    from icpolicy.readers.text import sniff_layout

    layout = "markdown" if path.suffix.lower() in {".md", ".markdown"} else ""
    with path.open("rb") as fh:
        sample = fh.read(SNIFF_BYTES)  # encoding and layout are judged on the same sample whatever _READ is
        head, encoding = decode(path, sample[: len(sample) - _cut_bytes(path, sample, decode)])
        decoder = incremental_decoder(path, encoding)  # stray bytes and pasted GB18030 lines read as in a file read whole
        layout = layout or sniff_layout(head)
        buffer = ""
        blocks = [sample[i : i + _READ] for i in range(0, len(sample), _READ)]
        for block in _then(blocks, lambda: fh.read(_READ)):
            try:
                buffer += decoder.decode(block)
            except UnicodeDecodeError:
                raise ExtractionError(str(path), f"undecodable bytes (not {encoding} throughout)") from None
            layout = layout or sniff_layout(buffer)
            if len(buffer) >= CHUNK_CHARS:
                cut = _cut(buffer, layout)
                if cut:
                    yield RawText(buffer[:cut], layout, "", encoding)
                    buffer = buffer[cut:]
        buffer += decoder.decode(b"", final=True)
        if buffer.strip():
            yield RawText(buffer, layout or sniff_layout(buffer), "", encoding)


# a blank line, whatever its line ends (a markdown file saved on Windows has CR LF)
_BLANK_LINE = re.compile(f"(?:{LINE_END.pattern})[ \t]*(?:{LINE_END.pattern})")


def _cut(buffer: str, layout: str) -> int:
    """Where a chunk ends in buffer, 0 to read on: after its last line end (models.LINE_END: a line cut in
    two would become two paragraphs), markdown's after its last blank line (no block is parsed in two
    halves).  Only a block longer than LINE_CAP chunks is cut at a line end, and a line that long where
    the buffer ends (memory stays bounded).  A CR at the very end may be the first half of a CR LF: not yet."""
    text = buffer[:-1] if buffer.endswith("\r") else buffer
    capped = len(buffer) >= LINE_CAP * CHUNK_CHARS
    if layout == "markdown":
        cut = _last_end(_BLANK_LINE, text)
        if cut or not capped:
            return cut
    return _last_end(LINE_END, text) or (len(buffer) if capped else 0)


def _last_end(pattern: re.Pattern, text: str) -> int:
    """The end of pattern's last match in text, 0 when it has none."""
    end = 0
    for match in pattern.finditer(text):
        end = match.end()
    return end


def _then(first: list[bytes], read) -> Iterator[bytes]:
    """The blocks already read, then the rest of the file."""
    yield from first
    while block := read():
        yield block


def _cut_bytes(path: Path, sample: bytes, decode) -> int:
    """How many trailing bytes of the sample to drop so that it decodes (a character cut at the end):
    the fewest with which it decodes cleanly, before any reading of them as stray bytes (which
    would warn of damage a whole file does not have); else the fewest with which it decodes at all."""
    for stray in (False, True):
        for trim in range(4):
            try:
                decode(path, sample[: len(sample) - trim], stray=stray)
                return trim
            except ExtractionError:
                continue
    return 0


def _pdf_chunks(path: Path) -> Iterator[RawText]:
    from icpolicy.readers.pdf import LAYOUT, chunks as pdf_chunks

    found_text = False
    for text in pdf_chunks(path, PAGES_PER_CHUNK):
        found_text = found_text or any(ch.isalnum() for ch in text)
        yield RawText(text, LAYOUT, "", "pdf")
    if not found_text:
        raise ExtractionError(str(path), "no text layer (scanned?)")


def index_large(path: Path, content_hash: str, writer, stop: threading.Event, on_chunk: Callable[[int], None]) -> int:
    """Index one large file (whose SHA-256 the caller has) chunk by chunk; returns its passage count.

    The last paragraph of each chunk is carried into the next chunk before cleaning, so a
    paragraph that runs across a chunk boundary is re-joined exactly as in a whole file.
    The writer must hold nothing but this file: on Ctrl-C (stop: KeyboardInterrupt) or a
    failure the caller cancels it, so a large file is in the index whole or not at all.
    """
    source = source_key(path)
    stat = path.stat()
    document, tagger, parts, carry, layout = None, None, None, "", "plain"
    held: list = []  # tagged passages whose tail is not known yet
    writer.delete_source(source)
    for raw in chunks(path):
        if stop.is_set():
            raise KeyboardInterrupt
        layout = raw.layout
        # a rendered markdown chunk starts after a blank line (its cut): keep it for healing
        joint = "\n\n" if layout == "rendered" else "\n"
        paragraphs = cleaning.clean(carry + joint + raw.text if carry else raw.text, layout)
        if not paragraphs:
            continue
        # the last CARRY paragraphs are cleaned again with the next chunk: whether a line joins
        # the paragraph before it can depend on the lines after it
        ready, last = paragraphs[:-CARRY], paragraphs[-CARRY:]
        carry = "\n".join(("#" * p.heading + " " if p.heading and layout in ("markdown", "rendered") else "") + p.text for p in last)
        pieces = passages.split(ready)
        if document is None:
            hints, opening = described_hints(raw, source), pieces + [(p.text, p.heading) for p in last]
            meta, roundup = describe(raw.title, opening, readable_path(path.stem), hints)
            document = Document(doc_id_for(source), source, content_hash, meta, (), stat.st_mtime, stat.st_size)
            tagger = tagging.PassageTagger(meta, roundup, tagging.outlet_of(opening, hints))
            parts = Parts(meta.doc_type, meta.years)  # a work report's review or plan part runs on over the chunks
        held = _add(writer, document, held + list(tagger.tag(pieces)), parts, final=False)
        on_chunk(len(raw.text.encode("utf-8", "ignore")))
    if document is None:
        raise ExtractionError(str(path), "no text found")
    _add(writer, document, held + list(tagger.tag(passages.split(cleaning.clean(carry, layout)))), parts, final=True)
    return tagger.ordinal


def _add(writer, document: Document, tagged: list, parts: Parts, final: bool) -> list:
    """Add the passages whose tail is known; returns the ones held back for the next chunk.

    Unless the document ends here, the last passages (TAIL normalised characters of them, or
    all) are held: the passages before them take their tail from them.
    """
    norms = [normalise(p.text) for p in tagged]
    keep, following = len(tagged), 0
    if not final:
        while keep > 0 and following < TAIL:
            keep -= 1
            following += len(norms[keep])
    if keep == 0 and not final:
        return tagged
    ready, rest = tagged[:keep], norms[keep:]
    writer.add(document, schema.prepare(document.doc_id, ready, norms[:keep], [cut(n) for n in norms[:keep]], None if final else "".join(rest),
                                        quantities=stored_quantities(ready, document.meta, parts)))
    return tagged[keep:]
