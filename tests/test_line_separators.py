"""U+2029 (PARAGRAPH SEPARATOR) ends a paragraph and U+2028 (LINE SEPARATOR) breaks a line, as a line
end does, whatever reader made the text (models.unify_line_ends): neither is left in what a search or
`show` gives, the title stands alone, and a sentence broken by U+2028 is still found whole."""

from __future__ import annotations

import json

import pytest

from tests.conftest import cli, make_docx

PS, LS = "\u2029", "\u2028"
TITLE = "关于支持车规级芯片验证平台建设的通知"
PARAGRAPHS = [TITLE, "各区工业和信息化主管部门：", f"为加快车规级芯片上车验证，完善可靠性测试和{LS}失效分析能力，现将有关事项通知如下。",
              "一、对新建验证平台给予设备投资百分之二十的补助。", "二、对通过认证的企业给予一次性奖励。"]
TEXT = PS.join(PARAGRAPHS)


def _documents() -> dict[str, bytes | list[str]]:
    """The notice as each reader's file (each with a line of its own, so that no two are duplicates)."""
    body = "".join(f"<p>{p}</p>" if i == 0 else p + PS for i, p in enumerate(PARAGRAPHS))
    return {
        "notice.txt": (TEXT + PS + "附件：申报表").encode("utf-8"),
        "notice.md": (TEXT + PS + "附件：申报指南").encode("utf-8"),
        "notice.html": f"<html><body><div class='article'>{body}</div></body></html>".encode("utf-8"),
        "notice.docx": [TEXT],  # one Word paragraph holding the separators
    }


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("separators")
    docs = folder / "docs"
    docs.mkdir()
    for name, content in _documents().items():
        if name.endswith(".docx"):
            make_docx(docs / name, content)
        else:
            (docs / name).write_bytes(content)
    done = cli("ingest", docs, "--index", folder / "ix")
    assert done.returncode == 0, done.stderr
    return folder / "ix"


@pytest.mark.parametrize("name", sorted(_documents()))
def test_separators_break_lines_and_are_not_left_in_the_text(index, name):
    docs = json.loads(cli("docs", "--index", index, "-f", "json").stdout)["documents"]
    doc = next(d for d in docs if d["source"].endswith(name))
    assert doc["title"] == TITLE
    shown = json.loads(cli("show", doc["doc_id"], "--index", index, "-f", "json").stdout)
    texts = [p["text"] for p in shown["passages"]]
    assert not any(PS in text or LS in text for text in texts), texts
    assert texts[0] == TITLE
    # the two items stay apart; the sentence broken by U+2028 reads whole
    assert not any("补助。二、" in text for text in texts), texts
    assert any("可靠性测试和失效分析能力" in text for text in texts), texts
    hits = [json.loads(line) for line in cli("search", "测试和失效分析", "--index", index, "-f", "jsonl").stdout.splitlines()]
    assert doc["doc_id"] in {hit["doc_id"] for hit in hits}
