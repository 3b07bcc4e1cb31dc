"""Sizes: the one definition of a megabyte.  Options, limits and messages all say MB and mean
10**6 bytes (`--max-file-mb 64` is 64,000,000 bytes, and so is the default limit)."""

MB = 1_000_000


def megabytes(nbytes: float) -> str:
    """A size for a message: "12 MB"."""
    return f"{nbytes / MB:.0f} MB"
