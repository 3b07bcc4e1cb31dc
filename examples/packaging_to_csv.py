"""Which provinces put 先进封装 in their 2025 texts?  Write every passage to a CSV for a report.

    python examples/packaging_to_csv.py [INDEX_DIR] [OUT.csv]
"""

import csv
import sys

from icpolicy import Filters, open_index

index_dir = sys.argv[1] if len(sys.argv) > 1 else "data/index"
out_path = sys.argv[2] if len(sys.argv) > 2 else "packaging_2025.csv"

with open_index(index_dir) as ix:
    result = ix.search("先进封装 OR 封装测试", Filters(year="2025"), limit=None)

with open(out_path, "w", encoding="utf-8-sig", newline="") as fh:  # utf-8-sig: Excel reads the Chinese
    writer = csv.writer(fh)
    writer.writerow(["province", "region", "years", "title", "matched", "passage"])
    for hit in result.hits:
        province = hit.region_path[0] if hit.region_path else ""
        writer.writerow([province, hit.region, ";".join(map(str, hit.years)), hit.title, ";".join(hit.matched), hit.text])

print(f"{result.total} passages in {result.documents} documents -> {out_path}", file=sys.stderr)
for province, count in result.by_province.most_common():
    print(f"{province}\t{count}")
