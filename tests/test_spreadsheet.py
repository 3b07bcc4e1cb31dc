"""-f xlsx and the CSV, opened the way an analyst opens them: openpyxl, and LibreOffice itself."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess

import pytest

from icpolicy.models import DOC_ID_ALPHABET, doc_id_for
from icpolicy.views.export import FIELDS, Marked, table_xlsx
from tests.clirun import icpolicy

openpyxl = pytest.importorskip("openpyxl")
QUERY = ["集成电路", "-光伏", "--all"]


def _json_hits(seed_index, home):
    proc = icpolicy("search", *QUERY, "-f", "json", "--index", seed_index, home=home)
    assert proc.returncode == 0, proc.err
    return json.loads(proc.out)["hits"]


def test_xlsx_has_one_text_row_per_hit_with_the_json_values(seed_index, tmp_path):
    out = tmp_path / "hits.xlsx"
    proc = icpolicy("search", *QUERY, "-f", "xlsx", "-o", out, "--index", seed_index, home=tmp_path)
    assert proc.returncode == 0 and proc.out == "" and proc.err == ""
    hits = _json_hits(seed_index, tmp_path)
    book = openpyxl.load_workbook(out, rich_text=True)
    sheet = book.active
    rows = list(sheet.iter_rows())
    assert [c.value for c in rows[0]] == FIELDS
    assert len(rows) - 1 == len(hits) > 10
    assert sheet.freeze_panes == "A2"
    col = {name: i for i, name in enumerate(FIELDS)}
    for row, hit in zip(rows[1:], hits):
        for name in ("doc_id", "title", "source", "region", "doc_number", "issued", "years", "highlights"):
            assert row[col[name]].data_type == "s", name  # ids, codes, dates and lists are text cells
        assert row[col["doc_id"]].value == hit["doc_id"]
        assert row[col["region_path"]].value == ";".join(hit["region_path"])
        assert row[col["years"]].value == ";".join(map(str, hit["years"]))
        assert row[col["highlights"]].value == ";".join(f"{s}-{e}" for s, e in hit["highlights"])
        assert row[col["passage"]].value == hit["passage"] and row[col["score"]].data_type == "n"
        text = row[col["text"]].value
        assert str(text) == hit["text"]
        red = [str(block) for block in text if not isinstance(block, str) and block.font.b and block.font.color.rgb.endswith("C00000")]
        assert red == [hit["text"][s:e] for s, e in hit["highlights"]]
    widths = sheet.column_dimensions
    assert widths["A"].width >= 12 and 40 <= widths["K"].width <= 90  # doc_id readable; text wide but bounded


def test_xlsx_to_a_terminal_is_refused_but_a_pipe_gets_the_workbook(seed_index, tmp_path):
    proc = icpolicy("search", "集成电路", "-f", "xlsx", "--index", seed_index, home=tmp_path)
    assert proc.returncode == 0 and proc.stdout.startswith(b"PK")  # stdout is a pipe here
    proc = icpolicy("search", "集成电路", "-f", "xlsx", "-o", "-", "--index", seed_index, home=tmp_path)
    assert proc.returncode == 0 and proc.stdout.startswith(b"PK")


@pytest.mark.parametrize("command", [["stats", "集成电路", "--by", "year"], ["trend", "集成电路"], ["compare", "集成电路", "-r", "上海", "-r", "江苏"]])
def test_table_views_export_xlsx(seed_index, tmp_path, command):
    out = tmp_path / "view.xlsx"
    proc = icpolicy(*command, "-f", "xlsx", "-o", out, "--index", seed_index, home=tmp_path)
    assert proc.returncode == 0, proc.err
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert len(rows) > 1
    if command[0] in ("stats", "trend"):
        assert rows[0][:3] == ("year", "passages", "documents")  # trend adds indexed and share
        json_rows = json.loads(icpolicy(*command, "-f", "json", "--index", seed_index, home=tmp_path).out)["rows"]
        keys = [int(r["key"]) if str(r["key"]).isdigit() else r["key"] for r in json_rows]
        assert [(r[0], r[1], r[2]) for r in rows[1:]] == [(k, r["passages"], r["documents"]) for k, r in zip(keys, json_rows)]
        assert all(isinstance(r[0], int) for r in rows[1:] if r[0] != "(none)")  # a year is a number, as targets' is (session 37)
    else:
        assert rows[0][:3] == ("compared_region", "region_total", "doc_id") and {r[0] for r in rows[1:]} == {"上海", "江苏"}


def test_table_writer_keeps_strings_as_text_and_marks_whole_cell_matches(tmp_path):
    data = table_xlsx(["id", "n", "text"], [["00906e731229", 3, Marked("先进封装", ((0, 4),))], ["=1+1", 2.5, Marked("abc", ())]])
    (tmp_path / "t.xlsx").write_bytes(data)
    rows = list(openpyxl.load_workbook(tmp_path / "t.xlsx").active.iter_rows())
    assert rows[1][0].value == "00906e731229" and rows[1][0].data_type == "s"
    assert rows[2][0].value == "=1+1" and rows[2][0].data_type == "s"  # text, never a formula
    assert rows[1][2].font.b and rows[2][2].value == "abc"


def test_doc_ids_are_letters_a_spreadsheet_cannot_read_as_numbers():
    ids = {doc_id_for(f"/corpus/file-{n}.pdf") for n in range(5000)}
    assert len(ids) == 5000
    assert all(len(i) == 12 and set(i) <= set(DOC_ID_ALPHABET) for i in ids)
    assert not set(DOC_ID_ALPHABET) & set("aeiou0123456789")


def test_csv_quotes_text_and_keeps_numbers_bare(seed_index, tmp_path):
    out = tmp_path / "hits.csv"
    proc = icpolicy("search", *QUERY, "-f", "csv", "-o", out, "--index", seed_index, home=tmp_path)
    assert proc.returncode == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    hits = _json_hits(seed_index, tmp_path)
    assert [r["doc_id"] for r in rows] == [h["doc_id"] for h in hits]
    line = raw.decode("utf-8-sig").splitlines()[1]
    assert line.startswith('"') and f',{hits[0]["passage"]},' in line  # text quoted, the passage number bare


# Calc's text import options: separator, quote, UTF-8, from line 1, no column types, default
# language, "Format quoted field as text", "Detect special numbers".  The dialog's defaults
# leave both boxes unticked.
CALC_DEFAULTS = "CSV:44,34,76,1,,0,false,false"
CALC_QUOTED_AS_TEXT = "CSV:44,34,76,1,,0,true,false"


def _calc_round_trip(tmp_path, csv_path, options: str = "CSV:44,34,76,1"):
    """The CSV opened by LibreOffice Calc's own import (as a double-click does) and saved back as
    CSV with the cell contents as shown: what a person would see in each cell."""
    profile = (tmp_path / "lo-profile").as_uri()
    out = tmp_path / "calc"
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", f"--infilter={options}",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false",
                    "--outdir", str(out), str(csv_path)], check=True, capture_output=True, timeout=180)
    return list(csv.reader(io.StringIO((out / csv_path.name).read_text(encoding="utf-8"))))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed: apt install libreoffice-calc-nogui")
def test_csv_opens_unchanged_in_libreoffice_calc(seed_index, tmp_path):
    """Every cell of the exported CSV shows in Calc exactly as written: ids, dates, text, numbers."""
    out = tmp_path / "hits.csv"
    assert icpolicy("search", *QUERY, "-f", "csv", "-o", out, "--index", seed_index, home=tmp_path).returncode == 0
    written = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    shown = _calc_round_trip(tmp_path, out)
    assert len(shown) == len(written) > 10
    assert any(row[FIELDS.index("issued")] for row in written[1:])  # dates are among the cells checked
    for before, after in zip(written, shown):
        assert after == before
    # the table views too: counts, and shares such as 0.0 that a spreadsheet shows as 0
    trend = tmp_path / "trend.csv"
    assert icpolicy("trend", "集成电路", "-y", "2015-2025", "-f", "csv", "-o", trend, "--index", seed_index, home=tmp_path).returncode == 0
    written = list(csv.reader(io.StringIO(trend.read_text(encoding="utf-8-sig"))))
    assert any(row[-1] == "0" for row in written[1:]) and _calc_round_trip(tmp_path, trend) == written
    # the check can fail: a hex id of the old alphabet does not survive Calc
    control = tmp_path / "control.csv"
    control.write_text('"doc_id"\r\n"00906e731229"\r\n', encoding="utf-8")
    assert _calc_round_trip(tmp_path, control)[1] != ["00906e731229"]


NUMBER_LOOKING = """---
title: "112.10"
doc_number: "12345678901234567890"
date: 2024-05-23
---

112.10

苏州市推进集成电路产业发展。

00123

无锡市支持集成电路设计。

1e5

常州市发展集成电路封装。

=SUM(1,2)
"""


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed: apt install libreoffice-calc-nogui")
def test_number_looking_text_stays_exact_for_scripts_and_in_xlsx_and_in_calc_with_quoted_as_text(tmp_path):
    """No CSV spelling keeps `112.10` both exact for a script and text under Calc's default import
    (README, In a spreadsheet): the CSV stays exact, xlsx keeps it as text, and Calc keeps
    every cell when "Format quoted field as text" is ticked."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "数字.md").write_text(NUMBER_LOOKING, encoding="utf-8")
    index = tmp_path / "ix"
    assert icpolicy("ingest", docs, "--index", index, home=tmp_path).returncode == 0
    query = ["00123 OR 1e5 OR 集成电路 OR SUM", "--index", index]
    out = tmp_path / "hits.csv"
    assert icpolicy("search", *query, "-f", "csv", "-o", out, home=tmp_path).returncode == 0
    written = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    col = {name: i for i, name in enumerate(written[0])}
    # scripts read back exactly what JSON says; a formula is still defused
    hits = json.loads(icpolicy("search", *query, "-f", "json", home=tmp_path).out)["hits"]
    assert len(written) - 1 == len(hits) == 6
    for row, hit in zip(written[1:], hits):
        assert row[col["title"]] == hit["title"] == "112.10"
        assert row[col["doc_number"]] == hit["doc_number"] == "12345678901234567890"
        assert row[col["issued"]] == "2024-05-23"
        assert row[col["text"]] == ("'" + hit["text"] if hit["text"].startswith("=") else hit["text"])
    texts = [row[col["text"]] for row in written[1:]]
    assert "00123" in texts and "1e5" in texts and "'=SUM(1,2)" in texts
    # Calc with "Format quoted field as text": every cell as written
    assert _calc_round_trip(tmp_path, out, CALC_QUOTED_AS_TEXT) == written
    # Calc's defaults turn such text into numbers: why README sends spreadsheet users to xlsx
    shown = _calc_round_trip(tmp_path, out, CALC_DEFAULTS)
    assert shown[1][col["title"]] == "112.1" and "123" in [row[col["text"]] for row in shown]
    # the workbook keeps them as text cells
    book_path = tmp_path / "hits.xlsx"
    assert icpolicy("search", *query, "-f", "xlsx", "-o", book_path, home=tmp_path).returncode == 0
    rows = list(openpyxl.load_workbook(book_path).active.iter_rows(min_row=2))
    xcol = {name: i for i, name in enumerate(FIELDS)}
    for row, hit in zip(rows, hits):
        for name in ("title", "doc_number", "issued", "text"):
            cell = row[xcol[name]]
            assert cell.data_type == "s" and cell.value == hit[name], name


@pytest.mark.parametrize("command", [["search", "集成电路", "--all"], ["targets", "集成电路"], ["docs"], ["trend", "集成电路"]])
def test_an_output_file_named_for_a_format_gets_that_format(seed_index, tmp_path, command):
    """-o a.xlsx with no -f writes a workbook (not the terminal table as text), -o a.csv a CSV; a -f given wins."""
    book, sheet_csv, text = tmp_path / "a.xlsx", tmp_path / "a.csv", tmp_path / "b.xlsx"
    for out, extra in ((book, []), (sheet_csv, []), (text, ["-f", "table"])):
        proc = icpolicy(*command, *extra, "-o", out, "--index", seed_index, home=tmp_path)
        assert proc.returncode in (0, 1), proc.err
    assert openpyxl.load_workbook(book).active.max_row > 1
    assert next(csv.reader(io.StringIO(sheet_csv.read_text(encoding="utf-8-sig"))))[0]
    assert not text.read_bytes().startswith(b"PK")  # the table asked for, as text
