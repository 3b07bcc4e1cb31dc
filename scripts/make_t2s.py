"""Write src/icpolicy/data/t2s.txt: OpenCC's traditional -> simplified conversion of every single
CJK ideograph that it changes (one character to one character).

    python scripts/make_t2s.py

Search normalisation (text/normalize.py) reads this table instead of loading OpenCC, whose
dictionaries take ~60 ms to load on every one-shot search.  tests/test_normalize.py checks
that the table still equals OpenCC's conversion, character by character.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from icpolicy.text.normalize import CJK_RANGES, RARE_IDEOGRAPHS, opencc_pairs  # noqa: E402


def main() -> int:
    import opencc

    pairs = opencc_pairs()
    out = ROOT / "src" / "icpolicy" / "data" / "t2s.txt"
    lines = [f"# OpenCC t2s, per character ({len(pairs)} ideographs in {', '.join(f'U+{ord(lo):04X}-U+{ord(hi):04X}' for lo, hi in (*CJK_RANGES, *RARE_IDEOGRAPHS))}); written by scripts/make_t2s.py from opencc {getattr(opencc, '__version__', '?')}"]
    lines += [f"{a}\t{b}" for a, b in pairs]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(pairs)} pairs -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
