"""`icpolicy info` (where the index is, why, and what it holds) and `icpolicy remove` (take files out)."""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime
from pathlib import Path

import click

from icpolicy.cli.params import DocumentPath
from icpolicy.cli.app import damage_message, index_option, main, state
from icpolicy.errors import EXIT_INDEX, EXIT_OK, EXIT_PARTIAL
from icpolicy.models import readable_path
from icpolicy.cli.location import locate_index
from icpolicy.cli.output import color_option, err_console, out_console, output_option, write_output
from icpolicy.units import counted


@main.command(epilog="""\b
Examples:
  icpolicy info                          where the index is, why there, and what it holds
  icpolicy info -f json | jq .documents
  ICPOLICY_INDEX=~/work/index icpolicy info
  icpolicy info --index /srv/icpolicy/index
  icpolicy --backend chdb:data/clickhouse info      ClickHouse tables instead of the folder

\b
JSON keys: index, why, reason, exists, schema_version, built_by, tool_version,
documents, passages, bytes, last_ingest, folders, targets, problem.
targets: "stored" (the targets view reads the quantities stored at ingest),
"stale" (stored by other target rules: extracted at query time, slower, until
a rebuild) or "not stored" (ClickHouse, or no index).
Exit codes: 0 the index is there and readable, 3 missing, damaged (the file
named in problem, with the rebuild command) or unreadable (the location is
still reported).
""")
@index_option
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@output_option
@color_option
@click.pass_context
def info(ctx: click.Context, index_path: Path | None, fmt: str, output: Path | None) -> None:
    """Say where the index is and why (flag, env, folder or default), and what it holds."""
    from icpolicy.engine.clickhouse import backend_spec

    spec = backend_spec(state(ctx).get("backend"))
    facts = describe_backend(spec, bool(state(ctx).get("backend"))) if spec else describe(index_path)
    if fmt == "json":
        write_output(output, json.dumps(facts, ensure_ascii=False, indent=2) + "\n")
    else:
        lines = [
            ("index", facts["index"]),
            ("why", f"{facts['why']}: {facts['reason']}"),
            ("status", "ready" if facts["exists"] and not facts["problem"] else (facts["problem"] or "missing")),
            ("schema", f"{facts['schema_version']} (built by icpolicy {facts['built_by']}; this is {facts['tool_version']})" if facts["exists"] else "—"),
            ("documents", f"{facts['documents']:,}"),
            ("passages", f"{facts['passages']:,}"),
            ("on disk", _size(facts["bytes"])),
            ("last ingest", facts["last_ingest"] or "—"),
            ("folders", "\n             ".join(facts["folders"]) or "—"),
            ("targets", _TARGETS[facts["targets"]].format(rebuild=f"icpolicy ingest --rebuild --index {facts['index']}")),
        ]
        text = "".join(f"{name:>11}  {value}\n" for name, value in lines)
        if output is None or str(output) == "-":
            out_console().print(text, end="", markup=False)
        else:
            write_output(output, text)
    sys.exit(EXIT_OK if facts["exists"] and not facts["problem"] else EXIT_INDEX)


_TARGETS = {
    "stored": "stored: quantities stored at ingest (current rules)",
    "stale": "stale: quantities stored by other rules, extracted at query time (slower) until {rebuild}",
    "not stored": "not stored: extracted at query time",
}


def describe(index_path: Path | None) -> dict:
    """The facts `info` reports, as a dict with its documented JSON keys."""
    from icpolicy._version import __version__
    from icpolicy.engine import manifest as manifests, schema
    from icpolicy.errors import IcpolicyError, IndexDamaged, IndexMissing, IndexUnreadable

    where = locate_index(index_path)
    folder = where.path
    facts = {"index": str(folder.absolute()), "why": where.why, "reason": where.reason, "exists": False,
             "schema_version": None, "built_by": None, "tool_version": __version__, "documents": 0, "passages": 0,
             "bytes": _bytes(folder), "last_ingest": None, "folders": [], "targets": "not stored", "problem": None}
    try:
        manifest = manifests.read_manifest(folder)
    except IndexMissing:
        facts["problem"] = "no index here yet" + (": the first search builds it from the bundled seeds" if where.may_seed else f": {manifests.build_hint(folder)}")
        return facts
    except IcpolicyError as exc:
        facts.update(exists=True, problem=str(exc))
        return facts
    try:  # what a search opens: a file this user may not read is a problem to report here too
        unreadable = [name for name in manifests.tantivy_files(folder) if not os.access(folder / schema.FOLDER / name, os.R_OK)]
    except IcpolicyError as exc:
        unreadable, facts["problem"] = [], str(exc)
    if unreadable:
        facts["problem"] = str(IndexUnreadable(str(folder / schema.FOLDER / unreadable[0])))
    elif not facts["problem"]:
        try:  # the checks every search makes before it answers: a damaged index is not "ready"
            manifests.check_files(folder, manifest)
            from icpolicy.engine.writer import open_tantivy

            open_tantivy(folder)  # tantivy's own (.managed.json, meta.json's segments), as a search opens it
        except IndexDamaged as exc:
            facts["problem"] = damage_message(exc)
    facts.update(
        exists=True,
        schema_version=manifest.get("schema_version"),
        built_by=manifest.get("tool_version"),
        documents=int(manifest.get("documents", 0)),
        passages=int(manifest.get("passages", 0)),
        last_ingest=_mtime(folder / manifests.MANIFEST),
        folders=[readable_path(root) for root in manifest.get("roots", [])],  # (a GBK folder name: as search shows its files)
        targets=_targets_state(manifest.get("targets")),
    )
    return facts


def _targets_state(recorded: str | None) -> str:
    """Whether the index's stored quantities are by the rules of this version (meta/target_store.py)."""
    from icpolicy.meta import target_store

    return "not stored" if not recorded else "stored" if recorded == target_store.rules_hash() else "stale"


def describe_backend(spec: str, from_flag: bool) -> dict:
    """The facts `info` reports for ClickHouse tables (--backend or $ICPOLICY_BACKEND), same keys."""
    from icpolicy._version import __version__
    from icpolicy.engine.clickhouse import ENV
    from icpolicy.engine.clickhouse import schema
    from icpolicy.engine.clickhouse.connection import connect
    from icpolicy.errors import IndexIncompatible, IndexMissing

    facts = {"index": spec, "why": "flag" if from_flag else "env", "reason": "--backend" if from_flag else f"${ENV}", "exists": False,
             "schema_version": None, "built_by": None, "tool_version": __version__, "documents": 0, "passages": 0, "bytes": 0,
             "last_ingest": None, "folders": [], "targets": "not stored", "problem": None}
    try:
        conn = connect(spec, create=False)
    except IndexMissing as exc:
        facts["problem"] = str(exc)
        return facts
    try:
        facts.update(exists=True, **schema.describe(conn))
    except IndexMissing as exc:
        facts.update(exists=False, problem=str(exc))
    except IndexIncompatible as exc:
        facts["problem"] = str(exc)
    finally:
        conn.close()
    return facts


def _bytes(folder: Path) -> int:
    total = 0
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            try:
                total += os.lstat(os.path.join(dirpath, name)).st_size
            except OSError:
                pass
    return total


def _mtime(path: Path) -> str | None:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime).astimezone().isoformat(timespec="seconds")
    except OSError:
        return None


def _size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:,} {unit}" if unit == "bytes" else f"{n:,.1f} {unit}"
        n /= 1024
    return str(n)


@main.command(epilog="""\b
Examples:
  icpolicy remove ~/reports/old-draft.docx
  icpolicy remove ~/reports/2019/             every document ingested from under that folder
  icpolicy remove gone.pdf --index /srv/icpolicy/index
  icpolicy --backend clickhouse://db1:8123/icpolicy remove ~/reports/2019/

\b
Exit codes: 0 removed, 1 some PATH matched nothing in the index (each is named), or a copy
of a file taken out, to be indexed in its place, could not be read (named), 2 usage error, 3 index missing, damaged, busy or not writable (read-only, another user's).
""")
@click.argument("paths", nargs=-1, required=True, type=DocumentPath())
@index_option
@color_option
@click.pass_context
def remove(ctx: click.Context, paths: tuple[Path, ...], index_path: Path | None) -> None:
    """Take files, or every file under folders, out of the index (the files may be gone already).

    A removed folder is also dropped from what `ingest --rebuild` reads again, and what you remove
    stays out when the folder it lies in is ingested again or rebuilt, until you ingest it by
    name. A copy of a removed file that was ingested as its duplicate is indexed in its place.
    Your files are never touched: only the index changes.
    """
    from icpolicy.engine.clickhouse import backend_spec
    from icpolicy.pipeline.remove import remove as run_remove

    if spec := backend_spec(state(ctx).get("backend")):  # ClickHouse tables (issue 16)
        from icpolicy.engine.clickhouse.connection import connect
        from icpolicy.pipeline.clickhouse_load import remove as remove_rows

        folder = spec
        report = remove_rows(list(paths), connect(spec, create=False))
    else:
        folder = locate_index(index_path).path
        for path in paths:
            if path.resolve() == Path(path.anchor or "/").resolve():
                from icpolicy.errors import UsageError

                raise UsageError(f"refusing to take out everything under {path} (\"$DIR/\" with DIR unset?): name the folders or files")
        try:
            report = run_remove(list(paths), folder)
        except OSError as exc:  # the lock or the index cannot be written (read-only, another user's): an index problem
            from icpolicy.errors import IndexWriteFailed

            raise IndexWriteFailed(exc.filename or str(folder), exc.strerror or str(exc), "nothing was removed: the index is as it was") from None
    if not state(ctx).get("quiet"):
        err_console().print(f"icpolicy: removed {counted(len(report.removed), 'document')} from {folder}", highlight=False, markup=False)
        for source in report.removed:
            click.echo(f"removed: {source}", err=True)
        for root in getattr(report, "dropped", []):  # the ClickHouse report has no list of folders
            click.echo(f"dropped from what ingest --rebuild reads again: {readable_path(root)}", err=True)
        for copy in getattr(report, "kept", []):
            click.echo(f"kept: {readable_path(str(copy))} (a copy of a file taken out, now indexed under its own name)", err=True)
    for skipped in getattr(report, "skipped", []):
        click.echo(f"skipped: {skipped.path}: {skipped.reason} (a copy of a file taken out: its text is no longer in the index; "
                   f"fix that and ingest it by name)", err=True)
    for path in report.not_found:
        click.echo(f"not in the index: {path}", err=True)
    sys.exit(EXIT_PARTIAL if report.not_found or getattr(report, "skipped", []) else EXIT_OK)
