"""`icpolicy ingest`: index files and folders, with a progress bar and a summary on stderr."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from icpolicy.models import MEMBER_SEPARATOR, container_of, readable_path
from icpolicy.units import counted

from icpolicy.cli.output import color_option, one_line
from icpolicy.cli.params import DocumentPath
from icpolicy.cli.app import configure_logging, index_dir, index_option, main, state
from icpolicy.cli.output import err_console
from icpolicy.errors import EXIT_INTERRUPTED, EXIT_OK, EXIT_PARTIAL, EXIT_TERMINATED


@main.command(epilog="""\b
Examples:
  icpolicy ingest ~/reports/                        a folder, recursively
  icpolicy ingest 通知.docx 方案.pdf 旧文件.doc 文件包.zip
  icpolicy ingest ../shared/corpus/ --index ~/work/index -j 2
  icpolicy ingest --rebuild                         re-read everything ingested before
""")
@click.argument("paths", nargs=-1, type=DocumentPath())
@index_option
@click.option("--rebuild", is_flag=True, help="Build a fresh index (beside the old one, swapped in when complete).")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=None, help="Worker processes (default: one per core).")
@click.option("--max-file-mb", type=click.FloatRange(0.001), default=64, show_default=True, help="Skip files read whole (docx, HTML, small text/PDF) larger than this; streamed text and PDF files have no limit.")
@click.option("--follow-links", is_flag=True, help="Also follow symbolic links that lead out of the folders given (by default they are named and skipped).")
@color_option
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[Path, ...], index_path: Path | None, rebuild: bool, jobs: int | None, max_file_mb: float, follow_links: bool) -> None:
    """Index documents: files or folders (recursive); .txt .md .pdf .docx .html/.htm .mhtml/.mht .zip, and .doc/.wps/.rtf/.odt through LibreOffice.

    Re-ingesting a file replaces its passages; unchanged files are skipped cheaply; identical
    content under another name is reported as a duplicate and indexed once; files gone from a
    re-ingested folder are removed from the index (and named). Each document in a .zip is
    indexed on its own, as ARCHIVE.zip!MEMBER. With --rebuild and no PATH,
    everything ingested before is read again (after an upgrade, say); when one of
    those is missing (an unmounted drive) the rebuild is refused and the index kept.
    Files taken out with `icpolicy remove` are passed over in their folders until
    you ingest them by name.

    \b
    The --index folder must be an icpolicy index, or new, or empty: icpolicy never writes into
    (or deletes from) a folder of other files.

    \b
    Exit codes: 0 every file indexed (or unchanged), 1 some files skipped (each is named
    with the reason), or a first ingest found nothing to index (no index is made), 2 usage
    error (no PATH given exists), an --index folder that is not an index, or a --rebuild
    refused (a source ingested before is missing), 3 the index is locked by another ingest,
    damaged, built by an incompatible version, or could not be written (disk full...),
    130 interrupted by Ctrl-C, 143 by SIGTERM (what was committed stays).
    """
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn, TransferSpeedColumn

    from icpolicy.cli.progress import PlainProgress, WhenCounted, first_state

    from icpolicy.pipeline.ingest import ingest as run_ingest

    from icpolicy.engine.manifest import recorded_roots

    from icpolicy.engine.clickhouse import backend_spec

    configure_logging(ctx)
    if paths and not any(os.path.lexists(p) for p in paths):  # a mistyped PATH, not a batch with a bad file: nothing to do
        raise click.BadParameter(f"{paths[0]}: no such file or folder (nothing was indexed; check the path)", param_hint="PATH")
    folder, _ = index_dir(index_path)
    if spec := backend_spec(state(ctx).get("backend")):  # ClickHouse (issue 16): same flow, another store
        from functools import partial

        from icpolicy.pipeline.clickhouse_load import ingest_spec

        if rebuild:
            raise click.UsageError("--rebuild is for index folders; with --backend, drop the database and ingest again")
        folder, run_ingest = spec, partial(ingest_spec, spec)
    if not paths:
        if rebuild and not spec:
            from icpolicy.engine.folder import claim, is_index
            from icpolicy.engine.manifest import index_files_alone

            # a folder of other files: say it is not an index, not "give the files"; index files alone (the manifest lost)
            # are the index's own, rebuilt from the files or folders given
            claim(Path(folder), adopt=index_files_alone)
            if not is_index(Path(folder)):
                lost = Path(folder).is_dir() and any(Path(folder).iterdir())
                raise click.UsageError(f"there is no index at {folder} to rebuild" + (" (its icpolicy.json, which lists what was ingested, is gone)" if lost else "")
                                       + f": give the files or folders to ingest: icpolicy ingest --index {folder} PATH...")
        paths = tuple(Path(p) for p in recorded_roots(folder)) if rebuild else ()
        if paths:  # (and what the index holds from folders its manifest does not list: a kill between the two commits)
            from icpolicy.pipeline.plan import unrecorded

            paths += tuple(unrecorded(Path(folder), [str(p) for p in paths]))
        if not paths:
            raise click.UsageError("give the files or folders to ingest" + ("" if rebuild else " (or --rebuild alone to re-read what was ingested before)"))
    console = err_console()
    quiet = state(ctx).get("quiet")
    # until the first file is done the files, bytes, speed and time left are not known: the bar pulses and names what is read
    columns = [TextColumn("{task.description}"), BarColumn(bar_width=BAR_CELLS), TextColumn("{task.fields[files]}"), WhenCounted(DownloadColumn()),
               WhenCounted(TransferSpeedColumn()), WhenCounted(TimeRemainingColumn()), TextColumn("{task.fields[current]}", style="dim")]
    plain = None if quiet or console.is_terminal else PlainProgress(lambda line: console.print(line, highlight=False, soft_wrap=True))
    with Progress(*columns, console=console, transient=True, disable=quiet or not console.is_terminal) as bar:  # a bar is for a terminal only
        task = bar.add_task("indexing", total=None, files="", current=_fit(first_state(list(paths)), console.width - BAR_CELLS - 10))
        bar.refresh()  # at once, not at the first tick: the first file may be seconds away (the workers start, jieba loads)

        def on_progress(p) -> None:
            # the file name gets what the other columns leave of the line, so the line never wraps
            bar.update(task, total=p.bytes_total, completed=p.bytes_done, files=f"{p.done}/{p.total} files", current=_fit(p.current, console.width - OTHER_CELLS))
            if plain:
                plain(p)

        report = run_ingest(list(paths), folder, rebuild=rebuild, workers=jobs, on_progress=on_progress, debug=state(ctx).get("debug", False), max_file_mb=max_file_mb, follow_links=follow_links)

    if not quiet:
        _summary(console, report, folder, rebuild)
    for source in report.removed:
        archive = container_of(source)
        where = f"no longer in {Path(archive).name}" if archive and os.path.exists(archive) else "no longer on disk"
        click.echo(one_line(f"removed: {readable_path(source)} ({where})"), err=True)
    for copy in report.kept:
        click.echo(one_line(f"kept: {readable_path(copy)} (a copy of a file gone or changed, now indexed under its own name)"), err=True)
    given = sorted(((str(p.resolve()), str(p)) for p in paths if p.exists()), key=lambda pair: -len(pair[0]))
    for skipped in report.skipped:
        click.echo(one_line(f"skipped: {readable_path(_as_given(skipped.path, given))}: {skipped.reason}"), err=True)
    if report.interrupted:
        sys.exit(EXIT_TERMINATED if report.interrupted_by == "SIGTERM" else EXIT_INTERRUPTED)
    sys.exit(EXIT_PARTIAL if report.skipped or report.no_index else EXIT_OK)


BAR_CELLS = 20
OTHER_CELLS = 84  # the line but the file name at its widest: "indexing", the bar, "1234/5678 files", "123.4/567.8 MB", speed, time left, gaps


def _fit(name: str, cells: int) -> str:
    """name cut to at most `cells` terminal columns (an ideograph takes two), … marking a cut; "" when none fit."""
    from icpolicy.views.snippets import ELLIPSIS, display_width, fit_right

    if display_width(name) <= cells:
        return name
    return fit_right(name, cells - 1) + ELLIPSIS if cells >= 2 else ""


def _summary(console, report, folder: Path, rebuild: bool) -> None:
    if report.interrupted and rebuild:  # nothing it read was kept: no count of what was "indexed"
        what = "SIGTERM" if report.interrupted_by == "SIGTERM" else "Ctrl-C"
        console.print(f"icpolicy: interrupted by {what}: the rebuild was abandoned and its folder deleted ({counted(len(report.indexed), 'file')} "
                      f"read {'was' if len(report.indexed) == 1 else 'were'} not kept); the index is as it was -> {folder}", highlight=False)
        return
    parts = [f"indexed {counted(len(report.indexed), 'file')} ({counted(report.passages, 'passage')})"]
    if report.unchanged:
        parts.append(f"{len(report.unchanged)} unchanged")
    if report.duplicates:
        parts.append(f"{len(report.duplicates)} duplicates")
    if report.removed:
        parts.append(f"{len(report.removed)} removed (gone from disk{' or from their zip' if any(container_of(s) for s in report.removed) else ''})")
    parts.append(f"{len(report.skipped)} skipped")
    console.print(f"icpolicy: {', '.join(parts)} -> {folder}", highlight=False)
    if report.no_index:
        why = "no file could be read (each is named below with the reason)" if report.skipped else \
            "no document was found (.txt .md .pdf .docx .html …: is the folder the right one, and mounted?)"
        console.print(f"nothing was indexed, so no index was made: {why}", highlight=False)
    if report.passed_over:
        console.print(f"passed over {len(report.passed_over)} file(s) taken out with icpolicy remove: {_first_three(report.passed_over)}; ingest one by name to bring it back", highlight=False)
    if report.page_assets:
        console.print(f"passed over {len(report.page_assets)} folder(s) of saved web pages' images and scripts (beside the page): {_first_three(report.page_assets)}", highlight=False)
    for path, original in report.duplicates:
        console.print(f"duplicate: {readable_path(path)} has the same content as {readable_path(original)} (indexed once)", highlight=False)
    if report.interrupted:
        what = "SIGTERM" if report.interrupted_by == "SIGTERM" else "Ctrl-C"
        console.print(f"icpolicy: interrupted: what was indexed before {what} is committed; {counted(len(report.not_done), 'file')} {'was' if len(report.not_done) == 1 else 'were'} not indexed ({_first_three(report.not_done)}); run the same command again to finish", highlight=False)


def _as_given(path: str, given: list[tuple[str, str]]) -> str:
    """A zip member's path (recorded under the archive's resolved path) written as its archive was
    given, as every other file skipped is: docs/bundle.zip!empty.txt beside docs/empty.txt."""
    if MEMBER_SEPARATOR not in path:
        return path
    for resolved, typed in given:
        if resolved != typed and (path.startswith(resolved + os.sep) or path.startswith(resolved + MEMBER_SEPARATOR)):
            return typed + path[len(resolved):]
    return path


def _first_three(names: list[str]) -> str:
    """The first three names, and how many more there are."""
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
