"""Snippets: the parts of a passage around its matches, with the spans moved to fit."""

from __future__ import annotations

ELLIPSIS = "…"


def snippet(text: str, spans: list[tuple[int, int]], width: int = 220, context: int = 50) -> tuple[str, list[tuple[int, int]]]:
    """Cut text down to windows around the spans (elided with …); return it and the shifted spans."""
    if len(text) <= width or not spans:
        if len(text) <= width:
            return text, list(spans)
        return text[:width] + ELLIPSIS, []
    windows: list[list[int]] = []
    for start, end in spans:
        lo, hi = max(0, start - context), min(len(text), end + context)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    out, moved, used = [], [], 0
    for lo, hi in windows:
        if used >= width:
            break
        prefix = ELLIPSIS if lo > 0 and not (out and out[-1] == ELLIPSIS) else ""
        offset = used + len(prefix) - lo
        out.append(prefix + text[lo:hi])
        used += len(prefix) + hi - lo
        moved += [(s + offset, e + offset) for s, e in spans if lo <= s and e <= hi]
    result = "".join(out)
    if windows[-1][1] < len(text) or used >= width:
        result += ELLIPSIS
    return result, moved


def display_width(text: str) -> int:
    """Terminal columns text takes: CJK and full-width characters two, combining marks none."""
    from wcwidth import wcwidth

    return sum(max(wcwidth(ch), 0) for ch in text)


def _flat(text: str) -> str:
    return " ".join(text.split()) if any(ch.isspace() and ch != " " for ch in text) else text


def fit_left(text: str, columns: int) -> str:
    """The end of text that fits in `columns` terminal columns, padded on the left to exactly that."""
    from wcwidth import wcwidth

    taken, used = [], 0
    for ch in reversed(_flat(text)):
        w = max(wcwidth(ch), 0)
        if used + w > columns:
            break
        taken.append(ch)
        used += w
    return " " * (columns - used) + "".join(reversed(taken))


def fit_right(text: str, columns: int) -> str:
    """The start of text that fits in `columns` terminal columns."""
    from wcwidth import wcwidth

    taken, used = [], 0
    for ch in _flat(text):
        w = max(wcwidth(ch), 0)
        if used + w > columns:
            break
        taken.append(ch)
        used += w
    return "".join(taken)


def kwic(text: str, spans: list[tuple[int, int]], columns: int = 40, bounds: list[tuple[int, int]] | None = None) -> list[tuple[str, str, str]]:
    """Key word in context: (left, match, right) for every span; the left context is padded to
    exactly `columns` display columns, so matches line up under each other in any font width.
    bounds: each span's [start, end) of text its context stays inside (a sentence), else the whole text."""
    edges = bounds or [(0, len(text))] * len(spans)
    return [(fit_left(text[lo:start], columns), _flat(text[start:end]), fit_right(text[end:hi], columns)) for (start, end), (lo, hi) in zip(spans, edges)]
