"""Deterministic benchmark corpora from the seeds and ../shared/corpus.

    python benchmarks/generate.py --mb 10 OUT_DIR          # about 10 MB of UTF-8 text
    python benchmarks/generate.py --passages 1000000 OUT_DIR

Paragraphs of the real documents are recombined into new documents, each titled with a real
region, year and document type, with the region names and years inside the paragraphs
varied, so region/year filters and phrase queries behave as they do on real collections.
The same arguments always give the same bytes.

The shared corpus is $ICPOLICY_SHARED/corpus, else the first shared/corpus beside a folder above
the repository (a git worktree sits one level deeper than the checkout).  Without it only the
seeds' 180 short paragraphs are drawn (about 302k passages per 100 MB instead of about 216k, each
passage text repeated some 1,600 times): generate() then warns on stderr.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from icpolicy.text.clean import clean  # noqa: E402
from icpolicy.readers import read  # noqa: E402

REGIONS = ["北京市", "天津市", "上海市", "重庆市", "江苏省", "浙江省", "安徽省", "广东省", "山东省", "四川省", "湖北省", "湖南省",
           "福建省", "辽宁省", "陕西省", "河南省", "苏州市", "无锡市", "南京市", "合肥市", "深圳市", "广州市", "杭州市", "成都市",
           "武汉市", "西安市", "青浦区", "昆山市", "浦东新区", "海淀区"]
TYPES = ["政府工作报告", "行动方案", "工作方案", "若干政策", "实施意见", "通知", "发展规划"]
_REGION_IN_TEXT = re.compile("|".join(sorted({r[:-1] for r in REGIONS}, key=len, reverse=True)))
_YEAR = re.compile(r"20[12]\d(?=年)")


def shared_corpus() -> Path | None:
    """The shared corpus folder ($ICPOLICY_SHARED/corpus, else the first shared/corpus up the tree), or None."""
    env = os.environ.get("ICPOLICY_SHARED")
    for root in ([Path(env)] if env else []) + [p / "shared" for p in ROOT.parents]:
        if (root / "corpus").is_dir():
            return root / "corpus"
    return None


def source_paragraphs() -> list[str]:
    """Every cleaned paragraph of the seeds and the shared corpus, in a stable order."""
    shared = shared_corpus()
    if shared is None:
        print("generate.py: no shared corpus ($ICPOLICY_SHARED or ../shared/corpus up the tree): "
              "drawing from the seeds alone, a far smaller and more repetitive pool", file=sys.stderr)
    folders = [ROOT / "seeds"] + ([shared] if shared else [])
    paragraphs: list[str] = []
    for folder in folders:
        if not folder.exists():
            continue
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in {".txt", ".md", ".docx", ".html", ".pdf"}):
            try:
                raw, _ = read(path)
            except Exception:
                continue
            paragraphs += [p.text for p in clean(raw.text, raw.layout) if len(p.text) >= 12]
    return paragraphs


def generate(out: Path, target_bytes: int | None = None, target_passages: int | None = None, seed: int = 20261123) -> tuple[int, int, int]:
    """Write documents until the target is reached; returns (files, bytes, paragraphs)."""
    rng = random.Random(seed)
    pool = source_paragraphs()
    out.mkdir(parents=True, exist_ok=True)
    files = size = count = 0
    while (target_bytes and size < target_bytes) or (target_passages and count < target_passages):
        region, year, kind = rng.choice(REGIONS), rng.randint(2015, 2026), rng.choice(TYPES)
        lines = [f"{year}年{region}{kind}"]
        for _ in range(rng.randint(20, 90)):
            text = rng.choice(pool)
            text = _REGION_IN_TEXT.sub(lambda m: rng.choice(REGIONS)[:-1] if rng.random() < 0.3 else m.group(), text)
            text = _YEAR.sub(lambda m: str(year + rng.randint(-1, 1)), text)
            lines.append(text)
        body = "\n".join(lines) + "\n"
        data = body.encode("utf-8")
        sub = out / f"{files // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"doc_{files:06d}_{region}_{year}.txt").write_bytes(data)
        files += 1
        size += len(data)
        count += len(lines)
    return files, size, count


def main() -> int:
    parser = argparse.ArgumentParser(description="Write a deterministic benchmark corpus.")
    parser.add_argument("out", type=Path)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--mb", type=float, help="size in MB of UTF-8 text")
    group.add_argument("--passages", type=int, help="number of paragraphs (about one passage each)")
    args = parser.parse_args()
    files, size, count = generate(args.out, int(args.mb * 1e6) if args.mb else None, args.passages)
    print(f"{files} files, {size / 1e6:.1f} MB, {count} paragraphs -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
