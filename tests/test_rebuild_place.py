"""A rebuild leaves the index where and as the user had it: the folder keeps its mode (a shared index stays
readable by the others), and an --index given through a symlink is rebuilt in the folder the link points to."""

from __future__ import annotations

import json
import os
import stat

from tests.clirun import icpolicy

TEXT = "关于支持芯片设计企业首轮流片的通知\n对首轮流片的设计企业给予补助。\n"


def _docs(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(TEXT, encoding="utf-8")
    return docs


def test_a_rebuilt_index_keeps_its_folder_s_mode(tmp_path):
    docs = _docs(tmp_path)
    index = tmp_path / "shared" / "ix"
    old = os.umask(0o022)
    try:
        assert icpolicy("ingest", docs, "--index", index, "-j", "1", home=tmp_path).returncode == 0
        os.chmod(index, 0o755)
        assert icpolicy("ingest", "--rebuild", "--index", index, "-j", "1", home=tmp_path).returncode == 0
        assert stat.S_IMODE(index.stat().st_mode) == 0o755
        os.chmod(index, 0o750)  # a mode the user chose is kept too
        assert icpolicy("ingest", "--rebuild", "--index", index, "-j", "1", home=tmp_path).returncode == 0
        assert stat.S_IMODE(index.stat().st_mode) == 0o750
    finally:
        os.umask(old)


def test_an_index_given_through_a_symlink_is_rebuilt_where_the_link_points(tmp_path):
    docs = _docs(tmp_path)
    real = tmp_path / "store" / "realix"
    assert icpolicy("ingest", docs, "--index", real, "-j", "1", home=tmp_path).returncode == 0
    link = tmp_path / "lnix"
    link.symlink_to(real)
    proc = icpolicy("ingest", "--rebuild", "--index", link, "-j", "1", home=tmp_path)
    assert proc.returncode == 0, proc.err
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert not (real / "icpolicy.temporary").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "lnix", "store"]
    assert sorted(p.name for p in (tmp_path / "store").iterdir()) == ["realix"]
    found = icpolicy("search", "首轮流片", "-f", "json", "--index", link, home=tmp_path)
    assert found.returncode == 0 and json.loads(found.out)["hits"]


def test_a_broken_symlink_given_as_the_index_is_refused(tmp_path):
    docs = _docs(tmp_path)
    link = tmp_path / "dang"
    link.symlink_to(tmp_path / "nothere")
    proc = icpolicy("ingest", docs, "--index", link, "-j", "1", home=tmp_path)
    assert proc.returncode == 2 and "broken symbolic link" in proc.err
    assert not (tmp_path / "nothere").exists()
