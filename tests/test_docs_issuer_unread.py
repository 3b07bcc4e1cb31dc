"""`docs --issuer I` lists the documents whose stated issuer contains I; a document whose issuer icpolicy could not
read (a work report with no "代表…向大会" line, a news round-up) can be neither matched nor ruled out, so one line on
stderr names those the other filters select, instead of leaving them out silently (not with -q)."""

from __future__ import annotations

import json

from tests.clirun import icpolicy


def test_issuer_filter_names_the_documents_it_could_not_judge(seed_index, tmp_path):
    every = json.loads(icpolicy("docs", "--all", "-f", "json", "--index", seed_index, home=tmp_path).out)["documents"]
    unread = [d for d in every if not d["issuer"]]
    assert unread and any(d["issuer"] for d in every)
    done = icpolicy("docs", "--issuer", "人民政府", "--all", "-f", "json", "--index", seed_index, home=tmp_path)
    assert done.returncode == 0, done.err
    assert [d["doc_id"] for d in json.loads(done.out)["documents"]] == [d["doc_id"] for d in every if "人民政府" in d["issuer"]]
    lines = done.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"icpolicy: --issuer left out {len(unread)} documents whose issuer icpolicy could not read ("), done.err
    assert sum(d["doc_id"] in lines[0] for d in unread) == min(3, len(unread)), lines[0]
    assert f"and {len(unread) - 3} more" in lines[0] if len(unread) > 3 else "more" not in lines[0]
    quiet = icpolicy("-q", "docs", "--issuer", "人民政府", "--all", "-f", "json", "--index", seed_index, home=tmp_path)
    assert quiet.returncode == 0 and quiet.err == "" and quiet.out == done.out


def test_other_filters_narrow_the_documents_named(seed_index, tmp_path):
    done = icpolicy("docs", "--issuer", "人民政府", "-r", "青浦", "-f", "json", "--index", seed_index, home=tmp_path)
    every = json.loads(icpolicy("docs", "-r", "青浦", "--all", "-f", "json", "--index", seed_index, home=tmp_path).out)["documents"]
    assert done.returncode == 0 and all(d["issuer"] for d in every) and done.err == "", done.err  # none unread among them
