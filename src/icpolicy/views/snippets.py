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


def kwic(text: str, spans: list[tuple[int, int]], side: int = 24) -> list[tuple[str, str, str]]:
    """Key word in context: (left, match, right) for every span, with fixed-width context."""
    rows = []
    for start, end in spans:
        left = text[max(0, start - side) : start]
        right = text[end : end + side]
        rows.append((left.rjust(side, "\u3000") if len(left) < side else left, text[start:end], right))
    return rows
