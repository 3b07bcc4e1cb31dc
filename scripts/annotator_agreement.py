"""How far two annotators' labels of the same passages agree, and the extractor with each.

    python scripts/annotator_agreement.py A.jsonl B.jsonl [GOLD.jsonl] [-v]

A and B are two labellings of the same passages (targets_labels.jsonl rows, matched by doc and
passage), made independently.  The script prints, with evaluate_targets.py's scoring:
- A against B: B's quantities scored as if found, A's as labelled ("P" = the share of B's rows
  that A has too, "R" = the share of A's rows that B has too); a metric agrees when either
  annotator's phrase lies inside the other's.  This is the ceiling a single annotator's labels
  put on any extractor: where two careful readers disagree, one of them scores the other wrong.
- the extractor against A, against B, and against GOLD (an adjudicated set) when given.
`-v` lists every disagreement.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaluate_targets import compare, labels_of, report, score  # noqa: E402  (a script beside this one)


def read(path: str) -> dict[tuple[str, int], dict]:
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    return {(r["doc"], r["passage"]): r for r in rows}


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    paths = [a for a in argv if a != "-v"]
    if len(paths) not in (2, 3):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    a, b = read(paths[0]), read(paths[1])
    if a.keys() != b.keys():
        print(f"the two files label different passages: {len(a.keys() ^ b.keys())} are in one only", file=sys.stderr)
        return 2
    pair = Counter()
    if verbose:
        print("A against B (extra: B only, missed: A only, wrong: B's value first):")
    for key, row in a.items():
        compare(labels_of(b[key]), labels_of(row), pair, f"{key[0]}#{key[1]}" if verbose else "", either_way=True)
    print(report("A vs B", pair))
    named = [("extractor vs A", list(a.values())), ("extractor vs B", list(b.values()))]
    if len(paths) == 3:
        named.append(("extractor vs gold", list(read(paths[2]).values())))
    for name, rows in named:
        if verbose:
            print(f"{name}:")
        print(report(name, score(rows, verbose)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
