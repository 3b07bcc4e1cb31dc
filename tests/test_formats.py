"""The formats analysts receive: .doc and .wps through LibreOffice, .ofd named, .zip member by member."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import zipfile

import pytest

from tests.clirun import env_for, icpolicy
from tests.conftest import make_docx, make_pdf

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed: apt install libreoffice-writer-nogui")


def _make_doc(tmp_path, name: str, paragraphs: list[str]):
    """A real Word 97-2003 .doc, written by LibreOffice itself from a .docx."""
    work = tmp_path / "make"
    work.mkdir(exist_ok=True)
    source = make_docx(work / "source.docx", paragraphs)
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}", "--headless", "--convert-to", "doc",
                    "--outdir", str(work), str(source)], check=True, capture_output=True, timeout=180)
    return (work / "source.doc").read_bytes()


def _hits(index, home, query):
    proc = icpolicy("search", query, "-a", "-f", "json", "--index", index, home=home)
    return json.loads(proc.out)["hits"] if proc.returncode == 0 else []


@needs_soffice
def test_doc_and_wps_are_converted_through_libreoffice(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    data = _make_doc(tmp_path, "x", ["某县关于加快发展功率半导体产业的实施意见", "对新建的氮化镓外延片产线，按设备投资额给予补助。"])
    assert data.startswith(b"\xd0\xcf\x11\xe0")  # an OLE compound file, as Word 97-2003 writes
    (docs / "县政策.doc").write_bytes(data)
    # WPS Writer's .wps is the same OLE word-processor structure; a county office's file named .wps
    (docs / "通知.wps").write_bytes(data)
    proc = icpolicy("ingest", docs, "--index", tmp_path / "ix", "-j", "1", home=tmp_path)
    assert proc.returncode == 0, proc.err
    hits = _hits(tmp_path / "ix", tmp_path, "氮化镓外延片")
    assert {h["source"].rsplit("/", 1)[-1] for h in hits} <= {"县政策.doc", "通知.wps"} and hits
    assert "duplicate" in proc.err  # the same content under two names is indexed once, and said
    assert not list(tmp_path.glob("icpolicy-convert-*"))


@needs_soffice
def test_rtf_and_odt_are_read_through_libreoffice(tmp_path):
    # (they were passed over in a folder, and named unsupported when given)
    work = tmp_path / "make"
    work.mkdir()
    source = make_docx(work / "source.docx", ["某市关于支持车规芯片验证的通知", "对建设车规芯片可靠性验证平台的企业给予补助。"])
    docs = tmp_path / "docs"
    docs.mkdir()
    for kind, name in (("rtf", "通知.rtf"), ("odt", "另一份.odt")):
        subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}", "--headless", "--convert-to", kind,
                        "--outdir", str(work), str(source)], check=True, capture_output=True, timeout=180)
        (docs / name).write_bytes((work / f"source.{kind}").read_bytes())
    proc = icpolicy("ingest", docs, "--index", tmp_path / "ix", "-j", "1", home=tmp_path)
    assert proc.returncode == 0, proc.err
    assert {h["source"].rsplit("/", 1)[-1] for h in _hits(tmp_path / "ix", tmp_path, "车规芯片可靠性验证平台")} == {"通知.rtf", "另一份.odt"}


def test_doc_without_libreoffice_is_skipped_with_the_reason_and_the_install_hint(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "旧文件.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    (docs / "ok.txt").write_text("支持先进封装。", encoding="utf-8")
    bare = tmp_path / "bin"
    bare.mkdir()
    env = env_for(tmp_path, PATH=str(bare))
    proc = subprocess.run([os.sys.executable, "-m", "icpolicy", "ingest", str(docs), "--index", str(tmp_path / "ix")],
                          capture_output=True, env=env, timeout=120)
    err = proc.stderr.decode()
    assert proc.returncode == 1
    assert "旧文件.doc" in err and "needs LibreOffice" in err and "libreoffice-writer-nogui" in err


def test_ofd_is_skipped_with_the_reason_and_what_to_do(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    with zipfile.ZipFile(docs / "公文.ofd", "w") as ofd:
        ofd.writestr("OFD.xml", '<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>')
    proc = icpolicy("ingest", docs, "--index", tmp_path / "ix", home=tmp_path)
    assert proc.returncode == 1 and "公文.ofd" in proc.err and "OFD is not supported" in proc.err and "PDF" in proc.err


def test_a_zip_is_read_member_by_member(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    parts = tmp_path / "parts"
    parts.mkdir()
    make_docx(parts / "a.docx", ["甲区支持晶圆级封装项目落地。"])
    make_pdf(parts / "b.pdf", [["乙区设立集成电路设计专项资金，", "每年安排资金支持芯片设计企业流片。"]])
    with zipfile.ZipFile(docs / "文件包.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(parts / "a.docx", "通知/a.docx")
        archive.write(parts / "b.pdf", "b.pdf")
        archive.writestr("c.txt", "丙区推动碳化硅衬底扩产。")
        archive.writestr("readme.exe", b"MZ")
        archive.writestr("__MACOSX/._a.docx", b"junk")
    proc = icpolicy("ingest", docs, "--index", tmp_path / "ix", home=tmp_path)
    assert proc.returncode == 0, proc.err
    assert "member readme.exe passed over (unsupported type '.exe')" in proc.err
    for query in ("晶圆级封装", "集成电路设计专项资金", "碳化硅衬底"):
        hits = _hits(tmp_path / "ix", tmp_path, query)
        assert hits and hits[0]["source"].startswith(str((docs / "文件包.zip").resolve()) + "!"), query
    assert len({_hits(tmp_path / "ix", tmp_path, q)[0]["doc_id"] for q in ("晶圆级封装", "集成电路设计专项资金", "碳化硅衬底")}) == 3


def test_a_zip_bomb_is_refused_before_it_is_expanded(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    with zipfile.ZipFile(docs / "bomb.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("big.txt", b"0" * (60 * 1024 * 1024))
    assert (docs / "bomb.zip").stat().st_size < 1024 * 1024
    proc = icpolicy("ingest", docs, "--index", tmp_path / "ix", home=tmp_path)
    assert proc.returncode == 1 and "bomb.zip" in proc.err and "zip bomb" in proc.err


@pytest.mark.skipif(os.name != "posix", reason="the stand-in LibreOffice is a shell script")
def test_a_hanging_libreoffice_is_killed_after_the_timeout_and_the_file_named(tmp_path):
    token = f"icpolicy-hang-{os.getpid()}"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "soffice"
    nap = f"59.{os.getpid()}"  # a sleep no other process runs, to look for afterwards
    fake.write_text(f"#!/bin/sh\n# {token}\nsleep {nap} &\nwait\n", encoding="utf-8")  # a child of its own, as soffice.bin is
    fake.chmod(0o755)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "卡住.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    env = env_for(tmp_path, PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}", ICPOLICY_SOFFICE_TIMEOUT="2")
    proc = subprocess.run([os.sys.executable, "-m", "icpolicy", "ingest", str(docs), "--index", str(tmp_path / "ix")],
                          capture_output=True, env=env, timeout=60)
    err = proc.stderr.decode()
    assert proc.returncode == 1 and "卡住.doc" in err and "did not convert it within 2 s" in err

    def left() -> list[str]:
        found = []
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/cmdline", "rb") as fh:
                        line = fh.read()
                        if str(fake).encode() in line or line == f"sleep\0{nap}\0".encode():
                            found.append(entry)
                except OSError:
                    pass
        return found

    assert left() == []  # the whole process group was killed


def _sources(index, home, query):
    return {h["source"].rsplit("/", 1)[-1] for h in _hits(index, home, query)}


@needs_soffice
def test_a_file_is_read_as_what_its_bytes_are_not_what_its_name_says(tmp_path):
    # a Word 97-2003 file renamed .docx (the common case) goes through LibreOffice; a PDF saved as .txt is read as a PDF
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "改名的旧文件.docx").write_bytes(_make_doc(tmp_path, "x", ["某区关于支持车规芯片验证的通知", "对开展车规级认证的企业给予一次性奖励。"]))
    make_pdf(docs / "另存为.txt", [["某市关于促进光刻胶产业发展的若干措施", "支持企业建设光刻胶中试验证平台。"]])
    (docs / "plain.txt").write_text("%PDF 一词出现在正文里，这是一份普通的文本文件。", encoding="utf-8")
    proc = icpolicy("ingest", docs, "--index", tmp_path / "ix", "-j", "1", home=tmp_path)
    assert proc.returncode == 0, proc.err
    assert _sources(tmp_path / "ix", tmp_path, "车规级认证") == {"改名的旧文件.docx"}
    assert _sources(tmp_path / "ix", tmp_path, "光刻胶中试验证平台") == {"另存为.txt"}
    assert _sources(tmp_path / "ix", tmp_path, "普通的文本文件") == {"plain.txt"}
    assert not _hits(tmp_path / "ix", tmp_path, "STSong")  # no PDF syntax was indexed as text


def test_the_unsupported_type_message_lists_only_what_is_read(tmp_path):
    (tmp_path / "表.xlsx").write_bytes(b"PK\x03\x04")
    proc = icpolicy("ingest", tmp_path / "表.xlsx", "--index", tmp_path / "ix", home=tmp_path)
    assert "unsupported type '.xlsx'" in proc.err and ".pdf" in proc.err
    assert ".ofd" not in proc.err.split("supported:", 1)[1]  # .ofd is named with what to do, never read


def test_a_pdf_whose_fonts_map_to_no_characters_is_skipped_with_the_reason(tmp_path):
    # pdfminer gives "(cid:N)" for each glyph of a font it cannot map (here: a character collection it does
    # not know); such a file has no text to index, and says so, while the rest of the batch is indexed
    docs = tmp_path / "docs"
    docs.mkdir()
    made = make_pdf(tmp_path / "made.pdf", [["某市关于促进光刻胶产业发展的若干措施", "支持企业建设光刻胶中试验证平台，给予资金补助。"]])
    data = made.read_bytes()
    assert data.count(b"/Ordering (GB1)") == 1
    (docs / "无映射.pdf").write_bytes(data.replace(b"/Ordering (GB1)", b"/Ordering (XX1)"))  # same length: the xref holds
    make_pdf(docs / "一字.pdf", [["常" * 30] * 12 + ["关于印发方案的通知"]])  # a font that maps every glyph to one
    (docs / "few.txt").write_text("关于支持光刻胶产业的通知\n对建设中试平台(cid:17)的企业给予补助。\n", encoding="utf-8")
    proc = icpolicy("ingest", docs, "--index", tmp_path / "ix", "-j", "1", home=tmp_path)
    assert proc.returncode == 1, proc.err
    skipped = [line for line in proc.err.splitlines() if line.startswith("skipped:")]
    assert len(skipped) == 2 and all("no text to read" in line for line in skipped), proc.err
    assert _sources(tmp_path / "ix", tmp_path, "中试平台的企业") == {"few.txt"}  # a stray mark is dropped
    assert not _hits(tmp_path / "ix", tmp_path, "cid")
    assert "BytesIO" not in proc.err


def test_a_copy_of_a_skipped_file_is_skipped_with_its_reason_not_called_indexed(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    make_pdf(docs / "扫描件.pdf", [[]], page_numbers=False)  # no text layer
    (docs / "扫描件_副本.pdf").write_bytes((docs / "扫描件.pdf").read_bytes())
    (docs / "ok.txt").write_text("关于支持光刻胶产业的通知\n对建设中试平台的企业给予补助。\n", encoding="utf-8")
    proc = icpolicy("ingest", docs, "--index", tmp_path / "ix", "-j", "1", home=tmp_path)
    assert proc.returncode == 1, proc.err
    assert "duplicate" not in proc.err and "indexed 1 file" in proc.err
    skipped = sorted(line for line in proc.err.splitlines() if line.startswith("skipped:"))
    assert len(skipped) == 2 and "扫描件_副本.pdf: no text layer" in skipped[1] and "same content as" in skipped[1], proc.err



@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_good_file_is_read_though_a_misnamed_copy_of_it_failed_first(tmp_path, jobs):
    # a web page saved again as a_甲.pdf (no PDF inside, planned first) fails as a PDF; its copies named .html are
    # pages: the first is read as one (it was skipped as 'the same content as a_甲.pdf'), the second is its duplicate
    docs = tmp_path / "docs"
    docs.mkdir()
    page = ("<html><head><title>合肥市关于支持显示面板产业发展的若干政策</title></head><body>"
            "<h1>合肥市关于支持显示面板产业发展的若干政策</h1><p>对新型显示面板项目给予设备投资补助。</p></body></html>")
    for name in ("a_甲.pdf", "b_乙.html", "c_丙.html", "d_丁.htm"):  # .htm: the same reader, so a duplicate too
        (docs / name).write_text(page, encoding="utf-8")
    (docs / "ok.txt").write_text("关于支持光刻胶产业的通知\n对建设中试平台的企业给予补助。\n", encoding="utf-8")
    proc = icpolicy("ingest", docs, "--index", tmp_path / "ix", "-j", jobs, home=tmp_path)
    # (since session 37 the misnamed original is reported as what the next ingest calls it: a duplicate of the copy read,
    # its content indexed once; before, "corrupt PDF" on the first run and "duplicate" on every later one)
    assert proc.returncode == 0, proc.err
    assert "indexed 2 files" in proc.err and "3 duplicates" in proc.err, proc.err
    assert not [line for line in proc.err.splitlines() if line.startswith("skipped:")], proc.err
    assert any(line.startswith("duplicate: ") and "a_甲.pdf" in line.split(" has ")[0] for line in proc.err.splitlines()), proc.err
    again = icpolicy("ingest", docs, "--index", tmp_path / "ix", "-j", jobs, home=tmp_path)
    assert again.returncode == 0 and "3 duplicates" in again.err, again.err
    hits = _hits(tmp_path / "ix", tmp_path, "显示面板项目")
    assert len(hits) == 1 and hits[0]["source"].endswith(".html") and hits[0]["region_path"] == ["安徽省", "合肥市"]

def test_a_short_notice_on_a_page_of_long_menus_keeps_only_its_own_text(tmp_path):
    # a notice of a few sentences under a site's top bar, menus, search box and hot words: the menus hold more
    # text than the notice, most of it in links; only the notice is indexed
    docs = tmp_path / "docs"
    docs.mkdir()
    menus = "".join(f"<li><a href='/{i}'>{name}</a></li>" for i, name in enumerate(
        ["首页", "政务公开", "政策文件", "办事服务", "互动交流", "走进本市", "专题专栏", "数据开放", "人事信息", "统计数据"]))
    page = f"""<html><head><meta charset="utf-8"><title>某市关于开展芯片人才公寓申请工作的通知_某市人民政府门户网站</title></head>
<body><div class="topbar">长者模式 | 无障碍 | 繁體 | 登录 | 注册</div>
<div class="navigation"><ul>{menus}</ul></div>
<div class="sousuo">请输入关键词 搜索 热门搜索：<a>人才政策</a> <a>社保查询</a> <a>集成电路产业扶持政策汇编</a> <a>公积金提取</a></div>
<div class="content"><h1>某市关于开展芯片人才公寓申请工作的通知</h1>
<div class="main-text"><p>各有关单位：</p>
<p>为吸引集成电路人才来本市就业，现开展芯片人才公寓申请工作，符合条件的人才可申请租住两年。</p>
<p>申请人须在本市集成电路企业全职工作，并提供劳动合同和社保缴纳证明。</p>
<p>某市人才工作领导小组办公室</p><p>2026年4月1日</p></div></div>
<div class="links">友情链接：<a>省人民政府</a><a>市发展改革委</a><a>市工业和信息化局</a><a>市科学技术局</a><a>市人力资源和社会保障局</a></div>
</body></html>"""
    (docs / "notice.html").write_text(page, encoding="utf-8")
    proc = icpolicy("ingest", docs, "--index", tmp_path / "ix", "-j", "1", home=tmp_path)
    assert proc.returncode == 0, proc.err
    texts = [h["text"] for h in _hits(tmp_path / "ix", tmp_path, "集成电路")]
    assert len(texts) == 2 and all("搜索" not in t and "汇编" not in t for t in texts), texts
    assert not _hits(tmp_path / "ix", tmp_path, "政务公开") and not _hits(tmp_path / "ix", tmp_path, "长者模式")


def _temp_folders(root):
    return sorted(p.name for p in root.iterdir() if p.name.startswith(("icpolicy-convert-", "icpolicy-soffice-profile-")))


@needs_soffice
def test_libreoffice_s_temp_folders_are_gone_after_an_ingest_with_workers(tmp_path):
    # each worker's LibreOffice profile, and the conversion folder that holds a copy of the user's document
    docs = tmp_path / "docs"
    docs.mkdir()
    for n in range(3):
        (docs / f"旧文件{n}.doc").write_bytes(_make_doc(tmp_path, "x", [f"某县关于支持第{n}批芯片企业的通知", f"对第{n}批入库企业给予奖励。"]))
    temp = tmp_path / "temp"
    temp.mkdir()
    proc = icpolicy("ingest", docs, "--index", tmp_path / "ix", "-j", "2", home=tmp_path, TMPDIR=str(temp))
    assert proc.returncode == 0, proc.err
    assert _hits(tmp_path / "ix", tmp_path, "入库企业")
    assert _temp_folders(temp) == []


def test_an_ingest_deletes_the_temp_folders_a_killed_one_left_and_no_other(tmp_path):
    temp = tmp_path / "temp"
    temp.mkdir()
    old = time.time() - 7200

    def folder(name, marked=True, age=old):
        made = temp / name
        made.mkdir()
        if marked:
            (made / ".icpolicy-temporary").write_text("made by icpolicy\n", encoding="utf-8")
        (made / "input.doc").write_bytes(b"a copy of the user's document")
        os.utime(made, (age, age))
        return made

    folder("icpolicy-convert-999999999-abcd1234")  # no such process, marked, an hour old: a killed ingest's
    folder("icpolicy-soffice-profile-999999998-ab_d1234")
    kept = [folder(f"icpolicy-convert-{os.getpid()}-abcd1234"),  # a running process's (this one)
            folder("icpolicy-convert-999999997-recent12", age=time.time()),  # too recent to be sure
            folder("icpolicy-convert-2024-results1", marked=False),  # named like ours, not ours: a person's
            folder("icpolicy-convert-99999999999999999999-abcdefgh"),  # no pid a system has: never a crash
            folder("icpolicy-convert-abcd1234")]  # an older version's (no pid): not ours to judge
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("关于支持芯片企业的通知\n对入库企业给予奖励。\n", encoding="utf-8")
    proc = icpolicy("ingest", docs, "--index", tmp_path / "ix", home=tmp_path, TMPDIR=str(temp))
    assert proc.returncode == 0, proc.err
    assert _temp_folders(temp) == sorted(p.name for p in kept)


def test_a_file_name_in_gbk_bytes_is_shown_readable_in_every_line(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    gbk = os.fsdecode("贵阳".encode("gbk"))  # a name unzipped from a Windows archive: not UTF-8
    (docs / "a.txt").write_text("关于支持芯片企业的通知\n对入库企业给予奖励。\n", encoding="utf-8")
    (docs / f"{gbk}.txt").write_bytes((docs / "a.txt").read_bytes())
    (docs / f"{gbk}2.txt").write_bytes(b"\x00\x01\x02")
    proc = icpolicy("ingest", docs, "--index", tmp_path / "ix", "-j", "1", home=tmp_path)
    assert proc.returncode == 1
    assert "duplicate: " in proc.err and "贵阳.txt has the same content" in proc.err
    assert "贵阳2.txt: " in proc.err and "\\udc" not in proc.err


def test_a_text_that_only_begins_like_a_pdf_is_read_as_text(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "note.txt").write_text("%PDF-格式的文件说明\n本区政务公开文件一律提供可检索的文本版本。\n", encoding="utf-8")
    proc = icpolicy("ingest", docs, "--index", tmp_path / "ix", "-j", "1", home=tmp_path)
    assert proc.returncode == 0, proc.err
    assert _sources(tmp_path / "ix", tmp_path, "可检索的文本版本") == {"note.txt"}
