"""icpolicy: search Chinese policy documents by exact passage, region, year and industry segment.

    from icpolicy import open_index, Filters
    with open_index("data/index") as ix:
        result = ix.search("先进封装", Filters(regions=["江苏"], year="2024-2025"), limit=None)
        for hit in result.hits:
            print(hit.region, hit.years, hit.text[slice(*hit.highlights[0])])
        ix.targets("集成电路", limit=10)       # quantified targets and reported figures
        ix.documents("集成电路", sort="issued") # documents, not passages
        ix.changes("海拉尔", 2018, 2019)        # what changed between two years' reports
"""

from icpolicy._version import __version__
__all__ = ["open_index", "Filters", "Hit", "SearchResult", "ingest", "__version__"]


def __getattr__(name: str):
    # Lazy, so `import icpolicy` stays cheap and the CLI pays only for what it uses.
    if name == "open_index":
        from icpolicy.views.analyst import open_index

        return open_index
    if name in ("Filters", "SearchResult"):
        from icpolicy.engine import search

        return getattr(search, name)
    if name == "Hit":
        from icpolicy.models import Hit

        return Hit
    if name == "ingest":
        from icpolicy.pipeline.ingest import ingest

        return ingest
    raise AttributeError(f"module 'icpolicy' has no attribute {name!r}")
