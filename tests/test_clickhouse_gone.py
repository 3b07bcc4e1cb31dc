"""Gone files on the ClickHouse backend (issue 16), through the CLI, beside the embedded index:
a re-ingest removes the documents of deleted files and of members that left a changed zip,
and says so in the same `removed: …` lines; `remove` takes out the same documents with the
same lines and exit codes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("chdb", reason="chdb is not installed (pip install -e '.[test,clickhouse]')")

DOCS = {
    "a.txt": "2024年江苏省苏州市集成电路产业行动方案\n支持晶圆制造企业扩产，建设特色工艺产线。\n",
    "b.txt": "2023年上海市浦东新区实施意见\n培育光刻胶和湿电子化学品企业，补齐材料短板。\n",
    "sub/c.txt": "2025年广东省深圳市若干政策\n鼓励芯片设计企业流片，给予首轮流片费用补贴。\n",
}
MEMBERS = {
    "m1.txt": "2022年浙江省杭州市工作方案\n推进算力基础设施建设，布局智能计算中心。\n",
    "m2.txt": "2022年安徽省合肥市通知\n组织存储芯片产业链对接活动，促进上下游协作。\n",
}


def _cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    env.pop("ICPOLICY_BACKEND", None)
    return subprocess.run([sys.executable, "-m", "icpolicy", *args], capture_output=True, text=True, env=env, timeout=180)


def _zip(path: Path, members: dict[str, str]) -> None:
    with zipfile.ZipFile(path, "w") as z:
        for name, text in members.items():
            z.writestr(name, text.encode("utf-8"))


def _both(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess, subprocess.CompletedProcess]:
    """(embedded, chdb) runs of the same command."""
    embedded = _cli(*args, "--index", str(tmp_path / "index"))
    clickhouse = _cli("--backend", f"chdb:{tmp_path / 'ch'}", *args)
    return embedded, clickhouse


def _lines(stderr: str, prefix: str) -> list[str]:
    return sorted(line for line in stderr.splitlines() if line.startswith(prefix))


def _sources(done: subprocess.CompletedProcess) -> list[str]:
    return sorted(d["source"] for d in json.loads(done.stdout)["documents"])


def test_reingest_removes_gone_files_and_members_and_remove_agrees(tmp_path):
    docs = tmp_path / "docs"
    for name, text in DOCS.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    _zip(docs / "pack.zip", MEMBERS)
    for done in _both(tmp_path, "ingest", str(docs)):
        assert done.returncode == 0 and "indexed 5 files" in done.stderr, done.stderr

    (docs / "b.txt").unlink()
    _zip(docs / "pack.zip", {"m1.txt": MEMBERS["m1.txt"] + "新增：开放算力券申领。\n"})  # m2 left the zip, m1 changed
    os.utime(docs / "pack.zip", (1_700_000_000, 1_700_000_000))
    embedded, clickhouse = _both(tmp_path, "ingest", str(docs))
    root = docs.resolve()
    expected = [f"removed: {root / 'b.txt'} (no longer on disk)", f"removed: {root / 'pack.zip'}!m2.txt (no longer in pack.zip)"]
    assert _lines(embedded.stderr, "removed:") == expected, embedded.stderr
    assert (clickhouse.returncode, _lines(clickhouse.stderr, "removed:")) == (embedded.returncode, expected), clickhouse.stderr
    assert "2 removed (gone from disk or from their zip)" in clickhouse.stderr
    for term in ("光刻胶", "存储芯片"):  # only in the gone file and the gone member
        for done in _both(tmp_path, "search", term, "-f", "json"):
            assert done.returncode == 1 and json.loads(done.stdout)["total"] == 0, (term, done.stdout)
    found = _both(tmp_path, "search", "算力券", "-f", "json")
    assert [json.loads(d.stdout)["total"] for d in found] == [1, 1]  # the changed member's new text
    listed = _both(tmp_path, "docs", "-a", "-f", "json")
    assert _sources(listed[1]) == _sources(listed[0]) and len(_sources(listed[0])) == 3

    again = _both(tmp_path, "ingest", str(docs))  # nothing gone twice
    assert [_lines(d.stderr, "removed:") for d in again] == [[], []] and all("3 unchanged" in d.stderr for d in again)

    (docs / "pack.zip").unlink()  # the whole archive: its remaining member goes
    whole = _both(tmp_path, "ingest", str(docs))
    assert [_lines(d.stderr, "removed:") for d in whole] == [[f"removed: {root / 'pack.zip'}!m1.txt (no longer on disk)"]] * 2

    removed = _both(tmp_path, "remove", str(docs / "sub"), str(tmp_path / "never-ingested.txt"))
    assert [d.returncode for d in removed] == [1, 1]
    for prefix in ("removed:", "not in the index:"):
        assert _lines(removed[1].stderr, prefix) == _lines(removed[0].stderr, prefix) != []
    assert _lines(removed[1].stderr, "removed:") == [f"removed: {root / 'sub' / 'c.txt'}"]
    listed = _both(tmp_path, "docs", "-a", "-f", "json")
    assert _sources(listed[1]) == _sources(listed[0]) == [str(root / "a.txt")]
    facts = [json.loads(d.stdout) for d in _both(tmp_path, "info", "-f", "json")]
    assert [(f["documents"], f["passages"]) for f in facts] == [(1, facts[0]["passages"])] * 2  # the gone rows are gone from the table too


def test_a_file_outside_the_paths_given_is_not_gone(tmp_path):
    """Only files under the folders (or the files) given are checked: ingesting one folder
    does not remove what was ingested from another."""
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir(), two.mkdir()
    (one / "a.txt").write_text(DOCS["a.txt"], encoding="utf-8")
    (two / "b.txt").write_text(DOCS["b.txt"], encoding="utf-8")
    spec = f"chdb:{tmp_path / 'ch'}"
    assert _cli("--backend", spec, "ingest", str(one), str(two)).returncode == 0
    (one / "a.txt").write_text(DOCS["a.txt"] + "补充：设立产业基金。\n", encoding="utf-8")
    done = _cli("--backend", spec, "ingest", str(one))
    assert done.returncode == 0 and "removed:" not in done.stderr and "indexed 1 file " in done.stderr, done.stderr
    assert json.loads(_cli("--backend", spec, "search", "光刻胶", "-f", "json").stdout)["total"] == 1
