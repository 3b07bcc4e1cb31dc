"""What `remove` takes out stays out of the folders and zips it lies in, on both backends, until it is ingested by
name (session 21: on ClickHouse the next folder ingest put it back; an index folder's zip member did not come back
when its zip was ingested)."""

from __future__ import annotations

import json
import zipfile

import pytest

from tests.clirun import backend_env, icpolicy as run_cli


@pytest.mark.parametrize("backend", ["tantivy", "chdb"])
def test_a_removed_file_and_zip_member_stay_out_until_named(tmp_path, backend):
    chosen = backend_env(backend, tmp_path / "ch")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("关于支持芯片的通知\n\n支持晶圆级封装。\n", encoding="utf-8")
    (docs / "b.txt").write_text("关于支持材料的通知\n\n支持光刻胶国产化。\n", encoding="utf-8")
    with zipfile.ZipFile(docs / "包.zip", "w") as archive:
        archive.writestr("甲.txt", "关于设备的通知\n\n支持刻蚀设备验证。\n")
        archive.writestr("乙.txt", "关于封测的通知\n\n支持车规级封测线。\n")

    def cli(*args):
        return run_cli(*args, "--index", tmp_path / "ix", home=tmp_path, **chosen)

    def total(query):
        out = cli("search", query, "-f", "json")
        return json.loads(out.out)["total"] if out.returncode == 0 else 0

    assert cli("ingest", docs).returncode == 0
    assert cli("remove", docs / "b.txt").returncode == 0
    assert cli("remove", f"{docs / '包.zip'}!乙.txt").returncode == 0
    again = cli("ingest", docs)
    assert again.returncode == 0 and "passed over 2 file(s) taken out with icpolicy remove" in again.err, again.err
    assert total("光刻胶国产化") == 0 and total("车规级封测线") == 0 and total("刻蚀设备验证") == 1
    assert cli("ingest", docs / "b.txt").returncode == 0 and total("光刻胶国产化") == 1
    assert cli("ingest", docs / "包.zip").returncode == 0 and total("车规级封测线") == 1
    assert cli("ingest", docs).returncode == 0 and total("光刻胶国产化") == 1 and total("车规级封测线") == 1
