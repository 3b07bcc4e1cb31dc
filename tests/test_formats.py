"""The formats analysts receive: .doc and .wps through LibreOffice, .ofd named, .zip member by member."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
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
