"""Where the index lives (flag, env, ./data/index, per-user folder), `icpolicy info`, `icpolicy remove`."""

from __future__ import annotations

import json
import shutil

from tests.clirun import icpolicy


def _info(home, *args, cwd=None, **env):
    proc = icpolicy("info", "-f", "json", *args, home=home, cwd=cwd, **env)
    return proc.returncode, json.loads(proc.out)


def test_first_search_in_a_fresh_folder_builds_the_per_user_index_and_info_says_so(tmp_path):
    work = tmp_path / "anywhere"
    work.mkdir()
    code, facts = _info(tmp_path, cwd=work)
    assert code == 3 and facts["why"] == "default" and not facts["exists"] and "bundled seeds" in facts["problem"]
    proc = icpolicy("search", "先进封装", "-n", "1", home=tmp_path, cwd=work)
    assert proc.returncode == 0 and "先进封装" in proc.out
    default = tmp_path / "xdg-data" / "icpolicy" / "index"
    assert f"into {default}" in proc.err and not (work / "data").exists()
    code, facts = _info(tmp_path, cwd=work)
    assert code == 0 and facts["index"] == str(default) and facts["why"] == "default"
    assert facts["documents"] == 5 and facts["passages"] > 100 and facts["bytes"] > 10_000
    assert facts["schema_version"] and facts["tool_version"] and facts["last_ingest"]
    assert len(facts["folders"]) == 1 and facts["folders"][0].endswith("seeds")
    again = icpolicy("search", "先进封装", "-n", "1", home=tmp_path, cwd=tmp_path)  # from another folder: the same index
    assert again.returncode == 0 and "bundled" not in again.err


def test_the_order_is_flag_then_env_then_local_folder_then_per_user(seed_index, tmp_path):
    local = tmp_path / "project"
    shutil.copytree(seed_index, local / "data" / "index")
    code, facts = _info(tmp_path, cwd=local)
    assert code == 0 and facts["why"] == "folder" and facts["index"].endswith("data/index") and facts["documents"] == 5
    code, facts = _info(tmp_path, cwd=local, ICPOLICY_INDEX=str(seed_index))
    assert facts["why"] == "env" and facts["index"] == str(seed_index)
    code, facts = _info(tmp_path, "--index", tmp_path / "nowhere", cwd=local, ICPOLICY_INDEX=str(seed_index))
    assert code == 3 and facts["why"] == "flag" and not facts["exists"]
    text = icpolicy("info", home=tmp_path, cwd=local)
    assert text.returncode == 0 and "exists in the current folder" in text.out and "documents  5" in text.out


def test_remove_takes_files_and_folders_out_and_touches_no_file(tmp_path):
    docs = tmp_path / "docs"
    (docs / "old").mkdir(parents=True)
    (docs / "a.txt").write_text("甲市支持氮化镓功率器件产线建设。", encoding="utf-8")
    (docs / "old" / "b.txt").write_text("乙市支持氮化镓射频芯片研发。", encoding="utf-8")
    (docs / "old" / "c.txt").write_text("丙市支持碳化硅衬底扩产。", encoding="utf-8")
    index = tmp_path / "ix"
    assert icpolicy("ingest", docs, "--index", index, home=tmp_path).returncode == 0

    def sources(query):
        proc = icpolicy("search", query, "-a", "-f", "json", "--index", index, home=tmp_path)
        return sorted(h["source"].rsplit("/", 1)[-1] for h in json.loads(proc.out)["hits"])

    assert sources("氮化镓") == ["a.txt", "b.txt"]
    proc = icpolicy("remove", docs / "a.txt", "--index", index, home=tmp_path)
    assert proc.returncode == 0 and "removed 1 document " in proc.err
    assert sources("氮化镓") == ["b.txt"]
    (docs / "old" / "c.txt").unlink()  # a file already gone from disk can be removed too
    proc = icpolicy("remove", docs / "old", docs / "never-ingested.txt", "--index", index, home=tmp_path)
    assert proc.returncode == 1 and "removed 2 documents" in proc.err and "not in the index: " in proc.err and "never-ingested.txt" in proc.err
    assert sources("氮化镓") == [] and sources("碳化硅") == []
    assert (docs / "a.txt").exists() and (docs / "old" / "b.txt").exists()
    code, facts = _info(tmp_path, "--index", index)
    assert facts["documents"] == 0 and str(docs / "old") not in facts["folders"]
    assert icpolicy("remove", docs, "--index", tmp_path / "none", home=tmp_path).returncode == 3
