"""Nothing of the user's is ever lost (issue 12): every case through the CLI, as a user runs it."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

SUBJECTS = ["本市", "各区县人民政府", "市工业和信息化局", "高新区管委会", "市发展改革委", "市财政局", "市科技局"]
ACTIONS = ["支持", "鼓励", "引导", "推动", "扶持", "培育"]
OBJECTS = ["晶圆制造企业扩大产能", "封装测试企业建设先进产线", "设计企业开展流片验证", "材料企业攻关大尺寸硅片",
           "装备企业研制刻蚀设备", "高校与企业共建实训基地", "龙头企业牵头组建创新联合体"]
MEANS = ["按设备投资额给予一定比例补助", "优先保障项目用地和能耗指标", "设立专项基金予以股权投资",
         "对首年度研发投入给予奖励", "开辟审批绿色通道", "提供人才公寓和子女入学便利"]


def write_docs(folder: Path, count: int, tag: str, lines: int = 30) -> Path:
    """count distinct policy-like documents, each holding the marker 标记{tag}{n}号 once."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        body = [f"{SUBJECTS[(n + k) % 7]}{ACTIONS[(n * 3 + k) % 6]}{OBJECTS[(n * 5 + k * 2) % 7]}，{MEANS[(n + k * 5) % 6]}，第{k + 1}条自{2020 + k % 6}年起施行。"
                for k in range(lines)]
        (folder / f"{tag}_{n:04d}.txt").write_text(f"关于标记{tag}{n}号事项的通知\n" + "\n".join(body) + "\n", encoding="utf-8")
    return folder


def cli(*args, timeout: float = 120, env: dict | None = None, prefix: list[str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*(prefix or []), sys.executable, "-m", "icpolicy", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, "ICPOLICY_COMMIT_SECONDS": "0.2", **(env or {})})


def total(index_dir: Path, query: str) -> int:
    done = cli("search", query, "--index", index_dir, "-f", "json", "-n", "1000")
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)["total"] if done.returncode == 0 else 0


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry under folder with its content (files) or link target: to prove nothing changed."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        key = str(path.relative_to(folder))
        if path.is_symlink():
            found[key] = "-> " + os.readlink(path)
        elif path.is_file():
            found[key] = path.read_bytes()
        else:
            found[key] = "dir"
    return found


PROGRESS = re.compile(r"^icpolicy: (?:indexing \d+ files|\d+/\d+ files) \(")  # a piped ingest's progress lines


def one_line_error(done: subprocess.CompletedProcess) -> str:
    lines = [line for line in done.stderr.splitlines() if line.strip() and not PROGRESS.match(line)]
    assert "Traceback" not in done.stderr and len(lines) == 1, done.stderr
    return lines[0]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """An index of 6 generated documents (marker 标记底N号), built once; tests copy it."""
    root = tmp_path_factory.mktemp("built")
    docs = write_docs(root / "docs", 6, "底")
    done = cli("ingest", docs, "--index", root / "index", "-j", "1")
    assert done.returncode == 0, done.stderr
    return root / "index"


@pytest.fixture()
def index_copy(built, tmp_path) -> Path:
    target = tmp_path / "index"
    shutil.copytree(built, target)
    return target


# -- the index owns only what it made ---------------------------------------------------------


def test_a_folder_of_user_files_is_refused_and_left_as_it_was(tmp_path):
    user = tmp_path / "mine"
    (user / "seg-000001").mkdir(parents=True)
    (user / "seg-000001" / "meta.json").write_text("{\"mine\": true}", encoding="utf-8")
    (user / "budget.xlsx").write_bytes(b"not really a spreadsheet")
    (user / "notes").mkdir()
    (user / "notes" / "todo.txt").write_text("买菜", encoding="utf-8")
    before = snapshot(user)
    docs = write_docs(tmp_path / "docs", 2, "拒")
    for args in (["ingest", docs, "--index", user], ["ingest", "--rebuild", docs, "--index", user]):
        done = cli(*args)
        assert done.returncode == 2
        line = one_line_error(done)
        assert str(user) in line and "not an icpolicy index" in line
        assert snapshot(user) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "mine"]  # no sibling folder left either


def test_an_index_pointed_at_the_documents_own_folder_deletes_nothing(tmp_path):
    docs = write_docs(tmp_path / "docs", 3, "自")
    before = snapshot(docs)
    for args in (["ingest", docs, "--index", docs], ["ingest", "--rebuild", docs, "--index", docs]):
        done = cli(*args)
        assert done.returncode == 2
        assert "not an icpolicy index" in one_line_error(done)
        assert snapshot(docs) == before


def test_rebuild_never_touches_sibling_old_and_rebuild_folders(index_copy, tmp_path):
    for name in ("index.old", "index.rebuild"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "手稿.txt").write_text(f"{name} 里是用户自己的文件", encoding="utf-8")
    before = {name: snapshot(tmp_path / name) for name in ("index.old", "index.rebuild")}
    siblings = sorted(p.name for p in tmp_path.iterdir())
    fresh = write_docs(tmp_path / "fresh", 2, "新建")
    done = cli("ingest", "--rebuild", fresh, "--index", index_copy)
    assert done.returncode == 0, done.stderr
    assert {name: snapshot(tmp_path / name) for name in before} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(siblings + ["fresh"])  # its own temporary folders are gone
    assert total(index_copy, "标记新建") == 2 and total(index_copy, "标记底") == 0


def test_rebuild_refuses_an_index_folder_holding_a_user_file(index_copy, tmp_path):
    (index_copy / "我的笔记.txt").write_text("放错了地方的笔记", encoding="utf-8")
    done = cli("ingest", "--rebuild", write_docs(tmp_path / "fresh", 1, "重"), "--index", index_copy)
    assert done.returncode == 2 and "我的笔记.txt" in one_line_error(done)
    assert (index_copy / "我的笔记.txt").read_text(encoding="utf-8") == "放错了地方的笔记"
    assert total(index_copy, "标记底") == 6
    plain = cli("ingest", write_docs(tmp_path / "more", 1, "加"), "--index", index_copy)  # a plain ingest leaves it alone
    assert plain.returncode == 0, plain.stderr
    assert (index_copy / "我的笔记.txt").exists() and total(index_copy, "标记加") == 1


def test_a_user_folder_named_like_a_segment_inside_the_index_is_kept(index_copy, tmp_path):
    (index_copy / "seg-000099").mkdir()
    (index_copy / "seg-000099" / "照片.jpg").write_bytes(b"\xff\xd8 a photo")
    done = cli("ingest", write_docs(tmp_path / "more", 1, "留"), "--index", index_copy)
    assert done.returncode == 0, done.stderr
    assert (index_copy / "seg-000099" / "照片.jpg").read_bytes() == b"\xff\xd8 a photo"


# -- workers, the lock and signals ------------------------------------------------------------


def _session(sid: int) -> list[int]:
    """Live (not zombie) processes of a session, from /proc."""
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[3]) == sid and fields[0] != "Z":
            pids.append(int(stat.parent.name))
    return pids


def _open_files(pid: int) -> set[str]:
    found = set()
    for fd in Path(f"/proc/{pid}/fd").glob("*"):
        try:
            found.add(os.readlink(fd))
        except OSError:
            pass
    return found


def _wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def _committed(index_dir: Path) -> int:
    try:
        return json.loads((index_dir / "icpolicy.json").read_text(encoding="utf-8")).get("documents", 0)
    except (OSError, ValueError):
        return 0


needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to see the ingest's processes")


@needs_proc
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_killing_the_ingest_leaves_no_process_and_no_lock(index_copy, tmp_path, how):
    docs = write_docs(tmp_path / "docs", 300, "杀")
    process = subprocess.Popen([sys.executable, "-m", "icpolicy", "ingest", str(docs), "--index", str(index_copy), "-j", "2"],
                               env=dict(os.environ, ICPOLICY_COMMIT_SECONDS="0.2"), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, start_new_session=True)
    try:
        assert _wait_for(lambda: len(_session(process.pid)) >= 3 and _committed(index_copy) >= 8, 60), "the ingest never got going with its workers"
        lock = str(index_copy / "icpolicy.lock")
        assert lock in _open_files(process.pid)  # the committing parent holds the lock...
        assert not any(lock in _open_files(pid) for pid in _session(process.pid) if pid != process.pid)  # ...its workers never
        os.kill(process.pid, how)  # the parent only, as `kill` or the OOM killer would
        _, stderr = process.communicate(timeout=60)
        assert _wait_for(lambda: not _session(process.pid), 5), f"left behind: {_session(process.pid)}"
    finally:
        for pid in _session(process.pid):
            os.kill(pid, signal.SIGKILL)
    if how == signal.SIGTERM:
        assert process.returncode == 143, stderr
        assert "Traceback" not in stderr and "interrupted: what was indexed before SIGTERM is committed" in stderr
        assert 0 < total(index_copy, "标记杀") < 300  # what was done was committed
    else:
        assert process.returncode == -signal.SIGKILL
    again = cli("ingest", docs, "--index", index_copy, timeout=180)  # no stale lock, nothing to clean up by hand
    assert again.returncode == 0, again.stderr
    assert total(index_copy, "标记杀") == 300 and total(index_copy, "标记底") == 6


def test_search_and_ingest_work_where_fcntl_is_missing(index_copy, tmp_path):
    code = "import sys; sys.modules['fcntl'] = None; from icpolicy.cli import main; main()"
    search = subprocess.run([sys.executable, "-c", code, "search", "标记底3号", "--index", str(index_copy), "-f", "json"],
                            capture_output=True, text=True, timeout=120)
    assert search.returncode == 0, search.stderr
    assert json.loads(search.stdout)["total"] == 1 and "fcntl" not in search.stderr
    # filelock falls back to a lock file of its own there (a fresh index: the flock file of another run is not one)
    ingest = subprocess.run([sys.executable, "-c", code, "ingest", str(write_docs(tmp_path / "more", 3, "无锁")), "--index", str(tmp_path / "soft"), "-j", "2"],
                            capture_output=True, text=True, timeout=120)
    assert ingest.returncode == 0 and "Traceback" not in ingest.stderr, ingest.stderr
    assert total(tmp_path / "soft", "标记无锁") == 3
    for path in Path(__file__).resolve().parents[1].joinpath("src").rglob("*.py"):
        assert "import fcntl" not in path.read_text(encoding="utf-8"), path


# -- damage is named ----------------------------------------------------------------------------

def _refused(done: subprocess.CompletedProcess, damaged: Path, index_dir: Path) -> bool:
    """Exit 3, one line naming the damaged file and the rebuild command, and no answer."""
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    return (done.returncode == 3 and len(lines) == 1 and "Traceback" not in done.stderr and str(damaged) in lines[0]
            and f"icpolicy ingest --rebuild --index {index_dir}" in lines[0] and not done.stdout.strip())


def _assert_refused(done: subprocess.CompletedProcess, damaged: Path, index_dir: Path) -> None:
    assert _refused(done, damaged, index_dir), (done.returncode, done.stdout[:300], done.stderr)


def test_truncating_any_index_file_is_named_never_answered_from(built, tmp_path):
    """Every file of the index, truncated to half: a search and an ingest both refuse it (exit 3,
    naming it), or, for a file the search does not need, the search answers in full and the ingest
    says the file was damaged and rebuilds it."""
    files = sorted(p.relative_to(built) for p in built.rglob("*") if p.is_file() and p.stat().st_size > 1
                   and p.name not in ("icpolicy.lock", "icpolicy.writer"))
    assert len(files) >= 5
    wrong, refused = [], []
    for k, name in enumerate(files):
        index_dir = tmp_path / f"case{k}" / "index"
        shutil.copytree(built, index_dir)
        damaged = index_dir / name
        os.truncate(damaged, damaged.stat().st_size // 2)
        search = cli("search", "标记底", "--index", index_dir, "-f", "json", "-n", "100")
        ingest = cli("ingest", write_docs(tmp_path / f"case{k}" / "more", 1, "又"), "--index", index_dir)
        if _refused(search, damaged, index_dir):
            if name != Path("icpolicy.json"):
                refused.append(index_dir)
            if not _refused(ingest, damaged, index_dir):
                wrong.append(f"{name}: refused by search, not by ingest: {ingest.returncode} {ingest.stderr[-300:]}")
        elif search.returncode == 0 and json.loads(search.stdout)["total"] == 6:
            healed = ingest.returncode == 0 and ("damaged" in ingest.stderr or "rebuil" in ingest.stderr)
            if not healed or total(index_dir, "标记底") != 6 or total(index_dir, "标记又") != 1:
                wrong.append(f"{name}: answered from, but the ingest did not name and rebuild it: {ingest.returncode} {ingest.stderr[-300:]}")
        else:
            wrong.append(f"{name}: search gave {search.returncode} {search.stdout[:200]!r} {search.stderr[-300:]}")
    assert not wrong, "\n".join(wrong)
    assert refused  # some of them are what searches read
    rebuilt = cli("ingest", "--rebuild", "--index", refused[-1])  # the command the message gives puts it right
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert total(refused[-1], "标记底") == 6


def test_a_damaged_manifest_is_named(index_copy):
    (index_copy / "icpolicy.json").write_text("{\"segments\": [", encoding="utf-8")
    done = cli("search", "标记底", "--index", index_copy)
    assert done.returncode == 3
    line = one_line_error(done)
    assert str(index_copy / "icpolicy.json") in line and "icpolicy ingest --rebuild --index" in line


@pytest.mark.parametrize("pattern", ["*.seg", "*.toc"])
def test_a_damaged_catalogue_is_rebuilt_from_the_passages(index_copy, tmp_path, pattern):
    assert list(index_copy.rglob(pattern))  # the Whoosh document catalogue's segments and table of contents
    for path in index_copy.rglob(pattern):
        os.truncate(path, path.stat().st_size // 3)
    (index_copy / "catalogue_2024年.xlsx").write_bytes(b"a user's file, named like the catalogue's")
    done = cli("ingest", write_docs(tmp_path / "more", 1, "补"), "--index", index_copy)
    assert done.returncode == 0, done.stderr
    assert "damaged" in done.stderr and "rebuil" in done.stderr and "Traceback" not in done.stderr
    assert (index_copy / "catalogue_2024年.xlsx").read_bytes() == b"a user's file, named like the catalogue's"
    assert total(index_copy, "标记底") == 6 and total(index_copy, "标记补") == 1
    unchanged = cli("ingest", Path(json.loads((index_copy / "icpolicy.json").read_text(encoding="utf-8"))["roots"][0]), "--index", index_copy)
    assert unchanged.returncode == 0 and "indexed 0 files" in unchanged.stderr and "6 unchanged" in unchanged.stderr


# -- a full disk --------------------------------------------------------------------------------


@pytest.fixture()
def small_disk(tmp_path):
    """A 2 MB tmpfs (needs root); unmounted afterwards."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs to fill needs root")
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)], capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=False)


def test_a_full_disk_is_one_line_that_says_what_was_committed(small_disk, tmp_path):
    # 160 documents: their finished index alone (~2.3 MB) is larger than the disk, so the disk
    # fills whatever the commit and merge timing (80, ~1.6 MB, filled it only at a merge's peak)
    docs = write_docs(tmp_path / "docs", 160, "满", lines=60)
    index_dir = small_disk / "index"
    done = cli("ingest", docs, "--index", index_dir, "-j", "1", env={"ICPOLICY_COMMIT_SECONDS": "0.05"})
    assert done.returncode == 3, done.stderr
    line = one_line_error(done)
    assert "No space left on device" in line and str(small_disk) in line and "closed file" not in line
    assert "committed" in line
    found = total(index_dir, "标记满")  # the index holds exactly what the message says
    said = re.search(r"(\d+) documents of this run were committed", line)
    assert found == (int(said.group(1)) if said else 0), line
    assert said or "nothing of this run was committed" in line


# -- walking folders ----------------------------------------------------------------------------


def test_a_symlink_loop_is_named_and_the_batch_goes_on(tmp_path):
    docs = write_docs(tmp_path / "docs", 3, "环")
    (docs / "甲.txt").symlink_to(docs / "乙.txt")
    (docs / "乙.txt").symlink_to(docs / "甲.txt")
    (docs / "sub").mkdir()
    (docs / "sub" / "up").symlink_to(docs, target_is_directory=True)
    done = cli("ingest", docs, "--index", tmp_path / "index")
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert f"skipped: {docs / '甲.txt'}: symbolic link loop" in done.stderr and f"skipped: {docs / '乙.txt'}: symbolic link loop" in done.stderr
    assert total(tmp_path / "index", "标记环") == 3


def test_links_out_of_the_tree_are_followed_only_when_asked(tmp_path):
    secret = tmp_path / "elsewhere" / "passwd.txt"  # standing in for /etc/passwd
    secret.parent.mkdir()
    secret.write_text("机密口令清单：标记外泄号\n", encoding="utf-8")
    docs = write_docs(tmp_path / "docs", 2, "内")
    (docs / "捷径.txt").symlink_to(secret)
    done = cli("ingest", docs, "--index", tmp_path / "index")
    assert done.returncode == 1
    assert f"skipped: {docs / '捷径.txt'}: symbolic link to {secret}" in done.stderr and "--follow-links" in done.stderr
    assert total(tmp_path / "index", "标记外泄") == 0 and total(tmp_path / "index", "标记内") == 2
    followed = cli("ingest", "--follow-links", docs, "--index", tmp_path / "index")
    assert followed.returncode == 0, followed.stderr
    assert total(tmp_path / "index", "标记外泄") == 1


# -- re-ingest ----------------------------------------------------------------------------------


def test_an_edited_originals_twin_stays_searchable(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    text = "关于标记孪生号的通知\n本市支持封装测试企业建设先进产线，按设备投资额给予补助。\n"
    (docs / "a.txt").write_text(text, encoding="utf-8")
    (docs / "b.txt").write_text(text, encoding="utf-8")
    first = cli("ingest", docs, "--index", tmp_path / "index")
    assert first.returncode == 0 and "duplicate" in first.stderr
    (docs / "a.txt").write_text("关于标记改写号的通知\n本市鼓励设计企业开展流片验证。\n", encoding="utf-8")
    second = cli("ingest", docs, "--index", tmp_path / "index")
    assert second.returncode == 0, second.stderr
    assert total(tmp_path / "index", "标记孪生") == 1  # b.txt now carries it
    assert total(tmp_path / "index", "标记改写") == 1


def test_files_gone_from_a_reingested_folder_are_removed_and_named(tmp_path):
    docs = write_docs(tmp_path / "docs", 3, "去")
    assert cli("ingest", docs, "--index", tmp_path / "index").returncode == 0
    (docs / "去_0001.txt").unlink()
    done = cli("ingest", docs, "--index", tmp_path / "index")
    assert done.returncode == 0, done.stderr
    assert f"removed: {docs / '去_0001.txt'}" in done.stderr and "1 removed" in done.stderr
    assert total(tmp_path / "index", "标记去1号") == 0 and total(tmp_path / "index", "标记去") == 2


# -- the decoder --------------------------------------------------------------------------------


def test_utf16_without_a_bom_is_read(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    text = "关于加快标记{}号集成电路产业发展的意见\n到2027年，全市集成电路产业规模力争突破千亿元。\n支持企业建设十二英寸晶圆生产线，对重大项目给予贴息。\n"
    (docs / "le.txt").write_bytes(text.format("小端").encode("utf-16-le"))
    (docs / "be.txt").write_bytes(text.format("大端").encode("utf-16-be"))
    done = cli("ingest", docs, "--index", tmp_path / "index")
    assert done.returncode == 0, done.stderr
    assert total(tmp_path / "index", "标记小端") == 1 and total(tmp_path / "index", "标记大端") == 1
    assert total(tmp_path / "index", "十二英寸晶圆") == 2


def test_a_read_only_index_is_one_line_and_nothing_is_lost(small_disk, built, tmp_path):
    index_dir = small_disk / "index"
    shutil.copytree(built, index_dir)
    remounted = subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], capture_output=True, text=True)
    if remounted.returncode != 0:
        pytest.skip(f"cannot remount the tmpfs read-only: {remounted.stderr.strip()}")
    done = cli("ingest", write_docs(tmp_path / "docs", 3, "只读"), "--index", index_dir)
    assert done.returncode == 3
    line = one_line_error(done)
    assert "Read-only file system" in line and str(index_dir) in line and "nothing of this run was committed" in line
    # searching, listing and describing need no write: a read-only share or disc still answers
    found = cli("search", "标记底", "--index", index_dir, "-f", "json")
    assert found.returncode == 0 and not found.stderr, found.stderr
    assert json.loads(found.stdout)["total"] == 6
    assert cli("docs", "--index", index_dir, "-f", "jsonl").stdout.count("\n") == 6
    assert json.loads(cli("info", "--index", index_dir, "-f", "json").stdout)["documents"] == 6
    assert subprocess.run(["mount", "-o", "remount,rw", str(small_disk)]).returncode == 0
    assert total(index_dir, "标记底") == 6  # nothing was lost


@needs_proc
def test_a_terminated_rebuild_leaves_the_index_and_no_folder_behind(index_copy, tmp_path):
    docs = write_docs(tmp_path / "docs", 300, "弃")
    siblings = sorted(p.name for p in tmp_path.iterdir())
    process = subprocess.Popen([sys.executable, "-m", "icpolicy", "ingest", "--rebuild", str(docs), "--index", str(index_copy), "-j", "2"],
                               env=dict(os.environ, ICPOLICY_COMMIT_SECONDS="0.2"), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, start_new_session=True)
    try:
        assert _wait_for(lambda: any(_committed(p) >= 8 for p in tmp_path.glob("index.icpolicy-rebuild-*")), 60), "the rebuild never got going"
        os.kill(process.pid, signal.SIGTERM)
        _, stderr = process.communicate(timeout=60)
        assert _wait_for(lambda: not _session(process.pid), 5), f"left behind: {_session(process.pid)}"
    finally:
        for pid in _session(process.pid):
            os.kill(pid, signal.SIGKILL)
    assert process.returncode == 143 and "the rebuild was abandoned" in stderr, stderr
    assert "indexed" not in stderr.replace("were not indexed", ""), stderr  # nothing read is said to be indexed
    assert sorted(p.name for p in tmp_path.iterdir()) == siblings
    assert total(index_copy, "标记底") == 6 and total(index_copy, "标记弃") == 0


def test_a_rebuild_of_an_index_whose_name_holds_brackets_leaves_no_folder_behind(built, tmp_path):
    """Names are matched as patterns when the index deletes: a folder called ix[1] is matched literally."""
    index_dir = tmp_path / "ix[1]"
    shutil.copytree(built, index_dir)
    docs = json.loads((index_dir / "icpolicy.json").read_text(encoding="utf-8"))["roots"][0]
    done = cli("ingest", "--rebuild", docs, "--index", index_dir)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ix[1]"]
    assert total(index_dir, "标记底") == 6


@needs_proc
def test_a_killed_rebuild_is_cleared_by_the_next_ingest_and_a_users_look_alike_is_not(index_copy, tmp_path):
    docs = write_docs(tmp_path / "docs", 300, "杀")
    look_alike = tmp_path / "index.icpolicy-rebuild-mine1234"  # a user's folder with the name the tool gives its own
    look_alike.mkdir()
    (look_alike / "notes.txt").write_text("mine", encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "icpolicy", "ingest", "--rebuild", str(docs), "--index", str(index_copy), "-j", "2"],
                               env=dict(os.environ, ICPOLICY_COMMIT_SECONDS="0.2"), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, start_new_session=True)
    try:
        started = lambda: [p for p in tmp_path.glob("index.icpolicy-rebuild-*") if p != look_alike and _committed(p) >= 8]  # noqa: E731
        assert _wait_for(started, 60), "the rebuild never got going"
        left = started()
        os.killpg(process.pid, signal.SIGKILL)  # no chance to clean up
        process.communicate(timeout=60)
    finally:
        for pid in _session(process.pid):
            os.kill(pid, signal.SIGKILL)
    # A killed worker can take a moment to go: until it has, it may still hold the lock or write a file.
    assert _wait_for(lambda: not _session(process.pid), 30), "the killed ingest's processes lived on"
    assert all(p.exists() for p in left)
    done = cli("ingest", write_docs(tmp_path / "more", 2, "续"), "--index", index_copy)
    assert done.returncode == 0, done.stderr
    assert not any(p.exists() for p in left) and "killed" in done.stderr
    assert (look_alike / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert total(index_copy, "标记底") == 6 and total(index_copy, "标记续") == 2 and total(index_copy, "标记杀") == 0


def test_what_a_killed_document_index_writer_leaves_is_the_indexs_own(index_copy, tmp_path):
    """Whoosh's temporary folder (documents.tmp with column and posting runs) and its TOC before the rename
    survive a kill -9 of a plain ingest; a --rebuild must treat them as the index's, not refuse the folder as
    holding a user's file."""
    leftovers = index_copy / "documents" / "documents.tmp"
    leftovers.mkdir()
    toc = index_copy / "documents" / "_documents_9.toc.1764892800.1234567"  # Whoosh's TOC before its rename
    toc.write_bytes(b"")
    (leftovers / "k3j9x0q2.ctmp").write_bytes(b"")
    (leftovers / "p8d7s6a5.run").write_bytes(b"")
    docs = json.loads((index_copy / "icpolicy.json").read_text(encoding="utf-8"))["roots"][0]
    done = cli("ingest", "--rebuild", docs, "--index", index_copy)
    assert done.returncode == 0, done.stderr
    assert not leftovers.exists() and not toc.exists() and total(index_copy, "标记底") == 6


def test_the_index_deletes_nothing_it_did_not_make(tmp_path):
    """folder.remove, the only way the index deletes: its own names and contents, never through a link."""
    from icpolicy.engine import folder

    layout = {"seg-[0-9]*": {"meta.json": None, "*.npy": None}, "icpolicy.json": None}
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.docx").write_bytes(b"years of work")
    index_dir = tmp_path / "index"
    (index_dir / "seg-1").mkdir(parents=True)
    (index_dir / "seg-1" / "meta.json").write_text("{}", encoding="utf-8")
    (index_dir / "seg-1" / "link").symlink_to(precious, target_is_directory=True)
    (index_dir / "seg-2").mkdir()
    (index_dir / "seg-2" / "meta.json").write_text("{}", encoding="utf-8")
    (index_dir / "seg-3").symlink_to(precious, target_is_directory=True)
    (index_dir / "notes.npy").write_bytes(b"a user's array, named like ours but not where ours live")
    assert folder.foreign(index_dir, layout) == [index_dir / "notes.npy", index_dir / "seg-1" / "link", index_dir / "seg-3"]
    assert not folder.remove(index_dir / "seg-1", layout)  # holds a link
    assert not folder.remove(index_dir / "seg-3", layout)  # is a link
    assert not folder.remove(index_dir / "notes.npy", layout)  # not a name the index writes there
    assert folder.remove(index_dir / "seg-2", layout) and not (index_dir / "seg-2").exists()
    assert (precious / "thesis.docx").read_bytes() == b"years of work"
    assert sorted(p.name for p in index_dir.iterdir()) == ["notes.npy", "seg-1", "seg-3"]


def test_searches_during_a_rebuild_always_answer(index_copy, tmp_path):
    from icpolicy.engine.search import open_index

    fresh = write_docs(tmp_path / "fresh", 120, "换")
    process = subprocess.Popen([sys.executable, "-m", "icpolicy", "-q", "ingest", "--rebuild", str(fresh), "--index", str(index_copy), "-j", "2"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    answers, errors = set(), []
    while process.poll() is None:
        try:
            with open_index(index_copy) as ix:
                answers.add((ix.search("标记底", limit=None).total, ix.search("标记换", limit=None).total))
        except Exception as exc:  # noqa: BLE001 - any failure of a reader is what this test is about
            errors.append(f"{type(exc).__name__}: {exc}")
    assert process.returncode == 0, process.stderr.read()
    with open_index(index_copy) as ix:
        answers.add((ix.search("标记底", limit=None).total, ix.search("标记换", limit=None).total))
    assert not errors, errors[:3]
    assert answers == {(6, 0), (0, 120)}  # the old index or the new one, whole, and nothing between


def test_a_write_error_masked_by_whoosh_is_reported_as_the_disk_fault(tmp_path):
    """Whoosh can turn ENOSPC into 'I/O operation on closed file' while it cleans up: the disk
    fault in the exception's chain is what gets reported, not damage of the document index."""
    import errno

    from icpolicy.engine.documents import _disk_error

    try:
        try:
            raise OSError(errno.ENOSPC, "No space left on device")
        except OSError:
            raise ValueError("I/O operation on closed file") from None  # the chain keeps __context__
    except ValueError as masked:
        found = _disk_error(masked, tmp_path)
    assert isinstance(found, OSError) and found.errno == errno.ENOSPC
    assert _disk_error(ValueError("bad segment header"), tmp_path) is None  # real damage stays damage


def test_a_users_backups_beside_the_index_are_never_swept(built, tmp_path):
    """Copies a user makes beside the index under names like a rebuild's (idx.rebuild-20241201, idx.old-backup_1,
    even idx.icpolicy-rebuild-20241201) are the user's: a plain ingest deleted the old-style ones that held index
    files alone or nothing.  Only a folder holding the mark the tool writes into the folders it makes is swept."""
    index_dir = tmp_path / "idx"
    shutil.copytree(built, index_dir)
    copies = [tmp_path / name for name in ("idx.rebuild-20241201", "idx.old-20241130", "idx.icpolicy-rebuild-20241201")]
    shutil.copytree(built, copies[0])
    copies[1].mkdir()
    shutil.copytree(built, copies[1] / "idx")
    shutil.copytree(built, copies[2])
    empty = [tmp_path / "idx.old-backup_1", tmp_path / "idx.rebuild-mynotes1"]
    for folder in empty:
        folder.mkdir()
    before = {p: sorted(q.relative_to(p) for q in p.rglob("*")) for p in copies}
    done = cli("ingest", write_docs(tmp_path / "more", 2, "留"), "--index", index_dir)
    assert done.returncode == 0, done.stderr
    assert all(p.is_dir() for p in empty)
    assert {p: sorted(q.relative_to(p) for q in p.rglob("*")) for p in copies} == before
    assert "killed" not in done.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_among_the_files_is_skipped_not_waited_on(tmp_path):
    """A named pipe called *.txt (in a folder, or given itself) made ingest wait for a writer for ever, holding
    the index lock, deaf to Ctrl-C and SIGTERM: it is skipped and named now, and the rest is indexed."""
    docs = write_docs(tmp_path / "docs", 2, "管")
    os.mkfifo(docs / "feed.txt")
    done = subprocess.run([sys.executable, "-m", "icpolicy", "ingest", str(docs), str(docs / "feed.txt"), "--index", str(tmp_path / "ix")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert "feed.txt: not a regular file" in done.stderr
    assert total(tmp_path / "ix", "标记管") == 2


@needs_proc
def test_a_worker_killed_mid_ingest_costs_its_files_only(tmp_path):
    """kill -9 of one worker process (the kernel's out-of-memory killer does the same) made ingest print a Python
    traceback (BrokenProcessPool) and stop: the files the dead pool held are skipped and named, the files not handed
    out yet are read in the ingest's own process, and the summary says what was done."""
    docs = write_docs(tmp_path / "docs", 300, "工", lines=300)  # long enough to be killed mid-way
    index_dir = tmp_path / "ix"
    process = subprocess.Popen([sys.executable, "-m", "icpolicy", "ingest", str(docs), "--index", str(index_dir), "-j", "2"],
                               env=dict(os.environ, ICPOLICY_COMMIT_SECONDS="0.2"), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, start_new_session=True)
    try:
        assert _wait_for(lambda: _committed(index_dir) >= 8, 60), "the ingest never got going"
        workers = [pid for pid in _session(process.pid) if pid != process.pid]
        assert workers, "no worker process"
        os.kill(workers[0], signal.SIGKILL)
        _, stderr = process.communicate(timeout=240)
    finally:
        for pid in _session(process.pid):
            os.kill(pid, signal.SIGKILL)
    assert "Traceback" not in stderr, stderr
    skipped = re.findall(r"skipped: .*工_\d{4}\.txt: worker process failed", stderr)
    assert process.returncode == 1 and 1 <= len(skipped) <= 8, stderr
    assert total(index_dir, "标记工") == 300 - len(skipped)


def test_a_file_still_being_read_after_the_time_limit_is_skipped_and_the_rest_indexed(tmp_path):
    """A reader stuck on one file (a pathological PDF, a huge page) held its worker and the ingest for as long as it
    took, for ever if it looped: a file still being read after ICPOLICY_FILE_SECONDS has its worker killed and is
    skipped with the reason, and the other files are indexed, the one queued behind it included."""
    docs = write_docs(tmp_path / "docs", 12, "限")
    big = "\n".join(f"第{k}条 关于集成电路封装测试产能建设的事项，到2027年新增产值{k}亿元。" for k in range(25000))
    (docs / "超长文件.txt").write_text("关于标记慢1号事项的通知\n" + big, encoding="utf-8")  # ~2.7 MB: read whole, in a worker
    done = cli("ingest", docs, "--index", tmp_path / "ix", "-j", "2", env={"ICPOLICY_FILE_SECONDS": "1"}, timeout=300)
    assert done.returncode == 1, done.stderr
    assert re.search(r"超长文件\.txt: still being read after 1 s, so it was stopped .*ICPOLICY_FILE_SECONDS", done.stderr), done.stderr
    assert "Traceback" not in done.stderr
    assert total(tmp_path / "ix", "标记限") == 12 and total(tmp_path / "ix", "标记慢1号") == 0


HALF_A_RESULT = r"""
import gc, os, signal, struct, sys, time
from multiprocessing.connection import Connection
from icpolicy.pipeline.workers import WorkerFailed, start_pool, stop_pool

def half_then_die():
    # what kill -9 (or the out-of-memory killer) leaves when it lands while a worker sends its result:
    # the header of a 1 MB message and a few bytes of it
    for conn in (o for o in gc.get_objects() if isinstance(o, Connection) and not o.closed):
        os.write(conn.fileno(), struct.pack("!i", 1 << 20) + b"x" * 1000)
    os.kill(os.getpid(), signal.SIGKILL)

pool = start_pool(2)
pool.submit("slow", time.sleep, 1)
pool.submit("dies", half_then_die)
pool.submit("after", sum, [1, 2, 3])
outcomes, deadline = {}, time.monotonic() + 30
while pool.busy and time.monotonic() < deadline:
    for key, value in pool.finished(timeout=0.5):
        outcomes[key] = value.why if isinstance(value, WorkerFailed) else value
stop_pool(pool, wait=True)
print(sorted(outcomes.items(), key=str))
"""


def test_a_worker_killed_while_it_sends_its_result_does_not_hang_the_pool(tmp_path):
    """The CI run of session 17 hung in test_a_worker_killed_mid_ingest_costs_its_files_only: concurrent.futures'
    workers share one result pipe, and a worker killed half-way through writing its result left the pool's manager
    thread reading the rest of the message for ever (ingest hung, deaf to everything but kill -9).  Each worker has
    a pipe of its own now: the half message is the dead worker's alone, its task fails, the others go on."""
    done = subprocess.run([sys.executable, "-c", HALF_A_RESULT], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert done.stdout.strip() == "[('after', 6), ('dies', 'killed by SIGKILL'), ('slow', None)]", done.stdout


def test_a_stored_block_altered_in_place_is_damage_not_a_traceback(built, tmp_path):
    """A byte of a .store file changed in place (its size kept) made `docs --all` print a Python traceback when the
    record it lands in no longer decodes as UTF-8, exit 1: it is the damaged index's one line, exit 3, now (or, when
    the change goes unseen, an answer: the README says such damage is caught by the next ingest)."""
    store = next((built / "tantivy").glob("*.store"))
    original = store.read_bytes()
    outcomes = set()
    for k in range(16):
        index_dir = tmp_path / f"idx{k}"
        shutil.copytree(built, index_dir)
        data = bytearray(original)
        data[len(data) * (2 * k + 1) // 32] ^= 0xFF
        (index_dir / "tantivy" / store.name).write_bytes(bytes(data))
        done = cli("docs", "--all", "--index", index_dir)
        assert "Traceback" not in done.stderr and done.returncode in (0, 3), (k, done.stderr[-2000:])
        if done.returncode == 3:
            assert len(done.stderr.splitlines()) == 1 and "damaged" in done.stderr and "--rebuild" in done.stderr, done.stderr
        outcomes.add(done.returncode)
        shutil.rmtree(index_dir)
    assert 3 in outcomes


def test_a_file_altered_in_place_is_found_by_its_time_before_the_engine_reads_it(built, tmp_path):
    """A tantivy file changed in place, its size kept, is seen by its modification time on any open (not only by the
    next ingest) and its checksum read: every one of these flips is the damaged index's one line, exit 3, for search
    and docs alike.  Left to tantivy, a flipped length could make it abort the process (SIGABRT, nothing said).  A
    copy of the index made without its files' times (cp -r) still answers."""
    import re

    files = [path for path in sorted((built / "tantivy").iterdir()) if re.match(r"[0-9a-f]{32}\.", path.name) and path.stat().st_size > 64]
    assert len(files) >= 5
    for k, part in enumerate(files):
        index_dir = tmp_path / f"alt{k}"
        shutil.copytree(built, index_dir)
        data = bytearray(part.read_bytes())
        data[len(data) // 3] ^= 0x5A
        (index_dir / "tantivy" / part.name).write_bytes(bytes(data))
        for command in (["search", "标记"], ["docs", "--all"]):
            done = cli(*command, "--index", index_dir)
            assert done.returncode == 3, (part.name, command, done.returncode, done.stderr[-2000:])
            assert len(done.stderr.splitlines()) == 1 and "altered since the commit" in done.stderr and "--rebuild" in done.stderr, done.stderr
        shutil.rmtree(index_dir)
    copied = tmp_path / "copied"
    shutil.copytree(built, copied, copy_function=shutil.copyfile)  # contents only: new times
    done = cli("search", "标记", "--index", copied)
    assert done.returncode == 0 and done.stdout.strip(), done.stderr


def test_a_panic_in_the_engine_is_the_damaged_index_s_one_line_and_nothing_more(built, tmp_path):
    """tantivy (Rust) panics on some damage it cannot decode, and Rust prints the panic's text (with RUST_BACKTRACE
    set, a whole stack backtrace) straight to the process's stderr before the command turns the panic into its one
    line, exit 3: that text is held back now (cli/native_stderr.py), so the one line is all the user sees.  A byte
    flipped in a file's header (an offset or a length) makes tantivy panic whatever the documents; bytes flipped
    inside the term dictionary gave engine messages running over several lines and a passage whose document
    record cannot be found (a KeyError's traceback): one line, exit 3, too."""
    flips = [("idx", lambda n: 10), ("store", lambda n: 8), ("term", lambda n: 40)]
    flips += [("term", lambda n, k=k: n * (2 * k + 1) // 16) for k in range(8)]
    outcomes = []
    for number, (name, where) in enumerate(flips):
        part = next((built / "tantivy").glob(f"*.{name}"))
        data = bytearray(part.read_bytes())
        data[where(len(data))] ^= 0xFF
        index_dir = tmp_path / f"flip{number}"
        shutil.copytree(built, index_dir)
        (index_dir / "tantivy" / part.name).write_bytes(bytes(data))
        shutil.copystat(part, index_dir / "tantivy" / part.name)  # damage that keeps the file's time (bit rot): left to the engine
        for command in (["search", "标记底3号"], ["docs", "--all"]):
            done = cli(*command, "--index", index_dir, env={"RUST_BACKTRACE": "1"})
            assert "panicked" not in done.stderr and "Traceback" not in done.stderr, (name, number, done.stderr[-3000:])
            assert done.returncode in (0, 3), (name, number, done.stderr[-3000:])
            if done.returncode == 3:
                assert len(done.stderr.splitlines()) == 1 and "--rebuild" in done.stderr, (name, number, done.stderr[-3000:])
            outcomes.append(done.stderr)
        shutil.rmtree(index_dir)
    assert sum("PanicException" in line for line in outcomes[:6]) >= 3, outcomes  # the three header flips: search, at least


def test_an_index_that_lost_its_manifest_is_built_again_where_the_message_says(built, tmp_path):
    """With icpolicy.json gone (deleted, or a first ingest killed before writing it) search said "build one with:
    icpolicy ingest --index DIR PATH...", and that command refused the folder (exit 2) until the user deleted
    index files by hand.  The index's own files alone are replaced now; a folder that also holds a user's file is not."""
    index_dir = tmp_path / "idx"
    shutil.copytree(built, index_dir)
    (index_dir / "icpolicy.json").unlink()
    search = cli("search", "标记", "--index", index_dir)
    assert search.returncode == 3 and f"icpolicy ingest --index {index_dir} PATH" in search.stderr, search.stderr
    alone = cli("ingest", "--rebuild", "--index", index_dir)
    assert alone.returncode == 2 and "icpolicy.json" in alone.stderr and "PATH" in alone.stderr, alone.stderr
    again = cli("ingest", write_docs(tmp_path / "docs", 3, "再"), "--index", index_dir)
    assert again.returncode == 0, again.stderr
    assert total(index_dir, "标记再") == 3 and total(index_dir, "标记底") == 0
    mixed = tmp_path / "mixed"
    shutil.copytree(built, mixed)
    (mixed / "icpolicy.json").unlink()
    (mixed / "notes.txt").write_text("mine", encoding="utf-8")
    before = snapshot(mixed)
    refused = cli("ingest", tmp_path / "docs", "--index", mixed)
    assert refused.returncode == 2 and snapshot(mixed) == before, refused.stderr
