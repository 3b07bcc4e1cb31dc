"""The kinds of click command the commands are: ExportCommand, whose -f follows -o's suffix, and
QueryCommand, an ExportCommand whose QUERY words may start with a minus (集成电路 -光伏).  Used by
app.py's group and the commands' modules."""

from __future__ import annotations

from pathlib import Path

import click

# the group's options, which may also be given after the command's name (app.hoist_global_options)
GLOBAL_FLAGS = frozenset({"-q", "--quiet", "--debug", "-v", "-vv", "-vvv", "--verbose"})


class ExportCommand(click.Command):
    """A command whose -f, when not given, follows -o's suffix where it names one of its formats: `-o a.xlsx` writes
    a workbook, not the terminal table as text in a file a spreadsheet cannot open.  A -f given wins."""

    def invoke(self, ctx):
        from click.core import ParameterSource

        fmt = next((p for p in self.params if p.name == "fmt"), None)
        output = ctx.params.get("output")
        note = ""
        if fmt is not None and output and str(output) != "-":
            suffix = Path(str(output)).suffix.lower().lstrip(".")
            choices = getattr(fmt.type, "choices", ())
            if ctx.get_parameter_source("fmt") == ParameterSource.DEFAULT:
                if suffix in choices:
                    ctx.params["fmt"] = suffix
                elif suffix in WRITTEN_SUFFIXES:  # (another command's format: a text table under that name opens as nothing)
                    raise click.UsageError(f"-o {output}: {ctx.info_name} does not write .{suffix} (its formats: {', '.join(choices)}); "
                                           f"give -f with one of them and a name to match", ctx)
                elif suffix in SPREADSHEET_SUFFIXES or suffix in DOCUMENT_SUFFIXES:
                    got = ("it got the plain table; give -f xlsx or -f csv (and a name to match) for a spreadsheet" if suffix in SPREADSHEET_SUFFIXES
                           else f"it got the plain table as text, which no .{suffix} reader opens; name it .txt, or give -f xlsx or -f csv")
                    note = f"icpolicy: note: {output} is named .{suffix}, which is not one of the formats ({', '.join(choices)}): {got}"
            elif suffix in choices and suffix != ctx.params.get("fmt"):
                note = f"icpolicy: note: wrote -f {ctx.params.get('fmt')} to {output}, whose name says .{suffix}"
        try:
            result = super().invoke(ctx)
        except SystemExit as done:
            if note and done.code in (0, None):  # once the file is written: an error instead stays the one line it is
                click.echo(note, err=True)
            raise
        if note:
            click.echo(note, err=True)
        return result


# the formats some command writes: one named for a format its command does not write is refused
WRITTEN_SUFFIXES = {"xlsx", "csv", "json", "jsonl"}
# names a spreadsheet program opens, but no format the commands write: a note says what the file gets
SPREADSHEET_SUFFIXES = {"xls", "xlsm", "xlsb", "ods", "tsv", "et", "numbers"}
# … and names of document formats, which a text table is not (a reader of the name's format fails on it)
DOCUMENT_SUFFIXES = {"doc", "docx", "docm", "dot", "dotx", "pdf", "odt", "rtf", "wps", "ppt", "pptx", "pages"}


class QueryCommand(ExportCommand):
    """A command whose QUERY words may start with a minus: `集成电路 -光伏` excludes 光伏.

    Every option is ASCII, so a word of a dash and a non-ASCII letter is a query word, never an
    option cluster; it passes the option parser as a full-width minus (which the query
    language reads the same) and is given back as typed.  A query word that starts with an
    ASCII dash goes after `--`.
    """

    def _refuse_options_after(self, ctx: click.Context, words: list[str]) -> None:
        """After `--` every word is a query word, as click and git read it.  One there that is an
        option of this command was likely meant as one: a warning says it was searched for; when it
        would have chosen the index, the backend or the output file (`-- -GaN --index DIR`), the
        answer would come from somewhere else than the user named, so it is a usage error instead."""
        names = {name for param in self.get_params(ctx) for name in (*param.opts, *param.secondary_opts) if name.startswith("-")}
        names |= GLOBAL_FLAGS | {"--backend"}
        stray = [word for word in words if word.split("=", 1)[0] in names]
        if not stray:
            return
        where = f"put options before '--' (e.g. icpolicy {ctx.info_name} 碳化硅 --index DIR -- -SiC)"
        decisive = next((word for word in stray if word.split("=", 1)[0] in _CHOOSE_WHERE), None)
        if decisive is not None:
            raise click.UsageError(f"{decisive!r} comes after '--', where every word is part of the query, so the "
                                   f"{'backend' if decisive.startswith('--backend') else 'index' if decisive.startswith('--index') else 'output'} "
                                   f"you named would not be used: {where}", ctx)
        said = f"{', '.join(map(repr, stray))} after '--' {'is' if len(stray) == 1 else 'are'} searched for, not read as {'an option' if len(stray) == 1 else 'options'}"
        click.echo(f"icpolicy: note: {said}; {where}", err=True)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Shield query words such as -光伏 from the option parser."""
        shielded, out = [], []
        for position, arg in enumerate(args):
            if arg == "--":
                self._refuse_options_after(ctx, args[position + 1:])
                out += args[position:]
                break
            if len(arg) > 1 and arg[0] == "-" and not arg[1].isascii():
                arg = FULLWIDTH_MINUS + arg[1:]
                shielded.append(arg)
            out.append(arg)
        rest = super().parse_args(ctx, out)
        if shielded and "query" in ctx.params:
            query = list(ctx.params["query"])
            for i, word in enumerate(query):
                if word in shielded:
                    shielded.remove(word)
                    query[i] = "-" + word[1:]
            ctx.params["query"] = tuple(query)
        return rest


FULLWIDTH_MINUS = "\uff0d"
_CHOOSE_WHERE = frozenset({"--index", "--backend", "-o", "--output"})  # options that decide which index is read, or where results go
