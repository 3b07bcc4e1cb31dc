"""Sizes, counts and figures in messages and payloads: the one definition of a megabyte (and of "1 file" / "2 files", and
of a whole figure: 8, not 8.0).  Options, limits and messages all say MB and mean
10**6 bytes (`--max-file-mb 64` is 64,000,000 bytes, and so is the default limit)."""

MB = 1_000_000


KB = 1_000


def env_number(name: str, default: float, least: float = 0.0, above: bool = False) -> float:
    """A number from the environment variable `name` (ICPOLICY_COMMIT_SECONDS…), or default when unset or empty; a value
    that is no number, or below `least` (with `above`, not above it), is a usage error naming the variable (one line,
    exit 2), not a traceback."""
    import os

    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = float(value)
    except ValueError:
        number = float("nan")
    if not (number > least if above else number >= least) or number == float("inf"):
        from icpolicy.errors import UsageError

        bound = f"above {whole(least)}" if above else f"of at least {whole(least)}"
        raise UsageError(f"{name}={value!r} is not a number {bound}: unset it or give one (the default is {whole(default)})")
    return number


def whole(value: float | None) -> float | int | None:
    """A figure as it reads: a whole-valued float as an int (8.0 -> 8), any other value as it is (None too)."""
    return int(value) if value is not None and float(value).is_integer() else value


def counted(number: int, noun: str, plural: str = "") -> str:
    """"1 file", "3 files": a count and its noun (a regular plural unless `plural` is given), for every message that counts."""
    return f"{number} {noun}" if number == 1 else f"{number} {plural or noun + 's'}"


def megabytes(nbytes: float) -> str:
    """A size for a message: "12 MB", "12.5 MB"; below a megabyte in KB ("10 KB", "0.4 KB"), so that
    two sizes compared in one message never both read "0 MB"."""
    if nbytes >= MB:
        return f"{_short(nbytes / MB)} MB"
    return f"{_short(nbytes / KB)} KB"


def _short(value: float) -> str:
    """At most one decimal, none when it is .0: 210, 12.5."""
    return f"{value:.1f}".removesuffix(".0") if value < 100 else f"{value:.0f}"
