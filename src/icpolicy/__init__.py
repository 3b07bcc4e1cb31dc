"""icpolicy: search Chinese policy documents by exact passage, region, year and industry segment."""

__version__ = "0.1.0"
