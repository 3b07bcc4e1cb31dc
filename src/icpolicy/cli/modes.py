"""The match modes every query command takes (search and the views): --same-sentence, --scope, --fuzzy
and --expand, given to the command as one `modes` argument (engine/filters.Modes)."""

from __future__ import annotations

import functools

import click

from icpolicy.engine.filters import Modes

SCOPES = ["passage", "sentence", "document"]


def mode_options(func):
    """The four options, folded into `modes`: --same-sentence is --scope sentence, and refused beside
    another --scope given on the command line."""
    @functools.wraps(func)
    def run(*args, same_sentence, scope, fuzzy, expand, **kwargs):
        ctx = click.get_current_context()
        if same_sentence and scope != "sentence" and ctx.get_parameter_source("scope") != click.core.ParameterSource.DEFAULT:
            from icpolicy.errors import UsageError

            raise UsageError(f"--same-sentence and --scope {scope} ask for two scopes: give one (--same-sentence is --scope sentence)")
        return func(*args, modes=Modes("sentence" if same_sentence else scope, fuzzy, expand), **kwargs)

    for option in reversed([
        click.option("--same-sentence", is_flag=True, help="同句: all terms inside one sentence of the passage (same as --scope sentence)."),
        click.option("--scope", type=click.Choice(SCOPES), default="passage", show_default=True,
                     help="Where all terms must occur: one passage (同段), one sentence (同句) or anywhere in the document (同篇)."),
        click.option("--fuzzy", is_flag=True, help="模糊: a term's jieba words may stand apart in the passage; closer ranks higher."),
        click.option("--expand", is_flag=True, help="Also match synonyms from data/synonyms.txt (碳化硅 = SiC, 集成电路 = IC, ...); hits say which form matched."),
    ]):
        run = option(run)
    return run


def mode_flags(modes: Modes) -> list[str]:
    """The options that give these modes on a command line (--scope document --expand)."""
    scope = ["--scope", modes.scope] if modes.scope != "passage" else []
    return scope + [flag for flag, on in (("--fuzzy", modes.fuzzy), ("--expand", modes.expand)) if on]


def mode_words(modes: Modes, text: str) -> tuple[str, ...]:
    """The match modes a view's title names beside its filters (a count under --expand is not the plain query's); none
    with no QUERY, where they change nothing."""
    if not text.strip():
        return ()
    return tuple(word for word, on in (("expand", modes.expand), ("fuzzy", modes.fuzzy), ("same sentence", modes.scope == "sentence"),
                                       ("document scope", modes.scope == "document")) if on)
