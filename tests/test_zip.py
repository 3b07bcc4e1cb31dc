"""A .zip of documents, as users ingest it: one document per member, named ARCHIVE.zip!MEMBER."""

from __future__ import annotations

import csv
import io
import json
import os
import random
import shutil
import subprocess
import zipfile
import zlib
from pathlib import Path

import pytest

from tests.clirun import icpolicy
from tests.conftest import make_docx, make_pdf

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed: apt install libreoffice-writer-nogui")

SUZHOU = "2025年苏州市政府工作报告\n\n苏州市将大力推进晶圆级封装产线建设，培育集成电路龙头企业。"
WUXI_MD = "# 2024年无锡市政府工作报告\n\n无锡市加快碳化硅功率器件项目建设，扩大车规级芯片产能。"
HEFEI_HTML = ("<html><head><title>合肥市关于支持显示面板产业发展的若干政策</title></head><body>"
              "<h1>合肥市关于支持显示面板产业发展的若干政策</h1><p>对新型显示面板项目给予设备投资补助。</p></body></html>")


def _search(index: Path, home: Path, query: str) -> list[dict]:
    proc = icpolicy("search", query, "-a", "-f", "json", "--index", index, home=home)
    assert proc.returncode in (0, 1), proc.err
    return json.loads(proc.out)["hits"] if proc.returncode == 0 else []


def _sources(index: Path, home: Path) -> set[str]:
    proc = icpolicy("docs", "--all", "-f", "json", "--index", index, home=home)
    assert proc.returncode in (0, 1), proc.err
    return {d["source"] for d in json.loads(proc.out)["documents"]} if proc.returncode == 0 else set()


def _package(tmp_path: Path) -> Path:
    """A zip of five documents in five formats, one in a sub-folder, one in a zip inside it."""
    docs = tmp_path / "docs"
    docs.mkdir()
    parts = tmp_path / "parts"
    parts.mkdir()
    make_docx(parts / "a.docx", ["2023年南京市关于加快发展智能网联汽车的实施意见", "南京市支持激光雷达企业开展车规级认证。"])
    make_pdf(parts / "b.pdf", [["2022年杭州市数字经济发展规划", "杭州市设立集成电路设计专项资金，每年安排资金支持芯片设计企业流片。"]])
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as nested:
        nested.writestr("附件/宁波.txt", "2021年宁波市政府工作报告\n\n宁波市推动石墨烯导热膜材料量产。")
    with zipfile.ZipFile(docs / "材料.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("苏州/2025.txt", SUZHOU)
        archive.writestr("无锡/2024.md", WUXI_MD)
        archive.writestr("合肥.html", HEFEI_HTML)
        archive.write(parts / "a.docx", "通知/南京.docx")
        archive.write(parts / "b.pdf", "杭州.pdf")
        archive.writestr("更早/往年材料.zip", inner.getvalue())
        archive.writestr("说明.exe", b"MZ not a document")
        archive.writestr("__MACOSX/._合肥.html", b"resource fork")
    return docs


def test_each_member_is_a_document_of_its_own(tmp_path):
    docs = _package(tmp_path)
    index = tmp_path / "ix"
    proc = icpolicy("ingest", docs, "--index", index, home=tmp_path, TMPDIR=str(_private_tmp(tmp_path)))
    assert proc.returncode == 0, proc.err
    assert "member 说明.exe passed over (unsupported type '.exe')" in proc.err
    archive = str((docs / "材料.zip").resolve())
    expected = {  # query -> (member, region, year)
        "晶圆级封装": ("苏州/2025.txt", "苏州市", 2025),
        "碳化硅功率器件": ("无锡/2024.md", "无锡市", 2024),
        "显示面板项目": ("合肥.html", "合肥市", None),
        "激光雷达": ("通知/南京.docx", "南京市", 2023),
        "集成电路设计专项资金": ("杭州.pdf", "杭州市", 2022),
        "石墨烯导热膜": ("更早/往年材料.zip!附件/宁波.txt", "宁波市", 2021),
    }
    ids = set()
    for query, (member, region, year) in expected.items():
        hits = _search(index, tmp_path, query)
        assert len(hits) == 1, query
        hit = hits[0]
        assert hit["source"] == f"{archive}!{member}", query
        assert hit["region"] == region, query
        if year:
            assert year in hit["years"], query
        ids.add(hit["doc_id"])
    assert len(ids) == len(expected)
    titles = {d["source"]: d for d in json.loads(icpolicy("docs", "--all", "-f", "json", "--index", index, home=tmp_path).out)["documents"]}
    assert titles[f"{archive}!苏州/2025.txt"]["title"] == "2025年苏州市政府工作报告"
    assert titles[f"{archive}!苏州/2025.txt"]["doc_type"] == "政府工作报告"
    assert titles[f"{archive}!合肥.html"]["title"] == "合肥市关于支持显示面板产业发展的若干政策"
    assert len(titles) == len(expected)
    # the source key is what every output carries: CSV too
    out = icpolicy("search", "晶圆级封装", "-f", "csv", "--index", index, home=tmp_path).out
    assert [row["source"] for row in csv.DictReader(io.StringIO(out.lstrip("\ufeff")))] == [f"{archive}!苏州/2025.txt"]
    # nothing was unpacked anywhere: not beside the zip, not in the temp folder
    assert sorted(p.name for p in docs.iterdir()) == ["材料.zip"]
    assert not any(_private_tmp(tmp_path).iterdir())
    # info still lists the folder ingested, and counts documents
    facts = json.loads(icpolicy("info", "-f", "json", "--index", index, home=tmp_path).out)
    assert facts["folders"] == [str(docs.resolve())] and facts["documents"] == len(expected)


def _private_tmp(tmp_path: Path) -> Path:
    folder = tmp_path / "private-tmp"
    folder.mkdir(exist_ok=True)
    return folder


def test_a_bad_member_is_named_and_the_others_are_indexed(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    with zipfile.ZipFile(docs / "混合.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("好.txt", SUZHOU)
        archive.writestr("坏.pdf", b"%PDF-1.4 this is no PDF at all")
        archive.writestr("空.txt", b"   \n")
        archive.writestr("坏.docx", b"PK\x03\x04 not a docx")
    proc = icpolicy("ingest", docs, "--index", tmp_path / "ix", home=tmp_path)
    assert proc.returncode == 1
    archive = str((docs / "混合.zip").resolve())
    assert f"skipped: {archive}!坏.pdf: corrupt PDF" in proc.err
    assert f"skipped: {archive}!空.txt: empty file" in proc.err
    assert f"skipped: {archive}!坏.docx: corrupt docx" in proc.err
    assert [h["source"] for h in _search(tmp_path / "ix", tmp_path, "晶圆级封装")] == [f"{archive}!好.txt"]
    # a zip with nothing readable is one skipped file that says why
    with zipfile.ZipFile(docs / "全坏.zip", "w") as archive_file:
        archive_file.writestr("坏.pdf", b"%PDF-1.4 broken")
    (docs / "不是.zip").write_bytes(b"PK\x05\x06 truncated")
    proc = icpolicy("ingest", docs, "--index", tmp_path / "ix", home=tmp_path)
    assert proc.returncode == 1
    assert "全坏.zip: no readable document inside the zip (坏.pdf: corrupt PDF" in proc.err
    assert "不是.zip: corrupt zip archive" in proc.err


def _patch_name(path: Path, placeholder: bytes, raw_name: bytes) -> None:
    """Put a name in the zip's own bytes as a Windows zipper writes it: no UTF-8 flag (zipfile always sets one)."""
    assert len(placeholder) == len(raw_name)
    data = path.read_bytes()
    assert data.count(placeholder) == 2  # local header and central directory
    path.write_bytes(data.replace(placeholder, raw_name))


def test_member_names_from_chinese_windows_macos_and_dos_zips(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    gbk = "苏州报告.txt".encode("gbk")
    dos = "Café.txt".encode("cp437")
    mac = "合肥政策.html".encode("utf-8")  # UTF-8 without the flag, as macOS writes
    with zipfile.ZipFile(docs / "windows.zip", "w") as archive:
        archive.writestr("X" * (len(gbk) - 4) + ".txt", SUZHOU)
        archive.writestr("Y" * (len(dos) - 4) + ".txt", WUXI_MD)
        archive.writestr("Z" * (len(mac) - 5) + ".html", HEFEI_HTML)
    _patch_name(docs / "windows.zip", b"X" * (len(gbk) - 4) + b".txt", gbk)
    _patch_name(docs / "windows.zip", b"Y" * (len(dos) - 4) + b".txt", dos)
    _patch_name(docs / "windows.zip", b"Z" * (len(mac) - 5) + b".html", mac)
    with zipfile.ZipFile(docs / "infozip.zip", "w") as archive:  # Info-ZIP's Unicode Path field beside a plain name
        info = zipfile.ZipInfo("a.md")
        field = b"\x01" + zlib.crc32(b"a.md").to_bytes(4, "little") + "无锡要闻.md".encode("utf-8")
        info.extra = b"\x75\x70" + len(field).to_bytes(2, "little") + field
        archive.writestr(info, "2024年无锡市政府工作报告\n\n无锡市推动物联网传感器芯片研发。")
    with zipfile.ZipFile(docs / "windows.zip") as check:
        assert all(not info.flag_bits & 0x800 for info in check.infolist())
    proc = icpolicy("ingest", docs, "--index", tmp_path / "ix", home=tmp_path)
    assert proc.returncode == 0, proc.err
    archive = str((docs / "windows.zip").resolve())
    assert _sources(tmp_path / "ix", tmp_path) == {f"{archive}!苏州报告.txt", f"{archive}!Café.txt", f"{archive}!合肥政策.html",
                                                   str((docs / "infozip.zip").resolve()) + "!无锡要闻.md"}


def test_path_traversal_names_are_only_names(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    with zipfile.ZipFile(docs / "evil.zip", "w") as archive:
        archive.writestr("../../逃出去.txt", SUZHOU)
        archive.writestr("/etc/绝对路径.txt", WUXI_MD)
        archive.writestr("..\\..\\反斜杠.txt", "合肥市对新型显示面板项目给予设备投资补助。")
    before = sorted(str(p) for p in tmp_path.rglob("*"))
    proc = icpolicy("ingest", docs, "--index", tmp_path / "ix", home=tmp_path)
    assert proc.returncode == 0, proc.err
    archive = str((docs / "evil.zip").resolve())
    assert _sources(tmp_path / "ix", tmp_path) == {f"{archive}!逃出去.txt", f"{archive}!etc/绝对路径.txt", f"{archive}!反斜杠.txt"}
    created = sorted(str(p) for p in tmp_path.rglob("*") if str(p) not in before)
    assert all(p.startswith(str(tmp_path / "ix")) or p.startswith(str(tmp_path / "xdg-data")) for p in created), created
    assert not list(tmp_path.parent.glob("逃出去.txt")) and not Path("/etc/绝对路径.txt").exists()


def _noise(n: int, seed: int) -> str:
    """Text that does not compress much: n random common CJK characters, in lines."""
    rng = random.Random(seed)
    chars = [chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(n)]
    return "\n".join("".join(chars[i:i + 60]) + "。" for i in range(0, n, 60))


def test_zip_bomb_guard_per_member_and_member_count(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    with zipfile.ZipFile(docs / "夹带.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("正常.txt", SUZHOU)
        archive.writestr("炸弹.txt", b"\xe3\x80\x80" * (600 * 1024))  # 1.8 MB of ideographic spaces, ~2 KB packed
        archive.writestr("太大.txt", _noise(120_000, 1))  # ~360 KB, over --max-file-mb 0.3
    proc = icpolicy("ingest", docs, "--index", tmp_path / "ix", "--max-file-mb", "0.3", home=tmp_path)
    assert proc.returncode == 1
    archive = str((docs / "夹带.zip").resolve())
    assert f"skipped: {archive}!炸弹.txt: refused: expands" in proc.err and "(zip bomb?)" in proc.err
    assert f"skipped: {archive}!太大.txt: too large" in proc.err and "--max-file-mb" in proc.err
    assert _sources(tmp_path / "ix", tmp_path) == {f"{archive}!正常.txt"}
    # more than the zip's total allowance, as its directory declares: refused before any member is read
    sizes = tmp_path / "sizes"
    sizes.mkdir()
    with zipfile.ZipFile(sizes / "巨大.zip", "w") as archive_file:
        archive_file.writestr("正常.txt", SUZHOU)
        archive_file.writestr("大.txt", "x")
    data = bytearray((sizes / "巨大.zip").read_bytes())
    entry = data.rfind(b"PK\x01\x02")  # the central directory entry of 大.txt
    data[entry + 20:entry + 28] = (210 * 1000 * 1000).to_bytes(4, "little") * 2  # compressed and uncompressed size
    (sizes / "巨大.zip").write_bytes(bytes(data))
    proc = icpolicy("ingest", sizes, "--index", tmp_path / "ix3", home=tmp_path)
    assert proc.returncode == 1 and "巨大.zip: refused: archive expands to 210 MB in 2 files, over the 200 MB limit" in proc.err
    assert "unzip it and ingest the folder" in proc.err
    # too many members: refused whole, before any is read
    crowd = tmp_path / "crowd"
    crowd.mkdir()
    with zipfile.ZipFile(crowd / "许多.zip", "w") as archive_file:
        for k in range(10_001):
            archive_file.writestr(f"{k}.txt", "")
    proc = icpolicy("ingest", crowd, "--index", tmp_path / "ix2", home=tmp_path)
    assert proc.returncode == 1 and "许多.zip: refused: 10,001 files in the archive" in proc.err


def test_reingest_a_changed_touched_copied_and_deleted_zip(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    index = tmp_path / "ix"
    path = docs / "年报.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("苏州.txt", SUZHOU)
        archive.writestr("无锡.md", WUXI_MD)
        archive.writestr("合肥.html", HEFEI_HTML)
    key = str(path.resolve())
    assert icpolicy("ingest", docs, "--index", index, home=tmp_path).returncode == 0
    assert len(_sources(index, tmp_path)) == 3
    # unchanged, then only touched: not read again
    again = icpolicy("ingest", docs, "--index", index, home=tmp_path)
    assert again.returncode == 0 and "indexed 0 files" in again.err and "1 unchanged" in again.err
    os.utime(path, (1_700_000_000, 1_700_000_000))
    again = icpolicy("ingest", docs, "--index", index, home=tmp_path)
    assert again.returncode == 0 and "indexed 0 files" in again.err and "1 unchanged" in again.err
    # a copy under another name is a duplicate, indexed once
    shutil.copy(path, docs / "副本.zip")
    copied = icpolicy("ingest", docs, "--index", index, home=tmp_path)
    assert copied.returncode == 0 and f"副本.zip has the same content as {key} (indexed once)" in copied.err
    (docs / "副本.zip").unlink()
    # a member taken out of the zip leaves the index, and is named
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("苏州.txt", SUZHOU)
        archive.writestr("合肥.html", HEFEI_HTML)
    changed = icpolicy("ingest", docs, "--index", index, home=tmp_path)
    assert changed.returncode == 0, changed.err
    assert f"removed: {key}!无锡.md (no longer in 年报.zip)" in changed.err
    assert f"removed: {key}!苏州.txt" not in changed.err
    assert _sources(index, tmp_path) == {f"{key}!苏州.txt", f"{key}!合肥.html"}
    assert not _search(index, tmp_path, "碳化硅功率器件")
    # the zip deleted: all its members leave
    path.unlink()
    gone = icpolicy("ingest", docs, "--index", index, home=tmp_path)
    assert gone.returncode == 0, gone.err
    assert f"removed: {key}!苏州.txt (no longer on disk)" in gone.err and f"removed: {key}!合肥.html (no longer on disk)" in gone.err
    assert _sources(index, tmp_path) == set()


def test_remove_a_zip_or_one_member(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    index = tmp_path / "ix"
    for name in ("一.zip", "二.zip"):
        with zipfile.ZipFile(docs / name, "w") as archive:
            archive.writestr("苏州.txt", SUZHOU.replace("2025", "2025" if name == "一.zip" else "2026"))
            archive.writestr("无锡.md", WUXI_MD.replace("2024", "2024" if name == "一.zip" else "2023"))
    (docs / "单独.txt").write_text("合肥市对新型显示面板项目给予设备投资补助。", encoding="utf-8")
    assert icpolicy("ingest", docs, "--index", index, home=tmp_path).returncode == 0
    one, two = str((docs / "一.zip").resolve()), str((docs / "二.zip").resolve())
    proc = icpolicy("remove", "docs/一.zip", "--index", index, home=tmp_path)
    assert proc.returncode == 0, proc.err
    assert f"removed: {one}!苏州.txt" in proc.err and f"removed: {one}!无锡.md" in proc.err
    proc = icpolicy("remove", "docs/二.zip!无锡.md", "--index", index, home=tmp_path)
    assert proc.returncode == 0 and f"removed: {two}!无锡.md" in proc.err
    assert _sources(index, tmp_path) == {f"{two}!苏州.txt", str((docs / "单独.txt").resolve())}
    assert icpolicy("remove", "docs/二.zip!没有.txt", "--index", index, home=tmp_path).returncode == 1
    proc = icpolicy("remove", "docs", "--index", index, home=tmp_path)  # a folder takes the zips in it along
    assert proc.returncode == 0 and f"removed: {two}!苏州.txt" in proc.err and _sources(index, tmp_path) == set()



def test_a_removed_member_stays_out_of_its_folder_and_comes_back_with_its_zip(tmp_path):
    # README: a later ingest of the folder passes the member over and says so; ingesting the zip brings it back
    # (the zip is unchanged on disk: it was counted unchanged and the member stayed out)
    docs = tmp_path / "docs"
    docs.mkdir()
    index = tmp_path / "ix"
    with zipfile.ZipFile(docs / "包.zip", "w") as archive:
        archive.writestr("苏州.txt", SUZHOU)
        archive.writestr("无锡.md", WUXI_MD)
    assert icpolicy("ingest", docs, "--index", index, home=tmp_path).returncode == 0
    key = str((docs / "包.zip").resolve())
    assert icpolicy("remove", "docs/包.zip!无锡.md", "--index", index, home=tmp_path).returncode == 0
    assert _sources(index, tmp_path) == {f"{key}!苏州.txt"}
    again = icpolicy("ingest", docs, "--index", index, home=tmp_path)
    assert again.returncode == 0, again.err
    assert "passed over 1 file(s) taken out with icpolicy remove" in again.err and "无锡.md" in again.err
    assert _sources(index, tmp_path) == {f"{key}!苏州.txt"}
    back = icpolicy("ingest", docs / "包.zip", "--index", index, home=tmp_path)
    assert back.returncode == 0, back.err
    assert _sources(index, tmp_path) == {f"{key}!苏州.txt", f"{key}!无锡.md"}
    assert [h["region_path"] for h in _search(index, tmp_path, "碳化硅功率器件")] == [["江苏省", "无锡市"]]
    assert icpolicy("ingest", docs, "--index", index, home=tmp_path).returncode == 0  # no longer excluded: stays in
    assert _sources(index, tmp_path) == {f"{key}!苏州.txt", f"{key}!无锡.md"}

@needs_soffice
def test_a_doc_member_goes_through_libreoffice(tmp_path):
    work = tmp_path / "make"
    work.mkdir()
    source = make_docx(work / "source.docx", ["2024年常州市关于支持光伏产业发展的通知", "常州市支持异质结电池中试线建设。"])
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}", "--headless", "--convert-to", "doc",
                    "--outdir", str(work), str(source)], check=True, capture_output=True, timeout=180)
    docs = tmp_path / "docs"
    docs.mkdir()
    with zipfile.ZipFile(docs / "旧格式.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(work / "source.doc", "常州.doc")
    private = _private_tmp(tmp_path)
    proc = icpolicy("ingest", docs, "--index", tmp_path / "ix", home=tmp_path, TMPDIR=str(private))
    assert proc.returncode == 0, proc.err
    hits = _search(tmp_path / "ix", tmp_path, "异质结电池")
    assert [h["source"] for h in hits] == [str((docs / "旧格式.zip").resolve()) + "!常州.doc"]
    assert hits[0]["region"] == "常州市"
    assert not any(private.iterdir())  # the conversion's temp files and profile are gone


def test_the_clickhouse_backend_reads_members_too(tmp_path):
    pytest.importorskip("chdb")
    docs = tmp_path / "docs"
    docs.mkdir()
    with zipfile.ZipFile(docs / "材料.zip", "w") as archive:
        archive.writestr("苏州/2025.txt", SUZHOU)
        archive.writestr("无锡/2024.md", WUXI_MD)
        archive.writestr("坏.pdf", b"%PDF-1.4 broken")
    backend = ["--backend", f"chdb:{tmp_path / 'ch'}"]
    proc = icpolicy(*backend, "ingest", docs, home=tmp_path)
    key = str((docs / "材料.zip").resolve())
    assert proc.returncode == 1 and f"skipped: {key}!坏.pdf: corrupt PDF" in proc.err
    hits = json.loads(icpolicy(*backend, "search", "碳化硅功率器件 OR 晶圆级封装", "-f", "json", home=tmp_path).out)["hits"]
    assert {(h["source"], h["region"]) for h in hits} == {(f"{key}!苏州/2025.txt", "苏州市"), (f"{key}!无锡/2024.md", "无锡市")}
    again = icpolicy(*backend, "ingest", docs, home=tmp_path)
    assert again.returncode == 0 and "1 unchanged" in again.err


def test_a_member_that_turns_unreadable_keeps_its_earlier_document_and_is_named_each_time(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    good = make_docx(tmp_path / "good.docx", ["2023年南京市关于加快发展智能网联汽车的实施意见", "南京市支持激光雷达企业开展车规级认证。"])
    path = docs / "包.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("苏州.txt", SUZHOU)
        archive.write(good, "南京.docx")
    index = tmp_path / "ix"
    assert icpolicy("ingest", docs, "--index", index, home=tmp_path).returncode == 0
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("苏州.txt", SUZHOU)
        archive.writestr("南京.docx", b"PK\x03\x04 damaged in transit")
    key = str(path.resolve())
    for _ in range(2):  # named on every ingest, as an unreadable file is
        proc = icpolicy("ingest", docs, "--index", index, home=tmp_path)
        assert proc.returncode == 1 and f"skipped: {key}!南京.docx: corrupt docx" in proc.err and "removed:" not in proc.err
        assert [h["source"] for h in _search(index, tmp_path, "激光雷达")] == [f"{key}!南京.docx"]


def test_zips_nested_deeper_than_three_are_named_not_opened(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    data = b""
    for level in (4, 3, 2):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr(f"第{level}层.txt", SUZHOU.replace("苏州", "无锡") if level == 3 else SUZHOU)
            if data:
                archive.writestr(f"第{level + 1}层.zip", data)
        data = buffer.getvalue()
    with zipfile.ZipFile(docs / "外层.zip", "w") as archive:
        archive.writestr("第2层.zip", data)
    proc = icpolicy("ingest", docs, "--index", tmp_path / "ix", home=tmp_path)
    key = str((docs / "外层.zip").resolve())
    assert proc.returncode == 1
    assert f"skipped: {key}!第2层.zip!第3层.zip!第4层.zip: a zip nested more than 3 deep is not opened" in proc.err
    assert _sources(tmp_path / "ix", tmp_path) == {f"{key}!第2层.zip!第2层.txt", f"{key}!第2层.zip!第3层.zip!第3层.txt"}


def test_a_folder_whose_name_looks_like_a_member_key_is_a_folder(tmp_path):
    folder = tmp_path / "docs" / "备份.zip!旧"
    folder.mkdir(parents=True)
    (folder / "苏州.txt").write_text(SUZHOU, encoding="utf-8")
    index = tmp_path / "ix"
    for _ in range(2):
        proc = icpolicy("ingest", tmp_path / "docs", "--index", index, home=tmp_path)
        assert proc.returncode == 0 and "removed:" not in proc.err, proc.err
    assert _sources(index, tmp_path) == {str((folder / "苏州.txt").resolve())}
