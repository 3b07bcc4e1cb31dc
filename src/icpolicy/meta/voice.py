"""Whether a document that names no place speaks as a local government (data/regions.toml, [unplaced]):
then its region is 不详, place unknown, rather than 全国; and whether its signers lie in several provinces."""

from __future__ import annotations

import re
from functools import lru_cache

from icpolicy.data import load_toml
from icpolicy.meta import regions


@lru_cache(maxsize=1)
def _rules() -> tuple[re.Pattern, re.Pattern]:
    rules = load_toml("regions.toml")["unplaced"]
    return re.compile(rules["local"]), re.compile(rules["national"])


def unplaced(title: str, issuer: str, opening: list[str], tail: list[str]) -> bool:
    """True when a text the region rules filed under 全国 for want of a place is a local one: its
    title, issuer, opening or signature speak as a local government (本区, 各镇、街道, XX管委会), and
    neither its title nor its issuer is a national body's and it does not address the whole country."""
    local, national = _rules()
    if regions.gazetteer().is_national(title + "\n" + issuer):
        return False
    if local.search(title + "\n" + issuer):
        return True  # its title or issuer is a local body's (新区关于…, XX管委会): 全国 in its text is a ranking (全国百强)
    return not national.search("\n".join([title, *opening[:8]])) and bool(local.search("\n".join([title, issuer, *opening[:8], *tail])))


def signed_across(signers: list[str]) -> bool:
    """True when the bodies that sign a text lie in more than one province."""
    gaz = regions.gazetteer()
    provinces = {gaz.resolve(gaz.find(name)).path[:1] for name in signers} - {()}
    return len(provinces) > 1
