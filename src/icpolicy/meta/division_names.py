"""The short forms a division's official name is written in (苏州市 as 苏州, 新平彝族傣族自治县 as 新平县): what the
gazetteer (regions.py) adds to its names beside the official ones."""

from __future__ import annotations

# the suffixes of an official name at each level (0 province, 1 city, 2 county), tried in this order (自治县 before 县)
_SUFFIXES = {
    0: ("特别行政区", "自治区", "省", "市"),
    1: ("自治州", "地区", "林区", "盟", "市", "自治县", "县"),
    2: ("自治旗", "自治县", "县", "区", "旗", "市", "特区"),
}


def short_forms(name: str, level: int, ethnic: list[str]) -> list[str]:
    """The forms a division's official name is written in short at its level (0 province, 1 city, 2 county): its
    suffix dropped (苏州市: 苏州), then its peoples' names (`ethnic`, longest first; 新平彝族傣族自治县: 新平 and 新平彝族傣族),
    an autonomous prefecture's as …州, an autonomous county's or banner's as …县 or …旗 (新平县)."""
    forms = []
    for suffix in _SUFFIXES[level]:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            base = name[: -len(suffix)]
            stripped = base
            changed = True
            while changed:
                changed = False
                for word in ethnic:
                    if stripped.endswith(word) and len(stripped) > len(word) + 1:
                        stripped = stripped[: -len(word)]
                        changed = True
            forms.append(stripped)
            if stripped != base:
                forms.append(base)
            if suffix == "自治州":
                forms.append(stripped + "州")
            elif suffix in ("自治县", "自治旗") and stripped != base:
                forms.append(stripped + suffix[-1])  # 新平彝族傣族自治县: 新平县, as it is written (since session 46)
            break
    return forms
