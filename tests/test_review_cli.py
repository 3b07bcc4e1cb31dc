"""What a new user met in review, each driven through the CLI as a subprocess on tests/fixtures/cli2
(five documents: 无锡 action plans for 2023 and for 2025—2027, a 合肥 scheme for 2024—2026 in Markdown, a
长三角 opinion naming several provinces, and a UTF-16BE report in traditional characters about 臺灣)."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.clirun import icpolicy
from tests.fixture_cli import FIXTURES, index_fixture

index = index_fixture("cli2")


def run(home: Path, *args):
    return icpolicy(*args, home=home)


def rows(proc) -> list[dict]:
    return [json.loads(line) for line in proc.out.splitlines() if line.strip()]


# -- 1. an index built by one user is searched by another ---------------------------------------

def test_index_files_take_the_umask_mode(index):
    """tantivy writes meta.json through a 0600 temporary file; after a commit it has the mode of
    every other file of the index (0666 less the umask: 0644 under the usual 022)."""
    umask = os.umask(0o022)
    os.umask(umask)
    modes = {path.relative_to(index).as_posix(): stat.S_IMODE(path.stat().st_mode) for path in index.rglob("*") if path.is_file()}
    assert modes["tantivy/meta.json"] == 0o666 & ~umask, modes
    assert set(modes.values()) == {0o666 & ~umask}, modes


def _other_user_python():
    """(argv prefix, env) running python as `nobody` with this checkout importable, or None."""
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        return None
    path = os.pathsep.join(p for p in sys.path if p and os.path.isdir(p))
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    for python in (sys.executable, shutil.which(version) or "", f"/usr/bin/{version}"):
        if not python:
            continue
        argv = ["setpriv", "--reuid", "nobody", "--regid", "nogroup", "--clear-groups", python]
        env = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "PYTHONPATH": path, "PYTHONIOENCODING": "utf-8"}
        probe = subprocess.run([*argv, "-c", "import icpolicy.cli.app, tantivy"], env=env, capture_output=True)
        if probe.returncode == 0:
            return argv, env
    return None


@pytest.fixture(scope="module")
def shared_index(index):
    """A copy of the index in a folder every user may enter, written by root."""
    where = Path(tempfile.mkdtemp(prefix="icpolicy-shared-"))
    os.chmod(where, 0o755)
    copy = where / "index"
    subprocess.run([sys.executable, "-m", "icpolicy", "ingest", str(FIXTURES / "cli2"), "--index", str(copy), "-j", "1", "-q"], check=True)
    yield copy
    shutil.rmtree(where, ignore_errors=True)


def test_another_user_searches_the_index(shared_index):
    other = _other_user_python()
    if other is None:
        pytest.skip("needs root, setpriv and a python the user nobody may run")
    argv, env = other
    found = subprocess.run([*argv, "-m", "icpolicy", "search", "集成电路", "--index", str(shared_index), "-f", "jsonl"],
                           env=env, capture_output=True, text=True, timeout=120)
    assert found.returncode == 0, found.stderr
    assert len(found.stdout.splitlines()) == 10
    # a file this user may not read is a permission problem, not damage: no rebuild advised
    meta = shared_index / "tantivy" / "meta.json"
    os.chmod(meta, 0o600)
    try:
        for command in (["search", "集成电路"], ["info"]):
            refused = subprocess.run([*argv, "-m", "icpolicy", *command, "--index", str(shared_index)],
                                     env=env, capture_output=True, text=True, timeout=120)
            assert refused.returncode == 3, refused
            said = refused.stderr if command[0] == "search" else refused.stdout
            assert f"cannot read {meta}: permission denied" in said and "ask the index's owner" in said, said
            assert "rebuild" not in said and "damaged" not in said
    finally:
        os.chmod(meta, 0o644)


# -- 2. an export cut at the default limit says so ------------------------------------------------

def test_export_cut_at_the_limit_says_how_many_were_written(index, tmp_path):
    total = len(rows(run(tmp_path, "search", "集成电路", "--index", index, "--all", "-f", "jsonl")))
    assert total > 10
    out = tmp_path / "hits.csv"
    cut = run(tmp_path, "search", "集成电路", "--index", index, "-f", "csv", "-o", out)
    assert cut.returncode == 0
    assert cut.err.strip() == f"icpolicy: wrote 10 of {total} hits; add --all for every hit"
    piped = run(tmp_path, "search", "集成电路", "--index", index, "-f", "jsonl")
    assert len(rows(piped)) == 10 and f"wrote 10 of {total} hits" in piped.err
    whole = run(tmp_path, "search", "集成电路", "--index", index, "--all", "-f", "xlsx", "-o", tmp_path / "all.xlsx")
    assert whole.returncode == 0 and whole.err == ""
    quiet = run(tmp_path, "-q", "search", "集成电路", "--index", index, "-f", "csv", "-o", out)
    assert quiet.returncode == 0 and quiet.err == ""
    table = run(tmp_path, "search", "集成电路", "--index", index)  # the table says "showing 10" itself
    assert "wrote" not in table.err
    docs = run(tmp_path, "docs", "--index", index, "-n", "2", "-f", "csv")
    assert docs.err.strip() == "icpolicy: wrote 2 of 5 documents; add --all for every document"


def test_examples_that_export_ask_for_every_hit(tmp_path):
    shown = run(tmp_path, "--help").out + Path(__file__).resolve().parents[1].joinpath("README.md").read_text(encoding="utf-8")
    exports = [line for line in shown.splitlines() if "icpolicy search" in line and " -o " in line]
    assert exports and all("--all" in line or " -a " in line for line in exports), exports


# -- 10. --per-doc groups under the document's own region ---------------------------------------

def test_per_doc_header_names_the_documents_region(index, tmp_path):
    shown = run(tmp_path, "search", "安徽省合肥市聚焦存储", "--index", index, "--per-doc", "1")
    assert shown.returncode == 0, shown.err
    header = shown.out.splitlines()[1].strip()
    assert header.startswith("多地"), shown.out


# -- 3. remove on an index it may not write ------------------------------------------------------

def test_remove_on_an_index_it_cannot_write_exits_3(shared_index):
    other = _other_user_python()
    if other is None:
        pytest.skip("needs root, setpriv and a python the user nobody may run")
    argv, env = other
    before = sorted((p.name, p.stat().st_size) for p in shared_index.rglob("*") if p.is_file())
    refused = subprocess.run([*argv, "-m", "icpolicy", "remove", str(FIXTURES / "cli2" / "hefei_chip_scheme.md"), "--index", str(shared_index)],
                             env=env, capture_output=True, text=True, timeout=120)
    assert refused.returncode == 3, refused
    assert refused.stderr.count("\n") == 1 and "Permission denied" in refused.stderr and "nothing was removed" in refused.stderr
    assert sorted((p.name, p.stat().st_size) for p in shared_index.rglob("*") if p.is_file()) == before


# -- 4. show -------------------------------------------------------------------------------------

def _doc_id(index, tmp_path, name: str) -> str:
    found = rows(run(tmp_path, "docs", "--index", index, "--all", "-f", "jsonl"))
    return next(d["doc_id"] for d in found if d["source"].endswith(name))


def test_show_a_passage_the_document_lacks(index, tmp_path):
    doc_id = _doc_id(index, tmp_path, "hefei_chip_scheme.md")
    whole = json.loads(run(tmp_path, "show", doc_id, "--index", index, "-f", "json").out)
    numbers = [p["passage"] for p in whole["passages"]]
    shown = run(tmp_path, "show", doc_id, "--passage", 99, "--index", index)
    assert shown.returncode == 2 and shown.out == ""
    assert shown.err.strip() == f"icpolicy: --passage 99: {doc_id} has passages {min(numbers)}–{max(numbers)}"
    near = run(tmp_path, "show", doc_id, "--passage", numbers[-1], "--index", index)
    assert near.returncode == 0 and near.err == ""


def test_show_with_a_query_not_in_the_document_exits_1(index, tmp_path):
    doc_id = _doc_id(index, tmp_path, "hefei_chip_scheme.md")
    missing = run(tmp_path, "show", doc_id, "光伏组件", "--index", index)
    assert missing.returncode == 1 and "光伏组件 is not in " + doc_id in missing.err
    assert "合肥市集成电路产业高质量发展行动方案" in missing.out  # the document is still shown
    assert run(tmp_path, "show", doc_id, "氮化镓", "--index", index).returncode == 0


def test_show_an_unknown_doc_id_says_where_ids_are(index, tmp_path):
    listing = run(tmp_path, "search", "氮化镓", "--index", index)
    doc_id = _doc_id(index, tmp_path, "hefei_chip_scheme.md")
    assert f"[{doc_id} #" in listing.out  # the id as the user sees it: in brackets after the title
    wrong = run(tmp_path, "show", "zzzzzzzzzzzz", "--index", index)
    assert wrong.returncode == 2 and wrong.err.count("\n") == 1
    assert "in brackets after a hit's title" in wrong.err and "first column of icpolicy docs" in wrong.err


# -- 5. changes ----------------------------------------------------------------------------------

def test_changes_refuses_to_compare_a_document_with_itself(index, tmp_path):
    same = run(tmp_path, "changes", "--region", "无锡", "--type", "行动计划", "--from", 2026, "--to", 2027, "--index", index)
    plan = _doc_id(index, tmp_path, "wuxi_chip_plan.txt")
    assert same.returncode == 2 and same.out == "" and same.err.count("\n") == 1, same
    assert f"2026 and 2027 are the same document, {plan}" in same.err and "(years 2025–2027)" in same.err
    assert f"2026 {plan}" in same.err and f"2027 {plan}" in same.err  # the documents per year


def test_changes_labels_the_years_asked(index, tmp_path):
    shown = run(tmp_path, "changes", "--region", "无锡", "--type", "行动计划", "--from", 2023, "--to", 2026, "--index", index)
    assert shown.returncode == 0, shown.err
    assert shown.out.splitlines()[0].startswith("无锡市 行动计划: 2023 [")
    assert "→ 2026 (2025–2027) [" in shown.out.splitlines()[0]
    payload = json.loads(run(tmp_path, "changes", "--region", "无锡", "--type", "行动计划", "--from", 2023, "--to", 2026, "--index", index, "-f", "json").out)
    assert (payload["from"]["year"], payload["to"]["year"], payload["to"]["years"]) == (2023, 2026, [2025, 2026, 2027])


# -- 6. regions ----------------------------------------------------------------------------------

@pytest.mark.parametrize("traditional, simplified", [("江蘇", "江苏"), ("無錫", "无锡"), ("臺灣", "台湾")])
def test_region_filter_in_traditional_characters(index, tmp_path, traditional, simplified):
    folded = run(tmp_path, "search", "積體電路 OR 集成电路", "-r", traditional, "--index", index, "--all", "-f", "jsonl")
    plain = run(tmp_path, "search", "積體電路 OR 集成电路", "-r", simplified, "--index", index, "--all", "-f", "jsonl")
    assert folded.returncode == 0 and folded.err == "", folded.err
    assert rows(folded) == rows(plain) and rows(folded)


def test_a_document_about_taiwan_in_traditional_characters_is_filed_there(index, tmp_path):
    found = rows(run(tmp_path, "docs", "--index", index, "--all", "-f", "jsonl"))
    taiwan = next(d for d in found if d["source"].endswith("taiwan_industry_utf16be.txt"))
    assert taiwan["region_path"] == ["台湾省"]


@pytest.mark.parametrize("short, full", [("南山", ["广东省深圳市南山区", "黑龙江省鹤岗市南山区"]), ("江北", ["浙江省宁波市江北区", "重庆市江北区"])])
def test_a_short_name_of_several_districts_is_ambiguous(index, tmp_path, short, full):
    said = run(tmp_path, "search", "集成电路", "-r", short, "--index", index)
    assert said.returncode == 2 and said.err.count("\n") == 1
    assert said.err.startswith(f"icpolicy: ambiguous region '{short}': ") and all(name in said.err for name in full)
    assert "give the full name" in said.err
    assert run(tmp_path, "search", "集成电路", "-r", full[0], "--index", index).returncode == 1  # the full name is taken


# -- 7. query text -------------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["2024-2026年", "2024—2026年", "2024–2026年", "2024－2026年", "2024~2026年", "2024～2026年"])
def test_a_range_finds_every_dash(index, tmp_path, typed):
    found = rows(run(tmp_path, "search", typed, "--index", index, "--all", "-f", "jsonl"))
    assert {h["source"].rsplit("/", 1)[1] for h in found} == {"hefei_chip_scheme.md"}
    assert len(found) == 2  # the title and the target sentence, both written 2024—2026年
    for hit in found:
        start, end = hit["highlights"][0]
        assert hit["text"][start:end] == "2024—2026年"


def test_full_width_or_is_an_operator(index, tmp_path):
    half = rows(run(tmp_path, "search", "碳化硅 OR 氮化镓", "--index", index, "--all", "-f", "jsonl"))
    full = rows(run(tmp_path, "search", "碳化硅 ＯＲ 氮化镓", "--index", index, "--all", "-f", "jsonl"))
    assert full == half and len(half) >= 3


def test_an_index_of_the_old_search_form_asks_for_a_rebuild(index, tmp_path):
    old = tmp_path / "old"
    shutil.copytree(index, old)
    manifest = json.loads((old / "icpolicy.json").read_text(encoding="utf-8"))
    manifest["schema_version"] = 8
    (old / "icpolicy.json").write_text(json.dumps(manifest), encoding="utf-8")
    said = run(tmp_path, "search", "集成电路", "--index", old)
    assert said.returncode == 3 and f"icpolicy ingest --rebuild --index {old}" in said.err


# -- 8. a mistyped inline filter -----------------------------------------------------------------

@pytest.mark.parametrize("typed, meant", [("regoin:江苏", "region"), ("years:2025", "year"), ("tpye:行动方案", "type"), ("Segmnet:design", "segment")])
def test_a_mistyped_filter_is_named(index, tmp_path, typed, meant):
    said = run(tmp_path, "search", "集成电路", typed, "--index", index)
    assert said.returncode == 2 and said.out == ""
    assert said.err.startswith(f"icpolicy: query: {typed.split(':')[0]}: is not a filter; did you mean {meant}:?")
    assert said.err.count("\n") == 1


def test_a_colon_word_far_from_any_filter_is_text(index, tmp_path):
    said = run(tmp_path, "search", "集成电路", "EDA:工具", "--index", index)
    assert said.returncode == 1 and "not a filter" not in said.err


# -- 9. usage errors on one line -----------------------------------------------------------------

@pytest.mark.parametrize("args, names", [
    (["search", "集成电路", "-n", "0"], "-n/--limit"),
    (["search", "集成电路", "--index", "a_file.txt"], "--index"),
    (["search", "集成电路", "-f", "pdf"], "-f/--format"),
    (["search", "集成电路", "--sort"], "--sort"),
    (["search"], "QUERY"),
    (["serach", "集成电路"], "serach"),
])
def test_usage_errors_take_one_line(tmp_path, args, names):
    (tmp_path / "a_file.txt").write_text("x", encoding="utf-8")
    said = run(tmp_path, *args)
    assert said.returncode == 2 and said.out == ""
    assert said.err.count("\n") == 1 and names in said.err and "--help)" in said.err, said.err
    assert "Usage:" not in said.err and "Error:" not in said.err


def test_a_folder_of_other_files_suggests_a_new_folder(tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("我的笔记", encoding="utf-8")
    for command in (["search", "集成电路"], ["info"]):
        said = run(tmp_path, *command, "--index", mine)
        assert said.returncode == 3
        text = said.err if command[0] == "search" else said.out
        assert "notes.txt" in text and "icpolicy ingest --index NEW_FOLDER PATH..." in text
        assert f"ingest --index {mine} " not in text
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "我的笔记" and len(list(mine.iterdir())) == 1


def test_index_given_a_file_says_to_give_a_folder(tmp_path):
    (tmp_path / "hits.csv").write_text("x", encoding="utf-8")
    said = run(tmp_path, "search", "集成电路", "--index", "hits.csv")
    assert said.returncode == 2
    assert said.err == "icpolicy search: --index: hits.csv is a file: give the index folder (an icpolicy index, or a new or empty folder) (see icpolicy search --help)\n"
